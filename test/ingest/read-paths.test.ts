import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { articleId, type IngestItem, readPaths } from "../../src/ingest/index.js";
import type { Article, Rejected } from "../../src/types/index.js";

const FIXTURES = "test/fixtures/ingest";
const SEED = "../shared/seeds/000_8b7cc604a3f66fa2.txt";

async function collect(paths: string[]): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readPaths(paths)) out.push(item);
  return out;
}
const articles = (items: IngestItem[]): Article[] =>
  items.flatMap((i) => (i.kind === "article" ? [i.article] : []));
const rejections = (items: IngestItem[]): Rejected[] =>
  items.flatMap((i) => (i.kind === "rejected" ? [i.rejected] : []));

async function one(path: string): Promise<IngestItem> {
  const items = await collect([path]);
  assert.equal(items.length, 1, `one item from ${path}`);
  return items[0] as IngestItem;
}

const scratch = mkdtempSync(join(tmpdir(), "dyad-ingest-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("seed: title from the indented date line, date, body start, id = hash of the whole file", async () => {
  const item = await one(SEED);
  assert.equal(item.kind, "article");
  if (item.kind !== "article") return;
  const a = item.article;
  const content = readFileSync(SEED, "utf8");
  assert.equal(a.title, "Putin: Russia-China military alliance can't be ruled out");
  assert.equal(a.published, "2020-10-22");
  assert.equal(a.rawText, content);
  assert.equal(a.source, SEED);
  assert.equal(a.url, null);
  assert.equal(a.id, articleId(content));
  assert.match(a.id, /^[0-9a-f]{16}$/);
  assert.ok(a.rawText.slice(0, a.bodyStart).includes(" date 2020-10-22 Putin:"));
  assert.ok(a.rawText.slice(a.bodyStart).trimStart().startsWith("Russian President Vladimir Putin speaks"));
});

test("ids are stable across runs and readers", async () => {
  const first = articles(await collect([`${FIXTURES}/good`, SEED])).map((a) => a.id);
  const second = articles(await collect([`${FIXTURES}/good`, SEED])).map((a) => a.id);
  assert.deepEqual(first, second);
  assert.equal(new Set(first).size, first.length, "distinct articles get distinct ids");
  assert.equal(articleId("Hello"), "f7ff9e8b7bb2e09b");
});

test("plain .txt: a headline-like first line becomes the title; a sentence does not", async () => {
  const headline = await one(`${FIXTURES}/good/plain-headline.txt`);
  assert.equal(headline.kind, "article");
  if (headline.kind === "article") {
    assert.equal(headline.article.title, "Port workers end strike after pay deal");
    assert.equal(headline.article.published, null);
    assert.ok(
      headline.article.rawText.slice(headline.article.bodyStart).trimStart().startsWith("Port workers in"),
    );
  }
  const plain = await one(`${FIXTURES}/good/plain-no-headline.txt`);
  assert.equal(plain.kind, "article");
  if (plain.kind === "article") {
    assert.equal(plain.article.title, null);
    assert.equal(plain.article.bodyStart, 0);
  }
});

test("UTF-8 BOM and CRLF files keep their date line", async () => {
  const bom = await one(`${FIXTURES}/good/utf8-bom.txt`);
  const crlf = await one(`${FIXTURES}/good/crlf.txt`);
  assert.ok(bom.kind === "article" && crlf.kind === "article");
  if (bom.kind === "article") {
    assert.equal(bom.article.title, "Border crossing reopens");
    assert.ok(!bom.article.rawText.startsWith("\ufeff"), "the BOM is not part of the text");
  }
  if (crlf.kind === "article") {
    assert.equal(crlf.article.title, "Lines end in CRLF");
    assert.equal(crlf.article.published, "2019-07-02");
  }
});

test("HTML: article text via Readability, og:title, published_time, canonical url", async () => {
  const item = await one(`${FIXTURES}/good/article.html`);
  assert.equal(item.kind, "article");
  if (item.kind !== "article") return;
  const a = item.article;
  assert.equal(a.title, "Envoys resume talks on shared river");
  assert.equal(a.published, "2023-05-16", "the calendar day as written, not converted to UTC");
  assert.equal(a.url, "https://herald.example.org/world/river-talks");
  assert.ok(a.rawText.startsWith("CAIRO (Herald) — Envoys from Egypt and Sudan"));
  assert.ok(a.rawText.includes("\n\nThe delegations met"), "paragraphs are separated by a blank line");
  assert.ok(a.rawText.includes("“frank and useful”"), "entities are decoded");
  for (const junk of ["Home", "Most read", "Storm hits coast", "All rights reserved"]) {
    assert.ok(!a.rawText.includes(junk), `no ${junk}`);
  }
});

test("HTML: date from JSON-LD", async () => {
  const item = await one(`${FIXTURES}/good/article-ld.htm`);
  assert.equal(item.kind, "article");
  if (item.kind === "article") {
    assert.equal(item.article.published, "2022-11-03");
    assert.equal(item.article.title, "Court upholds election result");
  }
});

test("RSS: items become articles (a title-only item reads as its headline); a bad item is rejected with its line", async () => {
  const items = await collect([`${FIXTURES}/good/feed.rss`]);
  const good = articles(items);
  assert.deepEqual(
    good.map((a) => [a.title, a.published, a.url, a.source]),
    [
      [
        "Ministers agree on & sign customs deal",
        "2020-10-22",
        "https://wire.example.org/customs",
        `${FIXTURES}/good/feed.rss:4`,
      ],
      [
        "Escaped markup in the description",
        "2020-10-23",
        "https://wire.example.org/escaped",
        `${FIXTURES}/good/feed.rss:10`,
      ],
      [null, null, "https://wire.example.org/empty", `${FIXTURES}/good/feed.rss:22`],
    ],
  );
  assert.equal(good[2]?.rawText, "An item without text");
  assert.equal(
    good[0]?.rawText,
    "The trade ministers of Kenya and Uganda signed a customs agreement on Thursday.\n\nIt takes effect in January.",
  );
  assert.ok(
    good[1]?.rawText.startsWith(
      "Police in the capital detained dozens of protesters on Friday, a police spokesman said.",
    ),
  );
  const bad = rejections(items);
  assert.equal(bad.length, 1);
  assert.equal(bad[0]?.line, 17);
  assert.match(bad[0]?.reason ?? "", /impossible date "Sat, 31 Feb 2021 08:00:00 GMT"/);
});

test("Atom: xhtml and text content, alternate link, published date", async () => {
  const good = articles(await collect([`${FIXTURES}/good/feed.atom`]));
  assert.equal(good.length, 2);
  assert.equal(good[0]?.title, "Leaders meet again");
  assert.equal(good[0]?.url, "https://atom.example.org/1");
  assert.equal(good[0]?.published, "2021-05-31");
  assert.equal(
    good[0]?.rawText,
    "The presidents of Chile and Argentina met again on Monday.\n\nThey discussed lithium exports.",
  );
  assert.equal(good[1]?.rawText, "Fishermen protested in the port on Tuesday & blocked the quay.");
  assert.equal(good[1]?.published, "2021-06-01");
});

test("JSONL: fields, numeric id, content-hash id, seed line inside text, BOM and CRLF", async () => {
  const items = await collect([`${FIXTURES}/good/wrapped.jsonl`]);
  const good = articles(items);
  assert.equal(rejections(items).length, 0);
  assert.deepEqual(
    good.map((a) => [a.id, a.published, a.title, a.source, a.bodyStart > 0]),
    [
      ["w-1", "2021-01-05", "T", `${FIXTURES}/good/wrapped.jsonl:1`, false],
      ["w-2", "2021-01-06", "A seed line inside JSONL", `${FIXTURES}/good/wrapped.jsonl:2`, true],
    ],
  );
});

/** Every bad input of the issue, as a real file: each gets one rejection naming the file and a clear reason. */
const badFiles: [file: string, reason: RegExp][] = [
  ["empty.txt", /^empty file$/],
  ["blank.txt", /^empty file$/],
  ["binary.txt", /^binary file \(contains NUL bytes\)$/],
  ["control-chars.txt", /^binary file \(\d+% control characters\)$/],
  ["truncated-utf8.txt", /^truncated: ends in the middle of a UTF-8 character at byte \d+/],
  ["undecidable.txt", /^not valid UTF-8 and the encoding could not be determined/],
  ["impossible-date.txt", /^impossible date "2021-02-30" in the date line$/],
  ["impossible-month.txt", /^impossible date "2020-13-45" in the date line$/],
  ["date-line-only.txt", /^no article text after the date line$/],
  ["no-article.html", /^no article found: Readability extracted only \d+ characters/],
  [
    "impossible-date.html",
    /^impossible date "2021-02-30T09:00:00Z" in <meta property="article:published_time">$/,
  ],
  ["sitemap.xml", /^not an RSS or Atom feed \(the root element is <urlset>\)$/],
];

for (const [file, reason] of badFiles) {
  test(`bad input: ${file} is rejected with a clear reason`, async () => {
    const path = `${FIXTURES}/bad/${file}`;
    const item = await one(path);
    assert.equal(item.kind, "rejected");
    if (item.kind === "rejected") {
      assert.equal(item.rejected.path, path);
      assert.equal(item.rejected.line, undefined);
      assert.match(item.rejected.reason, reason);
    }
  });
}

test("bad input: latin-1 and UTF-16 files are decoded, not rejected", async () => {
  const latin = await one(`${FIXTURES}/bad/latin1.txt`);
  assert.equal(latin.kind, "article");
  if (latin.kind === "article") {
    assert.equal(latin.article.title, "Ministers meet in Genève over grain corridor");
    assert.ok(latin.article.rawText.includes("Türkiye and Ukraine met in Genève"));
    assert.ok(latin.article.rawText.includes("café"));
  }
  for (const file of ["utf16le-bom.txt", "utf16be-bom.txt"]) {
    const item = await one(`${FIXTURES}/bad/${file}`);
    assert.equal(item.kind, "article", file);
    if (item.kind === "article") {
      assert.equal(item.article.title, "Nordic leaders sign energy pact");
      assert.equal(item.article.published, "2022-06-15");
      assert.ok(item.article.rawText.includes("OSLO (Wire) — The prime ministers"));
    }
  }
});

test("bad input: broken JSONL lines are rejected by line number; the good lines are still read", async () => {
  const path = `${FIXTURES}/bad/broken.jsonl`;
  const items = await collect([path]);
  assert.deepEqual(
    articles(items).map((a) => [a.id, a.source, a.published]),
    [
      ["j-1", `${path}:1`, "2020-10-22"],
      ["17", `${path}:3`, null],
      [
        articleId(
          "No id here, so the content hash is used. Protesters gathered outside parliament in Nairobi.",
        ),
        `${path}:9`,
        null,
      ],
      ["j-9", `${path}:10`, "2020-10-22"],
    ],
  );
  const expected: [number, RegExp][] = [
    [2, /^broken JSON: /],
    [5, /^missing "text" field$/],
    [6, /^"text" must be a string, not an array$/],
    [7, /^impossible date "2020-13-45" in "date"$/],
    [8, /^expected a JSON object, got an array$/],
    [11, /^empty "text"$/],
    [12, /^"date" must be a string, not a number$/],
    [13, /^"id" must be a string or a number, not an object$/],
    [14, /^broken JSON \(the last line: the file may be truncated\)/],
  ];
  const bad = rejections(items);
  assert.equal(bad.length, expected.length);
  expected.forEach(([line, reason], i) => {
    assert.equal(bad[i]?.path, path);
    assert.equal(bad[i]?.line, line);
    assert.match(bad[i]?.reason ?? "", reason);
  });
});

test("bad input: a truncated feed keeps its complete items and rejects the cut one", async () => {
  const path = `${FIXTURES}/bad/truncated-feed.xml`;
  const items = await collect([path]);
  assert.deepEqual(
    articles(items).map((a) => a.title),
    ["Rail link reopens"],
  );
  assert.deepEqual(rejections(items), [
    { path, line: 5, reason: "feed <item> never closes (the file was probably truncated)" },
  ]);
});

test("bad input: a missing path is rejected, and the paths after it are still read", async () => {
  const items = await collect([join(scratch, "does-not-exist.txt"), SEED]);
  assert.deepEqual(rejections(items), [
    { path: join(scratch, "does-not-exist.txt"), reason: "no such file or directory" },
  ]);
  assert.equal(articles(items).length, 1);
});

test("bad input: an article above 5 MB is rejected", async () => {
  const path = join(scratch, "huge.txt");
  writeFileSync(path, `date 2020-01-01 Huge\n\n${"The minister spoke again. ".repeat(220_000)}`);
  const item = await one(path);
  assert.equal(item.kind, "rejected");
  if (item.kind === "rejected")
    assert.match(item.rejected.reason, /^article text is 5\.\d MB, above the 5\.0 MB limit$/);
});

test("folders: recursive, sorted by name, skipping hidden entries, node_modules and non-article files", async () => {
  const root = join(scratch, "tree");
  const files: Record<string, string> = {
    "b/c.txt": "date 2020-01-02 Second\n\nThe second article, in a subfolder.\n",
    "a.txt": "date 2020-01-01 First\n\nThe first article in the tree.\n",
    "b/d/e.jsonl": '{"id": "tree-e", "text": "An article in a JSONL file two folders down."}\n',
    "z.txt": "date 2020-01-09 Last\n\nThe last article in the tree.\n",
    "B-upper.txt": "date 2020-01-08 Upper\n\nUpper-case names sort before lower-case ones.\n",
    ".hidden.txt": "date 2020-01-03 Hidden\n\nMust be skipped.\n",
    ".cache/inner.txt": "date 2020-01-04 Hidden folder\n\nMust be skipped.\n",
    "node_modules/pkg/readme.txt": "date 2020-01-05 Dependency\n\nMust be skipped.\n",
    "notes.md": "# Notes\n\nNot an article format.\n",
    "b/photo.png": "\u0089PNG",
    "b/empty.txt": "",
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  symlinkSync(root, join(root, "b", "loop"));
  const items = await collect([root]);
  assert.deepEqual(
    articles(items).map((a) => a.title ?? a.id),
    ["Upper", "First", "Second", "tree-e", "Last"],
  );
  assert.deepEqual(rejections(items), [{ path: join(root, "b", "empty.txt"), reason: "empty file" }]);
  // A folder named twice (or a folder and its subfolder) is read each time, not skipped silently;
  // b/loop leads back to the root, which that walk has not read yet, so it is followed once.
  const twice = articles(await collect([join(root, "b"), root]));
  assert.deepEqual(
    twice.map((a) => a.title ?? a.id),
    ["Second", "tree-e", "Upper", "First", "Last", "Upper", "First", "Second", "tree-e", "Last"],
  );
});
