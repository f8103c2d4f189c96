import type { CreateTableBuilder, Expression, Kysely, SqlBool } from "kysely";
import type { Database } from "./schema.js";

/** An article's searchable text, handed to the backend's full-text index. */
export interface ArticleText {
  readonly id: string;
  readonly title: string | null;
  readonly text: string;
}

/** An event's evidence sentence, handed to the backend's full-text index. */
export interface SentenceText {
  readonly id: string;
  readonly sentence: string;
}

/**
 * Everything that differs between database engines, kept in one place: how to connect, session settings, and
 * full-text search. Tables, indexes and every other query are written once with Kysely's builders and shared.
 */
export interface StoreBackend {
  readonly name: string;
  readonly db: Kysely<Database>;
  /** Session settings applied once after connecting (SQLite pragmas, PostgreSQL search_path, ...). */
  prepare(): Promise<void>;
  /** Marks a table that is nothing but its primary key (SQLite: `WITHOUT ROWID`, stored once instead of twice). */
  keyOnlyTable<T extends string, C extends string>(table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C>;
  /** Creates the full-text index objects; called from the initial migration. */
  createFullText(db: Kysely<unknown>): Promise<void>;
  dropFullText(db: Kysely<unknown>): Promise<void>;
  /** Adds new articles and evidence sentences to the full-text index, inside the caller's transaction. */
  indexFullText(
    trx: Kysely<Database>,
    articles: readonly ArticleText[],
    sentences: readonly SentenceText[],
  ): Promise<void>;
  /** Condition on `articleIdColumn`: the article's title or clean text matches `q` (words, all required). */
  articleMatches(articleIdColumn: Expression<string>, q: string): Expression<SqlBool>;
  /** Condition on `eventIdColumn` (an `events.id`): the telling's evidence sentence matches `q`. */
  sentenceMatches(eventIdColumn: Expression<string>, q: string): Expression<SqlBool>;
  /** Largest number of bound parameters one statement may carry. */
  readonly maxParameters: number;
  /**
   * Bound parameters per multi-row INSERT that the batch writer aims for (default `maxParameters`): an embedded engine
   * does best with short statements prepared once and reused, a server with fewer round trips.
   */
  readonly insertParameters?: number;
  close(): Promise<void>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a user's search text, lower-cased; punctuation and query syntax are dropped. */
export function searchWords(q: string): string[] {
  return [...q.toLowerCase().matchAll(WORD)].map((m) => m[0]).slice(0, 32);
}
