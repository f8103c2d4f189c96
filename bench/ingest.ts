import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import {
  type BenchOptions,
  type BenchReport,
  type BenchSection,
  median,
  runScript,
  WIKINEWS,
} from "./bench-section.js";

/** What `bench/ingest-child.ts` prints. */
interface ChildRun {
  readonly workers: number;
  readonly articles: number;
  readonly rejected: number;
  readonly sentences: number;
  readonly events: number;
  readonly mergedEvents: number;
  readonly clusters: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly startupSeconds: number;
  readonly peakRssMb: number;
  readonly mainRssBeforeWorkersMb: number;
  readonly workerPeakMb: readonly number[];
}

interface FloorRun {
  readonly sentences: number;
  readonly seconds: number;
  readonly sentencesPerSecond: number;
}

const CHILD = new URL("./ingest-child.ts", import.meta.url);
const FLOOR = new URL("./nlp-floor.ts", import.meta.url);
/** Articles in the `--quick` input, and in the 1-vs-2-worker comparison. */
const QUICK_ARTICLES = 1000;
const SCALING_ARTICLES = { quick: 400, full: 800 };
const WARM_UP_ARTICLES = 150;

const round = (x: number, digits = 0) => Number(x.toFixed(digits));

/** The run with the median time (all runs code the same input, so their counts agree). */
function medianRun(runs: readonly ChildRun[]): ChildRun {
  const m = median(runs.map((r) => r.seconds));
  return runs.reduce((best, r) => (Math.abs(r.seconds - m) < Math.abs(best.seconds - m) ? r : best));
}

async function repeat(input: string, workers: number, runs: number): Promise<ChildRun[]> {
  const out: ChildRun[] = [];
  for (let i = 0; i < runs; i++) out.push(await runScript<ChildRun>(CHILD, [input, String(workers)]));
  return out;
}

/**
 * `npm run bench` ingest section: the Wikinews corpus (5,780 real articles) coded by the real pipeline into a fresh
 * SQLite store, with every core as a worker; each measurement is the median of `runs` fresh processes after a
 * warm-up run. Also 1 vs 2 workers on a subset, and the wink-nlp floor (tokens + POS alone, one core, same texts).
 */
export const ingestSection: BenchSection = {
  name: "ingest",
  description: "Wikinews corpus → SQLite store with the real coder, all cores",
  async run({ quick, runs }: BenchOptions): Promise<BenchReport> {
    const lines = readFileSync(WIKINEWS, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "");
    const dir = mkdtempSync(join(tmpdir(), "dyad-bench-input-"));
    const subset = (n: number) => {
      const path = join(dir, `first-${n}.jsonl`);
      writeFileSync(path, `${lines.slice(0, n).join("\n")}\n`);
      return path;
    };
    try {
      const workers = availableParallelism();
      const input = quick ? subset(QUICK_ARTICLES) : WIKINEWS;
      const scaling = subset(quick ? SCALING_ARTICLES.quick : SCALING_ARTICLES.full);

      await repeat(subset(WARM_UP_ARTICLES), workers, 1); // warm-up: file cache, compiled model files
      const main = medianRun(await repeat(input, workers, runs));
      const one = medianRun(await repeat(scaling, 1, runs));
      const two = medianRun(await repeat(scaling, 2, runs));
      const floor = await runScript<FloorRun>(FLOOR, [input, String(Math.max(1, runs))]);

      const sentencesPerSecond = main.sentences / main.seconds;
      const workerPeak = Math.max(...main.workerPeakMb);
      const workersTotal = main.workerPeakMb.reduce((a, b) => a + b, 0);
      const oneRate = one.sentences / one.seconds;
      const twoRate = two.sentences / two.seconds;
      const figures = {
        coder: "pipeline",
        input: quick ? `first ${QUICK_ARTICLES} Wikinews articles` : "Wikinews (en), all articles",
        runs,
        articles: main.articles,
        rejected: main.rejected,
        sentences: main.sentences,
        events: main.events,
        mergedEvents: main.mergedEvents,
        clusters: main.clusters,
        seconds: round(main.seconds, 2),
        startupSeconds: round(main.startupSeconds, 2),
        articlesPerSecond: round(main.articles / main.seconds, 1),
        sentencesPerSecond: round(sentencesPerSecond),
        sentencesPerSecondPerCore: round(sentencesPerSecond / main.workers),
        mbPerSecond: round(main.bytes / 1e6 / main.seconds, 3),
        peakRssMb: round(main.peakRssMb),
        peakRssMbMain: round(Math.max(0, main.peakRssMb - workersTotal)),
        peakRssMbPerWorker: round(workerPeak),
        workers: main.workers,
        nlpFloorSentencesPerSecond: round(floor.sentencesPerSecond),
        floorShare: round(sentencesPerSecond / main.workers / floor.sentencesPerSecond, 3),
        scaling: {
          articles: one.articles,
          oneWorkerSentencesPerSecond: round(oneRate),
          twoWorkersSentencesPerSecond: round(twoRate),
          twoVsOne: round(twoRate / oneRate, 2),
          oneWorkerPeakRssMb: round(one.peakRssMb),
          twoWorkersPeakRssMb: round(two.peakRssMb),
        },
      };
      const rows: [string, string][] = [
        ["input", `${figures.input} (${main.bytes.toLocaleString("en-US")} bytes)`],
        ["articles stored / rejected", `${figures.articles} / ${figures.rejected}`],
        ["sentences", figures.sentences.toLocaleString("en-US")],
        [
          "events (merged) / story clusters",
          `${figures.events} (${figures.mergedEvents}) / ${figures.clusters}`,
        ],
        [
          `ingest time, ${figures.workers} workers (median of ${runs})`,
          `${figures.seconds} s (+ ${figures.startupSeconds} s start-up)`,
        ],
        ["articles/s", String(figures.articlesPerSecond)],
        ["sentences/s", figures.sentencesPerSecond.toLocaleString("en-US")],
        ["sentences/s per core", figures.sentencesPerSecondPerCore.toLocaleString("en-US")],
        ["MB/s (raw text)", String(figures.mbPerSecond)],
        [
          "peak RSS: process / main (est.) / per worker",
          `${figures.peakRssMb} / ${figures.peakRssMbMain} / ${figures.peakRssMbPerWorker} MB`,
        ],
        [
          "wink-nlp floor (tokens+POS, 1 core)",
          `${figures.nlpFloorSentencesPerSecond.toLocaleString("en-US")} sentences/s`,
        ],
        ["per-core speed / floor", String(figures.floorShare)],
        [
          `1 vs 2 workers (${one.articles} articles)`,
          `${figures.scaling.oneWorkerSentencesPerSecond} vs ${figures.scaling.twoWorkersSentencesPerSecond} sentences/s = ${figures.scaling.twoVsOne}×`,
        ],
      ];
      return { figures, rows };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
