import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openStore, type Store } from "../../src/store/index.js";
import { DyadError } from "../../src/types/errors.js";
import type { CodedArticleRow } from "../../src/types/store.js";
import {
  ELECTION_STORY,
  GRAIN_STORY,
  HARBOUR_EDITED,
  HARBOUR_REPOST,
  HARBOUR_STORY,
} from "../dedupe/wire-stories.js";
import { dumpStore } from "./dump-store.js";
import { type FixtureEvent, fixtureRow } from "./fixture-events.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-store-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = () => join(dir, `store-${n++}.db`);

const drills = (id: string, articleId: string, date: string, at = 0): FixtureEvent => ({
  id,
  articleId,
  date,
  source: "RUSGOV",
  target: "CHNGOV",
  code: "036",
  quad: 1,
  goldstein: 4,
  sentence: "The defence ministers of Russia and China met in Vladivostok on Tuesday.",
  at,
});

/** Three copies of one story from three outlets, one unrelated story, one more story on another date. */
const rows: CodedArticleRow[] = [
  fixtureRow("h2-repost", HARBOUR_REPOST, [drills("h2-repost:0", "h2-repost", "2024-05-08", 60)], {
    url: "https://pacific-record.example/asia/drills",
    published: "2024-05-08",
  }),
  fixtureRow("h1-wire", HARBOUR_STORY, [drills("h1-wire:0", "h1-wire", "2024-05-07")], {
    url: "https://wire.example/a/1",
    published: "2024-05-07",
    title: "Russia and China plan naval drills",
  }),
  fixtureRow(
    "h3-edited",
    HARBOUR_EDITED,
    [
      drills("h3-edited:0", "h3-edited", "2024-05-09"),
      {
        id: "h3-edited:1",
        articleId: "h3-edited",
        date: "2024-05-09",
        source: "JPNGOV",
        target: "CHN",
        code: "112",
        quad: 3,
        goldstein: -2,
        status: "asserted",
        sentence: "Japan's foreign ministry said it was watching the preparations closely.",
        at: 400,
      },
    ],
    { url: "https://www.other-news.example/x", published: "2024-05-09" },
  ),
  fixtureRow(
    "g1-grain",
    GRAIN_STORY,
    [
      {
        id: "g1-grain:0",
        articleId: "g1-grain",
        date: "2024-06-20",
        source: "CHN",
        target: "RUS",
        code: "0311",
        quad: 1,
        goldstein: 5.2,
        status: "hypothetical",
        sentence: "Buyers in Asia might sign export contracts.",
      },
      {
        id: "g1-grain:1",
        articleId: "g1-grain",
        date: "2024-06-21",
        source: "CHNMIL",
        target: "RUSMIL",
        code: "190",
        quad: 4,
        goldstein: -10,
        sentence: "Lorries queued for a second day at the port.",
        at: 200,
      },
    ],
    { source: "feeds/farm.jsonl:4", published: "2024-06-20" },
  ),
  fixtureRow("e1-election", ELECTION_STORY, [], { published: "2024-07-01" }),
];

async function withStore<T>(path: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(path);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

test("a batch stores articles, clusters the copies and merges the event they all tell", async () => {
  await withStore(freshPath(), async (store) => {
    const outcome = await store.writeBatch({
      rows,
      rejects: [{ path: "bad.jsonl", line: 3, reason: "no text" }],
    });
    assert.deepEqual(outcome, { articles: 5, events: 6, skipped: 0, rejects: 1 });
    assert.deepEqual(await store.counts(), {
      articles: 5,
      events: 6,
      mergedEvents: 4,
      clusters: 3,
      rejects: 1,
    });

    const article = await store.article("h3-edited");
    assert.equal(article?.clusterId, "h1-wire");
    assert.equal(article?.cleanText, HARBOUR_EDITED);
    assert.equal((await store.article("g1-grain"))?.clusterId, "g1-grain");
    assert.equal(await store.article("nope"), null);

    const { total, events } = await store.events({ code: "036" });
    assert.equal(total, 1);
    const merged = events[0]!;
    assert.equal(merged.id, "h1-wire:0", "canonical telling is the one from the smallest article id");
    assert.equal(merged.clusterId, "h1-wire");
    assert.deepEqual([merged.mentions, merged.sources, merged.articles], [3, 3, 3]);
    assert.equal(merged.source.code, "RUSGOV");
    assert.equal(
      merged.evidence.sentence,
      "The defence ministers of Russia and China met in Vladivostok on Tuesday.",
    );

    const tellings = await store.tellings({ mergedId: "h1-wire:0" });
    assert.deepEqual(
      tellings.map((t) => [t.id, t.mergedId]),
      [
        ["h1-wire:0", "h1-wire:0"],
        ["h2-repost:0", "h1-wire:0"],
        ["h3-edited:0", "h1-wire:0"],
      ],
    );
    assert.deepEqual(tellings[1]?.evidence.sentenceSpan, [60, 60 + 72]);
    assert.deepEqual(
      (await store.tellings({ articleId: "h3-edited" })).map((t) => t.id),
      ["h3-edited:0", "h3-edited:1"],
    );
    assert.deepEqual(await store.rejects(), [{ path: "bad.jsonl", line: 3, reason: "no text" }]);
  });
});

test("writing the same articles and rejects again adds nothing", async () => {
  const path = freshPath();
  await withStore(path, (store) =>
    store.writeBatch({ rows, rejects: [{ path: "bad.txt", reason: "empty file" }] }),
  );
  const before = dumpStore(path);
  await withStore(path, async (store) => {
    const outcome = await store.writeBatch({
      rows: [...rows, rows[0]!],
      rejects: [{ path: "bad.txt", reason: "empty file" }],
    });
    assert.deepEqual(outcome, { articles: 0, events: 0, skipped: 6, rejects: 1 });
    assert.deepEqual([...(await store.knownArticleIds(["h1-wire", "zz", "g1-grain"]))].sort(), [
      "g1-grain",
      "h1-wire",
    ]);
  });
  assert.equal(dumpStore(path), before);
});

test("the stored contents do not depend on batch boundaries or order", async () => {
  const reference = freshPath();
  await withStore(reference, (store) => store.writeBatch({ rows, rejects: [] }));
  const expected = dumpStore(reference);
  const partitions: number[][][] = [
    [[4], [3], [2], [1], [0]],
    [[0], [2, 4], [1, 3]],
    [[2], [0], [3, 1, 4]],
    [
      [1, 0],
      [4, 3, 2],
    ],
  ];
  for (const partition of partitions) {
    const path = freshPath();
    await withStore(path, async (store) => {
      for (const part of partition) await store.writeBatch({ rows: part.map((i) => rows[i]!), rejects: [] });
    });
    assert.equal(dumpStore(path), expected, `batches ${JSON.stringify(partition)}`);
  }
});

test("event filters: actor prefixes, codes, quad, status, dates, article and full text", async () => {
  await withStore(freshPath(), async (store) => {
    await store.writeBatch({ rows, rejects: [] });
    const ids = async (filter: Parameters<Store["events"]>[0]) =>
      (await store.events(filter)).events.map((e) => e.id);
    const cases: [label: string, filter: Parameters<Store["events"]>[0], expected: string[]][] = [
      ["everything, newest first", {}, ["g1-grain:1", "g1-grain:0", "h3-edited:1", "h1-wire:0"]],
      ["source prefix", { source: "CHN" }, ["g1-grain:1", "g1-grain:0"]],
      ["source with sector", { source: "CHNMIL" }, ["g1-grain:1"]],
      ["target prefix", { target: "CHN" }, ["h3-edited:1", "h1-wire:0"]],
      ["either side", { actor: "JPN" }, ["h3-edited:1"]],
      ["root", { root: "03" }, ["g1-grain:0", "h1-wire:0"]],
      ["exact code", { code: "0311" }, ["g1-grain:0"]],
      ["quad", { quad: 4 }, ["g1-grain:1"]],
      ["status", { status: ["hypothetical"] }, ["g1-grain:0"]],
      ["date range", { from: "2024-05-08", to: "2024-06-20" }, ["g1-grain:0", "h3-edited:1"]],
      ["telling in an article", { articleId: "h2-repost" }, ["h1-wire:0"]],
      ["article text search", { q: "soybeans harvest" }, []],
      ["article text search, all words", { q: "harvesting SOYBEANS" }, ["g1-grain:1", "g1-grain:0"]],
      ["article title or text search", { q: "Vladivostok" }, ["h3-edited:1", "h1-wire:0"]],
      [
        "search text with query syntax is taken as words",
        { q: '"queued" (port*' },
        ["g1-grain:1", "g1-grain:0"],
      ],
      ["evidence sentence search", { sentence: "lorries" }, ["g1-grain:1"]],
      ["search without words matches nothing", { q: "!!!" }, []],
      ["paging", { limit: 2, offset: 1 }, ["g1-grain:0", "h3-edited:1"]],
    ];
    for (const [label, filter, expected] of cases) assert.deepEqual(await ids(filter), expected, label);
    assert.equal((await store.events({ limit: 1 })).total, 4);

    const streamed: string[] = [];
    for await (const e of store.streamEvents({ actor: "CHN" })) streamed.push(e.id);
    assert.deepEqual(streamed, ["g1-grain:0", "g1-grain:1", "h1-wire:0", "h3-edited:1"]);
  });
});

test("streamEvents pages through every event", async () => {
  await withStore(freshPath(), async (store) => {
    const many: FixtureEvent[] = [];
    for (let i = 0; i < 2300; i++) {
      many.push({
        id: `big:${String(i).padStart(4, "0")}`,
        articleId: "big",
        date: "2024-01-01",
        source: "FRA",
        target: "DEU",
        code: `0${i}`,
        at: i,
      });
    }
    await store.writeBatch({
      rows: [fixtureRow("big", "A long article about many things.", many)],
      rejects: [],
    });
    let count = 0;
    let last = "";
    for await (const e of store.streamEvents()) {
      assert.ok(e.id > last);
      last = e.id;
      count++;
    }
    assert.equal(count, 2300);
  });
});

test("dyad series: merged events per period, asserted only by default, both directions, gaps filled", async () => {
  await withStore(freshPath(), async (store) => {
    await store.writeBatch({ rows, rejects: [] });
    const month = await store.series("RUS", "CHN", { interval: "month" });
    assert.deepEqual(month, [
      { t: "2024-05-01", count: 1, byQuad: { 1: 1, 2: 0, 3: 0, 4: 0 }, goldsteinSum: 4, goldsteinMean: 4 },
      {
        t: "2024-06-01",
        count: 1,
        byQuad: { 1: 0, 2: 0, 3: 0, 4: 1 },
        goldsteinSum: -10,
        goldsteinMean: -10,
      },
    ]);
    const all = await store.series("CHN", "RUS", {
      interval: "month",
      statuses: ["asserted", "hypothetical"],
      from: "2024-04-15",
      to: "2024-07-02",
    });
    assert.deepEqual(
      all.map((p) => [p.t, p.count, p.goldsteinSum, p.goldsteinMean]),
      [
        ["2024-04-01", 0, 0, null],
        ["2024-05-01", 1, 4, 4],
        ["2024-06-01", 2, -4.8, -2.4],
        ["2024-07-01", 0, 0, null],
      ],
    );
    const directed = await store.series("RUS", "CHN", { interval: "week", directed: true });
    assert.deepEqual(
      directed.map((p) => [p.t, p.count]),
      [["2024-05-06", 1]],
      "weeks start on Monday; CHN→RUS events are left out",
    );
    const days = await store.series("RUSGOV", "CHN", {
      interval: "day",
      from: "2024-05-06",
      to: "2024-05-08",
    });
    assert.deepEqual(
      days.map((p) => [p.t, p.count]),
      [
        ["2024-05-06", 0],
        ["2024-05-07", 1],
        ["2024-05-08", 0],
      ],
    );
    assert.deepEqual(await store.series("USA", "CHN", { interval: "month" }), []);
  });
});

test("opening a missing store for reading fails with a dyad error", async () => {
  await assert.rejects(openStore(join(dir, "missing.db"), { mustExist: true }), (error: unknown) => {
    assert.ok(error instanceof DyadError);
    assert.match(error.message, /^dyad: no database at ".*missing\.db"/);
    return true;
  });
});

test("reopening runs no migration twice and keeps the data", async () => {
  const path = freshPath();
  await withStore(path, (store) => store.writeBatch({ rows: rows.slice(0, 2), rejects: [] }));
  await withStore(path, async (store) => {
    await store.migrate();
    assert.equal((await store.counts()).articles, 2);
  });
});
