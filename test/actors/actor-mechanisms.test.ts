import assert from "node:assert/strict";
import { test } from "node:test";
import { findMentions } from "../../src/actors/index.js";
import type { loadActorKnowledge } from "../../src/knowledge/actors/index.js";
import { codesOf, docOf, mentionsOf, withExtraPeople } from "./doc-of.js";

// Mechanisms of the actor stage, each with sentences written for this file.

// ── a title names the office: which of a person's offices a mention means ─────────────────────────────────────

/** An invented officer who was first an army general, then the head of an intelligence service. */
function withOfficer<T>(run: (k: ReturnType<typeof loadActorKnowledge>) => T): T {
  return withExtraPeople(
    "tomas-vrana\tTomas Vrana\tVrana\tm\tCZEMIL\tcommander\t2031-01-01\t2034-01-01\n" +
      "tomas-vrana\t\t\t\tCZESPY\tdirector-general\t2035-01-01\t2037-01-01\n",
    run,
  );
}

function codeIn(k: ReturnType<typeof loadActorKnowledge>, text: string, date: string | null, phrase: string) {
  const m = findMentions(docOf(text, date), k, date).find((x) => x.text === phrase);
  assert.ok(m, `no mention '${phrase}' in ${text}`);
  return m.code;
}

test("with no article date, a military title picks the person's military office, not the latest one", () => {
  withOfficer((k) => {
    assert.equal(
      codeIn(k, "General Tomas Vrana inspected the border posts.", null, "General Tomas Vrana"),
      "CZEMIL",
    );
    // no title: the latest office
    assert.equal(codeIn(k, "Tomas Vrana inspected the border posts.", null, "Tomas Vrana"), "CZESPY");
  });
});

test("a titled phrase in apposition says which office a known person holds", () => {
  withOfficer((k) => {
    const text = "The Czech army commander, Tomas Vrana, met the visiting delegation.";
    assert.equal(codeIn(k, text, null, "Tomas Vrana"), "CZEMIL");
  });
});

test("the article date still decides first: the office held on the date, else a former official", () => {
  withOfficer((k) => {
    assert.equal(codeIn(k, "General Tomas Vrana spoke.", "2032-05-01", "General Tomas Vrana"), "CZEMIL");
    assert.equal(codeIn(k, "Tomas Vrana spoke.", "2036-05-01", "Tomas Vrana"), "CZESPY");
    assert.equal(codeIn(k, "General Tomas Vrana spoke.", "2034-06-01", "General Tomas Vrana"), "CZEELI");
  });
});

test("codeAt: a preferred sector breaks the tie when no role matches", () => {
  withOfficer((k) => {
    const e = k.entity("person:tomas-vrana")!;
    assert.equal(k.codeAt(e, null).code, "CZESPY");
    assert.equal(k.codeAt(e, null, null, "MIL").code, "CZEMIL");
    assert.equal(k.codeAt(e, null, "director-general", "MIL").code, "CZESPY", "a role beats a sector");
    assert.equal(k.codeAt(e, null, null, "LEG").code, "CZESPY", "no office in the sector: as before");
  });
});

// ── tables of sentences: `text → code` pairs expected among the mentions ────────────────────────────────────

type Case = [label: string, text: string, date: string | null, expected: string[], absent?: string[]];

const cases: Case[] = [
  // coordinated nationality adjectives before one role noun give one actor each
  [
    "two nationalities share one noun",
    "Japanese and Korean activists marched to the embassy.",
    "2019-08-15",
    ["Japanese → JPNOPP", "Korean activists → KOROPP"],
  ],
  [
    "three nationalities joined by commas and 'and'",
    "Chilean, Peruvian and Bolivian farmers blocked the highway.",
    "2020-01-01",
    ["Chilean → CHLAGR", "Peruvian → PERAGR", "Bolivian farmers → BOLAGR"],
  ],
  [
    "a comma with no 'and' ends the list",
    "Troops massed near the frontier with Armenia, Azerbaijani officials said.",
    "2020-09-01",
    ["Armenia → ARM", "Azerbaijani officials → AZEGOV"],
    ["Armenia → ARMGOV"],
  ],
  // a name written without its capital, where nothing else is meant
  [
    "a known surname in lower case after a title",
    "President obama signed the bill on Tuesday.",
    "2014-03-04",
    ["President obama → USAGOV"],
  ],
  [
    "a nationality in lower case before a role noun",
    "Police dispersed kenyan protesters outside the court.",
    "2017-11-01",
    ["kenyan protesters → KENOPP"],
  ],
  [
    "a misplaced capital still names the country",
    "Aid convoys reached sOMALIA.",
    "2017-01-01",
    ["sOMALIA → SOM"],
  ],
  ["a lowercase common word stays a word", "The chad of the ballot was hanging.", "2000-11-20", []],
  ["'polish' before a noun is the verb", "Cleaners polish floors every night.", "2020-01-01", []],
  // organisations
  [
    "a national statistics office is the state",
    "Statistics Canada reported that unemployment rose.",
    "2021-02-05",
    ["Statistics Canada → CANGOV"],
    ["Canada → CAN"],
  ],
  [
    "the Syrian Observatory is a Syrian monitor",
    "The Syrian Observatory for Human Rights counted the dead.",
    "2016-02-01",
    ["Syrian Observatory for Human Rights → SYROPPHRI"],
  ],
  [
    "South Korea is 'Korean' without North",
    "A Korean delegation arrived.",
    "2018-02-01",
    ["Korean delegation → KORGOV"],
  ],
  [
    "North Korea keeps its own name",
    "North Korean troops paraded.",
    "2018-02-01",
    ["North Korean troops → PRKMIL"],
  ],
  [
    "immigrants take the country before them",
    "Haitian immigrants waited at the border.",
    "2021-09-20",
    ["Haitian immigrants → HTIREF"],
  ],
  [
    "inspectors of an organisation",
    "IAEA inspectors left the site.",
    "2022-09-01",
    ["IAEA inspectors → IGOUNOIAE"],
  ],
  // a role noun used as a verb is no actor
  [
    "'head' as a verb",
    "Voters head to the polls in Malawi.",
    "2019-05-21",
    ["Malawi → MWI"],
    ["head → ---GOV"],
  ],
  [
    "'police' as a verb after a plural subject",
    "Peacekeepers police the streets of Bangui.",
    "2015-01-01",
    ["Peacekeepers → ---MIL"],
    ["Peacekeepers police → ---COP"],
  ],
  ["'head' as a noun stays an actor", "The head of the agency resigned.", "2015-01-01", ["head → ---GOV"]],
  [
    "'police' as a noun stays an actor",
    "Malawian police on Monday arrested two men.",
    "2015-01-01",
    ["Malawian police → MWICOP"],
  ],
  // whose a role is: a person named with the role
  [
    "a titled person's possession",
    "Protesters marched against President Museveni's government.",
    "2016-03-01",
    ["President Museveni → UGAGOV", "government → UGAGOV"],
  ],
  [
    "the office of a titled person",
    "Gunmen tried to topple the government of President Ellen Johnson Sirleaf.",
    "2010-01-01",
    ["government of President Ellen Johnson Sirleaf → LBRGOV"],
  ],
  [
    "a participle between the owner and the role",
    "Kenya's leading opposition party walked out.",
    "2008-01-01",
    ["Kenya's leading opposition party → KENOPP"],
  ],
  // phrases that name a country but are not it
  ["a war named for its place", "Veterans of the Vietnam War gathered.", "2010-01-01", [], ["Vietnam → VNM"]],
  [
    "the French news agency is not France",
    "A reporter for Agence France-Presse was injured.",
    "2012-01-01",
    ["reporter → ---MED"],
    ["France → FRA"],
  ],
  [
    "a seat of power's counselor",
    "White House counselor Ana Ruiz spoke.",
    "2017-01-01",
    ["White House counselor Ana Ruiz → USAGOV"],
  ],
  [
    "a religious title and a known cleric",
    "Archbishop Desmond Tutu urged restraint.",
    "1990-01-01",
    ["Archbishop Desmond Tutu → ZAFREL"],
  ],
  [
    "the pope by name, on the date",
    "Pope Francis prayed for peace.",
    "2020-04-12",
    ["Pope Francis → VATGOV"],
  ],
  [
    "an office only one state has names its holder",
    "The pope received the Argentine president.",
    "2016-02-12",
    ["pope → VATGOV", "Argentine president → ARGGOV"],
  ],
  [
    "a counterpart of a country",
    "The minister called his Kenyan counterpart.",
    "2020-01-01",
    ["Kenyan counterpart → KENGOV"],
  ],
  [
    "a role word before an unknown name introduces the person",
    "Student activist Lina Haddad was detained. Haddad had led the sit-in.",
    "2021-05-01",
    ["Student activist Lina Haddad → ---OPP", "Haddad → ---OPP"],
  ],
];

for (const [label, text, date, expected, absent = []] of cases) {
  test(`actor mechanism: ${label}`, () => {
    const got = codesOf(text, date);
    if (!expected.length) assert.deepEqual(got, [], `expected no mentions, got ${got.join(" | ")}`);
    for (const e of expected) assert.ok(got.includes(e), `expected '${e}' among: ${got.join(" | ")}`);
    for (const a of absent) assert.ok(!got.includes(a), `did not expect '${a}' among: ${got.join(" | ")}`);
  });
}

// ── datelines ───────────────────────────────────────────────────────────────────────────────────────────────

test("an AFP colon dateline is skipped and names the story's country for an unnamed leader", () => {
  const ms = mentionsOf("ISLAMABAD: The prime minister opened the new motorway.", "2016-05-01");
  assert.ok(!ms.some((m) => m.text === "ISLAMABAD"));
  const pm = ms.find((m) => m.text === "prime minister");
  assert.equal(pm?.code, "PAKGOV", pm?.why);
});

test("an organisation heading a text with a colon is still an actor", () => {
  const got = codesOf("NATO: Allies agreed to send more troops.", "2022-03-01");
  assert.ok(got.includes("NATO → IGOWSTNAT"), got.join(" | "));
});

test("a title-case dateline with a double dash is skipped", () => {
  const ms = mentionsOf("Kampala -- Uganda's parliament passed the bill.", "2023-03-21");
  assert.ok(!ms.some((m) => m.text === "Kampala"), ms.map((m) => m.text).join(" | "));
  assert.ok(ms.some((m) => m.text === "Uganda's parliament" || m.text === "Uganda"));
});
