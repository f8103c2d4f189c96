import type { SchemaElement } from "hyparquet-writer";
import { ByteWriter, parquetWriteRows } from "hyparquet-writer";
import { FLAT_EVENT_COLUMNS, type FlatColumnType, type FlatEvent } from "./flat-event.js";
import type { OutputSink } from "./output-sink.js";

const CHUNK_BYTES = 1 << 20;

/**
 * hyparquet-writer's byte writer, emptied into an {@link OutputSink} whenever 1 MiB has gathered and after every
 * row group, so memory stays bounded by one row group whatever the number of events.
 */
class SinkWriter extends ByteWriter {
  private readonly sink: OutputSink;
  private sent: Promise<void> = Promise.resolve();

  constructor(sink: OutputSink) {
    super(CHUNK_BYTES * 2);
    this.sink = sink;
  }

  private send(): void {
    if (this.index === 0) return;
    const bytes = new Uint8Array(this.buffer.slice(0, this.index));
    this.index = 0;
    const prev = this.sent;
    this.sent = prev.then(() => this.sink.write(bytes));
  }

  override ensure(size: number): void {
    if (this.index > CHUNK_BYTES) this.send();
    super.ensure(size);
  }

  flush(): Promise<void> {
    this.send();
    return this.sent;
  }

  override finish(): Promise<void> {
    return this.flush();
  }
}

function schemaElement(name: string, type: FlatColumnType): SchemaElement {
  const repetition_type = name === "id" ? "REQUIRED" : "OPTIONAL";
  switch (type) {
    case "string":
      return { name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type };
    case "int":
      return { name, type: "INT32", repetition_type };
    case "double":
      return { name, type: "DOUBLE", repetition_type };
    case "date":
      return { name, type: "INT32", converted_type: "DATE", repetition_type };
  }
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a `YYYY-MM-DD` date (Parquet DATE), null otherwise. */
function epochDay(date: unknown): number | null {
  if (typeof date !== "string") return null;
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? null : Math.floor(t / DAY_MS);
}

/**
 * Writes flat events as a Parquet file with typed columns ({@link FLAT_EVENT_COLUMNS}: UTF8 strings, INT32,
 * DOUBLE, DATE), snappy-compressed, in row groups of 1,000 then 50,000 rows. Returns the number of rows.
 */
export async function writeParquet(rows: AsyncIterable<FlatEvent>, sink: OutputSink): Promise<number> {
  let count = 0;
  async function* typed(): AsyncGenerator<FlatEvent> {
    for await (const row of rows) {
      count++;
      yield { ...row, date: epochDay(row.date) };
    }
  }
  const schema: SchemaElement[] = [
    { name: "root", num_children: FLAT_EVENT_COLUMNS.length },
    ...FLAT_EVENT_COLUMNS.map((c) => schemaElement(c.name, c.type)),
  ];
  const writer = new SinkWriter(sink);
  await parquetWriteRows({
    writer,
    rows: typed(),
    columns: FLAT_EVENT_COLUMNS.map((c) => ({ name: c.name })),
    schema,
    rowGroupSize: [1000, 50_000],
    createdBy: "dyad",
  });
  return count;
}
