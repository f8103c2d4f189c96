import assert from "node:assert/strict";
import { before, test } from "node:test";
import fc from "fast-check";
import { codeArticle, codeText, warmUp } from "../../src/pipeline/index.js";
import type { Article } from "../../src/types/index.js";
import { anyText, dateLike, longSentence, politicalSalad } from "./fuzz-inputs.js";
import { fuzzRun } from "./fuzz-settings.js";
import { assertCoded } from "./invariants.js";

// Property-based tests of the whole coding path: whatever the text, coding never throws or hangs, and every span it
// reports (actors, evidence sentence, trigger, quote) slices the article's original text to exactly what it quotes.
before(() => warmUp());

const date = fc.option(fc.constantFrom("2020-10-22", "2024-02-29", "1999-12-31", "2031-01-01"), {
  nil: null,
});

test("codeText: political word salads", (t) => {
  const run = fuzzRun("codeText: political word salads");
  let events = 0;
  fc.assert(
    fc.property(
      fc.array(politicalSalad, { minLength: 1, maxLength: 4 }).map((s) => s.join(". ")),
      date,
      run.watch((text, day) => {
        const coded = codeText(text, { date: day });
        assertCoded(coded);
        events += coded.events.length;
      }),
    ),
    run.parameters,
  );
  // The salads are built to trigger the coder: a property run that never codes an event would test little.
  if (run.cases >= 100) assert.ok(events > 0, "no event coded in any salad");
  t.diagnostic(`${run.summary()}; ${events} event(s) checked`);
});

test("codeText: random unicode", (t) => {
  const run = fuzzRun("codeText: random unicode");
  fc.assert(
    fc.property(
      fc
        .array(fc.oneof(anyText, politicalSalad, fc.string({ unit: "grapheme-composite", maxLength: 30 })), {
          minLength: 1,
          maxLength: 6,
        })
        .map((parts) => parts.join(" ")),
      run.watch((text) => {
        assertCoded(codeText(text));
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});

test("codeText: long sentences", (t) => {
  const run = fuzzRun("codeText: long sentences");
  fc.assert(
    fc.property(
      longSentence,
      date,
      run.watch((text, day) => {
        assertCoded(codeText(text, { date: day }));
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});

test("codeText: long articles", (t) => {
  const run = fuzzRun("codeText: long articles");
  fc.assert(
    fc.property(
      fc
        .array(fc.array(politicalSalad, { minLength: 1, maxLength: 6 }), { minLength: 20, maxLength: 200 })
        .map((paragraphs) => paragraphs.map((p) => p.join(". ")).join("\n\n")),
      date,
      run.watch((text, day) => {
        assertCoded(codeText(text, { date: day }));
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});

const FURNITURE = [
  "Share this article",
  "Advertisement",
  "By Jane Doe",
  "Related:",
  "Read more: Another headline",
  "(AP Photo/John Roe)",
  "Image 1 of 4",
  "Copyright 2020 Example News. All rights reserved.",
];

test("codeArticle: articles with furniture, titles and body starts", (t) => {
  const run = fuzzRun("codeArticle: articles with furniture, titles and body starts");
  const article = fc
    .record({
      paragraphs: fc.array(
        fc.oneof(
          { weight: 4, arbitrary: politicalSalad },
          { weight: 1, arbitrary: fc.constantFrom(...FURNITURE) },
        ),
        { minLength: 1, maxLength: 8 },
      ),
      joiner: fc.constantFrom("\n\n", "\n", "\r\n\r\n", " "),
      header: fc.option(
        fc.tuple(dateLike, politicalSalad).map(([d, title]) => `date ${d} ${title}\n`),
        { nil: null },
      ),
      title: fc.option(fc.oneof(politicalSalad, anyText), { nil: null }),
      published: date,
    })
    .map(({ paragraphs, joiner, header, title, published }): Article => {
      const body = paragraphs.join(joiner);
      const rawText = `${header ?? ""}${body}`;
      return {
        id: "fuzz-article",
        url: null,
        published,
        title,
        rawText,
        source: "fuzz",
        bodyStart: header?.length ?? 0,
      };
    });
  fc.assert(
    fc.property(
      article,
      run.watch((a) => {
        const coded = codeArticle(a);
        assertCoded(coded);
        for (const e of coded.events)
          assert.ok(e.evidence.sentenceSpan[0] >= a.bodyStart, "an event found in the header line");
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});
