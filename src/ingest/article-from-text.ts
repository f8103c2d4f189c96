import type { Article } from "../types/index.js";
import { articleId } from "./article-id.js";
import type { IngestItem } from "./ingest-item.js";
import { formatSize, INGEST_LIMITS } from "./ingest-limits.js";
import { parsePublicationDate } from "./publication-date.js";

/** What a reader already knows about an article; each field overrides what the text itself says. */
export interface ArticleMeta {
  /** The source's own id (JSONL `id`); otherwise the content hash of the text. */
  readonly id?: string;
  readonly url?: string | null;
  /** Already normalised `YYYY-MM-DD`. */
  readonly published?: string | null;
  readonly title?: string | null;
  /** Line number in `path` (JSONL, feeds): the article's source becomes `path:line`. */
  readonly line?: number;
  /** Take a headline-like first line of plain text as the title (`.txt` files). */
  readonly detectHeadline?: boolean;
  /** What to call the input when it is blank: "empty file" for files, "empty text" for JSONL lines. */
  readonly emptyReason?: string;
}

/** A seed-format first line: `date YYYY-MM-DD Title`, possibly indented. */
const DATE_LINE = /^[ \t]*date[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?=[ \t]|$)[ \t]*(.*)$/i;
const SENTENCE_END = /[.!?…:;,—–-]["'”’)\]]*$/;

interface FirstLine {
  readonly text: string;
  /** Offset just after the line and its line break. */
  readonly next: number;
}

function firstNonEmptyLine(text: string): FirstLine | null {
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(pos, end).replace(/\r$/, "");
    const next = nl === -1 ? text.length : nl + 1;
    if (line.trim().length > 0) return { text: line, next };
    pos = next;
  }
  return null;
}

/** A short line without sentence punctuation at its end, followed by a blank line and more text. */
function headline(text: string, line: FirstLine): boolean {
  const value = line.text.trim();
  if (value.length > 200 || value.split(/\s+/).length > 25 || SENTENCE_END.test(value)) return false;
  const rest = text.slice(line.next);
  return /^[ \t\r]*\n/.test(rest) && rest.trim().length > 0;
}

function rejected(path: string, line: number | undefined, reason: string): IngestItem {
  return { kind: "rejected", rejected: line === undefined ? { path, reason } : { path, line, reason } };
}

/**
 * Builds an article from decoded text. The seed format's first non-empty line `date YYYY-MM-DD Title` (possibly
 * indented) gives the date and title, and the body starts after it; with `detectHeadline`, a headline-like first line
 * (≤ 200 characters, ≤ 25 words, no sentence punctuation at its end, followed by a blank line) gives the title and the
 * body starts after it. `rawText` is always the whole text; the id is `meta.id` or the hash of the whole text.
 * Blank text, text above 5 MB and impossible dates come back as rejections.
 *
 * @example articleFromText(" date 2020-10-22 Talks resume\n\nBody.", "a.txt")
 * // { kind: "article", article: { title: "Talks resume", published: "2020-10-22", bodyStart: 30, ... } }
 */
export function articleFromText(text: string, path: string, meta: ArticleMeta = {}): IngestItem {
  const line = meta.line;
  if (text.trim().length === 0) return rejected(path, line, meta.emptyReason ?? "empty file");
  if (text.length > INGEST_LIMITS.maxArticleChars) {
    const limit = formatSize(INGEST_LIMITS.maxArticleChars);
    return rejected(path, line, `article text is ${formatSize(text.length)}, above the ${limit} limit`);
  }
  let title: string | null = null;
  let published: string | null = null;
  let bodyStart = 0;
  const first = firstNonEmptyLine(text);
  const dateLine = first ? DATE_LINE.exec(first.text) : null;
  if (first && dateLine) {
    const date = parsePublicationDate(dateLine[1] ?? "");
    if (!date.ok) return rejected(path, line, `${date.reason} in the date line`);
    published = date.date;
    title = (dateLine[2] ?? "").trim() || null;
    bodyStart = first.next;
    if (text.slice(bodyStart).trim().length === 0)
      return rejected(path, line, "no article text after the date line");
  } else if (first && meta.detectHeadline && meta.title == null && headline(text, first)) {
    title = first.text.trim();
    bodyStart = first.next;
  }
  const article: Article = {
    id: meta.id ?? articleId(text),
    url: meta.url ?? null,
    published: meta.published ?? published,
    title: meta.title ?? title,
    rawText: text,
    source: line === undefined ? path : `${path}:${line}`,
    bodyStart,
  };
  return { kind: "article", article };
}
