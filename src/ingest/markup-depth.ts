import { INGEST_LIMITS } from "./ingest-limits.js";

// The HTML parser under linkedom (htmlparser2) keeps its open elements in an array it grows at the front, so every
// opening tag costs time in proportion to the current depth, and Readability's scoring walks each element's
// descendants again and again. Both are harmless at the depth of real pages and ruinous at thousands of levels. The
// scan below reproduces the parser's own rules for opening and closing elements, so it finds the depth the parsed
// document will have, in one pass and before anything is parsed.

/** Elements that never have content: they are leaves and are never left open. */
const VOID = new Set([
  "area",
  "base",
  "basefont",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "img",
  "input",
  "isindex",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

const P_ONLY = new Set(["p"]);
const FORM_FIELDS = new Set(["input", "option", "optgroup", "select", "button", "datalist", "textarea"]);
const BLOCKS_CLOSING_P = [
  "address",
  "article",
  "aside",
  "blockquote",
  "details",
  "div",
  "dl",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "header",
  "hr",
  "main",
  "nav",
  "ol",
  "pre",
  "section",
  "table",
  "ul",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "p",
];

/** An opening tag first closes the innermost open element while that element is one of these (the parser's rule). */
const CLOSED_BY: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ["tr", new Set(["tr", "th", "td"])],
  ["th", new Set(["th"])],
  ["td", new Set(["thead", "th", "td"])],
  ["body", new Set(["head", "link", "script"])],
  ["li", new Set(["li"])],
  ["option", new Set(["option"])],
  ["optgroup", new Set(["optgroup", "option"])],
  ["dd", new Set(["dd", "dt"])],
  ["dt", new Set(["dd", "dt"])],
  ["rt", new Set(["rt", "rp"])],
  ["rp", new Set(["rt", "rp"])],
  ["tbody", new Set(["thead", "tbody"])],
  ["tfoot", new Set(["thead", "tbody"])],
  ...["select", "input", "output", "button", "datalist", "textarea"].map((n) => [n, FORM_FIELDS] as const),
  ...BLOCKS_CLOSING_P.map((n) => [n, P_ONLY] as const),
]);

/** Elements that switch to foreign content (where `<x/>` closes itself), and those that switch back to HTML. */
const FOREIGN = new Set(["math", "svg"]);
const HTML_INSIDE_FOREIGN = new Set([
  "mi",
  "mo",
  "mn",
  "ms",
  "mtext",
  "annotation-xml",
  "foreignobject",
  "desc",
  "title",
]);

/** Elements whose content is text up to their closing tag, never markup. */
const RAW_TEXT = new Set(["script", "style", "title", "textarea", "xmp"]);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
}

function isLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** Ends a tag name: white space, `/` or `>`. */
function endsName(c: number): boolean {
  return isSpace(c) || c === 0x2f || c === 0x3e;
}

/** The parser's stack of open elements, with a count per name so that a stray closing tag costs O(1). */
class OpenElements {
  private readonly names: string[] = [];
  private readonly counts = new Map<string, number>();
  /** Innermost last: true inside `<svg>`/`<math>`, false inside HTML (or an HTML island such as `<foreignObject>`). */
  private foreign: boolean[] = [false];
  deepest = 0;

  get inForeignContent(): boolean {
    return this.foreign[this.foreign.length - 1] === true;
  }

  /** An element at `depth` exists in the document. */
  private reach(depth: number): void {
    if (depth > this.deepest) this.deepest = depth;
  }

  private pop(): string | undefined {
    const name = this.names.pop();
    if (name !== undefined) this.counts.set(name, (this.counts.get(name) ?? 1) - 1);
    return name;
  }

  /** Forgets every open element (a feed item starting afresh). */
  clear(): void {
    this.names.length = 0;
    this.counts.clear();
    this.foreign = [false];
  }

  /** The name of an opening tag has been read. Its element exists once the tag is complete: see `opened`. */
  open(name: string): void {
    const closes = CLOSED_BY.get(name);
    if (closes) {
      while (this.names.length > 0 && closes.has(this.names[this.names.length - 1] ?? "")) this.pop();
    }
    if (VOID.has(name)) return;
    this.names.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) this.foreign.push(true);
    else if (HTML_INSIDE_FOREIGN.has(name)) this.foreign.push(false);
  }

  /** The opening tag of `name` is complete; `selfClosing` when it ended in `/>`. */
  opened(name: string, selfClosing: boolean): void {
    this.reach(VOID.has(name) ? this.names.length + 1 : this.names.length);
    // `<x/>` closes itself only in foreign content; in HTML the slash is ignored and the element stays open.
    if (selfClosing && this.inForeignContent && this.names[this.names.length - 1] === name) this.pop();
  }

  close(name: string): void {
    if (FOREIGN.has(name) || HTML_INSIDE_FOREIGN.has(name)) this.foreign.pop();
    if (VOID.has(name)) {
      if (name === "br") this.reach(this.names.length + 1); // `</br>` makes a `<br>`
      return;
    }
    if ((this.counts.get(name) ?? 0) > 0) {
      while (this.names.length > 0 && this.pop() !== name) {
        // pop up to and including the element being closed
      }
    } else if (name === "p") {
      this.reach(this.names.length + 1); // `</p>` with no open paragraph makes an empty `<p>`
    }
  }
}

/**
 * How deeply the elements of an HTML page nest once it is parsed (the deepest element's count of ancestors, plus
 * one), found in one linear pass without building a document. The scan follows the HTML parser's rules: void elements
 * (`<br>`, `<img>`), elements another tag closes (`<p>`, `<li>`, `<td>`…), closing tags that close the elements
 * left open inside them, stray closing tags, `<x/>` (ignored in HTML, self-closing inside `<svg>`/`<math>`), and the
 * text of comments, `<script>`, `<style>`, `<title>` and `<textarea>`, which holds no elements. Elements named in
 * `resetAt` (say a feed's `item` and `entry`) start the count afresh, so markup left open in one feed item does not
 * add up over the whole feed.
 *
 * @example markupDepth("<div><div><p>x</div></div>") // 3
 */
export function markupDepth(
  markup: string,
  options: { readonly resetAt?: ReadonlySet<string> } = {},
): number {
  const text = markup;
  const n = text.length;
  // Offsets only move forward and each closing tag pops what it closes once, so the scan is linear in the text.
  const stack = new OpenElements();
  let pos = 0;
  scan: while (pos < n) {
    const lt = text.indexOf("<", pos);
    if (lt === -1) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      let end: number;
      if (text.startsWith("--", lt + 2)) {
        const close = text.indexOf("-->", lt + 2); // `<!-->` and `<!--->` are complete comments
        end = close === -1 ? -1 : close + 3;
      } else if (text.startsWith("[CDATA[", lt + 2)) {
        const close = text.indexOf("]]>", lt + 9);
        end = close === -1 ? -1 : close + 3;
      } else {
        const close = text.indexOf(">", lt + 2);
        end = close === -1 ? -1 : close + 1;
      }
      if (end === -1) break;
      pos = end;
      continue;
    }
    if (next === 0x3f /* ? */) {
      const close = text.indexOf(">", lt + 2);
      if (close === -1) break;
      pos = close + 1;
      continue;
    }
    if (next === 0x2f /* / */) {
      let i = lt + 2;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (i >= n) break;
      const first = text.charCodeAt(i);
      if (first === 0x3e /* </> is nothing */) {
        pos = i + 1;
        continue;
      }
      if (!isLetter(first)) {
        // `</1…>`: a bogus comment up to the next `>`
        const close = text.indexOf(">", i);
        if (close === -1) break;
        pos = close + 1;
        continue;
      }
      const start = i;
      while (i < n && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x3e) i++;
      if (i >= n) break; // cut off inside the name: the parser drops it
      stack.close(text.slice(start, i).toLowerCase());
      const close = text.indexOf(">", i);
      if (close === -1) break;
      pos = close + 1;
      continue;
    }
    if (!isLetter(next)) {
      pos = lt + 1; // a `<` in text
      continue;
    }

    // An opening tag: the name, then attributes up to `>` (quoted values may hold `>`).
    let i = lt + 1;
    while (i < n && !endsName(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const name = text.slice(lt + 1, i).toLowerCase();
    if (options.resetAt?.has(name)) stack.clear();
    stack.open(name);
    let selfClosing = false;
    for (;;) {
      if (i >= n) break scan; // the document ends inside the tag: the element is never made
      const c = text.charCodeAt(i);
      if (c === 0x3e /* > */) break;
      if (c === 0x2f /* / */) {
        i++;
        while (i < n && isSpace(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) === 0x3e) {
          selfClosing = true;
          break;
        }
        continue;
      }
      if (isSpace(c)) {
        i++;
        continue;
      }
      // An attribute name (its first character may be anything, even `=` or a quote), then perhaps `=` and a value.
      i++;
      while (i < n && text.charCodeAt(i) !== 0x3d && !endsName(text.charCodeAt(i))) i++;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 0x3d /* = */) continue;
      i++;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      const quote = text.charCodeAt(i);
      if (quote === 0x22 || quote === 0x27) {
        const close = text.indexOf(quote === 0x22 ? '"' : "'", i + 1);
        if (close === -1) break scan;
        i = close + 1;
      } else {
        while (i < n && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x3e) i++;
      }
    }
    stack.opened(name, selfClosing);
    pos = i + 1;
    if (!selfClosing && RAW_TEXT.has(name)) {
      const end = rawTextEnd(text, pos, name);
      if (end === -1) break;
      stack.close(name);
      const close = text.indexOf(">", end);
      if (close === -1) break;
      pos = close + 1;
    }
  }
  return stack.deepest;
}

/**
 * Where the closing tag of a raw-text element starts being followed by its name's end (`>` or white space), matched
 * without regard to case: the offset just after `</name`; -1 when the text never closes it.
 */
function rawTextEnd(text: string, from: number, name: string): number {
  for (let at = text.indexOf("</", from); at !== -1; at = text.indexOf("</", at + 1)) {
    let k = 0;
    while (k < name.length && (text.charCodeAt(at + 2 + k) | 0x20) === name.charCodeAt(k)) k++;
    if (k < name.length) continue;
    const after = text.charCodeAt(at + 2 + k);
    if (after === 0x3e || isSpace(after)) return at + 2 + k;
  }
  return -1;
}

/**
 * Why an HTML page or fragment is not parsed: nested deeper than `INGEST_LIMITS.maxHtmlDepth` levels, or null when
 * it is within the limit. The readers call this before every HTML parse.
 *
 * @example htmlNestingProblem("<div>".repeat(12_000)) // "HTML nested 12,000 levels deep (limit 250)"
 */
export function htmlNestingProblem(html: string): string | null {
  const limit = INGEST_LIMITS.maxHtmlDepth;
  if (html.indexOf("<") === -1) return null;
  const depth = markupDepth(html);
  if (depth <= limit) return null;
  return `HTML nested ${depth.toLocaleString("en-US")} levels deep (limit ${limit.toLocaleString("en-US")})`;
}
