/**
 * The floor no linguistic coder can beat: wink-nlp alone (sentence splitting, tokens, part-of-speech tags) on the
 * same texts, one core. `nlp-floor.ts <input.jsonl> <runs>` → one JSON line (median of `runs` after a warm-up).
 */
import { readFileSync } from "node:fs";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

const [input, runsArg] = process.argv.slice(2);
if (!input) throw new Error("usage: nlp-floor.ts <input.jsonl> <runs>");
const runs = Math.max(1, Number(runsArg ?? 3));
const texts = readFileSync(input, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => (JSON.parse(line) as { text: string }).text);
const nlp = winkNLP(model, ["sbd", "pos"]);

function pass(): number {
  let sentences = 0;
  for (const text of texts) {
    const doc = nlp.readDoc(text);
    doc.tokens().out(nlp.its.pos);
    sentences += doc.sentences().length();
  }
  return sentences;
}

pass(); // warm-up
const times: number[] = [];
let sentences = 0;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  sentences = pass();
  times.push((performance.now() - t0) / 1000);
}
times.sort((a, b) => a - b);
const seconds = times[Math.floor(times.length / 2)] as number;
process.stdout.write(
  `${JSON.stringify({ texts: texts.length, sentences, seconds, sentencesPerSecond: sentences / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
