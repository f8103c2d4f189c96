import BetterSqlite3 from "better-sqlite3";
const db = new BetterSqlite3("/tmp/dyad-bench/api-load.db", { readonly: true });
db.pragma(`cache_size = -65536`);
const q = (label: string, sql: string) => {
  const st = db.prepare(sql);
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((r: any) => r.detail).join(" | ");
  st.all();
  const t0 = performance.now(); let n = 0;
  for (let i = 0; i < 2; i++) n = st.all().length;
  console.log(label, ((performance.now() - t0) / 2).toFixed(1), "ms", n, "rows |", plan);
};
const fwd = "source_code >= 'USA' and source_code < 'USB' and target_code >= 'RUS' and target_code < 'RUT'";
q("fwd status date", `select date, quad, goldstein from merged_events where ${fwd} and status in ('asserted') and date is not null`);
q("fwd +status +date", `select date, quad, goldstein from merged_events where ${fwd} and +status in ('asserted') and +date is not null`);
q("fwd +status date range", `select date, quad, goldstein from merged_events where ${fwd} and +status in ('asserted') and date is not null and date >= '2010-01-01' and date <= '2010-12-31'`);
