/**
 * clean: removes scraped page furniture and keeps every sentence of the story. Input: an `Article` (its `rawText`
 * from `bodyStart`). Output: a `CleanText` — the story text, `segments` mapping every clean character back to the
 * raw text (so every span reported later points into the original), and the `removed` raw spans with the rule that
 * removed each. The rules are data in `data/clean/` (validated and compiled once, on first use).
 */
export { cleanArticle, comparableText } from "./clean-article.js";
export {
  type CleanRuleSources,
  type CleanRules,
  compileCleanRules,
  defaultCleanRules,
  LINE_ACTIONS,
  type LineAction,
  type LineRule,
  loadCleanRules,
  SPAN_ACTIONS,
  type SpanAction,
  type SpanRule,
} from "./clean-rules.js";
export { toRawOffset, toRawSpan } from "./raw-offset.js";
