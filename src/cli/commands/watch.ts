import { type Command, InvalidArgumentError } from "commander";
import { tuneTieringForCoding } from "../../scale/tiering.js";
import { openStore } from "../../store/index.js";
import { DyadError } from "../../types/errors.js";
import { readFeedList, watchFeeds } from "../../watch/index.js";

interface WatchFlags {
  db: string;
  state?: string;
  interval: number;
  once?: boolean;
  maxItems?: number;
  timeout: number;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a positive whole number, got '${value}'`);
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0) {
    throw new InvalidArgumentError(`expected a number of seconds, got '${value}'`);
  }
  return n;
}

/** The state file beside a SQLite store; other stores need `--state`. */
function defaultStatePath(db: string): string {
  const path = db.replace(/^sqlite:(\/\/)?/i, "");
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(db) || path === ":memory:" || path === "") {
    throw new DyadError("USAGE", `give --state FILE: the watch state cannot be kept beside "${db}"`);
  }
  return `${path}.watch.json`;
}

export function register(program: Command): void {
  program
    .command("watch")
    .description(
      "poll RSS/Atom feeds and store every new item, coded: runs until stopped, or one round with --once",
    )
    .argument("<feeds-file>", "feed URLs (http/https) or local feed files, one per line; # starts a comment")
    .requiredOption("--db <file>", "the store: a SQLite file, created if missing")
    .option("--state <file>", "what the watcher remembers (items seen, back-off) (default: <db>.watch.json)")
    .option(
      "--interval <seconds>",
      "pause between rounds; also the back-off unit for failing feeds",
      seconds,
      300,
    )
    .option("--once", "run one round and exit (for cron and tests)")
    .option(
      "--max-items <n>",
      "at most this many new items per round (the rest wait for later rounds)",
      positiveInteger,
    )
    .option("--timeout <seconds>", "give up on a feed or page request after this long", seconds, 20)
    .addHelpText(
      "after",
      "\nOnly the listed feeds and the pages their items link to are fetched. A feed that fails (unreachable,\n" +
        "HTTP error, timeout, malformed XML) is logged on stderr and retried with back-off; the others go on.\n" +
        "Ctrl-C (or SIGTERM) stops after the item in hand; nothing is ingested twice after a restart.\n" +
        "\nExamples:\n  dyad watch feeds.txt --db events.db\n  dyad watch feeds.txt --db events.db --once --max-items 50",
    )
    .action(async (feedsFile: string, flags: WatchFlags) => {
      process.exitCode = await runWatch(feedsFile, flags);
    });
}

async function runWatch(feedsFile: string, flags: WatchFlags): Promise<number> {
  if (flags.timeout <= 0) {
    process.stderr.write("dyad: --timeout must be above 0 seconds\n");
    return 2;
  }
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (name: NodeJS.Signals) => {
    signals++;
    if (signals > 1) process.exit(130);
    process.stderr.write(`dyad: watch: ${name}: stopping after the item in hand (again to quit at once)\n`);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let store: Awaited<ReturnType<typeof openStore>> | undefined;
  try {
    const statePath = flags.state ?? defaultStatePath(flags.db);
    await readFeedList(feedsFile); // a missing feeds file is reported before the store is created
    store = await openStore(flags.db);
    tuneTieringForCoding(); // the watcher codes every new item in this thread, for as long as it runs
    const summary = await watchFeeds({
      feedsFile,
      store,
      statePath,
      intervalSeconds: flags.interval,
      timeoutSeconds: flags.timeout,
      once: Boolean(flags.once),
      signal: controller.signal,
      ...(flags.maxItems ? { maxItems: flags.maxItems } : {}),
    });
    if (summary.stopped) process.stderr.write("dyad: watch: stopped\n");
    const last = summary.rounds.at(-1);
    // One round where every feed tried failed (the network is down, say): a failure for cron to notice.
    if (flags.once && last && last.failed > 0 && last.changed + last.unchanged + last.backingOff === 0)
      return 1;
    return 0;
  } catch (error) {
    if (error instanceof DyadError) {
      process.stderr.write(`${error.message}\n`);
      return error.code === "USAGE" ? 2 : 1;
    }
    throw error;
  } finally {
    await store?.close();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
