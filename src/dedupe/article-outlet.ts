/**
 * The outlet an article came from, for counting how many distinct sources told an event: the host of its URL
 * (lower-cased, without `www.`); else, for a line of a JSONL file (`source` ends in `:N`), the file; else the
 * directory holding the file (a folder per outlet is the usual way to lay out a corpus).
 */
export function articleOutlet(url: string | null, source: string): string {
  if (url) {
    try {
      const host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
      if (host) return host;
    } catch {
      // not a URL: fall back to the source path
    }
  }
  const jsonl = /^(.*):\d+$/.exec(source);
  if (jsonl?.[1]) return jsonl[1];
  const slash = Math.max(source.lastIndexOf("/"), source.lastIndexOf("\\"));
  return slash > 0 ? source.slice(0, slash) : ".";
}
