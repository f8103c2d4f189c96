import type { WinkMethods } from "wink-nlp";
import { createEnglishNlp } from "./wink-cache-rewind.js";

let shared: WinkMethods | null = null;

/**
 * The one wink-nlp instance of the process, created on first use. Only sentence splitting and
 * part-of-speech tagging are switched on: negation, sentiment and wink's own entity pass cost time and
 * their results are not used (actors and places come from our own knowledge). Its token cache is rewound after
 * every document (see wink-cache-rewind.ts), so a document's tokens never depend on what was read before it.
 */
export function englishNlp(): WinkMethods {
  if (shared === null) shared = createEnglishNlp();
  return shared;
}
