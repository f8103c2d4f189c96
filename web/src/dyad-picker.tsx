/**
 * Chooses what to look at: one actor (`RUS`) or a dyad (`RUS` and `CHN`), typed or picked from the most active
 * actors and the busiest dyads the API reports.
 */
import { useEffect, useState } from "preact/hooks";
import type { NetworkEdge, TopActor } from "./api.js";

export function DyadPicker({
  a,
  b,
  actors,
  dyads,
  onPick,
}: {
  readonly a: string;
  readonly b: string;
  readonly actors: readonly TopActor[];
  readonly dyads: readonly NetworkEdge[];
  readonly onPick: (a: string, b: string) => void;
}) {
  const [first, setFirst] = useState(a);
  const [second, setSecond] = useState(b);
  useEffect(() => {
    setFirst(a);
    setSecond(b);
  }, [a, b]);
  const clean = (value: string): string =>
    value
      .trim()
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, "");
  const names = new Map(actors.map((x) => [x.code, x.name]));
  return (
    <form
      class="picker"
      aria-label="Choose a dyad"
      onSubmit={(event) => {
        event.preventDefault();
        const x = clean(first);
        const y = clean(second);
        if (x) onPick(x, y);
        else if (y) onPick(y, "");
      }}
    >
      <label>
        Actor A
        <input
          name="a"
          list="actor-codes"
          value={first}
          placeholder="RUS"
          autocomplete="off"
          spellcheck={false}
          onInput={(event) => setFirst(event.currentTarget.value)}
        />
      </label>
      <button
        type="button"
        class="icon"
        aria-label="Swap actors"
        title="Swap actors"
        onClick={() => {
          setFirst(second);
          setSecond(first);
        }}
      >
        ⇄
      </button>
      <label>
        Actor B <span class="hint">(optional)</span>
        <input
          name="b"
          list="actor-codes"
          value={second}
          placeholder="CHN"
          autocomplete="off"
          spellcheck={false}
          onInput={(event) => setSecond(event.currentTarget.value)}
        />
      </label>
      <button type="submit">Show</button>
      <datalist id="actor-codes">
        {actors.map((actor) => (
          <option key={actor.code} value={actor.code}>
            {`${actor.name} (${actor.count})`}
          </option>
        ))}
      </datalist>
      {dyads.length > 0 && (
        <fieldset class="chips">
          <legend class="visually-hidden">Busiest dyads</legend>
          {dyads.map((edge) => (
            <button
              type="button"
              key={`${edge.source}-${edge.target}`}
              class={`chip${(edge.source === a && edge.target === b) || (edge.source === b && edge.target === a) ? " active" : ""}`}
              title={`${names.get(edge.source) ?? edge.source} – ${names.get(edge.target) ?? edge.target}: ${edge.count} events`}
              onClick={() => onPick(edge.source, edge.target)}
            >
              {edge.source}–{edge.target} <span class="count">{edge.count}</span>
            </button>
          ))}
        </fieldset>
      )}
    </form>
  );
}
