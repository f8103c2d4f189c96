import assert from "node:assert/strict";
import { test } from "node:test";
import model from "wink-eng-lite-web-model";
import winkNLP, { type ItsFunction } from "wink-nlp";
import {
  type EventPattern,
  insideNotEvent,
  loadPatterns,
  matchAt,
} from "../../../src/knowledge/patterns/index.js";
import { SENTENCE_TABLE } from "./sentence-table.js";

const nlp = winkNLP(model);
const its = nlp.its;

/**
 * The best pattern at the first token whose lemma is `trigger` (verb heads first, then noun triggers), or null
 * when nothing matches there or the token is inside a not-event phrase.
 */
function bestAt(sentence: string, trigger: string): EventPattern | null {
  const tokens = nlp.readDoc(sentence).tokens();
  const lemmas = (tokens.out(its.lemma as unknown as ItsFunction<string>) as string[]).map((l) =>
    l.toLowerCase(),
  );
  const pos = tokens.out(its.pos) as string[];
  const at = lemmas.indexOf(trigger);
  if (at < 0) return null;
  const idx = loadPatterns();
  if (insideNotEvent(idx, lemmas, pos, at)) return null;
  const lists = [
    pos[at] === "VERB" || pos[at] === "AUX" ? idx.byHead.get(trigger) : undefined,
    idx.nounFirst.get(trigger),
  ];
  for (const list of lists) {
    for (const p of list ?? []) if (matchAt(p, lemmas, pos, at, lemmas.length)) return p;
  }
  return null;
}

test("the sentence table has at least 60 rows covering all 20 roots", () => {
  assert.ok(SENTENCE_TABLE.length >= 60);
  assert.equal(new Set(SENTENCE_TABLE.map(([, , code]) => code.slice(0, 2))).size, 20);
});

test("own sentences get the expected CAMEO code from the best pattern at their trigger", () => {
  for (const [sentence, trigger, code] of SENTENCE_TABLE) {
    const p = bestAt(sentence, trigger);
    assert.equal(p?.code, code, `${sentence} [${trigger}] → ${p ? `${p.code} ${p.text}` : "no match"}`);
  }
});

test("figurative and everyday phrases produce no trigger", () => {
  const quiet: Array<[string, string]> = [
    ["He suffered a heart attack on holiday.", "attack"],
    ["The trade war hurt exporters.", "war"],
    ["The singer said she was tired.", "say"],
    ["He took the bus into town.", "take"],
    ["The company will launch a new phone.", "launch"],
    ["Prices rose as demand for oil grew.", "demand"],
    ["The speech struck a chord with voters.", "strike"],
    ["The senators killed the bill in committee.", "kill"],
    ["The crew will shoot the film in Morocco.", "shoot"],
    ["The campaign rally drew large crowds.", "rally"],
    ["The band released a new album.", "release"],
    ["The statistics office released its quarterly figures.", "release"],
    ["Photos released by the agency showed the damage.", "release"],
  ];
  for (const [sentence, trigger] of quiet) {
    const p = bestAt(sentence, trigger);
    assert.equal(p, null, `${sentence} → ${p?.code} ${p?.text}`);
  }
});

test("words with everyday uses only match patterns flagged political", () => {
  const everyday: Array<[string, string]> = [
    ["Liverpool attacked down the left wing.", "attack"],
    ["She visited her grandmother.", "visit"],
    ["The storm killed three people.", "kill"],
    ["The director thanked his family.", "thank"],
    ["The zoo released the rescued owls into the forest.", "release"],
    ["We met for lunch.", "meet"],
  ];
  for (const [sentence, trigger] of everyday) {
    const p = bestAt(sentence, trigger);
    assert.ok(p, `${sentence}: expected a match`);
    assert.equal(p.flags.political, true, `${sentence} → ${p.code} ${p.text}`);
  }
});
