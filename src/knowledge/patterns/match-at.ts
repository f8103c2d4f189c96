import { WEEKDAY_NAMES } from "../../text/calendar-words.js";
import type { EventPattern } from "./event-pattern.js";

/** Where a pattern matched: `end` is exclusive, `targetAt` the token index where the target is expected. */
export interface PatternMatch {
  readonly end: number;
  readonly targetAt: number | null;
  /** Token indices of the matched pattern words, in order (the evidence of the trigger). */
  readonly matchedIdx: number[];
}

/** Most words allowed between two consecutive pattern words without a `*`. */
export const MAX_SMALL_GAP = 2;
/** Most words a `*` may stand for. */
export const MAX_STAR_GAP = 4;
/** Most words a `{T}` slot between two pattern words may hold. */
export const MAX_TARGET_SPAN = 6;

const GAP_POS = new Set(["DET", "ADJ", "ADV", "NUM"]);
const POSSESSIVES = new Set(["my", "your", "his", "her", "its", "our", "their", "whose"]);
/** Clause punctuation a `{T}` slot or `*` gap does not run across. */
const SLOT_STOPS = new Set([",", ";", ":", "(", ")", "[", "]", "—", "–", '"', "“", "”"]);
const STAR_STOPS = new Set([",", ";", ":", "(", ")", "[", "]"]);

const scratch = new Int32Array(32);

/** Day words wire copy puts between a verb and its complement ("on Thursday", "yesterday"). */
const DAY_WORDS = new Set([...WEEKDAY_NAMES, "today", "yesterday", "overnight"]);

/** Length of a day phrase starting at `i` ("on Thursday" → 2, "yesterday" → 1), else 0. */
function dayPhraseAt(lemmas: readonly string[], i: number, lim: number): number {
  const w = lemmas[i] ?? "";
  if (DAY_WORDS.has(w)) return 1;
  if (w === "on" && i + 1 < lim && DAY_WORDS.has(lemmas[i + 1] ?? "")) return 2;
  return 0;
}

function smallGapOk(lemma: string, pos: string, nextPos: string): boolean {
  if (GAP_POS.has(pos)) return true;
  if (pos === "PRON") return POSSESSIVES.has(lemma);
  if (pos === "PART") return lemma === "'s" || lemma === "'";
  // noun-noun compounds: "trade sanctions", "ground offensive", "peace talks"
  if (pos === "NOUN" || pos === "PROPN") return nextPos === "NOUN" || nextPos === "PROPN";
  return false;
}

/**
 * Matches `pattern` with its first word at `headIndex` of a lemmatised sentence (lowercase lemmas and wink-nlp
 * POS tags, same length), never reaching `limit` (exclusive). Between consecutive pattern words up to
 * MAX_SMALL_GAP determiners, adjectives, adverbs, numbers, possessive pronouns or `'s` may stand, and nouns
 * when the next matched word is a noun (compounds); a `*` allows up to MAX_STAR_GAP words of any kind; a
 * `{T}` between two words holds 1..MAX_TARGET_SPAN words (not across clause punctuation); a final `{T}` only
 * marks where the target starts. Returns null when the pattern does not match there.
 */
export function matchAt(
  pattern: Pick<EventPattern, "words">,
  lemmas: readonly string[],
  pos: readonly string[],
  headIndex: number,
  limit: number,
): PatternMatch | null {
  const words = pattern.words;
  const first = words[0];
  const lim = Math.min(limit, lemmas.length);
  if (first?.kind !== "word" || headIndex < 0 || headIndex >= lim) return null;
  if (!first.lemmas.includes(lemmas[headIndex] ?? "")) return null;
  let n = 0;
  scratch[n++] = headIndex;
  let cursor = headIndex + 1;
  let targetAt: number | null = null;
  let pendingTarget = false;
  let pendingStar = false;
  for (let w = 1; w < words.length; w++) {
    const pw = words[w]!;
    if (pw.kind === "target") {
      targetAt = cursor;
      pendingTarget = true;
      continue;
    }
    if (pw.kind === "gap") {
      pendingStar = true;
      continue;
    }
    const alts = pw.lemmas;
    let found = -1;
    if (pendingTarget) {
      // the slot holds at least one word
      for (let j = cursor + 1; j < lim && j <= cursor + MAX_TARGET_SPAN; j++) {
        if (SLOT_STOPS.has(lemmas[j - 1] ?? "")) break;
        if (alts.includes(lemmas[j] ?? "")) {
          found = j;
          break;
        }
      }
    } else if (pendingStar) {
      for (let j = cursor; j < lim && j <= cursor + MAX_STAR_GAP; j++) {
        if (alts.includes(lemmas[j] ?? "")) {
          found = j;
          break;
        }
        if (STAR_STOPS.has(lemmas[j] ?? "")) break;
      }
    } else {
      // a day named right after a matched word is no gap word: "gave a warm welcome on Thursday to X"
      const from = cursor + dayPhraseAt(lemmas, cursor, lim);
      cursor = from;
      for (let j = cursor; j < lim && j <= cursor + MAX_SMALL_GAP; j++) {
        if (alts.includes(lemmas[j] ?? "")) {
          let ok = true;
          const nextPos = pos[j] ?? "";
          for (let k = cursor; k < j; k++) {
            if (!smallGapOk(lemmas[k] ?? "", pos[k] ?? "", nextPos)) {
              ok = false;
              break;
            }
          }
          if (ok) {
            found = j;
            break;
          }
        }
      }
    }
    if (found < 0) return null;
    pendingTarget = false;
    pendingStar = false;
    if (n < scratch.length) scratch[n++] = found;
    cursor = found + 1;
  }
  if (pendingTarget && (targetAt === null || targetAt >= lim)) return null;
  const matchedIdx = new Array<number>(n);
  for (let k = 0; k < n; k++) matchedIdx[k] = scratch[k]!;
  return { end: cursor, targetAt, matchedIdx };
}
