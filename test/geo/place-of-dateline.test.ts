import assert from "node:assert/strict";
import { test } from "node:test";
import { placeOfDateline } from "../../src/geo/index.js";
import { annotate } from "../../src/text/index.js";
import type { Dateline } from "../../src/types/doc.js";

function dateline(place: string): Dateline {
  return { place, agency: null, start: 0, end: place.length };
}

test("dateline: MOSCOW (AP) is Moscow, Russia", () => {
  const doc = annotate("MOSCOW (AP) — Officials met.", { date: null });
  assert.ok(doc.dateline);
  const place = placeOfDateline(doc.dateline);
  assert.ok(place);
  assert.equal(place.name, "Moscow");
  assert.equal(place.country, "RUS");
  assert.ok(Math.abs(place.lat - 55.75) < 0.1 && Math.abs(place.lon - 37.62) < 0.1);
});

const cases: [place: string, name: string | null, country: string | null][] = [
  ["KABUL, Afghanistan", "Kabul", "AFG"],
  ["UNITED NATIONS", "New York City", "USA"],
  ["WASHINGTON", "Washington, D.C.", "USA"],
  ["TRIPOLI, Lebanon", "Tripoli", "LBN"],
  ["TRIPOLI", "Tripoli", "LBY"],
  ["READING, England", "Reading", "GBR"],
  ["SMALLVILLE, Ukraine", "Ukraine", "UKR"],
  ["GAZA CITY, Gaza Strip", "Gaza", "PSE"],
  ["NOWHERE-AT-ALL", null, null],
];

for (const [place, name, country] of cases) {
  test(`dateline: ${place}`, () => {
    const p = placeOfDateline(dateline(place));
    assert.deepEqual(p && [p.name, p.country], name === null ? null : [name, country]);
  });
}
