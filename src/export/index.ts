/**
 * Exports: hands stored events to other tools. Input: an `AsyncIterable<StoredEvent>` (usually
 * `store.streamEvents(filter)`); output: a file or stream in one of five formats — `jsonl` (the records as
 * stored), `csv` and `parquet` (flattened, documented columns), `gdelt` (a GDELT-2.0-like event table) and
 * `plover` (PLOVER JSON records with dyad's modality and evidence). Streams: memory does not grow with the
 * number of events.
 */
export { FLAT_EVENT_COLUMNS, type FlatColumn, type FlatEvent, flatEvent } from "./flat-event.js";
export { GDELT_COLUMNS, gdeltRow } from "./gdelt-row.js";
export { type OutputSink, openOutputSink } from "./output-sink.js";
export { type PloverRecord, ploverRecord } from "./plover-record.js";
export { EXPORT_FORMATS, type ExportFormat, type WriteEventsOptions, writeEvents } from "./write-events.js";
