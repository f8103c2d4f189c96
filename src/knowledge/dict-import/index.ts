/**
 * Dictionary import: reads the actor and agent dictionaries of TABARI and PETRARCH (phrases, `+` synonyms,
 * `[CODE date-range]` restrictions, `[~GOV]` agents with `!SET!` substitutions, `#` and `<!-- -->` comments) and
 * converts them to dyad's own actor file format, so users can bring their dictionaries. Input: a dictionary file
 * and its format. Output: the entries read, every line that could not be used (`file:line: reason`), and the dyad
 * TSV files (`<stem>.actors.tsv`, `<stem>.agents.tsv`) that `loadActorKnowledge({ extraDirs })` reads.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { DyadError } from "../../types/errors.js";
import { phraseWords } from "../actors/index.js";
import { dyadActorFile, dyadAgentFile } from "./dyad-dictionary-files.js";
import {
  type DictionaryFormat,
  type ImportedEntry,
  type ImportProblem,
  readClassicDictionary,
} from "./read-classic-dictionary.js";

export { defaultPlural, dyadActorFile, dyadAgentFile, dyadSpelling } from "./dyad-dictionary-files.js";
export {
  type DictionaryFormat,
  type ImportedActor,
  type ImportedAgent,
  type ImportedCode,
  type ImportedEntry,
  type ImportProblem,
  readClassicDictionary,
} from "./read-classic-dictionary.js";

/** What an import read. */
export interface DictionaryImport {
  readonly file: string;
  readonly format: DictionaryFormat;
  readonly entries: readonly ImportedEntry[];
  readonly problems: readonly ImportProblem[];
  readonly counts: {
    readonly lines: number;
    readonly actors: number;
    readonly phrases: number;
    readonly codes: number;
    readonly datedCodes: number;
    readonly agents: number;
    readonly problems: number;
  };
}

/**
 * Reads one classic dictionary file.
 *
 * @example
 * importDictionary("../shared/dictionaries/phoenix/Phoenix.Countries.actors.txt", "petrarch").counts
 * // → { lines: 54526, actors: …, phrases: …, codes: …, datedCodes: …, agents: 0, problems: … }
 */
export function importDictionary(path: string, format: DictionaryFormat): DictionaryImport {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new DyadError("INPUT", `cannot read dictionary '${path}'`, { cause });
  }
  const read = readClassicDictionary(text, path, format);
  const problems = [...read.problems];
  const entries: ImportedEntry[] = [];
  // dyad cannot match phrases with punctuation inside (commas, brackets): leave those out and say so
  for (const e of read.entries) {
    if (e.kind === "agent") {
      if (hasPunctuation(e.singular))
        problems.push({
          file: path,
          line: e.line,
          reason: `agent '${e.singular}' contains punctuation dyad cannot match`,
        });
      else entries.push(e);
      continue;
    }
    const ok = e.phrases.filter((p) => !hasPunctuation(p));
    for (const p of e.phrases)
      if (hasPunctuation(p))
        problems.push({
          file: path,
          line: e.line,
          reason: `phrase '${p}' contains punctuation dyad cannot match`,
        });
    if (ok.length) entries.push({ ...e, phrases: ok });
  }
  problems.sort((a, b) => a.line - b.line);
  let phrases = 0;
  let codes = 0;
  let datedCodes = 0;
  let actors = 0;
  let agents = 0;
  for (const e of entries) {
    if (e.kind === "actor") {
      actors++;
      phrases += e.phrases.length;
      codes += e.codes.length;
      datedCodes += e.codes.filter((c) => c.from || c.to).length;
    } else agents++;
  }
  return {
    file: path,
    format,
    entries,
    problems,
    counts: {
      lines: text.split(/\r?\n/).length,
      actors,
      phrases,
      codes,
      datedCodes,
      agents,
      problems: problems.length,
    },
  };
}

function hasPunctuation(phrase: string): boolean {
  const words = phraseWords(phrase);
  return !words.length || words.some((w) => w.punct);
}

/** Writes the dyad files for an import into `outDir`; returns the paths written. */
export function writeDyadDictionary(result: DictionaryImport, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const stem = basename(result.file)
    .replace(/\.(txt|dict|actors|agents)$/gi, "")
    .replace(/\.(txt|actors|agents)$/gi, "");
  const written: string[] = [];
  const source = basename(result.file);
  if (result.entries.some((e) => e.kind === "actor")) {
    const p = join(outDir, `${stem}.actors.tsv`);
    writeFileSync(p, dyadActorFile(result.entries, stem, source));
    written.push(p);
  }
  if (result.entries.some((e) => e.kind === "agent")) {
    const p = join(outDir, `${stem}.agents.tsv`);
    writeFileSync(p, dyadAgentFile(result.entries, source));
    written.push(p);
  }
  return written;
}
