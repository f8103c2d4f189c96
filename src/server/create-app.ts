import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { actorNetwork } from "../analyze/actor-network.js";
import { articleView } from "../analyze/article-view.js";
import { dyadAlerts } from "../analyze/dyad-alerts.js";
import { topActors } from "../analyze/top-actors.js";
import { type ArticleCoder, inThreadCoder } from "../scale/coding-pool.js";
import type { Store } from "../store/store.js";
import { DyadError } from "../types/errors.js";
import type { ModalityStatus } from "../types/event.js";
import type { StoreCounts } from "../types/store.js";
import { ApiProblem, validInput } from "./api-problem.js";
import {
  actorSeriesParams,
  actorSeriesQuery,
  alertsQuery,
  articleParams,
  eventsQuery,
  MAX_BODY_BYTES,
  MAX_COUNT,
  networkQuery,
  postArticlesBody,
  seriesParams,
  seriesQuery,
  topActorsQuery,
} from "./api-schemas.js";
import { codePostedArticles } from "./code-posted-articles.js";
import { API_ROUTES, openApiDocument } from "./openapi-document.js";
import { securityHeaders } from "./security-headers.js";
import { withoutUndefined } from "./without-undefined.js";
import { writeAccess } from "./write-access.js";

export interface AppOptions {
  /** Bearer token for writes; without one the API is read-only. */
  readonly token?: string | undefined;
  /** The built dashboard (`web/dist`); default: `<package root>/web/dist`. `null` serves no dashboard. */
  readonly webRoot?: string | null | undefined;
  /** Reported by `/api/health` and the OpenAPI document. */
  readonly version?: string | undefined;
  /**
   * Who codes posted articles, asked on each write. Default: dyad's pipeline in the calling thread, loaded on the
   * first write (`serve` passes a worker thread instead, so coding never holds up other requests).
   */
  readonly coder?: (() => Promise<ArticleCoder>) | undefined;
}

/** dyad's pipeline in this thread, loaded once on first use (a read-only server never loads the NLP model). */
function lazyInThreadCoder(): () => Promise<ArticleCoder> {
  let coder: Promise<ArticleCoder> | null = null;
  return () =>
    (coder ??= import("../scale/pipeline-task.js").then((task) => {
      task.prepare();
      return inThreadCoder(task.codeTask);
    }));
}

/** `<package root>/web/dist`, found from this module's place (src/server or dist/server). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../web/dist/", import.meta.url));

const ASSERTED: readonly ModalityStatus[] = ["asserted"];
const COUNTS_TTL_MS = 10_000;

/** Query parameters as one value per name; empty values count as absent, repeated names are an error. */
function queryOf(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(c.req.queries())) {
    const given = values.filter((v) => v !== "");
    if (given.length > 1)
      throw new ApiProblem(400, "invalid query", [{ path: name, message: "given more than once" }]);
    if (given.length === 1) out[name] = given[0]!;
  }
  return out;
}

function honoPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ":$1");
}

/**
 * The dyad HTTP API and dashboard as a Hono app (no listening socket: see `serve`). Every route is listed in
 * `API_ROUTES` and validated with the zod schemas the OpenAPI document is generated from.
 *
 * @example
 * const app = createApp(await openStore("events.db"), { token: "s3cret" });
 * const res = await app.request("/api/events?source=RUS&limit=10"); // → { total, events }
 */
export function createApp(store: Store, options: AppOptions = {}): Hono {
  const version = options.version ?? "0.1.0";
  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const coder = options.coder ?? lazyInThreadCoder();
  const app = new Hono();
  const document = openApiDocument(version);
  let counts: { at: number; value: StoreCounts } | null = null;

  app.use("*", securityHeaders());

  const handlers: Record<string, (c: Context) => Promise<Response> | Response> = {
    "get /api/health": async (c) => {
      if (!counts || Date.now() - counts.at > COUNTS_TTL_MS)
        counts = { at: Date.now(), value: await store.counts() };
      return c.json({ ok: true, version, writable: Boolean(options.token), counts: counts.value });
    },
    "get /api/events": async (c) => {
      const filter = withoutUndefined(validInput(eventsQuery, queryOf(c), "query"));
      return c.json(await store.events(filter, { countUpTo: MAX_COUNT }));
    },
    "get /api/dyads/{a}/{b}/series": async (c) => {
      const p = validInput(seriesParams, c.req.param(), "path");
      const q = validInput(seriesQuery, queryOf(c), "query");
      const points = await store.series(p.a, p.b, {
        interval: q.interval,
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        statuses: q.status ?? ASSERTED,
        directed: q.directed,
      });
      return c.json({ a: p.a, b: p.b, interval: q.interval, directed: q.directed, points });
    },
    "get /api/actors/{a}/series": async (c) => {
      const p = validInput(actorSeriesParams, c.req.param(), "path");
      const q = validInput(actorSeriesQuery, queryOf(c), "query");
      const points = await store.actorSeries(p.a, {
        interval: q.interval,
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        statuses: q.status ?? ASSERTED,
      });
      return c.json({ actor: p.a, interval: q.interval, points });
    },
    "get /api/actors/top": async (c) => {
      const { limit, level, ...filter } = withoutUndefined(validInput(topActorsQuery, queryOf(c), "query"));
      return c.json(
        await topActors(store.db, { ...filter, status: filter.status ?? ASSERTED }, { limit, level }),
      );
    },
    "get /api/network": async (c) => {
      const { limit, level, ...filter } = withoutUndefined(validInput(networkQuery, queryOf(c), "query"));
      return c.json(
        await actorNetwork(store.db, { ...filter, status: filter.status ?? ASSERTED }, { limit, level }),
      );
    },
    "get /api/articles/{id}": async (c) => {
      const { id } = validInput(articleParams, c.req.param(), "path");
      const article = await store.article(id);
      if (!article) throw new ApiProblem(404, `no article "${id}"`);
      return c.json(articleView(article, await store.tellings({ articleId: id })));
    },
    "get /api/alerts": async (c) => {
      const q = validInput(alertsQuery, queryOf(c), "query");
      const alerts = await dyadAlerts(store.db, {
        interval: q.interval,
        ...(q.at ? { at: q.at } : {}),
        history: q.history,
        threshold: q.threshold,
        minCount: q.minCount,
        limit: q.limit,
        level: q.level,
        statuses: q.status ?? ASSERTED,
      });
      return c.json(alerts);
    },
    "post /api/articles": async (c) => {
      if (!/^application\/json\b/i.test(c.req.header("content-type") ?? "")) {
        throw new ApiProblem(415, "send the articles as JSON (Content-Type: application/json)");
      }
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        throw new ApiProblem(400, "the body is not valid JSON");
      }
      const body = validInput(postArticlesBody, raw, "body");
      const result = await codePostedArticles(store, Array.isArray(body) ? body : [body], await coder());
      counts = null;
      return c.json(result, 201);
    },
  };

  for (const route of API_ROUTES) {
    const key = `${route.method} ${route.path}`;
    const handler = handlers[key];
    if (!handler) throw new DyadError("USAGE", `no handler for documented route "${key}"`);
    const path = honoPath(route.path);
    if (route.write) {
      app.on(
        route.method.toUpperCase(),
        path,
        writeAccess(options.token),
        bodyLimit({
          maxSize: MAX_BODY_BYTES,
          onError: (c) => c.json({ error: `the body is larger than ${MAX_BODY_BYTES} bytes` }, 413),
        }),
        handler,
      );
    } else {
      app.on(route.method.toUpperCase(), path, handler);
    }
  }
  app.get("/api/openapi.json", (c) => c.json(document));
  app.all("/api/*", (c) =>
    c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path} (see /api/openapi.json)` }, 404),
  );

  if (webRoot !== null) {
    app.get("/", async (c, next) => {
      if (existsSync(join(webRoot, "index.html"))) return next();
      return c.text(
        "dyad: the dashboard is not built. In the dyad package folder run `npx vite build web`, then reload this page.\n" +
          "The JSON API is served under /api (description: /api/openapi.json).\n",
        200,
      );
    });
    app.use("*", async (c, next) => {
      await next();
      if (c.res.status !== 200 || c.req.path.startsWith("/api/")) return;
      // Vite names built assets by content hash: they never change; the page itself must be re-checked.
      const immutable = c.req.path.startsWith("/assets/");
      c.res.headers.set("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    });
    app.use("*", serveStatic({ root: webRoot }));
  }

  app.notFound((c) => c.text("not found\n", 404));
  app.onError((err, c) => {
    if (err instanceof ApiProblem) {
      return c.json(
        err.issues ? { error: err.message, issues: err.issues } : { error: err.message },
        err.status,
      );
    }
    if (err instanceof HTTPException) return c.json({ error: err.message || "bad request" }, err.status);
    if (err instanceof DyadError && err.code === "USAGE") return c.json({ error: err.message }, 400);
    process.stderr.write(
      `dyad serve: ${c.req.method} ${c.req.path} failed: ${(err as Error).stack ?? String(err)}\n`,
    );
    return c.json({ error: "internal error (logged on the server)" }, 500);
  });
  return app;
}
