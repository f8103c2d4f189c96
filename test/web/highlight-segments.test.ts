import assert from "node:assert/strict";
import { test } from "node:test";
import { highlightSegments } from "../../web/src/highlight-segments.js";

const text = "Russia and China held joint drills.";

test("highlightSegments cuts text at every mark boundary and keeps all of it", () => {
  const cases: {
    label: string;
    marks: { start: number; end: number; kind: string }[];
    expected: [string, string[]][];
  }[] = [
    { label: "no marks", marks: [], expected: [[text, []]] },
    {
      label: "disjoint source, target, trigger",
      marks: [
        { start: 0, end: 6, kind: "source" },
        { start: 11, end: 16, kind: "target" },
        { start: 17, end: 21, kind: "trigger" },
      ],
      expected: [
        ["Russia", ["source"]],
        [" and ", []],
        ["China", ["target"]],
        [" ", []],
        ["held", ["trigger"]],
        [" joint drills.", []],
      ],
    },
    {
      label: "trigger nested in the sentence",
      marks: [
        { start: 0, end: text.length, kind: "sentence" },
        { start: 17, end: 21, kind: "trigger" },
      ],
      expected: [
        ["Russia and China ", ["sentence"]],
        ["held", ["sentence", "trigger"]],
        [" joint drills.", ["sentence"]],
      ],
    },
    {
      label: "marks outside the text are clipped or dropped",
      marks: [
        { start: -5, end: 6, kind: "source" },
        { start: 30, end: 99, kind: "quote" },
        { start: 50, end: 60, kind: "target" },
        { start: 8, end: 8, kind: "empty" },
      ],
      expected: [
        ["Russia", ["source"]],
        [" and China held joint dr", []],
        ["ills.", ["quote"]],
      ],
    },
  ];
  for (const c of cases) {
    const runs = highlightSegments(text, c.marks);
    assert.deepEqual(
      runs.map((r) => [r.text, r.kinds]),
      c.expected,
      c.label,
    );
    assert.equal(runs.map((r) => r.text).join(""), text, `${c.label}: nothing lost`);
    for (const r of runs)
      assert.equal(text.slice(r.start, r.start + r.text.length), r.text, `${c.label}: offsets`);
  }
});
