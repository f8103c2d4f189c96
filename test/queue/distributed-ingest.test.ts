/**
 * Distributed coding end to end, with real processes on loopback: `dyad ingest --queue` feeding two `dyad worker`
 * processes that write to PostgreSQL must leave exactly what an embedded one-process run leaves in SQLite; enqueuing
 * again adds nothing; articles that fail every attempt are dead letters with their reason.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { QueueStatus } from "../../src/queue/index.js";
import { makeCorpus } from "../scale/fixtures/make-corpus.js";
import { postgresAvailable, TestDatabases } from "../store/conformance-stores.js";
import {
  dumpAt,
  embeddedDump,
  PrivateRedis,
  runDyad,
  startWorker,
  stopEverything,
  stopWorkers,
} from "./queue-fixtures.js";

const pgUp = await postgresAvailable();
const dir = mkdtempSync(join(tmpdir(), "dyad-queue-"));
const databases = new TestDatabases();
let redis: PrivateRedis;

before(async () => {
  redis = await PrivateRedis.create();
});
after(async () => {
  stopEverything();
  redis?.stop();
  if (pgUp) await databases.dropAll();
  rmSync(dir, { recursive: true, force: true });
});

async function status(queueUrl: string): Promise<QueueStatus> {
  const run = runDyad(["queue", "status", "--queue", queueUrl, "--json"]);
  const { code } = await run.exited;
  assert.equal(code, 0, run.stderr());
  return JSON.parse(run.stdout()) as QueueStatus;
}

async function ingest(paths: readonly string[], queueUrl: string, dbUrl: string): Promise<string> {
  const run = runDyad(["ingest", ...paths, "--queue", queueUrl, "--db", dbUrl]);
  const { code } = await run.exited;
  assert.equal(code, 0, run.stderr());
  return run.stderr();
}

describe("distributed coding through the queue", {
  skip: pgUp ? false : "PostgreSQL is not reachable",
}, () => {
  test("two workers give the embedded run's contents; again adds nothing; failures become dead letters", async () => {
    const corpus = makeCorpus(join(dir, "corpus"), 160, 21);
    const failing = Array.from({ length: 160 }, (_, i) => i).filter((i) => i % 40 === 13).length;
    const reference = await embeddedDump(corpus.paths, join(dir, "reference.db"));
    const db = databases.url();
    const workers = [startWorker(redis.url, db), startWorker(redis.url, db)];
    try {
      const first = await ingest(corpus.paths, redis.url, db);
      assert.match(first, /dyad: 160 article\(s\) enqueued/);
      assert.match(
        first,
        new RegExp(`${160 - failing} coded, ${failing} dead-lettered, ${corpus.rejects} rejected`),
      );
      assert.equal(await dumpAt(db), reference);

      const s = await status(redis.url);
      assert.deepEqual([s.waiting, s.active, s.retrying, s.failed], [0, 0, 0, failing]);
      assert.equal(s.done, 160 - failing);
      assert.equal(s.workers, 2);
      for (const d of s.deadLetters) {
        assert.equal(d.reason, "could not be coded: the fake coder refuses this text");
        assert.equal(d.attempts, 3);
        assert.match(d.source, /corpus/);
      }

      const retry = runDyad(["queue", "retry", "--queue", redis.url]);
      assert.equal((await retry.exited).code, 0, retry.stderr());
      assert.match(retry.stderr(), new RegExp(`dyad: ${failing} dead letter\\(s\\) back in the queue`));
      for (let i = 0; ; i++) {
        const now = await status(redis.url);
        if (now.failed === failing && now.waiting + now.active + now.retrying === 0) break;
        assert.ok(i < 60, "retried dead letters fail again and return to the list");
        await new Promise((r) => setTimeout(r, 1000));
      }

      const again = await ingest(corpus.paths, redis.url, db);
      assert.match(
        again,
        new RegExp(
          `0 article\\(s\\) enqueued \\(${160 - failing} already stored, ${failing} already queued\\)`,
        ),
      );
      assert.equal(await dumpAt(db), reference);
    } finally {
      await stopWorkers(...workers);
    }
    for (const w of workers) assert.match(w.stderr(), /dyad worker: stopped; /);
  });

  test("queue status against a closed port fails with a clear error instead of waiting", async () => {
    const closed = await PrivateRedis.create(false);
    const run = runDyad(["queue", "status", "--queue", closed.url]);
    assert.equal((await run.exited).code, 1);
    assert.match(
      run.stderr(),
      new RegExp(`dyad: cannot reach the queue at redis://127\\.0\\.0\\.1:${closed.port}: .*ECONNREFUSED`),
    );
    assert.equal(run.stdout(), "");
  });

  test("real pipeline: Wikinews articles coded by two workers equal the embedded run", async () => {
    const lines = readFileSync(
      fileURLToPath(new URL("../../../shared/corpus/wikinews_en/articles.jsonl", import.meta.url)),
      "utf8",
    )
      .split("\n")
      .filter((l) => l.trim() !== "")
      .slice(0, 24);
    const input = join(dir, "wikinews-24.jsonl");
    writeFileSync(input, `${lines.join("\n")}\n`);
    const pipelineTask = fileURLToPath(new URL("../../src/scale/pipeline-task.ts", import.meta.url));
    const reference = await embeddedDump([input], join(dir, "wikinews.db"), pipelineTask);
    assert.match(reference, /# articles \(24\)/);
    assert.doesNotMatch(reference, /# events \(0\)/);
    const db = databases.url();
    const queue = await PrivateRedis.create();
    const workers = [startWorker(queue.url, db, { task: null }), startWorker(queue.url, db, { task: null })];
    try {
      const out = await ingest([input], queue.url, db);
      assert.match(out, /24 article\(s\) enqueued/);
      assert.equal(await dumpAt(db), reference);
    } finally {
      await stopWorkers(...workers);
      queue.stop();
    }
  });
});
