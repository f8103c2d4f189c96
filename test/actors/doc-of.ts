import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findMentions } from "../../src/actors/index.js";
import { loadActorKnowledge } from "../../src/knowledge/actors/index.js";
import { annotate } from "../../src/text/index.js";
import type { Doc } from "../../src/types/doc.js";
import type { Mention } from "../../src/types/mention.js";

/** An annotated document for a test text (the real annotator of src/text). */
export function docOf(text: string, date: string | null = null): Doc {
  return annotate(text, { date });
}

/** The mentions dyad finds in `text` on `date`, with the default knowledge base. */
export function mentionsOf(text: string, date: string | null = null): Mention[] {
  return findMentions(docOf(text, date), loadActorKnowledge(), date);
}

/** `text → code` pairs, the compact form most tests compare. */
export function codesOf(text: string, date: string | null = null): string[] {
  return mentionsOf(text, date).map((m) => `${m.text} → ${m.code}`);
}

/**
 * Runs `run` with the default knowledge base plus an extra actor directory holding one people file: `rows` are its
 * lines after the header (`id name aliases gender code role from to`, tab-separated), for invented office holders.
 */
export function withExtraPeople<T>(rows: string, run: (k: ReturnType<typeof loadActorKnowledge>) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "dyad-extra-people-"));
  try {
    writeFileSync(join(dir, "people.tsv"), `id\tname\taliases\tgender\tcode\trole\tfrom\tto\n${rows}`);
    return run(loadActorKnowledge({ extraDirs: [dir] }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
