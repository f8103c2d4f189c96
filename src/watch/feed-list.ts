import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DyadError } from "../types/errors.js";

/** One feed the user listed: an http(s) URL or a local file. `ref` is how it was written (used in logs and state). */
export type FeedRef =
  | { readonly kind: "url"; readonly ref: string; readonly url: string }
  | { readonly kind: "file"; readonly ref: string; readonly path: string };

/** A feeds file read into feeds, with the lines that could not be used (and why). */
export interface FeedList {
  readonly feeds: readonly FeedRef[];
  readonly problems: readonly string[];
}

/** A `#` at the start of a line, or after white space, starts a comment (a `#` inside a URL is kept). */
const COMMENT = /(?:^|\s)#.*$/;

/**
 * Parses the text of a feeds file: one feed per line, blank lines and `#` comments ignored. A line is an `http://` or
 * `https://` URL, a `file://` URL, or a local path (relative paths are taken from `baseDir`, the feeds file's
 * folder). Lines with another scheme, and repeats, are reported in `problems` and skipped.
 *
 * @example parseFeedList("# world\nhttps://example.org/rss.xml\nlocal/feed.xml\n", "/srv")
 * // { feeds: [{ kind: "url", ref: "https://example.org/rss.xml", … }, { kind: "file", path: "/srv/local/feed.xml", … }], problems: [] }
 */
export function parseFeedList(text: string, baseDir: string): FeedList {
  const feeds: FeedRef[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((rawLine, i) => {
    const line = rawLine
      .replace(/^\uFEFF/, "")
      .replace(COMMENT, "")
      .trim();
    if (line === "") return;
    const where = `line ${i + 1}`;
    let feed: FeedRef;
    if (/^https?:\/\//i.test(line)) {
      let url: URL;
      try {
        url = new URL(line);
      } catch {
        problems.push(`${where}: not a valid URL: "${line}"`);
        return;
      }
      feed = { kind: "url", ref: line, url: url.href };
    } else if (/^file:\/\//i.test(line)) {
      try {
        feed = { kind: "file", ref: line, path: fileURLToPath(line) };
      } catch {
        problems.push(`${where}: not a valid file URL: "${line}"`);
        return;
      }
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(line)) {
      problems.push(`${where}: only http(s) URLs and local files can be watched: "${line}"`);
      return;
    } else {
      feed = { kind: "file", ref: line, path: isAbsolute(line) ? line : resolve(baseDir, line) };
    }
    const key = feed.kind === "url" ? feed.url : feed.path;
    if (seen.has(key)) {
      problems.push(`${where}: listed twice: "${line}"`);
      return;
    }
    seen.add(key);
    feeds.push(feed);
  });
  return { feeds, problems };
}

/** Reads and parses a feeds file (see `parseFeedList`); a file that cannot be read throws a `DyadError`. */
export async function readFeedList(path: string): Promise<FeedList> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new DyadError("INPUT", `cannot read the feeds file "${path}": ${reason}`, { cause: error });
  }
  return parseFeedList(text, dirname(resolve(path)));
}

/** The key a feed's state is stored under: its URL, or the absolute path of its file. */
export function feedKey(feed: FeedRef): string {
  return feed.kind === "url" ? feed.url : feed.path;
}
