import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { decodeText } from "../ingest/index.js";
import type { FeedRef } from "./feed-list.js";
import { FetchFailure, type FetchLimits, fetchResource } from "./fetch-resource.js";

/** What the watcher remembers about the last fully processed copy of a feed, to ask only for changes. */
export interface FeedValidators {
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** SHA-1 of the body last processed: an identical body has nothing new. */
  readonly bodyHash: string | null;
}

/** A feed as fetched: unchanged since last time, or its decoded text with the validators to remember. */
export type FeedDocument =
  | { readonly kind: "unchanged" }
  | { readonly kind: "fetched"; readonly text: string; readonly validators: FeedValidators };

const USER_AGENT = "dyad-watch/0.1";
const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

function fileReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a folder, not a feed file";
  return `could not read: ${(error as Error).message}`;
}

function hashOf(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("hex");
}

function decoded(
  bytes: Uint8Array,
  validators: Omit<FeedValidators, "bodyHash">,
  previous: FeedValidators | null,
) {
  const bodyHash = hashOf(bytes);
  if (previous?.bodyHash === bodyHash) return { kind: "unchanged" } as const;
  const text = decodeText(bytes, { markup: true });
  if (!text.ok) throw new FetchFailure(text.reason);
  return { kind: "fetched", text: text.text, validators: { ...validators, bodyHash } } as const;
}

/**
 * Fetches a feed: an http(s) URL with a conditional GET (`If-None-Match`/`If-Modified-Since` from `previous`), or a
 * local file. A 304, or a body identical to the last one processed, is `unchanged`. HTTP errors, network errors,
 * timeouts, oversized or undecodable bodies and unreadable files throw a `FetchFailure` with a one-line reason.
 */
export async function loadFeedDocument(
  feed: FeedRef,
  previous: FeedValidators | null,
  limits: FetchLimits,
): Promise<FeedDocument> {
  if (feed.kind === "file") {
    let bytes: Uint8Array;
    try {
      const info = await stat(feed.path);
      if (!info.isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
      if (info.size > limits.maxBytes) {
        throw new FetchFailure(`file is ${info.size} bytes, above the ${limits.maxBytes}-byte limit`);
      }
      bytes = await readFile(feed.path);
    } catch (error) {
      if (error instanceof FetchFailure) throw error;
      throw new FetchFailure(fileReason(error));
    }
    return decoded(bytes, { etag: null, lastModified: null }, previous);
  }
  const headers: Record<string, string> = { "user-agent": USER_AGENT, accept: FEED_ACCEPT };
  if (previous?.etag) headers["if-none-match"] = previous.etag;
  if (previous?.lastModified) headers["if-modified-since"] = previous.lastModified;
  const response = await fetchResource(feed.url, headers, limits);
  if (response.status === 304) return { kind: "unchanged" };
  if (response.status !== 200) throw new FetchFailure(`HTTP ${response.status}`);
  if (response.body.byteLength === 0) throw new FetchFailure("empty response");
  return decoded(
    response.body,
    { etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") },
    previous,
  );
}

/** The user agent sent with every request, so site owners can see who fetches. */
export const WATCH_USER_AGENT = USER_AGENT;
