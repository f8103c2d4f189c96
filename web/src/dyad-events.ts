/**
 * A page of a dyad's events in both directions. The API filters events by source and target, so both directions
 * are fetched and merged in the API's own order (newest first, undated last, then by id). Only the first
 * `MAX_PAGE_SIZE` events of each direction can be merged this way; `reachable` says how far paging can go.
 */
import { api, type EventPage, type EventQuery, type StoredEvent } from "./api.js";

/** The API's largest page (src/server/api-schemas.ts `MAX_PAGE_SIZE`). */
export const MAX_PAGE_SIZE = 500;

export interface DyadEventPage extends EventPage {
  /** How many events from the start can be paged through (both directions merged). */
  readonly reachable: number;
}

/** The API's event order: date descending with undated last, then id ascending. */
export function compareEvents(x: StoredEvent, y: StoredEvent): number {
  if (x.date !== y.date) {
    if (x.date === null) return 1;
    if (y.date === null) return -1;
    return x.date < y.date ? 1 : -1;
  }
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

export async function dyadEventsBothWays(
  filter: EventQuery,
  a: string,
  b: string,
  offset: number,
  limit: number,
  signal?: AbortSignal,
): Promise<DyadEventPage> {
  const want = Math.min(MAX_PAGE_SIZE, offset + limit);
  const [forward, backward] = await Promise.all([
    api.events({ ...filter, source: a, target: b, limit: want, offset: 0 }, signal),
    api.events({ ...filter, source: b, target: a, limit: want, offset: 0 }, signal),
  ]);
  const seen = new Set<string>();
  const merged = [...forward.events, ...backward.events]
    .filter((e) => !seen.has(e.id) && seen.add(e.id))
    .sort(compareEvents);
  const total =
    forward.total + backward.total - (forward.events.length + backward.events.length - merged.length);
  return {
    total,
    totalExact: forward.totalExact !== false && backward.totalExact !== false,
    events: merged.slice(offset, offset + limit),
    reachable: forward.total <= MAX_PAGE_SIZE && backward.total <= MAX_PAGE_SIZE ? total : MAX_PAGE_SIZE,
  };
}
