import assert from "node:assert/strict";
import { test } from "node:test";
import { type DyadDayCount, dyadDepartures } from "../../src/analyze/dyad-departures.js";
import { periodEnd, periodStart, shiftPeriod } from "../../src/analyze/period-start.js";

const options = { interval: "week" as const, period: "2021-04-05", history: 8, threshold: 2, minCount: 3 };

/** One row per week for the 8 weeks before 2021-04-05 (Mondays' Wednesdays), then the examined week. */
function weekly(
  a: string,
  b: string,
  quad: 1 | 2 | 3 | 4,
  history: number[],
  now: number,
  goldstein = 1,
): DyadDayCount[] {
  const rows: DyadDayCount[] = [];
  history.forEach((count, i) => {
    const date = shiftPeriod("2021-02-10", "week", i); // Wednesdays 2021-02-10 .. 2021-03-31
    if (count) rows.push({ a, b, date, quad, count, goldsteinSum: count * goldstein });
  });
  if (now) rows.push({ a, b, date: "2021-04-07", quad, count: now, goldsteinSum: now * goldstein });
  return rows;
}

const cases: [string, DyadDayCount[], [string, string, string, string][]][] = [
  ["a steady dyad raises nothing", weekly("RUS", "CHN", 2, [3, 3, 3, 3, 3, 3, 3, 3], 3), []],
  [
    "a burst on a quiet dyad is a cooperation rise",
    weekly("RUS", "CHN", 2, [1, 0, 1, 0, 1, 0, 1, 0], 6),
    [["RUS", "CHN", "cooperation", "rise"]],
  ],
  ["a burst below minCount is ignored", weekly("RUS", "CHN", 2, [0, 0, 0, 0, 0, 0, 0, 0], 2), []],
  [
    "silence after steady conflict is a fall",
    weekly("ISR", "PSE", 4, [6, 5, 7, 6, 6, 5, 7, 6], 0),
    [["ISR", "PSE", "conflict", "fall"]],
  ],
  [
    "a first ever event of a new dyad scores by the Poisson floor",
    weekly("FRA", "MLI", 4, [0, 0, 0, 0, 0, 0, 0, 0], 3),
    [["FRA", "MLI", "conflict", "rise"]],
  ],
  [
    "rows outside the window are ignored",
    [{ a: "USA", b: "IRN", date: "2020-01-01", quad: 4, count: 50, goldsteinSum: -400 }],
    [],
  ],
];

for (const [label, rows, want] of cases) {
  test(label, () => {
    const got = dyadDepartures(rows, options).map((d) => [d.a, d.b, d.kind, d.direction]);
    assert.deepEqual(got, want);
  });
}

test("the score is the period's distance from the baseline in floored standard deviations", () => {
  const [d] = dyadDepartures(weekly("RUS", "CHN", 1, [2, 2, 2, 2, 2, 2, 2, 2], 8, 3), options);
  assert.ok(d);
  assert.equal(d.baseline, 2);
  assert.equal(d.sd, 0);
  assert.equal(d.score, Math.round(((8 - 2) / Math.sqrt(2)) * 1000) / 1000);
  assert.equal(d.goldsteinMean, 3);
  assert.equal(d.baselineGoldsteinMean, 3);
});

test("strongest departures first", () => {
  const rows = [
    ...weekly("A", "B", 2, [1, 1, 1, 1, 1, 1, 1, 1], 4),
    ...weekly("C", "D", 2, [1, 1, 1, 1, 1, 1, 1, 1], 9),
  ];
  assert.deepEqual(
    dyadDepartures(rows, options).map((d) => d.a),
    ["C", "A"],
  );
});

test("periods: weeks start on Monday, months on the 1st", () => {
  const rows: [string, "day" | "week" | "month", string, string][] = [
    ["2021-04-11", "week", "2021-04-05", "2021-04-11"],
    ["2021-04-05", "week", "2021-04-05", "2021-04-11"],
    ["2021-02-14", "month", "2021-02-01", "2021-02-28"],
    ["2020-02-14", "month", "2020-02-01", "2020-02-29"],
    ["2021-12-31", "day", "2021-12-31", "2021-12-31"],
  ];
  for (const [date, interval, start, end] of rows) {
    assert.equal(periodStart(date, interval), start);
    assert.equal(periodEnd(start, interval), end);
  }
  assert.equal(shiftPeriod("2021-01-01", "month", -1), "2020-12-01");
  assert.equal(shiftPeriod("2021-01-04", "week", -2), "2020-12-21");
});
