/**
 * The event filters: CAMEO root, quad class, modality status, date range and a full-text search. Changes apply on
 * submit (or at once for the selects), and always send the table back to its first page.
 */
import { useEffect, useState } from "preact/hooks";
import { MODALITY_STATUSES } from "../../src/types/event.js";
import { CAMEO_ROOTS, MODALITY_LABELS, QUAD_LABELS } from "./cameo-labels.js";
import { EMPTY_FILTERS, type EventFilters as Filters } from "./dashboard-state.js";

export function EventFilters({
  filters,
  onChange,
}: {
  readonly filters: Filters;
  readonly onChange: (filters: Filters) => void;
}) {
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (key: keyof Filters, value: string, apply = false): void => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    if (apply) onChange(next);
  };
  return (
    <form
      class="filters"
      aria-label="Filter events"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(draft);
      }}
    >
      <label>
        Search
        <input
          type="search"
          name="q"
          value={draft.q}
          placeholder="words in the evidence or article"
          onInput={(event) => set("q", event.currentTarget.value)}
        />
      </label>
      <label>
        Root
        <select
          name="root"
          value={draft.root}
          onChange={(event) => set("root", event.currentTarget.value, true)}
        >
          <option value="">any root</option>
          {CAMEO_ROOTS.map(([code, name]) => (
            <option key={code} value={code}>{`${code} ${name}`}</option>
          ))}
        </select>
      </label>
      <label>
        Quad
        <select
          name="quad"
          value={draft.quad}
          onChange={(event) => set("quad", event.currentTarget.value, true)}
        >
          <option value="">any quad</option>
          {([1, 2, 3, 4] as const).map((q) => (
            <option key={q} value={String(q)}>{`${q} ${QUAD_LABELS[q]}`}</option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select
          name="status"
          value={draft.status}
          onChange={(event) => set("status", event.currentTarget.value, true)}
        >
          <option value="">any status</option>
          {MODALITY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {MODALITY_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input
          type="date"
          name="from"
          value={draft.from}
          onChange={(event) => set("from", event.currentTarget.value, true)}
        />
      </label>
      <label>
        To
        <input
          type="date"
          name="to"
          value={draft.to}
          onChange={(event) => set("to", event.currentTarget.value, true)}
        />
      </label>
      <button type="submit">Apply</button>
      <button
        type="button"
        class="secondary"
        onClick={() => {
          setDraft(EMPTY_FILTERS);
          onChange(EMPTY_FILTERS);
        }}
      >
        Clear
      </button>
    </form>
  );
}
