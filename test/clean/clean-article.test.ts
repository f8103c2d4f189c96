import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { cleanArticle } from "../../src/clean/index.js";
import { articleFromText } from "../../src/ingest/index.js";
import type { Article, CleanText } from "../../src/types/index.js";

const SEED = "../shared/seeds/000_8b7cc604a3f66fa2.txt";

function article(rawText: string, title: string | null = null, bodyStart = 0): Article {
  return { id: "t", url: null, published: null, title, rawText, source: "test", bodyStart };
}

function fromFile(path: string): Article {
  const item = articleFromText(readFileSync(path, "utf8"), path);
  assert.equal(item.kind, "article");
  return (item as { article: Article }).article;
}

function assertSegmentsSlice(raw: string, clean: CleanText): void {
  for (const s of clean.segments) {
    assert.equal(
      clean.text.slice(s.cleanStart, s.cleanStart + s.length),
      raw.slice(s.rawStart, s.rawStart + s.length),
    );
  }
}

test("seed: all eight story paragraphs kept, nothing of the caption/gallery paragraph", () => {
  const a = fromFile(SEED);
  assert.equal(a.title, "Putin: Russia-China military alliance can't be ruled out");
  assert.equal(a.published, "2020-10-22");
  const clean = cleanArticle(a);
  const paragraphs = clean.text.split("\n\n");
  assert.equal(paragraphs.length, 8);
  assert.ok(
    paragraphs[0]?.startsWith("MOSCOW (AP) — Russian President Vladimir Putin says there is no need"),
  );
  assert.ok(
    paragraphs[7]?.endsWith(
      "“The time will show how it will develop, but we won't exclude it,” the Russian president said.",
    ),
  );
  // Every story paragraph of the file is in the clean text, verbatim and in order.
  const raw = a.rawText;
  const storyStart = raw.indexOf("MOSCOW (AP) —");
  const story = raw
    .slice(storyStart)
    .trim()
    .split(/\n\s*\n/);
  assert.deepEqual(paragraphs, story);
  for (const junk of [
    "Valdai",
    "Druzhinin",
    "Photo:",
    "Image 1 of",
    "Back to Gallery",
    "Caption Close",
    " less ",
    "... more",
  ]) {
    assert.ok(!clean.text.includes(junk), `no "${junk}" in the clean text`);
  }
  assert.ok(!clean.text.includes("can't be ruled out"), "the title repeated in the gallery is gone");
  assertSegmentsSlice(raw, clean);
  // The whole gallery paragraph is accounted for in `removed`.
  const galleryEnd = raw.indexOf("Back to Gallery") + "Back to Gallery".length;
  const galleryStart = raw.indexOf("Russian President Vladimir Putin speaks");
  for (let i = galleryStart; i < galleryEnd; i++) {
    if (/\s/.test(raw[i] ?? "")) continue;
    assert.ok(
      clean.removed.some((r) => r.span[0] <= i && i < r.span[1]),
      `raw offset ${i} ("${raw[i]}") of the gallery is listed as removed`,
    );
  }
});

/** Table of rules, in our own words: input paragraph → what must remain (empty string = all removed). */
const cases: [label: string, input: string, kept: string, title?: string][] = [
  // gallery furniture
  ["slide counter", "Image 3 of / 12", ""],
  ["back to gallery", "2 / 12 Back to Gallery", ""],
  ["gallery words alone", "Photo gallery", ""],
  ["slide position alone", "4 of 9", ""],
  ["photo credit label", "Photo: Maria Lopez, AP", ""],
  ["two photo credit labels", "Photo: Maria Lopez, AP Photo: Maria Lopez, AP", ""],
  [
    "gallery line with a caption, its folded repeat and the title",
    "Farmers drive tractors toward the ministry in the capital, Monday, Jan. 8, 2024. (Nina Holt, Pool Photo via AP) less Farmers drive tractors toward the ministry in the capital, ... more Photo: Nina Holt, AP Image 2 of / 5 Caption Close Farmers block roads in protest over fuel tax 2 / 5 Back to Gallery",
    "",
    "Farmers block roads in protest over fuel tax",
  ],
  [
    "caption with AP credit",
    "A boy waves a flag in the main square, Friday, June 4, 2021. (AP Photo/Omar Haidar)",
    "",
  ],
  ["caption with Getty credit", "Delegates arrive for the talks. (Photo by Ken Dale/Getty Images)", ""],
  ["caption with name/agency credit", "A protester is led away by police in the capital. (Yuri Pak/EPA)", ""],
  [
    "a story sentence before a caption on the same line is kept",
    "The minister spoke for an hour. A guard stands at the gate, Monday, May 1, 2023. (AP Photo/Jo Ng)",
    "The minister spoke for an hour.",
  ],
  [
    "a story sentence after a caption on the same line is kept",
    "Soldiers parade in the capital. (AP Photo/Ivo Marek) The parade marked the anniversary, officials said.",
    "The parade marked the anniversary, officials said.",
  ],
  [
    "file-photo caption",
    "FILE - In this June 2, 2019, photo, the envoy speaks to reporters in Vienna. (AP Photo/Ron Hale)",
    "",
  ],
  // share, subscribe, ads, cookies
  ["share widget", "Share this story: Facebook | X | WhatsApp | Email", ""],
  ["share buttons on lines", "Share\nTweet\nEmail\nCopy link", ""],
  ["click to share", "Click to email a link to a friend (Opens in new window)", ""],
  ["newsletter prompt", "Sign up for the evening briefing and get the day's news", ""],
  ["subscribe button", "Subscribe now", ""],
  ["advertisement line", "Advertisement", ""],
  ["advertisement slot", "Story continues below advertisement", ""],
  [
    "upper-case ad label inside text",
    "ADVERTISEMENT The talks resumed on Monday.",
    "The talks resumed on Monday.",
  ],
  ["cookie notice", "We use cookies to personalise content and ads and to analyse our traffic.", ""],
  ["cookie button", "Accept all cookies", ""],
  // related lists
  [
    "related heading and its list",
    "Related:\nLeaders gather for climate talks\nFlood waters recede in the north",
    "",
  ],
  [
    "list ends at the first story paragraph",
    "Recommended stories\n\nCentral bank holds rates\n\nThe ministry said the rates would stay unchanged until March.",
    "The ministry said the rates would stay unchanged until March.",
  ],
  ["read-more link", "READ MORE: Leaders gather for climate talks", ""],
  ["bulleted list after a heading", "More stories\n- Storm hits the coast.\n- Markets close higher.", ""],
  // dates, bylines, footers
  ["published timestamp", "Published: Oct. 22, 2020 10:34 a.m. EDT", ""],
  ["updated timestamp with a clock time first", "Last updated 14:05 GMT, 3 March 2021", ""],
  ["crawl date", "Retrieved 2021-06-01T08:00:00Z", ""],
  ["date-only line", "Thursday, October 22, 2020", ""],
  ["byline", "By Ana Ruiz and Li Wei, Associated Press", ""],
  ["copyright footer", "© 2021 Example Daily. All rights reserved.", ""],
  [
    "wire footer",
    "Copyright 2020 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "",
  ],
  ["bare link", "https://example.org/world/2021/talks-resume", ""],
  ["separator", "* * *", ""],
  [
    "title repeated as a line",
    "Envoys resume talks on shared river",
    "",
    "Envoys resume talks on shared river",
  ],
  // story text that looks like furniture but must stay
  ...(
    [
      "Less than a week later, more talks followed in the capital... more than 20 delegates attended.",
      "The minister said the photo, taken by a local reporter, was genuine.",
      "Image matters, the spokesman said, and so does the result.",
      "Photo: the minister's office released a picture on Monday.",
      "Copyright law was at the centre of the trade dispute, officials said.",
      "By Tuesday, troops had pulled back from the border.",
      "Related talks are planned in Vienna next week.",
      "Share prices in Moscow fell 3% after the announcement.",
      "The union said it would accept the offer if the government raised pay by 4%.",
      "The president said: “Read more carefully what we signed.”",
      "Follow-up talks will be held in Doha.",
      "The EU's cookie rules were discussed at the summit, where leaders said consent must be freely given.",
      "He was born on Oct. 22, 1952, in Leningrad.",
      "The court's ruling, published Oct. 22, 2020, ended the dispute.",
      "More than 200 people were detained, police said.",
      "Trending higher, oil prices rose on Monday.",
      "Talks continue",
      "1 / 6 of the seats went to the opposition.",
      "Advertisement spending by the ruling party doubled before the vote.",
      "Subscribers to the state newspaper fell by half, the ministry said.",
      "“We will not accept it,” he said.",
      "By Tuesday evening, the troops had withdrawn from the\nborder posts, officials said.",
      "Shares in the state oil company fell after the\nRelated\nparty announced its plans.",
      "Share\nprices fell sharply on Monday.",
    ] as const
  ).map((s): [string, string, string] => [`story sentence kept: ${s.slice(0, 40)}`, s, s]),
];

for (const [label, input, kept, title] of cases) {
  test(`cleaner rule: ${label}`, () => {
    const raw = `The council met on Monday.\n\n${input}\n\nThe council will meet again on Friday.`;
    const clean = cleanArticle(article(raw, title ?? null));
    const expected = [
      "The council met on Monday.",
      ...(kept ? [kept] : []),
      "The council will meet again on Friday.",
    ];
    assert.equal(clean.text, expected.join("\n\n"));
    assertSegmentsSlice(raw, clean);
    if (kept === input) assert.deepEqual(clean.removed, []);
    else assert.ok(clean.removed.length > 0, "what went is listed");
  });
}

test("cleaning starts at bodyStart: the date line never reaches the clean text", () => {
  const raw = " date 2021-01-01 Talks\n\nThe talks began.";
  const clean = cleanArticle(article(raw, "Talks", raw.indexOf("The")));
  assert.equal(clean.text, "The talks began.");
  assert.deepEqual(clean.segments, [{ cleanStart: 0, rawStart: raw.indexOf("The"), length: 16 }]);
});

test("lines of one paragraph stay one verbatim piece; CRLF and indentation are handled", () => {
  const raw = "  First line of a wrapped\r\nparagraph continues here.\r\n\r\n\tSecond paragraph.  \r\n";
  const clean = cleanArticle(article(raw));
  assert.equal(clean.text, "First line of a wrapped\r\nparagraph continues here.\n\nSecond paragraph.");
  assert.equal(clean.segments.length, 2);
  assertSegmentsSlice(raw, clean);
});

test("an article of nothing but furniture cleans to empty text", () => {
  const clean = cleanArticle(article("Share\n\nAdvertisement\n\n© 2020 Example"));
  assert.equal(clean.text, "");
  assert.deepEqual(clean.segments, []);
  assert.equal(clean.removed.length, 3);
});

test("samples: furniture removed, every story paragraph kept", () => {
  const files = readdirSync("samples").filter((f) => f.endsWith(".txt"));
  assert.ok(files.length >= 5);
  const furniture = [
    "(AP Photo",
    "via AP)",
    "Image 1 of",
    "Back to Gallery",
    "Caption Close",
    "Share",
    "Tweet",
    "Related",
    "READ MORE",
    "Read more",
    "Recommended",
    "Copyright",
    "©",
    "cookies",
    "ADVERTISEMENT",
    "advertisement",
    "By Dana",
    "By Helene",
    "Retrieved",
    "Updated:",
    "FILE -",
    "This material",
    "Click to share",
    "less Sailors",
  ];
  for (const file of files) {
    const a = fromFile(`samples/${file}`);
    assert.match(a.published ?? "", /^20(19|2\d)-\d\d-\d\d$/, file);
    assert.ok(a.title && a.title.length > 10, file);
    const clean = cleanArticle(a);
    for (const junk of furniture) assert.ok(!clean.text.includes(junk), `${file}: "${junk}" removed`);
    const paragraphs = clean.text.split("\n\n");
    assert.match(
      paragraphs[0] ?? "",
      /^[A-Z][A-Z ,.]+(?:, [A-Za-z ]+)? \(Wire\) — /,
      `${file} starts at the dateline`,
    );
    // Every raw paragraph that reads as story prose (ends a sentence, several words) is kept whole.
    const storyParagraphs = a.rawText
      .slice(a.bodyStart)
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(
        (p) =>
          /[.”]$/.test(p) &&
          p.split(" ").length > 6 &&
          !/\((?:AP Photo|[^)]*via AP)|^FILE|cookies|Copyright|may not be published/.test(p),
      );
    assert.deepEqual(paragraphs, storyParagraphs, file);
  }
});
