import { MultiBar, Presets } from "cli-progress";
import { type Command, InvalidArgumentError } from "commander";
import { ARTICLE_EXTENSIONS } from "../../ingest/index.js";
import { estimateArticles, type IngestProgress, ingestPaths } from "../../scale/index.js";
import { openStore } from "../../store/index.js";
import type { Rejected } from "../../types/article.js";
import { DyadError } from "../../types/errors.js";
import { runQueuedIngest } from "./queue.js";

interface IngestFlags {
  db: string;
  workers?: number;
  batch: number;
  queue?: string;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a positive whole number, got '${value}'`);
  return n;
}

function rejectLine(r: Rejected): string {
  return `dyad: rejected ${r.path}${r.line === undefined ? "" : `:${r.line}`}: ${r.reason}`;
}

function rate(n: number, seconds: number): string {
  return seconds > 0 ? Math.round(n / seconds).toLocaleString("en-US") : "-";
}

export function register(program: Command): void {
  program
    .command("ingest")
    .description("code files or folders into a store: parallel, idempotent, safe to interrupt and re-run")
    .argument("<paths...>", "files or folders: .txt, .html, .jsonl (one article per line), RSS/Atom feeds")
    .requiredOption(
      "--db <url>",
      "the store: a SQLite file (created if missing) or postgres://user@host/database",
    )
    .option("-w, --workers <n>", "worker threads coding in parallel (default: all cores)", positiveInteger)
    .option("--batch <n>", "articles per write transaction", positiveInteger, 200)
    .option("--queue <url>", "enqueue for `dyad worker` processes (redis://host:6379) instead of coding here")
    .addHelpText(
      "after",
      "\nArticles already in the store are skipped, so re-running after an interruption finishes the job.\n" +
        "\nExamples:\n  dyad ingest corpus/ --db events.db\n  dyad ingest feeds/*.jsonl --db events.db --workers 4",
    )
    .action(async (paths: string[], flags: IngestFlags) => {
      if (flags.queue) process.exitCode = await runQueuedIngest(paths, { queue: flags.queue, db: flags.db });
      else process.exitCode = await runIngest(paths, flags);
    });
}

async function runIngest(paths: string[], flags: IngestFlags): Promise<number> {
  const tty = Boolean(process.stderr.isTTY);
  let store: Awaited<ReturnType<typeof openStore>> | undefined;
  let bars: MultiBar | undefined;
  try {
    store = await openStore(flags.db);
    let bar: ReturnType<MultiBar["create"]> | undefined;
    let total = 0;
    if (tty) {
      total = Math.max(1, await estimateArticles(paths, ARTICLE_EXTENSIONS));
      bars = new MultiBar(
        {
          stream: process.stderr,
          format: " {bar} {percentage}% | {value}/{total} articles | {rate} articles/s | ETA {eta_formatted}",
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 200,
        },
        Presets.shades_classic,
      );
      bar = bars.create(total, 0, { rate: "-" });
    }
    const started = performance.now();
    const onProgress = (p: Readonly<IngestProgress>) => {
      if (!bar) return;
      const handled = p.alreadyStored + p.repeated + p.coded;
      if (handled > total) {
        total = handled;
        bar.setTotal(total);
      }
      bar.update(handled, { rate: rate(p.coded, (performance.now() - started) / 1000) });
    };
    const onReject = (r: Rejected) => {
      if (bars) bars.log(`${rejectLine(r)}\n`);
      else process.stderr.write(`${rejectLine(r)}\n`);
    };
    const summary = await ingestPaths(paths, {
      store,
      batch: flags.batch,
      ...(flags.workers ? { workers: flags.workers } : {}),
      onProgress,
      onReject,
    });
    bars?.stop();
    bars = undefined;
    const s = summary.seconds;
    const skipped = summary.alreadyStored + summary.repeated;
    process.stderr.write(
      `dyad: ${summary.written} article(s) stored${skipped ? ` (${skipped} already stored or repeated)` : ""}, ` +
        `${summary.events} event(s), ${summary.rejected} rejected, in ${s.toFixed(1)} s ` +
        `(${rate(summary.coded, s)} articles/s, ${rate(summary.sentences, s)} sentences/s) → ${flags.db}\n`,
    );
    if (summary.read === 0 && summary.rejected === 0) {
      process.stderr.write("dyad: no articles found in the given paths\n");
      return 1;
    }
    return 0;
  } catch (error) {
    bars?.stop();
    if (error instanceof DyadError) {
      process.stderr.write(`${error.message}\n`);
      return error.code === "USAGE" ? 2 : 1;
    }
    throw error;
  } finally {
    await store?.close();
  }
}
