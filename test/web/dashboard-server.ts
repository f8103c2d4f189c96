/**
 * The real dyad server for the browser tests: a SQLite store in a temporary folder holding the project's samples/
 * (read and coded by the real pipeline) and the hand-coded articles (known answers), served by `createApp` with the
 * freshly built dashboard on a free loopback port.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { readPaths } from "../../src/ingest/index.js";
import { codeArticle } from "../../src/pipeline/index.js";
import { createApp } from "../../src/server/index.js";
import { codedArticleRow, openStore } from "../../src/store/index.js";
import type { Rejected } from "../../src/types/article.js";
import type { CodedArticleRow } from "../../src/types/store.js";
import { handCodedRows } from "./hand-coded-rows.js";

const SAMPLES = fileURLToPath(new URL("../../samples/", import.meta.url));

/** The samples as the pipeline codes them. */
async function sampleRows(): Promise<{ rows: CodedArticleRow[]; rejects: Rejected[] }> {
  const rows: CodedArticleRow[] = [];
  const rejects: Rejected[] = [];
  for await (const item of readPaths([SAMPLES])) {
    if (item.kind === "rejected") rejects.push(item.rejected);
    else rows.push(codedArticleRow(codeArticle(item.article)));
  }
  if (rows.length === 0) throw new Error(`no sample articles in ${SAMPLES}`);
  return { rows, rejects };
}

export interface DashboardServer {
  /** Base URL ending in `/`. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startDashboardServer(
  webRoot: string,
  options: { readonly samples?: boolean } = {},
): Promise<DashboardServer> {
  const dir = mkdtempSync(join(tmpdir(), "dyad-dashboard-"));
  const store = await openStore(join(dir, "dashboard.db"));
  const samples = options.samples === false ? { rows: [], rejects: [] } : await sampleRows();
  await store.writeBatch({ rows: [...samples.rows, ...handCodedRows()], rejects: samples.rejects });
  const app = createApp(store, { webRoot });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
