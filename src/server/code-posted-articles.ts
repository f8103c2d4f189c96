import type { z } from "zod";
import { articleFromText } from "../ingest/article-from-text.js";
import { codedArticleRow } from "../store/coded-article-row.js";
import type { Store } from "../store/store.js";
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
 * Codes posted articles with the pipeline and stores them in one batch (idempotent: an article already stored
 * is skipped). Each becomes an `Article` as `dyad ingest` would make it from a JSONL line; the id defaults to the
 * hash of the text. The pipeline is loaded on the first write, so a read-only server never loads the NLP model.
 */
export async function codePostedArticles(
  store: Store,
  posted: readonly PostedArticle[],
): Promise<PostedResult> {
  const { codeArticle } = await import("../pipeline/index.js");
  const rows: CodedArticleRow[] = [];
  const summary: { id: string; events: number; issues: number }[] = [];
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
    const coded = codeArticle(item.article);
    rows.push(codedArticleRow(coded));
    summary.push({ id: item.article.id, events: coded.events.length, issues: coded.issues.length });
  });
  if (problems.length > 0)
    throw new ApiProblem(422, "some articles cannot be read; nothing was stored", problems);
  const outcome = await store.writeBatch({ rows, rejects: [] });
  return { articles: summary, events: outcome.events, skipped: outcome.skipped };
}
