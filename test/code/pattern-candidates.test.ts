import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { PatternCandidates } from "../../src/code/pattern-candidates.js";
import type { EventPatternLike } from "../../src/code/ports.js";
import { compilePatternText, loadPatterns, matchAt } from "../../src/knowledge/patterns/index.js";
import { annotate } from "../../src/text/index.js";
import { SENTENCE_TABLE } from "../knowledge/patterns/sentence-table.js";

function pattern(text: string, kind: "verb" | "noun" = "verb"): EventPatternLike {
  const words = compilePatternText(text);
  if (typeof words === "string") throw new Error(words);
  return {
    id: `${kind}:04/040 ${text}`,
    code: "040",
    kind,
    words,
    flags: { reciprocal: false, notarget: false, passiveOk: false },
    specificity: 0,
  };
}

/** Lists keyed by every lemma of each pattern's first word, in the order given. */
function byFirst(patterns: readonly EventPatternLike[]): Map<string, EventPatternLike[]> {
  const map = new Map<string, EventPatternLike[]>();
  for (const p of patterns) {
    const first = p.words[0];
    if (first?.kind !== "word") continue;
    for (const l of first.lemmas) map.set(l, [...(map.get(l) ?? []), p]);
  }
  return map;
}

/** Whether pattern `at` of the list for `lemma` may match with its head at `head`. */
function may(c: PatternCandidates, lemma: string, at: number, head: number): boolean {
  const list = c.verbs.get(lemma) ?? c.nouns.get(lemma);
  assert.ok(list, `no list for '${lemma}'`);
  c.startHead();
  return c.mayMatch(list.needs[at]!, head);
}

test("a pattern whose later word is missing, or occurs only before the head, is no candidate", () => {
  const talks = pattern("hold talk|negotiation with {T}");
  const meet = pattern("meet with {T}");
  const c = new PatternCandidates(byFirst([talks, meet]), new Map());
  const s = "talk about they hold the talk with china".split(" ");
  c.startSentence(s, 0, s.length);
  assert.equal(may(c, "hold", 0, 3), true, "talk and with follow the head");
  assert.equal(may(c, "hold", 0, 6), false, "nothing after the last word");
  const t = "talk with they hold a meeting".split(" ");
  c.startSentence(t, 0, t.length);
  assert.equal(may(c, "hold", 0, 3), false, "talk and with only before the head");
  const u = "the leaders meet in paris".split(" ");
  c.startSentence(u, 0, u.length);
  assert.equal(may(c, "meet", 0, 2), false, "'with' is missing");
  // only the range given to startSentence counts: a word beyond the sentence end is not seen
  const v = "they meet . with china".split(" ");
  c.startSentence(v, 0, 3);
  assert.equal(may(c, "meet", 0, 1), false);
  c.startSentence(v, 0, v.length);
  assert.equal(may(c, "meet", 0, 1), true);
});

test("answers are per head: a group seen after one head is not reused for a later head", () => {
  const p = pattern("impose * sanction");
  const q = pattern("impose ban|sanction on {T}");
  const c = new PatternCandidates(byFirst([p, q]), new Map());
  const s = "they impose sanction and impose ban".split(" ");
  c.startSentence(s, 0, s.length);
  const list = c.verbs.get("impose")!;
  c.startHead();
  assert.equal(c.mayMatch(list.needs[0]!, 1), true);
  c.startHead();
  assert.equal(c.mayMatch(list.needs[0]!, 4), false, "no 'sanction' after the second 'impose'");
  assert.equal(c.mayMatch(list.needs[1]!, 4), false, "no 'on' after it either");
});

test("single-word patterns and patterns ending in {T} need only their own later words", () => {
  const visit = pattern("visit");
  const accuse = pattern("accuse {T}");
  const c = new PatternCandidates(byFirst([visit, accuse]), new Map());
  const s = "they visit".split(" ");
  c.startSentence(s, 0, s.length);
  assert.equal(may(c, "visit", 0, 1), true);
  assert.equal(may(c, "accuse", 0, 1), true);
});

function sentences(): string[] {
  const own = readFileSync(new URL("../regression/sentences.tsv", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split("\t")[5] ?? "")
    .filter(Boolean);
  return [...new Set([...own, ...SENTENCE_TABLE.map((r) => r[0])])];
}

test("never rules out a pattern the matcher matches (every pattern, every token of our sentences)", () => {
  const index = loadPatterns();
  const c = new PatternCandidates(index.byHead, index.nounFirst);
  let matched = 0;
  let tried = 0;
  let ruledOut = 0;
  for (const text of sentences()) {
    const doc = annotate(text, { date: null });
    const lemmas = doc.tokens.map((t) => t.lemma);
    const pos = doc.tokens.map((t) => t.pos);
    for (const s of doc.sentences) {
      c.startSentence(lemmas, s.tokenStart, s.tokenEnd);
      for (let t = s.tokenStart; t < s.tokenEnd; t++) {
        c.startHead();
        for (const list of [c.verbs.get(lemmas[t]!), c.nouns.get(lemmas[t]!)]) {
          if (!list) continue;
          // the walk visits exactly the patterns mayMatch lets through, in the list's order
          const walked: number[] = [];
          for (let i = c.next(list, t, 0); i >= 0; i = c.next(list, t, i + 1)) walked.push(i);
          const kept = list.needs.flatMap((n, i) => (c.mayMatch(n, t) ? [i] : []));
          assert.deepEqual(walked, kept, `walk at ${t} in "${text}"`);
          list.patterns.forEach((p, i) => {
            tried++;
            const may = c.mayMatch(list.needs[i]!, t);
            if (!may) ruledOut++;
            const m = matchAt(p as Parameters<typeof matchAt>[0], lemmas, pos, t, s.tokenEnd);
            if (!m) return;
            matched++;
            assert.ok(may, `'${p.id}' matches at ${t} in "${text}" but was ruled out`);
          });
        }
      }
    }
  }
  assert.ok(matched > 100, `only ${matched} matches: the check saw too little`);
  // the point of the filter: most patterns tried at a head cannot match there
  assert.ok(ruledOut / tried > 0.8, `only ${ruledOut} of ${tried} ruled out`);
});

test("a walk crosses 32-pattern words of the bit sets and skips patterns whose first word is missing", () => {
  // 70 patterns on one head: every third needs "talk", the others "meeting", one needs nothing after the head
  const texts = Array.from({ length: 70 }, (_, i) =>
    i === 69 ? "hold" : `hold ${i % 3 === 0 ? "talk" : "meeting"} w${i}`,
  );
  const c = new PatternCandidates(byFirst(texts.map((t) => pattern(t))), new Map());
  const words = Array.from({ length: 70 }, (_, i) => `w${i}`);
  const s = ["they", "hold", "talk", ...words];
  c.startSentence(s, 0, s.length);
  const list = c.verbs.get("hold")!;
  c.startHead();
  const walked: number[] = [];
  for (let i = c.next(list, 1, 0); i >= 0; i = c.next(list, 1, i + 1)) walked.push(i);
  const want = [...Array.from({ length: 23 }, (_, k) => k * 3), 69];
  assert.deepEqual(walked, want);
});

test("lists keep the pattern source's order", () => {
  const index = loadPatterns();
  const c = new PatternCandidates(index.byHead, index.nounFirst);
  for (const [lemma, list] of index.byHead) assert.equal(c.verbs.get(lemma)?.patterns, list);
  for (const [lemma, list] of index.nounFirst) assert.equal(c.nouns.get(lemma)?.patterns, list);
});
