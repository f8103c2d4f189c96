// Speed of the annotation stage on real news: annotate() against wink-nlp alone (tokens + POS), one core.
// Reads the first 1,000 Wikinews articles. Run: npx tsx bench/text-annotate.ts [--json] [--articles N]
import { readFileSync } from "node:fs";
import { englishNlp } from "../src/text/english-nlp.js";
import { annotate } from "../src/text/index.js";

const CORPUS = new URL("../../shared/corpus/wikinews_en/articles.jsonl", import.meta.url);
const argv = process.argv.slice(2);
const json = argv.includes("--json");
const limitAt = argv.indexOf("--articles");
const limit = limitAt >= 0 ? Number(argv[limitAt + 1]) : 1000;
const RUNS = 5;

interface CorpusArticle {
  id: string;
  date: string | null;
  text: string;
}

const articles: CorpusArticle[] = readFileSync(CORPUS, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .slice(0, limit)
  .map((l) => {
    const a = JSON.parse(l) as { id: string; date?: string; text: string };
    return { id: a.id, date: a.date && /^\d{4}-\d{2}-\d{2}$/.test(a.date) ? a.date : null, text: a.text };
  });

let sentences = 0;
let tokens = 0;
let chars = 0;
for (const a of articles) {
  const doc = annotate(a.text, { date: a.date });
  sentences += doc.sentences.length;
  tokens += doc.tokens.length;
  chars += a.text.length;
}

function winkAlone(): void {
  const nlp = englishNlp();
  for (const a of articles) {
    const d = nlp.readDoc(a.text);
    d.tokens().out(nlp.its.pos);
  }
}

function annotateAll(): void {
  for (const a of articles) annotate(a.text, { date: a.date });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median seconds of each function over RUNS rounds, run alternately so that load changes hit both alike. */
function timeBoth(a: () => void, b: () => void): [number, number] {
  a(); // warm-up
  b();
  const ra: number[] = [];
  const rb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    a();
    ra.push((performance.now() - t0) / 1000);
    t0 = performance.now();
    b();
    rb.push((performance.now() - t0) / 1000);
  }
  return [median(ra), median(rb)];
}

const [winkSeconds, annotateSeconds] = timeBoth(winkAlone, annotateAll);
const result = {
  articles: articles.length,
  sentences,
  tokens,
  mb: Number((chars / 1e6).toFixed(2)),
  winkSeconds: Number(winkSeconds.toFixed(3)),
  annotateSeconds: Number(annotateSeconds.toFixed(3)),
  winkSentencesPerSecond: Math.round(sentences / winkSeconds),
  winkTokensPerSecond: Math.round(tokens / winkSeconds),
  annotateSentencesPerSecond: Math.round(sentences / annotateSeconds),
  annotateTokensPerSecond: Math.round(tokens / annotateSeconds),
  overhead: Number((annotateSeconds / winkSeconds).toFixed(2)),
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
};
if (json) {
  console.log(JSON.stringify(result));
} else {
  console.log(
    `${result.articles} articles, ${sentences} sentences, ${tokens} tokens, ${result.mb} MB (median of ${RUNS})`,
  );
  console.log(
    `wink alone : ${result.winkSentencesPerSecond} sentences/s, ${result.winkTokensPerSecond} tokens/s`,
  );
  console.log(
    `annotate   : ${result.annotateSentencesPerSecond} sentences/s, ${result.annotateTokensPerSecond} tokens/s`,
  );
  console.log(`annotate / wink time: ${result.overhead}x, peak RSS ${result.peakRssMb} MB`);
}
