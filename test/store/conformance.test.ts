/**
 * One suite, every store engine: the same cases run against SQLite and PostgreSQL (a fresh database per case on the
 * local server, all dropped at the end), and the two engines must end with identical contents for the same input.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { openStore, type Store } from "../../src/store/index.js";
import { DyadError } from "../../src/types/errors.js";
import { HARBOUR_EDITED } from "../dedupe/wire-stories.js";
import { conformanceRows as rows } from "./conformance-rows.js";
import { dumpAnyStore, postgresAvailable, TestDatabases, TestFiles } from "./conformance-stores.js";
import { type FixtureEvent, fixtureRow } from "./fixture-events.js";

const files = new TestFiles();
const databases = new TestDatabases();
const pgUp = await postgresAvailable();
after(async () => {
  files.removeAll();
  if (pgUp) await databases.dropAll();
});

interface Engine {
  readonly name: string;
  readonly available: boolean;
  /** A location (file or URL) where no store exists yet. */
  fresh(): string;
}

const ENGINES: readonly Engine[] = [
  { name: "sqlite", available: true, fresh: () => files.path() },
  { name: "postgres", available: pgUp, fresh: () => databases.url() },
];

async function withStore<T>(location: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const dumpOf = (location: string) => withStore(location, dumpAnyStore);

const WRITER = fileURLToPath(new URL("./conformance-writer.ts", import.meta.url));

/** Runs `conformance-writer.ts` in its own process; resolves with the number of articles it added. */
function runWriter(args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", WRITER, ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`writer failed: ${stderr || error.message}`));
        else resolve(Number(stdout.trim()));
      },
    );
  });
}

/** Canonical dumps of the reference input, per engine, for the cross-engine comparison. */
const referenceDumps = new Map<string, string>();

for (const engine of ENGINES) {
  describe(`store conformance: ${engine.name}`, {
    skip: engine.available ? false : "PostgreSQL is not reachable",
  }, () => {
    test("a batch stores articles, joins the copies of one story and merges the event they all tell", async () => {
      const location = engine.fresh();
      await withStore(location, async (store) => {
        assert.equal(store.dialect, engine.name);
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
        const edited = await store.article("h3-edited");
        assert.equal(edited?.clusterId, "h1-wire");
        assert.equal(edited?.cleanText, HARBOUR_EDITED);
        assert.equal(await store.article("missing"), null);

        const { total, events } = await store.events({ code: "036" });
        assert.equal(total, 1);
        const merged = events[0]!;
        assert.equal(merged.id, "h1-wire:0");
        assert.deepEqual([merged.mentions, merged.sources, merged.articles], [3, 3, 3]);
        assert.deepEqual(
          (await store.tellings({ mergedId: "h1-wire:0" })).map((t) => [t.id, t.mergedId]),
          [
            ["h1-wire:0", "h1-wire:0"],
            ["h2-repost:0", "h1-wire:0"],
            ["h3-edited:0", "h1-wire:0"],
          ],
        );
        assert.deepEqual(await store.rejects(), [{ path: "bad.jsonl", line: 3, reason: "no text" }]);
      });
      referenceDumps.set(engine.name, await dumpOf(location));
    });

    test("writing the same articles and rejects again changes nothing", async () => {
      const location = engine.fresh();
      await withStore(location, (store) =>
        store.writeBatch({ rows, rejects: [{ path: "bad.txt", reason: "empty file" }] }),
      );
      const before = await dumpOf(location);
      await withStore(location, async (store) => {
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
      assert.equal(await dumpOf(location), before);
    });

    test("contents do not depend on batch boundaries or order", async () => {
      const reference = engine.fresh();
      await withStore(reference, (store) => store.writeBatch({ rows, rejects: [] }));
      const expected = await dumpOf(reference);
      for (const partition of [
        [[4], [3], [2], [1], [0]],
        [[2], [0], [3, 1, 4]],
      ]) {
        const location = engine.fresh();
        await withStore(location, async (store) => {
          for (const part of partition)
            await store.writeBatch({ rows: part.map((i) => rows[i]!), rejects: [] });
        });
        assert.equal(await dumpOf(location), expected, `batches ${JSON.stringify(partition)}`);
      }
    });

    test("writers in separate processes at once end with the same contents as one writer", async () => {
      const reference = engine.fresh();
      await withStore(reference, (store) => store.writeBatch({ rows, rejects: [] }));
      const expected = await dumpOf(reference);
      const location = engine.fresh();
      await withStore(location, async () => undefined); // create and migrate once
      // Four writers; every article is written by two of them, copies of one story by different ones.
      const plans = [
        ["0,3", "2"],
        ["1,4,0", "3"],
        ["2,3", "4"],
        ["4,1,2", "0"],
      ];
      const startAt = String(Date.now() + 4000);
      const added = await Promise.all(plans.map((plan) => runWriter([location, startAt, ...plan])));
      assert.equal(
        added.reduce((a, b) => a + b, 0),
        rows.length,
        "every article is counted as written exactly once",
      );
      assert.equal(await dumpOf(location), expected);
    });

    test("event filters: actor prefixes, codes, quad, status, dates, article, full text and paging", async () => {
      await withStore(engine.fresh(), async (store) => {
        await store.writeBatch({ rows, rejects: [] });
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
          ["words must all be present, no stemming", { q: "soybeans harvest" }, []],
          ["case does not matter", { q: "harvesting SOYBEANS" }, ["g1-grain:1", "g1-grain:0"]],
          ["title or text", { q: "Vladivostok" }, ["h3-edited:1", "h1-wire:0"]],
          ["query syntax is taken as plain words", { q: '"queued" (port*' }, ["g1-grain:1", "g1-grain:0"]],
          ["evidence sentence", { sentence: "lorries" }, ["g1-grain:1"]],
          ["accents are folded", { sentence: "CAFE" }, ["g1-grain:1"]],
          ["accented search finds plain text", { sentence: "pört" }, ["g1-grain:1"]],
          ["no words, no match", { q: "!!!" }, []],
          ["paging", { limit: 2, offset: 1 }, ["g1-grain:0", "h3-edited:1"]],
        ];
        for (const [label, filter, expected] of cases) {
          assert.deepEqual(
            (await store.events(filter)).events.map((e) => e.id),
            expected,
            label,
          );
        }
        assert.equal((await store.events({ limit: 1 })).total, 4);
        const streamed: string[] = [];
        for await (const e of store.streamEvents({ actor: "CHN" })) streamed.push(e.id);
        assert.deepEqual(streamed, ["g1-grain:0", "g1-grain:1", "h1-wire:0", "h3-edited:1"]);
      });
    });

    test("streamEvents pages through more events than one page holds, in id order", async () => {
      await withStore(engine.fresh(), async (store) => {
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
          rows: [fixtureRow("big", "One long report about many things.", many)],
          rejects: [],
        });
        let count = 0;
        let last = "";
        for await (const e of store.streamEvents()) {
          assert.ok(e.id > last, `${e.id} after ${last}`);
          last = e.id;
          count++;
        }
        assert.equal(count, 2300);
      });
    });

    test("dyad series: per period, asserted only by default, both directions, gaps filled", async () => {
      await withStore(engine.fresh(), async (store) => {
        await store.writeBatch({ rows, rejects: [] });
        assert.deepEqual(await store.series("RUS", "CHN", { interval: "month" }), [
          {
            t: "2024-05-01",
            count: 1,
            byQuad: { 1: 1, 2: 0, 3: 0, 4: 0 },
            goldsteinSum: 4,
            goldsteinMean: 4,
          },
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
        assert.deepEqual(
          (await store.series("RUS", "CHN", { interval: "week", directed: true })).map((p) => [p.t, p.count]),
          [["2024-05-06", 1]],
        );
      });
    });

    test("opening a missing store for reading fails with a dyad error", async () => {
      const location = engine.fresh();
      await assert.rejects(openStore(location, { mustExist: true }), (error: unknown) => {
        assert.ok(error instanceof DyadError);
        assert.match(error.message, /^dyad: no database at "/);
        return true;
      });
    });

    test("reopening runs no migration twice and keeps the data", async () => {
      const location = engine.fresh();
      await withStore(location, (store) => store.writeBatch({ rows: rows.slice(0, 2), rejects: [] }));
      await withStore(location, async (store) => {
        await store.migrate();
        assert.equal((await store.counts()).articles, 2);
      });
    });
  });
}

describe("store conformance: across engines", { skip: pgUp ? false : "PostgreSQL is not reachable" }, () => {
  before(async () => {
    for (const engine of ENGINES) {
      if (referenceDumps.has(engine.name)) continue;
      const location = engine.fresh();
      await withStore(location, (store) =>
        store.writeBatch({ rows, rejects: [{ path: "bad.jsonl", line: 3, reason: "no text" }] }),
      );
      referenceDumps.set(engine.name, await dumpOf(location));
    }
  });

  test("SQLite and PostgreSQL hold identical contents for the same input", () => {
    const sqlite = referenceDumps.get("sqlite");
    assert.ok(sqlite?.includes("# articles (5)"));
    assert.equal(referenceDumps.get("postgres"), sqlite);
  });
});
