import chardet from "chardet";
import iconv from "iconv-lite";

/** Decoded text (without any byte-order mark) and the encoding it was read as, or why it could not be read. */
export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly reason: string };

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
/** Share of control characters above which text is treated as binary. */
const MAX_CONTROL_SHARE = 0.01;
/** chardet confidence (0–100) needed to trust its guess. */
const MIN_CHARDET_CONFIDENCE = 50;
/** Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned in windows-1252. */
const UNASSIGNED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Guesses BOM-less UTF-16 from where the zero bytes fall (English text in UTF-16 is half zero bytes). */
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.02) return "utf-16le";
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.02) return "utf-16be";
  return null;
}

function controlShare(text: string): number {
  const n = Math.min(text.length, 65536);
  if (n === 0) return 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f)) {
      controls++;
    }
  }
  return controls / n;
}

function finish(text: string, encoding: string): DecodedText {
  const share = controlShare(text);
  if (share > MAX_CONTROL_SHARE) {
    return { ok: false, reason: `binary file (${(share * 100).toFixed(0)}% control characters)` };
  }
  return { ok: true, text, encoding };
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be", bomLength: number): DecodedText {
  const body = bytes.subarray(bomLength);
  if (body.length % 2 === 1) {
    return { ok: false, reason: `truncated: ${encoding.toUpperCase()} text with an odd number of bytes` };
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    return finish(text, encoding);
  } catch {
    return { ok: false, reason: `not valid ${encoding.toUpperCase()}: it has unpaired surrogates` };
  }
}

/** If the only UTF-8 error is an incomplete character at the very end, the byte offset where it starts. */
function truncatedUtf8At(bytes: Uint8Array): number | null {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const at = bytes.length - back;
    const b = bytes[at] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead byte
    const needed = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    if (needed <= back) return null;
    try {
      STRICT_UTF8.decode(bytes.subarray(0, at));
      return at;
    } catch {
      return null;
    }
  }
  return null;
}

/** Finds `<meta charset=...>` or `content="...; charset=..."` in the first bytes of an HTML or XML file. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const m =
    /<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]{1,40})/i.exec(head) ??
    /<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]{1,40})/i.exec(head);
  return m?.[1] ?? null;
}

function looksLikeWindows1252(bytes: Uint8Array): boolean {
  let high = 0;
  for (const b of bytes) {
    if (b >= 0x80) {
      if (UNASSIGNED_1252.has(b)) return false;
      high++;
    }
  }
  return high > 0 && high <= bytes.length * 0.05;
}

/** Canonical iconv-lite name for a chardet/HTML label; ISO-8859-1 is read as its superset windows-1252 (as browsers do). */
function legacyEncoding(label: string): string | null {
  const lower = label.toLowerCase();
  if (lower === "iso-8859-1" || lower === "latin1" || lower === "us-ascii" || lower === "ascii")
    return "windows-1252";
  return iconv.encodingExists(lower) ? lower : null;
}

/**
 * Decodes the bytes of an input file. UTF-8 is decoded strictly (a UTF-8 BOM is dropped); UTF-16 with a BOM (or
 * obviously UTF-16 without one) is decoded; otherwise an encoding declared in HTML/XML, or a confident chardet guess,
 * or — for mostly-ASCII text with a few high bytes — windows-1252 is used. Empty, binary and undecidable inputs come
 * back with a reason; this never throws.
 */
export function decodeText(bytes: Uint8Array, options: { readonly markup?: boolean } = {}): DecodedText {
  if (bytes.length === 0) return { ok: false, reason: "empty file" };
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    const body = bytes.subarray(3);
    try {
      return finish(STRICT_UTF8.decode(body), "utf-8");
    } catch {
      const at = truncatedUtf8At(body);
      if (at !== null) {
        return { ok: false, reason: `truncated: ends in the middle of a UTF-8 character at byte ${at + 3}` };
      }
      return { ok: false, reason: "has a UTF-8 byte-order mark but is not valid UTF-8" };
    }
  }
  if (startsWith(bytes, 0xff, 0xfe)) return decodeUtf16(bytes, "utf-16le", 2);
  if (startsWith(bytes, 0xfe, 0xff)) return decodeUtf16(bytes, "utf-16be", 2);
  if (bytes.indexOf(0) !== -1) {
    const utf16 = sniffUtf16(bytes);
    if (utf16) return decodeUtf16(bytes, utf16, 0);
    return { ok: false, reason: "binary file (contains NUL bytes)" };
  }
  try {
    return finish(STRICT_UTF8.decode(bytes), "utf-8");
  } catch {
    // not UTF-8: fall through to the legacy encodings
  }
  const at = truncatedUtf8At(bytes);
  if (at !== null) {
    return {
      ok: false,
      reason: `truncated: ends in the middle of a UTF-8 character at byte ${at} (the file was probably cut off)`,
    };
  }
  const declared = options.markup ? declaredCharset(bytes) : null;
  const declaredName = declared ? legacyEncoding(declared) : null;
  if (declaredName && declaredName !== "utf-8" && declaredName !== "utf8") {
    return finish(iconv.decode(Buffer.from(bytes), declaredName), declaredName);
  }
  const guesses = chardet.analyse(bytes.subarray(0, 65536));
  const best = guesses[0];
  if (best && best.confidence >= MIN_CHARDET_CONFIDENCE && !/^utf-?8$/i.test(best.name)) {
    const name = legacyEncoding(best.name);
    if (name) return finish(iconv.decode(Buffer.from(bytes), name), name);
  }
  if (looksLikeWindows1252(bytes))
    return finish(iconv.decode(Buffer.from(bytes), "windows-1252"), "windows-1252");
  const guess = best ? ` (best guess ${best.name} at ${best.confidence}% confidence)` : "";
  return { ok: false, reason: `not valid UTF-8 and the encoding could not be determined${guess}` };
}
