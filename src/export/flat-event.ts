import type { StoredEvent } from "../types/store.js";

/** The type a flat column holds: drives the Parquet schema (CSV writes them all as text). */
export type FlatColumnType = "string" | "int" | "double" | "date";

export interface FlatColumn {
  readonly name: string;
  readonly type: FlatColumnType;
  /** What the column holds, for the docs and `dyad export --help`. */
  readonly about: string;
}

/**
 * The columns of a flattened event, in order: the CSV header and the Parquet schema.
 * Nested objects become `prefix_field` columns; spans become `_start`/`_end` pairs (offsets into the
 * article's original text); list values (modality cues) are joined with `|`. Absent values are empty
 * in CSV and null in Parquet.
 */
export const FLAT_EVENT_COLUMNS: readonly FlatColumn[] = [
  { name: "id", type: "string", about: "event id" },
  { name: "article_id", type: "string", about: "id of the article of the first telling" },
  { name: "cluster_id", type: "string", about: "story cluster (near-duplicate articles)" },
  { name: "date", type: "date", about: "event date YYYY-MM-DD (resolved, else the article date)" },
  { name: "source_code", type: "string", about: "source actor code, e.g. RUSGOV" },
  { name: "source_country", type: "string", about: "source ISO3 country (IGO for organisations)" },
  { name: "source_sector", type: "string", about: "source sector code (GOV, MIL, ...)" },
  { name: "source_name", type: "string", about: "source canonical name" },
  { name: "source_text", type: "string", about: "words that named the source" },
  { name: "source_start", type: "int", about: "start of source_text in the original text" },
  { name: "source_end", type: "int", about: "end of source_text in the original text" },
  { name: "target_code", type: "string", about: "target actor code" },
  { name: "target_country", type: "string", about: "target ISO3 country" },
  { name: "target_sector", type: "string", about: "target sector code" },
  { name: "target_name", type: "string", about: "target canonical name" },
  { name: "target_text", type: "string", about: "words that named the target" },
  { name: "target_start", type: "int", about: "start of target_text in the original text" },
  { name: "target_end", type: "int", about: "end of target_text in the original text" },
  { name: "cameo_code", type: "string", about: "CAMEO event code" },
  { name: "cameo_root", type: "string", about: "CAMEO root (2 digits)" },
  { name: "cameo_name", type: "string", about: "CAMEO code name" },
  { name: "quad", type: "int", about: "quad class 1-4" },
  { name: "goldstein", type: "double", about: "Goldstein scale value" },
  { name: "plover_type", type: "string", about: "PLOVER event type" },
  { name: "plover_mode", type: "string", about: "PLOVER mode" },
  { name: "plover_context", type: "string", about: "PLOVER context" },
  { name: "modality_status", type: "string", about: "asserted, negated, hypothetical, future, ..." },
  { name: "modality_cues", type: "string", about: "cue words that decided the status, joined by |" },
  { name: "speaker_code", type: "string", about: "actor code of who said it" },
  { name: "speaker_name", type: "string", about: "name of who said it" },
  { name: "quote_text", type: "string", about: "quoted words the event comes from" },
  { name: "quote_start", type: "int", about: "start of the quote in the original text" },
  { name: "quote_end", type: "int", about: "end of the quote in the original text" },
  { name: "location_name", type: "string", about: "place name" },
  { name: "location_country", type: "string", about: "place ISO3 country" },
  { name: "location_lat", type: "double", about: "latitude" },
  { name: "location_lon", type: "double", about: "longitude" },
  { name: "location_how", type: "string", about: "how the place was chosen: sentence, dateline, actor" },
  { name: "sentence", type: "string", about: "the evidence sentence" },
  { name: "sentence_start", type: "int", about: "start of the sentence in the original text" },
  { name: "sentence_end", type: "int", about: "end of the sentence in the original text" },
  { name: "trigger_start", type: "int", about: "start of the trigger words in the original text" },
  { name: "trigger_end", type: "int", about: "end of the trigger words in the original text" },
  { name: "pattern", type: "string", about: "the rule that fired" },
  { name: "confidence", type: "double", about: "0..1" },
  { name: "mentions", type: "int", about: "times the event was told, across articles" },
  { name: "sources", type: "int", about: "distinct outlets that told it" },
  { name: "articles", type: "int", about: "distinct articles that told it" },
];

export type FlatValue = string | number | null;
export type FlatEvent = Record<string, FlatValue>;

/** One event as a flat record keyed by {@link FLAT_EVENT_COLUMNS} names. */
export function flatEvent(e: StoredEvent): FlatEvent {
  const t = e.target;
  const loc = e.location;
  return {
    id: e.id,
    article_id: e.articleId,
    cluster_id: e.clusterId,
    date: e.date,
    source_code: e.source.code,
    source_country: e.source.country,
    source_sector: e.source.sector,
    source_name: e.source.name,
    source_text: e.source.text,
    source_start: e.source.span[0],
    source_end: e.source.span[1],
    target_code: t?.code ?? null,
    target_country: t?.country ?? null,
    target_sector: t?.sector ?? null,
    target_name: t?.name ?? null,
    target_text: t?.text ?? null,
    target_start: t ? t.span[0] : null,
    target_end: t ? t.span[1] : null,
    cameo_code: e.cameo.code,
    cameo_root: e.cameo.root,
    cameo_name: e.cameo.name,
    quad: e.cameo.quad,
    goldstein: e.cameo.goldstein,
    plover_type: e.plover.type,
    plover_mode: e.plover.mode,
    plover_context: e.plover.context,
    modality_status: e.modality.status,
    modality_cues: e.modality.cues.join("|"),
    speaker_code: e.speaker?.code ?? null,
    speaker_name: e.speaker?.name ?? null,
    quote_text: e.quote?.text ?? null,
    quote_start: e.quote ? e.quote.span[0] : null,
    quote_end: e.quote ? e.quote.span[1] : null,
    location_name: loc?.name ?? null,
    location_country: loc?.country ?? null,
    location_lat: loc?.lat ?? null,
    location_lon: loc?.lon ?? null,
    location_how: loc?.how ?? null,
    sentence: e.evidence.sentence,
    sentence_start: e.evidence.sentenceSpan[0],
    sentence_end: e.evidence.sentenceSpan[1],
    trigger_start: e.evidence.triggerSpan[0],
    trigger_end: e.evidence.triggerSpan[1],
    pattern: e.pattern,
    confidence: e.confidence,
    mentions: e.mentions,
    sources: e.sources,
    articles: e.articles,
  };
}
