import Table from "cli-table3";
import { type Command, InvalidArgumentError, Option } from "commander";
import { openStore } from "../../store/index.js";
import { DyadError } from "../../types/errors.js";
import { MODALITY_STATUSES, type ModalityStatus } from "../../types/event.js";
import type { Interval, SeriesPoint } from "../../types/store.js";

interface QueryFlags {
  db: string;
  dyad: [string, string];
  interval: Interval;
  from?: string;
  to?: string;
  allStatuses?: boolean;
  status?: ModalityStatus[];
  directed?: boolean;
  format?: "table" | "jsonl";
}

function dyadPair(value: string): [string, string] {
  const m = /^([A-Za-z0-9]{3,})-([A-Za-z0-9]{3,})$/.exec(value.trim());
  if (!m)
    throw new InvalidArgumentError(`expected two actor codes joined by '-', like RUS-CHN, got '${value}'`);
  return [m[1]!.toUpperCase(), m[2]!.toUpperCase()];
}

function day(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError(`expected a date YYYY-MM-DD, got '${value}'`);
  }
  return value;
}

function statuses(value: string): ModalityStatus[] {
  const list = value.split(",").map((s) => s.trim());
  for (const s of list) {
    if (!(MODALITY_STATUSES as readonly string[]).includes(s)) {
      throw new InvalidArgumentError(`unknown status '${s}' (use ${MODALITY_STATUSES.join(", ")})`);
    }
  }
  return list as ModalityStatus[];
}

export function register(program: Command): void {
  program
    .command("query")
    .description("print the event series of a dyad: counts by quad class, Goldstein sum and mean per period")
    .requiredOption("--db <file>", "the store written by `dyad ingest`")
    .requiredOption("--dyad <A-B>", "two actor code prefixes, e.g. RUS-CHN or RUSGOV-CHNMIL", dyadPair)
    .addOption(
      new Option("--interval <interval>", "period length").choices(["day", "week", "month"]).default("month"),
    )
    .option("--from <date>", "first day, YYYY-MM-DD", day)
    .option("--to <date>", "last day, YYYY-MM-DD", day)
    .option("--all-statuses", "count negated, hypothetical, future, conditional and reported events too")
    .option(
      "--status <list>",
      "count only these modality statuses (comma-separated; default asserted)",
      statuses,
    )
    .option("--directed", "only events from the first actor toward the second")
    .addOption(
      new Option(
        "--format <format>",
        "output format (default: table on a terminal, jsonl otherwise)",
      ).choices(["table", "jsonl"]),
    )
    .addHelpText(
      "after",
      "\nExamples:\n  dyad query --db events.db --dyad RUS-CHN --interval month\n  dyad query --db events.db --dyad USA-IRN --from 2020-01-01 --format jsonl",
    )
    .action(async (flags: QueryFlags) => {
      process.exitCode = await runQuery(flags);
    });
}

function table(points: readonly SeriesPoint[]): string {
  const t = new Table({
    head: [
      "period",
      "events",
      "verbal coop",
      "material coop",
      "verbal conflict",
      "material conflict",
      "Goldstein sum",
      "Goldstein mean",
    ],
  });
  for (const p of points) {
    t.push([
      p.t,
      p.count,
      p.byQuad[1],
      p.byQuad[2],
      p.byQuad[3],
      p.byQuad[4],
      p.goldsteinSum.toFixed(1),
      p.goldsteinMean === null ? "" : p.goldsteinMean.toFixed(2),
    ]);
  }
  return t.toString();
}

async function runQuery(flags: QueryFlags): Promise<number> {
  const format = flags.format ?? (process.stdout.isTTY ? "table" : "jsonl");
  const chosen: readonly ModalityStatus[] = flags.allStatuses
    ? MODALITY_STATUSES
    : (flags.status ?? ["asserted"]);
  let store: Awaited<ReturnType<typeof openStore>> | undefined;
  try {
    store = await openStore(flags.db, { mustExist: true });
    const [a, b] = flags.dyad;
    const points = await store.series(a, b, {
      interval: flags.interval,
      statuses: chosen,
      ...(flags.from ? { from: flags.from } : {}),
      ...(flags.to ? { to: flags.to } : {}),
      ...(flags.directed ? { directed: true } : {}),
    });
    if (format === "jsonl") {
      for (const p of points) process.stdout.write(`${JSON.stringify(p)}\n`);
    } else if (points.length === 0) {
      process.stdout.write("(no events)\n");
    } else {
      process.stdout.write(`${table(points)}\n`);
    }
    const total = points.reduce((sum, p) => sum + p.count, 0);
    process.stderr.write(
      `dyad: ${a}–${b}${flags.directed ? " (directed)" : ""}: ${total} event(s) in ${points.length} ${flags.interval}(s), statuses: ${chosen.join(", ")}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DyadError) {
      process.stderr.write(`${error.message}\n`);
      return error.code === "USAGE" ? 2 : 1;
    }
    throw error;
  } finally {
    await store?.close();
  }
}
