import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { buildCityTable } from "../../src/geo/build-city-table.js";
import { gazetteer, normaliseName } from "../../src/geo/gazetteer.js";

test("data/geo/cities.tsv is what the installed data packages give", () => {
  const committed = readFileSync(new URL("../../data/geo/cities.tsv", import.meta.url), "utf8");
  assert.ok(
    committed === buildCityTable(),
    "data/geo/cities.tsv is stale: regenerate it with the command in its header",
  );
});

test("the gazetteer compiles: every alias, region and stoplist row is valid", () => {
  const g = gazetteer();
  assert.ok(g.byName.size > 9000);
  assert.ok(g.countries.size > 240);
  assert.equal(g.byName.get(normaliseName("Kiev"))?.[0]?.name, "Kyiv");
});

test("names are normalised without case, accents or apostrophe style", () => {
  assert.equal(normaliseName("Bogotá"), "bogota");
  assert.equal(normaliseName("Cox’s  Bāzār"), "cox's bazar");
  assert.equal(normaliseName("RAFAḨ"), "rafah");
});
