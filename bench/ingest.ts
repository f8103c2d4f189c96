import { spawnSync } from "node:child_process";
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
  /**
   * CPU seconds over the ingest (null where not measurable, see ingest-child.ts): whole process, main thread, each
   * coding worker, and the rest (V8's GC and compiler threads).
   */
  readonly processCpuSeconds?: number;
  readonly mainCpuSeconds?: number | null;
  readonly workerCpuSeconds?: readonly (number | null)[];
  readonly otherCpuSeconds?: number | null;
}

interface FloorRun {
  readonly sentences: number;
  readonly seconds: number;
  readonly sentencesPerSecond: number;
}

const CHILD = new URL("./ingest-child.ts", import.meta.url);
const FLOOR = new URL("./nlp-floor.ts", import.meta.url);
/** Articles in the `--quick` input (also used for its 1-vs-2-worker comparison). */
const QUICK_ARTICLES = 1000;
const WARM_UP_ARTICLES = 150;
/** The core the pinned single-worker run is restricted to. */
const PINNED_CORE = "0";

const round = (x: number, digits = 0) => Number(x.toFixed(digits));

/** The run with the median time (all runs code the same input, so their counts agree). */
function medianRun(runs: readonly ChildRun[]): ChildRun {
  const m = median(runs.map((r) => r.seconds));
  return runs.reduce((best, r) => (Math.abs(r.seconds - m) < Math.abs(best.seconds - m) ? r : best));
}

/**
 * Whether `taskset -c 0` can restrict a process to one core here: null if so, else why not (no taskset, or the core
 * is outside this container's CPU set).
 */
function pinningUnavailable(): string | null {
  const probe = spawnSync("taskset", ["-c", PINNED_CORE, "true"], { stdio: "ignore" });
  if (probe.error) return "taskset not found";
  if (probe.status !== 0) return `taskset -c ${PINNED_CORE} failed (exit ${probe.status})`;
  return null;
}

async function repeat(input: string, workers: number, runs: number, pinned = false): Promise<ChildRun[]> {
  const out: ChildRun[] = [];
  for (let i = 0; i < runs; i++) {
    const args = [input, String(workers)];
    out.push(await runScript<ChildRun>(CHILD, args, pinned ? ["taskset", "-c", PINNED_CORE] : []));
  }
  return out;
}

/** Median CPU seconds of one kind over the runs (null when a run could not measure it). */
function medianCpu(
  runs: readonly ChildRun[],
  pick: (r: ChildRun) => number | null | undefined,
): number | null {
  const values = runs.map(pick);
  if (values.some((v) => v === null || v === undefined)) return null;
  return round(median(values as number[]), 2);
}

function cpuFigures(runs: readonly ChildRun[]) {
  return {
    process: medianCpu(runs, (r) => r.processCpuSeconds),
    main: medianCpu(runs, (r) => r.mainCpuSeconds),
    workers: medianCpu(runs, (r) =>
      r.workerCpuSeconds?.every((c) => c !== null)
        ? (r.workerCpuSeconds as number[]).reduce((a, b) => a + b, 0)
        : null,
    ),
    other: medianCpu(runs, (r) => r.otherCpuSeconds),
  };
}

const cpuText = (c: ReturnType<typeof cpuFigures>) =>
  c.main === null
    ? "not measured (no /proc)"
    : `${c.main} / ${c.workers} / ${c.other} (process ${c.process})`;

/**
 * `npm run bench` ingest section: the Wikinews corpus (5,780 real articles) coded by the real pipeline into a fresh
 * SQLite store, with every core as a worker; each measurement is the median of `runs` fresh processes after a
 * warm-up run. Also 1 vs 2 workers on the same input, unpinned and with the single worker's whole process restricted
 * to one core (`taskset -c 0`: what one core does, against two workers on all cores; run in interleaved pairs, the
 * ratio being the median of the pairs'), with CPU time split between the main thread, the coding workers and V8's own
 * threads; and the wink-nlp floor (tokens + POS alone, one core).
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
      const pinUnavailable = pinningUnavailable();

      await repeat(subset(WARM_UP_ARTICLES), workers, 1); // warm-up: file cache, compiled model files
      // Two workers and one worker pinned to one core run in interleaved pairs, so a drift of the machine's speed
      // over the minutes the bench takes falls on both sides of each ratio; the ratio reported is the pairs' median.
      const mainRuns: ChildRun[] = [];
      const ownTwoRuns: ChildRun[] = [];
      const pinnedList: ChildRun[] = [];
      const pairRatios: number[] = [];
      for (let i = 0; i < runs; i++) {
        const run = (await repeat(input, workers, 1))[0]!;
        mainRuns.push(run);
        const twoRun = workers === 2 ? run : (await repeat(input, 2, 1))[0]!;
        if (workers !== 2) ownTwoRuns.push(twoRun);
        if (pinUnavailable !== null) continue;
        const pinnedRun = (await repeat(input, 1, 1, true))[0]!;
        pinnedList.push(pinnedRun);
        pairRatios.push(pinnedRun.seconds / twoRun.seconds); // same input: the ratio of the sentence rates
      }
      const main = medianRun(mainRuns);
      // 1 vs 2 workers on the same (whole) input: on a subset, the workers' JIT warm-up would dominate.
      const oneRuns = await repeat(input, 1, runs);
      const twoRuns = workers === 2 ? mainRuns : ownTwoRuns;
      const pinnedRuns = pinUnavailable === null ? pinnedList : null;
      const one = medianRun(oneRuns);
      const two = medianRun(twoRuns);
      const pinned = pinnedRuns ? medianRun(pinnedRuns) : null;
      const floor = await runScript<FloorRun>(FLOOR, [input, String(Math.max(1, runs))]);

      const sentencesPerSecond = main.sentences / main.seconds;
      const workerPeak = Math.max(...main.workerPeakMb);
      const workersTotal = main.workerPeakMb.reduce((a, b) => a + b, 0);
      const oneRate = one.sentences / one.seconds;
      const twoRate = two.sentences / two.seconds;
      const pinnedRate = pinned ? pinned.sentences / pinned.seconds : null;
      const mainCpu = cpuFigures(mainRuns);
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
        /** CPU seconds over the ingest, medians: main thread (reading, store writes), coding workers, V8 threads. */
        mainThreadCpuSeconds: mainCpu.main,
        workerCpuSeconds: mainCpu.workers,
        otherCpuSeconds: mainCpu.other,
        processCpuSeconds: mainCpu.process,
        nlpFloorSentencesPerSecond: round(floor.sentencesPerSecond),
        floorShare: round(sentencesPerSecond / main.workers / floor.sentencesPerSecond, 3),
        scaling: {
          articles: one.articles,
          oneWorkerSentencesPerSecond: round(oneRate),
          twoWorkersSentencesPerSecond: round(twoRate),
          twoVsOne: round(twoRate / oneRate, 2),
          oneWorkerPeakRssMb: round(one.peakRssMb),
          twoWorkersPeakRssMb: round(two.peakRssMb),
          /** How the single-worker run was restricted to one core, or why it was not measured. */
          pinning: pinUnavailable ?? `taskset -c ${PINNED_CORE}`,
          pinnedOneWorkerSentencesPerSecond: pinnedRate === null ? null : round(pinnedRate),
          /** Median over the interleaved pairs of (2 workers' rate / pinned single worker's rate). */
          twoVsPinnedOne: pinnedRate === null ? null : round(median(pairRatios), 2),
          twoVsPinnedOnePairs: pairRatios.map((r) => round(r, 2)),
          oneWorkerCpuSeconds: cpuFigures(oneRuns),
          twoWorkersCpuSeconds: cpuFigures(twoRuns),
          pinnedOneWorkerCpuSeconds: pinnedRuns ? cpuFigures(pinnedRuns) : null,
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
        ["CPU s: main thread / workers / V8 threads", cpuText(mainCpu)],
        [
          `1 vs 2 workers, unpinned (${one.articles} articles)`,
          `${figures.scaling.oneWorkerSentencesPerSecond} vs ${figures.scaling.twoWorkersSentencesPerSecond} sentences/s = ${figures.scaling.twoVsOne}×`,
        ],
        [
          `1 worker on one core (taskset -c ${PINNED_CORE}) vs 2 workers on all cores`,
          pinnedRate === null
            ? `not measured: ${pinUnavailable}`
            : `${figures.scaling.pinnedOneWorkerSentencesPerSecond} vs ${figures.scaling.twoWorkersSentencesPerSecond} sentences/s; ${figures.scaling.twoVsPinnedOne}× (median of ${pairRatios.length} interleaved pairs: ${figures.scaling.twoVsPinnedOnePairs.join(", ")})`,
        ],
      ];
      return { figures, rows };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
