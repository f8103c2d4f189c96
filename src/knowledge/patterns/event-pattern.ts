/** One position of a compiled pattern: a word (any of its lemmas), the target slot `{T}`, or a `*` gap. */
export type PatternWord =
  | { readonly kind: "word"; readonly lemmas: readonly string[] }
  | { readonly kind: "target" }
  | { readonly kind: "gap" };

export interface PatternFlags {
  /** A compound subject acts on each other ("A and B held talks" → A→B and B→A). */
  readonly reciprocal: boolean;
  /** The event has no target (protests, mobilisation, declining comment). */
  readonly notarget: boolean;
  /** Passive voice swaps roles ("was attacked by X" → X is the source). */
  readonly passiveOk: boolean;
  /**
   * The words have frequent non-political uses ("visit", "kill", "strike"): code the event only when the
   * source, and the target unless `notarget`, are actors from the actor knowledge base.
   */
  readonly political: boolean;
  /** The `{T}` actor is the source and the subject the target: "received weapons from {T}", "faces pressure from {T}". */
  readonly inverse: boolean;
}

/** A validated, compiled line of data/events/*.tsv. */
export interface EventPattern {
  /** Stable id used as `EventRecord.pattern`, e.g. `verb:06/062 hold war game`. */
  readonly id: string;
  /** CAMEO code (2–4 digits), present in the ontology. */
  readonly code: string;
  readonly kind: "verb" | "noun";
  /** The pattern as written in the file. */
  readonly text: string;
  readonly words: readonly PatternWord[];
  readonly flags: PatternFlags;
  /** Path of the file (relative to the repository root when inside it) and 1-based line number. */
  readonly file: string;
  readonly line: number;
  /** Higher wins among patterns on the same head: more words, fewer `*` gaps, longer CAMEO code. */
  readonly specificity: number;
}

/** A phrase from data/events/not-events.tsv: where it matches, no event trigger inside it counts ("heart attack"). */
export interface NotEventPhrase {
  readonly text: string;
  readonly words: readonly PatternWord[];
  readonly file: string;
  readonly line: number;
}
