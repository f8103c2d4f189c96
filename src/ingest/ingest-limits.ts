/** Size limits of the readers. Inputs above them are rejected with a reason, never loaded whole. */
export const INGEST_LIMITS = {
  /** Largest article text accepted (characters of decoded text). */
  maxArticleChars: 5 * 1024 * 1024,
  /** Largest plain-text or seed file read at all (bytes); its text must still fit `maxArticleChars`. */
  maxTextFileBytes: 24 * 1024 * 1024,
  /** Largest HTML page or feed file read at all (bytes). */
  maxMarkupFileBytes: 64 * 1024 * 1024,
  /** Longest JSONL line (bytes) before the line is skipped and rejected. */
  maxJsonlLineBytes: 32 * 1024 * 1024,
  /** Fewest characters of extracted text for an HTML page to count as an article. */
  minHtmlArticleChars: 200,
} as const;

/** `5.2 MB` style size for messages. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
