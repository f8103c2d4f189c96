import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { annotate } from "../../src/text/index.js";
import type { Doc } from "../../src/types/doc.js";

function assertOffsets(doc: Doc): void {
  let prevEnd = 0;
  for (const t of doc.tokens) {
    assert.equal(doc.text.slice(t.start, t.end), t.text, `token ${JSON.stringify(t.text)} at ${t.start}`);
    assert.ok(t.start >= prevEnd, "tokens are in order and do not overlap");
    assert.notEqual(t.text.trim(), "", "whitespace is not a token");
    prevEnd = t.end;
  }
  for (const s of doc.sentences) assert.ok(s.start <= s.end && s.end <= doc.text.length);
}

const tricky: [label: string, text: string][] = [
  ["curly quotes and apostrophes", "Putin said “we didn’t need it” and it’s over."],
  ["em and en dashes", "MOSCOW (AP) — The talks — brief – ended."],
  ["hyphenated names", "A Russia-China pact and a U.S.-led bloc."],
  ["contractions", "They can't, won't and didn't agree; we'd've gone."],
  ["emoji", "Crowds cheered 🎉🇺🇦 in the square 👍 today."],
  ["CRLF and tabs", "Line one.\r\nLine two.\r\n\r\n\tLine three."],
  ["non-breaking and thin spaces", "Kyiv\u00a0said\u2009no.\u202fOk."],
  ["zero-width space", "Officials\u200b said no."],
  ["accented and non-Latin text", "Zelensky met Erdoğan in Ankara; «Мир» and 和平 were said."],
  ["numbers and units", "At 5:30 p.m. on 10/22/2020, 3,000 troops (12%) moved 40km."],
  ["cannot", "Officials cannot confirm it."],
];

for (const [label, text] of tricky) {
  test(`offsets slice exactly: ${label}`, () => {
    const doc = annotate(text, { date: "2020-10-22" });
    assert.ok(doc.tokens.length > 0);
    assertOffsets(doc);
  });
}

test("offsets slice exactly on arbitrary text built from tricky pieces", () => {
  const piece = fc.constantFrom(
    "Putin",
    "didn’t",
    "can't",
    "“",
    "”",
    '"',
    "—",
    "–",
    "Russia-China",
    "U.S.",
    "Gen.",
    "😀",
    "\r\n",
    "\n\n",
    " ",
    "  ",
    "\u00a0",
    ".",
    ",",
    "Thursday",
    "(AP)",
    "3.5",
    "Erdoğan",
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const doc = annotate(pieces.join(""), { date: "2020-10-22" });
      assertOffsets(doc);
    }),
    { numRuns: 300 },
  );
});

const lemmas: [word: string, sentence: string, lemma: string][] = [
  ["held", "The two armies held joint war games.", "hold"],
  ["games", "The two armies held joint war games.", "game"],
  ["forged", "An alliance could be forged later.", "forge"],
  ["said", "The envoy said nothing.", "say"],
  ["Russia", "Russia objected.", "russia"],
  ["talks", "The talks were hard.", "talk"],
];

for (const [word, sentence, lemma] of lemmas) {
  test(`lemma of "${word}" is "${lemma}"`, () => {
    const doc = annotate(sentence, { date: null });
    const token = doc.tokens.find((t) => t.text === word);
    assert.ok(token, `token ${word}`);
    assert.equal(token.lemma, lemma);
    assert.equal(token.lower, word.toLowerCase());
  });
}

test("tokens carry universal POS tags", () => {
  const doc = annotate("Putin held talks in Moscow.", { date: null });
  assert.deepEqual(
    doc.tokens.map((t) => t.pos),
    ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
  );
});

test("a malformed article date is a usage error", () => {
  assert.throws(() => annotate("Text.", { date: "22/10/2020" }), /^DyadError: dyad: annotate: date must be/);
});

test("a text is tokenised and tagged the same whatever was read before it", () => {
  const words = (text: string) =>
    annotate(text, { date: null })
      .tokens.map((t) => `${t.text}/${t.pos}`)
      .join(" ");
  const possessive = "Beijing said Japan's navy sailed 300 miles to the strait.";
  const first = words(possessive);
  assert.match(first, /Japan\/PROPN 's\/PART/);
  assert.match(first, /300\/NUM/);
  // Texts in which the same strings first appear glued to punctuation or to a currency sign: wink-nlp would
  // remember "Japan's" as one word and "300" as something other than a number.
  words("Its fleet is older than Japan's, analysts said.");
  words("The deal is worth $300 in all (Japan's).");
  assert.equal(words(possessive), first);
});
