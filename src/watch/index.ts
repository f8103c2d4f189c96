/**
 * watch: continuous monitoring of RSS/Atom feeds. Input: a feeds file (feed URLs or local feed files, one per line),
 * an open store and a state file. Output: every new feed item, read from its page (or from the feed's own text when
 * the page cannot be had), coded by the pipeline and written to the store once; feed errors are logged one line each
 * and retried with back-off while the other feeds go on. The state file (items seen, HTTP validators, back-off) is
 * written atomically, so a crash or a restart never ingests an item twice.
 */

/** The nesting check the readers run before parsing HTML; it lives in src/ingest and is re-exported for callers here. */
export { markupDepth } from "../ingest/index.js";
export { type FeedDocument, type FeedValidators, loadFeedDocument } from "./feed-document.js";
export { type FeedList, type FeedRef, feedKey, parseFeedList, readFeedList } from "./feed-list.js";
export { type FetchedResource, FetchFailure, type FetchLimits, fetchResource } from "./fetch-resource.js";
export { type ItemPage, readItemPage } from "./item-page.js";
export {
  type WatchCoder,
  type WatchOptions,
  type WatchRound,
  type WatchSummary,
  watchFeeds,
} from "./watch-feeds.js";
export { type FeedState, forgetOldItems, type SeenItem, WatchState } from "./watch-state.js";
