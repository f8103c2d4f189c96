import type { z } from "zod";
import { articleFromText } from "../ingest/article-from-text.js";
import type { ArticleCoder } from "../scale/coding-pool.js";
import { codedRowOf } from "../scale/coding-result.js";
import type { Store } from "../store/store.js";
import type { Article } from "../types/article.js";
import type { CodedArticleRow } from "../types/store.js";
import { ApiProblem } from "./api-problem.js";
import type { newArticle } from "./api-schemas.js";

export type PostedArticle = z.output<typeof newArticle>;

export interface PostedResult {
  readonly articles: readonly { readonly id: string; readonly events: number; readonly issues: number }[];
  /** Events stored by this request (articles already stored add none). */
  readonly events: number;
  /** Articles that were already stored and were left as they are. */
  readonly skipped: number;
}

/**
 * Codes posted articles with `coder` and stores them in one batch (idempotent: an article already stored is
 * skipped). Each becomes an `Article` as `dyad ingest` would make it from a JSONL line; the id defaults to the hash
 * of the text. Nothing is coded unless every article can be read. The server passes a worker-thread coder, so
 * coding never holds up the requests it is answering meanwhile.
 */
export async function codePostedArticles(
  store: Store,
  posted: readonly PostedArticle[],
  coder: ArticleCoder,
): Promise<PostedResult> {
  const articles: Article[] = [];
  const problems: { path: string; message: string }[] = [];
  posted.forEach((p, i) => {
    const item = articleFromText(p.text, "api", {
      ...(p.id ? { id: p.id } : {}),
      ...(p.url ? { url: p.url } : {}),
      ...(p.date ? { published: p.date } : {}),
      ...(p.title ? { title: p.title } : {}),
      emptyReason: "empty text",
    });
    if (item.kind === "rejected") {
      problems.push({ path: posted.length > 1 ? `${i}.text` : "text", message: item.rejected.reason });
      return;
    }
    articles.push(item.article);
  });
  if (problems.length > 0)
    throw new ApiProblem(422, "some articles cannot be read; nothing was stored", problems);
  const results = await Promise.all(articles.map((article) => coder.code(article)));
  const rows: CodedArticleRow[] = results.map((r, i) => codedRowOf(articles[i]!, r));
  const summary = results.map((r) => ({ id: r.articleId, events: r.events.length, issues: r.issues }));
  const outcome = await store.writeBatch({ rows, rejects: [] });
  return { articles: summary, events: outcome.events, skipped: outcome.skipped };
}
