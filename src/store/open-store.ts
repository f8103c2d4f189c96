import { existsSync } from "node:fs";
import { DyadError } from "../types/errors.js";
import { KyselyStore } from "./kysely-store.js";
import { PostgresBackend } from "./postgres-backend.js";
import { SqliteBackend } from "./sqlite-backend.js";
import type { Store } from "./store.js";
import type { StoreBackend } from "./store-backend.js";

export interface OpenStoreOptions {
  /** Refuse to create a new database (for commands that only read). Default false. */
  readonly mustExist?: boolean;
  /**
   * The store is held open for a long time, mostly to read (the API server): SQLite gets a larger page cache,
   * memory-mapped reads and fresh planner statistics. Default false.
   */
  readonly readMostly?: boolean;
}

function backendFor(url: string, options: OpenStoreOptions): StoreBackend {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    return new PostgresBackend(url, options.mustExist ? { mustExist: true } : {});
  }
  const path = url.replace(/^sqlite:(\/\/)?/i, "");
  if (!path) throw new DyadError("USAGE", `no database file given: "${url}"`);
  if (options.mustExist && path !== ":memory:" && !existsSync(path)) {
    throw new DyadError("STORE", `no database at "${path}"`);
  }
  return new SqliteBackend(path);
}

/**
 * Opens (creating if needed) the store at `url` and brings its schema up to date. A file path (or `sqlite:path`)
 * opens an embedded SQLite database; `postgres://…` is reserved for the PostgreSQL backend.
 *
 * @example
 * const store = await openStore("events.db");
 * const { total } = await store.events({ source: "RUS", target: "CHN", root: "04" });
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const backend = backendFor(url, options);
  const store = new KyselyStore(backend);
  try {
    await backend.prepare();
    await store.migrate();
    if (options.readMostly && backend instanceof SqliteBackend) backend.readMostly();
  } catch (error) {
    await backend.close();
    throw error;
  }
  return store;
}
