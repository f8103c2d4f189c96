import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanArticle, toRawOffset, toRawSpan } from "../../src/clean/index.js";
import { DyadError } from "../../src/types/index.js";

// raw: "Alpha beta. JUNK Gamma.\n\nDelta." → clean "Alpha beta. Gamma.\n\nDelta."
const raw = "Alpha beta. ADVERTISEMENT Gamma.\n\nDelta.";
const clean = cleanArticle({
  id: "o",
  url: null,
  published: null,
  title: null,
  rawText: raw,
  source: "t",
  bodyStart: 0,
});

test("the fixture cleans as expected", () => {
  assert.equal(clean.text, "Alpha beta. Gamma.\n\nDelta.");
  assert.equal(clean.segments.length, 3);
});

const spans: [label: string, span: [number, number], rawText: string][] = [
  ["inside the first segment", [0, 5], "Alpha"],
  ["a whole segment", [0, 11], "Alpha beta."],
  ["inside the second segment", [12, 18], "Gamma."],
  ["across an inserted space: covers the removed junk", [6, 18], "beta. ADVERTISEMENT Gamma."],
  ["the last segment", [20, 26], "Delta."],
  ["across a paragraph break", [12, 26], "Gamma.\n\nDelta."],
];

for (const [label, span, expected] of spans) {
  test(`toRawSpan: ${label}`, () => {
    const [s, e] = toRawSpan(clean, span);
    assert.equal(raw.slice(s, e), expected);
  });
}

test("toRawOffset: separators map forward for starts and backward for ends", () => {
  // clean offset 11 is the inserted space between "beta." and "Gamma."
  assert.equal(toRawOffset(clean, 11), raw.indexOf("Gamma."));
  assert.equal(toRawOffset(clean, 11, "end"), raw.indexOf(" ADVERTISEMENT"));
  assert.equal(toRawOffset(clean, clean.text.length), raw.length);
  assert.equal(toRawOffset(clean, 0), 0);
  assert.deepEqual(toRawSpan(clean, [11, 11]), [raw.indexOf("Gamma."), raw.indexOf("Gamma.")]);
});

test("toRawOffset / toRawSpan reject offsets outside the clean text", () => {
  for (const bad of [-1, clean.text.length + 1, 1.5, Number.NaN]) {
    assert.throws(() => toRawOffset(clean, bad), DyadError);
  }
  assert.throws(() => toRawSpan(clean, [5, 3]), /ends before it starts/);
});

test("an empty clean text maps offset 0 to 0", () => {
  const empty = cleanArticle({
    id: "e",
    url: null,
    published: null,
    title: null,
    rawText: "Share",
    source: "t",
    bodyStart: 0,
  });
  assert.equal(empty.text, "");
  assert.deepEqual(toRawSpan(empty, [0, 0]), [0, 0]);
});
