/**
 * `npm run bench` scaling section: distributed coding through the queue into PostgreSQL with 1, 2 and 4 worker
 * processes on this machine, and what a day of global news (500,000 articles) would cost as a function of workers.
 *
 * Each measurement uses a fresh PostgreSQL database (on 127.0.0.1:5432 or `DYAD_BENCH_PG`) and a private
 * redis-server on a free loopback port. Workers are started and warmed up (NLP model and knowledge loaded) before the
 * clock starts; the clock runs from the first article read to the queue drained (every article committed). The same
 * file, run as `scaling.ts --worker <queue> <db>`, is one worker process.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { enqueuePaths, startQueueWorker, type WorkerStats } from "../src/queue/index.js";
import type { CodedArticleRow } from "../src/types/store.js";
import { PrivateRedis } from "../test/queue/queue-fixtures.js";
import { type BenchOptions, type BenchReport, type BenchSection, median, WIKINEWS } from "./bench-section.js";

const PG = process.env.DYAD_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const ARTICLES = { quick: 300, full: 1500 };
const WORKER_COUNTS = [1, 2, 4] as const;
/** A day of global news, for the cost model. */
const DAY_OF_NEWS = 500_000;
const MODEL_WORKERS = [1, 2, 4, 8, 16, 32, 64, 128] as const;
const SELF = fileURLToPath(import.meta.url);
/** Articles per write transaction, as `dyad worker` writes by default. */
const WORKER_BATCH = 50;

/** What one worker process reports when it stops. */
interface WorkerReport extends WorkerStats {
  readonly peakRssMb: number;
}

interface Run {
  readonly workers: number;
  readonly articles: number;
  readonly sentences: number;
  readonly events: number;
  readonly seconds: number;
  readonly peakRssMbPerWorker: number;
}

const round = (x: number, digits = 0) => Number(x.toFixed(digits));

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(PG);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Starts one worker process and resolves once it has warmed up and connected. */
function startWorker(
  queueUrl: string,
  dbUrl: string,
): Promise<{ child: ChildProcess; report: Promise<WorkerReport> }> {
  const child = spawn(process.execPath, ["--import", "tsx", SELF, "--worker", queueUrl, dbUrl], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    err += d;
  });
  const report = new Promise<WorkerReport>((resolve, reject) => {
    child.on("exit", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as WorkerReport);
      else reject(new Error(`bench worker exited ${code}: ${err.trim().split("\n").slice(-5).join("\n")}`));
    });
  });
  report.catch(() => undefined);
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      if (out.includes("ready\n")) resolve({ child, report });
    });
    report.catch(reject);
  });
}

async function measure(input: string, workers: number, tag: string): Promise<Run> {
  const name = `dyad_bench_scaling_${process.pid}_${tag}`;
  const dbUrl = databaseUrl(name);
  const redis = await PrivateRedis.create();
  const started: { child: ChildProcess; report: Promise<WorkerReport> }[] = [];
  try {
    // The first worker creates and migrates the database; the others then find it ready.
    started.push(await startWorker(redis.url, dbUrl));
    started.push(
      ...(await Promise.all(Array.from({ length: workers - 1 }, () => startWorker(redis.url, dbUrl)))),
    );
    const summary = await enqueuePaths([input], {
      queueUrl: redis.url,
      dbUrl,
      pollMs: 50,
      notice: () => undefined,
    });
    for (const w of started) w.child.kill("SIGTERM");
    const reports = await Promise.all(started.map((w) => w.report));
    return {
      workers,
      articles: summary.store.articles,
      sentences: reports.reduce((n, r) => n + r.sentences, 0),
      events: summary.store.events,
      seconds: summary.seconds,
      peakRssMbPerWorker: Math.max(...reports.map((r) => r.peakRssMb)),
    };
  } finally {
    for (const w of started) if (w.child.exitCode === null) w.child.kill("SIGKILL");
    redis.stop();
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
  }
}

/**
 * The store's write ceiling: `input` coded once in this process, then written by one writer in the workers' batch
 * size into a fresh database. Writes pass one transaction at a time through the store's write lock, so this rate
 * bounds the whole cluster however many workers code.
 */
async function writeCeiling(input: string, batch: number): Promise<number> {
  const { codeArticle, warmUp } = await import("../src/pipeline/index.js");
  const { codingResult } = await import("../src/scale/coding-result.js");
  const { readPaths } = await import("../src/ingest/index.js");
  const { openStore } = await import("../src/store/index.js");
  warmUp();
  const rows: CodedArticleRow[] = [];
  for await (const item of readPaths([input])) {
    if (item.kind !== "article") continue;
    const a = item.article;
    const r = codingResult(codeArticle(a));
    rows.push({
      article: {
        id: a.id,
        url: a.url,
        published: a.published,
        title: a.title,
        source: a.source,
        rawText: a.rawText,
        cleanText: r.cleanText,
        clusterId: a.id,
      },
      events: r.events,
      signature: r.signature,
    });
  }
  const name = `dyad_bench_scaling_${process.pid}_writes`;
  const store = await openStore(databaseUrl(name));
  try {
    const started = performance.now();
    for (let i = 0; i < rows.length; i += batch)
      await store.writeBatch({ rows: rows.slice(i, i + batch), rejects: [] });
    return rows.length / ((performance.now() - started) / 1000);
  } finally {
    await store.close();
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
  }
}

/** The run with the median time. */
function medianRun(runs: readonly Run[]): Run {
  const m = median(runs.map((r) => r.seconds));
  return runs.reduce((best, r) => (Math.abs(r.seconds - m) < Math.abs(best.seconds - m) ? r : best));
}

async function unavailable(): Promise<string | null> {
  try {
    await withAdmin((c) => c.query("select 1"));
  } catch (error) {
    return `PostgreSQL at ${PG} is not reachable (${(error as Error).message})`;
  }
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
  } catch {
    return "redis-server is not installed";
  }
  return null;
}

/**
 * Hours to code `articles` with `workers` one-core workers: each codes at the measured one-worker rate, and all
 * writes pass one at a time through the store's write lock, whose measured rate is the ceiling.
 */
function hoursFor(articles: number, workers: number, perWorker: number, ceiling: number): number {
  return articles / Math.min(workers * perWorker, ceiling) / 3600;
}

export const scalingSection: BenchSection = {
  name: "scaling",
  description: "queue + PostgreSQL: sentences/s with 1, 2 and 4 worker processes; cost of 500,000 articles",
  async run({ quick, runs }: BenchOptions): Promise<BenchReport> {
    const reason = await unavailable();
    if (reason) return { figures: { skipped: reason }, rows: [["skipped", reason]] };
    const count = quick ? ARTICLES.quick : ARTICLES.full;
    const lines = readFileSync(WIKINEWS, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .slice(0, count);
    const dir = mkdtempSync(join(tmpdir(), "dyad-bench-scaling-"));
    const input = join(dir, `first-${count}.jsonl`);
    writeFileSync(input, `${lines.join("\n")}\n`);
    try {
      const repeats = quick ? 1 : Math.max(1, Math.min(runs, 3));
      const results = new Map<number, Run>();
      for (const workers of WORKER_COUNTS) {
        const all: Run[] = [];
        for (let i = 0; i < repeats; i++) all.push(await measure(input, workers, `${workers}_${i}`));
        results.set(workers, medianRun(all));
      }
      const one = results.get(1) as Run;
      const rate = (r: Run) => r.sentences / r.seconds;
      const articleRate = (r: Run) => r.articles / r.seconds;
      const ceiling = await writeCeiling(input, WORKER_BATCH);
      const perWorker = articleRate(one);
      const sentencesPerArticle = one.sentences / Math.max(1, one.articles);
      const model = MODEL_WORKERS.map((workers) => {
        const hours = hoursFor(DAY_OF_NEWS, workers, perWorker, ceiling);
        return { workers, hours: round(hours, 2), coreHours: round(hours * workers, 1) };
      });
      const workersForOneHour = Math.ceil(DAY_OF_NEWS / 3600 / perWorker);
      const figures = {
        input: `first ${count} Wikinews articles`,
        runs: repeats,
        cores: (await import("node:os")).availableParallelism(),
        articles: one.articles,
        sentences: one.sentences,
        events: one.events,
        byWorkers: [...results.values()].map((r) => ({
          workers: r.workers,
          seconds: round(r.seconds, 2),
          sentencesPerSecond: round(rate(r)),
          articlesPerSecond: round(articleRate(r), 1),
          speedup: round(rate(r) / rate(one), 2),
          peakRssMbPerWorker: round(r.peakRssMbPerWorker),
        })),
        writeCeilingArticlesPerSecond: round(ceiling),
        dayOfNews: {
          articles: DAY_OF_NEWS,
          sentencesPerArticle: round(sentencesPerArticle, 1),
          articlesPerSecondPerWorker: round(perWorker, 1),
          model,
          workersToFinishInOneHour: workersForOneHour,
          floorHours: round(DAY_OF_NEWS / ceiling / 3600, 2),
        },
      };
      const rows: [string, string][] = [
        [
          "input",
          `${figures.input} (${one.sentences.toLocaleString("en-US")} sentences), ${figures.cores} cores`,
        ],
      ];
      for (const r of figures.byWorkers) {
        rows.push([
          `${r.workers} worker process${r.workers > 1 ? "es" : ""} (median of ${repeats})`,
          `${r.sentencesPerSecond.toLocaleString("en-US")} sentences/s, ${r.articlesPerSecond} articles/s, ` +
            `×${r.speedup}, ${r.seconds} s, ` +
            `${r.peakRssMbPerWorker} MB/worker`,
        ]);
      }
      rows.push([
        `store write ceiling (one writer, batches of ${WORKER_BATCH})`,
        `${figures.writeCeilingArticlesPerSecond.toLocaleString("en-US")} articles/s`,
      ]);
      for (const m of model) {
        rows.push([
          `500,000 articles, ${m.workers} one-core worker${m.workers > 1 ? "s" : ""}`,
          `${m.hours} h (${m.coreHours} core-hours)`,
        ]);
      }
      rows.push(["workers to code 500,000 articles in one hour", String(workersForOneHour)]);
      return { figures, rows };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** `scaling.ts --worker <queue> <db>`: one worker process; prints `ready`, then its stats as JSON when stopped. */
async function workerMain(queueUrl: string, dbUrl: string): Promise<void> {
  const worker = await startQueueWorker({
    queueUrl,
    dbUrl,
    batch: WORKER_BATCH,
    notice: (m) => process.stderr.write(`${m}\n`),
  });
  process.once("SIGTERM", () => void worker.close());
  process.stdout.write("ready\n");
  await worker.closed;
  const report: WorkerReport = { ...worker.stats, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

if (
  process.argv[1] &&
  pathToFileURL(process.argv[1]).href === import.meta.url &&
  process.argv[2] === "--worker"
) {
  const [queueUrl, dbUrl] = process.argv.slice(3);
  if (!queueUrl || !dbUrl) throw new Error("usage: scaling.ts --worker <queue> <db>");
  await workerMain(queueUrl, dbUrl);
}
