import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeText } from "../../src/ingest/index.js";

const story = "Ministers met in Genève and Zürich; the café stayed open. “Quotes” too.";

test("decodeText: strict UTF-8 with and without BOM", () => {
  const plain = Buffer.from(story, "utf8");
  assert.deepEqual(decodeText(plain), { ok: true, text: story, encoding: "utf-8" });
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
  assert.deepEqual(decodeText(bom), { ok: true, text: story, encoding: "utf-8" });
});

test("decodeText: UTF-16 LE and BE with BOM, and LE without BOM", () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(story, "utf16le")]);
  assert.deepEqual(decodeText(le), { ok: true, text: story, encoding: "utf-16le" });
  const beBody = Buffer.from(story, "utf16le").swap16();
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]);
  assert.deepEqual(decodeText(be), { ok: true, text: story, encoding: "utf-16be" });
  const noBom = Buffer.from("The talks ended on Friday without a statement.", "utf16le");
  const decoded = decodeText(noBom);
  assert.ok(decoded.ok);
  if (decoded.ok) assert.equal(decoded.text, "The talks ended on Friday without a statement.");
});

test("decodeText: rejects with a reason", () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ["empty", new Uint8Array(0), /^empty file$/],
    ["NUL bytes", Buffer.from([0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x07, 0x08, 0x41, 0x41]), /^binary file/],
    [
      "control characters",
      Buffer.from("\u0001\u0002\u0003\u0004 text \u0005\u0006\u0007\u0008"),
      /^binary file/,
    ],
    ["UTF-8 cut inside a character", Buffer.from("Zürich — ", "utf8").subarray(0, -2), /^truncated/],
    ["odd-length UTF-16", Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]), /^truncated/],
    [
      "undecidable bytes",
      Buffer.from([0xc3, 0x28, 0x81, 0x8d, 0x90, 0x9d, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]),
      /^not valid UTF-8/,
    ],
  ];
  for (const [label, bytes, reason] of cases) {
    const result = decodeText(bytes);
    assert.equal(result.ok, false, label);
    if (!result.ok) assert.match(result.reason, reason, label);
  }
});

test("decodeText: legacy single-byte text is read as windows-1252", () => {
  const latin1 = Buffer.from("The délégation met in Genève; the café was shut.", "latin1");
  const decoded = decodeText(latin1);
  assert.ok(decoded.ok);
  if (decoded.ok) {
    assert.equal(decoded.text, "The délégation met in Genève; the café was shut.");
    assert.equal(decoded.encoding, "windows-1252");
  }
});

test("decodeText: an HTML charset declaration is honoured for non-UTF-8 bytes", () => {
  // The body in ISO-8859-2 the body as ISO-8859-2: Ł = 0xA3, ó = 0xF3, d, ź = 0xBC
  const bytes = Buffer.concat([
    Buffer.from('<html><head><meta charset="iso-8859-2"></head><body>'),
    Buffer.from([0xa3, 0xf3, 0x64, 0xbc]),
    Buffer.from("</body></html>"),
  ]);
  const decoded = decodeText(bytes, { markup: true });
  assert.ok(decoded.ok);
  if (decoded.ok) assert.ok(decoded.text.includes("Łódź"));
});
