import { readFileSync } from "node:fs";
import { z } from "zod";
import { DyadError } from "../types/errors.js";
import { MODALITY_STATUSES, type ModalityStatus } from "../types/event.js";

/** The coder's own word lists (data/code/*.tsv): modality cues, discards, verb classes. Validated on load, compiled once. */
export type CueScope = "any" | "before" | "after" | "govern" | "attributive";

export interface Cue {
  readonly status: Exclude<ModalityStatus, "asserted">;
  readonly scope: CueScope;
  readonly words: readonly string[];
  readonly text: string;
  readonly pos: ReadonlySet<string> | null;
  /** A cue ending in "to" that counts only before an infinitive (pos column `INF`): "due to speak", not "due to rain". */
  readonly infinitive: boolean;
}

export interface Phrase {
  readonly words: readonly string[];
  readonly text: string;
}

export interface Lexicon {
  /** Cues keyed by their first word; longest first. */
  readonly cues: ReadonlyMap<string, readonly Cue[]>;
  readonly sport: ReadonlyMap<string, readonly Phrase[]>;
  readonly report: ReadonlySet<string>;
  readonly support: ReadonlySet<string>;
  /** Verbs by which the subject commits itself to the infinitive after them ("vowed to", "pledged to"). */
  readonly commit: ReadonlySet<string>;
  /** Nouns naming people who protest (data/code/nouns.tsv `protester`), lowercase singular and plural. */
  readonly protester: ReadonlySet<string>;
  /**
   * Verbs besides those of saying whose clause may open on a pronoun standing for their subject ("Hamas admitted
   * that it …", "the rebels denied they …"): data/code/verbs.tsv `stance`.
   */
  readonly stance: ReadonlySet<string>;
  /**
   * Agent nouns by the mention's entity id (`agent:…`): their plural form and whether one of them is a person
   * (`person` flag: "it" never points back to "the prime minister" or "officials"). Empty from `loadLexicon`; the
   * pipeline fills it from the actor knowledge with `withAgentNouns`.
   */
  readonly agents: ReadonlyMap<string, AgentNoun>;
}

/** An agent noun as the coder needs it: its plural form and whether one of it is a person. */
export interface AgentNoun {
  readonly plural: string | null;
  readonly person: boolean;
}

/**
 * The lexicon with the actor knowledge's agent nouns (`ActorKnowledge.agents`, extra actor directories included),
 * keyed by the entity id mentions carry (`agent:prime-minister`).
 */
export function withAgentNouns(
  lexicon: Lexicon,
  agents: readonly {
    readonly id: string;
    readonly plural: string | null;
    readonly flags: ReadonlySet<string>;
  }[],
): Lexicon {
  const map = new Map<string, AgentNoun>();
  for (const a of agents)
    map.set(a.id, { plural: a.plural?.toLowerCase() ?? null, person: a.flags.has("person") });
  return { ...lexicon, agents: map };
}

const dataDir = new URL("../../data/code/", import.meta.url);

function rows(file: string): { line: number; cols: string[] }[] {
  const text = readFileSync(new URL(file, dataDir), "utf8");
  const out: { line: number; cols: string[] }[] = [];
  text.split("\n").forEach((raw, i) => {
    const l = raw.replace(/\r$/, "");
    if (!l.trim() || l.startsWith("#")) return;
    out.push({ line: i + 1, cols: l.split("\t") });
  });
  return out;
}

function fail(file: string, line: number, message: string): never {
  throw new DyadError("KNOWLEDGE_INVALID", `data/code/${file}:${line}: ${message}`);
}

const statusSchema = z.enum(MODALITY_STATUSES).exclude(["asserted"]);
const scopeSchema = z.enum(["any", "before", "after", "govern", "attributive"]);

function push<T extends { words: readonly string[] }>(map: Map<string, T[]>, item: T): void {
  const key = item.words[0]!;
  const list = map.get(key) ?? [];
  list.push(item);
  list.sort((a, b) => b.words.length - a.words.length);
  map.set(key, list);
}

/** Splits a cue or phrase into the words tokens will be compared with ("can't" → "ca", "n't" as wink tokenises it). */
export function phraseWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\b(can|ca|wo|do|does|did|is|are|was|were|could|would|should|must|have|has|had)n['’]t\b/g, (m) =>
      m.replace(/n['’]t$/, " n't").replace(/^can /, "ca "),
    )
    .split(/\s+/)
    .filter(Boolean);
}

let cached: Lexicon | undefined;

export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const cues = new Map<string, Cue[]>();
  for (const { line, cols } of rows("modality.tsv")) {
    const [status, scope, text, pos] = cols;
    const s = statusSchema.safeParse(status);
    if (!s.success) fail("modality.tsv", line, `unknown status '${status}'`);
    const sc = scopeSchema.safeParse(scope);
    if (!sc.success) fail("modality.tsv", line, `unknown scope '${scope}'`);
    if (!text?.trim()) fail("modality.tsv", line, "empty cue");
    const words = phraseWords(text);
    const infinitive = pos === "INF";
    if (infinitive && words[words.length - 1] !== "to")
      fail("modality.tsv", line, "INF needs a cue ending in 'to'");
    push(cues, {
      status: s.data,
      scope: sc.data,
      words,
      text,
      pos: pos && !infinitive ? new Set(pos.split("|")) : null,
      infinitive,
    });
  }
  const sport = new Map<string, Phrase[]>();
  for (const { line, cols } of rows("discards.tsv")) {
    const [kind, text] = cols;
    if (!text?.trim()) fail("discards.tsv", line, "empty phrase");
    if (kind === "sport") push(sport, { words: phraseWords(text), text });
    else fail("discards.tsv", line, `unknown kind '${kind}'`);
  }
  const report = new Set<string>();
  const support = new Set<string>();
  const commit = new Set<string>();
  const stance = new Set<string>();
  for (const { line, cols } of rows("verbs.tsv")) {
    const [kind, lemma] = cols;
    if (!lemma?.trim()) fail("verbs.tsv", line, "empty lemma");
    if (kind === "report") report.add(lemma.split(" ")[0]!);
    else if (kind === "support") support.add(lemma);
    else if (kind === "commit") commit.add(lemma);
    else if (kind === "stance") stance.add(lemma);
    else fail("verbs.tsv", line, `unknown class '${kind}'`);
  }
  const protester = new Set<string>();
  for (const { line, cols } of rows("nouns.tsv")) {
    const [kind, word] = cols;
    if (!word?.trim() || /\s/.test(word.trim())) fail("nouns.tsv", line, "one lowercase word expected");
    if (kind === "protester") protester.add(word.trim().toLowerCase());
    else fail("nouns.tsv", line, `unknown class '${kind}'`);
  }
  cached = { cues, sport, report, support, commit, protester, stance, agents: new Map() };
  return cached;
}
