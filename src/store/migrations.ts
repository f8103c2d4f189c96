import type { Kysely, Migration, MigrationProvider } from "kysely";
import type { StoreBackend } from "./store-backend.js";

/**
 * The schema, as in-code migrations run by Kysely's Migrator. Written with Kysely's schema builder only, so every
 * dialect runs the same steps; full-text objects are delegated to the backend. Append new migrations; never edit
 * one that has shipped.
 */
export function storeMigrations(backend: StoreBackend): Record<string, Migration> {
  return {
    "0001_initial": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("articles")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("url", "text")
          .addColumn("published", "text")
          .addColumn("title", "text")
          .addColumn("source", "text", (c) => c.notNull())
          .addColumn("outlet", "text", (c) => c.notNull())
          .addColumn("raw_text", "text", (c) => c.notNull())
          .addColumn("clean_text", "text", (c) => c.notNull())
          .addColumn("cluster_id", "text", (c) => c.notNull())
          .addColumn("signature", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("articles_cluster").on("articles").column("cluster_id").execute();
        await db.schema.createIndex("articles_published").on("articles").column("published").execute();

        await backend
          .keyOnlyTable(
            db.schema
              .createTable("article_bands")
              .addColumn("band_key", "bigint", (c) => c.notNull())
              .addColumn("article_id", "text", (c) => c.notNull())
              .addPrimaryKeyConstraint("article_bands_pk", ["band_key", "article_id"]),
          )
          .execute();

        await db.schema
          .createTable("clusters")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("size", "integer", (c) => c.notNull())
          .addColumn("first_published", "text")
          .addColumn("last_published", "text")
          .execute();

        await db.schema
          .createTable("events")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("article_id", "text", (c) => c.notNull())
          .addColumn("merged_id", "text", (c) => c.notNull())
          .addColumn("date", "text")
          .addColumn("source_code", "text", (c) => c.notNull())
          .addColumn("source_country", "text")
          .addColumn("source_sector", "text")
          .addColumn("source_name", "text", (c) => c.notNull())
          .addColumn("source_text", "text", (c) => c.notNull())
          .addColumn("source_start", "integer", (c) => c.notNull())
          .addColumn("source_end", "integer", (c) => c.notNull())
          .addColumn("target_code", "text")
          .addColumn("target_country", "text")
          .addColumn("target_sector", "text")
          .addColumn("target_name", "text")
          .addColumn("target_text", "text")
          .addColumn("target_start", "integer")
          .addColumn("target_end", "integer")
          .addColumn("cameo_code", "text", (c) => c.notNull())
          .addColumn("cameo_root", "text", (c) => c.notNull())
          .addColumn("cameo_name", "text", (c) => c.notNull())
          .addColumn("quad", "integer", (c) => c.notNull())
          .addColumn("goldstein", "double precision", (c) => c.notNull())
          .addColumn("plover_type", "text")
          .addColumn("plover_mode", "text")
          .addColumn("plover_context", "text")
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("cues", "text", (c) => c.notNull())
          .addColumn("speaker_code", "text")
          .addColumn("speaker_name", "text")
          .addColumn("quote_text", "text")
          .addColumn("quote_start", "integer")
          .addColumn("quote_end", "integer")
          .addColumn("location_name", "text")
          .addColumn("location_country", "text")
          .addColumn("location_lat", "double precision")
          .addColumn("location_lon", "double precision")
          .addColumn("location_how", "text")
          .addColumn("sentence", "text", (c) => c.notNull())
          .addColumn("sentence_start", "integer", (c) => c.notNull())
          .addColumn("sentence_end", "integer", (c) => c.notNull())
          .addColumn("trigger_start", "integer", (c) => c.notNull())
          .addColumn("trigger_end", "integer", (c) => c.notNull())
          .addColumn("pattern", "text", (c) => c.notNull())
          .addColumn("confidence", "double precision", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("events_article").on("events").column("article_id").execute();
        await db.schema.createIndex("events_merged").on("events").column("merged_id").execute();

        await db.schema
          .createTable("merged_events")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("cluster_id", "text", (c) => c.notNull())
          .addColumn("article_id", "text", (c) => c.notNull())
          .addColumn("date", "text")
          .addColumn("source_code", "text", (c) => c.notNull())
          .addColumn("source_country", "text")
          .addColumn("target_code", "text")
          .addColumn("target_country", "text")
          .addColumn("cameo_code", "text", (c) => c.notNull())
          .addColumn("cameo_root", "text", (c) => c.notNull())
          .addColumn("quad", "integer", (c) => c.notNull())
          .addColumn("goldstein", "double precision", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("mentions", "integer", (c) => c.notNull())
          .addColumn("sources", "integer", (c) => c.notNull())
          .addColumn("articles", "integer", (c) => c.notNull())
          .execute();
        // Few indexes: each one costs every write. Code filters also constrain the root (see KyselyStore), quad and
        // status are too unselective to pay for their own.
        const merged = [
          ["merged_events_dyad", ["source_code", "target_code", "date"]],
          ["merged_events_dyad_reverse", ["target_code", "source_code", "date"]],
          ["merged_events_date", ["date"]],
          ["merged_events_root", ["cameo_root", "date"]],
          ["merged_events_cluster", ["cluster_id"]],
        ] as const;
        for (const [name, columns] of merged) {
          await db.schema
            .createIndex(name)
            .on("merged_events")
            .columns([...columns])
            .execute();
        }

        await db.schema
          .createTable("rejects")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("path", "text", (c) => c.notNull())
          .addColumn("line", "integer")
          .addColumn("reason", "text", (c) => c.notNull())
          .execute();

        await backend.createFullText(db);
      },
      async down(db: Kysely<unknown>) {
        await backend.dropFullText(db);
        for (const table of ["rejects", "merged_events", "events", "clusters", "article_bands", "articles"]) {
          await db.schema.dropTable(table).ifExists().execute();
        }
      },
    },
    // Counts, dyad series and event pages read these instead of the table: the (source, target) indexes of 0001 and
    // the root index gain the columns that series count and filters test, so those queries never leave the index.
    // Same leading columns, so the old ones go (no extra index to maintain per write).
    "0002_covering_indexes": {
      async up(db: Kysely<unknown>) {
        const covered = ["date", "quad", "status", "goldstein", "cameo_root", "cameo_code"];
        const indexes = [
          ["merged_events_dyad_cover", ["source_code", "target_code", ...covered]],
          ["merged_events_dyad_reverse_cover", ["target_code", "source_code", ...covered]],
          ["merged_events_root_cover", ["cameo_root", "date", "quad", "status", "cameo_code"]],
        ] as const;
        for (const [name, columns] of indexes) {
          await db.schema
            .createIndex(name)
            .on("merged_events")
            .columns([...columns])
            .execute();
        }
        for (const name of ["merged_events_dyad", "merged_events_dyad_reverse", "merged_events_root"]) {
          await db.schema.dropIndex(name).execute();
        }
      },
      async down(db: Kysely<unknown>) {
        const indexes = [
          ["merged_events_dyad", ["source_code", "target_code", "date"]],
          ["merged_events_dyad_reverse", ["target_code", "source_code", "date"]],
          ["merged_events_root", ["cameo_root", "date"]],
        ] as const;
        for (const [name, columns] of indexes) {
          await db.schema
            .createIndex(name)
            .on("merged_events")
            .columns([...columns])
            .execute();
        }
        for (const name of [
          "merged_events_dyad_cover",
          "merged_events_dyad_reverse_cover",
          "merged_events_root_cover",
        ]) {
          await db.schema.dropIndex(name).execute();
        }
      },
    },
  };
}

/** Kysely's Migrator reads migrations through a provider; ours are in code, not files. */
export function storeMigrationProvider(backend: StoreBackend): MigrationProvider {
  return { getMigrations: async () => storeMigrations(backend) };
}
