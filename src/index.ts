/**
 * dyad — raw news in; evidence-linked, modality-aware political events (CAMEO + PLOVER) out.
 * The library entry: `codeArticle` codes one article end to end; the stage functions are exported for callers who
 * want one step (read, clean, annotate, find actors).
 */
export { findMentions } from "./actors/index.js";
export { cleanArticle, toRawSpan } from "./clean/index.js";
export {
  type CodedArticle,
  type CodeOptions,
  codeArticle,
  codeText,
  type Knowledge,
  loadKnowledge,
  warmUp,
} from "./pipeline/index.js";
export { annotate } from "./text/index.js";
export * from "./types/index.js";
