import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { cleanArticle, toRawOffset, toRawSpan } from "../../src/clean/index.js";
import type { Article, CleanText } from "../../src/types/index.js";

/** Pieces that exercise every rule, mixed with story sentences, noise and odd white space. */
const PIECES = [
  "MOSCOW (AP) — The talks resumed on Thursday.",
  "The minister said the alliance could be forged in the future.",
  "“We won't exclude it,” he said.",
  "Image 1 of / 6",
  "1 / 6 Back to Gallery",
  "Caption Close",
  "Photo: Alexei Druzhinin, AP",
  "(AP Photo/Ivan Sekretarev)",
  "(Mikhail Metzel, Sputnik, Kremlin Pool Photo via AP)",
  "less The talks resumed on Thursday in the capital ... more",
  "less ",
  " ... more",
  "Share this article: Facebook | X | Email",
  "Related:",
  "Read more: Another headline",
  "Copyright 2020 The Associated Press. All rights reserved.",
  "©",
  "By Jane Roe",
  "Updated: Oct. 22, 2020 10:34 a.m. EDT",
  "We use cookies on this site.",
  "FILE - In this photo",
  "ADVERTISEMENT",
  "* * *",
  "https://example.org/x",
  "Oct. 22, 2020.",
  "Gen. Smith spoke.",
  "\n",
  "\n\n",
  "\r\n",
  " ",
  "\t",
  "\u00a0",
  "é",
  "😀",
  "(",
  ")",
  ".",
];

const rawText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: "grapheme", maxLength: 6 }),
    ),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(" "));

const articleArb = fc
  .record({
    raw: rawText,
    title: fc.option(fc.constantFrom("The talks resumed on Thursday", "Another headline", "x"), {
      nil: null,
    }),
    bodyFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(
    ({ raw, title, bodyFraction }): Article => ({
      id: "p",
      url: null,
      published: null,
      title,
      rawText: raw,
      source: "prop",
      bodyStart: Math.floor(raw.length * bodyFraction * 0.3),
    }),
  );

function checkInvariants(a: Article, clean: CleanText): void {
  const raw = a.rawText;
  let cleanCursor = 0;
  let rawCursor = a.bodyStart;
  for (const [i, s] of clean.segments.entries()) {
    assert.ok(s.length > 0, "segments are not empty");
    assert.equal(
      clean.text.slice(s.cleanStart, s.cleanStart + s.length),
      raw.slice(s.rawStart, s.rawStart + s.length),
    );
    // Between segments only the separators the cleaner inserts.
    const gap = clean.text.slice(cleanCursor, s.cleanStart);
    assert.ok(
      i === 0 ? gap === "" : gap === " " || gap === "\n" || gap === "\n\n",
      `separator ${JSON.stringify(gap)}`,
    );
    assert.ok(s.rawStart >= rawCursor, "segments are in raw order and do not overlap");
    cleanCursor = s.cleanStart + s.length;
    rawCursor = s.rawStart + s.length;
  }
  assert.equal(cleanCursor, clean.text.length, "the clean text ends with its last segment");
  assert.ok(rawCursor <= raw.length);
  // Nothing is dropped silently: every non-space raw character of the body is kept or listed as removed.
  const covered = new Uint8Array(raw.length);
  for (const s of clean.segments) covered.fill(1, s.rawStart, s.rawStart + s.length);
  for (const r of clean.removed) {
    assert.ok(
      r.span[0] >= a.bodyStart && r.span[0] < r.span[1] && r.span[1] <= raw.length,
      "removed spans are in the body",
    );
    assert.ok(r.reason.length > 0);
    for (let i = r.span[0]; i < r.span[1]; i++) {
      assert.ok(covered[i] !== 1 || /\s/.test(raw[i] ?? ""), "a removed character is not also kept");
      covered[i] = 2;
    }
  }
  for (let i = a.bodyStart; i < raw.length; i++) {
    if (!/\s/.test(raw[i] ?? ""))
      assert.ok(covered[i] !== 0, `raw offset ${i} (${JSON.stringify(raw[i])}) is accounted for`);
  }
}

test("property: segments slice identically; separators only; every raw character kept or removed", () => {
  fc.assert(
    fc.property(articleArb, (a) => {
      checkInvariants(a, cleanArticle(a));
    }),
    { numRuns: 400 },
  );
});

test("property: cleaning is deterministic", () => {
  fc.assert(
    fc.property(articleArb, (a) => {
      assert.deepEqual(cleanArticle(a), cleanArticle({ ...a }));
    }),
    { numRuns: 100 },
  );
});

test("property: toRawSpan of a span inside one segment slices the same string from the raw text", () => {
  fc.assert(
    fc.property(articleArb, fc.nat(), fc.nat(), fc.nat(), (a, pick, x, y) => {
      const clean = cleanArticle(a);
      if (clean.segments.length === 0) return;
      const seg = clean.segments[pick % clean.segments.length];
      if (!seg) return;
      const s = seg.cleanStart + (x % (seg.length + 1));
      const e = s + (y % (seg.cleanStart + seg.length - s + 1));
      const [rs, re] = toRawSpan(clean, [s, e]);
      assert.equal(a.rawText.slice(rs, re), clean.text.slice(s, e));
    }),
    { numRuns: 400 },
  );
});

test("property: any clean span maps into the raw text, in order, covering its kept characters", () => {
  fc.assert(
    fc.property(articleArb, fc.nat(), fc.nat(), (a, x, y) => {
      const clean = cleanArticle(a);
      const n = clean.text.length;
      const s = x % (n + 1);
      const e = s + (y % (n - s + 1));
      const [rs, re] = toRawSpan(clean, [s, e]);
      assert.ok(0 <= rs && rs <= re && re <= a.rawText.length);
      // Each kept character of the span lies inside the raw span, at its mapped offset.
      for (let i = s; i < e; i++) {
        const r = toRawOffset(clean, i);
        if (clean.text[i] === a.rawText[r]) assert.ok(rs <= r && r < re);
      }
    }),
    { numRuns: 200 },
  );
});

/** 1 MB lines built to make a careless regular expression backtrack; cleaning must still finish (no timing asserted). */
test("pathological 1 MB lines are cleaned and keep the invariants", () => {
  const size = 1_000_000;
  const fill = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  fc.assert(
    fc.property(
      fc.constantFrom(
        "less ",
        "less aaaaaaaaaaaaaaaaaaaaaaaaa ",
        "(x via ",
        "(",
        "Photo: Alexei Druzhinin ",
        "Photo: ",
        "Copyright 2020 ",
        "Image 1 of ",
        "1 / ",
        ". A",
        "By Abc ",
        "(Abc Def/",
        " ",
        "a",
        "Updated: Oct. 22, 2020 ",
        "https://x ",
        "... more ",
      ),
      fc.constantFrom("", "\n", "x", "."),
      (unit, tail) => {
        const a: Article = {
          id: "big",
          url: null,
          published: null,
          title: "A title",
          rawText: fill(unit) + tail,
          source: "big",
          bodyStart: 0,
        };
        checkInvariants(a, cleanArticle(a));
      },
    ),
    { numRuns: 20 },
  );
  // Folded captions that repeat nothing before them, each different: the look-back must stay bounded.
  const unique: string[] = [];
  for (let i = 0, n = 0; n < size; i++) {
    const piece = `less caption number ${i} of the long gallery ... more `;
    unique.push(piece);
    n += piece.length;
  }
  const a: Article = {
    id: "u",
    url: null,
    published: null,
    title: null,
    rawText: unique.join(""),
    source: "u",
    bodyStart: 0,
  };
  checkInvariants(a, cleanArticle(a));
});
