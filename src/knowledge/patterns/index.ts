/**
 * Event patterns: reads every `NN-name.tsv` under data/events (one file per CAMEO root), validates each line
 * with zod against the CAMEO ontology, and compiles the patterns once into lookups the coder uses per token:
 * verb patterns by head lemma, noun triggers by first lemma, each list most specific first. Input: the
 * pattern files (format in data/events/README.md). Output: a `PatternIndex`, plus `matchAt`, the pure
 * matcher that applies one pattern at one token of a lemmatised sentence, and `insideNotEvent`, which tells
 * whether a token lies in a phrase that is never an event ("heart attack", "trade war").
 */
import { readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { DyadError } from "../../types/errors.js";
import { loadOntology, type Ontology } from "../ontology/index.js";
import { compilePatterns, type PatternIndex } from "./compile-patterns.js";
import type { EventPattern, NotEventPhrase } from "./event-pattern.js";
import {
  type PatternFileError,
  parseNotEventFile,
  parsePatternFile,
  rootOfFile,
} from "./parse-pattern-file.js";

export type { PatternIndex } from "./compile-patterns.js";
export type { EventPattern, NotEventPhrase, PatternFlags, PatternWord } from "./event-pattern.js";
export { insideNotEvent } from "./inside-not-event.js";
export { MAX_SMALL_GAP, MAX_STAR_GAP, MAX_TARGET_SPAN, matchAt, type PatternMatch } from "./match-at.js";
export {
  compilePatternText,
  type PatternFileError,
  parseNotEventFile,
  parsePatternFile,
} from "./parse-pattern-file.js";

/** The file of phrases that are never events, read from the same folders as the patterns. */
export const NOT_EVENT_FILE = "not-events.tsv";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** The folder the default loader reads. */
export const PATTERN_DIR = fileURLToPath(new URL("../../../data/events/", import.meta.url));

function shownPath(path: string): string {
  const rel = relative(REPO_ROOT, path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel.split("\\").join("/");
}

function normalisedKey(p: EventPattern): string {
  return `${p.kind} ${p.words
    .map((w) => (w.kind === "word" ? [...w.lemmas].sort().join("|") : w.kind === "target" ? "{T}" : "*"))
    .join(" ")}`;
}

/** Reads, validates and compiles the pattern files of `dirs`; throws one DyadError listing every problem. */
export function buildPatternIndex(
  dirs: readonly string[],
  ontology: Ontology = loadOntology(),
): PatternIndex {
  const errors: PatternFileError[] = [];
  const patterns: EventPattern[] = [];
  const notEvents: NotEventPhrase[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir)
        .filter((n) => n.endsWith(".tsv"))
        .sort();
    } catch (cause) {
      throw new DyadError("KNOWLEDGE_INVALID", `cannot read pattern folder '${dir}'`, { cause });
    }
    for (const name of names) {
      const path = join(dir, name);
      const file = shownPath(path);
      if (name === NOT_EVENT_FILE) {
        const parsed = parseNotEventFile(readFileSync(path, "utf8"), file);
        errors.push(...parsed.errors);
        notEvents.push(...parsed.phrases);
        continue;
      }
      const root = rootOfFile(name);
      if (root === null) {
        errors.push({
          file,
          line: 0,
          reason: `file name must be 'NN-name.tsv' with NN a CAMEO root 01-20, or '${NOT_EVENT_FILE}'`,
        });
        continue;
      }
      const parsed = parsePatternFile(readFileSync(path, "utf8"), file, root, ontology);
      errors.push(...parsed.errors);
      patterns.push(...parsed.patterns);
    }
  }
  const seen = new Map<string, EventPattern>();
  for (const p of patterns) {
    const key = normalisedKey(p);
    const before = seen.get(key);
    if (before) {
      errors.push({
        file: p.file,
        line: p.line,
        reason: `duplicate of ${before.file}:${before.line} ('${p.text}' → ${before.code})`,
      });
    } else seen.set(key, p);
  }
  const seenPhrase = new Map<string, NotEventPhrase>();
  for (const ph of notEvents) {
    const key = ph.words.map((w) => (w.kind === "word" ? [...w.lemmas].sort().join("|") : "*")).join(" ");
    const before = seenPhrase.get(key);
    if (before)
      errors.push({ file: ph.file, line: ph.line, reason: `duplicate of ${before.file}:${before.line}` });
    else seenPhrase.set(key, ph);
  }
  if (errors.length > 0) {
    const shown = errors.slice(0, 20).map((e) => `${e.file}:${e.line}: ${e.reason}`);
    const more = errors.length > 20 ? `\n(${errors.length - 20} more)` : "";
    throw new DyadError("KNOWLEDGE_INVALID", `${shown.join("\n")}${more}`);
  }
  return compilePatterns(patterns, notEvents);
}

let cached: PatternIndex | undefined;

/**
 * The compiled event patterns. Without options it reads data/events once per process (cached); with `dirs`
 * it reads those folders instead (not cached).
 */
export function loadPatterns(options?: { dirs?: readonly string[]; ontology?: Ontology }): PatternIndex {
  if (options?.dirs || options?.ontology)
    return buildPatternIndex(options.dirs ?? [PATTERN_DIR], options.ontology);
  if (!cached) cached = buildPatternIndex([PATTERN_DIR]);
  return cached;
}
