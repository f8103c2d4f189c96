/** One news article as read from its source, before any cleaning. */
export interface Article {
  /** Stable id: the JSONL `id`, else a content hash (`sha1` of the raw text, 16 hex chars). */
  readonly id: string;
  readonly url: string | null;
  /** Publication date, `YYYY-MM-DD`, or null when the source gives none. */
  readonly published: string | null;
  readonly title: string | null;
  /** The text every span refers to: the file content, or the JSONL `text` field. */
  readonly rawText: string;
  /** Where it came from: a file path, with `:line` for JSONL. */
  readonly source: string;
  /** Offset in `rawText` where the story body starts (after a seed-format `date` line); 0 otherwise. */
  readonly bodyStart: number;
}

/** An input that could not be read; reported, never silently dropped. */
export interface Rejected {
  readonly path: string;
  readonly line?: number;
  readonly reason: string;
}
