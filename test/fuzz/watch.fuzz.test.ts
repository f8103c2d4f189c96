import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { markupDepth, parseFeedList } from "../../src/watch/index.js";
import { anyText, deepHtml, feedXml, htmlSoup, htmlTree } from "./fuzz-inputs.js";
import { fuzzRun } from "./fuzz-settings.js";

// The watcher's own parsing of untrusted text: the feeds file and the nesting estimate it runs on every page and feed.

test("markupDepth: random markup", (t) => {
  const run = fuzzRun("markupDepth: random markup");
  fc.assert(
    fc.property(
      fc.oneof(htmlSoup, htmlTree, deepHtml, feedXml, anyText),
      fc.boolean(),
      run.watch((markup, perItem) => {
        const depth = markupDepth(markup, perItem ? { resetAt: new Set(["item", "entry"]) } : {});
        assert.ok(Number.isInteger(depth) && depth >= 0);
        // Every level needs an opening tag (`<` or an escaped `&lt;`).
        const opens = (markup.match(/<|&lt;/g) ?? []).length;
        assert.ok(depth <= opens, `depth ${depth} with ${opens} opening brackets`);
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});

const LINE = fc.oneof(
  anyText,
  fc.constantFrom(
    "https://example.org/rss",
    "http://127.0.0.1:9/x",
    "file:///tmp/feed.xml",
    "file://bad host/x",
    "ftp://x",
    "https://",
    "http://[::1",
    "# comment",
    "   ",
    "feeds/local.xml",
    "C:\\feeds\\x.xml",
    "https://example.org/a#frag # note",
  ),
);

test("parseFeedList: random feeds files", (t) => {
  const run = fuzzRun("parseFeedList: random feeds files");
  fc.assert(
    fc.property(
      fc.array(LINE, { maxLength: 20 }),
      fc.constantFrom("\n", "\r\n"),
      run.watch((lines, eol) => {
        const list = parseFeedList(lines.join(eol), "/srv/feeds");
        const keys = list.feeds.map((f) => (f.kind === "url" ? f.url : f.path));
        assert.equal(new Set(keys).size, keys.length, "a feed listed twice");
        for (const feed of list.feeds) {
          assert.ok(feed.ref.trim() === feed.ref && feed.ref !== "" && !feed.ref.startsWith("#"));
          if (feed.kind === "url") assert.match(feed.url, /^https?:\/\//);
          else assert.ok(feed.path.startsWith("/"), `not absolute: ${feed.path}`);
        }
        for (const problem of list.problems) assert.match(problem, /^line \d+: /);
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});
