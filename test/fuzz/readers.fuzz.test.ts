import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import fc from "fast-check";
import {
  articleFromText,
  decodeText,
  type FeedKind,
  feedKind,
  htmlToText,
  type IngestItem,
  jsonlArticle,
  jsonlTextArticles,
  parsePublicationDate,
  readArticleFile,
  readFeed,
  readHtmlArticle,
  rootElementName,
} from "../../src/ingest/index.js";
import {
  anyText,
  dateLike,
  deepHtml,
  feedXml,
  fileBytes,
  htmlSoup,
  htmlTree,
  jsonLine,
  jsonlText,
  politicalSalad,
} from "./fuzz-inputs.js";
import { fuzzRun } from "./fuzz-settings.js";
import { assertArticle, assertIngestItem, assertIsoDate } from "./invariants.js";

// Property-based tests of the readers: whatever the input, a reader yields articles that satisfy the invariants or
// rejections with a reason; it never throws and never hangs (see hang-watchdog.ts).
const dir = mkdtempSync(join(tmpdir(), "dyad-fuzz-readers-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("decodeText: random, truncated and re-encoded bytes", (t) => {
  const run = fuzzRun("decodeText: random, truncated and re-encoded bytes");
  fc.assert(
    fc.property(
      fileBytes,
      fc.boolean(),
      run.watch((bytes, markup) => {
        const decoded = decodeText(bytes, { markup });
        if (decoded.ok) {
          assert.equal(typeof decoded.text, "string");
          assert.ok(!decoded.text.startsWith("\uFEFF"), "a byte-order mark was kept");
        } else {
          assert.ok(decoded.reason.length > 0);
        }
        // Valid UTF-8 without a BOM or NULs is read as UTF-8, character for character (unless it is control noise).
        const utf8 = Buffer.from(bytes);
        const isUtf8 = utf8.length > 0 && Buffer.from(utf8.toString("utf8"), "utf8").equals(utf8);
        if (decoded.ok && isUtf8 && utf8[0] !== 0xef && !utf8.includes(0) && decoded.encoding === "utf-8") {
          assert.equal(decoded.text, utf8.toString("utf8"));
        }
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});

test("parsePublicationDate: random and date-like strings", (t) => {
  const run = fuzzRun("parsePublicationDate: random and date-like strings");
  fc.assert(
    fc.property(
      fc.oneof(dateLike, anyText, fc.string({ maxLength: 2000 })),
      run.watch((value) => {
        const date = parsePublicationDate(value);
        if (date.ok) assertIsoDate(date.date, `parsePublicationDate(${JSON.stringify(value)})`);
        else assert.ok(date.reason.length > 0 && date.reason.length < 200, "reason missing or not bounded");
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});

test("articleFromText: random text, date lines and headlines", (t) => {
  const run = fuzzRun("articleFromText: random text, date lines and headlines");
  const text = fc.oneof(
    anyText,
    politicalSalad,
    fc
      .tuple(
        fc.constantFrom("", " ", "\t", "\n", "\r\n"),
        dateLike,
        anyText,
        fc.constantFrom("\n", "\r\n", "\n\n", ""),
        politicalSalad,
      )
      .map(([pad, date, title, nl, body]) => `${pad}date ${date} ${title}${nl}${body}`),
    fc
      .tuple(politicalSalad, fc.constantFrom("\n\n", "\r\n\r\n", "\n"), politicalSalad)
      .map(([a, nl, b]) => `${a}${nl}${b}`),
  );
  fc.assert(
    fc.property(
      text,
      fc.boolean(),
      run.watch((value, detectHeadline) => {
        const item = articleFromText(value, "fuzz.txt", { detectHeadline });
        assertIngestItem(item, "fuzz.txt");
        if (item.kind === "article") {
          assert.equal(item.article.rawText, value, "rawText must be the text as given");
          assert.equal(item.article.source, "fuzz.txt");
        }
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});

test("jsonlArticle: random JSON values and broken lines", (t) => {
  const run = fuzzRun("jsonlArticle: random JSON values and broken lines");
  fc.assert(
    fc.property(
      fc.oneof(
        { weight: 3, arbitrary: jsonLine.map((line) => ({ line, file: false })) },
        { weight: 1, arbitrary: jsonlText.map((line) => ({ line, file: true })) },
      ),
      run.watch(({ line, file }) => {
        const items: IngestItem[] = file
          ? [...jsonlTextArticles(line, "fuzz.jsonl")]
          : [jsonlArticle(line, "fuzz.jsonl", 7)];
        assert.ok(items.length > 0, "no item at all: an input was dropped silently");
        for (const item of items) {
          assertIngestItem(item, "fuzz.jsonl");
          if (item.kind === "rejected")
            assert.ok(item.rejected.line !== undefined || file, "a line reject needs its line");
          else assert.match(item.article.source, /^fuzz\.jsonl:\d+$/);
        }
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});

test("readFeed: random feed-like XML", (t) => {
  const run = fuzzRun("readFeed: random feed-like XML");
  fc.assert(
    fc.property(
      feedXml,
      fc.constantFrom("rss", "atom", "rdf", "root", "root", "root", "root"),
      run.watch((xml, choice) => {
        // Mostly the kind its root element says (as readArticleFile does), sometimes a mismatched one.
        const kind = choice === "root" ? (feedKind(rootElementName(xml)) ?? "rss") : (choice as FeedKind);
        const items = readFeed(xml, "fuzz.xml", kind);
        assert.ok(items.length > 0, "a feed yields at least one item or one rejection");
        for (const item of items) {
          assertIngestItem(item, "fuzz.xml");
          if (item.kind === "article") assert.match(item.article.source, /^fuzz\.xml:\d+$/);
        }
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});

test("htmlToText: random and deeply nested HTML", (t) => {
  const run = fuzzRun("htmlToText: random and deeply nested HTML");
  fc.assert(
    fc.property(
      fc.oneof(
        { weight: 3, arbitrary: htmlSoup },
        { weight: 2, arbitrary: htmlTree },
        { weight: 1, arbitrary: deepHtml },
      ),
      run.watch((html) => {
        const text = htmlToText(html);
        assert.equal(typeof text, "string");
        assert.ok(!/\n{3,}/.test(text), "more than one blank line between paragraphs");
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});

test("readHtmlArticle: random pages", (t) => {
  const run = fuzzRun("readHtmlArticle: random pages");
  // Nesting stays shallow here: Readability is slow on deep nesting (see known-bugs.test.ts).
  const pageHtml = fc.oneof(
    htmlSoup,
    htmlTree,
    fc
      .tuple(htmlTree, fc.array(politicalSalad, { minLength: 1, maxLength: 8 }))
      .map(
        ([extra, paragraphs]) =>
          `<html><head><title>T</title></head><body>${extra}<article>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`,
      ),
  );
  fc.assert(
    fc.property(
      pageHtml,
      run.watch((html) => {
        const item = readHtmlArticle(html, "fuzz.html");
        assertIngestItem(item, "fuzz.html");
        if (item.kind === "article") assert.equal(item.article.source, "fuzz.html");
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});

const EXTENSIONS = [".txt", ".html", ".xml", ".rss", ".atom", ".jsonl", ".ndjson", "", ".dat"];

test("readArticleFile: random files of every format", async (t) => {
  const run = fuzzRun("readArticleFile: random files of every format");
  let n = 0;
  const content = fc.oneof(
    fileBytes,
    jsonlText.map((s) => new Uint8Array(Buffer.from(s, "utf8"))),
    feedXml.map((s) => new Uint8Array(Buffer.from(s, "utf8"))),
    htmlSoup.map((s) => new Uint8Array(Buffer.from(s, "utf8"))),
    fc
      .tuple(jsonlText, fc.constantFrom("utf16le", "latin1") as fc.Arbitrary<BufferEncoding>, fc.boolean())
      .map(
        ([s, enc, bom]) =>
          new Uint8Array([...(bom && enc === "utf16le" ? [0xff, 0xfe] : []), ...Buffer.from(s, enc)]),
      ),
  );
  await fc.assert(
    fc.asyncProperty(
      content,
      fc.constantFrom(...EXTENSIONS),
      run.watch(async (bytes, ext) => {
        const path = join(dir, `f${n++}${ext}`);
        writeFileSync(path, bytes);
        const items: IngestItem[] = [];
        for await (const item of readArticleFile(path)) items.push(item);
        assert.ok(items.length > 0, "a file yields at least one item or one rejection");
        for (const item of items) {
          assertIngestItem(item, path);
          if (item.kind === "article") assert.ok(item.article.source.startsWith(path));
        }
        rmSync(path);
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});

test("readArticleFile: huge lines", async (t) => {
  const run = fuzzRun("readArticleFile: huge lines");
  let n = 0;
  const huge = fc.tuple(
    fc.integer({ min: 200_000, max: 3_000_000 }),
    fc.constantFrom("a", "é", "😀", " ", "<div>", '{"text":"', "x\u0000"),
    fc.constantFrom(".txt", ".jsonl", ".html", ".xml"),
    fc.boolean(),
  );
  await fc.assert(
    fc.asyncProperty(
      huge,
      run.watch(async ([length, unit, ext, wrapJson]) => {
        const body = unit.repeat(Math.ceil(length / unit.length));
        const text =
          wrapJson && ext === ".jsonl" ? `${JSON.stringify({ text: body })}\n{"text":"short one"}\n` : body;
        const path = join(dir, `huge${n++}${ext}`);
        writeFileSync(path, text);
        const items: IngestItem[] = [];
        for await (const item of readArticleFile(path)) items.push(item);
        assert.ok(items.length > 0);
        for (const item of items) assertIngestItem(item, path);
        rmSync(path);
      }),
    ),
    run.parameters,
  );
  t.diagnostic(run.summary());
});

test("every article a reader yields passes the invariants (sanity check of the checker)", () => {
  const item = articleFromText("date 2020-10-22 Talks\n\nRussia and China met.", "a.txt");
  assert.equal(item.kind, "article");
  if (item.kind === "article") assertArticle(item.article);
  assert.throws(() =>
    assertArticle({
      id: "",
      url: null,
      published: "2021-02-30",
      title: null,
      rawText: " ",
      source: "x",
      bodyStart: 9,
    }),
  );
});
