/** fast-check arbitraries for hostile inputs: bytes, markup, JSON lines and political text. Sizes are bounded per case. */
import fc from "fast-check";

/** A number in [0, 1], spread evenly (fast-check's doubles cluster at the ends of the range). */
export const fraction = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);

/** Any string, including lone surrogates, control characters and astral characters. */
export const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
);

/** UTF-8 of a string cut at a random byte: often in the middle of a character. */
export const truncatedUtf8 = fc
  .tuple(fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 }), fraction)
  .map(([text, cut]) => {
    const bytes = Buffer.from(text, "utf8");
    return new Uint8Array(bytes.subarray(0, Math.floor(bytes.length * cut)));
  });

const BOMS = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]] as const;

const CHARSETS = [
  "utf-8",
  "utf-16",
  "utf-16be",
  "utf-7",
  "ucs2",
  "base64",
  "hex",
  "binary",
  "latin1",
  "windows-1251",
  "shift_jis",
  "gb18030",
  "koi8-r",
  "x-user-defined",
  "utf-32",
  "cesu8",
  "iso-2022-jp",
  "bogus-charset",
  "",
];

/** Markup declaring a charset (`<meta charset>` or an XML prolog) followed by bytes that are not UTF-8. */
const declaredCharset = fc
  .tuple(fc.constantFrom(...CHARSETS), fc.boolean(), fc.uint8Array({ minLength: 1, maxLength: 300 }))
  .map(([charset, xml, bytes]) => {
    const head = xml
      ? `<?xml version="1.0" encoding="${charset}"?><rss><channel><item><description>`
      : `<html><head><meta charset="${charset}"></head><body><p>`;
    return new Uint8Array([...Buffer.from(head, "latin1"), 0xff, ...bytes]);
  });

/** Raw bytes as files arrive: random, truncated UTF-8, UTF-16 with and without BOM, legacy 8-bit, NULs. */
export const fileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  declaredCharset,
  fc.uint8Array({ maxLength: 600 }),
  truncatedUtf8,
  fc
    .tuple(
      fc.constantFrom(...BOMS),
      fc.string({ unit: "grapheme", maxLength: 120 }),
      fc.constantFrom("utf16le", "latin1", "utf8") as fc.Arbitrary<BufferEncoding>,
    )
    .map(([bom, text, encoding]) => new Uint8Array([...bom, ...Buffer.from(text, encoding)])),
  fc
    .tuple(fc.string({ maxLength: 200 }), fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.nat(200))
    .map(([text, junk, at]) => {
      const bytes = Buffer.from(text, "utf8");
      const i = Math.min(at, bytes.length);
      return new Uint8Array([...bytes.subarray(0, i), ...junk, ...bytes.subarray(i)]);
    }),
);

const DATE_TEXT = fc.oneof(
  fc.constantFrom(
    "2020-10-22",
    "2021-02-30",
    "2020-13-45",
    "0000-00-00",
    "Thu, 22 Oct 2020 10:00:00 GMT",
    "22 October 2020",
    "October 22, 2020",
    "Oct. 22, 2020",
    "20201022",
    "2020/10/22",
    "31 Feb 99",
    "Sept 31, 2020",
    "yesterday",
    "",
  ),
  fc
    .tuple(
      fc.integer({ min: 0, max: 99999 }),
      fc.integer({ min: -1, max: 99 }),
      fc.integer({ min: -1, max: 99 }),
    )
    .map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.string({ maxLength: 30 }),
);

/** Strings that look like dates, and strings that do not. */
export const dateLike = DATE_TEXT;

const WORDS = [
  "Russia",
  "China",
  "Moscow",
  "Beijing",
  "the United States",
  "Washington",
  "Iran",
  "Israel",
  "Ukraine",
  "Kyiv",
  "NATO",
  "the United Nations",
  "the European Union",
  "Putin",
  "Vladimir Putin",
  "President Xi Jinping",
  "Joe Biden",
  "the Russian president",
  "the foreign minister",
  "the army",
  "rebels",
  "police",
  "protesters",
  "Hamas",
  "the Taliban",
  "he",
  "she",
  "they",
  "it",
  "met",
  "meets",
  "will meet",
  "condemned",
  "accused",
  "denied",
  "refused",
  "attacked",
  "shelled",
  "signed",
  "agreed",
  "threatened",
  "sanctioned",
  "imposed sanctions on",
  "held talks with",
  "held joint military exercises with",
  "could",
  "would",
  "may",
  "might",
  "not",
  "never",
  "no",
  "if",
  "unless",
  "said",
  "said that",
  "told reporters",
  "according to",
  "reportedly",
  "allegedly",
  "can't be ruled out",
  "in the future",
  "on Monday",
  "last week",
  "next year",
  "in March",
  "an alliance",
  "a treaty",
  "aid",
  "troops",
  "the border",
  "and",
  "but",
  "or",
  "with",
  "against",
  "toward",
  "of",
  "the",
  "a",
  ",",
  ".",
  ";",
  ":",
  "—",
  "(AP)",
  "MOSCOW —",
  '"',
  "“",
  "”",
  "'",
  "\n",
  "\n\n",
];

/** Sentences made of political vocabulary in random order: actors, verbs, modal cues, quotes, datelines. */
export const politicalSalad = fc
  .array(
    fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    ),
    {
      minLength: 1,
      maxLength: 60,
    },
  )
  .map((words) => words.join(" "));

/** One long sentence (hundreds of words, no full stop until the end). */
export const longSentence = fc
  .array(fc.constantFrom(...WORDS.filter((w) => !/[.\n]/.test(w))), { minLength: 300, maxLength: 1500 })
  .map((words) => `${words.join(" ")}.`);

// ---------- markup ----------

const TAGS = [
  "div",
  "p",
  "span",
  "article",
  "section",
  "main",
  "h1",
  "h2",
  "a",
  "b",
  "i",
  "li",
  "ul",
  "table",
  "tr",
  "td",
  "br",
  "img",
  "script",
  "style",
  "noscript",
  "iframe",
  "svg",
  "template",
  "pre",
  "blockquote",
  "figure",
  "figcaption",
  "nav",
  "footer",
  "header",
  "aside",
  "time",
  "meta",
  "link",
  "title",
  "head",
  "body",
  "html",
];
const ATTRS = [
  ' class="story-body"',
  ' id="main"',
  ' itemprop="datePublished" content="2020-10-22"',
  ' datetime="2021-02-30T10:00"',
  ' property="article:published_time" content="Thu, 22 Oct 2020 10:00:00 GMT"',
  ' property="og:title" content="A headline"',
  ' rel="canonical" href="https://example.org/story"',
  ' type="application/ld+json"',
  ' href="javascript:alert(1)"',
  ' style="display:none"',
  " hidden",
  ' x="<>"',
  " broken=",
  "",
];
const TEXTISH = fc.oneof(
  { weight: 4, arbitrary: politicalSalad },
  { weight: 2, arbitrary: anyText },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "&amp;",
      "&lt;",
      "&nbsp;",
      "&#x1F600;",
      "&#0;",
      "&#99999999;",
      "&bogus;",
      "&",
      "<![CDATA[x]]>",
      "<!-- c -->",
      "<!--",
      "]]>",
      "<?php ?>",
      "<!DOCTYPE html>",
      '{"datePublished":"2020-10-22"}',
    ),
  },
);

const openTag = fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS)).map(([t, a]) => `<${t}${a}>`);
const closeTag = fc.constantFrom(...TAGS).map((t) => `</${t}>`);

/** HTML soup: tags (balanced or not), attributes, entities, comments, scripts and text. */
export const htmlSoup = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: openTag },
      { weight: 2, arbitrary: closeTag },
      { weight: 4, arbitrary: TEXTISH },
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(""));

/** Well-formed-ish HTML trees of bounded depth, so Readability sees pages that look like articles. */
export const htmlTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    TEXTISH,
    fc
      .tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS), fc.array(tie("node"), { maxLength: 5 }))
      .map(([t, a, kids]) => `<${t}${a}>${kids.join("")}</${t}>`),
  ),
})).node;

/** Deep nesting: the same or mixed elements nested up to 10,000 levels, with text at the bottom. */
export const deepHtml = fc
  .tuple(
    fc.integer({ min: 1, max: 10_000 }),
    fc.constantFrom("div", "span", "section", "p", "li", "b", "table", "mixed"),
    fc.boolean(),
    politicalSalad,
  )
  .map(([depth, tag, closed, text]) => {
    const names = Array.from({ length: depth }, (_, i) => (tag === "mixed" ? (TAGS[i % 12] as string) : tag));
    const open = names.map((n) => `<${n}>`).join("");
    const close = closed
      ? names
          .reverse()
          .map((n) => `</${n}>`)
          .join("")
      : "";
    return `${open}${text}${close}`;
  });

const xmlEscape = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const TEXT_FIELDS = ["title", "description", "content:encoded", "content", "summary", "author", "category"];
const DATE_FIELDS = ["pubDate", "published", "updated", "dc:date"];
const LINK_FIELDS = ["link", "guid", "id"];
const TEXT_VALUE = fc.oneof(
  { weight: 4, arbitrary: TEXTISH.map(xmlEscape) },
  { weight: 2, arbitrary: htmlSoup.map((h) => `<![CDATA[${h}]]>`) },
  { weight: 1, arbitrary: htmlSoup.map(xmlEscape) },
  { weight: 1, arbitrary: TEXTISH },
);
const DATE_VALUE = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom("Thu, 22 Oct 2020 10:00:00 GMT", "2020-10-22T10:00:00Z", "2024-02-29"),
  },
  { weight: 1, arbitrary: DATE_TEXT.map(xmlEscape) },
);
const LINK_VALUE = fc.constantFrom(
  "https://example.org/a",
  "http://x",
  "not a url",
  "/relative/path",
  "javascript:x",
  "",
);
const FEED_ATTRS = [
  "",
  ' type="html"',
  ' type="xhtml"',
  ' type="text"',
  ' isPermaLink="false"',
  ' href="https://example.org/e"',
  ' rel="alternate" href="https://example.org/alt"',
  ' rel="enclosure" href="x"',
];

const feedField = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...TEXT_FIELDS), TEXT_VALUE) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...DATE_FIELDS), DATE_VALUE) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...LINK_FIELDS), LINK_VALUE) },
    ),
    fc.constantFrom(...FEED_ATTRS),
    fc.integer({ min: 0, max: 9 }),
  )
  .map(([[name, value], attrs, roll]) =>
    roll > 0 ? `<${name}${attrs}>${value}</${name}>` : `<${name}${attrs}>${value}`,
  );

const feedItem = fc
  .tuple(
    fc.constantFrom("item", "entry"),
    fc.array(feedField, { maxLength: 8 }),
    fc.integer({ min: 0, max: 9 }),
  )
  .map(([tag, fields, roll]) => `<${tag}>${fields.join("\n")}${roll > 0 ? `</${tag}>` : ""}`);

/** RSS/Atom/RDF-shaped documents with random items, broken items, truncation and noise between them. */
export const feedXml = fc
  .tuple(
    fc.constantFrom(
      [
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title>',
        "</channel></rss>",
      ],
      ['<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>', "</feed>"],
      ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "</rdf:RDF>"],
      ["<rss>", ""],
      ["", ""],
    ),
    fc.array(
      fc.oneof(
        { weight: 5, arbitrary: feedItem },
        { weight: 1, arbitrary: htmlSoup },
        { weight: 1, arbitrary: anyText },
      ),
      { maxLength: 8 },
    ),
    fraction,
  )
  .map(([[head, tail], items, cut]) => {
    const doc = `${head}\n${items.join("\n")}\n${tail}`;
    // A quarter of the documents are cut short, as a download interrupted half-way.
    return cut < 0.25 ? doc.slice(0, Math.floor((doc.length * cut) / 0.25)) : doc;
  });

// ---------- JSON lines ----------

const jsonField = fc.oneof(
  { weight: 3, arbitrary: politicalSalad },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: DATE_TEXT },
);

/** One JSONL line: an article-like object with random field types, any JSON value, or broken JSON. */
export const jsonLine = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record(
        { id: jsonField, text: jsonField, date: jsonField, title: jsonField, url: jsonField },
        { requiredKeys: [] },
      )
      .map((r) => JSON.stringify(r)),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.jsonValue({ maxDepth: 3 }), fraction).map(([v, cut]) => {
      const s = JSON.stringify(v) ?? "";
      return s.slice(0, Math.floor(s.length * cut));
    }),
  },
  { weight: 1, arbitrary: anyText },
);

/** A JSONL file's text: random lines, LF or CRLF, blank lines. */
export const jsonlText = fc
  .tuple(
    fc.array(fc.oneof({ weight: 6, arbitrary: jsonLine }, { weight: 1, arbitrary: fc.constant("") }), {
      maxLength: 12,
    }),
    fc.constantFrom("\n", "\r\n"),
    fc.boolean(),
  )
  .map(([lines, eol, finalEol]) => lines.join(eol) + (finalEol ? eol : ""));
