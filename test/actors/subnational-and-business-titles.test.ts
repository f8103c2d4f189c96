import assert from "node:assert/strict";
import { test } from "node:test";
import { countryOfRegion } from "../../src/geo/index.js";
import { codesOf, mentionsOf } from "./doc-of.js";

// Sentences written for this file: sub-national offices, surnames that are also agent nouns, and company officers.

function codeOf(text: string, phrase: string, date: string | null = "2021-03-10"): string {
  const m = mentionsOf(text, date).find((x) => x.text === phrase);
  assert.ok(m, `no mention '${phrase}' in ${text}: ${JSON.stringify(codesOf(text, date))}`);
  return m.code;
}

// ── a first-level region before a title names the country of a sub-national office ──────────────────────────

test("the gazetteer's first-level regions give their country, also as an '-n' adjective", () => {
  assert.equal(countryOfRegion("Nevada"), "USA");
  assert.equal(countryOfRegion("Manitoba"), "CAN");
  assert.equal(countryOfRegion("Tasmanian"), "AUS");
  assert.equal(countryOfRegion("Bavarian"), "DEU");
  assert.equal(countryOfRegion("Atlantis"), null);
});

test("a state, province or Land before a title gives the country and keeps the title's sector", () => {
  assert.equal(
    codeOf("Nevada Governor Lorna Pike vetoed the tax bill.", "Nevada Governor Lorna Pike"),
    "USAGOV",
  );
  assert.equal(codeOf("Manitoba Premier Ewan Boyd toured the dam.", "Manitoba Premier Ewan Boyd"), "CANGOV");
  assert.equal(
    codeOf(
      "Bavarian Interior Minister Klaus Ritter banned the march.",
      "Bavarian Interior Minister Klaus Ritter",
    ),
    "DEUGOV",
  );
  assert.equal(codeOf("Ohio Senator Dana Voss opposed the merger.", "Ohio Senator Dana Voss"), "USALEG");
  assert.equal(
    codeOf(
      "Tasmanian Opposition Leader Rhys Carrow attacked the budget.",
      "Tasmanian Opposition Leader Rhys Carrow",
    ),
    "AUSOPP",
  );
});

test("a regional title is never resolved to the national office holder", () => {
  // "the Queensland premier" is not Australia's prime minister; the region alone is no mention of its own
  const codes = codesOf("The Queensland premier rejected the federal plan.", "2021-03-10");
  assert.deepEqual(codes, ["Queensland premier → AUSGOV"]);
});

test("a known person after a regional title is still coded by their own knowledge", () => {
  assert.equal(
    codeOf("Texas Governor George W. Bush met farmers.", "Texas Governor George W. Bush", "1997-05-01"),
    "USAGOV",
  );
  assert.equal(codeOf("President Bush met farmers.", "President Bush", "2012-05-01"), "USAELI");
});

test("a region inside an organisation's name or before a military title gives no sub-national office", () => {
  // "Massachusetts General Hospital" is no general; "the Islamic Council of Victoria president" no state office
  assert.ok(!codesOf("Doctors at Nevada General Hospital said.").some((c) => c.startsWith("Nevada")));
  assert.ok(
    !codesOf("The Muslim Council of Manitoba president Omar Haidari spoke.").some((c) => c.includes("CAN")),
  );
});

// ── a title followed by a surname that is also an agent noun ─────────────────────────────────────────────────

test("a capitalised agent noun right after a person's title is a surname, not a second agent", () => {
  assert.equal(codeOf("Senator Bishop questioned the navy budget.", "Senator Bishop", null), "---LEG");
  assert.equal(codeOf("Governor Judge signed the order.", "Governor Judge", null), "---GOV");
  assert.equal(codeOf("Mayor Marshal's office said.", "Mayor Marshal", null).endsWith("GOV"), true);
});

test("two titles before a name, and a generic title completed by its noun, keep their reading", () => {
  assert.equal(
    codeOf("Lieutenant General Aron Kessel inspected the troops.", "Lieutenant General Aron Kessel", null),
    "---MIL",
  );
  assert.equal(codeOf("The Chief Rabbi of Israel spoke.", "Chief Rabbi of Israel", null), "ISRREL");
});

// ── a company's officers are BUS ──────────────────────────────────────────────────────────────────────────────

test("a chairman or chief executive of a company is BUS", () => {
  assert.equal(codeOf("The chairman of Gazprom met the buyers.", "chairman of Gazprom"), "RUSBUS");
  assert.equal(
    codeOf("Gazprom chairman Ivan Lomov met the buyers.", "Gazprom chairman Ivan Lomov"),
    "RUSBUS",
  );
  assert.equal(codeOf("The chief executive of the bank resigned.", "chief executive of the bank"), "---BUS");
  assert.equal(codeOf("The firm's chairman resigned.", "chairman"), "---BUS");
  assert.equal(codeOf("The company chief executive apologised.", "company chief executive"), "---BUS");
  assert.equal(
    codeOf("Norvale chief executive Petra Lind announced job cuts.", "chief executive Petra Lind"),
    "---BUS",
  );
  assert.equal(codeOf("Norvale's chief executive announced job cuts.", "chief executive"), "---BUS");
  assert.equal(
    codeOf("Norvale chief executive officer Petra Lind resigned.", "chief executive officer Petra Lind"),
    "---BUS",
  );
});

test("Hong Kong's chief executive stays government, and a bare chairman is no foreign office holder", () => {
  assert.equal(
    codeOf("Hong Kong Chief Executive Mei Lau spoke.", "Hong Kong Chief Executive Mei Lau"),
    "HKGGOV",
  );
  assert.equal(codeOf("The chairman said the vote was fair.", "chairman"), "---GOV");
});
