/**
 * CPU time per pipeline stage, in this thread, on a Wikinews slice: the median of several rounds (CPU time from
 * `process.cpuUsage`, so a loaded machine slows it less than wall time would).
 *
 *   npx tsx bench/stage-times.ts [--articles 500] [--rounds 5] [--skip 0]
 */
import { findMentions } from "../src/actors/index.js";
import { cleanArticle } from "../src/clean/index.js";
import { findPlaces } from "../src/geo/index.js";
import { codeArticle, loadKnowledge, warmUp } from "../src/pipeline/index.js";
import { codingResult } from "../src/scale/coding-result.js";
import { annotate } from "../src/text/index.js";
import { median } from "./bench-section.js";
import { corpusSlice } from "./corpus-slice.js";

const arg = (flag: string, fallback: number) => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const count = arg("--articles", 500);
const rounds = arg("--rounds", 5);
const articles = await corpusSlice(count, arg("--skip", 0));
warmUp();
const k = loadKnowledge();

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const stages = [
  "clean",
  "annotate",
  "mentions",
  "places",
  "coder",
  "whole codeArticle",
  "+ minhash",
] as const;
const times: Record<string, number[]> = Object.fromEntries(stages.map((s) => [s, []]));
let sentences = 0;
for (let r = 0; r < rounds; r++) {
  const t: Record<string, number> = Object.fromEntries(stages.map((s) => [s, 0]));
  sentences = 0;
  for (const article of articles) {
    let c = cpu();
    const clean = cleanArticle(article);
    let d = cpu();
    t.clean! += d - c;
    c = d;
    const doc = annotate(clean.text, { date: article.published });
    d = cpu();
    t.annotate! += d - c;
    c = d;
    const mentions = findMentions(doc, k.actors, article.published);
    d = cpu();
    t.mentions! += d - c;
    c = d;
    const places = findPlaces(doc);
    d = cpu();
    t.places! += d - c;
    c = d;
    k.coder.code({ doc, mentions, date: article.published, homeCountry: null, places });
    d = cpu();
    t.coder! += d - c;
    sentences += doc.sentences.length;
  }
  let c = cpu();
  const coded = articles.map((a) => codeArticle(a, { knowledge: k }));
  t["whole codeArticle"] = cpu() - c;
  c = cpu();
  for (const x of coded) codingResult(x);
  t["+ minhash"] = cpu() - c;
  for (const s of stages) times[s]!.push(t[s]!);
}
const whole = median(times["whole codeArticle"]!) + median(times["+ minhash"]!);
const rows = stages.map((s) => `${s.padEnd(18)} ${median(times[s]!).toFixed(0).padStart(6)} ms`);
process.stdout.write(
  `${articles.length} articles, ${sentences} sentences, median of ${rounds} rounds (CPU ms)\n${rows.join("\n")}\n` +
    `codeTask rate: ${Math.round((sentences / whole) * 1000)} sentences/s (CPU)\n`,
);
