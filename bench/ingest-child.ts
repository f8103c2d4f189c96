/**
 * One measured ingest, in its own process so memory figures are its own:
 * `ingest-child.ts <input.jsonl> <workers>` → one JSON line with counts, timings, memory and CPU time.
 * The worker pool is started (and each worker warmed up) before the clock starts; its start-up is reported apart.
 * CPU time over the ingest is split (on Linux) into the main thread (reading, store writes), the coding workers, and
 * the rest of the process (V8's garbage collector and compiler threads, libuv); null where it cannot be measured.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CodingPool, ingestPaths } from "../src/scale/index.js";
import { threadCpuSeconds } from "../src/scale/thread-cpu.js";
import { openStore } from "../src/store/index.js";

const round = (x: number, digits: number) => Number(x.toFixed(digits));
const [input, workersArg] = process.argv.slice(2);
if (!input) throw new Error("usage: ingest-child.ts <input.jsonl> <workers>");
const workers = Number(workersArg ?? 1);
const dir = mkdtempSync(join(tmpdir(), "dyad-bench-"));
try {
  const store = await openStore(join(dir, "bench.db"));
  const mainRssMb = process.memoryUsage().rss / 1_048_576;
  const t0 = performance.now();
  const pool = await CodingPool.start({ workers });
  const startupSeconds = (performance.now() - t0) / 1000;
  const workersBefore = await pool.workerStats();
  const mainBefore = threadCpuSeconds();
  const processBefore = process.cpuUsage();
  const summary = await ingestPaths([input], { store, coder: pool });
  const processCpu = process.cpuUsage(processBefore);
  const mainAfter = threadCpuSeconds();
  const workersAfter = await pool.workerStats();
  const workerPeakMb = workersAfter.map((w) => w.peakMb);
  const cpu = (after: number | null, before: number | null | undefined) =>
    after === null || before === null || before === undefined ? null : round(after - before, 2);
  const workerCpuSeconds = workersAfter.map((w, i) => cpu(w.cpuSeconds, workersBefore[i]?.cpuSeconds));
  const processCpuSeconds = round((processCpu.user + processCpu.system) / 1e6, 2);
  const mainCpuSeconds = cpu(mainAfter, mainBefore);
  const known = workerCpuSeconds.every((c) => c !== null) && mainCpuSeconds !== null;
  await pool.close();
  const counts = await store.counts();
  await store.close();
  const result = {
    workers,
    articles: summary.written,
    rejected: summary.rejected,
    sentences: summary.sentences,
    events: counts.events,
    mergedEvents: counts.mergedEvents,
    clusters: counts.clusters,
    bytes: summary.bytes,
    seconds: summary.seconds,
    startupSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    mainRssBeforeWorkersMb: mainRssMb,
    workerPeakMb,
    processCpuSeconds,
    mainCpuSeconds,
    workerCpuSeconds,
    otherCpuSeconds: known
      ? round(
          processCpuSeconds - (mainCpuSeconds ?? 0) - workerCpuSeconds.reduce((a, c) => a + (c ?? 0), 0),
          2,
        )
      : null,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
