import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { cleanArticle, toRawSpan } from "../../src/clean/index.js";
import type { Article } from "../../src/types/index.js";
import { anyText, fraction, politicalSalad } from "./fuzz-inputs.js";
import { fuzzRun } from "./fuzz-settings.js";
import { assertCleanText } from "./invariants.js";

/** Page furniture of the kinds the cleaner removes, written for this test, with near misses. */
const FURNITURE = [
  "Share this story: Facebook Twitter Email",
  "Share on WhatsApp",
  "Related stories:",
  "Read more:",
  "- Another headline without an end",
  "• A bulleted link",
  "1) First in a list",
  "Advertisement",
  "ADVERTISEMENT",
  "Story continues below advertisement",
  "By Jane Doe and John Roe",
  "By JANE DOE, Associated Press",
  "Updated 10:34 a.m. EDT, Thu October 22, 2020",
  "Published: 22 October 2020",
  "We use cookies to improve your experience. Accept",
  "FILE - In this Oct. 22, 2020, file photo, a man walks past the building.",
  "Image 3 of 12",
  "3 / 12",
  "Back to Gallery",
  "Photo: Jane Doe / Reuters",
  "(AP Photo/John Roe, File)",
  "(Reuters)",
  "less Caption text that is folded ... more",
  "Copyright 2020 Example News. All rights reserved.",
  "© 2020 Example",
  "This material may not be published, broadcast, rewritten or redistributed.",
  "Sign up for our newsletter",
  "Click here to subscribe",
  "* * *",
  "---",
  "Gen. Smith and Sen. Roe spoke on Oct. 22.",
  "U.S. officials said.",
];

const PIECE = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FURNITURE) },
  { weight: 4, arbitrary: politicalSalad },
  { weight: 2, arbitrary: anyText },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "\n",
      "\n\n",
      "\r\n",
      "\r\n\r\n",
      " ",
      "\t",
      "\u00a0",
      "\u2028",
      "\u3000",
      "\f",
      "\v",
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom("😀", "\uD83D", "\uDE00", "é", "e\u0301", "ـ", "中文", "\u200b", "\u202e"),
  },
);

const articleArb = fc
  .record({
    parts: fc.array(PIECE, { maxLength: 50 }),
    long: fc.option(fc.integer({ min: 1000, max: 40_000 }), { freq: 8 }),
    title: fc.option(fc.oneof(fc.constantFrom(...FURNITURE), politicalSalad, anyText), { nil: null }),
    bodyAt: fraction,
  })
  .map(({ parts, long, title, bodyAt }): Article => {
    let raw = parts.join(" ");
    // Now and then one very long line, as pages scraped without line breaks arrive.
    if (long !== null)
      raw += ` ${"The talks resumed and the ministers met again ".repeat(Math.ceil(long / 46))}`;
    return {
      id: "fuzz",
      url: null,
      published: null,
      title,
      rawText: raw,
      source: "fuzz",
      bodyStart: Math.floor(raw.length * bodyAt * 0.5),
    };
  });

test("cleanArticle: furniture, unicode and odd white space", (t) => {
  const run = fuzzRun("cleanArticle: furniture, unicode and odd white space");
  fc.assert(
    fc.property(
      articleArb,
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
      run.watch((article, probes) => {
        const clean = cleanArticle(article);
        assertCleanText(article, clean);
        // Any clean span maps into the raw text; one inside a segment slices the very same string.
        for (const [a, b] of probes) {
          const n = clean.text.length;
          const start = n === 0 ? 0 : a % (n + 1);
          const end = start + (n === 0 ? 0 : b % (n - start + 1));
          const [rawStart, rawEnd] = toRawSpan(clean, [start, end]);
          assert.ok(
            0 <= rawStart && rawStart <= rawEnd && rawEnd <= article.rawText.length,
            "mapped span out of range",
          );
          const seg = clean.segments.find((s) => s.cleanStart <= start && end <= s.cleanStart + s.length);
          if (seg && end > start)
            assert.equal(article.rawText.slice(rawStart, rawEnd), clean.text.slice(start, end));
        }
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});
