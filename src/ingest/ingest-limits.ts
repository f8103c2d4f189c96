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
  /**
   * Deepest element nesting of HTML that is parsed (pages, and the HTML in feed fields); deeper HTML is rejected with
   * its depth. Real news pages nest a few dozen levels (Lighthouse already flags more than 32). Past that the parser
   * slows with the square of the depth and Readability with its cube (measured: 250 levels 0.4 s, 500 levels 4.4 s,
   * 1,000 levels 38 s; 10,000 levels overflow the stack), so the limit sits far above real pages and where the
   * slowest page still reads in well under a second.
   */
  maxHtmlDepth: 250,
} as const;

/** `5.2 MB` style size for messages. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
