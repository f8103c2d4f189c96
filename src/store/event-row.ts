import type { Insertable, Selectable } from "kysely";
import type { EventRecord, ModalityStatus } from "../types/event.js";
import type { EventsTable } from "./schema.js";

/** Flattens an event record into its `events` row. */
export function eventRow(event: EventRecord, mergedId: string): Insertable<EventsTable> {
  return {
    id: event.id,
    article_id: event.articleId,
    merged_id: mergedId,
    date: event.date,
    source_code: event.source.code,
    source_country: event.source.country,
    source_sector: event.source.sector,
    source_name: event.source.name,
    source_text: event.source.text,
    source_start: event.source.span[0],
    source_end: event.source.span[1],
    target_code: event.target?.code ?? null,
    target_country: event.target?.country ?? null,
    target_sector: event.target?.sector ?? null,
    target_name: event.target?.name ?? null,
    target_text: event.target?.text ?? null,
    target_start: event.target?.span[0] ?? null,
    target_end: event.target?.span[1] ?? null,
    cameo_code: event.cameo.code,
    cameo_root: event.cameo.root,
    cameo_name: event.cameo.name,
    quad: event.cameo.quad,
    goldstein: event.cameo.goldstein,
    plover_type: event.plover.type,
    plover_mode: event.plover.mode,
    plover_context: event.plover.context,
    status: event.modality.status,
    cues: JSON.stringify(event.modality.cues),
    speaker_code: event.speaker?.code ?? null,
    speaker_name: event.speaker?.name ?? null,
    quote_text: event.quote?.text ?? null,
    quote_start: event.quote?.span[0] ?? null,
    quote_end: event.quote?.span[1] ?? null,
    location_name: event.location?.name ?? null,
    location_country: event.location?.country ?? null,
    location_lat: event.location?.lat ?? null,
    location_lon: event.location?.lon ?? null,
    location_how: event.location?.how ?? null,
    sentence: event.evidence.sentence,
    sentence_start: event.evidence.sentenceSpan[0],
    sentence_end: event.evidence.sentenceSpan[1],
    trigger_start: event.evidence.triggerSpan[0],
    trigger_end: event.evidence.triggerSpan[1],
    pattern: event.pattern,
    confidence: event.confidence,
  };
}

/** Rebuilds the event record from its `events` row. */
export function eventRecord(row: Selectable<EventsTable>): EventRecord {
  const n = (value: number | string | bigint): number => Number(value);
  return {
    id: row.id,
    articleId: row.article_id,
    date: row.date,
    source: {
      code: row.source_code,
      country: row.source_country,
      sector: row.source_sector,
      name: row.source_name,
      text: row.source_text,
      span: [n(row.source_start), n(row.source_end)],
    },
    target:
      row.target_code === null
        ? null
        : {
            code: row.target_code,
            country: row.target_country,
            sector: row.target_sector,
            name: row.target_name ?? "",
            text: row.target_text ?? "",
            span: [n(row.target_start ?? 0), n(row.target_end ?? 0)],
          },
    cameo: {
      code: row.cameo_code,
      root: row.cameo_root,
      name: row.cameo_name,
      quad: n(row.quad) as 1 | 2 | 3 | 4,
      goldstein: n(row.goldstein),
    },
    plover: { type: row.plover_type, mode: row.plover_mode, context: row.plover_context },
    modality: { status: row.status as ModalityStatus, cues: JSON.parse(row.cues) as string[] },
    speaker: row.speaker_name === null ? null : { code: row.speaker_code, name: row.speaker_name },
    quote:
      row.quote_text === null
        ? null
        : { text: row.quote_text, span: [n(row.quote_start ?? 0), n(row.quote_end ?? 0)] },
    location:
      row.location_name === null
        ? null
        : {
            name: row.location_name,
            country: row.location_country,
            lat: row.location_lat === null ? null : n(row.location_lat),
            lon: row.location_lon === null ? null : n(row.location_lon),
            how: row.location_how as "sentence" | "dateline" | "actor",
          },
    evidence: {
      sentence: row.sentence,
      sentenceSpan: [n(row.sentence_start), n(row.sentence_end)],
      triggerSpan: [n(row.trigger_start), n(row.trigger_end)],
    },
    pattern: row.pattern,
    confidence: n(row.confidence),
  };
}
