import { readFileSync } from "node:fs";
import Table from "cli-table3";
import type { Command } from "commander";
import { findMentions } from "../../actors/index.js";
import { loadActorKnowledge } from "../../knowledge/actors/index.js";
import { annotate } from "../../text/index.js";
import type { Mention } from "../../types/mention.js";

interface ActorsFlags {
  date?: string;
  format?: "jsonl" | "table";
  actors?: string[];
  stats?: boolean;
}

export function register(program: Command): void {
  program
    .command("actors")
    .description("show the actors dyad finds in a text, their codes and why")
    .argument("[text]", "the text to read ('-' or nothing: read stdin)")
    .option("-d, --date <date>", "the article date YYYY-MM-DD (decides who held which office)")
    .option("-f, --format <format>", "table | jsonl (default: table on a terminal, jsonl otherwise)")
    .option("--actors <dir...>", "extra actor files in dyad's format (see `dyad dict import`)")
    .option("--stats", "print the number of knowledge-base entries of each kind instead")
    .addHelpText(
      "after",
      '\nExamples:\n  dyad actors "Russian President Vladimir Putin met Chinese troops." --date 2020-10-22\n  dyad actors "President Trump spoke." --date 2022-06-01 --format jsonl\n  dyad actors --stats',
    )
    .action((text: string | undefined, flags: ActorsFlags) => {
      process.exitCode = runActors(text, flags);
    });
}

function runActors(text: string | undefined, flags: ActorsFlags): number {
  if (flags.date && !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) {
    process.stderr.write(`dyad: --date '${flags.date}' is not YYYY-MM-DD\n`);
    return 2;
  }
  const toTerminal = process.stdout.isTTY;
  const format = flags.format ?? (toTerminal ? "table" : "jsonl");
  if (format !== "table" && format !== "jsonl") {
    process.stderr.write(`dyad: unknown format '${format}' (use table or jsonl)\n`);
    return 2;
  }
  const knowledge = loadActorKnowledge(flags.actors?.length ? { extraDirs: flags.actors } : {});
  if (flags.stats) {
    const counts = Object.entries(knowledge.counts);
    if (format === "jsonl") process.stdout.write(`${JSON.stringify(knowledge.counts)}\n`);
    else {
      const t = new Table({ head: ["kind", "entries"] });
      for (const [k, v] of counts) t.push([k, String(v)]);
      process.stdout.write(`${t.toString()}\n`);
    }
    return 0;
  }
  const input = text === undefined || text === "-" ? readFileSync(0, "utf8") : text;
  if (!input.trim()) {
    process.stderr.write("dyad: no text given\n");
    return 2;
  }
  const date = flags.date ?? null;
  const mentions = findMentions(annotate(input, { date }), knowledge, date);
  if (format === "jsonl") {
    for (const m of mentions) process.stdout.write(`${JSON.stringify(m)}\n`);
  } else process.stdout.write(`${table(mentions)}\n`);
  process.stderr.write(
    `dyad: ${mentions.length} mention(s)${date ? ` coded for ${date}` : " (no date: people coded by their latest office)"}\n`,
  );
  return 0;
}

function table(mentions: readonly Mention[]): string {
  const t = new Table({ head: ["text", "code", "kind", "why"], colWidths: [34, 12, 13, 70], wordWrap: true });
  for (const m of mentions) t.push([m.text, m.code, m.kind, m.why]);
  return t.toString();
}
