import type { Article, Rejected } from "../types/index.js";

/** What the readers yield: an article, or an input (file, line, feed item) that could not be read and why. */
export type IngestItem =
  | { readonly kind: "article"; readonly article: Article }
  | { readonly kind: "rejected"; readonly rejected: Rejected };
