import { decodeText, readHtmlArticle } from "../ingest/index.js";
import type { Article } from "../types/article.js";
import { WATCH_USER_AGENT } from "./feed-document.js";
import { FetchFailure, type FetchLimits, fetchResource } from "./fetch-resource.js";

/** An item's page read as an article, or why it could not be (the watcher then uses the feed's own text). */
export type ItemPage =
  | { readonly ok: true; readonly article: Article }
  | { readonly ok: false; readonly reason: string };

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

/**
 * Fetches the page an item links to and reads it with the HTML reader (Readability). The article keeps what the page
 * says and takes what it lacks from the feed item (`item`): url, title, publication date; its source is the link.
 * A network error, a status other than 200, a body that is not HTML, a page with no article, or one the HTML reader
 * refuses (such as a page nested deeper than `INGEST_LIMITS.maxHtmlDepth`, which it rejects before parsing) gives
 * `ok: false` with the reason; only the watcher being stopped throws (a `FetchFailure` with `stopped`).
 */
export async function readItemPage(link: string, item: Article, limits: FetchLimits): Promise<ItemPage> {
  let response: Awaited<ReturnType<typeof fetchResource>>;
  try {
    response = await fetchResource(
      link,
      { "user-agent": WATCH_USER_AGENT, accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.1" },
      limits,
    );
  } catch (error) {
    if (error instanceof FetchFailure && !error.stopped) return { ok: false, reason: error.reason };
    throw error;
  }
  if (response.status !== 200) return { ok: false, reason: `HTTP ${response.status}` };
  const type = response.headers.get("content-type");
  if (type && !HTML_TYPES.test(type.trim())) {
    return { ok: false, reason: `not an HTML page (${type.split(";")[0]?.trim()})` };
  }
  const text = decodeText(response.body, { markup: true });
  if (!text.ok) return { ok: false, reason: text.reason };
  let read: ReturnType<typeof readHtmlArticle>;
  try {
    read = readHtmlArticle(text.text, link);
  } catch (error) {
    // The reader is meant never to throw; should it, the page is treated as unreadable.
    return { ok: false, reason: `could not read the page: ${(error as Error).message}` };
  }
  if (read.kind === "rejected") return { ok: false, reason: read.rejected.reason };
  const page = read.article;
  return {
    ok: true,
    article: {
      ...page,
      url: page.url ?? item.url ?? link,
      title: page.title ?? item.title,
      published: page.published ?? item.published,
      source: link,
    },
  };
}
