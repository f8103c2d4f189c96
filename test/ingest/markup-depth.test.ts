import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { htmlNestingProblem, INGEST_LIMITS, markupDepth } from "../../src/ingest/index.js";

interface Node {
  readonly nodeType: number;
  readonly childNodes: ArrayLike<Node>;
}

/** The depth of the deepest element of the document linkedom builds from `html`, without recursion. */
function parsedDepth(html: string): number {
  const { document } = parseHTML(html);
  let deepest = 0;
  const open: [Node, number][] = [[document as unknown as Node, 0]];
  for (let next = open.pop(); next; next = open.pop()) {
    const [node, depth] = next;
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType !== 1) continue;
      deepest = Math.max(deepest, depth + 1);
      open.push([child, depth + 1]);
    }
  }
  return deepest;
}

test("markupDepth gives the depth the parsed page will have", () => {
  const cases: [label: string, markup: string, depth: number][] = [
    ["plain text", "Talks resumed on Thursday.", 0],
    ["closed elements, the paragraph included", "<div><div><p>x</p></div></div>", 3],
    ["a closing tag closes what was left open inside it", "<div><span><b>x</div><div>y</div>", 3],
    ["paragraphs and list items close their open siblings", "<p>a<p>b<ul><li>c<li>d</ul>", 2],
    ["void elements are leaves", "<div><br><img src=x><hr></div>", 2],
    ["a slash does not close an HTML element", "<span/><span/><span/>", 3],
    ["it does inside SVG", "<svg><g/><g/><g/></svg>", 2],
    ["a thousand unclosed divs", "<div>".repeat(1000), 1000],
    ["paragraphs inside list items nest", "<p><li>".repeat(50), 100],
    ["tags inside a comment", "<!-- <div><div><div> --><section></section>", 1],
    ["tags inside a script", "<script>if (a < b) s = '<div><div>';</script><main>", 1],
    ["a quoted attribute may hold >", "<div title='a > b'><div>x</div></div>", 2],
    ["escaped markup is text", "&lt;div&gt;&lt;div&gt;x&lt;/div&gt;", 0],
    ["comparisons are not tags", "a < b and c > d", 0],
    ["stray closing tags are ignored", "</div></div><div>", 1],
    ["a stray </p> makes an empty paragraph", "<div></p></div>", 2],
  ];
  for (const [label, markup, depth] of cases) {
    assert.equal(markupDepth(markup), depth, label);
    assert.equal(parsedDepth(markup), depth, `${label} (the parser agrees)`);
  }
});

test("markupDepth: elements named in resetAt start the count afresh", () => {
  const feed = "<rss><channel><item><div><div><div></item><item><div></item></channel></rss>";
  assert.equal(markupDepth(feed, { resetAt: new Set(["item", "entry"]) }), 4);
  assert.equal(markupDepth(feed), 6);
});

const NAMES = [
  "div",
  "DIV",
  "p",
  "span",
  "b",
  "li",
  "ul",
  "td",
  "tr",
  "table",
  "tbody",
  "dd",
  "option",
  "select",
  "h2",
  "br",
  "img",
  "input",
  "svg",
  "math",
  "mi",
  "foreignObject",
  "desc",
  "title",
  "script",
  "style",
  "textarea",
  "xmp",
  "html",
  "head",
  "body",
];
const TAG_PIECES = fc.oneof(
  fc.constantFrom(...NAMES).map((n) => `<${n}>`),
  fc.constantFrom(...NAMES).map((n) => `</${n}>`),
  fc.constantFrom(...NAMES).map((n) => `<${n}/>`),
  fc
    .tuple(
      fc.constantFrom(...NAMES),
      fc.constantFrom(' a="1>2"', " a='<p>'", " a=b/", ' ="x>"', " a", " / ", " hidden/x", '="'),
    )
    .map(([n, attr]) => `<${n}${attr}>`),
  fc.constantFrom(
    "<!-- note -->",
    "<!-->",
    "<!--",
    "<![CDATA[<div>]]>",
    "<!DOCTYPE html>",
    "<?php x ?>",
    "</ div>",
    "</>",
    "</9>",
    "<",
    "<<p>",
    "<div",
    "</div ",
    "</SCRIPT>",
    "</scripts>",
    "</br>",
    "</p>",
    ">",
    '"',
  ),
  fc.string({ maxLength: 6 }),
);

test("markupDepth agrees with the parser on random tag soup", () => {
  fc.assert(
    fc.property(fc.array(TAG_PIECES, { maxLength: 60 }), (pieces) => {
      const html = pieces.join("");
      assert.equal(markupDepth(html), parsedDepth(html), JSON.stringify(html));
    }),
    { numRuns: 1500 },
  );
});

test("htmlNestingProblem rejects HTML nested deeper than the limit, with the depth", () => {
  const limit = INGEST_LIMITS.maxHtmlDepth;
  assert.equal(htmlNestingProblem("<div>".repeat(limit)), null);
  assert.equal(htmlNestingProblem("just text"), null);
  assert.equal(
    htmlNestingProblem("<div>".repeat(12_000)),
    `HTML nested 12,000 levels deep (limit ${limit.toLocaleString("en-US")})`,
  );
  assert.match(htmlNestingProblem("<div>".repeat(limit + 1)) ?? "", /^HTML nested \d[\d,]* levels deep/);
});
