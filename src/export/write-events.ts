import { stringify } from "csv-stringify/sync";
import { DyadError } from "../types/errors.js";
import type { StoredEvent } from "../types/store.js";
import { FLAT_EVENT_COLUMNS, type FlatEvent, flatEvent } from "./flat-event.js";
import { GDELT_COLUMNS, gdeltLine, gdeltRow } from "./gdelt-row.js";
import { type OutputSink, openOutputSink } from "./output-sink.js";
import { ploverRecord } from "./plover-record.js";
import { writeParquet } from "./write-parquet.js";

export const EXPORT_FORMATS = ["jsonl", "csv", "parquet", "gdelt", "plover"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface WriteEventsOptions {
  /** The article URL for an event (the `gdelt` SOURCEURL and the `plover` url); without it, none. */
  readonly articleUrl?: (articleId: string) => string | null | Promise<string | null>;
  /** Written into PLOVER records' `coder` field. */
  readonly coder?: string;
}

const CSV_BATCH = 1000;

/**
 * Writes events in one of the export formats and resolves to the number written.
 *
 * - `jsonl`: one {@link StoredEvent} as JSON per line, exactly as stored.
 * - `csv`: RFC 4180 CSV (csv-stringify) with a header line and the flat columns of {@link FLAT_EVENT_COLUMNS}.
 * - `parquet`: the same flat columns, typed (see `writeParquet`).
 * - `gdelt`: a GDELT-2.0-like tab-separated event table (see {@link GDELT_COLUMNS}).
 * - `plover`: one PLOVER JSON record per line (see `ploverRecord`); events without a PLOVER type are left out.
 *
 * `out` is a file path (created or truncated) or a writable stream, which is left open.
 *
 * @example
 * await writeEvents(store.streamEvents({ source: "RUS" }), "csv", "rus.csv");
 */
export async function writeEvents(
  events: AsyncIterable<StoredEvent>,
  format: ExportFormat,
  out: string | NodeJS.WritableStream,
  options: WriteEventsOptions = {},
): Promise<number> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new DyadError(
      "USAGE",
      `unknown export format "${String(format)}" (expected ${EXPORT_FORMATS.join(", ")})`,
    );
  }
  const sink = openOutputSink(out);
  let count: number;
  try {
    count = await writeFormat(events, format, sink, options);
  } catch (err) {
    await sink.close().catch(() => undefined);
    throw err;
  }
  await sink.close();
  return count;
}

async function writeFormat(
  events: AsyncIterable<StoredEvent>,
  format: ExportFormat,
  sink: OutputSink,
  options: WriteEventsOptions,
): Promise<number> {
  const urlOf = options.articleUrl ?? (() => null);
  let count = 0;
  switch (format) {
    case "jsonl":
      for await (const e of events) {
        await sink.write(`${JSON.stringify(e)}\n`);
        count++;
      }
      return count;
    case "plover": {
      const coder = options.coder ?? "dyad";
      for await (const e of events) {
        const record = ploverRecord(e, await urlOf(e.articleId), coder);
        if (!record) continue;
        await sink.write(`${JSON.stringify(record)}\n`);
        count++;
      }
      return count;
    }
    case "gdelt":
      await sink.write(gdeltLine(GDELT_COLUMNS));
      for await (const e of events) {
        count++;
        await sink.write(gdeltLine(gdeltRow(e, count, await urlOf(e.articleId))));
      }
      return count;
    case "csv": {
      const columns = FLAT_EVENT_COLUMNS.map((c) => c.name);
      await sink.write(stringify([columns]));
      let batch: FlatEvent[] = [];
      for await (const e of events) {
        batch.push(flatEvent(e));
        count++;
        if (batch.length >= CSV_BATCH) {
          await sink.write(stringify(batch, { columns }));
          batch = [];
        }
      }
      if (batch.length) await sink.write(stringify(batch, { columns }));
      return count;
    }
    case "parquet":
      return writeParquet(flatEvents(events), sink);
  }
}

async function* flatEvents(events: AsyncIterable<StoredEvent>): AsyncGenerator<FlatEvent> {
  for await (const e of events) yield flatEvent(e);
}
