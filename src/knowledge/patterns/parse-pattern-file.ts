import { z } from "zod";
import type { Ontology } from "../ontology/index.js";
import type { EventPattern, NotEventPhrase, PatternFlags, PatternWord } from "./event-pattern.js";

/** A problem found in a pattern file, with its place. */
export interface PatternFileError {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

const FLAG_NAMES = {
  reciprocal: "reciprocal",
  notarget: "notarget",
  "passive-ok": "passiveOk",
  political: "political",
  inverse: "inverse",
} as const;
type FlagName = keyof typeof FLAG_NAMES;

const WORD = /^(?:[a-z0-9][a-z0-9'.-]*|-|'s|')$/;
const MAX_POSITIONS = 12;

const lineSchema = z.object({
  code: z.string().regex(/^\d{2,4}$/, "CAMEO code must be 2-4 digits"),
  kind: z.enum(["verb", "noun"], { error: (iss) => `unknown kind '${String(iss.input)}' (verb or noun)` }),
  pattern: z.string().trim().min(1, "empty pattern"),
  flags: z.array(z.string()),
});

/** File name → CAMEO root ("06-material-cooperation.tsv" → "06"), or null when the name is not `NN-name.tsv`. */
export function rootOfFile(name: string): string | null {
  const m = /^(0[1-9]|1\d|20)-[a-z0-9-]+\.tsv$/.exec(name);
  return m ? (m[1] ?? null) : null;
}

/** Splits a pattern text into compiled positions, or returns the reason it is invalid. */
export function compilePatternText(text: string): PatternWord[] | string {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length === 0 || tokens[0] === "") return "empty pattern";
  if (tokens.length > MAX_POSITIONS) return `pattern has more than ${MAX_POSITIONS} positions`;
  const words: PatternWord[] = [];
  let targets = 0;
  for (const tok of tokens) {
    if (tok === "{T}") {
      targets++;
      words.push({ kind: "target" });
    } else if (tok === "*") {
      words.push({ kind: "gap" });
    } else {
      const lemmas = tok.split("|");
      for (const l of lemmas) {
        if (!WORD.test(l)) return `bad word '${l}' (lowercase lemmas, a|b alternatives, {T} or *)`;
      }
      if (new Set(lemmas).size !== lemmas.length) return `repeated alternative in '${tok}'`;
      words.push({ kind: "word", lemmas });
    }
  }
  if (words[0]?.kind !== "word") return "pattern must start with a word";
  if (targets > 1) return "more than one {T} slot";
  const last = words[words.length - 1];
  if (last?.kind === "gap") return "pattern must not end with *";
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]?.kind;
    const b = words[i]?.kind;
    if (a !== "word" && b !== "word") return "* and {T} must be separated by a word";
  }
  return words;
}

/** 100 per word, 10 for a target slot, -30 per `*` gap, plus the code length (ties go to the longer code). */
export function specificityOf(words: readonly PatternWord[], code: string): number {
  let s = code.length;
  for (const w of words) s += w.kind === "word" ? 100 : w.kind === "target" ? 10 : -30;
  return s;
}

/**
 * Parses one `NN-name.tsv` pattern file. `file` is the path shown in errors; `root` the CAMEO root its codes
 * must belong to. Returns the valid patterns and every problem found (line-numbered, 1-based).
 */
export function parsePatternFile(
  text: string,
  file: string,
  root: string,
  ontology: Ontology,
): { patterns: EventPattern[]; errors: PatternFileError[] } {
  const patterns: EventPattern[] = [];
  const errors: PatternFileError[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i] ?? "";
    if (raw.trim() === "" || raw.trimStart().startsWith("#")) continue;
    const fail = (reason: string) => errors.push({ file, line: lineNo, reason });
    const cells = raw.split("\t").map((c) => c.trim());
    const rest = cells.slice(3);
    const flagCells: string[] = [];
    for (const c of rest) {
      if (c.startsWith("#")) break;
      if (c !== "" && c !== "-") flagCells.push(c);
    }
    if (cells.length < 3) {
      fail("expected 'code<TAB>kind<TAB>pattern[<TAB>flags][<TAB># note]'");
      continue;
    }
    if (flagCells.length > 1) {
      fail("more than one flags column (notes must start with '#')");
      continue;
    }
    const parsed = lineSchema.safeParse({
      code: cells[0],
      kind: cells[1],
      pattern: cells[2],
      flags: flagCells[0] ? flagCells[0].split(",").map((f) => f.trim()) : [],
    });
    if (!parsed.success) {
      fail(parsed.error.issues[0]?.message ?? "invalid line");
      continue;
    }
    const { code, kind, pattern, flags } = parsed.data;
    if (!ontology.cameo(code)) {
      fail(`unknown CAMEO code '${code}'`);
      continue;
    }
    if (!code.startsWith(root)) {
      fail(`code '${code}' is not under root ${root} of this file`);
      continue;
    }
    const words = compilePatternText(pattern);
    if (typeof words === "string") {
      fail(`${words}: '${pattern}'`);
      continue;
    }
    const f = { reciprocal: false, notarget: false, passiveOk: false, political: false, inverse: false };
    let badFlag: string | null = null;
    for (const name of flags) {
      if (!(name in FLAG_NAMES)) {
        badFlag = name;
        break;
      }
      f[FLAG_NAMES[name as FlagName]] = true;
    }
    if (badFlag !== null) {
      fail(`unknown flag '${badFlag}' (reciprocal, notarget, passive-ok, political, inverse)`);
      continue;
    }
    if (f.notarget && words.some((w) => w.kind === "target")) {
      fail("a notarget pattern cannot have a {T} slot");
      continue;
    }
    if (f.inverse && !words.some((w) => w.kind === "target")) {
      fail("an inverse pattern needs a {T} slot (the giver)");
      continue;
    }
    const text = words
      .map((w) => (w.kind === "word" ? w.lemmas.join("|") : w.kind === "target" ? "{T}" : "*"))
      .join(" ");
    const flagsOut: PatternFlags = f;
    patterns.push({
      id: `${kind}:${root}/${code} ${text}`,
      code,
      kind,
      text,
      words,
      flags: flagsOut,
      file,
      line: lineNo,
      specificity: specificityOf(words, code),
    });
  }
  return { patterns, errors };
}

/** Parses data/events/not-events.tsv: one phrase a line (lemmas, `a|b`, `*`; no `{T}`), optionally a `# note` column. */
export function parseNotEventFile(
  text: string,
  file: string,
): { phrases: NotEventPhrase[]; errors: PatternFileError[] } {
  const phrases: NotEventPhrase[] = [];
  const errors: PatternFileError[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    if (raw.trim() === "" || raw.trimStart().startsWith("#")) continue;
    const phrase = (raw.split("\t")[0] ?? "").trim();
    const words = compilePatternText(phrase);
    if (typeof words === "string") errors.push({ file, line: i + 1, reason: `${words}: '${phrase}'` });
    else if (words.some((w) => w.kind === "target"))
      errors.push({ file, line: i + 1, reason: "a not-event phrase has no {T}" });
    else phrases.push({ text: phrase, words, file, line: i + 1 });
  }
  return { phrases, errors };
}
