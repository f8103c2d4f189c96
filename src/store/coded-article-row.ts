import type { Article } from "../types/article.js";
import type { CleanText } from "../types/clean-text.js";
import type { EventRecord } from "../types/event.js";
import type { CodedArticleRow } from "../types/store.js";

/** The row `Store.writeBatch` takes for one coded article (the pipeline's `CodedArticle` fits this shape). */
export function codedArticleRow(
  coded: { readonly article: Article; readonly clean: CleanText; readonly events: readonly EventRecord[] },
  signature?: Uint32Array,
): CodedArticleRow {
  const a = coded.article;
  const article = {
    id: a.id,
    url: a.url,
    published: a.published,
    title: a.title,
    source: a.source,
    rawText: a.rawText,
    cleanText: coded.clean.text,
    clusterId: a.id,
  };
  return signature ? { article, events: coded.events, signature } : { article, events: coded.events };
}
