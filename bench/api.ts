/**
 * API load benchmark (a section of `npm run bench`). Builds a store of at least 1,000,000 events — real articles
 * and events from the Wikinews corpus coded by the pipeline, plus synthetic events derived from them (same
 * articles and evidence, other dyads, codes and dates), bulk-inserted — then serves it with `dyad serve`'s server
 * in a child process and measures over HTTP on loopback: p50/p95 of dyad-series and event queries (sequential
 * requests after a warm-up) and a burst of 1,000 concurrent requests, counting errors.
 *
 * Run alone: `npx tsx bench/api.ts [--events N] [--articles N] [--requests N] [--dir DIR] [--json]`.
 */
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { readPaths } from "../src/ingest/index.js";
import { ingestPaths } from "../src/scale/index.js";
import { openStore } from "../src/store/open-store.js";
import type { BenchOptions, BenchReport, BenchSection } from "./bench-section.js";

export interface BenchApiOptions {
  /** Events in the load store (default 1,000,000). */
  readonly events?: number;
  /** The corpus the real articles and events come from. */
  readonly corpus?: string;
  /** Corpus articles coded into the load store (default 1,500). */
  readonly articles?: number;
  /** Coding workers for that ingest (default 2). */
  readonly workers?: number;
  /** Sequential requests measured per query kind, after warm-up (default 300). */
  readonly requests?: number;
  /** Requests in the concurrent burst (default 1,000). */
  readonly concurrent?: number;
  /** Where to build the store; default a temporary folder, removed afterwards. */
  readonly dir?: string;
  /** Progress lines (default: stderr). */
  readonly log?: (line: string) => void;
}

const HERE = fileURLToPath(new URL(".", import.meta.url));
const DEFAULT_CORPUS = join(HERE, "..", "..", "shared", "corpus", "wikinews_en", "articles.jsonl");
const SERVER_FLAG = "DYAD_BENCH_API_SERVER";

/** Deterministic PRNG (mulberry32) so every run builds the same store. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Countries and organisations, most newsworthy first; picked with Zipf-like weights. */
const ACTORS = [
  "USA",
  "RUS",
  "CHN",
  "GBR",
  "FRA",
  "DEU",
  "IRN",
  "ISR",
  "UKR",
  "IND",
  "PAK",
  "JPN",
  "PSE",
  "TUR",
  "SYR",
  "IRQ",
  "AFG",
  "EGY",
  "SAU",
  "PRK",
  "KOR",
  "BRA",
  "CAN",
  "AUS",
  "NGA",
  "ZAF",
  "MEX",
  "IDN",
  "ITA",
  "ESP",
  "POL",
  "VEN",
  "CUB",
  "LBN",
  "LBY",
  "SDN",
  "ETH",
  "KEN",
  "COL",
  "ARG",
];
const ORGS = ["IGOUNO", "IGOEU", "IGONAT", "IGOAFU"];
const SECTORS = ["", "", "GOV", "GOV", "MIL", "OPP", "REB", "BUS", "CVL"];
const STATUSES = [
  "asserted",
  "asserted",
  "asserted",
  "asserted",
  "asserted",
  "asserted",
  "negated",
  "hypothetical",
  "future",
  "reported_claim",
];

interface CameoRow {
  code: string;
  root: string;
  quad: number;
  goldstein: number;
  name: string;
  plover: string | null;
}

function cameoCodes(): CameoRow[] {
  const text = readFileSync(join(HERE, "..", "data", "ontology", "cameo.tsv"), "utf8");
  const [head, ...lines] = text.trimEnd().split("\n");
  const cols = (head ?? "").split("\t");
  const at = (name: string) => cols.indexOf(name);
  return lines
    .map((l) => l.split("\t"))
    .filter((c) => (c[at("code")] ?? "").length >= 3)
    .map((c) => ({
      code: c[at("code")] ?? "",
      root: c[at("root")] ?? "",
      quad: Number(c[at("quad")]),
      goldstein: Number(c[at("goldstein")]),
      name: c[at("name")] ?? "",
      plover: c[at("plover_type")] || null,
    }));
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Codes the first `n` corpus articles into a fresh store at `path` with the real pipeline. */
async function ingestCorpus(
  path: string,
  options: Required<Pick<BenchApiOptions, "corpus" | "articles" | "workers">>,
) {
  const store = await openStore(path);
  try {
    const summary = await ingestPaths([options.corpus], {
      store,
      workers: options.workers,
      read: async function* (paths) {
        let n = 0;
        for await (const item of readPaths(paths)) {
          if (n++ >= options.articles) return;
          yield item;
        }
      },
    });
    return summary;
  } finally {
    await store.close();
  }
}

type Row = Record<string, string | number | null>;

/** Adds synthetic events (and their merged rows) until the store holds `total` merged events. */
function addSyntheticEvents(path: string, total: number, log: (s: string) => void): number {
  const db = new BetterSqlite3(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  const existing = Number((db.prepare("SELECT count(*) AS n FROM merged_events").get() as { n: number }).n);
  const need = total - existing;
  if (need <= 0) {
    db.close();
    return existing;
  }
  let templates = db.prepare("SELECT * FROM events LIMIT 20000").all() as Row[];
  const articles = db.prepare("SELECT id, cluster_id, clean_text FROM articles LIMIT 20000").all() as {
    id: string;
    cluster_id: string;
    clean_text: string;
  }[];
  if (articles.length === 0) throw new Error("dyad bench: no articles were ingested from the corpus");
  if (templates.length === 0) {
    // The coder found no events: derive templates from the articles' first sentences instead.
    log("api bench: the corpus ingest produced no events; deriving evidence from article sentences");
    templates = articles.map((a) => {
      const sentence = (a.clean_text.split(/(?<=[.!?])\s+/)[0] ?? a.clean_text).slice(0, 400);
      return {
        article_id: a.id,
        sentence,
        sentence_start: 0,
        sentence_end: sentence.length,
        trigger_start: 0,
        trigger_end: Math.min(5, sentence.length),
        source_text: sentence.slice(0, 5),
        source_start: 0,
        source_end: Math.min(5, sentence.length),
        target_text: null,
        target_start: null,
        target_end: null,
        cues: "[]",
        quote_text: null,
        quote_start: null,
        quote_end: null,
        speaker_code: null,
        speaker_name: null,
        pattern: "bench:synthetic",
        confidence: 0.5,
      };
    });
  }
  const clusterOf = new Map(articles.map((a) => [a.id, a.cluster_id]));
  const codes = cameoCodes();
  const rand = random(20240601);
  const actorWeights = ACTORS.map((_, i) => 1 / (i + 1) ** 1.1);
  const weightSum = actorWeights.reduce((s, w) => s + w, 0);
  const pickActor = () => {
    if (rand() < 0.04) return ORGS[Math.floor(rand() * ORGS.length)]!;
    let x = rand() * weightSum;
    for (let i = 0; i < ACTORS.length; i++) {
      x -= actorWeights[i]!;
      if (x <= 0) return ACTORS[i]!;
    }
    return ACTORS[0]!;
  };
  const day0 = Date.UTC(2004, 0, 1);
  const days = Math.floor((Date.UTC(2024, 11, 31) - day0) / 86_400_000);

  const cols = [
    "id",
    "article_id",
    "merged_id",
    "date",
    "source_code",
    "source_country",
    "source_sector",
    "source_name",
    "source_text",
    "source_start",
    "source_end",
    "target_code",
    "target_country",
    "target_sector",
    "target_name",
    "target_text",
    "target_start",
    "target_end",
    "cameo_code",
    "cameo_root",
    "cameo_name",
    "quad",
    "goldstein",
    "plover_type",
    "plover_mode",
    "plover_context",
    "status",
    "cues",
    "speaker_code",
    "speaker_name",
    "quote_text",
    "quote_start",
    "quote_end",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "location_how",
    "sentence",
    "sentence_start",
    "sentence_end",
    "trigger_start",
    "trigger_end",
    "pattern",
    "confidence",
  ];
  const insertEvent = db.prepare(
    `INSERT INTO events (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`,
  );
  const mcols = [
    "id",
    "cluster_id",
    "article_id",
    "date",
    "source_code",
    "source_country",
    "target_code",
    "target_country",
    "cameo_code",
    "cameo_root",
    "quad",
    "goldstein",
    "status",
    "mentions",
    "sources",
    "articles",
  ];
  const insertMerged = db.prepare(
    `INSERT INTO merged_events (${mcols.join(", ")}) VALUES (${mcols.map(() => "?").join(", ")})`,
  );
  // Secondary indexes are dropped during the bulk insert and rebuilt after it from their own definitions:
  // building an index once from sorted data is far faster than a million random B-tree inserts.
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('events', 'merged_events') AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) db.prepare(`DROP INDEX "${ix.name.replaceAll('"', '""')}"`).run();
  const chunk = 50_000;
  const insertChunk = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const t = templates[i % templates.length]!;
      const a = pickActor();
      let b = pickActor();
      if (b === a) b = pickActor();
      const sa = a.length === 3 ? SECTORS[Math.floor(rand() * SECTORS.length)]! : "";
      const sb = b.length === 3 ? SECTORS[Math.floor(rand() * SECTORS.length)]! : "";
      const sourceCode = a + sa;
      const targetCode = b + sb;
      const countryA = a.startsWith("IGO") ? "IGO" : a;
      const countryB = b.startsWith("IGO") ? "IGO" : b;
      const cameo = codes[Math.floor(rand() * codes.length)]!;
      const date = new Date(day0 + Math.floor(rand() ** 0.7 * days) * 86_400_000).toISOString().slice(0, 10);
      const status = STATUSES[Math.floor(rand() * STATUSES.length)]!;
      const id = `syn${String(i).padStart(8, "0")}`;
      const articleId = String(t.article_id);
      const mentions = 1 + Math.floor(rand() ** 4 * 5);
      insertEvent.run(
        id,
        articleId,
        id,
        date,
        sourceCode,
        countryA,
        sa || null,
        a,
        t.source_text ?? a,
        t.source_start ?? 0,
        t.source_end ?? 0,
        targetCode,
        countryB,
        sb || null,
        b,
        t.target_text ?? b,
        t.target_start ?? 0,
        t.target_end ?? 0,
        cameo.code,
        cameo.root,
        cameo.name,
        cameo.quad,
        cameo.goldstein,
        cameo.plover,
        null,
        null,
        status,
        status === "asserted" ? "[]" : '["could"]',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        t.sentence,
        t.sentence_start,
        t.sentence_end,
        t.trigger_start,
        t.trigger_end,
        "bench:synthetic",
        t.confidence ?? 0.5,
      );
      insertMerged.run(
        id,
        clusterOf.get(articleId) ?? articleId,
        articleId,
        date,
        sourceCode,
        countryA,
        targetCode,
        countryB,
        cameo.code,
        cameo.root,
        cameo.quad,
        cameo.goldstein,
        status,
        mentions,
        Math.min(mentions, 3),
        mentions,
      );
    }
  });
  const started = performance.now();
  for (let from = 0; from < need; from += chunk) {
    insertChunk(from, Math.min(need, from + chunk));
    if ((from / chunk) % 4 === 3) {
      const done = Math.min(need, from + chunk);
      log(
        `api bench: ${done.toLocaleString("en")} synthetic events (${Math.round(done / ((performance.now() - started) / 1000))}/s)`,
      );
    }
  }
  const i0 = performance.now();
  for (const ix of indexes) db.exec(ix.sql);
  log(`api bench: ${indexes.length} indexes rebuilt in ${round1((performance.now() - i0) / 1000)}s`);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.exec("ANALYZE");
  db.close();
  return existing + need;
}

/** Starts this file as a child process running the HTTP server on a free loopback port. */
async function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, [SERVER_FLAG]: db },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (m) => resolve(String((m as { url: string }).url)));
    child.once("exit", (code) => reject(new Error(`dyad bench: API server exited with ${code}`)));
  });
  return { child, url };
}

async function timed(url: string): Promise<{ ms: number; ok: boolean }> {
  const t0 = performance.now();
  try {
    const res = await fetch(url);
    await res.arrayBuffer();
    return { ms: performance.now() - t0, ok: res.status === 200 };
  } catch {
    return { ms: performance.now() - t0, ok: false };
  }
}

async function sequential(urls: readonly string[]): Promise<{ p50: number; p95: number; errors: number }> {
  const ms: number[] = [];
  let errors = 0;
  for (const u of urls) {
    const r = await timed(u);
    ms.push(r.ms);
    if (!r.ok) errors++;
  }
  ms.sort((a, b) => a - b);
  return { p50: round1(quantile(ms, 0.5)), p95: round1(quantile(ms, 0.95)), errors };
}

/** The benchmark: figures in milliseconds and seconds, keys prefixed `api`. */
export async function benchApi(options: BenchApiOptions = {}): Promise<Record<string, number>> {
  const log = options.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const total = options.events ?? 1_000_000;
  const requests = options.requests ?? 300;
  const burst = options.concurrent ?? 1000;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "dyad-bench-api-"));
  const db = join(dir, "api-load.db");
  const figures: Record<string, number> = {};
  try {
    const t0 = performance.now();
    const ingest = await ingestCorpus(db, {
      corpus: options.corpus ?? DEFAULT_CORPUS,
      articles: options.articles ?? 1500,
      workers: options.workers ?? 2,
    });
    {
      const raw = new BetterSqlite3(db, { readonly: true });
      const count = (q: string) => Number((raw.prepare(q).get() as { n: number }).n);
      figures.apiRealArticles = count("SELECT count(*) AS n FROM articles");
      figures.apiRealEvents = count("SELECT count(*) AS n FROM events WHERE pattern <> 'bench:synthetic'");
      raw.close();
    }
    log(
      `api bench: ${ingest.written} corpus articles coded now; the store holds ${figures.apiRealArticles} articles and ${figures.apiRealEvents} real events`,
    );
    const t1 = performance.now();
    figures.apiEvents = addSyntheticEvents(db, total, log);
    figures.apiBuildSeconds = round1((performance.now() - t0) / 1000);
    figures.apiBulkInsertSeconds = round1((performance.now() - t1) / 1000);

    figures.apiLoadAverageAtStart = round1(loadavg()[0] ?? 0);
    const { child, url } = await startServer(db);
    try {
      const rand = random(7);
      const dyads = [
        ["USA", "RUS"],
        ["RUS", "CHN"],
        ["USA", "CHN"],
        ["ISR", "PSE"],
        ["IND", "PAK"],
        ["RUS", "UKR"],
        ["USA", "IRN"],
        ["FRA", "DEU"],
        ["GBR", "USA"],
        ["TUR", "SYR"],
        ["IGOUNO", "SYR"],
        ["JPN", "PRK"],
      ] as const;
      const intervals = ["month", "week", "month", "day"] as const;
      const seriesUrls = Array.from({ length: requests }, (_, i) => {
        const [a, b] = dyads[i % dyads.length]!;
        const interval = intervals[Math.floor(rand() * intervals.length)]!;
        const year = 2005 + Math.floor(rand() * 19);
        const range = interval === "day" ? `&from=${year}-01-01&to=${year}-12-31` : "";
        return `${url}/api/dyads/${a}/${b}/series?interval=${interval}${range}`;
      });
      const eventQueries = [
        () => "limit=50",
        () => `source=${ACTORS[Math.floor(rand() * 10)]}&limit=50`,
        () => `actor=${ACTORS[Math.floor(rand() * 20)]}&quad=${1 + Math.floor(rand() * 4)}&limit=50`,
        () => {
          const [a, b] = dyads[Math.floor(rand() * dyads.length)]!;
          const y = 2005 + Math.floor(rand() * 19);
          return `source=${a}&target=${b}&from=${y}-01-01&to=${y}-12-31&limit=50`;
        },
        () => `root=${String(1 + Math.floor(rand() * 20)).padStart(2, "0")}&status=asserted&limit=100`,
        () => `target=${ACTORS[Math.floor(rand() * 5)]}&limit=50&offset=${50 * Math.floor(rand() * 4)}`,
      ];
      // Deep pages of broad filters (offsets 5,000-10,000), measured apart: the costly case.
      const deepUrls = Array.from(
        { length: Math.max(20, Math.floor(requests / 10)) },
        () =>
          `${url}/api/events?target=${ACTORS[Math.floor(rand() * 5)]}&limit=50&offset=${5000 + 50 * Math.floor(rand() * 100)}`,
      );
      const eventUrls = Array.from(
        { length: requests },
        (_, i) => `${url}/api/events?${eventQueries[i % eventQueries.length]!()}`,
      );

      await sequential([...seriesUrls.slice(0, 20), ...eventUrls.slice(0, 20)]); // warm-up
      const series = await sequential(seriesUrls);
      const events = await sequential(eventUrls);
      figures.apiSeriesP50Ms = series.p50;
      figures.apiSeriesP95Ms = series.p95;
      figures.apiEventsP50Ms = events.p50;
      figures.apiEventsP95Ms = events.p95;
      const deep = await sequential(deepUrls);
      figures.apiEventsDeepPageP50Ms = deep.p50;
      figures.apiEventsDeepPageP95Ms = deep.p95;
      // The endpoints the dashboard added: one actor's series, and a dyad's events in both directions.
      const actorSeriesUrls = Array.from({ length: Math.max(20, Math.floor(requests / 3)) }, (_, i) => {
        const actor = ACTORS[i % 12]!;
        const interval = intervals[Math.floor(rand() * intervals.length)]!;
        const year = 2005 + Math.floor(rand() * 19);
        const range = interval === "day" ? `&from=${year}-01-01&to=${year}-12-31` : "";
        return `${url}/api/actors/${actor}/series?interval=${interval}${range}`;
      });
      const dyadEventUrls = Array.from({ length: Math.max(20, Math.floor(requests / 3)) }, (_, i) => {
        const [a, b] = dyads[i % dyads.length]!;
        const y = 2005 + Math.floor(rand() * 19);
        return `${url}/api/events?dyad=${a},${b}&limit=25${i % 2 ? `&from=${y}-01-01&to=${y}-12-31` : ""}`;
      });
      const actorSeries = await sequential(actorSeriesUrls);
      figures.apiActorSeriesP50Ms = actorSeries.p50;
      figures.apiActorSeriesP95Ms = actorSeries.p95;
      const dyadEvents = await sequential(dyadEventUrls);
      figures.apiDyadEventsP50Ms = dyadEvents.p50;
      figures.apiDyadEventsP95Ms = dyadEvents.p95;
      figures.apiSequentialErrors =
        series.errors + events.errors + deep.errors + actorSeries.errors + dyadEvents.errors;
      log(
        `api bench: series p50 ${series.p50} ms p95 ${series.p95} ms; events p50 ${events.p50} ms p95 ${events.p95} ms`,
      );

      const mixed = Array.from({ length: burst }, (_, i) => {
        const kind = i % 4;
        if (kind === 0) return seriesUrls[i % seriesUrls.length]!;
        if (kind === 1) return eventUrls[i % eventUrls.length]!;
        if (kind === 2) return `${url}/api/health`;
        return `${url}/api/events?source=${ACTORS[i % ACTORS.length]}&limit=20`;
      });
      const b0 = performance.now();
      const results = await Promise.all(mixed.map((u) => timed(u)));
      const burstSeconds = (performance.now() - b0) / 1000;
      const ms = results.map((r) => r.ms).sort((x, y) => x - y);
      figures.apiConcurrentRequests = burst;
      figures.apiConcurrentErrors = results.filter((r) => !r.ok).length;
      figures.apiConcurrentSeconds = round1(burstSeconds);
      figures.apiConcurrentRequestsPerSecond = Math.round(burst / burstSeconds);
      figures.apiConcurrentP95Ms = round1(quantile(ms, 0.95));
      log(
        `api bench: ${burst} concurrent requests in ${figures.apiConcurrentSeconds}s, ${figures.apiConcurrentErrors} errors`,
      );
      figures.apiLoadAverageAtEnd = round1(loadavg()[0] ?? 0);
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    return figures;
  } finally {
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (x: unknown) => `${x} ms`;

/**
 * `npm run bench` API section: the load store built from the Wikinews corpus plus synthetic events (1,000,000;
 * `--quick`: 200,000 and fewer requests), served over loopback by `dyad serve`'s server.
 */
export const apiSection: BenchSection = {
  name: "api",
  description: "HTTP API on a store of 1,000,000 events: query p50/p95 and 1,000 concurrent requests",
  async run({ quick }: BenchOptions): Promise<BenchReport> {
    const f = await benchApi(quick ? { events: 200_000, articles: 300, requests: 60 } : {});
    const rows: [string, string][] = [
      [
        "store",
        `${f.apiEvents?.toLocaleString("en-US")} events (${f.apiRealEvents} coded from ${f.apiRealArticles} Wikinews articles), built in ${f.apiBuildSeconds} s`,
      ],
      ["dyad series p50 / p95", `${ms(f.apiSeriesP50Ms)} / ${ms(f.apiSeriesP95Ms)}`],
      ["event queries p50 / p95", `${ms(f.apiEventsP50Ms)} / ${ms(f.apiEventsP95Ms)}`],
      [
        "deep pages (offset 5,000-10,000) p50 / p95",
        `${ms(f.apiEventsDeepPageP50Ms)} / ${ms(f.apiEventsDeepPageP95Ms)}`,
      ],
      ["actor series p50 / p95", `${ms(f.apiActorSeriesP50Ms)} / ${ms(f.apiActorSeriesP95Ms)}`],
      ["dyad events (both ways) p50 / p95", `${ms(f.apiDyadEventsP50Ms)} / ${ms(f.apiDyadEventsP95Ms)}`],
      ["errors (sequential)", String(f.apiSequentialErrors)],
      [
        `${f.apiConcurrentRequests} concurrent requests`,
        `${f.apiConcurrentSeconds} s, ${f.apiConcurrentRequestsPerSecond}/s, p95 ${ms(f.apiConcurrentP95Ms)}, ${f.apiConcurrentErrors} errors`,
      ],
      ["load average (1 min) at start / end", `${f.apiLoadAverageAtStart} / ${f.apiLoadAverageAtEnd}`],
    ];
    return { figures: f, rows };
  },
};

// Child-process mode: serve the store given in the environment and report the URL to the parent.
if (process.env[SERVER_FLAG] && process.send) {
  const { serve } = await import("../src/server/serve.js");
  const server = await serve({ db: process.env[SERVER_FLAG], port: 0, webRoot: null });
  process.send({ url: server.url });
  process.once("SIGTERM", () => {
    void server.close().then(() => process.exit(0));
  });
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const figures = await benchApi({
    ...(arg("--events") ? { events: Number(arg("--events")) } : {}),
    ...(arg("--articles") ? { articles: Number(arg("--articles")) } : {}),
    ...(arg("--dir") ? { dir: String(arg("--dir")) } : {}),
    ...(arg("--requests") ? { requests: Number(arg("--requests")) } : {}),
  });
  if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k.padEnd(34)} ${v}\n`);
}
