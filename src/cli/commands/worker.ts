import { type Command, InvalidArgumentError, Option } from "commander";
import { redactQueueUrl, startQueueWorker, type WorkerStats } from "../../queue/index.js";
import { redactUrl } from "../../store/postgres-backend.js";
import { DyadError } from "../../types/errors.js";

interface WorkerFlags {
  queue: string;
  db: string;
  concurrency: number;
  batch: number;
  lock: number;
  taskModule?: string;
  quiet?: boolean;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a positive whole number, got '${value}'`);
  return n;
}

function positiveSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1) throw new InvalidArgumentError(`expected seconds ≥ 1, got '${value}'`);
  return n;
}

function statsLine(s: Readonly<WorkerStats>, seconds: number): string {
  const rate = seconds > 0 ? Math.round(s.sentences / seconds).toLocaleString("en-US") : "-";
  return (
    `${s.coded} article(s) coded, ${s.stored} stored, ${s.events} event(s), ${rate} sentences/s` +
    `${s.failedAttempts ? `, ${s.failedAttempts} failed attempt(s)` : ""}` +
    `${s.deadLetters ? `, ${s.deadLetters} dead letter(s)` : ""}`
  );
}

export function register(program: Command): void {
  program
    .command("worker")
    .description(
      "code articles from the shared queue into the store; start one per core, on as many machines as you like",
    )
    .requiredOption("--queue <url>", "the job queue: redis://host:6379")
    .requiredOption(
      "--db <url>",
      "the shared store: postgres://user@host/database (or a SQLite file on one machine)",
    )
    .option("-c, --concurrency <n>", "coding threads in this process", positiveInteger, 1)
    .option("--batch <n>", "articles per write transaction", positiveInteger, 50)
    .option(
      "--lock <seconds>",
      "how long a silent (killed, frozen) worker keeps its jobs before others take them over",
      positiveSeconds,
      30,
    )
    .option("-q, --quiet", "no periodic progress lines")
    .addOption(new Option("--task-module <module>", "coding task module (tests)").hideHelp())
    .addHelpText(
      "after",
      "\nRuns until stopped: SIGTERM or Ctrl-C finishes and stores the articles in hand, then exits (twice: at once).\n" +
        "Jobs of a worker that dies are taken over by the others once their lock expires; nothing is lost or doubled.\n" +
        "\nExample:\n  dyad worker --queue redis://queue-host:6379 --db postgres://dyad@db-host/events --concurrency 4",
    )
    .action(async (flags: WorkerFlags) => {
      process.exitCode = await runWorker(flags);
    });
}

async function runWorker(flags: WorkerFlags): Promise<number> {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let stopRequested = false;
  const starting = new AbortController();
  let stop: () => void = () => starting.abort();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopRequested) {
      say(
        `dyad worker: ${signal} again, exiting now (jobs in hand go back to the queue when their lock expires)`,
      );
      process.exit(1);
    }
    say(`dyad worker: ${signal}, finishing the articles in hand…`);
    stop();
    stopRequested = true;
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  try {
    const worker = await startQueueWorker({
      queueUrl: flags.queue,
      dbUrl: flags.db,
      concurrency: flags.concurrency,
      batch: flags.batch,
      lockSeconds: flags.lock,
      ...(flags.taskModule ? { taskModule: flags.taskModule } : {}),
      notice: say,
      signal: starting.signal,
    });
    stop = () => void worker.close();
    if (stopRequested) stop();
    say(
      `dyad worker: coding from ${redactQueueUrl(flags.queue)} into ${redactUrl(flags.db)} ` +
        `with ${flags.concurrency} thread(s)`,
    );
    let lastLine = "";
    const ticker = flags.quiet
      ? null
      : setInterval(() => {
          const line = statsLine(worker.stats, elapsed());
          if (line !== lastLine) say(`dyad worker: ${line}`);
          lastLine = line;
        }, 10_000);
    ticker?.unref();
    try {
      await worker.closed;
    } finally {
      if (ticker) clearInterval(ticker);
    }
    say(`dyad worker: stopped; ${statsLine(worker.stats, elapsed())}`);
    return 0;
  } catch (error) {
    if (error instanceof DyadError) {
      say(error.message);
      return error.code === "USAGE" ? 2 : 1;
    }
    throw error;
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  }
}
