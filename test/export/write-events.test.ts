import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, test } from "node:test";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { FLAT_EVENT_COLUMNS, GDELT_COLUMNS, writeEvents } from "../../src/export/index.js";
import type { StoredEvent } from "../../src/types/store.js";
import { readCsvObjects } from "./csv-table.js";
import { SAMPLE_ARTICLES, SAMPLE_EVENTS, streamOf } from "./sample-events.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-export-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const urls = new Map(SAMPLE_ARTICLES.map((a) => [a.id, a.url]));
const articleUrl = (id: string) => urls.get(id) ?? null;

async function exportTo(
  format: Parameters<typeof writeEvents>[1],
  events: readonly StoredEvent[] = SAMPLE_EVENTS,
) {
  const file = join(dir, `out-${format}-${events.length}`);
  const n = await writeEvents(streamOf(events), format, file, { articleUrl });
  return { file, n };
}

test("jsonl: each line parses back to the stored event", async () => {
  const { file, n } = await exportTo("jsonl");
  assert.equal(n, SAMPLE_EVENTS.length);
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  assert.deepEqual(
    lines.map((l) => JSON.parse(l)),
    SAMPLE_EVENTS.map((e) => JSON.parse(JSON.stringify(e))),
  );
});

test("csv: header is the documented columns and values round-trip, including quotes and commas", async () => {
  const { file } = await exportTo("csv");
  const { header, rows } = readCsvObjects(readFileSync(file, "utf8"));
  assert.deepEqual(
    header,
    FLAT_EVENT_COLUMNS.map((c) => c.name),
  );
  assert.equal(rows.length, 4);
  const [r1, r2, , r4] = rows as [
    Record<string, string>,
    Record<string, string>,
    unknown,
    Record<string, string>,
  ];
  assert.equal(r1.source_code, "RUSMIL");
  assert.equal(r1.target_code, "CHNMIL");
  assert.equal(r1.goldstein, "7.4");
  assert.equal(r1.speaker_name, "", "absent values are empty");
  assert.equal(r2.modality_status, "hypothetical");
  assert.equal(r2.modality_cues, "could|in the future");
  assert.equal(
    r2.sentence,
    SAMPLE_EVENTS[1]!.evidence.sentence,
    "a sentence with quotes and commas survives",
  );
  assert.equal(r2.quote_text, SAMPLE_EVENTS[1]!.quote!.text);
  assert.equal(r4.location_name, "");
  const text = SAMPLE_ARTICLES[0]!.rawText;
  assert.equal(text.slice(Number(r1.trigger_start), Number(r1.trigger_end)), "held joint naval drills");
});

test("parquet: read back with hyparquet, typed columns", async () => {
  const { file } = await exportTo("parquet");
  const buf = readFileSync(file);
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  const meta = parquetMetadata(ab);
  assert.equal(Number(meta.num_rows), 4);
  const byName = new Map(meta.schema.map((s) => [s.name, s]));
  assert.equal(byName.get("quad")?.type, "INT32");
  assert.equal(byName.get("goldstein")?.type, "DOUBLE");
  assert.equal(byName.get("date")?.converted_type, "DATE");
  assert.equal(byName.get("sentence")?.converted_type, "UTF8");
  const rows = (await parquetReadObjects({ file: ab })) as Record<string, unknown>[];
  assert.equal(rows.length, 4);
  assert.deepEqual(
    rows.map((r) => r.id),
    ["ev-1", "ev-2", "ev-3", "ev-4"],
  );
  const r2 = rows[1]!;
  assert.equal(r2.quad, 1);
  assert.equal(r2.goldstein, 5.2);
  assert.equal(r2.modality_status, "hypothetical");
  assert.equal((r2.date as Date).toISOString().slice(0, 10), "2021-03-03");
  assert.equal(r2.speaker_name, "Vladimir Putin");
  assert.equal(rows[0]!.speaker_name, null);
  assert.equal(rows[3]!.location_lat, null);
  assert.equal(rows[0]!.location_lat, 40);
});

test("parquet: many events stream through several row groups", async () => {
  const many = Array.from({ length: 2500 }, (_, i) => ({ ...SAMPLE_EVENTS[i % 4]!, id: `e${i}` }));
  const { file, n } = await exportTo("parquet", many);
  assert.equal(n, 2500);
  const buf = readFileSync(file);
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  assert.ok(parquetMetadata(ab).row_groups.length >= 2);
  const rows = (await parquetReadObjects({ file: ab, columns: ["id", "cameo_code"] })) as Record<
    string,
    unknown
  >[];
  assert.equal(rows.length, 2500);
  assert.equal(rows[2499]!.id, "e2499");
  assert.equal(rows[2499]!.cameo_code, "163");
});

test("gdelt: tab-separated GDELT columns, one row per event", async () => {
  const { file } = await exportTo("gdelt");
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  const header = lines[0]!.split("\t");
  assert.deepEqual(header, [...GDELT_COLUMNS]);
  assert.equal(header.indexOf("SOURCEURL"), 60, "SOURCEURL is GDELT 2.0's 61st column");
  const rows = lines.slice(1).map((l) => {
    const cells = l.split("\t");
    assert.equal(cells.length, header.length);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
  assert.equal(rows.length, 4);
  const cases: [number, string, string][] = [
    [0, "SQLDATE", "20210302"],
    [0, "MonthYear", "202103"],
    [0, "Actor1Code", "RUSMIL"],
    [0, "Actor1Name", "RUSSIA"],
    [0, "Actor1CountryCode", "RUS"],
    [0, "Actor1Type1Code", "MIL"],
    [0, "Actor2Code", "CHNMIL"],
    [0, "EventCode", "062"],
    [0, "EventBaseCode", "062"],
    [0, "EventRootCode", "06"],
    [0, "QuadClass", "2"],
    [0, "GoldsteinScale", "7.4"],
    [0, "NumMentions", "3"],
    [0, "NumSources", "2"],
    [0, "IsRootEvent", "1"],
    [0, "ActionGeo_FullName", "Sea of Japan"],
    [0, "ActionGeo_Lat", "40"],
    [0, "SOURCEURL", "https://example.org/news/drills"],
    [1, "EventBaseCode", "031"],
    [1, "ModalityStatus", "hypothetical"],
    [2, "SOURCEURL", "wire-2"],
    [2, "Actor2Type1Code", ""],
    [3, "ActionGeo_FullName", ""],
    [3, "GlobalEventID", "4"],
    [3, "DyadEventID", "ev-4"],
  ];
  for (const [row, col, want] of cases) assert.equal(rows[row]![col], want, `row ${row} ${col}`);
});

test("gdelt: tabs and line breaks inside values cannot break the table", async () => {
  const odd: StoredEvent = {
    ...SAMPLE_EVENTS[0]!,
    source: { ...SAMPLE_EVENTS[0]!.source, name: "Rus\tsia\nFed" },
  };
  const { file } = await exportTo("gdelt", [odd]);
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  assert.equal(lines.length, 2);
  assert.equal(lines[1]!.split("\t")[6], "RUS SIA FED");
});

test("plover: JSON records with PLOVER fields, modality and evidence", async () => {
  const { file } = await exportTo("plover");
  const records = readFileSync(file, "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.equal(records.length, 4);
  const r = records[1];
  assert.equal(r.event, "AGREE");
  assert.equal(r.context, "military");
  assert.equal(r.actor, "Vladimir Putin");
  assert.equal(r.actor_country, "RUS");
  assert.equal(r.recipient, "China");
  assert.equal(r.recipient_country, "CHN");
  assert.equal(r.quad_code, 1);
  assert.deepEqual(r.modality, { status: "hypothetical", cues: ["could", "in the future"] });
  assert.equal(r.evidence.trigger_text, "forged");
  assert.equal(r.url, "https://example.org/news/drills");
  const text = SAMPLE_ARTICLES[0]!.rawText;
  assert.equal(text.slice(r.evidence.quote.span[0], r.evidence.quote.span[1]), r.evidence.quote.text);
  assert.equal(records[3].event_loc, null);
  assert.equal(records[0].mode, "military");
});

test("an empty input gives a valid empty file in every format", async () => {
  for (const format of ["jsonl", "csv", "parquet", "gdelt", "plover"] as const) {
    const { file, n } = await exportTo(format, []);
    assert.equal(n, 0);
    if (format === "parquet") {
      const buf = readFileSync(file);
      const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
      assert.equal(Number(parquetMetadata(ab).num_rows), 0);
    }
  }
});

test("writing to a stream leaves the stream open; unknown formats are refused", async () => {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (d: Buffer) => {
    text += d.toString();
  });
  await writeEvents(streamOf(SAMPLE_EVENTS.slice(0, 1)), "jsonl", stream);
  assert.equal(stream.writableEnded, false);
  assert.equal(JSON.parse(text).id, "ev-1");
  await assert.rejects(
    writeEvents(streamOf([]), "xml" as never, stream),
    /dyad: unknown export format "xml"/,
  );
});

test("plover: events PLOVER has no type for (CAMEO public statements) are left out", async () => {
  const statement: StoredEvent = {
    ...SAMPLE_EVENTS[0]!,
    id: "ev-statement",
    cameo: { code: "010", root: "01", name: "Make statement", quad: 1, goldstein: 0 },
    plover: { type: null, mode: null, context: null },
  };
  const { file, n } = await exportTo("plover", [statement, SAMPLE_EVENTS[2]!]);
  assert.equal(n, 1);
  const ids = readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l).id);
  assert.deepEqual(ids, ["ev-3"]);
});
