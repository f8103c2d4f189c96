import BetterSqlite3 from "better-sqlite3";
const db = new BetterSqlite3("/tmp/dyad-bench/api-load.db", { readonly: true });
const q = (label: string, sql: string, ...params: unknown[]) => {
  const st = db.prepare(sql);
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((r: any) => r.detail).join(" | ");
  const t0 = performance.now(); let n = 0;
  for (let i = 0; i < 3; i++) n = st.all(...params).length;
  console.log(label, ((performance.now() - t0) / 3).toFixed(1), "ms", n, "rows |", plan);
};
q("series union", `select date, quad, count(*), sum(goldstein) from merged_events m where source_code >= 'USA' and source_code < 'USB' and target_code >= 'RUS' and target_code < 'RUT' and status in ('asserted') and date is not null group by date, quad union all select date, quad, count(*), sum(goldstein) from merged_events m where source_code >= 'RUS' and source_code < 'RUT' and target_code >= 'USA' and target_code < 'USB' and status in ('asserted') and date is not null group by date, quad`);
q("ids source=USA", "select id from merged_events m where m.source_code >= 'USA' and m.source_code < 'USB' order by m.date desc nulls last, m.id limit 50");
q("count source=USA capped", "select count(*) from (select 1 from merged_events m where m.source_code >= 'USA' and m.source_code < 'USB' limit 10001)");
q("ids all", "select id from merged_events m order by m.date desc nulls last, m.id limit 50");
q("ids actor quad", "select id from merged_events m where ((m.source_code >= 'CHN' and m.source_code < 'CHO') or (m.target_code >= 'CHN' and m.target_code < 'CHO')) and m.quad = 3 order by m.date desc nulls last, m.id limit 50");
q("ids root status", "select id from merged_events m where m.cameo_root = '14' and m.status in ('asserted') order by m.date desc nulls last, m.id limit 100");
q("ids dyad year", "select id from merged_events m where m.source_code >= 'ISR' and m.source_code < 'ISS' and m.target_code >= 'PSE' and m.target_code < 'PSF' and m.date >= '2010-01-01' and m.date <= '2010-12-31' order by m.date desc nulls last, m.id limit 50");
q("count all capped", "select count(*) from (select 1 from merged_events limit 10001)");
