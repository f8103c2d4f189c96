import assert from "node:assert/strict";
import { test } from "node:test";
import { placeOfCountry } from "../../src/geo/index.js";

test("country: an ISO3 code gives the country's name and centre", () => {
  const p = placeOfCountry("RUS");
  assert.ok(p);
  assert.equal(p.name, "Russia");
  assert.equal(p.country, "RUS");
  assert.ok(p.lat > 40 && p.lat < 80 && p.lon > 30 && p.lon < 180);
});

test("country: the code is case-insensitive", () => {
  assert.equal(placeOfCountry("chn")?.name, "China");
});

test("country: an unknown code gives null", () => {
  assert.equal(placeOfCountry("XYZ"), null);
  assert.equal(placeOfCountry(""), null);
});
