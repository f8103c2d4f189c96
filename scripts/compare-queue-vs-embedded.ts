/**
 * The distributed path against the embedded one, on the real corpus: ingests the Wikinews articles once embedded
 * (worker threads → SQLite) and once through the queue (two worker processes → PostgreSQL), then compares the two
 * stores row by row (canonical dumps: articles, LSH bands, clusters, events, merged events, rejects, full-text ids).
 *
 *   node --import tsx scripts/compare-queue-vs-embedded.ts [--limit N] [--queue redis://…] [--pg postgres://…/db] [--keep]
 *     [--control]   also compare the embedded run with a one-thread embedded run (is the coder order-independent?)
 *
 * Without `--queue` a private redis-server is started on a free loopback port; without `--pg` a fresh database is
 * created on 127.0.0.1:5432 (and dropped at the end unless `--keep`). Exit code 0 when the stores are identical.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { enqueuePaths, startQueueWorker } from "../src/queue/index.js";
import { ingestPaths } from "../src/scale/index.js";
import { openStore, type Store } from "../src/store/index.js";
import { PrivateRedis } from "../test/queue/queue-fixtures.js";
import { dumpAnyStore } from "../test/store/conformance-stores.js";

const SELF = fileURLToPath(import.meta.url);
const WIKINEWS = fileURLToPath(new URL("../../shared/corpus/wikinews_en/articles.jsonl", import.meta.url));
const ADMIN_PG = "postgres://postgres@127.0.0.1:5432/test";

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const say = (line: string) => process.stderr.write(`${line}\n`);

function startWorker(queueUrl: string, dbUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", SELF, "--worker", queueUrl, dbUrl], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      if (out.includes("ready\n")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`worker exited ${code} before it was ready`)));
  });
}

async function counted(store: Store): Promise<string> {
  const c = await store.counts();
  return `${c.articles} articles, ${c.events} events (${c.mergedEvents} merged), ${c.clusters} clusters, ${c.rejects} rejects`;
}

/** Rows (JSON lines) of a dump by table and id. */
function rowsById(dump: string): Map<string, string> {
  const rows = new Map<string, string>();
  let table = "";
  for (const line of dump.split("\n")) {
    if (line.startsWith("# ")) {
      table = line.slice(2).replace(/ \(\d+\)$/, "");
      continue;
    }
    const id = line.startsWith("{") ? (JSON.parse(line) as { id?: unknown }).id : line;
    rows.set(`${table} ${String(id ?? line)}`, line);
  }
  return rows;
}

/** How two dumps differ: rows only in one, and for rows in both the fields that differ (at most `max` of each). */
function differences(sqlite: string, postgres: string, max = 12): string[] {
  const left = rowsById(sqlite);
  const right = rowsById(postgres);
  const out: string[] = [];
  for (const [key, line] of left) {
    if (out.length >= max) break;
    const other = right.get(key);
    if (other === line) continue;
    if (other === undefined) {
      out.push(`- only in SQLite: ${key}`);
      continue;
    }
    const a = JSON.parse(line) as Record<string, unknown>;
    const b = JSON.parse(other) as Record<string, unknown>;
    const fields = Object.keys({ ...a, ...b }).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    out.push(
      `~ ${key}: ${fields.map((k) => `${k}: ${JSON.stringify(a[k])?.slice(0, 80)} → ${JSON.stringify(b[k])?.slice(0, 80)}`).join("; ")}`,
    );
  }
  for (const key of right.keys()) {
    if (out.length >= 2 * max) break;
    if (!left.has(key)) out.push(`+ only in PostgreSQL: ${key}`);
  }
  return out;
}

/** Per table, how many rows differ between two dumps, and which articles' events are concerned. */
function summarise(a: string, b: string): { tables: Record<string, number>; articles: number } {
  const left = rowsById(a);
  const right = rowsById(b);
  const tables: Record<string, number> = {};
  const articles = new Set<string>();
  const note = (key: string, line: string | undefined) => {
    const table = key.slice(0, key.indexOf(" "));
    tables[table] = (tables[table] ?? 0) + 1;
    if (table === "events" && line?.startsWith("{"))
      articles.add(String((JSON.parse(line) as { article_id: string }).article_id));
  };
  for (const [key, line] of left) if (right.get(key) !== line) note(key, line);
  for (const [key, line] of right) if (!left.has(key)) note(key, line);
  return { tables, articles: articles.size };
}

async function main(): Promise<number> {
  const limit = Number(flag("--limit") ?? 0);
  const keep = process.argv.includes("--keep");
  const dir = mkdtempSync(join(tmpdir(), "dyad-compare-"));
  let input = WIKINEWS;
  if (limit > 0) {
    const lines = readFileSync(WIKINEWS, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .slice(0, limit);
    input = join(dir, `wikinews-${limit}.jsonl`);
    writeFileSync(input, `${lines.join("\n")}\n`);
  }
  const dbName = `dyad_compare_${process.pid}`;
  const pgUrl = flag("--pg") ?? ADMIN_PG.replace(/\/test$/, `/${dbName}`);
  const redis = flag("--queue") ? null : await PrivateRedis.create();
  const queueUrl = flag("--queue") ?? (redis as { url: string }).url;
  const workers: ChildProcess[] = [];
  try {
    const embeddedRun = async (threads: number, file: string): Promise<string> => {
      say(`compare: embedded run (${threads} worker thread(s) → SQLite) on ${input}`);
      const sqlite = await openStore(join(dir, file));
      try {
        const s = await ingestPaths([input], { store: sqlite, workers: threads });
        say(`compare: embedded: ${s.seconds.toFixed(1)} s; ${await counted(sqlite)}`);
        return await dumpAnyStore(sqlite);
      } finally {
        await sqlite.close();
      }
    };
    const embedded = await embeddedRun(2, "embedded.db");
    // Control: the same embedded run with one thread (articles coded in another order, by other threads). If this
    // differs too, the coder's output depends on what it coded before, and no store or queue can hide that.
    const control = process.argv.includes("--control") ? await embeddedRun(1, "control.db") : null;

    say(`compare: queue run (2 worker processes → PostgreSQL) through ${queueUrl}`);
    workers.push(await startWorker(queueUrl, pgUrl));
    workers.push(await startWorker(queueUrl, pgUrl));
    const summary = await enqueuePaths([input], { queueUrl, dbUrl: pgUrl });
    for (const w of workers) w.kill("SIGTERM");
    const postgres = await openStore(pgUrl, { mustExist: true });
    let queued: string;
    try {
      say(
        `compare: queue: ${summary.seconds.toFixed(1)} s; ${await counted(postgres)}; ` +
          `${summary.deadLettered} dead-lettered`,
      );
      queued = await dumpAnyStore(postgres);
    } finally {
      await postgres.close();
    }

    const same = embedded === queued;
    process.stdout.write(
      `${JSON.stringify({
        input,
        identical: same,
        lines: embedded.split("\n").length,
        embedded: embedded.split("\n").filter((l) => l.startsWith("# ")),
        queue: queued.split("\n").filter((l) => l.startsWith("# ")),
        queueVsEmbedded: summarise(embedded, queued),
        ...(control === null ? {} : { oneThreadVsTwoThreads: summarise(embedded, control) }),
      })}\n`,
    );
    if (!same) for (const line of differences(embedded, queued)) say(line);
    return same ? 0 : 1;
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    redis?.stop();
    rmSync(dir, { recursive: true, force: true });
    if (!flag("--pg") && !keep) {
      const client = new pg.Client({ connectionString: ADMIN_PG });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(dbName)} WITH (FORCE)`);
      await client.end();
    }
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  if (process.argv[2] === "--worker") {
    const [queueUrl, dbUrl] = process.argv.slice(3) as [string, string];
    const worker = await startQueueWorker({ queueUrl, dbUrl });
    process.once("SIGTERM", () => void worker.close());
    process.stdout.write("ready\n");
    await worker.closed;
  } else {
    process.exitCode = await main();
  }
}
