import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { articleFromText } from "./article-from-text.js";
import type { IngestItem } from "./ingest-item.js";
import { formatSize, INGEST_LIMITS } from "./ingest-limits.js";
import { parsePublicationDate } from "./publication-date.js";
import { decodeText } from "./text-decoding.js";

function reject(path: string, line: number, reason: string): IngestItem {
  return { kind: "rejected", rejected: { path, line, reason } };
}

function optionalString(record: Record<string, unknown>, field: string): string | null | { error: string } {
  const value = record[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") return { error: `"${field}" must be a string, not ${jsonType(value)}` };
  return value.trim() === "" ? null : value.trim();
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * One JSONL line → an article or a rejection. The object needs a string `text` (it becomes `rawText`; every span
 * points into it); `id` may be a string or a finite number (→ string), else the content hash is used; `date`
 * (normalised to `YYYY-MM-DD`), `title` and `url` are optional strings. A seed-format `date` line at the top of
 * `text` is honoured as in files. Source is `path:line`.
 */
export function jsonlArticle(json: string, path: string, line: number, lastLine = false): IngestItem {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const hint = lastLine ? " (the last line: the file may be truncated)" : "";
    return reject(path, line, `broken JSON${hint}: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return reject(path, line, `expected a JSON object, got ${jsonType(value)}`);
  }
  const record = value as Record<string, unknown>;
  if (!("text" in record)) return reject(path, line, 'missing "text" field');
  if (typeof record.text !== "string") {
    return reject(path, line, `"text" must be a string, not ${jsonType(record.text)}`);
  }
  let id: string | undefined;
  if (typeof record.id === "string" && record.id.trim() !== "") id = record.id.trim();
  else if (typeof record.id === "number" && Number.isFinite(record.id)) id = String(record.id);
  else if (record.id !== undefined && record.id !== null && record.id !== "") {
    return reject(path, line, `"id" must be a string or a number, not ${jsonType(record.id)}`);
  }
  const title = optionalString(record, "title");
  if (title && typeof title === "object") return reject(path, line, title.error);
  const url = optionalString(record, "url");
  if (url && typeof url === "object") return reject(path, line, url.error);
  const date = optionalString(record, "date");
  if (date && typeof date === "object") return reject(path, line, date.error);
  let published: string | null = null;
  if (date !== null) {
    const parsed = parsePublicationDate(date);
    if (!parsed.ok) return reject(path, line, `${parsed.reason} in "date"`);
    published = parsed.date;
  }
  return articleFromText(record.text, path, {
    line,
    published,
    title,
    url,
    emptyReason: 'empty "text"',
    ...(id === undefined ? {} : { id }),
  });
}

/** Articles of JSONL text already in memory (a UTF-16 file, or a sniffed file without a `.jsonl` name). */
export function* jsonlTextArticles(text: string, path: string): Generator<IngestItem> {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  if (lines.at(-1) === "") lines.pop();
  let yielded = 0;
  for (let i = 0; i < lines.length; i++) {
    const content = (lines[i] ?? "").replace(/\r$/, "");
    if (content.trim() === "") continue;
    yielded++;
    yield jsonlArticle(content, path, i + 1, i === lines.length - 1 && !text.endsWith("\n"));
  }
  if (yielded === 0)
    yield { kind: "rejected", rejected: { path, reason: "no JSON lines (only blank lines)" } };
}

const NEWLINE = 0x0a;

/**
 * Streams a JSONL file line by line (constant memory in the file size; a line may be at most 32 MB). Each line is
 * decoded on its own (strict UTF-8, with the same fallbacks as files), so one bad line is rejected with its number and
 * every other line is still read. Blank lines are skipped. A file that starts with NUL bytes is rejected as binary.
 */
export async function* readJsonlFile(path: string): AsyncGenerator<IngestItem> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let parts: Buffer[] = [];
  let pending = 0;
  let overflow = false;
  let line = 0;
  let first = true;
  let yielded = 0;
  const finishLine = (bytes: Buffer, last: boolean): IngestItem | null => {
    line++;
    let body = bytes;
    if (line === 1 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
    if (body.length > 0 && body[body.length - 1] === 0x0d) body = body.subarray(0, body.length - 1);
    if (body.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) return null;
    yielded++;
    const decoded = decodeText(body);
    if (!decoded.ok) return reject(path, line, decoded.reason);
    return jsonlArticle(decoded.text, path, line, last);
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (first) {
        first = false;
        if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
          stream.destroy();
          yield* readUtf16Jsonl(path);
          return;
        }
        if (chunk.subarray(0, 8192).indexOf(0) !== -1) {
          stream.destroy();
          yield { kind: "rejected", rejected: { path, reason: "binary file (contains NUL bytes)" } };
          return;
        }
      }
      let pos = 0;
      while (pos < chunk.length) {
        const nl = chunk.indexOf(NEWLINE, pos);
        const end = nl === -1 ? chunk.length : nl;
        if (!overflow) {
          if (pending + (end - pos) > INGEST_LIMITS.maxJsonlLineBytes) {
            overflow = true;
            parts = [];
          } else {
            parts.push(chunk.subarray(pos, end));
          }
        }
        pending += end - pos;
        if (nl === -1) break;
        if (overflow) {
          line++;
          yielded++;
          const limit = formatSize(INGEST_LIMITS.maxJsonlLineBytes);
          yield reject(path, line, `line is ${formatSize(pending)}, longer than the ${limit} limit`);
        } else {
          const item = finishLine(Buffer.concat(parts), false);
          if (item) yield item;
        }
        parts = [];
        pending = 0;
        overflow = false;
        pos = nl + 1;
      }
    }
  } catch (error) {
    yield { kind: "rejected", rejected: { path, reason: `could not read: ${(error as Error).message}` } };
    return;
  }
  if (pending > 0 || overflow) {
    if (overflow) {
      line++;
      yielded++;
      yield reject(
        path,
        line,
        `line is ${formatSize(pending)}, longer than the ${formatSize(INGEST_LIMITS.maxJsonlLineBytes)} limit`,
      );
    } else {
      const item = finishLine(Buffer.concat(parts), true);
      if (item) yield item;
    }
  }
  if (yielded === 0) {
    yield {
      kind: "rejected",
      rejected: { path, reason: first ? "empty file" : "no JSON lines (only blank lines)" },
    };
  }
}

async function* readUtf16Jsonl(path: string): AsyncGenerator<IngestItem> {
  const size = (await stat(path)).size;
  if (size > INGEST_LIMITS.maxMarkupFileBytes) {
    yield {
      kind: "rejected",
      rejected: {
        path,
        reason: `UTF-16 JSONL of ${formatSize(size)} is too large to read whole; convert it to UTF-8`,
      },
    };
    return;
  }
  const decoded = decodeText(await readFile(path));
  if (!decoded.ok) {
    yield { kind: "rejected", rejected: { path, reason: decoded.reason } };
    return;
  }
  yield* jsonlTextArticles(decoded.text, path);
}
