/**
 * The dashboard's view of the dyad HTTP API: one typed function per endpoint, all relative to the page (so the
 * dashboard works wherever `dyad serve` mounts it). Responses are JSON; a non-2xx answer becomes an `ApiError`
 * carrying the server's message.
 */
import type { Interval, SeriesPoint, StoredEvent } from "../../src/types/store.js";

export type { Interval, SeriesPoint, StoredEvent };

export interface EventQuery {
  readonly source?: string;
  readonly target?: string;
  readonly actor?: string;
  /** Two actor codes joined by a comma (`RUS,CHN`): events between them in either direction. */
  readonly dyad?: string;
  readonly root?: string;
  readonly code?: string;
  readonly quad?: string;
  readonly status?: string;
  readonly from?: string;
  readonly to?: string;
  readonly q?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface EventPage {
  /** Matching events; past the API's counting cap, the cap (see `totalExact`). */
  readonly total: number;
  /** False when the API stopped counting (the total is a lower bound). */
  readonly totalExact: boolean;
  readonly events: readonly StoredEvent[];
}

export interface TopActor {
  readonly code: string;
  readonly name: string;
  readonly count: number;
  readonly asSource?: number;
  readonly asTarget?: number;
}

export interface QuadCounts {
  readonly 1: number;
  readonly 2: number;
  readonly 3: number;
  readonly 4: number;
}

export interface NetworkNode {
  readonly code: string;
  readonly name: string;
  readonly count: number;
}

/** A directed dyad: events from `source` to `target`. */
export interface NetworkEdge {
  readonly source: string;
  readonly target: string;
  readonly count: number;
  readonly byQuad?: QuadCounts;
  readonly goldsteinSum?: number;
  readonly goldsteinMean: number | null;
}

export interface Network {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
}

/** Where one piece of an event's evidence sits in the article's clean text. */
export interface ArticleSpan {
  readonly kind: "source" | "target" | "trigger" | "quote" | "sentence";
  readonly eventId: string;
  /** Offsets into `ArticleDetail.text`. */
  readonly start: number;
  readonly end: number;
  readonly text?: string;
}

export interface ArticleDetail {
  readonly id: string;
  readonly url: string | null;
  readonly published: string | null;
  readonly title: string | null;
  readonly source: string;
  /** The clean text the spans point into. */
  readonly text: string;
  readonly spans: readonly ArticleSpan[];
  /** Every event told in this article. */
  readonly events?: readonly StoredEvent[];
}

export interface Alert {
  readonly a: string;
  readonly b: string;
  readonly kind: "cooperation" | "conflict";
  readonly direction?: "rise" | "fall";
  /** Start of the period examined, `YYYY-MM-DD`. */
  readonly period: string;
  readonly count: number;
  readonly baseline: number;
  readonly score: number;
  readonly events: readonly StoredEvent[];
}

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

function query(params: Readonly<Record<string, string | number | boolean | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "" || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`api/${path}`, {
    headers: { accept: "application/json" },
    signal: signal ?? null,
  });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as { error?: unknown; message?: unknown };
      const detail = body.error ?? body.message;
      if (typeof detail === "string") message = detail;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(response.status, message);
  }
  return (await response.json()) as T;
}

const seg = encodeURIComponent;

/** Actor codes the API accepts as filters (`RUS`, `RUSGOV`; not the `---GOV` of actors without a country). */
export const SELECTABLE_ACTOR = /^[A-Z0-9]{2,30}$/;

export const api = {
  events(q: EventQuery, signal?: AbortSignal): Promise<EventPage> {
    return getJson(`events${query({ ...q })}`, signal);
  },
  series(
    a: string,
    b: string,
    options: { interval: Interval; directed?: boolean; from?: string; to?: string; status?: string },
    signal?: AbortSignal,
  ): Promise<{ readonly points: readonly SeriesPoint[] }> {
    return getJson(`dyads/${seg(a)}/${seg(b)}/series${query({ ...options })}`, signal);
  },
  /** One actor's events on either side, per period (an event between two of its parts counts once). */
  actorSeries(
    a: string,
    options: { interval: Interval; from?: string; to?: string; status?: string },
    signal?: AbortSignal,
  ): Promise<{ readonly points: readonly SeriesPoint[] }> {
    return getJson(`actors/${seg(a)}/series${query({ ...options })}`, signal);
  },
  topActors(
    options: { level: "actor" | "country"; limit: number },
    signal?: AbortSignal,
  ): Promise<readonly TopActor[]> {
    return getJson(`actors/top${query({ ...options })}`, signal);
  },
  network(options: { level: "actor" | "country"; limit: number }, signal?: AbortSignal): Promise<Network> {
    return getJson(`network${query({ ...options })}`, signal);
  },
  article(id: string, signal?: AbortSignal): Promise<ArticleDetail> {
    return getJson(`articles/${seg(id)}`, signal);
  },
  alerts(options: { interval: Interval; at?: string }, signal?: AbortSignal): Promise<readonly Alert[]> {
    return getJson(`alerts${query({ ...options })}`, signal);
  },
};
