import { readFileSync } from "node:fs";
import { annotate } from "./src/text/index.js";
const want = new Set(process.argv.slice(2));
const lines = readFileSync("../shared/corpus/wikinews_en/articles.jsonl", "utf8").split("\n").filter(Boolean);
const n = new Map<string, number>();
for (const l of lines) { const a = JSON.parse(l); const d = annotate(a.text, { date: a.date });
  for (const x of d.quotes) if (x.speaker && want.has(x.speaker.text)) { const c = n.get(x.speaker.text) ?? 0; if (c >= 3) continue; n.set(x.speaker.text, c + 1);
    const s = Math.min(x.start, x.speaker.start) - 20, e = Math.max(x.end, x.speaker.end) + 20; console.log(x.speaker.text, "||", a.text.slice(Math.max(0, s), e).replace(/\n/g, " ").slice(0, 300)); } }
