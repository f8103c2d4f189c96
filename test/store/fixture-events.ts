import type { EventRecord, ModalityStatus } from "../../src/types/event.js";
import type { CodedArticleRow } from "../../src/types/store.js";

export interface FixtureEvent {
  readonly id: string;
  readonly articleId: string;
  readonly date: string | null;
  readonly source: string;
  readonly target: string | null;
  readonly code: string;
  readonly quad?: 1 | 2 | 3 | 4;
  readonly goldstein?: number;
  readonly status?: ModalityStatus;
  readonly sentence?: string;
  readonly at?: number;
}

/** A full event record from the few fields a store test cares about. */
export function fixtureEvent(f: FixtureEvent): EventRecord {
  const sentence = f.sentence ?? `${f.source} acted toward ${f.target ?? "nobody"}.`;
  const at = f.at ?? 0;
  const actor = (code: string, start: number) => ({
    code,
    country: code.slice(0, 3),
    sector: code.length > 3 ? code.slice(3) : null,
    name: code,
    text: code,
    span: [start, start + code.length] as const,
  });
  return {
    id: f.id,
    articleId: f.articleId,
    date: f.date,
    source: actor(f.source, at),
    target: f.target === null ? null : actor(f.target, at + 10),
    cameo: {
      code: f.code,
      root: f.code.slice(0, 2),
      name: `code ${f.code}`,
      quad: f.quad ?? 1,
      goldstein: f.goldstein ?? 1,
    },
    plover: { type: "CONSULT", mode: null, context: null },
    modality: { status: f.status ?? "asserted", cues: f.status && f.status !== "asserted" ? ["might"] : [] },
    speaker: null,
    quote: null,
    location: null,
    evidence: { sentence, sentenceSpan: [at, at + sentence.length], triggerSpan: [at + 4, at + 8] },
    pattern: "test:fixture",
    confidence: 0.9,
  };
}

/** A coded article row whose raw and clean text are `text`. */
export function fixtureRow(
  id: string,
  text: string,
  events: readonly FixtureEvent[] = [],
  meta: { url?: string | null; published?: string | null; title?: string | null; source?: string } = {},
): CodedArticleRow {
  return {
    article: {
      id,
      url: meta.url ?? null,
      published: meta.published ?? null,
      title: meta.title ?? null,
      source: meta.source ?? `corpus/${id}.txt`,
      rawText: text,
      cleanText: text,
      clusterId: id,
    },
    events: events.map(fixtureEvent),
  };
}
