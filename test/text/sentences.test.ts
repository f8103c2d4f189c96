import assert from "node:assert/strict";
import { test } from "node:test";
import { annotate } from "../../src/text/index.js";

function sentencesOf(text: string): string[] {
  const doc = annotate(text, { date: null });
  return doc.sentences.map((s) => text.slice(s.start, s.end));
}

const cases: [label: string, text: string, expected: string[]][] = [
  ["two plain sentences", "The talks failed. Both sides left.", ["The talks failed.", "Both sides left."]],
  [
    "U.S. inside a sentence",
    "The U.S. said on Monday it would act. Moscow disagreed.",
    ["The U.S. said on Monday it would act.", "Moscow disagreed."],
  ],
  [
    "titles never end a sentence",
    "Sen. Maria Ortiz met Gen. Okafor. Dr. Lin was absent.",
    ["Sen. Maria Ortiz met Gen. Okafor.", "Dr. Lin was absent."],
  ],
  [
    "titles wink does not know",
    "Pres. Alvarez spoke. Adm. Tanaka agreed. Maj. Gen. Brandt arrived.",
    ["Pres. Alvarez spoke.", "Adm. Tanaka agreed.", "Maj. Gen. Brandt arrived."],
  ],
  [
    "month abbreviation before a number",
    "Talks resumed on Feb. 3 in Geneva. Nobody spoke.",
    ["Talks resumed on Feb. 3 in Geneva.", "Nobody spoke."],
  ],
  [
    "St. before a place name",
    "The rally in St. Petersburg was calm. Police watched.",
    ["The rally in St. Petersburg was calm.", "Police watched."],
  ],
  [
    "U.N. and U.K. abbreviations",
    "The U.N. Security Council met. The U.K. abstained.",
    ["The U.N. Security Council met.", "The U.K. abstained."],
  ],
  [
    "abbreviation followed by a lower-case word",
    "It ended at 5 p.m. on the border. Troops left.",
    ["It ended at 5 p.m. on the border.", "Troops left."],
  ],
  [
    "a paragraph break ends a sentence without a period",
    "Border talks stall\n\nThe envoys went home.",
    ["Border talks stall", "The envoys went home."],
  ],
  [
    "a single newline ends a sentence",
    "Ministers meet in Oslo\nThe agenda is trade.",
    ["Ministers meet in Oslo", "The agenda is trade."],
  ],
  [
    "a hard-wrapped line continuing in lower case does not",
    "The minister said the talks\nwould go on. Fine.",
    ["The minister said the talks\nwould go on.", "Fine."],
  ],
  [
    "a quote of two sentences",
    "“We will hold. We always do,” she said. Then she left.",
    ["“We will hold.", "We always do,” she said.", "Then she left."],
  ],
  ["CRLF paragraphs", "First line here.\r\n\r\nSecond line here.", ["First line here.", "Second line here."]],
];

for (const [label, text, expected] of cases) {
  test(`sentences: ${label}`, () => {
    assert.deepEqual(sentencesOf(text), expected);
  });
}

test("sentences record contiguous token ranges that cover every token once", () => {
  const text = "Gen. Okafor spoke. The U.S. replied.\n\nA new paragraph begins here. It ends.";
  const doc = annotate(text, { date: null });
  let next = 0;
  for (const s of doc.sentences) {
    assert.equal(s.tokenStart, next);
    assert.ok(s.tokenEnd > s.tokenStart);
    assert.equal(s.start, doc.tokens[s.tokenStart]!.start);
    assert.equal(s.end, doc.tokens[s.tokenEnd - 1]!.end);
    for (let i = s.tokenStart; i < s.tokenEnd; i++) assert.equal(doc.tokens[i]!.sentence, s.index);
    next = s.tokenEnd;
  }
  assert.equal(next, doc.tokens.length);
});

test("empty and blank text give no sentences and no tokens", () => {
  for (const text of ["", "   \n\n  "]) {
    const doc = annotate(text, { date: null });
    assert.deepEqual(doc.sentences, []);
    assert.deepEqual(doc.tokens, []);
  }
});
