import assert from "node:assert/strict";
import { test } from "node:test";
import { compilePatternText, type EventPattern, matchAt } from "../../../src/knowledge/patterns/index.js";

function pattern(text: string): EventPattern {
  const words = compilePatternText(text);
  if (typeof words === "string") throw new Error(words);
  return {
    id: `verb:01/010 ${text}`,
    code: "010",
    kind: "verb",
    text,
    words,
    flags: { reciprocal: false, notarget: false, passiveOk: false, political: false, inverse: false },
    file: "test",
    line: 1,
    specificity: 0,
  };
}

/** "hold/VERB talk/NOUN" → lemmas and POS tags. */
function sentence(tagged: string): { lemmas: string[]; pos: string[] } {
  const toks = tagged.split(" ").map((t) => {
    const i = t.lastIndexOf("/");
    return [t.slice(0, i), t.slice(i + 1)] as const;
  });
  return { lemmas: toks.map((t) => t[0]), pos: toks.map((t) => t[1]) };
}

type Expect = { end: number; targetAt: number | null; matchedIdx: number[] } | null;
const CASES: Array<[string, string, string, number, Expect, number?]> = [
  [
    "light verb with target slot",
    "hold talk with {T}",
    "they/PRON hold/VERB talk/NOUN with/ADP russia/PROPN ./PUNCT",
    1,
    { end: 4, targetAt: 4, matchedIdx: [1, 2, 3] },
  ],
  [
    "determiner and adjective in a small gap",
    "hold talk with {T}",
    "hold/VERB a/DET lengthy/ADJ talk/NOUN with/ADP china/PROPN",
    0,
    { end: 5, targetAt: 5, matchedIdx: [0, 3, 4] },
  ],
  ["three gap words are too many", "hold talk", "hold/VERB the/DET long/ADJ fruitful/ADJ talk/NOUN", 0, null],
  [
    "noun compound before a matched noun",
    "impose sanction",
    "impose/VERB new/ADJ trade/NOUN sanction/NOUN",
    0,
    { end: 4, targetAt: null, matchedIdx: [0, 3] },
  ],
  [
    "a proper noun may not stand before a preposition",
    "call on {T}",
    "call/VERB russia/PROPN on/ADP x/PROPN",
    0,
    null,
  ],
  [
    "a verb may not stand in a small gap",
    "meet with {T}",
    "meet/VERB and/CCONJ talk/VERB with/ADP x/PROPN",
    0,
    null,
  ],
  [
    "possessive pronoun in a small gap",
    "lay|lie down arm|weapon",
    "lie/VERB down/ADP their/PRON arm/NOUN",
    0,
    { end: 4, targetAt: null, matchedIdx: [0, 1, 3] },
  ],
  ["a non-possessive pronoun blocks", "lay down arm", "lay/VERB down/ADP him/PRON arm/NOUN", 0, null],
  [
    "'s in a small gap",
    "lift curfew",
    "lift/VERB city/NOUN 's/PART curfew/NOUN",
    0,
    { end: 4, targetAt: null, matchedIdx: [0, 3] },
  ],
  [
    "star allows four words of any kind",
    "impose * sanction",
    "impose/VERB a/DET new/ADJ round/NOUN of/ADP sanction/NOUN",
    0,
    { end: 6, targetAt: null, matchedIdx: [0, 5] },
  ],
  [
    "star allows no more than four words",
    "impose * sanction",
    "impose/VERB a/DET new/ADJ big/ADJ round/NOUN of/ADP sanction/NOUN",
    0,
    null,
  ],
  [
    "star does not cross a semicolon",
    "impose * sanction",
    "impose/VERB curfew/NOUN ;/PUNCT sanction/NOUN",
    0,
    null,
  ],
  [
    "a day phrase after a matched word is no gap word",
    "meet with {T}",
    "they/PRON meet/VERB on/ADP tuesday/PROPN with/ADP russia/PROPN",
    1,
    { end: 5, targetAt: 5, matchedIdx: [1, 4] },
  ],
  [
    "star does not cross a comma",
    "block * newspaper",
    "they/PRON block/VERB a/DET road/NOUN ,/PUNCT a/DET newspaper/NOUN report/VERB",
    1,
    null,
  ],
  [
    "target slot between words",
    "accuse {T} of",
    "accuse/VERB the/DET united/PROPN states/PROPN of/ADP meddle/VERB",
    0,
    { end: 5, targetAt: 1, matchedIdx: [0, 4] },
  ],
  [
    "target slot holds at most six words",
    "accuse {T} of",
    "accuse/VERB a/DET b/PROPN c/PROPN d/PROPN e/PROPN f/PROPN g/PROPN of/ADP",
    0,
    null,
  ],
  ["target slot does not cross a comma", "accuse {T} of", "accuse/VERB x/PROPN ,/PUNCT of/ADP", 0, null],
  ["target slot is never empty", "accuse {T} of", "accuse/VERB of/ADP x/PROPN", 0, null],
  [
    "final target slot needs a token before the limit",
    "hold talk with {T}",
    "hold/VERB talk/NOUN with/ADP",
    0,
    null,
  ],
  ["limit is exclusive", "hold talk with", "hold/VERB talk/NOUN with/ADP x/PROPN", 0, null, 2],
  ["head must match", "hold talk", "have/VERB talk/NOUN", 0, null],
  [
    "alternatives at one position",
    "resume talk|negotiation",
    "resume/VERB negotiation/NOUN",
    0,
    { end: 2, targetAt: null, matchedIdx: [0, 1] },
  ],
  [
    "star then word then target",
    "impose * sanction on {T}",
    "they/PRON impose/VERB fresh/ADJ sanction/NOUN on/ADP iran/PROPN",
    1,
    { end: 5, targetAt: 5, matchedIdx: [1, 3, 4] },
  ],
  [
    "punctuation blocks a small gap",
    "war game",
    "russia/PROPN hold/VERB war/NOUN -/PUNCT game/NOUN",
    2,
    null,
  ],
  [
    "hyphen written in the pattern",
    "war - game",
    "russia/PROPN hold/VERB war/NOUN -/PUNCT game/NOUN",
    2,
    { end: 5, targetAt: null, matchedIdx: [2, 3, 4] },
  ],
];

test("matchAt applies the gap, star and target-slot rules", () => {
  for (const [label, text, tagged, head, expected, limit] of CASES) {
    const { lemmas, pos } = sentence(tagged);
    const got = matchAt(pattern(text), lemmas, pos, head, limit ?? lemmas.length);
    assert.deepEqual(got, expected, label);
  }
});

test("matchAt rejects a head index outside the sentence", () => {
  const { lemmas, pos } = sentence("hold/VERB talk/NOUN");
  assert.equal(matchAt(pattern("hold talk"), lemmas, pos, -1, 2), null);
  assert.equal(matchAt(pattern("hold talk"), lemmas, pos, 5, 2), null);
});
