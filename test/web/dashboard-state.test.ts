import assert from "node:assert/strict";
import { test } from "node:test";
import { INITIAL_STATE, readDashboardState, writeDashboardState } from "../../web/src/dashboard-state.js";

test("a dashboard state survives the URL hash", () => {
  const state = {
    ...INITIAL_STATE,
    a: "RUS",
    b: "CHNMIL",
    directed: true,
    interval: "week" as const,
    mode: "quads" as const,
    filters: {
      root: "03",
      quad: "1",
      status: "asserted,future",
      from: "2024-01-01",
      to: "2024-03-31",
      q: "joint drills",
    },
    offset: 50,
    eventId: "e-17",
    alertsAt: "2024-04-23",
  };
  assert.deepEqual(readDashboardState(writeDashboardState(state)), state);
  assert.equal(writeDashboardState(INITIAL_STATE), "");
  assert.equal(writeDashboardState({ ...INITIAL_STATE, a: "RUS", b: "CHN" }), "#a=RUS&b=CHN");
});

test("malformed hash values fall back to defaults", () => {
  const cases: [string, Partial<typeof INITIAL_STATE>][] = [
    ["#a=rus&b=chn", { a: "RUS", b: "CHN" }],
    ["#a=RUS&b=CHN&dir=ab", { a: "RUS", b: "CHN", directed: true }],
    ["#dir=ba&at=2024-13", {}],
    ["#a=<img>&interval=year", { a: "", interval: "month" }],
    ["#from=yesterday&root=3&quad=5&offset=-4", {}],
  ];
  for (const [hash, expected] of cases) {
    assert.deepEqual(readDashboardState(hash), { ...INITIAL_STATE, ...expected }, hash);
  }
});
