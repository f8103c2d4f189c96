import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { dumpStore } from "../store/dump-store.js";
import { type CorpusInfo, makeCorpus } from "./fixtures/make-corpus.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-crash-"));
const child = fileURLToPath(new URL("./fixtures/ingest-child.ts", import.meta.url));
let corpus: CorpusInfo;
let reference: string;

function run(
  db: string,
  workers: number,
  killWhen?: (written: number) => boolean,
  killAfterMs?: number,
): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const proc: ChildProcess = spawn(
      process.execPath,
      ["--import", "tsx", child, db, String(workers), "10", ...corpus.paths],
      {
        env: { ...process.env, DYAD_FAKE_DELAY_MS: "4" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    let killed = false;
    const timer =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = true;
            proc.kill("SIGKILL");
          }, killAfterMs);
    proc.stderr?.on("data", (d) => {
      stderr += d;
    });
    proc.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        const m = /^written (\d+)$/.exec(line);
        if (m && killWhen && !killed && killWhen(Number(m[1]))) {
          killed = true;
          proc.kill("SIGKILL");
        }
      }
    });
    proc.on("error", reject);
    proc.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (killed && signal === "SIGKILL") resolve({ killed: true });
      else if (code === 0) resolve({ killed: false });
      else reject(new Error(`ingest exited ${code ?? signal}: ${stderr}`));
    });
  });
}

before(async () => {
  corpus = makeCorpus(join(dir, "corpus"), 320, 11);
  const db = join(dir, "reference.db");
  await run(db, 2);
  reference = dumpStore(db);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("a run with 1 worker ends with the same database as one with 2 workers", async () => {
  const db = join(dir, "one-worker.db");
  await run(db, 1);
  assert.equal(dumpStore(db), reference);
});

test("after kill -9 at any point, running again ends with the same database as an uninterrupted run", async () => {
  const points: [label: string, when: (written: number) => boolean][] = [
    ["right after the store was created", (w) => w >= 0],
    ["after the first batches", (w) => w >= 30],
    ["half-way", (w) => w >= 150],
    ["near the end", (w) => w >= 270],
  ];
  for (const [label, when] of points) {
    const db = join(dir, `killed-${points.findIndex((p) => p[0] === label)}.db`);
    const first = await run(db, 2, when);
    assert.ok(first.killed, `${label}: the run finished before it could be killed`);
    await run(db, 2);
    assert.equal(dumpStore(db), reference, label);
  }
});

test("killed twice in a row, the third run still converges", async () => {
  const db = join(dir, "killed-twice.db");
  assert.ok((await run(db, 2, (w) => w >= 60)).killed);
  assert.ok((await run(db, 1, (w) => w >= 140)).killed);
  await run(db, 2);
  assert.equal(dumpStore(db), reference);
});

test("killed after a fixed time (while starting, migrating or coding), the next run still converges", async () => {
  for (const ms of [150, 600, 1500]) {
    const db = join(dir, `killed-after-${ms}.db`);
    await run(db, 2, undefined, ms); // wherever it got to, possibly nowhere or to the end
    await run(db, 2);
    assert.equal(dumpStore(db), reference, `killed after ${ms} ms`);
  }
});
