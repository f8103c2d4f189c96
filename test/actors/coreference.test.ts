import assert from "node:assert/strict";
import { test } from "node:test";
import type { Mention } from "../../src/types/mention.js";
import { mentionsOf } from "./doc-of.js";

/** All mentions over the n-th occurrence (0-based) of `phrase` as whole words. */
function at(ms: readonly Mention[], text: string, phrase: string, n = 0): Mention[] {
  const found = [...text.matchAll(new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g"))];
  const from = found[n]?.index;
  assert.ok(from !== undefined, `'${phrase}' not in the text`);
  return ms.filter((m) => m.start === from && m.text === phrase);
}

// A short story in our own words, shaped like a wire report about a press conference.
const story = [
  "Russian President Vladimir Putin said on Thursday that an alliance with China was not needed now.",
  "Moscow and Beijing have stepped up joint exercises, and their navies sailed together last year.",
  "The armed forces of China and Russia held drills near Japan, a sign of the countries' growing ties.",
  "Putin said Russia had shared technology that strengthened China's army.",
  '"We will see how it develops," he said, adding that the two countries could grow closer.',
  "The Russian president spoke by video link.",
].join(" ");
const date = "2020-10-22";

test("the title and name before a person make one person mention", () => {
  const ms = mentionsOf(story, date);
  const first = at(ms, story, "Russian President Vladimir Putin");
  assert.equal(first.length, 1);
  assert.equal(first[0]!.code, "RUSGOV");
  assert.equal(first[0]!.kind, "person");
  assert.equal(first[0]!.entity, "person:vladimir-putin");
});

test("'he' is the person named most recently, subject first", () => {
  const he = at(mentionsOf(story, date), story, "he");
  assert.equal(he.length, 1);
  assert.equal(he[0]!.kind, "pronoun");
  assert.equal(he[0]!.code, "RUSGOV");
  assert.equal(he[0]!.why, "coref: he → Vladimir Putin (RUSGOV)");
});

test("'the Russian president' is who held the office on the article date", () => {
  const d = at(mentionsOf(story, date), story, "Russian president");
  assert.equal(d.length, 1);
  assert.equal(d[0]!.kind, "description");
  assert.equal(d[0]!.entity, "person:vladimir-putin");
  assert.equal(d[0]!.code, "RUSGOV");
});

test("'the Russian president' in 2010 is Medvedev", () => {
  const text = "The Russian president signed the treaty.";
  const d = mentionsOf(text, "2010-04-08").find((m) => m.text === "Russian president");
  assert.equal(d?.entity, "person:dmitry-medvedev");
});

test("'the two countries' is one mention per country over the same words", () => {
  const two = at(mentionsOf(story, date), story, "the two countries");
  assert.deepEqual(two.map((m) => m.code).sort(), ["CHN", "RUS"]);
  assert.ok(two.every((m) => m.kind === "description"));
});

test("'their navies' after two capitals is both countries' navies", () => {
  const their = at(mentionsOf(story, date), story, "their navies");
  assert.deepEqual(their.map((m) => m.code).sort(), ["CHNMIL", "RUSMIL"]);
  assert.ok(their.every((m) => m.kind === "pronoun"));
});

test("'the countries'' after the armed forces of two countries is the two countries", () => {
  const c = at(mentionsOf(story, date), story, "the countries");
  assert.deepEqual(c.map((m) => m.code).sort(), ["CHN", "RUS"]);
});

const cases: Array<
  [label: string, text: string, date: string | null, phrase: string, codes: string[], n?: number]
> = [
  [
    "she → the woman named",
    "German Chancellor Angela Merkel met Emmanuel Macron. She praised the plan.",
    "2019-01-22",
    "She",
    ["DEUGOV"],
  ],
  [
    "him → someone other than he",
    "Macron met Putin. He told him the talks must go on.",
    "2019-08-19",
    "him",
    ["RUSGOV"],
  ],
  [
    "they → the last plural actor",
    "Hezbollah fighters and Israeli soldiers exchanged fire. They later stopped.",
    "2023-11-01",
    "They",
    ["ISRMIL", "LBNREB"],
  ],
  [
    "they → a group",
    "The Taliban entered Kabul. They promised an amnesty.",
    "2021-08-15",
    "They",
    ["AFGGOV"],
  ],
  [
    "the country → the last country",
    "Iran tested a missile. The country said it was defensive.",
    "2020-01-01",
    "The country",
    ["IRN"],
  ],
  [
    "the kingdom → the last country",
    "Saudi Arabia cut output, and the kingdom said prices would recover.",
    "2023-04-03",
    "the kingdom",
    ["SAU"],
  ],
  [
    "the president → the last president named",
    "French President Emmanuel Macron arrived. The president then met students.",
    "2019-01-01",
    "president",
    ["FRAGOV"],
  ],
  [
    "the group → the last armed group",
    "Hamas leader Yahya Sinwar rejected the offer. The group said it would keep fighting.",
    "2024-05-01",
    "The group",
    ["PSEREB"],
  ],
  [
    "a titled name introduced once is known later",
    "Foreign Minister Kalla Ankourao of Niger arrived. Ankourao said he was pleased.",
    null,
    "Ankourao",
    ["NERGOV"],
    1,
  ],
  ["his + agent noun", "Putin praised his army.", "2022-02-21", "his army", ["RUSMIL"]],
  [
    "the UN chief → its secretary-general",
    "The UN chief called for a ceasefire.",
    "2023-11-06",
    "UN chief",
    ["IGOUNO"],
  ],
  [
    "the German leader → the chancellor",
    "The German leader arrived in Kyiv.",
    "2022-06-16",
    "German leader",
    ["DEUGOV"],
  ],
];

for (const [label, text, d, phrase, codes, n] of cases) {
  test(`coreference: ${label}`, () => {
    const ms = mentionsOf(text, d);
    const hit = at(ms, text, phrase, n ?? 0);
    assert.deepEqual(
      hit.map((m) => m.code).sort(),
      [...codes].sort(),
      `mentions: ${ms.map((m) => `${m.text}→${m.code}`).join(" | ")}`,
    );
  });
}

test("a pronoun with nobody to point to is not a mention", () => {
  const ms = mentionsOf("He said the weather was fine.", "2020-01-01");
  assert.deepEqual(ms, []);
});

test("'both sides' are two parties: a state and its own army count once, two groups of one country stay two", () => {
  const war = [
    "Rebels of the Free Mountain Front shelled a garrison town overnight, and Georgia said its army had returned fire.",
    "The Georgian military said the shelling had stopped by dawn.",
    "Both sides agreed to let medics reach the wounded.",
  ].join(" ");
  const sides = at(mentionsOf(war, "2019-03-02"), war, "Both sides").map((m) => m.country);
  assert.equal(sides.length, 2);
  assert.ok(sides.includes("GEO"), sides.join(","));
  assert.equal(sides.filter((c) => c === "GEO").length, 1, "Georgia and its military are one side");

  const rivals = [
    "Leaders of Fatah and Hamas met in Cairo on Monday to discuss a unity government.",
    "The two sides said they would meet again next month.",
  ].join(" ");
  const two = at(mentionsOf(rivals, "2017-10-09"), rivals, "The two sides");
  assert.equal(two.length, 2, "two Palestinian factions are still two sides");
  assert.notEqual(two[0]!.code, two[1]!.code);
});
