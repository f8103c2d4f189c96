/**
 * Places actors for the network drawing: a deterministic force layout (spring edges, repelling nodes, a pull to the
 * centre) started from a circle ordered by activity, so the same network is always drawn the same way.
 */

export interface Placed {
  readonly x: number;
  readonly y: number;
}

export function networkLayout(
  codes: readonly string[],
  links: readonly { readonly source: string; readonly target: string; readonly weight: number }[],
  width: number,
  height: number,
  iterations = 300,
): Map<string, Placed> {
  const n = codes.length;
  const index = new Map(codes.map((c, i) => [c, i]));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const radius = Math.min(width, height) * 0.4;
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
    x[i] = width / 2 + radius * Math.cos(angle);
    y[i] = height / 2 + radius * Math.sin(angle);
  }
  const springs = links
    .map((l) => ({ s: index.get(l.source), t: index.get(l.target), w: l.weight }))
    .filter(
      (l): l is { s: number; t: number; w: number } => l.s !== undefined && l.t !== undefined && l.s !== l.t,
    );
  const maxWeight = Math.max(1, ...springs.map((l) => l.w));
  const ideal = Math.sqrt((width * height) / Math.max(1, n)) * 0.85;
  const reach2 = (ideal * 2.5) ** 2;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let step = 0; step < iterations; step++) {
    const heat = (1 - step / iterations) * ideal * 0.5 + 1;
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ex = x[i]! - x[j]!;
        let ey = y[i]! - y[j]!;
        let d2 = ex * ex + ey * ey;
        if (d2 < 0.01) {
          ex = 0.1 * ((i % 3) - 1 || 1);
          ey = 0.1;
          d2 = 0.02;
        }
        // Far-apart nodes stop pushing, so the pull to the centre keeps small groups near the main one.
        if (d2 > reach2) continue;
        const f = (ideal * ideal) / d2;
        dx[i]! += ex * f;
        dy[i]! += ey * f;
        dx[j]! -= ex * f;
        dy[j]! -= ey * f;
      }
    }
    for (const l of springs) {
      const ex = x[l.s]! - x[l.t]!;
      const ey = y[l.s]! - y[l.t]!;
      const d = Math.sqrt(ex * ex + ey * ey) || 0.1;
      const f = (d / ideal) * (0.5 + l.w / maxWeight);
      dx[l.s]! -= ex * f;
      dy[l.s]! -= ey * f;
      dx[l.t]! += ex * f;
      dy[l.t]! += ey * f;
    }
    for (let i = 0; i < n; i++) {
      dx[i]! += (width / 2 - x[i]!) * 0.12;
      dy[i]! += (height / 2 - y[i]!) * 0.12;
      const len = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!) || 1;
      const move = Math.min(len, heat);
      // Margins leave room for the largest circle and the code written under it.
      x[i] = Math.min(width - 30, Math.max(30, x[i]! + (dx[i]! / len) * move));
      y[i] = Math.min(height - 40, Math.max(24, y[i]! + (dy[i]! / len) * move));
    }
  }
  return new Map(codes.map((c, i) => [c, { x: x[i]!, y: y[i]! }]));
}
