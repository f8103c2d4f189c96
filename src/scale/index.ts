/**
 * Scale on one machine: a pool of worker threads coding articles in parallel, and the corpus ingest that feeds it.
 * Input: paths the readers accept and an open store. Output: the coded articles written to the store in batched,
 * idempotent transactions, with progress and a summary. Workers load the NLP model and knowledge once, then code
 * one article per message; results come back out of order, which the store's order-independent writes absorb.
 */
export {
  type ArticleCoder,
  CodingFailure,
  CodingPool,
  type CodingPoolOptions,
  inThreadCoder,
} from "./coding-pool.js";
export { type CodingResult, type CodingTaskModule, codingResult } from "./coding-result.js";
export { estimateArticles } from "./estimate-articles.js";
export {
  type IngestInput,
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  ingestPaths,
} from "./ingest-paths.js";
