/**
 * One page of events: date, who did what to whom, modality, Goldstein score, how often it was told, and the
 * evidence sentence. Choosing a row opens the event's article.
 */
import type { StoredEvent } from "./api.js";
import { ModalityBadge } from "./modality-badge.js";

export function EventTable({
  events,
  total,
  totalExact,
  reachable,
  offset,
  limit,
  selectedId,
  onOpen,
  onPage,
}: {
  readonly events: readonly StoredEvent[];
  readonly total: number;
  readonly totalExact: boolean;
  /** How far paging can go (the API pages no deeper than its largest offset). */
  readonly reachable: number;
  readonly offset: number;
  readonly limit: number;
  readonly selectedId: string;
  readonly onOpen: (event: StoredEvent) => void;
  readonly onPage: (offset: number) => void;
}) {
  const last = offset + events.length;
  const shownTotal = totalExact ? String(total) : `${total}+`;
  return (
    <div class="events" data-testid="event-table">
      <table>
        <caption>
          {total === 0 ? "No events match." : `Events ${offset + 1}–${last} of ${shownTotal}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Source</th>
            <th scope="col">Event</th>
            <th scope="col">Target</th>
            <th scope="col">Modality</th>
            <th scope="col" title="Goldstein score">
              Gs
            </th>
            <th scope="col" title="Times told (articles)">
              Told
            </th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr
              key={e.id}
              data-testid="event-row"
              data-event-id={e.id}
              class={`quad-${e.cameo.quad}${e.id === selectedId ? " selected" : ""}`}
              aria-selected={e.id === selectedId}
              onClick={() => onOpen(e)}
            >
              <td class="nowrap">{e.date ?? "–"}</td>
              <td title={e.source.name}>{e.source.code}</td>
              <td>
                <button
                  type="button"
                  class="link"
                  aria-label={`Open event ${e.cameo.code} ${e.cameo.name}: ${e.source.code} to ${e.target?.code ?? "no target"}`}
                  onClick={(click) => {
                    click.stopPropagation();
                    onOpen(e);
                  }}
                >
                  <span class="code">{e.cameo.code}</span> {e.cameo.name}
                </button>
              </td>
              <td title={e.target?.name ?? ""}>{e.target?.code ?? "–"}</td>
              <td>
                <ModalityBadge modality={e.modality} />
              </td>
              <td class={`num ${e.cameo.goldstein < 0 ? "neg" : "pos"}`}>{e.cameo.goldstein.toFixed(1)}</td>
              <td
                class="num"
                title={`${e.mentions} mentions in ${e.articles} articles from ${e.sources} sources`}
              >
                {e.mentions}
              </td>
              <td class="evidence" title={e.evidence.sentence}>
                <span class="clamp">{e.evidence.sentence}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pager" aria-label="Event pages">
        <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
          ‹ Previous
        </button>
        <span>
          {total > 0
            ? `Page ${Math.floor(offset / limit) + 1} of ${Math.max(1, Math.ceil(total / limit))}${totalExact ? "" : "+"}`
            : ""}
          {(reachable < total || !totalExact) && offset + limit >= reachable
            ? ` · narrow the filter to see past event ${reachable}`
            : ""}
        </span>
        <button type="button" disabled={offset + limit >= reachable} onClick={() => onPage(offset + limit)}>
          Next ›
        </button>
      </nav>
    </div>
  );
}
