/**
 * One measured ingest, in its own process so memory figures are its own:
 * `ingest-child.ts <input.jsonl> <workers>` → one JSON line with counts, timings and memory.
 * The worker pool is started (and each worker warmed up) before the clock starts; its start-up is reported apart.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CodingPool, ingestPaths } from "../src/scale/index.js";
import { openStore } from "../src/store/index.js";

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
  const summary = await ingestPaths([input], { store, coder: pool });
  const workerPeakMb = await pool.peakMemoryMb();
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
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
