import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DyadError } from "../types/index.js";

export const SPAN_ACTIONS = ["span", "gallery", "credit", "caption-repeat"] as const;
export const LINE_ACTIONS = ["line", "prefix", "list-heading", "words"] as const;
export type SpanAction = (typeof SPAN_ACTIONS)[number];
export type LineAction = (typeof LINE_ACTIONS)[number];

/** A rule removing furniture from inside a line. `pattern` is global (`g`), with `d` for group indices. */
export interface SpanRule {
  readonly id: string;
  /** Line of the rule in its file. */
  readonly line: number;
  readonly action: SpanAction;
  readonly pattern: RegExp;
  readonly example: string;
}

/** A rule removing whole lines: a pattern anchored at the start (and end, except for `prefix`), or a word list. */
export interface LineRule {
  readonly id: string;
  /** Line of the rule in its file. */
  readonly line: number;
  readonly action: LineAction;
  readonly pattern: RegExp | null;
  /** `words` rules: every allowed word, and the key words of which a line needs at least one. */
  readonly words: ReadonlySet<string> | null;
  readonly keyWords: ReadonlySet<string> | null;
  readonly example: string;
}

/** The compiled rule set the cleaner runs. Compile once, reuse for every article. */
export interface CleanRules {
  readonly spanRules: readonly SpanRule[];
  readonly lineRules: readonly LineRule[];
}

/** The text of the rule files, by role, and the names to quote in error messages. */
export interface CleanRuleSources {
  readonly macros: string;
  readonly agencies: string;
  readonly spanRules: string;
  readonly lineRules: string;
  readonly names?: {
    readonly macros: string;
    readonly agencies: string;
    readonly spanRules: string;
    readonly lineRules: string;
  };
}

const FILE_NAMES = {
  macros: "data/clean/macros.tsv",
  agencies: "data/clean/photo-agencies.txt",
  spanRules: "data/clean/span-rules.tsv",
  lineRules: "data/clean/line-rules.tsv",
};

const ID = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "id must be kebab-case (a-z, 0-9, -)");
const FLAGS = z.enum(["i", "-"], { message: 'flags must be "i" or "-"' });
const spanRow = z.object({
  id: ID,
  action: z.enum(SPAN_ACTIONS, { message: `action must be one of ${SPAN_ACTIONS.join(", ")}` }),
  flags: FLAGS,
  pattern: z.string().min(1, "pattern is empty"),
  example: z.string().min(1, "example is empty"),
});
const lineRow = spanRow.extend({
  action: z.enum(LINE_ACTIONS, { message: `action must be one of ${LINE_ACTIONS.join(", ")}` }),
});

interface Row {
  readonly line: number;
  readonly cells: readonly string[];
}

/** Data lines of a TSV-like file: `#` comments and blank lines skipped, cells split at tabs. */
function rows(text: string): Row[] {
  const out: Row[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "" || line.trimStart().startsWith("#")) return;
    out.push({ line: i + 1, cells: line.split("\t") });
  });
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Words of a line for `words` rules: lower-cased, split at anything that is not a letter, digit, apostrophe or hyphen. */
export function lineWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, ""))
    .filter((w) => w.length > 0);
}

/** Whether a `words` rule removes this line. */
export function wordsRuleMatches(rule: LineRule, text: string): boolean {
  if (!rule.words || !rule.keyWords) return false;
  const words = lineWords(text);
  let key = false;
  for (const w of words) {
    if (/^\d+$/.test(w)) continue;
    if (!rule.words.has(w)) return false;
    if (rule.keyWords.has(w)) key = true;
  }
  return key;
}

class RuleErrors {
  readonly messages: string[] = [];
  add(file: string, line: number, message: string): void {
    this.messages.push(`${file}:${line}: ${message}`);
  }
  throwIfAny(): void {
    if (this.messages.length > 0) {
      throw new DyadError("KNOWLEDGE_INVALID", `invalid cleaning rules:\n  ${this.messages.join("\n  ")}`);
    }
  }
}

function expandMacros(pattern: string, macros: ReadonlyMap<string, string>): string | { error: string } {
  let unknown: string | null = null;
  const expanded = pattern.replace(/(?<!\\[pP])\{([A-Z][A-Z0-9_]+)\}/g, (whole, name: string) => {
    const body = macros.get(name);
    if (body === undefined) {
      unknown ??= name;
      return whole;
    }
    return `(?:${body})`;
  });
  return unknown === null ? expanded : { error: `unknown macro {${unknown}}` };
}

function compileRegExp(source: string, flags: string): RegExp | { error: string } {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    return { error: `pattern does not compile: ${(error as Error).message}` };
  }
}

/**
 * Validates and compiles the cleaning rules from the text of their files. Every problem is collected and reported
 * at once as a `DyadError` (`KNOWLEDGE_INVALID`) naming `file:line`: wrong column count, unknown action or flag,
 * duplicate id, unknown macro, a pattern that does not compile, a pattern that matches the empty string, or an
 * example the rule does not remove.
 */
export function compileCleanRules(sources: CleanRuleSources): CleanRules {
  const names = sources.names ?? FILE_NAMES;
  const errors = new RuleErrors();
  const macros = new Map<string, string>();

  const agencies = rows(sources.agencies)
    .map((r) => r.cells.join("\t").trim())
    .sort((a, b) => b.length - a.length);
  if (agencies.length === 0) errors.add(names.agencies, 1, "no agencies listed");
  macros.set("AGENCY", agencies.map(escapeRegExp).join("|"));

  for (const { line, cells } of rows(sources.macros)) {
    const [name = "", pattern = ""] = cells;
    if (cells.length < 2 || cells.length > 3) {
      errors.add(
        names.macros,
        line,
        `expected 2 or 3 tab-separated columns (name, pattern, note), got ${cells.length}`,
      );
      continue;
    }
    if (!/^[A-Z][A-Z0-9_]+$/.test(name)) {
      errors.add(names.macros, line, `macro name "${name}" must be UPPER_CASE, at least two characters`);
    }
    if (macros.has(name)) errors.add(names.macros, line, `duplicate macro "${name}"`);
    const expanded = expandMacros(pattern, macros);
    if (typeof expanded !== "string") {
      errors.add(names.macros, line, expanded.error);
      continue;
    }
    const compiled = compileRegExp(expanded, "u");
    if (!(compiled instanceof RegExp)) errors.add(names.macros, line, compiled.error);
    macros.set(name, expanded);
  }

  const ids = new Set<string>();
  const parseRows = <T extends z.ZodType>(
    text: string,
    file: string,
    schema: T,
  ): { line: number; row: z.infer<T> }[] => {
    const out: { line: number; row: z.infer<T> }[] = [];
    for (const { line, cells } of rows(text)) {
      if (cells.length < 5 || cells.length > 6) {
        errors.add(
          file,
          line,
          `expected 5 or 6 tab-separated columns (id, action, flags, pattern, example, note), got ${cells.length}`,
        );
        continue;
      }
      const [id, action, flags, pattern, example] = cells;
      const parsed = schema.safeParse({ id, action, flags, pattern, example });
      if (!parsed.success) {
        errors.add(file, line, parsed.error.issues.map((i) => i.message).join("; "));
        continue;
      }
      if (ids.has(id ?? "")) errors.add(file, line, `duplicate rule id "${id}"`);
      ids.add(id ?? "");
      out.push({ line, row: parsed.data });
    }
    return out;
  };

  const spanRules: SpanRule[] = [];
  for (const { line, row } of parseRows(sources.spanRules, names.spanRules, spanRow)) {
    const expanded = expandMacros(row.pattern, macros);
    if (typeof expanded !== "string") {
      errors.add(names.spanRules, line, expanded.error);
      continue;
    }
    const pattern = compileRegExp(expanded, `dgu${row.flags === "i" ? "i" : ""}`);
    if (!(pattern instanceof RegExp)) {
      errors.add(names.spanRules, line, pattern.error);
      continue;
    }
    if (pattern.test("")) errors.add(names.spanRules, line, "pattern matches the empty string");
    pattern.lastIndex = 0;
    if (row.action === "caption-repeat" && new RegExp(`${expanded}|`, "u").exec("")?.length !== 2) {
      errors.add(
        names.spanRules,
        line,
        "a caption-repeat pattern needs exactly one capturing group (the repeated caption)",
      );
    }
    spanRules.push({ id: row.id, line, action: row.action, pattern, example: row.example });
  }

  const lineRules: LineRule[] = [];
  for (const { line, row } of parseRows(sources.lineRules, names.lineRules, lineRow)) {
    if (row.action === "words") {
      const entries = row.pattern.split(/\s+/).filter(Boolean);
      const keys = entries.filter((w) => w.startsWith("*")).map((w) => w.slice(1).toLowerCase());
      if (keys.length === 0) errors.add(names.lineRules, line, "a words rule needs at least one *key word");
      const words = new Set(entries.map((w) => w.replace(/^\*/, "").toLowerCase()));
      lineRules.push({
        id: row.id,
        line,
        action: row.action,
        pattern: null,
        words,
        keyWords: new Set(keys),
        example: row.example,
      });
      continue;
    }
    const expanded = expandMacros(row.pattern, macros);
    if (typeof expanded !== "string") {
      errors.add(names.lineRules, line, expanded.error);
      continue;
    }
    const anchored = row.action === "prefix" ? `^(?:${expanded})` : `^(?:${expanded})$`;
    const pattern = compileRegExp(anchored, `u${row.flags === "i" ? "i" : ""}`);
    if (!(pattern instanceof RegExp)) {
      errors.add(names.lineRules, line, pattern.error);
      continue;
    }
    if (pattern.test("")) errors.add(names.lineRules, line, "pattern matches the empty line");
    lineRules.push({
      id: row.id,
      line,
      action: row.action,
      pattern,
      words: null,
      keyWords: null,
      example: row.example,
    });
  }

  // Every rule must remove its own example: a typo in a pattern shows up at load time, not as junk in the output.
  for (const rule of spanRules) {
    if (!spanRuleFires(rule, rule.example)) {
      errors.add(
        names.spanRules,
        rule.line,
        `rule "${rule.id}" does not remove its example "${rule.example}"`,
      );
    }
  }
  for (const rule of lineRules) {
    if (!lineRuleMatches(rule, rule.example)) {
      errors.add(
        names.lineRules,
        rule.line,
        `rule "${rule.id}" does not remove its example "${rule.example}"`,
      );
    }
  }
  errors.throwIfAny();
  return { spanRules, lineRules };
}

/** Whether a line rule removes this (trimmed) line. */
export function lineRuleMatches(rule: LineRule, text: string): boolean {
  if (rule.action === "words") return text.length <= 200 && wordsRuleMatches(rule, text);
  return text.length <= 800 && rule.pattern !== null && rule.pattern.test(text);
}

function spanRuleFires(rule: SpanRule, text: string): boolean {
  for (const m of text.matchAll(rule.pattern)) {
    if (rule.action !== "caption-repeat") return true;
    if (captionRepeatStart(text, m) !== null) return true;
  }
  return false;
}

/** How far before "less" the caption that it repeats may start. */
const MAX_CAPTION_LOOKBACK = 1500;

/**
 * For a caption-repeat match ("less <caption start> ... more"), where the repeated caption starts earlier in the line,
 * or null when the text after "less" repeats nothing before it (then it is not a folded caption).
 */
export function captionRepeatStart(text: string, match: RegExpMatchArray): number | null {
  const group = match.indices?.[1];
  const at = match.index ?? 0;
  if (!group) return null;
  const repeated = text.slice(group[0], Math.min(group[1], group[0] + 30));
  if (repeated.trim().length < 15) return null;
  // The caption sits just before its folded repeat: look back a bounded distance (linear time on long lines).
  const from = Math.max(0, at - MAX_CAPTION_LOOKBACK);
  const found = text.slice(from, at).lastIndexOf(repeated);
  return found === -1 ? null : from + found;
}

let defaults: CleanRules | null = null;

/** Reads and compiles the rule files in `dir` (default: the package's `data/clean/`). */
export function loadCleanRules(
  dir: string = fileURLToPath(new URL("../../data/clean/", import.meta.url)),
): CleanRules {
  const read = (name: string): string => {
    try {
      return readFileSync(`${dir.replace(/\/?$/, "/")}${name}`, "utf8");
    } catch (error) {
      throw new DyadError("KNOWLEDGE_INVALID", `cannot read cleaning rules "${dir}${name}"`, {
        cause: error,
      });
    }
  };
  return compileCleanRules({
    macros: read("macros.tsv"),
    agencies: read("photo-agencies.txt"),
    spanRules: read("span-rules.tsv"),
    lineRules: read("line-rules.tsv"),
  });
}

/** The package's own rules, loaded and compiled on first use. */
export function defaultCleanRules(): CleanRules {
  defaults ??= loadCleanRules();
  return defaults;
}
