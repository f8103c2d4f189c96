import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { INGEST_LIMITS, type IngestItem, jsonlArticle, readJsonlFile } from "../../src/ingest/index.js";

const scratch = mkdtempSync(join(tmpdir(), "dyad-jsonl-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("jsonlArticle: one line → article or rejection", () => {
  const ok = jsonlArticle(
    '{"id": 5, "date": "2020-10-22", "title": " T ", "text": "Body.", "url": "https://x.example"}',
    "f.jsonl",
    3,
  );
  assert.deepEqual(ok, {
    kind: "article",
    article: {
      id: "5",
      url: "https://x.example",
      published: "2020-10-22",
      title: "T",
      rawText: "Body.",
      source: "f.jsonl:3",
      bodyStart: 0,
    },
  });
  const cases: [string, RegExp][] = [
    ["{", /^broken JSON/],
    ["42", /^expected a JSON object, got a number$/],
    ['{"text": 7}', /^"text" must be a string, not a number$/],
    ['{"text": null}', /^"text" must be a string, not null$/],
    ['{"text": "x", "title": 3}', /^"title" must be a string, not a number$/],
    ['{"text": "x", "url": {}}', /^"url" must be a string, not an object$/],
    ['{"text": "x", "date": "yesterday"}', /^unrecognised date "yesterday" in "date"$/],
    ['{"text": "x", "date": "2021-02-30"}', /^impossible date "2021-02-30" in "date"$/],
  ];
  for (const [line, reason] of cases) {
    const item = jsonlArticle(line, "f.jsonl", 9);
    assert.equal(item.kind, "rejected", line);
    if (item.kind === "rejected") {
      assert.equal(item.rejected.line, 9);
      assert.equal(item.rejected.path, "f.jsonl");
      assert.match(item.rejected.reason, reason, line);
    }
  }
});

test("readJsonlFile streams: the first article arrives before the rest of the file is written", async () => {
  if (process.platform === "win32") return;
  const fifo = join(scratch, "stream.jsonl");
  execFileSync("mkfifo", [fifo]);
  const writer = createWriteStream(fifo);
  writer.write('{"id": "first", "text": "The first article."}\n');
  const reader = readJsonlFile(fifo);
  const first = await reader.next();
  assert.equal(first.done, false);
  assert.equal((first.value as IngestItem).kind, "article");
  // Only now is the second line written: the reader cannot have loaded the whole file first.
  writer.end('{"id": "second", "text": "The second article."}\n');
  const rest: IngestItem[] = [];
  for await (const item of { [Symbol.asyncIterator]: () => reader }) rest.push(item);
  assert.deepEqual(
    rest.map((i) => (i.kind === "article" ? i.article.id : i.rejected.reason)),
    ["second"],
  );
});

test("readJsonlFile: a line above the line limit is rejected by number and skipped without loading it", async () => {
  const path = join(scratch, "long-line.jsonl");
  const long = `{"id": "long", "text": "${"a".repeat(INGEST_LIMITS.maxJsonlLineBytes + 10)}"}`;
  writeFileSync(path, `{"id": "before", "text": "Before."}\n${long}\n{"id": "after", "text": "After."}\n`);
  const items: IngestItem[] = [];
  for await (const item of readJsonlFile(path)) items.push(item);
  assert.deepEqual(
    items.map((i) => (i.kind === "article" ? i.article.id : `${i.rejected.line}: ${i.rejected.reason}`)),
    ["before", "2: line is 32.0 MB, longer than the 32.0 MB limit", "after"],
  );
});

test("readJsonlFile: a line with invalid UTF-8 is rejected; an empty or blank file is reported", async () => {
  const path = join(scratch, "mixed.jsonl");
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from('{"id": "a", "text": "Fine."}\n{"id": "b", "text": "cut '),
      Buffer.from([0xe2, 0x82]),
      Buffer.from('"}\n{"id": "c", "text": "Also fine."}\n'),
    ]),
  );
  const items: IngestItem[] = [];
  for await (const item of readJsonlFile(path)) items.push(item);
  assert.deepEqual(
    items.map((i) =>
      i.kind === "article" ? i.article.id : `${i.rejected.line}: ${i.rejected.reason.slice(0, 32)}`,
    ),
    ["a", "2: not valid UTF-8 and the encoding", "c"],
  );
  for (const [name, content, reason] of [
    ["empty.jsonl", "", "empty file"],
    ["blank.jsonl", "\n  \n\n", "no JSON lines (only blank lines)"],
  ] as const) {
    const p = join(scratch, name);
    writeFileSync(p, content);
    const out: IngestItem[] = [];
    for await (const item of readJsonlFile(p)) out.push(item);
    assert.deepEqual(out, [{ kind: "rejected", rejected: { path: p, reason } }]);
  }
});

test("readJsonlFile: a UTF-16 JSONL file is decoded; a binary one is rejected once", async () => {
  const utf16 = join(scratch, "utf16.jsonl");
  const text =
    '{"id": "u1", "text": "Ankara and Baku signed a gas deal."}\n{"id": "u2", "text": "Second."}\n';
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
  const ids: string[] = [];
  for await (const item of readJsonlFile(utf16))
    ids.push(item.kind === "article" ? item.article.id : item.rejected.reason);
  assert.deepEqual(ids, ["u1", "u2"]);
  const binary = join(scratch, "binary.jsonl");
  writeFileSync(binary, Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x0a, 0x00, 0x00, 0x0a, 0x41]));
  const out: IngestItem[] = [];
  for await (const item of readJsonlFile(binary)) out.push(item);
  assert.deepEqual(out, [
    { kind: "rejected", rejected: { path: binary, reason: "binary file (contains NUL bytes)" } },
  ]);
});
