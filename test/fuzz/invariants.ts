/** What must hold for any input: the checks every fuzz property runs on the readers', cleaner's and coder's output. */
import assert from "node:assert/strict";
import type { IngestItem } from "../../src/ingest/index.js";
import type { CodedArticle } from "../../src/pipeline/index.js";
import type { Article, CleanText, Span } from "../../src/types/index.js";
import { MODALITY_STATUSES } from "../../src/types/index.js";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD`. */
export function assertIsoDate(value: string, what: string): void {
  const m = ISO_DATE.exec(value);
  assert.ok(m, `${what}: "${value}" is not YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  assert.ok(
    date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d,
    `${what}: "${value}" is not a calendar date`,
  );
}

/** An article as every later stage expects it. */
export function assertArticle(article: Article): void {
  assert.equal(typeof article.id, "string");
  assert.ok(article.id.length > 0, "article id is empty");
  assert.equal(typeof article.rawText, "string");
  assert.ok(article.rawText.trim().length > 0, "an article with blank text was accepted");
  assert.ok(
    Number.isInteger(article.bodyStart) &&
      article.bodyStart >= 0 &&
      article.bodyStart <= article.rawText.length,
    `bodyStart ${article.bodyStart} outside 0..${article.rawText.length}`,
  );
  if (article.published !== null) assertIsoDate(article.published, "published");
  assert.ok(article.title === null || typeof article.title === "string");
  assert.ok(article.url === null || typeof article.url === "string");
  assert.equal(typeof article.source, "string");
}

/** An article, or a rejection naming the input and giving a reason: never anything else. */
export function assertIngestItem(item: IngestItem, path?: string): void {
  if (item.kind === "article") {
    assertArticle(item.article);
    return;
  }
  assert.equal(item.kind, "rejected", `unknown item kind ${(item as { kind: unknown }).kind}`);
  assert.equal(typeof item.rejected.reason, "string");
  assert.ok(item.rejected.reason.trim().length > 0, "a rejection without a reason");
  if (path !== undefined) assert.equal(item.rejected.path, path);
  const line = item.rejected.line;
  assert.ok(line === undefined || (Number.isInteger(line) && line >= 1), `bad line ${line}`);
}

function assertSpanIn(span: Span, length: number, what: string): void {
  const [start, end] = span;
  assert.ok(
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length,
    `${what} [${start}, ${end}] is not a span of a ${length}-character text`,
  );
}

/** Every clean character maps back to the same raw character; segments are ordered, disjoint and after bodyStart. */
export function assertCleanText(article: Article, clean: CleanText): void {
  const raw = article.rawText;
  let lastClean = 0;
  let lastRaw = Math.min(Math.max(0, article.bodyStart), raw.length);
  for (const seg of clean.segments) {
    assert.ok(seg.length > 0, "an empty segment");
    assert.ok(seg.cleanStart >= lastClean, "segments out of order in the clean text");
    assert.ok(seg.rawStart >= lastRaw, "segments out of order (or before bodyStart) in the raw text");
    assert.equal(
      clean.text.slice(seg.cleanStart, seg.cleanStart + seg.length),
      raw.slice(seg.rawStart, seg.rawStart + seg.length),
      "a segment does not copy the raw text",
    );
    lastClean = seg.cleanStart + seg.length;
    lastRaw = seg.rawStart + seg.length;
  }
  assert.ok(lastClean <= clean.text.length);
  assert.ok(lastRaw <= raw.length);
  // Between segments only the separators the cleaner inserts.
  let pos = 0;
  for (const seg of clean.segments) {
    assert.match(
      clean.text.slice(pos, seg.cleanStart),
      /^(?:| |\n|\n\n)$/,
      "unexpected text between segments",
    );
    pos = seg.cleanStart + seg.length;
  }
  assert.equal(pos, clean.text.length, "text after the last segment");
  // Nothing is dropped silently: every non-space character of the body is kept or listed as removed.
  const covered = new Uint8Array(raw.length);
  for (const seg of clean.segments) covered.fill(1, seg.rawStart, seg.rawStart + seg.length);
  for (const r of clean.removed) {
    assertSpanIn(r.span, raw.length, "removed span");
    assert.ok(r.reason.length > 0, "a removal without a reason");
    covered.fill(1, r.span[0], r.span[1]);
  }
  for (let i = Math.max(0, article.bodyStart); i < raw.length; i++) {
    if (covered[i] === 0)
      assert.match(raw[i] ?? "", /\s/u, `raw character ${i} (${JSON.stringify(raw[i])}) vanished`);
  }
}

/** Every span the coder reports slices exactly the text it quotes, in the article's original text. */
export function assertCoded(coded: CodedArticle): void {
  const { article, clean, doc } = coded;
  const raw = article.rawText;
  assertCleanText(article, clean);
  assert.equal(doc.text, clean.text);
  for (const s of doc.sentences) assertSpanIn([s.start, s.end], doc.text.length, "sentence");
  for (const t of doc.tokens) {
    assertSpanIn([t.start, t.end], doc.text.length, "token");
    assert.equal(doc.text.slice(t.start, t.end), t.text, "a token does not slice the clean text");
  }
  for (const q of doc.quotes) assertSpanIn([q.start, q.end], doc.text.length, "quote");
  for (const m of coded.mentions) {
    assertSpanIn([m.start, m.end], doc.text.length, "mention");
    assert.equal(doc.text.slice(m.start, m.end), m.text, "a mention does not slice the clean text");
  }
  for (const e of coded.events) {
    const what = `event ${e.cameo.code} (${e.pattern})`;
    assert.equal(e.articleId, article.id);
    assertSpanIn(e.source.span, raw.length, `${what} source`);
    assert.equal(raw.slice(e.source.span[0], e.source.span[1]), e.source.text, `${what}: source text`);
    if (e.target) {
      assertSpanIn(e.target.span, raw.length, `${what} target`);
      assert.equal(raw.slice(e.target.span[0], e.target.span[1]), e.target.text, `${what}: target text`);
    }
    const sentence = e.evidence.sentenceSpan;
    assertSpanIn(sentence, raw.length, `${what} sentence`);
    assert.equal(raw.slice(sentence[0], sentence[1]), e.evidence.sentence, `${what}: evidence sentence`);
    const trigger = e.evidence.triggerSpan;
    assertSpanIn(trigger, raw.length, `${what} trigger`);
    assert.ok(
      sentence[0] <= trigger[0] && trigger[1] <= sentence[1],
      `${what}: trigger outside its sentence`,
    );
    if (e.quote) {
      assertSpanIn(e.quote.span, raw.length, `${what} quote`);
      assert.equal(raw.slice(e.quote.span[0], e.quote.span[1]), e.quote.text, `${what}: quote text`);
    }
    assert.ok(MODALITY_STATUSES.includes(e.modality.status), `${what}: status ${e.modality.status}`);
    assert.ok(e.cameo.code.startsWith(e.cameo.root), `${what}: code outside its root`);
    assert.ok([1, 2, 3, 4].includes(e.cameo.quad), `${what}: quad ${e.cameo.quad}`);
    if (e.date !== null) assertIsoDate(e.date, `${what} date`);
    assert.ok(e.confidence >= 0 && e.confidence <= 1, `${what}: confidence ${e.confidence}`);
  }
}
