/** Elements that never contain others, or that close themselves when a sibling opens: they add no nesting. */
const FLAT = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
  "p",
  "li",
  "dt",
  "dd",
  "option",
  "tr",
  "td",
  "th",
]);

const NAME = /(\/?)([A-Za-z][\w:-]*)/y;
const TAG_REST = /[^<>]*>/y;

/**
 * How deeply the elements of a page or feed nest, estimated in one linear pass over the tags (escaped markup, as in
 * feed descriptions, counts too; comments, scripts and styles are skipped). The HTML parser and Readability take time
 * that grows with the square of the nesting depth, so the watcher refuses inputs nested far deeper than any real
 * page before handing them over. Elements named in `resetAt` (a feed's `item` and `entry`) start the count afresh, so
 * markup left open in one feed item does not add up over the whole feed.
 *
 * @example markupDepth("<div><div><p>x</div></div>") // 2
 */
export function markupDepth(
  markup: string,
  options: { readonly resetAt?: ReadonlySet<string> } = {},
): number {
  const text = markup.includes("&lt;") ? markup.replace(/&lt;/g, "<").replace(/&gt;/g, ">") : markup;
  let lower: string | null = null;
  let depth = 0;
  let deepest = 0;
  let pos = 0;
  for (let lt = text.indexOf("<", pos); lt !== -1; lt = text.indexOf("<", pos)) {
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      if (end === -1) break;
      pos = end + 3;
      continue;
    }
    NAME.lastIndex = lt + 1;
    const name = NAME.exec(text);
    TAG_REST.lastIndex = NAME.lastIndex;
    if (!name || !TAG_REST.exec(text)) {
      pos = lt + 1;
      continue;
    }
    pos = TAG_REST.lastIndex;
    const tag = (name[2] ?? "").toLowerCase();
    const closing = name[1] === "/";
    if (!closing && (tag === "script" || tag === "style")) {
      lower ??= text.toLowerCase();
      const end = lower.indexOf(`</${tag}`, pos);
      if (end === -1) break;
      pos = end + 2;
      continue;
    }
    if (options.resetAt?.has(tag)) {
      depth = 0;
      continue;
    }
    if (FLAT.has(tag) || text[pos - 2] === "/") continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (++depth > deepest) deepest = depth;
  }
  return deepest;
}
