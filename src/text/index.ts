/**
 * Annotation stage. Input: the clean text of one article and its publication date. Output: a `Doc` —
 * sentences and tokens (universal POS tags and lowercased lemmas from wink-nlp, with character offsets
 * computed here so that `text.slice(start, end)` is always the token), the wire dateline ("MOSCOW (AP) —"),
 * direct quotes with the noun phrase that says them, and time expressions resolved to days with chrono-node
 * under a news policy (bare weekdays and dates lean to the past unless the clause is future). All offsets
 * are into the clean text; mapping back to the raw article is the caller's job (the clean stage's map).
 */
export { type AnnotateOptions, annotate } from "./annotate.js";
export { MONTH_NAMES, WEEKDAY_NAMES } from "./calendar-words.js";
