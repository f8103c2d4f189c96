/** The coding task workers run by default: dyad's own pipeline (`warmUp` once, then `codeArticle` per article). */
import { codeArticle, warmUp } from "../pipeline/index.js";
import type { Article } from "../types/article.js";
import { type CodingResult, codingResult } from "./coding-result.js";

export function prepare(): void {
  warmUp();
}

export function codeTask(article: Article): CodingResult {
  return codingResult(codeArticle(article));
}
