import assert from "node:assert/strict";
import { test } from "node:test";
import { parseFeedList } from "../../src/watch/index.js";

test("parseFeedList reads feed URLs and local paths, skipping comments and reporting unusable lines", () => {
  const text = [
    "# world news",
    "https://news.example.org/world/rss.xml",
    "",
    "   http://EXAMPLE.org/feed?x=1#top   # a trailing comment",
    "feeds/local.xml",
    "/srv/feeds/absolute.atom",
    "file:///srv/feeds/from-url.xml",
    "ftp://example.org/feed.xml",
    "https://news.example.org/world/rss.xml",
    "https://bad host/feed",
    "\r",
  ].join("\r\n");
  const { feeds, problems } = parseFeedList(text, "/home/analyst");
  assert.deepEqual(
    feeds.map((f) => [f.kind, f.ref, f.kind === "url" ? f.url : f.path]),
    [
      ["url", "https://news.example.org/world/rss.xml", "https://news.example.org/world/rss.xml"],
      ["url", "http://EXAMPLE.org/feed?x=1#top", "http://example.org/feed?x=1#top"],
      ["file", "feeds/local.xml", "/home/analyst/feeds/local.xml"],
      ["file", "/srv/feeds/absolute.atom", "/srv/feeds/absolute.atom"],
      ["file", "file:///srv/feeds/from-url.xml", "/srv/feeds/from-url.xml"],
    ],
  );
  assert.deepEqual(problems, [
    'line 8: only http(s) URLs and local files can be watched: "ftp://example.org/feed.xml"',
    'line 9: listed twice: "https://news.example.org/world/rss.xml"',
    'line 10: not a valid URL: "https://bad host/feed"',
  ]);
});

test("an empty or comment-only feeds file lists no feeds", () => {
  for (const text of ["", "\n\n", "# nothing yet\n  # still nothing\n"]) {
    assert.deepEqual(parseFeedList(text, "/x"), { feeds: [], problems: [] });
  }
});
