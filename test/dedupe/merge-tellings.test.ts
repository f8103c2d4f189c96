import assert from "node:assert/strict";
import { test } from "node:test";
import { MERGE_WINDOW_DAYS, mergeTellings, type Telling } from "../../src/dedupe/index.js";

function telling(id: string, articleId: string, date: string | null, extra: Partial<Telling> = {}): Telling {
  return {
    id,
    articleId,
    outlet: `outlet-of-${articleId}`,
    date,
    sourceCode: "RUSGOV",
    targetCode: "CHNGOV",
    cameoCode: "036",
    status: "asserted",
    position: 0,
    ...extra,
  };
}

function summary(tellings: readonly Telling[]) {
  return mergeTellings(tellings).map((m) => ({
    id: m.id,
    tellings: m.tellings.map((t) => t.id).sort(),
    mentions: m.mentions,
    sources: m.sources,
    articles: m.articles,
  }));
}

test("the window is three days from the earliest date of the merged event", () => {
  assert.equal(MERGE_WINDOW_DAYS, 3);
});

const cases: [label: string, tellings: Telling[], expected: ReturnType<typeof summary>][] = [
  [
    "same dyad, code and status within the window merge; canonical is the smallest article id",
    [
      telling("e3", "art-c", "2024-03-06"),
      telling("e1", "art-a", "2024-03-05"),
      telling("e2", "art-b", "2024-03-08"),
    ],
    [{ id: "e1", tellings: ["e1", "e2", "e3"], mentions: 3, sources: 3, articles: 3 }],
  ],
  [
    "a date past the window opens a new event",
    [
      telling("e1", "art-a", "2024-03-01"),
      telling("e2", "art-b", "2024-03-04"),
      telling("e3", "art-c", "2024-03-05"),
    ],
    [
      { id: "e1", tellings: ["e1", "e2"], mentions: 2, sources: 2, articles: 2 },
      { id: "e3", tellings: ["e3"], mentions: 1, sources: 1, articles: 1 },
    ],
  ],
  [
    "a different code, target or status stays apart",
    [
      telling("e1", "art-a", "2024-03-01"),
      telling("e2", "art-b", "2024-03-01", { cameoCode: "040" }),
      telling("e3", "art-c", "2024-03-01", { targetCode: "USAGOV" }),
      telling("e4", "art-d", "2024-03-01", { status: "negated" }),
    ],
    [
      { id: "e1", tellings: ["e1"], mentions: 1, sources: 1, articles: 1 },
      { id: "e2", tellings: ["e2"], mentions: 1, sources: 1, articles: 1 },
      { id: "e3", tellings: ["e3"], mentions: 1, sources: 1, articles: 1 },
      { id: "e4", tellings: ["e4"], mentions: 1, sources: 1, articles: 1 },
    ],
  ],
  [
    "two tellings in one article count as two mentions of one article; same outlet counts once",
    [
      telling("e1", "art-a", "2024-03-01", { position: 50 }),
      telling("e2", "art-a", "2024-03-01", { position: 10 }),
      telling("e3", "art-b", "2024-03-02", { outlet: "outlet-of-art-a" }),
    ],
    [{ id: "e2", tellings: ["e1", "e2", "e3"], mentions: 3, sources: 1, articles: 2 }],
  ],
  [
    "undated tellings merge with each other, not with dated ones",
    [telling("e1", "art-a", null), telling("e2", "art-b", null), telling("e3", "art-c", "2024-03-01")],
    [
      { id: "e1", tellings: ["e1", "e2"], mentions: 2, sources: 2, articles: 2 },
      { id: "e3", tellings: ["e3"], mentions: 1, sources: 1, articles: 1 },
    ],
  ],
];

for (const [label, tellings, expected] of cases) {
  test(`merge: ${label}`, () => {
    assert.deepEqual(summary(tellings), expected);
    assert.deepEqual(summary([...tellings].reverse()), expected, "reversed order gives the same result");
  });
}
