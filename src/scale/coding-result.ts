import { minhashSignature } from "../dedupe/minhash.js";
import type { Article, Rejected } from "../types/article.js";
import type { CleanText } from "../types/clean-text.js";
import type { Doc } from "../types/doc.js";
import type { EventRecord } from "../types/event.js";
import type { CodedArticleRow } from "../types/store.js";

/** What a worker sends back for one article: only what the store needs (the main thread still holds the article). */
export interface CodingResult {
  readonly articleId: string;
  readonly cleanText: string;
  readonly events: readonly EventRecord[];
  /** MinHash signature of the clean text, computed in the worker to spare the writer thread. */
  readonly signature: Uint32Array;
  /** Sentences the annotator found (for throughput figures). */
  readonly sentences: number;
  /** Problems the pipeline noted about the article (e.g. nothing left after cleaning). */
  readonly issues: number;
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
  readonly issues?: readonly unknown[];
}): CodingResult {
  return {
    articleId: coded.article.id,
    cleanText: coded.clean.text,
    events: coded.events,
    signature: minhashSignature(coded.clean.text),
    sentences: coded.doc.sentences.length,
    issues: coded.issues?.length ?? 0,
  };
}

/** `path:line` as written in `Article.source` for JSONL lines, split back into a reject's path and line. */
export function rejectOfArticle(article: Article, reason: string): Rejected {
  const m = /^(.*):(\d+)$/.exec(article.source);
  return m?.[1] ? { path: m[1], line: Number(m[2]), reason } : { path: article.source, reason };
}

/** The store row of an article and the worker's result for it (the cluster is decided by the store). */
export function codedRowOf(article: Article, result: CodingResult): CodedArticleRow {
  return {
    article: {
      id: article.id,
      url: article.url,
      published: article.published,
      title: article.title,
      source: article.source,
      rawText: article.rawText,
      cleanText: result.cleanText,
      clusterId: article.id,
    },
    events: result.events,
    signature: result.signature,
  };
}
