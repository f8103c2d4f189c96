import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Article, Rejected } from "../types/index.js";
import { articleFromText } from "./article-from-text.js";
import { type HtmlText, readHtmlText } from "./html-to-text.js";
import { parsePublicationDate } from "./publication-date.js";

/** The kind of XML document, from its root element. */
export type FeedKind = "rss" | "atom" | "rdf";

/**
 * Where a feed article's text comes from. `"content"`: the item's own text (`content:encoded`, `content`,
 * `description` or `summary`). `"title"`: the item has a title and a link but no text, as in headline-only feeds:
 * `rawText` is the headline (and `title` is null, so that the headline is read as the text rather than dropped as a
 * repeated title), and the story itself is on the page at `article.url`.
 */
export type FeedTextSource = "content" | "title";

/**
 * One `<item>`/`<entry>` of a feed: an article, with the feed's own identifier for the item and where its text came
 * from, or a rejection. An `IngestItem` with two more fields on articles, so it can be used wherever one is expected.
 */
export type FeedItem =
  | {
      readonly kind: "article";
      readonly article: Article;
      /** The item's id in the feed: `<guid>` (RSS 2.0), `<id>` (Atom) or `rdf:about` (RSS 1.0); null when it has none. */
      readonly guid: string | null;
      readonly textFrom: FeedTextSource;
    }
  | { readonly kind: "rejected"; readonly rejected: Rejected };

/** Fields whose inner markup is kept raw and converted to text here (CDATA, escaped HTML or inline XHTML). */
const TEXT_FIELDS = ["title", "description", "content", "summary", "content:encoded"];
const DATE_FIELDS = [
  "pubDate",
  "dc:date",
  "published",
  "updated",
  "a10:updated",
  "dc:created",
  "prism:publicationDate",
];
const BODY_FIELDS = ["content:encoded", "content", "description", "summary"];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  stopNodes: TEXT_FIELDS.map((f) => `*.${f}`),
});

/** The name of the root element of an XML/HTML text, skipping the prolog, comments and doctype. */
export function rootElementName(text: string): string | null {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let guard = 0; guard < 1000; guard++) {
    while (pos < text.length && /\s/.test(text[pos] ?? "")) pos++;
    if (text.startsWith("<?", pos)) {
      const end = text.indexOf("?>", pos);
      if (end === -1) return null;
      pos = end + 2;
    } else if (text.startsWith("<!--", pos)) {
      const end = text.indexOf("-->", pos);
      if (end === -1) return null;
      pos = end + 3;
    } else if (text.startsWith("<!", pos)) {
      const end = text.indexOf(">", pos);
      if (end === -1) return null;
      pos = end + 1;
    } else {
      const m = /^<([A-Za-z_][\w:.-]*)/.exec(text.slice(pos, pos + 200));
      return m?.[1] ?? null;
    }
  }
  return null;
}

/** Which feed a root element makes, or null when it is not one. */
export function feedKind(root: string | null): FeedKind | null {
  if (root === "rss") return "rss";
  if (root === "feed") return "atom";
  if (root === "rdf:RDF" || root === "RDF") return "rdf";
  return null;
}

interface ItemBlock {
  readonly start: number;
  /** Offset after the closing tag; null when the item never closes (a truncated file). */
  readonly end: number | null;
  readonly line: number;
}

/** Finds every `<item>` (or `<entry>`) element, skipping CDATA sections and comments. Linear in the text. */
function itemBlocks(xml: string, tag: string): ItemBlock[] {
  const blocks: ItemBlock[] = [];
  const close = `</${tag}`;
  let line = 1;
  let counted = 0;
  const lineAt = (pos: number): number => {
    for (let i = xml.indexOf("\n", counted); i !== -1 && i < pos; i = xml.indexOf("\n", i + 1)) line++;
    counted = Math.max(counted, pos);
    return line;
  };
  let pos = 0;
  let open: number | null = null;
  while (pos < xml.length) {
    const lt = xml.indexOf("<", pos);
    if (lt === -1) break;
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt);
      pos = end === -1 ? xml.length : end + 3;
      continue;
    }
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt);
      pos = end === -1 ? xml.length : end + 3;
      continue;
    }
    const after = xml[lt + 1 + tag.length] ?? "";
    if (open === null && xml.startsWith(tag, lt + 1) && /[\s>/]/.test(after)) {
      const gt = xml.indexOf(">", lt);
      if (gt !== -1 && xml[gt - 1] === "/") {
        blocks.push({ start: lt, end: gt + 1, line: lineAt(lt) });
        pos = gt + 1;
        continue;
      }
      open = lt;
    } else if (open !== null && xml.startsWith(close, lt) && /[\s>]/.test(xml[lt + close.length] ?? "")) {
      const gt = xml.indexOf(">", lt);
      const end = gt === -1 ? xml.length : gt + 1;
      blocks.push({ start: open, end: gt === -1 ? null : end, line: lineAt(open) });
      open = null;
      pos = end;
      continue;
    }
    pos = lt + 1;
  }
  if (open !== null) blocks.push({ start: open, end: null, line: lineAt(open) });
  return blocks;
}

const XML_ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([\da-fA-F]{1,6}));/g;
const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeXmlEntities(text: string): string {
  return text.replace(
    XML_ENTITY,
    (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (name) return NAMED[name] ?? whole;
      const code = dec ? Number(dec) : Number.parseInt(hex ?? "", 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

/** Inner XML of a text field → the HTML (or plain text) it stands for: CDATA kept as is, escaped markup decoded. */
function fieldMarkup(raw: string): string {
  let out = "";
  let pos = 0;
  while (pos < raw.length) {
    const start = raw.indexOf("<![CDATA[", pos);
    if (start === -1) {
      out += decodeXmlEntities(raw.slice(pos));
      break;
    }
    out += decodeXmlEntities(raw.slice(pos, start));
    const end = raw.indexOf("]]>", start);
    out += raw.slice(start + 9, end === -1 ? raw.length : end);
    pos = end === -1 ? raw.length : end + 3;
  }
  return out;
}

const NO_TEXT: HtmlText = { ok: true, text: "" };

/** The text of a feed field (HTML, escaped HTML, CDATA, inline XHTML or plain text), or why it was not read. */
function fieldText(value: unknown): HtmlText {
  const node = Array.isArray(value) ? value[0] : value;
  if (typeof node === "string") return readHtmlText(fieldMarkup(node));
  if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    const raw = typeof record["#text"] === "string" ? record["#text"] : "";
    const type = typeof record["@_type"] === "string" ? record["@_type"].toLowerCase() : "";
    if (type === "xhtml" || type === "application/xhtml+xml") return readHtmlText(raw);
    if (type === "text" || type === "text/plain") {
      const text = fieldMarkup(raw)
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s+/g, " ").trim())
        .filter(Boolean)
        .join("\n\n");
      return { ok: true, text };
    }
    return readHtmlText(fieldMarkup(raw));
  }
  return NO_TEXT;
}

function plainValue(value: unknown): string | null {
  const node = Array.isArray(value) ? value[0] : value;
  if (typeof node === "string") return node.trim() || null;
  if (node && typeof node === "object") {
    const text = (node as Record<string, unknown>)["#text"];
    return typeof text === "string" ? text.trim() || null : null;
  }
  return null;
}

function itemLink(item: Record<string, unknown>): string | null {
  const links = Array.isArray(item.link) ? item.link : item.link === undefined ? [] : [item.link];
  let fallback: string | null = null;
  for (const link of links) {
    if (typeof link === "string" && link.trim()) return link.trim();
    if (link && typeof link === "object") {
      const record = link as Record<string, unknown>;
      const href = typeof record["@_href"] === "string" ? record["@_href"].trim() : "";
      const rel = typeof record["@_rel"] === "string" ? record["@_rel"] : "alternate";
      if (href && rel === "alternate") return href;
      if (href && !fallback) fallback = href;
      const text = plainValue(record);
      if (text && !fallback) fallback = text;
    }
  }
  if (fallback) return fallback;
  const guid = item.guid;
  const guidText = plainValue(guid);
  const permalink = !(
    guid &&
    typeof guid === "object" &&
    (guid as Record<string, unknown>)["@_isPermaLink"] === "false"
  );
  return guidText && permalink && /^https?:\/\//i.test(guidText) ? guidText : null;
}

/** The item's own identifier: `<guid>` (RSS 2.0), `<id>` (Atom) or the `rdf:about` attribute (RSS 1.0). */
function itemGuid(item: Record<string, unknown>): string | null {
  const about = item["@_rdf:about"];
  return (
    plainValue(item.guid) ?? plainValue(item.id) ?? (typeof about === "string" ? about.trim() || null : null)
  );
}

function itemToArticle(item: Record<string, unknown>, path: string, line: number): FeedItem {
  const reject = (reason: string): FeedItem => ({ kind: "rejected", rejected: { path, line, reason } });
  let published: string | null = null;
  for (const field of DATE_FIELDS) {
    const value = plainValue(item[field]);
    if (value === null) continue;
    const date = parsePublicationDate(value);
    if (!date.ok) return reject(`feed item has an ${date.reason} in <${field}>`);
    published = date.date;
    break;
  }
  let text = "";
  for (const field of BODY_FIELDS) {
    if (item[field] === undefined) continue;
    const candidate = fieldText(item[field]);
    if (!candidate.ok) return reject(`feed item <${field}>: ${candidate.reason}`);
    if (candidate.text.length > text.length) text = candidate.text;
  }
  let title: string | null = null;
  if (item.title !== undefined) {
    const read = fieldText(item.title);
    if (!read.ok) return reject(`feed item <title>: ${read.reason}`);
    title = read.text.replace(/\s+/g, " ").trim() || null;
  }
  const url = itemLink(item);
  const guid = itemGuid(item);
  if (text.trim() === "") {
    if (title === null)
      return reject("feed item has no text and no title (no description, content, summary or title)");
    // A headline-only item: the headline is its text, and its page (if it links one) has the story.
    const read = articleFromText(title, path, { line, published, url });
    return read.kind === "article" ? { ...read, guid, textFrom: "title" } : read;
  }
  const read = articleFromText(text, path, { line, published, title, url });
  return read.kind === "article" ? { ...read, guid, textFrom: "content" } : read;
}

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed: each `<item>`/`<entry>` becomes an article whose `rawText` is its
 * content (`content:encoded`, `content`, `description` or `summary`, whichever is longest) stripped of HTML, with the
 * title, link (→ url) and `pubDate`/`published`/`updated` (→ published), plus the item's `guid` (`<guid>`, `<id>` or
 * `rdf:about`) and `textFrom: "content"`. An item with a title but no text (a headline-only feed) becomes an article
 * whose text is the headline, marked `textFrom: "title"`, so that a caller with network access (`dyad watch`) can
 * fetch the story from its link; an item with neither is rejected. Items are parsed one by one, so a broken or
 * truncated item is rejected (with its line) and the other items are still read; so is an item whose HTML is nested
 * deeper than `INGEST_LIMITS.maxHtmlDepth`. Source is `path:line`.
 */
export function readFeed(xml: string, path: string, kind: FeedKind): FeedItem[] {
  const tag = kind === "atom" ? "entry" : "item";
  const blocks = itemBlocks(xml, tag);
  if (blocks.length === 0)
    return [{ kind: "rejected", rejected: { path, reason: `feed has no <${tag}> elements` } }];
  const out: FeedItem[] = [];
  for (const block of blocks) {
    const line = block.line;
    if (block.end === null) {
      out.push({
        kind: "rejected",
        rejected: { path, line, reason: `feed <${tag}> never closes (the file was probably truncated)` },
      });
      continue;
    }
    const xmlItem = xml.slice(block.start, block.end);
    const valid = XMLValidator.validate(xmlItem);
    if (valid !== true) {
      const where = line + valid.err.line - 1;
      out.push({
        kind: "rejected",
        rejected: { path, line: where, reason: `broken feed <${tag}>: ${valid.err.msg}` },
      });
      continue;
    }
    let parsed: unknown;
    try {
      parsed = (parser.parse(xmlItem) as Record<string, unknown>)[tag];
    } catch (error) {
      out.push({
        kind: "rejected",
        rejected: { path, line, reason: `broken feed <${tag}>: ${(error as Error).message}` },
      });
      continue;
    }
    const item = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    out.push(itemToArticle(item, path, line));
  }
  return out;
}
