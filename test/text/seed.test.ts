import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { annotate } from "../../src/text/index.js";

// The seed article's story, from its dateline on (what the cleaner keeps), read at run time from ../shared.
const SEED = new URL("../../../shared/seeds/000_8b7cc604a3f66fa2.txt", import.meta.url);
const raw = readFileSync(SEED, "utf8");
const body = raw.slice(raw.indexOf("MOSCOW (AP)"));
const doc = annotate(body, { date: "2020-10-22" });

test("seed: dateline", () => {
  assert.deepEqual(
    doc.dateline && { ...doc.dateline, span: body.slice(doc.dateline.start, doc.dateline.end) },
    {
      place: "MOSCOW",
      agency: "AP",
      start: 0,
      end: 13,
      span: "MOSCOW (AP) —",
    },
  );
});

test("seed: one sentence per story paragraph", () => {
  assert.equal(doc.sentences.length, 8);
  const first = doc.sentences[0]!;
  assert.equal(
    body.slice(first.start, first.end),
    "MOSCOW (AP) — Russian President Vladimir Putin says there is no need for a Russia-China military alliance now, but noted it could be forged in the future.",
  );
});

test("seed: every token slices exactly", () => {
  for (const t of doc.tokens) assert.equal(body.slice(t.start, t.end), t.text);
});

test("seed: lemmas of the event words", () => {
  const lemmaOf = (word: string) => doc.tokens.find((t) => t.text === word)?.lemma;
  assert.equal(lemmaOf("forged"), "forge");
  assert.equal(lemmaOf("held"), "hold");
  assert.equal(lemmaOf("games"), "game");
  assert.equal(lemmaOf("hailed"), "hail");
});

test("seed: quotes and their speakers", () => {
  assert.deepEqual(
    doc.quotes.map((q) => [q.text.slice(0, 30), q.speaker?.text ?? null, q.sentence]),
    [
      ["we don't need it, but, theoret", "Putin", 2],
      ["strategic partnership", null, 3],
      ["Without any doubt, our coopera", "he", 6],
      ["The time will show how it will", "the Russian president", 7],
    ],
  );
});

test("seed: Thursday resolves to the article date", () => {
  assert.deepEqual(
    doc.times.map((t) => [t.text, t.date, t.sentence]),
    [["Thursday", "2020-10-22", 2]],
  );
});
