/**
 * The actor network: actors as circles sized by activity, dyads as lines as thick as their event count and coloured
 * by their mean Goldstein score (green cooperative, red conflictual). Actors and lines are links to the dashboard
 * showing that actor or dyad.
 */
import { type Network, SELECTABLE_ACTOR } from "./api.js";
import { networkLayout } from "./network-layout.js";

const WIDTH = 480;
const HEIGHT = 380;
const MAX_NODES = 40;
const MAX_EDGES = 120;

function tone(goldstein: number | null): string {
  if (goldstein === null) return "#9e9e9e";
  if (goldstein > 0.5) return "#2e7d32";
  if (goldstein < -0.5) return "#c62828";
  return "#8d8d8d";
}

export function ActorNetwork({
  network,
  a,
  b,
  linkTo,
}: {
  readonly network: Network;
  readonly a: string;
  readonly b: string;
  /** The dashboard URL (hash) showing an actor, or a dyad when `b` is given. */
  readonly linkTo: (a: string, b: string) => string;
}) {
  // Actors without a country (`---GOV`) cannot be chosen as filters, so they are left out of the drawing.
  // Actors left without a line (their dyads are with actors not drawn) are dropped too.
  const busiest = network.nodes
    .filter((n) => SELECTABLE_ACTOR.test(n.code))
    .sort((x, y) => y.count - x.count)
    .slice(0, MAX_NODES);
  const shown = new Set(busiest.map((n) => n.code));
  const edges = network.edges
    .filter((e) => shown.has(e.source) && shown.has(e.target) && e.source !== e.target)
    .sort((x, y) => y.count - x.count)
    .slice(0, MAX_EDGES);
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = edges.length > 0 ? busiest.filter((n) => linked.has(n.code)) : busiest;
  if (nodes.length === 0) return <p class="empty">No actors yet.</p>;
  const place = networkLayout(
    nodes.map((n) => n.code),
    edges.map((e) => ({ source: e.source, target: e.target, weight: e.count })),
    WIDTH,
    HEIGHT,
  );
  const maxCount = Math.max(1, ...nodes.map((n) => n.count));
  const maxEdge = Math.max(1, ...edges.map((e) => e.count));
  return (
    <svg
      class="network"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-labelledby="network-title"
      data-testid="actor-network"
    >
      <title id="network-title">{`Actor network: ${nodes.length} actors, ${edges.length} dyads`}</title>
      <g class="edges">
        {edges.map((e) => {
          const s = place.get(e.source)!;
          const t = place.get(e.target)!;
          const active = (e.source === a && e.target === b) || (e.source === b && e.target === a);
          const label = `${e.source} → ${e.target}: ${e.count} events, mean Goldstein ${e.goldsteinMean?.toFixed(2) ?? "–"}`;
          return (
            <a
              key={`${e.source}-${e.target}`}
              class="edge"
              href={linkTo(e.source, e.target)}
              aria-label={label}
            >
              <line
                x1={s.x}
                y1={s.y}
                x2={t.x}
                y2={t.y}
                stroke={tone(e.goldsteinMean)}
                stroke-width={active ? 6 : 1 + (5 * e.count) / maxEdge}
                stroke-opacity={active ? 0.95 : 0.55}
              >
                <title>{label}</title>
              </line>
            </a>
          );
        })}
      </g>
      <g class="nodes">
        {nodes.map((n) => {
          const p = place.get(n.code)!;
          const r = 6 + 16 * Math.sqrt(n.count / maxCount);
          const active = n.code === a || n.code === b;
          return (
            <a
              key={n.code}
              href={linkTo(n.code, "")}
              aria-label={`${n.code} ${n.name}: ${n.count} events`}
              class={active ? "node active" : "node"}
              data-testid="network-node"
            >
              <g transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`}>
                <circle r={r} />
                <text dy={r + 12} text-anchor="middle">
                  {n.code}
                </text>
                <title>{`${n.name}: ${n.count} events`}</title>
              </g>
            </a>
          );
        })}
      </g>
    </svg>
  );
}
