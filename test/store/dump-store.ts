import BetterSqlite3 from "better-sqlite3";

/**
 * A canonical dump of a SQLite store: every table's rows as sorted JSON lines (row order and rowids ignored), the
 * ids in both full-text indexes, and the applied migrations without their timestamps. Two stores with the same
 * contents dump to the same string.
 */
export function dumpStore(path: string): string {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name NOT LIKE 'kysely_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    const out: string[] = [];
    for (const table of tables) {
      const rows = (db.prepare(`SELECT * FROM "${table}"`).all() as object[])
        .map((row) => JSON.stringify(row))
        .sort();
      out.push(`# ${table} (${rows.length})`, ...rows);
    }
    const fts = [
      ["articles_fts", "article_id"],
      ["events_fts", "event_id"],
    ];
    for (const [table, column] of fts) {
      const ids = (db.prepare(`SELECT ${column} FROM ${table}`).pluck().all() as string[]).sort();
      out.push(`# ${table} (${ids.length})`, ...ids);
    }
    const migrations = (db.prepare("SELECT name FROM kysely_migration").pluck().all() as string[]).sort();
    out.push("# migrations", ...migrations);
    return out.join("\n");
  } finally {
    db.close();
  }
}
