import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { articleFromText } from "./article-from-text.js";
import { feedKind, readFeed, rootElementName } from "./feed-items.js";
import { readHtmlArticle } from "./html-article.js";
import type { IngestItem } from "./ingest-item.js";
import { formatSize, INGEST_LIMITS } from "./ingest-limits.js";
import { jsonlTextArticles, readJsonlFile } from "./jsonl-articles.js";
import { decodeText } from "./text-decoding.js";

const TEXT_EXTENSIONS = [".txt", ".text"];
const HTML_EXTENSIONS = [".html", ".htm", ".xhtml"];
const JSONL_EXTENSIONS = [".jsonl", ".ndjson"];
const FEED_EXTENSIONS = [".xml", ".rss", ".atom"];

/** File extensions read when walking a folder; other files there (README.md, images, .json) are skipped. */
export const ARTICLE_EXTENSIONS: ReadonlySet<string> = new Set([
  ...TEXT_EXTENSIONS,
  ...HTML_EXTENSIONS,
  ...JSONL_EXTENSIONS,
  ...FEED_EXTENSIONS,
]);

/** A human reason for a file-system error. */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return `could not read: ${(error as Error).message}`;
}

function rejected(path: string, reason: string): IngestItem {
  return { kind: "rejected", rejected: { path, reason } };
}

/** Reads decoded markup as a feed when its root element is `<rss>`, `<feed>` or `<rdf:RDF>`, else as an HTML page. */
function markupItems(text: string, path: string, expectFeed: boolean): IngestItem[] {
  const root = rootElementName(text);
  const kind = feedKind(root);
  if (kind) return readFeed(text, path, kind);
  if (expectFeed && root !== null && root.toLowerCase() !== "html") {
    return [rejected(path, `not an RSS or Atom feed (the root element is <${root}>)`)];
  }
  if (expectFeed && root === null)
    return [rejected(path, "not an RSS or Atom feed (no XML root element found)")];
  return [readHtmlArticle(text, path)];
}

/**
 * Reads one file of any supported format, chosen by extension and, for other names, by sniffing the content:
 * `.txt`/`.text` (seed format or plain text), `.html`/`.htm`/`.xhtml` (Readability; a feed if its root is one),
 * `.jsonl`/`.ndjson` (streamed line by line), `.xml`/`.rss`/`.atom` (RSS/Atom feed; an HTML page if its root is
 * `<html>`). Unknown extensions: `<` first → feed or HTML, `{` first → JSONL, otherwise text. Never throws: every
 * problem is yielded as a rejection.
 */
export async function* readArticleFile(path: string): AsyncGenerator<IngestItem> {
  const ext = extname(path).toLowerCase();
  if (JSONL_EXTENSIONS.includes(ext)) {
    yield* readJsonlFile(path);
    return;
  }
  const isText = TEXT_EXTENSIONS.includes(ext);
  try {
    const size = (await stat(path)).size;
    const limit = isText ? INGEST_LIMITS.maxTextFileBytes : INGEST_LIMITS.maxMarkupFileBytes;
    if (size > limit) {
      yield rejected(
        path,
        `file is ${formatSize(size)}, larger than the ${formatSize(limit)} an article file may be`,
      );
      return;
    }
    const bytes = await readFile(path);
    const decoded = decodeText(bytes, { markup: !isText });
    if (!decoded.ok) {
      yield rejected(path, decoded.reason);
      return;
    }
    const text = decoded.text;
    if (isText) {
      yield articleFromText(text, path, { detectHeadline: true });
    } else if (HTML_EXTENSIONS.includes(ext)) {
      yield* markupItems(text, path, false);
    } else if (FEED_EXTENSIONS.includes(ext)) {
      yield* markupItems(text, path, true);
    } else {
      const start = text.trimStart();
      if (start.startsWith("<")) yield* markupItems(text, path, false);
      else if (start.startsWith("{")) yield* jsonlTextArticles(text, path);
      else yield articleFromText(text, path, { detectHeadline: true });
    }
  } catch (error) {
    yield rejected(path, fileErrorReason(error));
  }
}
