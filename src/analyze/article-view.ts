import type { StoredTelling } from "../store/store.js";
import type { Span } from "../types/span.js";
import type { StoredArticle } from "../types/store.js";
import { alignCleanText, rawSpanToClean } from "./clean-alignment.js";

export type EvidenceKind = "source" | "target" | "trigger" | "quote" | "sentence";

export interface EvidenceSpan {
  readonly kind: EvidenceKind;
  /** The telling (event found in this article) the span belongs to. */
  readonly eventId: string;
  /** Offsets into the clean text (`ArticleView.text`). */
  readonly start: number;
  readonly end: number;
  /** The same span in the original text (`ArticleView.rawText`). */
  readonly raw: Span;
  readonly text: string;
}

export interface ArticleView {
  readonly id: string;
  readonly url: string | null;
  readonly published: string | null;
  readonly title: string | null;
  readonly source: string;
  readonly clusterId: string;
  /** The clean text: what a reader should see. */
  readonly text: string;
  readonly rawText: string;
  /** Every actor, trigger, quote and sentence of the article's events, in clean-text order. */
  readonly spans: readonly EvidenceSpan[];
  /** The events found in this article (each with `mergedId`, the de-duplicated event it counts toward). */
  readonly events: readonly StoredTelling[];
}

const KIND_ORDER: Record<EvidenceKind, number> = { sentence: 0, quote: 1, source: 2, target: 3, trigger: 4 };

/**
 * An article with the evidence of its events located in its clean text. Event spans point into the original
 * text; they are converted through the clean text's segments (rebuilt by aligning the two texts). Spans that fall
 * in text the cleaner removed are left out of `spans` (they stay on the events).
 */
export function articleView(article: StoredArticle, tellings: readonly StoredTelling[]): ArticleView {
  const segments = alignCleanText(article.rawText, article.cleanText);
  const spans: EvidenceSpan[] = [];
  const add = (kind: EvidenceKind, eventId: string, raw: Span) => {
    const clean = rawSpanToClean(segments, raw);
    if (!clean) return;
    spans.push({
      kind,
      eventId,
      start: clean[0],
      end: clean[1],
      raw,
      text: article.cleanText.slice(clean[0], clean[1]),
    });
  };
  for (const e of tellings) {
    add("sentence", e.id, e.evidence.sentenceSpan);
    if (e.quote) add("quote", e.id, e.quote.span);
    add("source", e.id, e.source.span);
    if (e.target) add("target", e.id, e.target.span);
    add("trigger", e.id, e.evidence.triggerSpan);
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return {
    id: article.id,
    url: article.url,
    published: article.published,
    title: article.title,
    source: article.source,
    clusterId: article.clusterId,
    text: article.cleanText,
    rawText: article.rawText,
    spans,
    events: tellings,
  };
}
