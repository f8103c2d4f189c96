/** Debug aid: prints sentences, mentions and events of a text or file (`npx tsx scripts/explain.ts "text" [date]`). */
import { existsSync, readFileSync } from "node:fs";
import { codeText } from "../src/pipeline/index.js";

const arg = process.argv[2] ?? "";
const text = existsSync(arg) ? readFileSync(arg, "utf8") : arg;
const r = codeText(text, { date: process.argv[3] ?? "2020-10-22" });
for (const s of r.doc.sentences) {
  const toks = r.doc.tokens.slice(s.tokenStart, s.tokenEnd);
  console.log(`\n[${s.index}] ${toks.map((t) => `${t.text}/${t.pos}`).join(" ")}`);
  for (const m of r.mentions.filter((m) => m.sentence === s.index))
    console.log(`   M ${m.text} → ${m.code} (${m.kind}) ${m.why}`);
  for (const e of r.events.filter(
    (e) =>
      e.evidence.sentenceSpan[0] <= e.evidence.triggerSpan[0] &&
      r.article.rawText.slice(...e.evidence.sentenceSpan).includes(e.evidence.sentence) &&
      e.evidence.sentence.includes(toks[0]?.text ?? ""),
  ))
    if (
      toks.some((t) => e.evidence.sentence.includes(t.text)) &&
      r.doc.text.slice(s.start, s.end).trim() === e.evidence.sentence.trim()
    )
      console.log(
        `   E ${e.source.code} ${e.cameo.code} ${e.target?.code ?? "-"} ${e.modality.status}[${e.modality.cues}] ${e.pattern} conf=${e.confidence}`,
      );
}
for (const q of r.doc.quotes) console.log(`Q "${q.text.slice(0, 50)}" speaker=${q.speaker?.text}`);
