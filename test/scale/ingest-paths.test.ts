import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CodingPool, type IngestSummary, ingestPaths, inThreadCoder } from "../../src/scale/index.js";
import { openStore } from "../../src/store/index.js";
import type { Rejected } from "../../src/types/article.js";
import { dumpStore } from "../store/dump-store.js";
import { codeTask } from "./fixtures/fake-task.js";
import { type CorpusInfo, makeCorpus } from "./fixtures/make-corpus.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-ingest-"));
const fakeTask = new URL("./fixtures/fake-task.ts", import.meta.url);
let corpus: CorpusInfo;
let pool1: CodingPool;
let pool2: CodingPool;
before(async () => {
  corpus = makeCorpus(join(dir, "corpus"), 160);
  [pool1, pool2] = await Promise.all([
    CodingPool.start({ workers: 1, taskModule: fakeTask }),
    CodingPool.start({ workers: 2, taskModule: fakeTask }),
  ]);
});
after(async () => {
  await Promise.all([pool1.close(), pool2.close()]);
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function ingest(
  db: string,
  coder: CodingPool | ReturnType<typeof inThreadCoder>,
  batch: number,
  paths = corpus.paths,
): Promise<{ summary: IngestSummary; rejected: Rejected[] }> {
  const store = await openStore(db);
  const rejected: Rejected[] = [];
  try {
    const summary = await ingestPaths(paths, { store, coder, batch, onReject: (r) => rejected.push(r) });
    return { summary, rejected };
  } finally {
    await store.close();
  }
}

test("ingest codes every article, records rejects with file, line and reason, and is idempotent", async () => {
  const db = join(dir, `run-${n++}.db`);
  const first = await ingest(db, pool2, 25);
  const failing = 4; // articles 13, 53, 93, 133 carry the fake coder's failure marker
  assert.equal(first.summary.read, corpus.articles);
  assert.equal(first.summary.written, corpus.articles - failing);
  assert.equal(first.summary.alreadyStored, 0);
  assert.equal(first.summary.rejected, corpus.rejects + failing);
  assert.ok(first.summary.events > 100, `events: ${first.summary.events}`);
  const broken = first.rejected.find((r) => r.reason.startsWith("broken JSON"));
  assert.equal(broken?.path, corpus.paths[0]);
  assert.equal(typeof broken?.line, "number");
  const failed = first.rejected.filter((r) => r.reason.startsWith("could not be coded"));
  assert.equal(failed.length, failing);
  assert.ok(failed.every((r) => r.reason.includes("the fake coder refuses this text")));

  const store = await openStore(db);
  const counts = await store.counts();
  await store.close();
  assert.equal(counts.articles, corpus.articles - failing);
  assert.equal(counts.rejects, corpus.rejects + failing);
  assert.ok(counts.clusters < counts.articles, "re-posts joined their stories' clusters");
  assert.ok(counts.mergedEvents < counts.events, "re-posted events were merged");

  const dump = dumpStore(db);
  const again = await ingest(db, pool2, 25);
  assert.equal(again.summary.written, 0);
  assert.equal(again.summary.alreadyStored, corpus.articles - failing);
  assert.equal(dumpStore(db), dump, "a second run changes nothing");
});

test("1 worker, 2 workers and in-thread coding with different batch sizes give the same store", async () => {
  const dumps: string[] = [];
  for (const [coder, batch] of [
    [pool1, 50],
    [pool2, 7],
    [inThreadCoder(codeTask), 1000],
  ] as const) {
    const db = join(dir, `run-${n++}.db`);
    await ingest(db, coder, batch);
    dumps.push(dumpStore(db));
  }
  assert.equal(dumps[1], dumps[0]);
  assert.equal(dumps[2], dumps[0]);
});

test("an article repeated in the input is coded once", async () => {
  const path = join(dir, "twice.jsonl");
  const line = JSON.stringify({
    id: "same",
    date: "2023-02-02",
    text: "France met Germany over rail freight.",
  });
  writeFileSync(path, `${line}\n${line}\n`);
  const { summary } = await ingest(join(dir, `run-${n++}.db`), pool1, 10, [path]);
  assert.deepEqual([summary.read, summary.repeated, summary.written, summary.events], [2, 1, 1, 1]);
});
