import assert from "node:assert/strict";
import { test } from "node:test";
import { findPlaces } from "../../src/geo/index.js";
import { annotate } from "../../src/text/index.js";

function places(text: string): [string, string, string, string][] {
  const doc = annotate(text, { date: null });
  return findPlaces(doc).map((p) => {
    assert.equal(typeof p.lat, "number");
    assert.equal(typeof p.lon, "number");
    return [text.slice(p.start, p.end), p.name, p.country, p.kind];
  });
}

// [label, text, expected [as written, gazetteer name, ISO3, kind]]
const cases: [string, string, [string, string, string, string][]][] = [
  [
    "a city after a preposition",
    "Heavy clashes in Kharkiv left twelve dead.",
    [["Kharkiv", "Kharkiv", "UKR", "city"]],
  ],
  [
    "an ambiguous name goes to the most populous",
    "The envoys met in Paris.",
    [["Paris", "Paris", "FRA", "city"]],
  ],
  [
    "multi-word names",
    "Flights from Rio de Janeiro to New Delhi resumed.",
    [
      ["Rio de Janeiro", "Rio de Janeiro", "BRA", "city"],
      ["New Delhi", "New Delhi", "IND", "city"],
    ],
  ],
  [
    "countries, and a hyphenated pair",
    "Russia-China ties worry the United States.",
    [
      ["Russia", "Russia", "RUS", "country"],
      ["China", "China", "CHN", "country"],
      ["United States", "United States", "USA", "country"],
    ],
  ],
  [
    "abbreviated countries only in capitals",
    "The U.S. and the UK agreed. Us too.",
    [
      ["U.S.", "United States", "USA", "country"],
      ["UK", "United Kingdom", "GBR", "country"],
    ],
  ],
  [
    "Washington is the US capital",
    "Officials in Washington objected.",
    [["Washington", "Washington, D.C.", "USA", "city"]],
  ],
  ["an English exonym", "Talks were held in Geneva.", [["Geneva", "Genève", "CHE", "city"]]],
  [
    "the country after a comma decides",
    "Rockets hit Tripoli, Lebanon overnight.",
    [
      ["Tripoli", "Tripoli", "LBN", "city"],
      ["Lebanon", "Lebanon", "LBN", "country"],
    ],
  ],
  ["a region", "Fighting spread across the Gaza Strip.", [["Gaza Strip", "Gaza Strip", "PSE", "region"]]],
  [
    "New Mexico is not Mexico",
    "Fires burned in New Mexico.",
    [["New Mexico", "New Mexico", "USA", "region"]],
  ],
  ["a large city stands anywhere", "Moscow rejected the claim.", [["Moscow", "Moscow", "RUS", "city"]]],
  ["a dateline in capitals", "MOSCOW (AP) — Officials spoke.", [["MOSCOW", "Moscow", "RUS", "city"]]],
  [
    "a list of towns after one preposition",
    "Shelling was reported in Sumy, Poltava and Kherson.",
    [
      ["Sumy", "Sumy", "UKR", "city"],
      ["Poltava", "Poltava", "UKR", "city"],
      ["Kherson", "Kherson", "UKR", "city"],
    ],
  ],
  [
    "a town before its country",
    "Sumy, Ukraine was shelled.",
    [
      ["Sumy", "Sumy", "UKR", "city"],
      ["Ukraine", "Ukraine", "UKR", "country"],
    ],
  ],
  ["a town before a province word", "Bombs exploded in Yala Province.", [["Yala", "Yala", "THA", "city"]]],
  [
    "stoplisted common words are not places",
    "Reading the report, officials in Mobile said the weather was Nice.",
    [],
  ],
  ["a surname that is also a town", "Bush said the talks failed.", []],
  ["a small town named without place context", "Allen rejected the offer.", []],
  ["person-like names next to another name", "Florence Parly met Chad Wolf and Michael Jordan.", []],
  [
    "a person-like name standing alone as a place",
    "The summit moved to Florence.",
    [["Florence", "Florence", "ITA", "city"]],
  ],
  ["a lower-case word is never a place", "They will reading and nice.", []],
  ["a short all-capitals acronym is not a town", "The ABA filed a brief.", []],
];

for (const [label, text, expected] of cases) {
  test(`places: ${label}`, () => {
    assert.deepEqual(places(text), expected);
  });
}

test("places: Kharkiv has coordinates and offsets into the text", () => {
  const text = "Heavy clashes in Kharkiv left twelve dead. Calm returned.";
  const doc = annotate(text, { date: null });
  const [p] = findPlaces(doc);
  assert.ok(p);
  assert.equal(text.slice(p.start, p.end), "Kharkiv");
  assert.equal(p.sentence, 0);
  assert.ok(Math.abs(p.lat - 49.98) < 0.1, `lat ${p.lat}`);
  assert.ok(Math.abs(p.lon - 36.25) < 0.1, `lon ${p.lon}`);
});
