import { z } from "zod";
import {
  actorSeriesParams,
  actorSeriesQuery,
  actorSeriesSchema,
  alertsQuery,
  alertsSchema,
  articleParams,
  articleViewSchema,
  errorSchema,
  eventPageSchema,
  eventsQuery,
  healthSchema,
  MAX_BODY_BYTES,
  networkQuery,
  networkSchema,
  postArticlesBody,
  postArticlesResultSchema,
  seriesParams,
  seriesQuery,
  seriesSchema,
  topActorsQuery,
  topActorsSchema,
} from "./api-schemas.js";

/** One documented route. The app's routes and this list are checked against each other by the tests. */
export interface ApiRoute {
  readonly method: "get" | "post";
  /** OpenAPI path template, e.g. `/api/dyads/{a}/{b}/series`. */
  readonly path: string;
  readonly summary: string;
  readonly query?: z.ZodObject;
  readonly params?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  readonly write?: boolean;
}

export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/api/health",
    summary: "Liveness, version, whether writes are enabled, and row counts",
    response: healthSchema,
  },
  {
    method: "get",
    path: "/api/events",
    summary:
      "Events matching a filter (actor, dyad either way, CAMEO code, quad, modality, dates, words), newest first, one page at a time",
    query: eventsQuery,
    response: eventPageSchema,
  },
  {
    method: "get",
    path: "/api/dyads/{a}/{b}/series",
    summary: "Time series of events from actor a to actor b: counts by quad class, Goldstein sum and mean",
    params: seriesParams,
    query: seriesQuery,
    response: seriesSchema,
  },
  {
    method: "get",
    path: "/api/actors/{a}/series",
    summary:
      "Time series of one actor's events, either side (an event between two of its parts counts once): counts by quad class, Goldstein sum and mean",
    params: actorSeriesParams,
    query: actorSeriesQuery,
    response: actorSeriesSchema,
  },
  {
    method: "get",
    path: "/api/actors/top",
    summary: "The actors in the most events (as source or target)",
    query: topActorsQuery,
    response: topActorsSchema,
  },
  {
    method: "get",
    path: "/api/network",
    summary: "Actor network: nodes and directed edges weighted by event counts per quad class",
    query: networkQuery,
    response: networkSchema,
  },
  {
    method: "get",
    path: "/api/articles/{id}",
    summary:
      "An article's clean and original text with the spans of every actor, trigger and quote of its events",
    params: articleParams,
    response: articleViewSchema,
  },
  {
    method: "get",
    path: "/api/alerts",
    summary: "Dyads whose cooperation or conflict in a period departs from their own history (z-score)",
    query: alertsQuery,
    response: alertsSchema,
  },
  {
    method: "post",
    path: "/api/articles",
    summary: "Code and store one article or an array of articles (needs the server's bearer token)",
    body: postArticlesBody,
    response: postArticlesResultSchema,
    write: true,
  },
];

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodObject | undefined, where: "query" | "path"): JsonSchema[] {
  if (!schema) return [];
  const js = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name,
      in: where,
      required: where === "path" || (js.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

/** The OpenAPI 3.1 document served at `/api/openapi.json`, generated from the same zod schemas that validate requests. */
export function openApiDocument(version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of API_ROUTES) {
    const responses: Record<string, unknown> = {
      "200": {
        description: "OK",
        content: { "application/json": { schema: jsonSchema(r.response, "output") } },
      },
      "400": errorResponse("Invalid parameters: `issues` lists each one with its path and message"),
    };
    if (r.params) responses["404"] = errorResponse("Not found");
    if (r.write) {
      responses["401"] = errorResponse("No bearer token given");
      responses["403"] = errorResponse("Wrong token, or the server is read-only (started without --token)");
      responses["413"] = errorResponse(`Body larger than ${MAX_BODY_BYTES} bytes`);
    }
    const op: Record<string, unknown> = {
      summary: r.summary,
      operationId: `${r.method}${r.path
        .replace(/^\/api/, "")
        .replace(/[{}]/g, "")
        .replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`,
      parameters: [...parameters(r.params, "path"), ...parameters(r.query, "query")],
      responses,
    };
    if (r.body) {
      op.requestBody = {
        required: true,
        content: { "application/json": { schema: jsonSchema(r.body, "input") } },
      };
    }
    if (r.write) op.security = [{ bearer: [] }];
    paths[r.path] ??= {};
    paths[r.path]![r.method] = op;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "dyad API",
      version,
      description:
        "Political event data coded from news (CAMEO + PLOVER), with modality and evidence spans. Read-only unless the server was started with a token; writes need `Authorization: Bearer <token>`.",
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, "output") },
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    },
  };
}
