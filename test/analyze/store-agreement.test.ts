// The API reads event pages and dyad series through src/analyze (queries shaped for SQLite's planner). They must
// answer exactly what the store's own `events()` and `series()` answer.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { dyadSeries } from "../../src/analyze/dyad-series.js";
import { eventPage } from "../../src/analyze/event-page.js";
import type { AnalysisFilter } from "../../src/analyze/merged-event-conditions.js";
import type { SeriesOptions } from "../../src/types/store.js";
import { type SampleStore, sampleStore } from "../server/sample-store.js";

let sample: SampleStore;
before(async () => {
  sample = await sampleStore();
});
after(async () => {
  await sample.dispose();
});

const filters: [string, AnalysisFilter][] = [
  ["everything", {}],
  ["source prefix", { source: "RUS" }],
  ["target prefix", { target: "CHN" }],
  ["either side", { actor: "USA" }],
  ["root and quad", { root: "06", quad: 2 }],
  ["exact code", { code: "0312" }],
  ["statuses", { status: ["hypothetical", "reported_claim"] }],
  ["dates", { from: "2021-03-01", to: "2021-04-07" }],
  ["nothing matches", { source: "ZZZ" }],
];

for (const [label, filter] of filters) {
  test(`event page agrees with store.events: ${label}`, async () => {
    for (const [limit, offset] of [
      [100, 0],
      [3, 2],
    ] as const) {
      const ours = await eventPage(sample.store.db, { ...filter, limit, offset });
      const theirs = await sample.store.events({ ...filter, limit, offset });
      assert.equal(ours.total, theirs.total);
      assert.equal(ours.totalExact, true);
      assert.deepEqual(ours.events, theirs.events);
    }
  });
}

const series: [string, string, string, SeriesOptions][] = [
  ["both directions by week", "RUS", "CHN", { interval: "week" }],
  ["directed, reversed", "CHN", "RUS", { interval: "month", directed: true }],
  [
    "all statuses by day in a range",
    "RUS",
    "CHN",
    { interval: "day", from: "2021-03-01", to: "2021-03-10", statuses: ["asserted", "hypothetical"] },
  ],
  ["overlapping prefixes counted once", "RUS", "RUSGOV", { interval: "month" }],
  ["an empty dyad", "FRA", "MLI", { interval: "month" }],
];
for (const [label, a, b, options] of series) {
  test(`dyad series agrees with store.series: ${label}`, async () => {
    assert.deepEqual(
      await dyadSeries(sample.store.db, a, b, options),
      await sample.store.series(a, b, options),
    );
  });
}
