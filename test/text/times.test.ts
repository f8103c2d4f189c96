import assert from "node:assert/strict";
import { test } from "node:test";
import { annotate } from "../../src/text/index.js";
import { dayChrono } from "../../src/text/resolve-times.js";

// Article date 2020-10-22 is a Thursday.
const DATE = "2020-10-22";
const cases: [label: string, text: string, expected: [expression: string, date: string][]][] = [
  ["the article's own weekday", "Putin spoke on Thursday.", [["Thursday", "2020-10-22"]]],
  ["a past weekday", "Protesters gathered on Monday.", [["Monday", "2020-10-19"]]],
  ["a weekday in a future clause", "The leaders will meet on Monday.", [["Monday", "2020-10-26"]]],
  ["next Monday", "The leaders will meet next Monday.", [["next Monday", "2020-10-26"]]],
  ["last Monday", "He said last Monday that talks failed.", [["last Monday", "2020-10-19"]]],
  ["yesterday", "Yesterday the army withdrew.", [["Yesterday", "2020-10-21"]]],
  ["days ago", "The envoy arrived three days ago.", [["three days ago", "2020-10-19"]]],
  ["last month names no day", "Talks collapsed last month.", []],
  ["last week names no day", "The summit ended last week.", []],
  ["on March 3 is in the past", "The talks were held on March 3.", [["March 3", "2020-03-03"]]],
  ["on March 3 in a plan is ahead", "He plans to travel to Beijing on March 3.", [["March 3", "2021-03-03"]]],
  ["Dec. 5 is last year's", "They met on Dec. 5.", [["Dec. 5", "2019-12-05"]]],
  [
    "a date a few days ahead stays this year",
    "The election on Oct. 25 drew crowds.",
    [["Oct. 25", "2020-10-25"]],
  ],
  ["a full date", "The accord was signed on Oct. 5, 2019.", [["Oct. 5, 2019", "2019-10-05"]]],
  ["said Monday is the saying day", "Putin said Monday he will visit China.", [["Monday", "2020-10-19"]]],
  ["scheduled is future", "The vote is scheduled for Sunday.", [["Sunday", "2020-10-25"]]],
  [
    "a clause-initial weekday",
    "On Saturday, the ministers will sign the accord.",
    [["Saturday", "2020-10-24"]],
  ],
  [
    "two weekdays",
    "He returned on Tuesday and left on Wednesday.",
    [
      ["Tuesday", "2020-10-20"],
      ["Wednesday", "2020-10-21"],
    ],
  ],
  ["a newspaper's name is no weekday", "The Sun reported the story.", []],
  ["now is no date", "There is no need for an alliance now.", []],
  ["a clock time is no day", "The blast came at 5 p.m. local time.", []],
];

for (const [label, text, expected] of cases) {
  test(`times: ${label}`, () => {
    const doc = annotate(text, { date: DATE });
    assert.deepEqual(
      doc.times.map((t) => [t.text, t.date]),
      expected,
    );
    for (const t of doc.times) {
      assert.equal(text.slice(t.start, t.end), t.text);
      assert.equal(t.sentence, 0);
    }
  });
}

test("times: without an article date only expressions with a year are resolved", () => {
  const doc = annotate("They met on Thursday. The accord was signed on Oct. 5, 2019.", { date: null });
  assert.deepEqual(
    doc.times.map((t) => [t.text, t.date, t.sentence]),
    [["Oct. 5, 2019", "2019-10-05", 1]],
  );
});

test("times: a past weekday early in January falls in the previous year", () => {
  const doc = annotate("Protesters gathered on Monday.", { date: "2021-01-01" });
  assert.deepEqual(
    doc.times.map((t) => t.date),
    ["2020-12-28"],
  );
});

test("times: chrono runs with its day parsers only (the names still exist in the installed chrono)", () => {
  // If chrono renames a parser, dayChrono falls back to the full (slower) set; this catches that.
  assert.equal(dayChrono().parsers.length, 8);
});
