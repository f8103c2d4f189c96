import assert from "node:assert/strict";
import { test } from "node:test";
import { markupDepth } from "../../src/watch/index.js";

const ITEMS = new Set(["item", "entry"]);

test("markupDepth estimates element nesting in one pass", () => {
  const cases: [label: string, markup: string, depth: number, resetAt?: ReadonlySet<string>][] = [
    ["plain text", "Talks resumed on Thursday.", 0],
    ["closed elements", "<div><div><p>x</p></div></div>", 2],
    ["paragraphs and list items close themselves", "<p>a<p>b<ul><li>c<li>d</ul>", 1],
    ["void and self-closed elements", "<div><br><img src=x><hr/><span/></div>", 1],
    ["a thousand unclosed divs", "<div>".repeat(1000), 1000],
    ["tags inside a comment", "<!-- <div><div><div> --><section></section>", 1],
    ["tags inside a script", "<script>if (a < b) s = '<div><div>';</script><main>", 1],
    ["escaped markup, as in feed descriptions", "&lt;div&gt;&lt;div&gt;x&lt;/div&gt;", 2],
    ["comparisons are not tags", "a < b and c > d", 0],
    ["stray closing tags never go below zero", "</div></div><div>", 1],
    [
      "each feed item is counted afresh",
      "<rss><channel><item><div><div><div></item><item><div></item></channel></rss>",
      3,
      ITEMS,
    ],
  ];
  for (const [label, markup, depth, resetAt] of cases) {
    assert.equal(markupDepth(markup, resetAt ? { resetAt } : {}), depth, label);
  }
});
