/**
 * Guard for speed work: codes a slice of Wikinews with the worker task (what `ingest` stores: clean text, events,
 * MinHash signature, sentence count) and either records it as JSONL or checks that it is byte-identical to a record.
 *
 *   npx tsx bench/identical-output.ts record /tmp/baseline.jsonl [--articles 500]
 *   npx tsx bench/identical-output.ts check  /tmp/baseline.jsonl [--articles 500]
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { codeTask, prepare } from "../src/scale/pipeline-task.js";
import { corpusSlice } from "./corpus-slice.js";

const [mode, file] = process.argv.slice(2);
const at = process.argv.indexOf("--articles");
const count = at >= 0 ? Number(process.argv[at + 1]) : 500;
if ((mode !== "record" && mode !== "check") || !file) {
  process.stderr.write("usage: identical-output.ts record|check FILE [--articles N]\n");
  process.exit(2);
}

prepare();
const lines: string[] = [];
for (const article of await corpusSlice(count)) {
  let line: string;
  try {
    const r = codeTask(article);
    line = JSON.stringify({
      id: r.articleId,
      sentences: r.sentences,
      clean: createHash("sha1").update(r.cleanText).digest("hex"),
      signature: Buffer.from(r.signature.buffer, r.signature.byteOffset, r.signature.byteLength).toString(
        "hex",
      ),
      events: r.events,
    });
  } catch (error) {
    line = JSON.stringify({ id: article.id, error: (error as Error).message });
  }
  lines.push(line);
}
const text = `${lines.join("\n")}\n`;
if (mode === "record") {
  writeFileSync(file, text);
  const events = lines.reduce(
    (n, l) => n + ((JSON.parse(l) as { events?: unknown[] }).events?.length ?? 0),
    0,
  );
  process.stdout.write(`recorded ${lines.length} articles, ${events} events → ${file}\n`);
} else {
  const expected = readFileSync(file, "utf8").split("\n");
  const got = text.split("\n");
  let differing = 0;
  for (let i = 0; i < Math.max(expected.length, got.length); i++) {
    if (expected[i] === got[i]) continue;
    if (differing++ < 3) {
      process.stdout.write(
        `line ${i + 1} differs:\n  want ${expected[i]?.slice(0, 400)}\n  got  ${got[i]?.slice(0, 400)}\n`,
      );
    }
  }
  if (differing === 0) process.stdout.write(`identical: ${got.length - 1} articles\n`);
  else {
    process.stdout.write(`${differing} of ${got.length - 1} articles differ\n`);
    process.exit(1);
  }
}
