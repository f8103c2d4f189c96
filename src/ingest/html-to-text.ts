import { parseHTML } from "linkedom";
import { htmlNestingProblem } from "./markup-depth.js";

/** Elements whose text is never article text. */
const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "object",
  "head",
  "title",
  "button",
  "select",
  "input",
  "textarea",
]);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "html",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "tr",
  "ul",
]);

/** Table cells: separated by a space within their row. */
const CELLS = new Set(["td", "th"]);

interface DomNode {
  readonly nodeType: number;
  readonly localName?: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

/** Collects paragraphs; each paragraph is a list of lines (split at `<br>`). */
class ParagraphCollector {
  readonly paragraphs: string[] = [];
  private current = "";

  text(value: string): void {
    this.current += value;
  }

  lineBreak(): void {
    this.current += "\n";
  }

  breakParagraph(): void {
    // Two <br> in a row separate paragraphs as a blank line does.
    for (const part of this.current.split(/\n[ \t\r\f\u00a0]*\n/)) {
      const lines = part
        .split("\n")
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter((line) => line.length > 0);
      if (lines.length > 0) this.paragraphs.push(lines.join("\n"));
    }
    this.current = "";
  }
}

function walk(node: DomNode, out: ParagraphCollector, depth: number): void {
  if (depth > 400) return; // never reached by checked HTML; a guard against overflowing the stack
  if (node.nodeType === 3) {
    // Newlines in HTML source are plain spaces; only <br> and blocks break lines.
    out.text((node.nodeValue ?? "").replace(/\s+/g, " "));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = (node.localName ?? "").toLowerCase();
  if (SKIPPED.has(name)) return;
  if (name === "br") {
    out.lineBreak();
    return;
  }
  const block = BLOCKS.has(name);
  if (block) out.breakParagraph();
  if (CELLS.has(name)) out.text(" ");
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child) walk(child, out, depth + 1);
  }
  if (block) out.breakParagraph();
}

/** Turns parsed HTML into text: one paragraph per block element, separated by a blank line. */
export function documentToText(root: unknown): string {
  const out = new ParagraphCollector();
  walk(root as DomNode, out, 0);
  out.breakParagraph();
  return out.paragraphs.join("\n\n");
}

/** The text of some HTML, or why it was not read. */
export type HtmlText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Like `htmlToText`, but HTML nested deeper than `INGEST_LIMITS.maxHtmlDepth` is not parsed: it comes back as
 * `ok: false` with the reason ("HTML nested 12,000 levels deep (limit 250)"). The readers use this for feed fields.
 */
export function readHtmlText(html: string): HtmlText {
  if (!/[<&]/.test(html)) return { ok: true, text: plainText(html) };
  const problem = htmlNestingProblem(html);
  if (problem) return { ok: false, reason: problem };
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  return { ok: true, text: documentToText(document.body ?? document) };
}

function plainText(text: string): string {
  // Plain text: its own line breaks and blank lines are kept.
  const out = new ParagraphCollector();
  out.text(text);
  out.breakParagraph();
  return out.paragraphs.join("\n\n");
}

/**
 * Strips HTML to readable text: block elements (`<p>`, `<div>`, `<li>`, headings…) become paragraphs separated by
 * a blank line, `<br>` a line break, entities are decoded, scripts and styles dropped, and runs of spaces collapsed.
 * HTML nested deeper than `INGEST_LIMITS.maxHtmlDepth` is not parsed (parsing it takes time with the square of the
 * depth) and gives the empty string; `readHtmlText` says why.
 *
 * @example htmlToText("<p>Talks <b>resumed</b>.</p><p>Next</p>") // "Talks resumed.\n\nNext"
 */
export function htmlToText(html: string): string {
  const read = readHtmlText(html);
  return read.ok ? read.text : "";
}
