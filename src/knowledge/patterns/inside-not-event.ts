import type { PatternIndex } from "./compile-patterns.js";
import { matchAt } from "./match-at.js";

/** How far back a not-event phrase may start and still cover a token. */
const LOOK_BACK = 6;

/**
 * True when token `i` lies inside a not-event phrase ("heart **attack**", "trade **war**", "struck a chord"),
 * so a trigger there is not an event. Same inputs as `matchAt`: lowercase lemmas, wink POS tags, exclusive limit.
 */
export function insideNotEvent(
  index: PatternIndex,
  lemmas: readonly string[],
  pos: readonly string[],
  i: number,
  limit: number = lemmas.length,
): boolean {
  for (let start = Math.max(0, i - LOOK_BACK); start <= i; start++) {
    const phrases = index.notEvents.get(lemmas[start] ?? "");
    if (!phrases) continue;
    for (const phrase of phrases) {
      const m = matchAt(phrase, lemmas, pos, start, limit);
      if (m && i < m.end) return true;
    }
  }
  return false;
}
