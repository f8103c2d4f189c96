/**
 * Dyads whose cooperation or conflict this period departs from their own history, with how far and the events
 * behind it; choosing one shows that dyad and period.
 */
import type { Alert } from "./api.js";

export function AlertList({
  alerts,
  period,
  onPick,
}: {
  readonly alerts: readonly Alert[];
  /** The period length the alerts were computed for ("week"). */
  readonly period: string;
  readonly onPick: (alert: Alert) => void;
}) {
  if (alerts.length === 0) return <p class="empty">No dyad departs from its history right now.</p>;
  return (
    <ul class="alerts" data-testid="alert-list">
      {alerts.map((alert) => (
        <li key={`${alert.a}-${alert.b}-${alert.kind}-${alert.period}`} class={`alert ${alert.kind}`}>
          <button type="button" class="link" onClick={() => onPick(alert)}>
            <strong>
              {alert.a}–{alert.b}
            </strong>{" "}
            <span class={`badge kind-${alert.kind}`}>{alert.kind}</span>
          </button>
          <span class="alert-detail">
            {alert.direction === "fall" ? "fell to " : ""}
            {alert.count} {alert.kind} events in the {period} of {alert.period}, against a usual{" "}
            {alert.baseline.toFixed(1)} (z {alert.score.toFixed(1)})
          </span>
          {alert.events.length > 0 && (
            <span class="alert-evidence" title={alert.events[0]?.evidence.sentence}>
              {alert.events[0]?.evidence.sentence}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
