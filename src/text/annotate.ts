import type { Doc } from "../types/doc.js";
import { DyadError } from "../types/errors.js";
import { findDateline } from "./find-dateline.js";
import { findQuotes } from "./find-quotes.js";
import { readTokens } from "./read-tokens.js";
import { resolveTimes } from "./resolve-times.js";

/** Options of {@link annotate}. */
export interface AnnotateOptions {
  /** The article's publication date (`YYYY-MM-DD`) that relative time expressions resolve against, or null. */
  readonly date: string | null;
}

const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

/**
 * Annotates clean text: sentences, tokens (POS, lemma), the dateline, direct quotes with their speaker,
 * and time expressions resolved against the article date. Every offset is into `text`.
 *
 * @example
 * annotate("MOSCOW (AP) — Putin spoke Thursday.", { date: "2020-10-22" }).times
 * // → [{ text: "Thursday", start: 26, end: 34, sentence: 0, date: "2020-10-22" }]
 */
export function annotate(text: string, options: AnnotateOptions): Doc {
  if (options.date !== null && !ISO_DATE.test(options.date)) {
    throw new DyadError("USAGE", `annotate: date must be YYYY-MM-DD or null, got "${options.date}"`);
  }
  const { tokens, sentences } = readTokens(text);
  return {
    text,
    date: options.date,
    sentences,
    tokens,
    dateline: findDateline(text),
    quotes: findQuotes(text, tokens, sentences),
    times: resolveTimes(text, tokens, sentences, options.date),
  };
}
