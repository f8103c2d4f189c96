import { createWriteStream } from "node:fs";
import Table from "cli-table3";
import type { Command } from "commander";
import { writeEvents } from "../../export/index.js";
import { readPaths } from "../../ingest/index.js";
import { codeArticle, loadKnowledge } from "../../pipeline/index.js";
import { tuneTieringForCoding } from "../../scale/tiering.js";
import type { EventRecord } from "../../types/event.js";
import type { StoredEvent } from "../../types/store.js";

interface CodeFlags {
  format?: "jsonl" | "csv" | "table";
  out?: string;
  strict?: boolean;
  actors?: string[];
}

export function register(program: Command): void {
  program
    .command("code")
    .description("code articles (files or folders) into event records")
    .argument("<paths...>", "files or folders: seed-format .txt, plain .txt, .html, .jsonl, RSS/Atom feeds")
    .option("-f, --format <format>", "jsonl | csv | table (default: table on a terminal, jsonl otherwise)")
    .option("-o, --out <file>", "write the events to FILE instead of stdout")
    .option("--strict", "exit 1 if any input was rejected")
    .option("--actors <dir...>", "extra actor dictionaries in dyad's format (see `dyad dict import`)")
    .addHelpText(
      "after",
      "\nExamples:\n  dyad code samples/\n  dyad code story.html --format csv --out events.csv\n  dyad code feed.jsonl | jq .cameo.code",
    )
    .action(async (paths: string[], flags: CodeFlags) => {
      process.exitCode = await runCode(paths, flags);
    });
}

async function runCode(paths: string[], flags: CodeFlags): Promise<number> {
  const toTerminal = !flags.out && process.stdout.isTTY;
  const format = flags.format ?? (toTerminal ? "table" : "jsonl");
  if (!["jsonl", "csv", "table"].includes(format)) {
    process.stderr.write(`dyad: unknown format '${format}' (use jsonl, csv or table)\n`);
    return 2;
  }
  tuneTieringForCoding(); // this process codes every article itself
  const knowledge = loadKnowledge(flags.actors?.length ? { actorDirs: flags.actors } : {});
  const out = flags.out ? createWriteStream(flags.out) : process.stdout;
  let articles = 0;
  let rejected = 0;
  const collected: EventRecord[] = [];
  for await (const item of readPaths(paths)) {
    if (item.kind === "rejected") {
      rejected++;
      const r = item.rejected;
      process.stderr.write(`dyad: ${r.path}${r.line ? `:${r.line}` : ""}: ${r.reason}\n`);
      continue;
    }
    articles++;
    let events: readonly EventRecord[];
    try {
      events = codeArticle(item.article, { knowledge }).events;
    } catch (err) {
      rejected++;
      process.stderr.write(`dyad: ${item.article.source}: could not be coded: ${(err as Error).message}\n`);
      continue;
    }
    if (format === "jsonl") for (const e of events) out.write(`${JSON.stringify(e)}\n`);
    else collected.push(...events);
  }
  if (format === "csv") await writeEvents(asStored(collected), "csv", out);
  if (format === "table") out.write(`${table(collected)}\n`);
  if (flags.out) await new Promise<void>((resolve) => (out as NodeJS.WritableStream).end(resolve));
  process.stderr.write(`dyad: ${articles} article(s) coded, ${rejected} rejected\n`);
  if (articles === 0) return 1;
  return flags.strict && rejected > 0 ? 1 : 0;
}

async function* asStored(events: readonly EventRecord[]): AsyncGenerator<StoredEvent> {
  for (const e of events) yield { ...e, clusterId: e.articleId, mentions: 1, sources: 1, articles: 1 };
}

function table(events: readonly EventRecord[]): string {
  const t = new Table({
    head: ["date", "source", "event", "target", "modality", "evidence"],
    colWidths: [12, 12, 34, 12, 16, 60],
    wordWrap: true,
  });
  for (const e of events) {
    const trigger = e.evidence.sentence.slice(
      e.evidence.triggerSpan[0] - e.evidence.sentenceSpan[0],
      e.evidence.triggerSpan[1] - e.evidence.sentenceSpan[0],
    );
    t.push([
      e.date ?? "",
      e.source.code,
      `${e.cameo.code} ${e.cameo.name}`,
      e.target?.code ?? "",
      e.modality.status + (e.modality.cues.length ? ` (${e.modality.cues.join(", ")})` : ""),
      `[${trigger}] ${e.evidence.sentence}`,
    ]);
  }
  return events.length ? t.toString() : "(no events)";
}
