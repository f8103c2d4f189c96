import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { CodingFailure, CodingPool, estimateArticles } from "../../src/scale/index.js";
import { threadCpuSeconds } from "../../src/scale/thread-cpu.js";
import type { Article } from "../../src/types/article.js";
import { DyadError } from "../../src/types/errors.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-pool-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const article = (id: string, rawText: string): Article => ({
  id,
  url: null,
  published: "2023-04-05",
  title: null,
  rawText,
  source: `corpus/${id}.txt`,
  bodyStart: 0,
});

test("the pool codes articles in parallel and fails only the article whose coding throws", async () => {
  const pool = await CodingPool.start({
    workers: 2,
    taskModule: new URL("./fixtures/fake-task.ts", import.meta.url),
  });
  try {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        pool.code(article(`a${i}`, `France met Germany over rail freight ${i}.`)),
      ),
    );
    assert.deepEqual(
      results.map((r) => r.articleId),
      Array.from({ length: 20 }, (_, i) => `a${i}`),
    );
    assert.ok(results.every((r) => r.events.length === 1 && r.signature.length === 128));
    await assert.rejects(pool.code(article("bad", "FAIL-CODING")), (error: unknown) => {
      assert.ok(error instanceof CodingFailure);
      assert.equal(error.message, "the fake coder refuses this text");
      return true;
    });
    assert.equal((await pool.code(article("after", "Japan aided Brazil."))).events.length, 1, "still usable");
    const memory = await pool.peakMemoryMb();
    assert.equal(memory.length, 2);
    assert.ok(memory.every((mb) => mb > 0));
  } finally {
    await pool.close();
  }
});

test("a task module that cannot load fails the pool's start with a dyad error", async () => {
  await assert.rejects(
    CodingPool.start({ workers: 1, taskModule: new URL("./fixtures/no-such-task.ts", import.meta.url) }),
    (error: unknown) => {
      assert.ok(error instanceof DyadError);
      assert.match(error.message, /^dyad: a coding worker failed to start/);
      return true;
    },
  );
});

test("the article estimate counts JSONL lines and readable files", async () => {
  mkdirSync(join(dir, "corpus", "sub"), { recursive: true });
  writeFileSync(join(dir, "corpus", "a.jsonl"), '{"text":"one"}\n{"text":"two"}\n{"text":"three"}');
  writeFileSync(join(dir, "corpus", "b.txt"), "a story");
  writeFileSync(join(dir, "corpus", "sub", "c.html"), "<p>a page</p>");
  writeFileSync(join(dir, "corpus", "notes.bin"), "not an article");
  writeFileSync(join(dir, "corpus", ".hidden.txt"), "hidden");
  const extensions = new Set([".txt", ".html", ".jsonl"]);
  assert.equal(await estimateArticles([join(dir, "corpus")], extensions), 5);
  assert.equal(await estimateArticles([join(dir, "corpus", "a.jsonl"), join(dir, "missing")], extensions), 3);
});

test("threadCpuSeconds counts the calling thread's own CPU time", {
  skip: threadCpuSeconds() === null,
}, () => {
  const before = threadCpuSeconds() as number;
  const start = process.cpuUsage();
  // Busy until the process has used 200 ms of CPU (not wall time: the machine may be shared), nearly all of it here.
  for (;;) {
    const { user, system } = process.cpuUsage(start);
    if (user + system >= 200_000) break;
  }
  const used = (threadCpuSeconds() as number) - before;
  assert.ok(used >= 0.1 && used < 5, `${used} s`);
});

test("workerStats reports each worker's own CPU time", { skip: threadCpuSeconds() === null }, async () => {
  const previous = process.env.DYAD_FAKE_DELAY_MS;
  process.env.DYAD_FAKE_DELAY_MS = "30"; // workers copy the environment when they start
  let pool: CodingPool;
  try {
    pool = await CodingPool.start({
      workers: 2,
      taskModule: new URL("./fixtures/fake-task.ts", import.meta.url),
    });
  } finally {
    if (previous === undefined) delete process.env.DYAD_FAKE_DELAY_MS;
    else process.env.DYAD_FAKE_DELAY_MS = previous;
  }
  try {
    const before = await pool.workerStats();
    assert.equal(before.length, 2);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => pool.code(article(`c${i}`, "Japan aided Brazil."))),
    );
    const after = await pool.workerStats();
    const used = after.map((s, i) => (s.cpuSeconds as number) - (before[i]?.cpuSeconds as number));
    // 10 articles × 30 ms of busy-waiting, shared by the two workers (less CPU than that if the cores are shared).
    const total = used.reduce((a, b) => a + b, 0);
    assert.ok(
      used.every((u) => u >= 0),
      `workers used ${used.join(" + ")} s`,
    );
    assert.ok(total >= 0.03, `workers used ${used.join(" + ")} s`);
    assert.ok(after.every((s) => s.peakMb > 0));
  } finally {
    await pool.close();
  }
});
