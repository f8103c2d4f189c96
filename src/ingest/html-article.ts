import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { articleFromText } from "./article-from-text.js";
import { htmlToText } from "./html-to-text.js";
import type { IngestItem } from "./ingest-item.js";
import { INGEST_LIMITS } from "./ingest-limits.js";
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

/** Wraps fragments so that linkedom always builds `<html><head><body>`. */
function completeDocument(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  if (/<body[\s>]/i.test(html)) return `<!DOCTYPE html><html>${html}</html>`;
  return `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

/**
 * Reads one HTML page as an article with Readability over linkedom. `rawText` is the text of the extracted article
 * (paragraphs separated by a blank line), not the HTML: every span later reported points into that text, which is
 * what the coder read. The title comes from `og:title`/`twitter:title`, else Readability's title; the date from
 * `article:published_time` and similar meta tags, `itemprop="datePublished"`, JSON-LD, or `<time datetime>`
 * (unrecognisable values are skipped; an impossible date rejects the page); the url from `<link rel="canonical">`
 * or `og:url`. A page where Readability finds no article (or fewer than 200 characters) is rejected.
 */
export function readHtmlArticle(html: string, path: string): IngestItem {
  const reject = (reason: string): IngestItem => ({ kind: "rejected", rejected: { path, reason } });
  let document: Document;
  try {
    document = parseHTML(completeDocument(html)).document as unknown as Document;
  } catch (error) {
    return reject(`could not parse HTML: ${(error as Error).message}`);
  }
  const metas = metaTags(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null;
  const urls = [canonical, ...URL_META.map((k) => metas.get(k)?.value ?? null)];
  const url = urls.find((u) => u != null && /^https?:\/\//i.test(u.trim()))?.trim() ?? null;
  const metaTitle = TITLE_META.map((k) => cleanLine(metas.get(k)?.value)).find((t) => t !== null) ?? null;
  // Candidates are read before Readability, which rewrites the document.
  const documentTitle = cleanLine(document.title);
  const h1 = cleanLine(document.querySelector("h1")?.textContent);
  const earlyDates = dateCandidates(document, metas, null);

  let parsed: ReturnType<Readability<string>["parse"]>;
  try {
    parsed = new Readability(document as never).parse();
  } catch (error) {
    return reject(`could not extract an article: ${(error as Error).message}`);
  }
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
