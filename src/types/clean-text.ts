import type { Span } from "./span.js";

/** A run of clean text copied verbatim from the raw text. */
export interface CleanSegment {
  readonly cleanStart: number;
  readonly rawStart: number;
  readonly length: number;
}

/** The story text with page furniture removed, and the map back into the raw text. */
export interface CleanText {
  readonly text: string;
  /** Ordered by cleanStart; characters between segments are separators the cleaner inserted (e.g. "\n\n"). */
  readonly segments: readonly CleanSegment[];
  /** Raw spans that were removed, each with the rule that removed it. */
  readonly removed: readonly { readonly span: Span; readonly reason: string }[];
}
