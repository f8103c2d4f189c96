import assert from "node:assert/strict";
import { test } from "node:test";
import { type FeedItem, htmlToText, INGEST_LIMITS, readFeed, readHtmlText } from "../../src/ingest/index.js";

const rss = (items: string) =>
  `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Desk</title>\n${items}\n</channel></rss>`;

function summary(item: FeedItem) {
  if (item.kind === "rejected") return { rejected: item.rejected.reason, line: item.rejected.line };
  const { rawText, title, url } = item.article;
  return { text: rawText, title, url, guid: item.guid, textFrom: item.textFrom };
}

test("readFeed: an item with a title and a link but no text reads as its headline, marked as such", () => {
  const items = readFeed(
    rss(
      "<item><title>Chile and Peru sign a fishing accord</title><link>https://desk.example.org/accord</link>" +
        '<guid isPermaLink="false">desk-4411</guid></item>\n' +
        "<item><title>Talks resume</title><description>&lt;p&gt;Talks between the two sides resumed.&lt;/p&gt;</description></item>\n" +
        "<item><link>https://desk.example.org/bare</link></item>",
    ),
    "desk.rss",
    "rss",
  );
  assert.deepEqual(items.map(summary), [
    {
      text: "Chile and Peru sign a fishing accord",
      title: null,
      url: "https://desk.example.org/accord",
      guid: "desk-4411",
      textFrom: "title",
    },
    {
      text: "Talks between the two sides resumed.",
      title: "Talks resume",
      url: null,
      guid: null,
      textFrom: "content",
    },
    { rejected: "feed item has no text and no title (no description, content, summary or title)", line: 5 },
  ]);
});

test("readFeed gives each item's own id: <guid> in RSS, <id> in Atom, rdf:about in RSS 1.0", () => {
  const guids = (xml: string, kind: "rss" | "atom" | "rdf") =>
    readFeed(xml, "f.xml", kind).map((i) => (i.kind === "article" ? i.guid : i.rejected.reason));
  assert.deepEqual(
    guids(
      rss(
        "<item><title>A</title><guid>https://desk.example.org/a</guid><description>Alpha.</description></item>" +
          "<item><title>B</title><link>https://desk.example.org/b</link><description>Beta.</description></item>",
      ),
      "rss",
    ),
    ["https://desk.example.org/a", null],
  );
  assert.deepEqual(
    guids(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>C</title><id>tag:desk.example.org,2021:c</id>' +
        '<link href="https://desk.example.org/c"/><summary>Gamma.</summary></entry></feed>',
      "atom",
    ),
    ["tag:desk.example.org,2021:c"],
  );
  assert.deepEqual(
    guids(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">' +
        '<item rdf:about="https://desk.example.org/d"><title>D</title><link>https://desk.example.org/d</link>' +
        "<description>Delta.</description></item></rdf:RDF>",
      "rdf",
    ),
    ["https://desk.example.org/d"],
  );
});

test("readFeed rejects an item whose HTML is nested too deeply, with the field and depth, and keeps the others", () => {
  const deep = "&lt;div&gt;".repeat(3000);
  const items = readFeed(
    rss(
      `<item><title>Deep</title><description>${deep}Buried.</description></item>\n` +
        "<item><title>Fine</title><description>Ministers met.</description></item>",
    ),
    "deep.rss",
    "rss",
  );
  assert.deepEqual(items.map(summary), [
    {
      rejected: `feed item <description>: HTML nested 3,000 levels deep (limit ${INGEST_LIMITS.maxHtmlDepth})`,
      line: 3,
    },
    { text: "Ministers met.", title: "Fine", url: null, guid: null, textFrom: "content" },
  ]);
});

test("readHtmlText says why deep HTML is not read; htmlToText gives no text for it", () => {
  const deep = `${"<span>".repeat(1000)}Buried.`;
  assert.deepEqual(readHtmlText(deep), {
    ok: false,
    reason: `HTML nested 1,000 levels deep (limit ${INGEST_LIMITS.maxHtmlDepth})`,
  });
  assert.equal(htmlToText(deep), "");
  assert.deepEqual(readHtmlText("<p>Kept.</p>"), { ok: true, text: "Kept." });
});
