/**
 * The relation over time: event counts per period (cooperation against conflict, or the four quad classes) as
 * bars centred on their period, with the mean Goldstein score as a line on its own −10..+10 axis. Drawn with uPlot on a canvas; the same
 * numbers are offered as a table for screen readers and for checking.
 */
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { Interval, SeriesPoint } from "./api.js";
import { QUAD_COLORS, QUAD_LABELS } from "./cameo-labels.js";
import type { ChartMode } from "./dashboard-state.js";

const COOPERATION = "#1b7f3b";
const CONFLICT = "#c62828";
const GOLDSTEIN = "#3949ab";
const PERIOD_SECONDS: Readonly<Record<Interval, number>> = { day: 86_400, week: 604_800, month: 2_629_800 };
const COUNT_STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000,
];

interface CountSeries {
  readonly label: string;
  readonly color: string;
  readonly values: (p: SeriesPoint) => number;
}

function countSeries(mode: ChartMode): CountSeries[] {
  if (mode === "quads") {
    return ([1, 2, 3, 4] as const).map((q) => ({
      label: QUAD_LABELS[q],
      color: QUAD_COLORS[q],
      values: (p) => p.byQuad[q],
    }));
  }
  return [
    { label: "Cooperation", color: COOPERATION, values: (p) => p.byQuad[1] + p.byQuad[2] },
    { label: "Conflict", color: CONFLICT, values: (p) => p.byQuad[3] + p.byQuad[4] },
  ];
}

function toSeconds(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

/** Shades the filtered date range on the plot (or clears the shade when there is none). */
function showRange(plot: uPlot, range: { readonly from: string; readonly to: string }): void {
  const [min, max] = [plot.scales.x?.min ?? 0, plot.scales.x?.max ?? 0];
  if (!range.from && !range.to) {
    plot.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    return;
  }
  const from = range.from ? Math.max(min, toSeconds(range.from)) : min;
  const to = range.to ? Math.min(max, toSeconds(range.to) + 86_400) : max;
  if (to <= from) {
    plot.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    return;
  }
  const left = plot.valToPos(from, "x");
  const right = plot.valToPos(to, "x");
  plot.setSelect(
    { left, top: 0, width: Math.max(2, right - left), height: plot.bbox.height / devicePixelRatio },
    false,
  );
}

export function SeriesChart({
  points,
  mode,
  interval,
  title,
  range,
  onPickPeriod,
}: {
  readonly points: readonly SeriesPoint[];
  readonly mode: ChartMode;
  readonly interval: Interval;
  readonly title: string;
  /** The date filter of the event table, shown as a shaded band. */
  readonly range: { readonly from: string; readonly to: string };
  readonly onPickPeriod?: (t: string) => void;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const counts = countSeries(mode);

  useEffect(() => {
    const element = holder.current;
    if (!element || points.length === 0) return undefined;
    const width = (): number => Math.max(320, element.clientWidth);
    const half = PERIOD_SECONDS[interval] / 2;
    const barWidth = counts.length === 2 ? 0.38 : 0.2;
    const aligns: readonly (-1 | 0 | 1)[] = counts.length === 2 ? [-1, 1] : [0, 0, 0, 0];
    const options: uPlot.Options = {
      width: width(),
      height: 300,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      cursor: { drag: { x: false, y: false }, points: { size: 7 } },
      legend: { live: true },
      scales: {
        x: { time: true, range: (_u, min, max) => [min - half, max + half] },
        n: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.08] },
        g: { range: [-10, 10] },
      },
      axes: [
        { stroke: "#555", grid: { stroke: "#eee" } },
        { scale: "n", label: "events", stroke: "#555", grid: { stroke: "#eee" }, incrs: COUNT_STEPS },
        { scale: "g", label: "Goldstein", side: 1, stroke: GOLDSTEIN, grid: { show: false } },
      ],
      series: [
        {
          label: interval,
          value: (_u, _v, _s, idx) => {
            const t = idx == null ? undefined : points[idx]?.t;
            if (!t) return "–";
            return interval === "month" ? t.slice(0, 7) : interval === "week" ? `week of ${t}` : t;
          },
        },
        ...counts.map((c, i) => ({
          label: c.label,
          scale: "n",
          stroke: c.color,
          fill: `${c.color}cc`,
          width: 1,
          paths:
            counts.length === 2
              ? uPlot.paths.bars!({ size: [barWidth, 48], align: aligns[i] ?? 0 })
              : uPlot.paths.linear!(),
          points: { show: counts.length !== 2 },
        })),
        {
          label: "Goldstein mean",
          scale: "g",
          stroke: GOLDSTEIN,
          width: 2,
          dash: [6, 4],
          spanGaps: true,
          value: (_u, v) => (v == null ? "–" : v.toFixed(2)),
          points: { show: true, size: 5 },
        },
      ],
    };
    const data: uPlot.AlignedData = [
      points.map((p) => toSeconds(p.t) + half),
      ...counts.map((c) => points.map(c.values)),
      points.map((p) => p.goldsteinMean),
    ];
    const plot = new uPlot(options, data, element);
    plotRef.current = plot;
    // Until the pointer is over the chart, the legend shows the latest period rather than dashes.
    const showLatest = (): void => plot.setLegend({ idx: points.length - 1 }, false);
    requestAnimationFrame(showLatest);
    plot.over.addEventListener("mouseleave", () => requestAnimationFrame(showLatest));
    if (onPickPeriod) {
      plot.over.addEventListener("click", () => {
        const index = plot.cursor.idx;
        const point = index == null ? undefined : points[index];
        if (point) onPickPeriod(point.t);
      });
    }
    const observer = new ResizeObserver(() => {
      plot.setSize({ width: width(), height: 300 });
      showRange(plot, range);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plotRef.current = null;
      plot.destroy();
    };
  }, [points, mode, interval]);

  useEffect(() => {
    if (plotRef.current) showRange(plotRef.current, range);
  }, [range.from, range.to, points, mode, interval]);

  if (points.length === 0) {
    return (
      <p class="empty" data-testid="series-empty">
        No asserted events for {title} in this range.
      </p>
    );
  }
  const total = points.reduce((sum, p) => sum + p.count, 0);
  return (
    <figure class="chart" data-testid="series-chart">
      <div
        ref={holder}
        role="img"
        aria-label={`${title}: ${total} events in ${points.length} ${interval} periods, ${counts.map((c) => c.label.toLowerCase()).join(" and ")} with the mean Goldstein score`}
      />
      <details>
        <summary>Data table</summary>
        <table class="compact" aria-label="Series data">
          <thead>
            <tr>
              <th scope="col">{interval}</th>
              <th scope="col">events</th>
              {counts.map((c) => (
                <th scope="col" key={c.label}>
                  {c.label}
                </th>
              ))}
              <th scope="col">Goldstein sum</th>
              <th scope="col">Goldstein mean</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.t}>
                <td>{p.t}</td>
                <td>{p.count}</td>
                {counts.map((c) => (
                  <td key={c.label}>{c.values(p)}</td>
                ))}
                <td>{p.goldsteinSum.toFixed(1)}</td>
                <td>{p.goldsteinMean === null ? "–" : p.goldsteinMean.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
