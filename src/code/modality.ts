import type { Token } from "../types/doc.js";
import type { Modality, ModalityStatus } from "../types/event.js";
import { type Segment, segmentIndexOf } from "./clauses.js";
import type { Cue, Lexicon } from "./lexicon.js";

/**
 * Modality of an event: asserted, negated, hypothetical, future, conditional or reported_claim, with the cue words
 * that decided it. Cues come from data/code/modality.tsv; their reach is the clause of the trigger (see `CueScope`),
 * governing verbs ("denied that", "accused X of") reach into the clause they introduce, and a following
 * "but … it could …" clause that refers back to the event overrides a present-tense negation ("no need now, but it
 * could be forged in the future" is hypothetical, not negated).
 */
export interface FoundCue {
  readonly cue: Cue;
  readonly start: number; // token index
  readonly end: number; // exclusive
  readonly segment: number;
  /** An attributive cue before a noun phrase ("the alleged fraud"): the phrase's end (exclusive); it reaches only that. */
  readonly phraseEnd?: number;
}

// An "if" clause is the more telling qualifier: "would strike if attacked" is conditional, not merely hypothetical.
const PRIORITY: readonly Exclude<ModalityStatus, "asserted">[] = [
  "conditional",
  "hypothetical",
  "negated",
  "future",
  "reported_claim",
];

function normal(w: string): string {
  return w.includes("’") ? w.replace(/’/g, "'") : w;
}

export function findCues(
  tokens: readonly Token[],
  start: number,
  end: number,
  segments: readonly Segment[],
  lexicon: Lexicon,
): FoundCue[] {
  const found: FoundCue[] = [];
  for (let i = start; i < end; i++) {
    const t = tokens[i]!;
    const first = normal(t.lower);
    const list = lexicon.cues.get(first) ?? (t.lemma !== first ? lexicon.cues.get(t.lemma) : undefined);
    if (!list) continue;
    for (const cue of list) {
      if (i + cue.words.length > end) continue;
      let ok = true;
      for (let k = 0; k < cue.words.length; k++) {
        const tk = tokens[i + k]!;
        const w = cue.words[k]!;
        if (normal(tk.lower) !== w && tk.lemma !== w) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (cue.pos && cue.words.length === 1 && !cue.pos.has(t.pos)) continue;
      // "due to speak" is a plan, "due to sanctions" a cause: such a cue needs an infinitive after it
      if (cue.infinitive && !infinitiveAt(tokens, i + cue.words.length, end)) continue;
      const segment = segmentIndexOf(segments, i);
      const phraseEnd =
        cue.scope === "attributive" ? nounPhraseEnd(tokens, i + cue.words.length, end) : undefined;
      const shifted =
        cue.words.length === 1 && first === "would" && reportedClause(tokens, segments[segment], lexicon);
      found.push({
        cue: shifted ? futureInPast(cue) : cue,
        start: i,
        end: i + cue.words.length,
        segment,
        ...(phraseEnd !== undefined ? { phraseEnd } : {}),
      });
      i += cue.words.length - 1;
      break;
    }
  }
  return found;
}

/** A bare infinitive (optionally after an adverb) starts at `i`: "due to speak", "set to formally sign", "due to be". */
function infinitiveAt(tokens: readonly Token[], i: number, end: number): boolean {
  let k = i;
  if (k < end && tokens[k]!.pos === "ADV") k++;
  const t = tokens[k];
  if (k >= end || !t || (t.pos !== "VERB" && t.pos !== "AUX")) return false;
  // "due to sanctions imposed …": wink may tag a plural noun VERB; an infinitive is its own lemma
  return t.lower === t.lemma || t.lemma === "be" || t.lemma === "have";
}

/**
 * The noun phrase an attributive cue opens at `i` ("alleged [electoral fraud]", "suspected [militants]", "the
 * alleged [killing] of"): adjectives, nouns, proper nouns, numbers, hyphens and an -ing form, and an -ing complement
 * after "in"/"of" ("alleged [involvement in exporting]"); its end (exclusive),
 * or undefined when no noun phrase follows ("critics alleged the army …").
 */
function nounPhraseEnd(tokens: readonly Token[], i: number, end: number): number | undefined {
  let k = i;
  while (k < end) {
    const t = tokens[k]!;
    if (t.pos === "ADJ" || t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM") k++;
    else if (t.text === "-" && k > i && k + 1 < end) k++;
    else if (t.pos === "VERB" && t.lower.endsWith("ing")) k++;
    else break;
  }
  // "his alleged involvement in exporting …": an -ing complement belongs to what is alleged
  const p = tokens[k];
  const v = tokens[k + 1];
  if (
    k > i &&
    k + 1 < end &&
    p &&
    v &&
    (p.lower === "in" || p.lower === "of") &&
    v.pos === "VERB" &&
    v.lower.endsWith("ing")
  )
    k += 2;
  return k > i ? k : undefined;
}

/**
 * A clause reported by a verb of saying ("announced (that) it would free …", "said they would meet"): its "would" is
 * the future seen from the past, not a hypothesis.
 */
function reportedClause(tokens: readonly Token[], segment: Segment | undefined, lexicon: Lexicon): boolean {
  if (!segment || (segment.opener !== "that" && segment.opener !== "report")) return false;
  const before = segment.opener === "that" ? segment.start - 1 : segment.start - 1;
  const v = tokens[before];
  return !!v && v.pos === "VERB" && lexicon.report.has(v.lemma);
}

const shiftedCues = new WeakMap<Cue, Cue>();
function futureInPast(cue: Cue): Cue {
  let c = shiftedCues.get(cue);
  if (!c) {
    c = { ...cue, status: "future" };
    shiftedCues.set(cue, c);
  }
  return c;
}

/** How far the cues of the clause reach a trigger. */
export interface ModalityReach {
  /**
   * The trigger is a noun inside a presupposing phrase ("after the strikes", "amid protests", "over the killing")
   * that starts at this token: the clause's cues do not reach it, only those inside the phrase.
   */
  readonly presupposedFrom?: number;
  /**
   * The event is a speech act (statement, appeal, intent, demand, criticism, rejection, threat): future and
   * hypothetical cues after its words belong to what is said, not to the saying.
   */
  readonly speechAct?: boolean;
}

const BACK_REFERENCE = new Set(["it", "this", "that", "such"]);

/**
 * Decides the modality of a trigger spanning tokens [from, to) in segment `seg`.
 * `triggerTokens` are the tokens the pattern matched: a cue that is itself the trigger ("accused", "threatened to")
 * does not qualify its own event.
 */
export function decideModality(
  tokens: readonly Token[],
  segments: readonly Segment[],
  cues: readonly FoundCue[],
  seg: number,
  from: number,
  to: number,
  triggerTokens: readonly number[],
  reach: ModalityReach = {},
): Modality {
  const hits = reachingCues(segments, cues, seg, from, to, new Set(triggerTokens), reach);
  // "Moscow will respond and impose sanctions", "Turkey would withdraw its troops and reopen the border": a verb
  // coordinated with the one before it, with no subject or auxiliary of its own, shares its modal, future and
  // negation cues ("Russia will not attend, and China has sent a delegation" keeps its own)
  if (reach.presupposedFrom === undefined)
    for (const c of coordinatedCues(tokens, segments, cues, seg, 0)) if (!hits.includes(c)) hits.push(c);
  // "… no need for X now, but [it] could be forged …": a later contrastive clause that refers back overrides.
  for (let s = seg + 1; s < segments.length && hits.some((h) => h.cue.status === "negated"); s++) {
    const g = segments[s]!;
    if (g.opener !== "contrast") continue;
    let refers = false;
    const reach = segments[s + 1]?.end ?? g.end;
    for (let k = g.start; k < reach; k++) if (BACK_REFERENCE.has(tokens[k]!.lower)) refers = true;
    if (!refers) continue;
    const later = cues.filter(
      (c) =>
        (c.segment === s || c.segment === s + 1) &&
        (c.cue.status === "hypothetical" || c.cue.status === "future"),
    );
    if (later.length) hits.push(...later);
    break;
  }
  if (!hits.length) return { status: "asserted", cues: [] };
  hits.sort((a, b) => a.start - b.start);
  let status: Exclude<ModalityStatus, "asserted"> = "reported_claim";
  for (const p of PRIORITY) {
    if (hits.some((h) => h.cue.status === p)) {
      status = p;
      break;
    }
  }
  const words: string[] = [];
  for (const h of hits) {
    const text = tokens
      .slice(h.start, h.end)
      .map((t) => t.text)
      .join(" ")
      .replace(/ (n['’]t)/g, "$1");
    if (!words.includes(text)) words.push(text);
  }
  return { status, cues: words };
}

/** The cues that reach a trigger spanning [from, to) in segment `seg` (see `decideModality`). */
function reachingCues(
  segments: readonly Segment[],
  cues: readonly FoundCue[],
  seg: number,
  from: number,
  to: number,
  own: ReadonlySet<number>,
  reach: ModalityReach,
): FoundCue[] {
  const hits: FoundCue[] = [];
  const governed = governedSegments(segments, seg);
  for (const c of cues) {
    let overlapsTrigger = false;
    for (let k = c.start; k < c.end; k++) if (own.has(k)) overlapsTrigger = true;
    if (overlapsTrigger) continue;
    // "… after a wave of missile strikes": only the cues inside the phrase ("the alleged strikes") qualify it
    if (reach.presupposedFrom !== undefined && (c.start < reach.presupposedFrom || c.end > to)) continue;
    // "agreed to reopen the border next month": the agreement is not future, its content is
    if (reach.speechAct && c.start >= to && (c.cue.status === "future" || c.cue.status === "hypothetical"))
      continue;
    const scope = c.cue.scope;
    // "protested the alleged fraud": the cue qualifies its noun phrase only
    if (c.phraseEnd !== undefined) {
      if (c.segment === seg && from >= c.end && from < c.phraseEnd) hits.push(c);
      continue;
    }
    if (c.segment === seg) {
      if (scope === "any" || scope === "attributive") hits.push(c);
      else if ((scope === "before" || scope === "govern") && c.end <= from) hits.push(c);
      else if (scope === "after" && c.start >= to) hits.push(c);
    } else if (scope === "govern" && governed.includes(c.segment)) {
      hits.push(c);
    } else if (c.cue.status === "conditional" && conditionalReach(segments, c.segment, seg)) {
      hits.push(c);
    }
  }
  return hits;
}

/** Segments whose content is governed by a verb in `seg`'s predecessors: the chain of "that"/"report" clauses before it. */
function governedSegments(segments: readonly Segment[], seg: number): number[] {
  const out: number[] = [];
  for (let s = seg; s > 0; s--) {
    const opener = segments[s]!.opener;
    if (opener !== "that" && opener !== "report" && opener !== "quote") break;
    out.push(s - 1);
  }
  return out;
}

/**
 * An if/unless clause qualifies itself and the main clause right before or after it; a main clause after it
 * carries it on through the clauses joined to it by "and" ("If X, it may be found guilty and fined").
 */
function conditionalReach(segments: readonly Segment[], cueSeg: number, seg: number): boolean {
  const cueSegment = segments[cueSeg];
  if (cueSegment?.opener !== "sub") return false;
  if (seg === cueSeg - 1 || seg === cueSeg + 1) return true;
  if (seg < cueSeg + 2) return false;
  for (let s = cueSeg + 2; s <= seg; s++) if (segments[s]!.opener !== "and") return false;
  return true;
}

type VerbForm = "base" | "ing" | "s" | "past";

/** The inflection of a verb token: bare ("impose"), -ing, third person -s, or past / participle. */
function verbForm(t: Token): VerbForm {
  const w = t.lower;
  if (w === t.lemma) return "base";
  if (w.endsWith("ing")) return "ing";
  if (w.endsWith("s") && (w.startsWith(t.lemma) || w.startsWith(t.lemma.slice(0, -1)))) return "s";
  return "past";
}

const COORDINATORS = new Set(["and", "or"]);
/** Cues of these kinds travel to a coordinated verb; a reported claim belongs to what it qualifies. */
const SHARED: ReadonlySet<ModalityStatus> = new Set(["negated", "hypothetical", "future", "conditional"]);
const BE = new Set(["be", "is", "are", "was", "were", "been", "being", "am"]);

/**
 * The cues a verb heading an "and"/"or" clause shares with the verb it is coordinated with. The clause opens on the
 * verb itself (no subject, no auxiliary of its own: "… and impose sanctions", not "… and China has sent"), and the
 * nearest verb before it in the previous clause has the same inflection and an auxiliary chain the second verb
 * leans on: a modal, "did", "to" before a bare verb ("will respond and impose", "did not arrest or detain", "plans
 * to withdraw its troops and reopen"), "be" before an -ing form or a passive participle ("will be tried and
 * sentenced"). The shared cues are those in that chain, those of the verb governing an infinitive ("urged Iran to
 * halt enrichment and admit inspectors") and those reaching the clause from outside ("denied that its troops had been
 * deployed and stationed …"). A simple past has no such chain: "did not arrest anyone and released them", "had not
 * made any money and apologised" share nothing.
 */
function coordinatedCues(
  tokens: readonly Token[],
  segments: readonly Segment[],
  cues: readonly FoundCue[],
  seg: number,
  depth: number,
): FoundCue[] {
  const g = segments[seg];
  if (!g || seg === 0 || depth > 3 || g.opener !== "and" || g.openerToken < 0) return [];
  if (!COORDINATORS.has(tokens[g.openerToken]!.lower)) return [];
  const v = tokens[g.openerToken + 1];
  if (!v || g.openerToken + 1 >= g.end || v.pos !== "VERB") return [];
  const form = verbForm(v);
  if (form === "s") return [];
  const prev = segments[seg - 1]!;
  let p = -1;
  for (let k = prev.end - 1; k >= prev.start; k--) {
    const t = tokens[k]!;
    // wink sometimes takes a bare verb after an auxiliary for an adjective or noun ("would close/ADJ its border")
    const verb = t.pos === "VERB" || (k > prev.start && tokens[k - 1]!.pos === "AUX" && t.lower === t.lemma);
    if (verb && verbForm(t) === form) {
      p = k;
      break;
    }
  }
  if (p === -1) return [];
  // the auxiliary chain before the verb: "will not", "could", "did not", "plans to", "is expected to be"
  let chain = p;
  let passive = false;
  let infinitive = false;
  while (chain > prev.start) {
    const t = tokens[chain - 1]!;
    const inCue = cues.some((c) => c.start <= chain - 1 && chain - 1 < c.end);
    if (t.pos === "AUX" || t.pos === "PART" || t.pos === "ADV" || t.lower === "to" || inCue) {
      if (BE.has(t.lower)) passive = true;
      if (t.lower === "to" && chain === p) infinitive = true;
      chain--;
    } else break;
  }
  if (chain === p) return [];
  if (form === "past" && !passive) return [];
  const out: FoundCue[] = [];
  for (const c of reachingCues(segments, cues, seg - 1, p, p + 1, new Set(), {})) {
    if (c.end > p || c.phraseEnd !== undefined || !SHARED.has(c.cue.status)) continue;
    if (c.segment !== seg - 1 || c.start >= chain || infinitive) out.push(c);
  }
  for (const c of coordinatedCues(tokens, segments, cues, seg - 1, depth + 1))
    if (!out.includes(c)) out.push(c);
  return out;
}
