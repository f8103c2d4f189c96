import assert from "node:assert/strict";
import { test } from "node:test";
import { INGEST_LIMITS, type IngestItem, readHtmlArticle } from "../../src/ingest/index.js";

const STORY =
  "The foreign ministers of Peru and Bolivia met in La Paz on Monday and agreed to reopen two border crossings " +
  "that were closed during the floods. Trucks carrying food will be let through first, the ministers said.";
const PARAGRAPHS = `<p>${STORY}</p><p>${STORY}</p>`;

function outcome(item: IngestItem): string {
  return item.kind === "article"
    ? `article: ${item.article.title ?? "(no title)"}`
    : `rejected: ${item.rejected.reason}`;
}

test("readHtmlArticle never throws when <html> appears only inside a comment", () => {
  for (const html of [
    "<!--<html>",
    '<!--<html class="story-body">',
    "<!-- <html> -->",
    "<!--<html><body>-->x",
  ]) {
    const item = readHtmlArticle(html, "comment.html");
    assert.equal(item.kind, "rejected", html);
    if (item.kind === "rejected") assert.match(item.rejected.reason, /^no article found/, html);
  }
  const item = readHtmlArticle(
    `<!-- <html lang="en"> --><title>Crossings reopen</title>${PARAGRAPHS}`,
    "c.html",
  );
  assert.equal(outcome(item), "article: Crossings reopen");
});

test("readHtmlArticle finds the story however the page's root, head and body are written", () => {
  const cases: [label: string, html: string][] = [
    [
      "a complete page",
      `<!DOCTYPE html><html><head><title>T</title></head><body>${PARAGRAPHS}</body></html>`,
    ],
    ["no <html> tag", `<head><title>T</title></head><body>${PARAGRAPHS}</body>`],
    ["no <body> tag (it is optional)", `<html><head><title>T</title></head><div>${PARAGRAPHS}</div></html>`],
    ["content inside <head>", `<html><head><title>T</title><div>${PARAGRAPHS}</div></head></html>`],
    ["a bare fragment after the title", `<meta charset="utf-8"><title>T</title>${PARAGRAPHS}`],
    ["<html> inside a script", `<title>T</title><script>var s = "<html><body>";</script>${PARAGRAPHS}`],
    ["text before <html>", `<title>T</title><p>Intro.</p><html><body>${PARAGRAPHS}</body></html>`],
    ["content after </html>", `<html><head><title>T</title></head><body></body></html>${PARAGRAPHS}`],
  ];
  for (const [label, html] of cases) {
    const item = readHtmlArticle(html, "page.html");
    assert.equal(outcome(item), "article: T", label);
    if (item.kind === "article")
      assert.ok(item.article.rawText.includes("reopen two border crossings"), label);
  }
});

test("readHtmlArticle rejects a page nested deeper than the limit before parsing it, with the depth", () => {
  const depth = 12_000;
  const html = `<html><body>${"<div>".repeat(depth)}${PARAGRAPHS}${"</div>".repeat(depth)}</body></html>`;
  const item = readHtmlArticle(html, "deep.html");
  assert.deepEqual(item, {
    kind: "rejected",
    rejected: {
      path: "deep.html",
      reason: `HTML nested 12,003 levels deep (limit ${INGEST_LIMITS.maxHtmlDepth})`,
    },
  });
});

test("readHtmlArticle still reads a page nested well within the limit", () => {
  const depth = 60;
  const html = `<html><head><title>T</title></head><body>${"<div>".repeat(depth)}${PARAGRAPHS}${"</div>".repeat(depth)}</body></html>`;
  assert.equal(outcome(readHtmlArticle(html, "nested.html")), "article: T");
});
