import type { Command } from "commander";
import { ACTOR_DATA_DIR, buildActorKnowledge, formatProblem } from "../../knowledge/actors/index.js";
import {
  type DictionaryFormat,
  importDictionary,
  writeDyadDictionary,
} from "../../knowledge/dict-import/index.js";

interface ImportFlags {
  format: string;
  out: string;
}

export function register(program: Command): void {
  const dict = program.command("dict").description("work with actor dictionaries");
  dict
    .command("import")
    .description("convert TABARI/PETRARCH actor and agent dictionaries to dyad's actor files")
    .argument("<files...>", "dictionary files (.actors, .agents, .txt)")
    .requiredOption("--format <format>", "petrarch | tabari")
    .option("-o, --out <dir>", "folder for the dyad files", "dyad-dictionaries")
    .addHelpText(
      "after",
      "\nWrites <name>.actors.tsv and <name>.agents.tsv into the folder (their paths on stdout) and reports on stderr what\n" +
        "was read and every line that could not be used. Use the folder with `dyad code --actors <dir>`.\n\n" +
        "Example:\n  dyad dict import --format petrarch Phoenix.Countries.actors.txt Phoenix.agents.txt --out my-dicts",
    )
    .action((files: string[], flags: ImportFlags) => {
      process.exitCode = runImport(files, flags);
    });
}

function runImport(files: readonly string[], flags: ImportFlags): number {
  if (flags.format !== "petrarch" && flags.format !== "tabari") {
    process.stderr.write(`dyad: unknown dictionary format '${flags.format}' (use petrarch or tabari)\n`);
    return 2;
  }
  const format: DictionaryFormat = flags.format;
  let usable = 0;
  for (const file of files) {
    const result = importDictionary(file, format);
    const c = result.counts;
    process.stderr.write(
      `dyad: ${file}: ${c.lines} lines read: ${c.actors} actors (${c.phrases} phrases, ${c.codes} codes, ${c.datedCodes} with dates), ` +
        `${c.agents} agents; ${c.problems} line(s) not used\n`,
    );
    for (const p of result.problems) process.stderr.write(`  ${p.file}:${p.line}: ${p.reason}\n`);
    for (const path of writeDyadDictionary(result, flags.out)) process.stdout.write(`${path}\n`);
    usable += c.actors + c.agents;
  }
  // Load what was written, as `dyad code --actors` will: anything dyad still rejects is reported too.
  const { knowledge, problems } = buildActorKnowledge([ACTOR_DATA_DIR, flags.out]);
  for (const p of problems) process.stderr.write(`  ${formatProblem(p)}\n`);
  process.stderr.write(
    `dyad: ${flags.out} loads with ${knowledge.counts.phrases} phrases in all; ${problems.length} problem(s)\n`,
  );
  return usable > 0 ? 0 : 1;
}
