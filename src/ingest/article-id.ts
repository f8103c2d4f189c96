import { createHash } from "node:crypto";

/**
 * The content-hash id of an article: the first 16 hex digits of the SHA-1 of its raw text (UTF-8).
 * The same text always gets the same id, on any machine and in any run.
 *
 * @example articleId("Hello") // "f7ff9e8b7bb2e09b"
 */
export function articleId(rawText: string): string {
  return createHash("sha1").update(rawText, "utf8").digest("hex").slice(0, 16);
}
