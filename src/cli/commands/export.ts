import type { Command } from "commander";
import { EXPORT_FORMATS, type ExportFormat, FLAT_EVENT_COLUMNS, writeEvents } from "../../export/index.js";
import { eventFilterQuery } from "../../server/api-schemas.js";
import { withoutUndefined } from "../../server/without-undefined.js";
import { openStore } from "../../store/open-store.js";
import type { Store } from "../../store/store.js";
import { DyadError } from "../../types/errors.js";

interface ExportFlags {
  db: string;
  format: string;
  out?: string;
  source?: string;
  target?: string;
  actor?: string;
  root?: string;
  code?: string;
  quad?: string;
  status?: string;
  from?: string;
  to?: string;
  q?: string;
}

const FILTER_FLAGS = [
  "source",
  "target",
  "actor",
  "root",
  "code",
  "quad",
  "status",
  "from",
  "to",
  "q",
] as const;

export function register(program: Command): void {
  program
    .command("export")
    .description(
      "write the stored (de-duplicated) events as JSONL, CSV, Parquet, a GDELT-like table or PLOVER JSON",
    )
    .requiredOption("--db <file>", "the store (SQLite file written by `dyad ingest`)")
    .option("-f, --format <format>", `${EXPORT_FORMATS.join(" | ")}`, "jsonl")
    .option("-o, --out <file>", "write to FILE instead of stdout")
    .option("--source <code>", "source actor code prefix (RUS matches RUSGOV)")
    .option("--target <code>", "target actor code prefix")
    .option("--actor <code>", "actor code prefix on either side")
    .option("--root <nn>", "CAMEO root, e.g. 19")
    .option("--code <code>", "CAMEO code, e.g. 0312")
    .option("--quad <1-4>", "quad class")
    .option("--status <list>", "modality statuses, comma-separated, or all (default: all)")
    .option("--from <date>", "first date YYYY-MM-DD, inclusive")
    .option("--to <date>", "last date YYYY-MM-DD, inclusive")
    .option("--q <words>", "full-text search in the article text")
    .addHelpText(
      "after",
      `
Formats:
  jsonl    one stored event per line, as the API returns it
  csv      flattened columns: ${FLAT_EVENT_COLUMNS.map((c) => c.name).join(", ")}
  parquet  the same columns, typed (strings, INT32, DOUBLE, DATE); needs --out
  gdelt    GDELT 2.0's 61 event columns, tab-separated with a header, then DyadEventID, ArticleID,
           ModalityStatus, Confidence
  plover   one PLOVER JSON record per line (event, mode, context, actor, actor_country, recipient, ...)
           with modality and evidence spans; events of CAMEO roots PLOVER dropped are left out

Examples:
  dyad export --db events.db --format csv --out events.csv
  dyad export --db events.db --format parquet --out rus-chn.parquet --source RUS --target CHN
  dyad export --db events.db --format gdelt --from 2021-01-01 --status asserted > events.tsv`,
    )
    .action(async (flags: ExportFlags) => {
      try {
        process.exitCode = await runExport(flags);
      } catch (err) {
        if (!(err instanceof DyadError)) throw err;
        process.stderr.write(`${err.message}\n`);
        process.exitCode = err.code === "USAGE" ? 2 : 1;
      }
    });
}

/** Article URLs for the gdelt/plover exports, looked up once per article (the cache is bounded). */
function articleUrls(store: Store): (articleId: string) => Promise<string | null> {
  const cache = new Map<string, string | null>();
  return async (id) => {
    const known = cache.get(id);
    if (known !== undefined) return known;
    const row = await store.db.selectFrom("articles").select("url").where("id", "=", id).executeTakeFirst();
    if (cache.size >= 50_000) cache.clear();
    cache.set(id, row?.url ?? null);
    return row?.url ?? null;
  };
}

async function runExport(flags: ExportFlags): Promise<number> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(flags.format)) {
    process.stderr.write(
      `dyad: unknown export format "${flags.format}" (use ${EXPORT_FORMATS.join(", ")})\n`,
    );
    return 2;
  }
  const format = flags.format as ExportFormat;
  if (format === "parquet" && !flags.out && process.stdout.isTTY) {
    process.stderr.write("dyad: Parquet is binary: give --out FILE or redirect stdout\n");
    return 2;
  }
  const given: Record<string, string> = {};
  for (const name of FILTER_FLAGS)
    if (flags[name] !== undefined && flags[name] !== "") given[name] = flags[name]!;
  const parsed = eventFilterQuery.safeParse(given);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      process.stderr.write(`dyad: --${issue.path.join(".")}: ${issue.message}\n`);
    }
    return 2;
  }
  const store = await openStore(flags.db, { mustExist: true });
  try {
    const started = Date.now();
    const count = await writeEvents(
      store.streamEvents(withoutUndefined(parsed.data)),
      format,
      flags.out ?? process.stdout,
      {
        articleUrl: articleUrls(store),
      },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `dyad: ${count} event(s) exported as ${format}${flags.out ? ` to ${flags.out}` : ""} in ${seconds}s\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
