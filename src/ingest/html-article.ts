import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { articleFromText } from "./article-from-text.js";
import { htmlToText } from "./html-to-text.js";
import type { IngestItem } from "./ingest-item.js";
import { INGEST_LIMITS } from "./ingest-limits.js";
import { htmlNestingProblem } from "./markup-depth.js";
import { parsePublicationDate } from "./publication-date.js";

/** Meta tags (by `property`, `name` or `itemprop`, lower-cased) that carry the publication date, best first. */
const DATE_META = [
  "article:published_time",
  "og:article:published_time",
  "og:published_time",
  "published_time",
  "datepublished",
  "date",
  "pubdate",
  "publishdate",
  "publish-date",
  "publish_date",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date",
  "dcterms.created",
  "dc.date.created",
  "sailthru.date",
  "parsely-pub-date",
  "article.published",
];
const TITLE_META = ["og:title", "twitter:title", "title", "headline"];
const URL_META = ["og:url", "twitter:url"];

interface Element {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}
interface Document {
  querySelectorAll(selector: string): Iterable<Element>;
  querySelector(selector: string): Element | null;
  readonly title: string;
}

/** The little of linkedom's DOM that shaping a page needs. */
interface PageNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<PageNode>;
  remove(): void;
}
interface PageElement extends PageNode {
  readonly localName: string;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
  append(...nodes: PageNode[]): void;
}
interface PageDocument extends Document {
  readonly childNodes: ArrayLike<PageNode>;
  createElement(name: string): PageElement;
  append(node: PageNode): void;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_TYPE_NODE = 10;

interface Candidate {
  readonly value: string;
  readonly where: string;
}

function metaTags(document: Document): Map<string, Candidate> {
  const found = new Map<string, Candidate>();
  for (const meta of document.querySelectorAll("meta")) {
    const content = meta.getAttribute("content");
    if (content == null || content.trim() === "") continue;
    for (const attr of ["property", "name", "itemprop"]) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !found.has(key)) found.set(key, { value: content.trim(), where: `<meta ${attr}="${key}">` });
    }
  }
  return found;
}

/** `datePublished` anywhere in the page's JSON-LD blocks. */
function jsonLdDates(document: Document): Candidate[] {
  const out: Candidate[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const date = record.datePublished;
    if (typeof date === "string") out.push({ value: date, where: "JSON-LD datePublished" });
    for (const v of Object.values(record)) visit(v, depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""), 0);
    } catch {
      // a broken JSON-LD block carries no usable date
    }
  }
  return out;
}

function dateCandidates(document: Document, metas: Map<string, Candidate>, fromReadability: string | null) {
  const out: Candidate[] = [];
  for (const key of DATE_META) {
    const c = metas.get(key);
    if (c) out.push(c);
  }
  for (const el of document.querySelectorAll('[itemprop="datePublished"]')) {
    const value = el.getAttribute("datetime") ?? el.getAttribute("content") ?? el.textContent;
    if (value?.trim()) out.push({ value: value.trim(), where: '[itemprop="datePublished"]' });
  }
  out.push(...jsonLdDates(document));
  for (const el of document.querySelectorAll("time[datetime]")) {
    const value = el.getAttribute("datetime");
    if (value?.trim()) out.push({ value: value.trim(), where: "<time datetime>" });
  }
  if (fromReadability) out.push({ value: fromReadability, where: "the page metadata" });
  return out;
}

function cleanLine(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/g, " ").trim();
  return v ? v : null;
}

/** Elements that belong in `<head>` when they come before any of the page's content. */
const HEAD_ELEMENTS = new Set(["base", "link", "meta", "noscript", "script", "style", "template", "title"]);

function copyAttributes(from: PageElement, to: PageElement): void {
  for (const { name, value } of Array.from(from.attributes)) {
    if (!to.hasAttribute(name)) to.setAttribute(name, value);
  }
}

/**
 * Parses a page into a document shaped `<html><head>…</head><body>…</body></html>`, whatever the markup: a fragment,
 * a page that leaves out the optional `<html>`, `<head>` or `<body>` tags, `<html>` written only inside a comment or a
 * script, content before or after `<body>`. Head elements (`<title>`, `<meta>`, `<link>`, `<script>`…) that come
 * before any content go to the head, everything else to the body, in document order; the attributes of the page's own
 * `<html>`, `<head>` and `<body>` are kept. Readability and the metadata lookups then always find a root, a head and
 * the whole content in the body.
 */
function pageDocument(html: string): PageDocument {
  const document = parseHTML(html).document as unknown as PageDocument;
  const root = document.createElement("html");
  const head = document.createElement("head");
  const body = document.createElement("body");
  root.append(head, body);
  let inBody = false;
  const place = (node: PageNode): void => {
    if (node.nodeType === DOCUMENT_TYPE_NODE) return;
    if (node.nodeType === ELEMENT_NODE) {
      const element = node as PageElement;
      const name = element.localName.toLowerCase();
      if (name === "html" || name === "head" || name === "body") {
        // Their children are placed one by one (the nesting of these three is bounded by the depth check).
        if (name === "body") inBody = true;
        copyAttributes(element, name === "html" ? root : name === "head" ? head : body);
        for (const child of Array.from(element.childNodes)) place(child);
        element.remove();
        return;
      }
      if (!inBody && HEAD_ELEMENTS.has(name)) {
        head.append(element);
        return;
      }
      inBody = true;
      body.append(element);
      return;
    }
    if (node.nodeType === TEXT_NODE && (node.nodeValue ?? "").trim() !== "") inBody = true;
    (inBody ? body : head).append(node);
  };
  for (const node of Array.from(document.childNodes)) place(node);
  document.append(root);
  return document;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads one HTML page as an article with Readability over linkedom. `rawText` is the text of the extracted article
 * (paragraphs separated by a blank line), not the HTML: every span later reported points into that text, which is
 * what the coder read. The title comes from `og:title`/`twitter:title`, else Readability's title; the date from
 * `article:published_time` and similar meta tags, `itemprop="datePublished"`, JSON-LD, or `<time datetime>`
 * (unrecognisable values are skipped; an impossible date rejects the page); the url from `<link rel="canonical">`
 * or `og:url`. A page where Readability finds no article (or fewer than 200 characters) is rejected, and so is a page
 * nested deeper than `INGEST_LIMITS.maxHtmlDepth` ("HTML nested 12,000 levels deep (limit 250)"), before any parsing.
 * Never throws: should the parser or Readability fail, the page is rejected with their message.
 */
export function readHtmlArticle(html: string, path: string): IngestItem {
  const reject = (reason: string): IngestItem => ({ kind: "rejected", rejected: { path, reason } });
  const tooDeep = htmlNestingProblem(html);
  if (tooDeep) return reject(tooDeep);
  let document: PageDocument;
  try {
    document = pageDocument(html);
  } catch (error) {
    return reject(`could not parse the HTML: ${errorMessage(error)}`);
  }
  try {
    return pageArticle(document, path, reject);
  } catch (error) {
    // Readability and the metadata lookups are not meant to throw on any document; should they, say so plainly.
    return reject(`could not extract an article: ${errorMessage(error)}`);
  }
}

function pageArticle(document: Document, path: string, reject: (reason: string) => IngestItem): IngestItem {
  const metas = metaTags(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null;
  const urls = [canonical, ...URL_META.map((k) => metas.get(k)?.value ?? null)];
  const url = urls.find((u) => u != null && /^https?:\/\//i.test(u.trim()))?.trim() ?? null;
  const metaTitle = TITLE_META.map((k) => cleanLine(metas.get(k)?.value)).find((t) => t !== null) ?? null;
  // Candidates are read before Readability, which rewrites the document.
  const documentTitle = cleanLine(document.title);
  const h1 = cleanLine(document.querySelector("h1")?.textContent);
  const earlyDates = dateCandidates(document, metas, null);

  const parsed = new Readability(document as never).parse();
  if (!parsed?.content) return reject("no article found: Readability found no article content");
  const text = htmlToText(parsed.content);
  if (text.length < INGEST_LIMITS.minHtmlArticleChars) {
    return reject(
      `no article found: Readability extracted only ${text.length} characters (at least ${INGEST_LIMITS.minHtmlArticleChars} needed)`,
    );
  }
  const dates = [...earlyDates];
  if (parsed.publishedTime) dates.push({ value: parsed.publishedTime, where: "the page metadata" });
  let published: string | null = null;
  for (const candidate of dates) {
    const date = parsePublicationDate(candidate.value);
    if (date.ok) {
      published = date.date;
      break;
    }
    if (date.impossible) return reject(`${date.reason} in ${candidate.where}`);
  }
  const title = metaTitle ?? cleanLine(parsed.title) ?? documentTitle ?? h1;
  return articleFromText(text, path, { url, published, title });
}
