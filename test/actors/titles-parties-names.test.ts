import assert from "node:assert/strict";
import { test } from "node:test";
import { findMentions } from "../../src/actors/index.js";
import type { loadActorKnowledge } from "../../src/knowledge/actors/index.js";
import { codesOf, docOf, withExtraPeople } from "./doc-of.js";

// Error kinds found by reading a sample of coded Wikinews events: a present title the knowledge base does not
// record, parties called "… Democrats" read as the US party, "Latin American" read as the United States, and a
// back-reference ("the organization") cutting a longer name in two. Sentences written for this file.

// ── a title naming an office the knowledge base does not record ───────────────────────────────────────────────

/** An invented official: a general, then head of an intelligence service; nothing recorded before 2031. */
function withOfficial<T>(run: (k: ReturnType<typeof loadActorKnowledge>) => T): T {
  return withExtraPeople(
    "mira-kostal\tMira Kostal\tKostal\tf\tSVKMIL\tcommander\t2031-01-01\t2034-01-01\n" +
      "mira-kostal\t\t\t\tSVKSPY\tdirector-general\t2035-01-01\t2037-01-01\n",
    run,
  );
}

function codeIn(k: ReturnType<typeof loadActorKnowledge>, text: string, date: string, phrase: string) {
  return findMentions(docOf(text, date), k, date).find((m) => m.text === phrase)?.code;
}

test("out of every recorded term, a title for an office not on record gives that office's sector", () => {
  withOfficial((k) => {
    const d = "2029-03-01";
    assert.equal(codeIn(k, "Senator Mira Kostal opposed the budget.", d, "Senator Mira Kostal"), "SVKLEG");
    assert.equal(
      codeIn(k, "Governor Mira Kostal toured the flooded valley.", d, "Governor Mira Kostal"),
      "SVKGOV",
    );
    assert.equal(
      codeIn(k, "Opposition leader Mira Kostal called for a vote.", d, "Opposition leader Mira Kostal"),
      "SVKOPP",
    );
  });
});

test("a title for an office on record, 'former', or no title at all still give a former official", () => {
  withOfficial((k) => {
    // a general only between 2031 and 2034: in 2034-06 "General" names that past office
    assert.equal(
      codeIn(k, "General Mira Kostal gave a lecture.", "2034-06-01", "General Mira Kostal"),
      "SVKELI",
    );
    assert.equal(codeIn(k, "Mira Kostal gave a lecture.", "2029-03-01", "Mira Kostal"), "SVKELI");
    assert.equal(
      codeIn(k, "The former senator Mira Kostal gave a lecture.", "2029-03-01", "senator Mira Kostal"),
      "SVKELI",
    );
    // inside a term the term wins, whatever the title
    assert.equal(
      codeIn(k, "Senator Mira Kostal gave a lecture.", "2032-03-01", "Senator Mira Kostal"),
      "SVKMIL",
    );
  });
});

test("real people: a senator before the presidency, a president after it", () => {
  assert.ok(
    codesOf("Senator Barack Obama visited a factory in Ohio.", "2007-05-01").includes(
      "Senator Barack Obama → USALEG",
    ),
  );
  assert.ok(
    codesOf("President Obama visited a factory in Ohio.", "2019-05-01").includes("President Obama → USAELI"),
  );
});

// ── parties called "… Democrats" ────────────────────────────────────────────────────────────────────────────

const parties: Array<[text: string, expected: string]> = [
  ["The Australian Democrats voted against the levy.", "Australian Democrats → AUSPTY"],
  [
    "Australian Democrats Senator Ruth Pell tabled a motion.",
    "Australian Democrats Senator Ruth Pell → AUSLEG",
  ],
  ["The Liberal Democrats promised lower tuition fees.", "Liberal Democrats → GBRPTY"],
  ["The New Democratic Party forced a vote in Ottawa.", "New Democratic Party → CANPTY"],
  ["The Social Democrats lost ground in the regional vote.", "Social Democrats → ---PTY"],
  ["The Christian Democrats chose a new chairman.", "Christian Democrats → ---PTY"],
  ["Democrats in Congress blocked the bill.", "Democrats → USAPTY"],
];

for (const [text, expected] of parties)
  test(`party: ${expected}`, () => {
    const got = codesOf(text, "2006-05-01");
    assert.ok(got.includes(expected), `${text}\n  got ${JSON.stringify(got)}`);
    assert.ok(!got.some((g) => g.endsWith("→ USAPTY")) || expected.endsWith("USAPTY"), JSON.stringify(got));
  });

// ── regions of the Americas are not the United States ────────────────────────────────────────────────────────

for (const text of [
  "Several Latin American governments recalled their envoys.",
  "The South American summit closed without a statement.",
  "Central American migrants waited at the border crossing.",
  "Ibero-American foreign ministers met in Lisbon.",
])
  test(`no United States in: ${text}`, () => {
    const got = codesOf(text, "2009-04-01");
    assert.ok(!got.some((g) => /→ USA/.test(g)), JSON.stringify(got));
  });

test("'American' alone is still the United States", () => {
  assert.ok(
    codesOf("American diplomats left the capital.", "2009-04-01").includes("American diplomats → USAGOV"),
  );
});

// ── a back-reference does not cut a longer name ──────────────────────────────────────────────────────────────

test("'The Organization of …' is the organisation's name, not a back-reference", () => {
  const got = codesOf("The Organization of American States sent observers to the vote.", "2010-01-01");
  assert.ok(got.includes("Organization of American States → IGOAMROAS"), JSON.stringify(got));
  assert.ok(!got.some((g) => /→ USA/.test(g)), JSON.stringify(got));
});

test("'the organization' after a name still refers back", () => {
  const got = codesOf("The OAS sent observers. The organization said the vote was fair.", "2010-01-01");
  assert.ok(got.includes("The organization → IGOAMROAS"), JSON.stringify(got));
});

// ── a known surname after someone else's given name ─────────────────────────────────────────────────────────────

test("a known person's surname after a different given name is another person", () => {
  const got = codesOf(
    "Opposition Leader Kim Beasley demanded an inquiry into the detention centres.",
    "2005-06-01",
  );
  assert.ok(got.includes("Opposition Leader Kim Beasley → ---OPP"), JSON.stringify(got));
  const spouse = codesOf("Laura Bush opened a library in Dallas.", "2005-06-01");
  assert.ok(!spouse.some((g) => g.startsWith("Bush")), JSON.stringify(spouse));
  const lieberman = codesOf("US Senator Joe Lieberman backed the resolution.", "2006-08-08");
  assert.ok(lieberman.includes("US Senator Joe Lieberman → USALEG"), JSON.stringify(lieberman));
});

test("the person's own given name, an honorific or the surname alone still name the known person", () => {
  for (const [text, expected] of [
    ["George Bush met the envoy.", "George Bush → USAGOV"],
    ["Mr Bush met the envoy.", "Bush → USAGOV"],
    ["When Bush met the envoy, nothing was agreed.", "Bush → USAGOV"],
  ] as const) {
    const got = codesOf(text, "2005-06-01");
    assert.ok(got.includes(expected), `${text}\n  got ${JSON.stringify(got)}`);
  }
});

test("an unknown word before a person's full name does not hide the person", () => {
  const got = codesOf("Grand Ayatollah Ali Khamenei received the visiting envoy.", "2007-06-10");
  assert.ok(
    got.some((g) => g.endsWith("Ali Khamenei → IRNGOV")),
    JSON.stringify(got),
  );
});
