import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { type ArticleCoder, CodingPool } from "../scale/coding-pool.js";
import { openStore } from "../store/open-store.js";
import type { Store } from "../store/store.js";
import { DyadError } from "../types/errors.js";
import { createApp } from "./create-app.js";

/** Connections the kernel may queue before the server accepts them (capped by the system's somaxconn). */
const LISTEN_BACKLOG = 4096;

export interface ServeOptions {
  /** The store: a SQLite file path (must exist). */
  readonly db: string;
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1 (loopback only); `0.0.0.0` to listen on every interface. */
  readonly host?: string;
  /** Bearer token that enables writes (`POST /api/articles`); read-only without one. */
  readonly token?: string;
  /** The built dashboard; default `<package root>/web/dist`. */
  readonly webRoot?: string | null;
  readonly version?: string;
}

export interface RunningServer {
  /** `http://host:port`. */
  readonly url: string;
  readonly port: number;
  readonly store: Store;
  /** Stops accepting connections, waits for open requests, closes the store. */
  close(): Promise<void>;
}

/**
 * Opens the store and serves the API and the dashboard on `host:port` until `close()`.
 *
 * @example
 * const server = await serve({ db: "events.db", port: 8080 });
 * console.error(`dashboard at ${server.url}/`);
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  if (options.token !== undefined && options.token.length < 8) {
    throw new DyadError("USAGE", "the write token must be at least 8 characters long");
  }
  const store = await openStore(options.db, { mustExist: true, readMostly: true });
  // Posted articles are coded in one worker thread, started on the first write: the event loop stays free for reads.
  let pool: Promise<CodingPool> | null = null;
  const coder = (): Promise<ArticleCoder> => {
    pool ??= CodingPool.start({ workers: 1 }).catch((error: unknown) => {
      pool = null; // the next write tries again
      throw error;
    });
    return pool;
  };
  const app = createApp(store, {
    token: options.token,
    webRoot: options.webRoot,
    version: options.version,
    coder: options.token === undefined ? undefined : coder,
  });
  const host = options.host ?? "127.0.0.1";
  const server = createAdaptorServer({ fetch: app.fetch });
  // Keep-alive sockets from browsers and load tools would otherwise hold close() open.
  if ("keepAliveTimeout" in server) server.keepAliveTimeout = 5000;
  const port = options.port ?? 8080;
  const info = await new Promise<AddressInfo>((resolve, reject) => {
    server.once("error", (err) =>
      reject(new DyadError("USAGE", `cannot listen on ${host}:${port}: ${err.message}`, { cause: err })),
    );
    // A deep accept queue, so a burst of connections (a dashboard's first load, a load test) is queued, not refused.
    server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => resolve(server.address() as AddressInfo));
  }).catch(async (err) => {
    await store.close();
    throw err;
  });
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${info.port}`,
    port: info.port,
    store,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeIdleConnections" in server) server.closeIdleConnections();
      });
      const started = pool ? await (pool as Promise<CodingPool>).catch(() => null) : null;
      await started?.close();
      await store.close();
    },
  };
}
