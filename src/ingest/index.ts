/**
 * ingest: the readers. Input: paths to files or folders (seed-format and plain `.txt`, `.html` pages, `.jsonl` with
 * one article per line, RSS/Atom feeds). Output: a stream of `IngestItem`s, each an `Article` (stable id, url,
 * `YYYY-MM-DD` publication date, title, the raw text every later span points into, source, body start) or a
 * `Rejected` input with its path, line and a clear reason. Bad input never throws and is never dropped silently,
 * and one bad article never costs the good ones beside it; HTML nested deeper than `INGEST_LIMITS.maxHtmlDepth` is
 * rejected before it is parsed, so no input makes a reader hang.
 */

export { ARTICLE_EXTENSIONS, readArticleFile } from "./article-file.js";
export { type ArticleMeta, articleFromText } from "./article-from-text.js";
export { articleId } from "./article-id.js";
export {
  type FeedItem,
  type FeedKind,
  type FeedTextSource,
  feedKind,
  readFeed,
  rootElementName,
} from "./feed-items.js";
export { readHtmlArticle } from "./html-article.js";
export { type HtmlText, htmlToText, readHtmlText } from "./html-to-text.js";
export type { IngestItem } from "./ingest-item.js";
export { INGEST_LIMITS } from "./ingest-limits.js";
export { jsonlArticle, jsonlTextArticles, readJsonlFile } from "./jsonl-articles.js";
export { htmlNestingProblem, markupDepth } from "./markup-depth.js";
export { type PublicationDate, parsePublicationDate } from "./publication-date.js";
export { readPaths } from "./read-paths.js";
export { type DecodedText, decodeText } from "./text-decoding.js";
