import type { CameoCode, PloverCode } from "../types/event.js";

/** What the coder needs from the event-pattern knowledge (src/knowledge/patterns) — kept structural so tests can pass their own. */
export type PatternWordLike =
  | { readonly kind: "word"; readonly lemmas: readonly string[] }
  | { readonly kind: "target" }
  | { readonly kind: "gap" };

export interface EventPatternLike {
  readonly id: string;
  readonly code: string;
  readonly kind: "verb" | "noun";
  readonly words: readonly PatternWordLike[];
  readonly flags: {
    readonly reciprocal: boolean;
    readonly notarget: boolean;
    readonly passiveOk: boolean;
    /** Frequent non-political uses ("visit", "kill"): code only between political actors (see `isPolitical`). */
    readonly political?: boolean;
    /** The `{T}` actor gives and the subject receives ("received weapons from {T}"): the roles swap. */
    readonly inverse?: boolean;
  };
  readonly specificity: number;
}

export interface PatternMatch {
  readonly end: number;
  readonly targetAt: number | null;
  readonly matchedIdx: readonly number[];
}

export interface PatternSource {
  readonly byHead: ReadonlyMap<string, readonly EventPatternLike[]>;
  readonly nounFirst: ReadonlyMap<string, readonly EventPatternLike[]>;
  match(
    pattern: EventPatternLike,
    lemmas: readonly string[],
    pos: readonly string[],
    headIndex: number,
    limit: number,
  ): PatternMatch | null;
  /** True when token `i` lies inside a phrase that is never an event ("heart attack", "trade war"). */
  insideNotEvent?(lemmas: readonly string[], pos: readonly string[], i: number, limit: number): boolean;
}

export interface OntologySource {
  cameo(code: string): CameoCode | undefined;
  plover(code: string): PloverCode | null;
}
