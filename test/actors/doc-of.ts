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
