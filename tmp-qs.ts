import { readFileSync } from "node:fs";
import { annotate } from "./src/text/index.js";
const lines = readFileSync("../shared/corpus/wikinews_en/articles.jsonl", "utf8").split("\n").filter(Boolean);
let q = 0, withSp = 0, dl = 0; const samples: string[] = []; const dls: string[] = []; const sp = new Map<string, number>();
for (const [k, l] of lines.entries()) { const a = JSON.parse(l); const d = annotate(a.text, { date: a.date });
  if (d.dateline) { dl++; if (dls.length < 15) dls.push(a.text.slice(d.dateline.start, d.dateline.end + 30)); }
  for (const x of d.quotes) { q++; if (x.speaker) { withSp++; sp.set(x.speaker.text, (sp.get(x.speaker.text) ?? 0) + 1); if (k % 97 === 0 && samples.length < 25) samples.push(`${x.text.slice(0, 50)} || ${x.speaker.text} || ${a.text.slice(x.end, x.end + 50)}`); } } }
console.log({ q, withSp, dl }); console.log(dls.join("\n")); console.log(samples.join("\n"));
console.log([...sp].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, v]) => `${v} ${k}`).join("; "));
