/**
 * Faults, with real processes on loopback: a worker killed with SIGKILL mid-run, Redis down when workers start, and
 * PostgreSQL unreachable at start or cut off mid-run (through a TCP relay we close and reopen). Each run must end
 * with exactly the contents of an embedded one-process run: nothing lost, nothing doubled.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { openStore } from "../../src/store/index.js";
import { type CorpusInfo, makeCorpus } from "../scale/fixtures/make-corpus.js";
import { postgresAvailable, TEST_PG, TestDatabases } from "../store/conformance-stores.js";
import {
  type DyadProcess,
  dumpAt,
  embeddedDump,
  PrivateRedis,
  runDyad,
  startWorker,
  stopEverything,
  stopWorkers,
  TcpRelay,
} from "./queue-fixtures.js";

const pgUp = await postgresAvailable();
const dir = mkdtempSync(join(tmpdir(), "dyad-queue-faults-"));
const databases = new TestDatabases();
/** Each article busy-waits this long in the fake coder, so a run lasts long enough to be hit half-way. */
const SLOW = { DYAD_FAKE_DELAY_MS: "30" };
const SLOWER = { DYAD_FAKE_DELAY_MS: "100" };
let corpus: CorpusInfo;
let reference: string;

before(async () => {
  if (!pgUp) return;
  corpus = makeCorpus(join(dir, "corpus"), 240, 33);
  reference = await embeddedDump(corpus.paths, join(dir, "reference.db"));
});
after(async () => {
  stopEverything();
  if (pgUp) await databases.dropAll();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `dyad ingest --queue`; resolves with its stderr once the queue has drained. */
function produce(
  queueUrl: string,
  dbUrl: string,
): { done: Promise<string>; waitFor: DyadProcess["waitFor"] } {
  const run = runDyad(["ingest", ...corpus.paths, "--queue", queueUrl, "--db", dbUrl]);
  return {
    waitFor: run.waitFor,
    done: run.exited.then(({ code }) => {
      assert.equal(code, 0, run.stderr());
      return run.stderr();
    }),
  };
}

/** Waits until the store at `url` holds at least `n` articles. */
async function storedAtLeast(url: string, n: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const store = await openStore(url, { mustExist: true });
      try {
        if ((await store.counts()).articles >= n) return;
      } finally {
        await store.close();
      }
    } catch {
      // not created yet
    }
    if (Date.now() > deadline) throw new Error(`the store never reached ${n} articles`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The same database as `url`, reached through the relay's port. */
function through(relay: TcpRelay, url: string): string {
  const u = new URL(url);
  u.port = String(relay.port);
  return u.toString();
}

const pgPort = Number(new URL(TEST_PG).port || 5432);

describe("queue workers under faults", { skip: pgUp ? false : "PostgreSQL is not reachable" }, () => {
  test("kill -9 of one of two workers mid-run: the result equals an uninterrupted run", async () => {
    const redis = await PrivateRedis.create();
    const db = databases.url();
    const victim = startWorker(redis.url, db, { env: SLOW });
    const survivor = startWorker(redis.url, db, { env: SLOW });
    try {
      const producer = produce(redis.url, db);
      await storedAtLeast(db, 60);
      victim.child.kill("SIGKILL");
      assert.equal((await victim.exited).signal, "SIGKILL");
      await producer.done;
      assert.equal(await dumpAt(db), reference);
    } finally {
      await stopWorkers(survivor);
      redis.stop();
    }
  });

  test("Redis down when everything starts: a clear error, retries with backoff, then the full result", async () => {
    const redis = await PrivateRedis.create(false);
    const db = databases.url();
    const worker = startWorker(redis.url, db);
    try {
      const notice = new RegExp(
        `dyad: cannot reach the queue at redis://127\\.0\\.0\\.1:${redis.port}: .*ECONNREFUSED.*; retrying in [\\d.]+ s \\(attempt \\d+\\)`,
      );
      await worker.waitFor(notice);
      const producer = produce(redis.url, db);
      await producer.waitFor(notice);
      await worker.waitFor(/attempt [3-9]/);
      await redis.start();
      await producer.done;
      assert.match(worker.stderr(), /queue at redis:\/\/127\.0\.0\.1:\d+ reachable again/);
      assert.equal(await dumpAt(db), reference);
    } finally {
      await stopWorkers(worker);
      redis.stop();
    }
  });

  test("PostgreSQL unreachable when a worker starts: a clear error, retries, then the full result", async () => {
    const redis = await PrivateRedis.create();
    const relay = await TcpRelay.create(pgPort, false);
    const db = databases.url();
    const worker = startWorker(redis.url, through(relay, db));
    try {
      await worker.waitFor(
        /dyad: store at postgres:\/\/[^ ]+ unavailable: .*ECONNREFUSED.*; retrying in [\d.]+ s/,
      );
      await worker.waitFor(/attempt 3/);
      await relay.open();
      await produce(redis.url, db).done;
      assert.equal(await dumpAt(db), reference);
    } finally {
      await stopWorkers(worker);
      await relay.close();
      redis.stop();
    }
  });

  test("PostgreSQL going away mid-run and coming back: nothing lost or doubled", async () => {
    const redis = await PrivateRedis.create();
    const relay = await TcpRelay.create(pgPort);
    const db = databases.url();
    const workers = [
      startWorker(redis.url, through(relay, db), { env: SLOWER }),
      startWorker(redis.url, through(relay, db), { env: SLOWER }),
    ];
    try {
      const producer = produce(redis.url, db);
      await storedAtLeast(db, 20);
      await relay.close();
      await Promise.any(workers.map((w) => w.waitFor(/dyad: store at postgres:\/\/[^ ]+ unavailable: /)));
      await new Promise((r) => setTimeout(r, 3000));
      await relay.open();
      await producer.done;
      assert.match(workers.map((w) => w.stderr()).join("\n"), /store at postgres:\/\/[^ ]+ reachable again/);
      assert.equal(await dumpAt(db), reference);
    } finally {
      await stopWorkers(...workers);
      await relay.close();
      redis.stop();
    }
  });
});
