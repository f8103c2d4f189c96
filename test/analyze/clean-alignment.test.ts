import assert from "node:assert/strict";
import { test } from "node:test";
import { alignCleanText, rawSpanToClean } from "../../src/analyze/clean-alignment.js";

const cases: [string, string, string][] = [
  ["nothing removed", "Troops crossed the border at dawn.", "Troops crossed the border at dawn."],
  [
    "a menu removed before the story",
    "Home | World | Sport\nLog in\n\nTroops crossed the border at dawn. Officials said talks would follow.",
    "Troops crossed the border at dawn. Officials said talks would follow.",
  ],
  [
    "furniture removed between paragraphs, a separator inserted",
    "The ministers met in Geneva on Monday.\nADVERTISEMENT\nThey agreed to meet again in spring.",
    "The ministers met in Geneva on Monday.\n\nThey agreed to meet again in spring.",
  ],
  [
    "a short run after a removed photo caption",
    "Talks ended.\n(Photo: a file picture of the hall)\nNo deal.",
    "Talks ended.\n\nNo deal.",
  ],
];

for (const [label, raw, clean] of cases) {
  test(`alignment: ${label}`, () => {
    const segments = alignCleanText(raw, clean);
    let copied = 0;
    for (const s of segments) {
      assert.equal(
        clean.slice(s.cleanStart, s.cleanStart + s.length),
        raw.slice(s.rawStart, s.rawStart + s.length),
      );
      copied += s.length;
    }
    const separators = clean.length - copied;
    assert.ok(separators <= 2, `only inserted separators are unmatched (${separators})`);
    // Every clean character outside the separators maps to a raw position, in order.
    const rawStarts = segments.map((s) => s.rawStart);
    assert.deepEqual(
      rawStarts,
      [...rawStarts].sort((a, b) => a - b),
    );
  });
}

test("raw spans map into the clean text, removed ones to null", () => {
  const raw = "MENU\n\nRussia warned Japan.\nAdvert here\nJapan replied.";
  const clean = "Russia warned Japan.\n\nJapan replied.";
  const segments = alignCleanText(raw, clean);
  const at = (w: string, from = 0) => raw.indexOf(w, from);
  const rows: [string, [number, number], string | null][] = [
    ["first actor", [at("Russia"), at("Russia") + 6], "Russia"],
    ["trigger", [at("warned"), at("warned") + 6], "warned"],
    ["second paragraph", [at("Japan replied"), at("Japan replied") + 13], "Japan replied"],
    ["removed menu", [at("MENU"), at("MENU") + 4], null],
    ["removed advert", [at("Advert"), at("Advert") + 6], null],
  ];
  for (const [label, span, want] of rows) {
    const got = rawSpanToClean(segments, span);
    if (want === null) assert.equal(got, null, label);
    else {
      assert.ok(got, label);
      assert.equal(clean.slice(got[0], got[1]), want, label);
    }
  }
});
