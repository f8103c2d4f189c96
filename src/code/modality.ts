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
      const segment = segmentIndexOf(segments, i);
      const shifted =
        cue.words.length === 1 && first === "would" && reportedClause(tokens, segments[segment], lexicon);
      found.push({ cue: shifted ? futureInPast(cue) : cue, start: i, end: i + cue.words.length, segment });
      i += cue.words.length - 1;
      break;
    }
  }
  return found;
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
  const hits: FoundCue[] = [];
  const own = new Set(triggerTokens);
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
    if (c.segment === seg) {
      if (scope === "any") hits.push(c);
      else if ((scope === "before" || scope === "govern") && c.end <= from) hits.push(c);
      else if (scope === "after" && c.start >= to) hits.push(c);
    } else if (scope === "govern" && governed.includes(c.segment)) {
      hits.push(c);
    } else if (c.cue.status === "conditional" && conditionalReach(segments, c.segment, seg)) {
      hits.push(c);
    }
  }
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

/** An if/unless clause qualifies itself and the main clause right before or after it. */
function conditionalReach(segments: readonly Segment[], cueSeg: number, seg: number): boolean {
  const cueSegment = segments[cueSeg];
  if (cueSegment?.opener !== "sub") return false;
  return seg === cueSeg - 1 || seg === cueSeg + 1;
}
