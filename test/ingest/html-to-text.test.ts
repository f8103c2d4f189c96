import assert from "node:assert/strict";
import { test } from "node:test";
import { htmlToText, rootElementName } from "../../src/ingest/index.js";

const cases: [label: string, html: string, text: string][] = [
  ["paragraphs become blank-line separated", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."],
  [
    "inline elements join without breaks",
    "<p>Talks <b>resumed</b> <a href='#'>today</a>.</p>",
    "Talks resumed today.",
  ],
  ["source newlines are spaces", "<p>Talks\n   resumed\ttoday.</p>", "Talks resumed today."],
  ["single br is a line break", "<p>Line one<br>Line two</p>", "Line one\nLine two"],
  ["double br is a paragraph break", "First part<br><br>Second part", "First part\n\nSecond part"],
  ["entities decoded", "<p>A &amp; B &ldquo;quoted&rdquo; &#8212; &nbsp;end</p>", "A & B “quoted” — end"],
  ["scripts and styles dropped", "<p>Kept</p><script>var x = 1;</script><style>p{}</style>", "Kept"],
  ["list items are paragraphs", "<ul><li>First</li><li>Second</li></ul>", "First\n\nSecond"],
  ["table cells separated by spaces", "<table><tr><td>a</td><td>b</td></tr></table>", "a b"],
  ["plain text keeps its paragraphs", "Plain text.\n\nSecond paragraph.", "Plain text.\n\nSecond paragraph."],
  ["empty", "", ""],
];

for (const [label, html, text] of cases) {
  test(`htmlToText: ${label}`, () => {
    assert.equal(htmlToText(html), text);
  });
}

test("rootElementName skips the prolog, comments and doctype", () => {
  assert.equal(
    rootElementName('\ufeff<?xml version="1.0"?>\n<!-- c --><!DOCTYPE rss><rss version="2.0">'),
    "rss",
  );
  assert.equal(rootElementName("<feed xmlns='http://www.w3.org/2005/Atom'>"), "feed");
  assert.equal(rootElementName("<!doctype html><html>"), "html");
  assert.equal(rootElementName("no markup"), null);
});
