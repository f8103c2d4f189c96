import { minhashSignature } from "../dedupe/minhash.js";
import type { Article } from "../types/article.js";
import type { CleanText } from "../types/clean-text.js";
import type { Doc } from "../types/doc.js";
import type { EventRecord } from "../types/event.js";

/** What a worker sends back for one article: only what the store needs (the main thread still holds the article). */
export interface CodingResult {
  readonly articleId: string;
  readonly cleanText: string;
  readonly events: readonly EventRecord[];
  /** MinHash signature of the clean text, computed in the worker to spare the writer thread. */
  readonly signature: Uint32Array;
  /** Sentences the annotator found (for throughput figures). */
  readonly sentences: number;
}

/** A module a coding worker can load: `prepare` once at start, then `codeTask` per article. */
export interface CodingTaskModule {
  prepare?(): void | Promise<void>;
  codeTask(article: Article): CodingResult;
}

/** The worker's answer for one coded article. */
export function codingResult(coded: {
  readonly article: Article;
  readonly clean: CleanText;
  readonly doc: Pick<Doc, "sentences">;
  readonly events: readonly EventRecord[];
}): CodingResult {
  return {
    articleId: coded.article.id,
    cleanText: coded.clean.text,
    events: coded.events,
    signature: minhashSignature(coded.clean.text),
    sentences: coded.doc.sentences.length,
  };
}
