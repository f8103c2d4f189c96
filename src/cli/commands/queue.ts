import { SingleBar } from "cli-progress";
import Table from "cli-table3";
import { type Command, InvalidArgumentError } from "commander";
import {
  type EnqueueProgress,
  enqueuePaths,
  queueStatus,
  redactQueueUrl,
  retryDeadLetters,
} from "../../queue/index.js";
import { redactUrl } from "../../store/postgres-backend.js";
import type { Rejected } from "../../types/article.js";
import { DyadError } from "../../types/errors.js";

/** Plain borders and no colours when stdout is not a terminal (a file, a pipe, a test). */
const style = process.stdout.isTTY ? {} : { style: { head: [], border: [] } };

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`expected a whole number, got '${value}'`);
  return n;
}

async function reportErrors(action: () => Promise<void>): Promise<number> {
  try {
    await action();
    return 0;
  } catch (error) {
    if (error instanceof DyadError) {
      process.stderr.write(`${error.message}\n`);
      return error.code === "USAGE" ? 2 : 1;
    }
    throw error;
  }
}

export function register(program: Command): void {
  const queue = program.command("queue").description("inspect the shared coding queue used by `dyad worker`");

  queue
    .command("status")
    .description("jobs waiting, active, retrying, done and failed, and the dead letters with their reasons")
    .requiredOption("--queue <url>", "the job queue: redis://host:6379")
    .option("--limit <n>", "dead letters to list", count, 20)
    .option("--json", "one JSON object on stdout instead of tables")
    .action(async (flags: { queue: string; limit: number; json?: boolean }) => {
      process.exitCode = await reportErrors(async () => {
        const s = await queueStatus(flags.queue, { limit: flags.limit });
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(s)}\n`);
          return;
        }
        const counts = new Table({
          head: ["waiting", "active", "retrying", "done", "failed", "workers"],
          ...style,
        });
        counts.push([s.waiting, s.active, s.retrying, s.done, s.failed, s.workers].map(String));
        process.stdout.write(`${counts.toString()}\n`);
        if (s.deadLetters.length === 0) return;
        const dead = new Table({
          head: ["dead letter (article)", "source", "attempts", "failed at", "reason"],
          colWidths: [24, 36, 10, 26, 60],
          wordWrap: true,
          ...style,
        });
        for (const d of s.deadLetters) {
          dead.push([d.articleId, d.source, String(d.attempts), d.failedAt ?? "", d.reason]);
        }
        process.stdout.write(`${dead.toString()}\n`);
        if (s.failed > s.deadLetters.length) {
          process.stderr.write(`dyad: ${s.failed - s.deadLetters.length} more; use --limit to list them\n`);
        }
      });
    });

  queue
    .command("retry")
    .description("put every dead letter back in the queue with fresh attempts (after fixing the cause)")
    .requiredOption("--queue <url>", "the job queue: redis://host:6379")
    .action(async (flags: { queue: string }) => {
      process.exitCode = await reportErrors(async () => {
        const n = await retryDeadLetters(flags.queue);
        process.stderr.write(`dyad: ${n} dead letter(s) back in the queue\n`);
      });
    });
}

function rejectLine(r: Rejected): string {
  return `dyad: rejected ${r.path}${r.line === undefined ? "" : `:${r.line}`}: ${r.reason}`;
}

function queueLine(p: Readonly<EnqueueProgress>): string {
  return (
    `dyad: queue: ${p.enqueued} enqueued, ${p.waiting} waiting, ${p.active} active, ${p.retrying} retrying, ` +
    `${p.done} done, ${p.deadLettered} dead-lettered`
  );
}

/**
 * `dyad ingest <paths…> --queue URL --db URL`: enqueues the articles for `dyad worker` processes and reports progress
 * until the queue drains (a bar on a terminal, a line every 10 s otherwise). Returns the exit code.
 */
export async function runQueuedIngest(
  paths: readonly string[],
  flags: { readonly queue: string; readonly db: string },
): Promise<number> {
  const tty = Boolean(process.stderr.isTTY);
  const bar = tty
    ? new SingleBar({
        stream: process.stderr,
        format:
          " {bar} {value}/{total} articles | {waiting} waiting, {active} active, {retrying} retrying | ETA {eta_formatted}",
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 100,
      })
    : null;
  let lastLine = Date.now();
  let barStarted = false;
  const onProgress = (p: Readonly<EnqueueProgress>) => {
    const handled = p.done + p.deadLettered;
    if (bar) {
      const payload = { waiting: p.waiting, active: p.active, retrying: p.retrying };
      if (!barStarted) {
        bar.start(Math.max(1, p.enqueued), handled, payload);
        barStarted = true;
      }
      bar.setTotal(Math.max(1, p.enqueued, handled));
      bar.update(handled, payload);
    } else if (Date.now() - lastLine >= 10_000) {
      lastLine = Date.now();
      process.stderr.write(`${queueLine(p)}\n`);
    }
  };
  const say = (line: string) => {
    if (bar && barStarted) bar.stop();
    barStarted = false;
    process.stderr.write(`${line}\n`);
  };
  return reportErrors(async () => {
    try {
      const s = await enqueuePaths(paths, {
        queueUrl: flags.queue,
        dbUrl: flags.db,
        onProgress,
        onReject: (r) => say(rejectLine(r)),
        notice: say,
      });
      if (barStarted) bar?.stop();
      const skipped = [
        s.alreadyStored ? `${s.alreadyStored} already stored` : "",
        s.alreadyQueued ? `${s.alreadyQueued} already queued` : "",
        s.repeated ? `${s.repeated} repeated` : "",
      ].filter(Boolean);
      process.stderr.write(
        `dyad: ${s.enqueued} article(s) enqueued${skipped.length ? ` (${skipped.join(", ")})` : ""}, ` +
          `${s.done} coded, ${s.deadLettered} dead-lettered, ${s.rejected} rejected, in ${s.seconds.toFixed(1)} s; ` +
          `${redactUrl(flags.db)} holds ${s.store.articles} article(s), ${s.store.events} event(s)\n`,
      );
      if (s.deadLettered > 0) {
        process.stderr.write(
          `dyad: see the dead letters with: dyad queue status --queue ${redactQueueUrl(flags.queue)}\n`,
        );
      }
    } finally {
      if (barStarted) bar?.stop();
    }
  });
}
