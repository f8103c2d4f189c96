import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { readPaths } from "../../src/ingest/index.js";
import { type CodedArticle, codeArticle } from "../../src/pipeline/index.js";
import type { Article } from "../../src/types/article.js";

// The story dyad started from (read from ../shared, never copied): Putin on a Russia–China military alliance.
const SEED = fileURLToPath(new URL("../../../shared/seeds/000_8b7cc604a3f66fa2.txt", import.meta.url));

async function seedArticle(): Promise<Article> {
  for await (const item of readPaths([SEED])) if (item.kind === "article") return item.article;
  throw new Error("seed not read");
}

let coded: CodedArticle;
test("the seed is read with its date and title", async () => {
  const article = await seedArticle();
  assert.equal(article.published, "2020-10-22");
  assert.equal(article.title, "Putin: Russia-China military alliance can't be ruled out");
  assert.equal(article.rawText, readFileSync(SEED, "utf8"));
  coded = codeArticle(article);
  assert.ok(coded.events.length > 0, "the seed yields events");
});

test("the alliance is a 0312 RUS→CHN event that is not asserted, said by Putin", () => {
  const alliance = coded.events.filter(
    (e) => e.cameo.code === "0312" && e.source.country === "RUS" && e.target?.country === "CHN",
  );
  assert.ok(
    alliance.length > 0,
    `no 0312 RUS→CHN event in ${coded.events.map((e) => e.cameo.code).join(",")}`,
  );
  const first = alliance.find((e) =>
    e.evidence.sentence.includes("no need for a Russia-China military alliance"),
  );
  assert.ok(first, "the lead sentence codes the alliance");
  assert.ok(
    ["hypothetical", "future"].includes(first.modality.status),
    `status was ${first.modality.status}`,
  );
  assert.ok(first.modality.cues.length > 0);
  assert.equal(first.speaker?.name, "Vladimir Putin");
  assert.equal(first.date, "2020-10-22");
  assert.ok(
    alliance.every((e) => e.modality.status !== "asserted"),
    "no alliance event is asserted",
  );
});

test("the joint war games are an asserted 06x event between the Russian and Chinese militaries", () => {
  const games = coded.events.filter(
    (e) =>
      e.cameo.root === "06" && e.evidence.sentence.includes("war games") && e.modality.status === "asserted",
  );
  const dyads = new Set(games.map((e) => `${e.source.code}>${e.target?.code}`));
  assert.ok(
    dyads.has("CHNMIL>RUSMIL") || dyads.has("RUSMIL>CHNMIL"),
    `war-game dyads: ${[...dyads].join(" ")}`,
  );
});

test("every span slices the original text exactly, and no evidence comes from the caption paragraph", () => {
  const raw = coded.article.rawText;
  const storyStart = raw.indexOf("MOSCOW (AP)");
  for (const e of coded.events) {
    assert.equal(raw.slice(...e.evidence.sentenceSpan), e.evidence.sentence);
    assert.equal(raw.slice(...e.source.span), e.source.text);
    if (e.target) assert.equal(raw.slice(...e.target.span), e.target.text);
    if (e.quote) assert.equal(raw.slice(...e.quote.span), e.quote.text);
    assert.ok(
      e.evidence.triggerSpan[0] >= e.evidence.sentenceSpan[0] &&
        e.evidence.triggerSpan[1] <= e.evidence.sentenceSpan[1],
    );
    assert.ok(e.evidence.sentenceSpan[0] >= storyStart, `evidence before the story: ${e.evidence.sentence}`);
    assert.doesNotMatch(e.evidence.sentence, /Gallery|Caption|Photo:|less |Image \d/);
  }
});
