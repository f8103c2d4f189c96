import { z } from "zod";
import { MODALITY_STATUSES } from "../types/event.js";

/** Largest page of events one request may ask for. */
export const MAX_PAGE_SIZE = 500;
/** Deepest offset into a result list (deep offsets make the database walk far; narrow the filter or export). */
export const MAX_OFFSET = 10_000;
/** Counting the events of a filter stops here (`totalExact` false past it): exact counts of broad filters are slow. */
export const MAX_COUNT = 10_000;
/** Largest request body, in bytes. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Most articles one POST may carry. */
export const MAX_ARTICLES_PER_POST = 100;
/** Longest article text accepted, in characters. */
export const MAX_ARTICLE_CHARS = 200_000;

const actorCode = z
  .string()
  .regex(/^[A-Za-z0-9]{2,30}$/, "an actor code: letters and digits, e.g. RUS or RUSGOV")
  .transform((s) => s.toUpperCase());
const cameoCode = (what: string, re: RegExp) => z.string().regex(re, what);
const isoDate = z.iso.date("a date YYYY-MM-DD");
const quad = z.enum(["1", "2", "3", "4"]).transform((q) => Number(q) as 1 | 2 | 3 | 4);
/** Comma-separated modality statuses, or `all`. */
const statusList = z
  .string()
  .regex(
    new RegExp(`^(all|(${MODALITY_STATUSES.join("|")})(,(${MODALITY_STATUSES.join("|")}))*)$`),
    `comma-separated modality statuses (${MODALITY_STATUSES.join(", ")}) or all`,
  )
  .transform((s) =>
    s === "all" ? [...MODALITY_STATUSES] : (s.split(",") as (typeof MODALITY_STATUSES)[number][]),
  );

/** The event filter shared by /api/events and `dyad export` (the analyses take it without `q`). */
export const eventFilterQuery = z.strictObject({
  source: actorCode.optional().describe("source actor code prefix: RUS matches RUSGOV and RUSMIL"),
  target: actorCode.optional().describe("target actor code prefix"),
  actor: actorCode.optional().describe("actor code prefix on either side"),
  dyad: z
    .string()
    .regex(/^[A-Za-z0-9]{2,30},[A-Za-z0-9]{2,30}$/, "two actor codes joined by a comma, e.g. RUS,CHN")
    .transform((s) => s.toUpperCase().split(",") as [string, string])
    .optional()
    .describe("events between two actors in either direction: code prefixes joined by a comma, e.g. RUS,CHN"),
  root: cameoCode("a 2-digit CAMEO root, e.g. 19", /^\d{2}$/)
    .optional()
    .describe("CAMEO root"),
  code: cameoCode("a CAMEO code of 2-4 digits, e.g. 0312", /^\d{2,4}$/)
    .optional()
    .describe("CAMEO code"),
  quad: quad
    .optional()
    .describe(
      "quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
    ),
  status: statusList
    .optional()
    .describe("modality statuses, comma-separated, or all (default: all for lists, asserted for aggregates)"),
  from: isoDate.optional().describe("first date, inclusive"),
  to: isoDate.optional().describe("last date, inclusive"),
  q: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("full-text search in the evidence sentence and article text"),
});

const pageSize = (def: number, max: number) => z.coerce.number().int().min(1).max(max).default(def);

export const eventsQuery = eventFilterQuery.extend({
  limit: pageSize(50, MAX_PAGE_SIZE).describe(`page size, at most ${MAX_PAGE_SIZE}`),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_OFFSET)
    .default(0)
    .describe(`rows to skip, at most ${MAX_OFFSET}`),
});

export const seriesParams = z.strictObject({
  a: actorCode.describe("source actor code prefix, e.g. RUS"),
  b: actorCode.describe("target actor code prefix, e.g. CHN"),
});

export const seriesQuery = z.strictObject({
  interval: z
    .enum(["day", "week", "month"])
    .default("month")
    .describe("period length (weeks start on Monday)"),
  from: isoDate.optional().describe("first date, inclusive"),
  to: isoDate.optional().describe("last date, inclusive"),
  status: statusList.optional().describe("modality statuses counted (default asserted)"),
  directed: z.stringbool().default(false).describe("only events from a toward b (default: both directions)"),
});

export const actorSeriesParams = z.strictObject({
  a: actorCode.describe("actor code prefix, e.g. RUS (matches RUSGOV, RUSMIL)"),
});

export const actorSeriesQuery = seriesQuery.omit({ directed: true });

/** Analyses take the event filter without full-text search. */
const analysisFilterQuery = eventFilterQuery.omit({ q: true });

export const topActorsQuery = analysisFilterQuery.extend({
  limit: pageSize(20, 200).describe("how many actors, at most 200"),
  level: z.enum(["actor", "country"]).default("actor").describe("group by full actor code or by country"),
});

export const networkQuery = analysisFilterQuery.extend({
  limit: pageSize(100, 500).describe("most edges, the heaviest first, at most 500"),
  level: z.enum(["actor", "country"]).default("country").describe("nodes are full actor codes or countries"),
});

export const alertsQuery = z.strictObject({
  interval: z.enum(["day", "week", "month"]).default("week").describe("period length"),
  at: isoDate.optional().describe("a date in the period to examine (default: the latest event date)"),
  history: z.coerce
    .number()
    .int()
    .min(3)
    .max(104)
    .default(12)
    .describe("previous periods the baseline is taken from"),
  threshold: z.coerce.number().min(0.5).max(20).default(2).describe("smallest |z-score| reported"),
  minCount: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(3)
    .describe("fewest events in the period for a rise"),
  limit: pageSize(20, 200).describe("most alerts"),
  level: z
    .enum(["actor", "country"])
    .default("country")
    .describe("dyads of full actor codes or of countries"),
  status: statusList.optional().describe("modality statuses counted (default asserted)"),
});

export const articleParams = z.strictObject({
  id: z.string().min(1).max(200).describe("article id"),
});

export const newArticle = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/, "an id of letters, digits and . _ : -")
    .optional()
    .describe("stable id (default: a hash of the text)"),
  date: isoDate.optional().describe("publication date"),
  title: z.string().max(1000).optional(),
  text: z.string().min(1).max(MAX_ARTICLE_CHARS).describe("the article text"),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});

export const postArticlesBody = z.union([newArticle, z.array(newArticle).min(1).max(MAX_ARTICLES_PER_POST)]);

// ---------- responses (for the OpenAPI document) ----------

const span = z
  .tuple([z.number().int(), z.number().int()])
  .describe("[start, end) into the article's original text");
const actorRef = z.object({
  code: z.string(),
  country: z.string().nullable(),
  sector: z.string().nullable(),
  name: z.string(),
  text: z.string(),
  span,
});

export const storedEventSchema = z
  .object({
    id: z.string(),
    articleId: z.string(),
    date: z.string().nullable(),
    source: actorRef,
    target: actorRef.nullable(),
    cameo: z.object({
      code: z.string(),
      root: z.string(),
      name: z.string(),
      quad: z.number().int(),
      goldstein: z.number(),
    }),
    plover: z.object({
      type: z.string().nullable(),
      mode: z.string().nullable(),
      context: z.string().nullable(),
    }),
    modality: z.object({ status: z.enum(MODALITY_STATUSES), cues: z.array(z.string()) }),
    speaker: z.object({ code: z.string().nullable(), name: z.string() }).nullable(),
    quote: z.object({ text: z.string(), span }).nullable(),
    location: z
      .object({
        name: z.string(),
        country: z.string().nullable(),
        lat: z.number().nullable(),
        lon: z.number().nullable(),
        how: z.enum(["sentence", "dateline", "actor"]),
      })
      .nullable(),
    evidence: z.object({ sentence: z.string(), sentenceSpan: span, triggerSpan: span }),
    pattern: z.string(),
    confidence: z.number(),
    clusterId: z.string(),
    mentions: z.number().int(),
    sources: z.number().int(),
    articles: z.number().int(),
  })
  .describe("A coded, de-duplicated event with its evidence");

const byQuad = z.object({
  1: z.number().int(),
  2: z.number().int(),
  3: z.number().int(),
  4: z.number().int(),
});

export const errorSchema = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const healthSchema = z.object({
  ok: z.boolean(),
  version: z.string(),
  writable: z.boolean(),
  counts: z.record(z.string(), z.number()),
});

export const eventPageSchema = z.object({
  total: z
    .number()
    .int()
    .describe(`events matching the filter, counted exactly up to ${MAX_COUNT.toLocaleString("en-US")}`),
  totalExact: z.boolean().describe("false when there are more than `total` (counting stopped)"),
  events: z.array(storedEventSchema),
});

export const seriesSchema = z.object({
  a: z.string(),
  b: z.string(),
  interval: z.enum(["day", "week", "month"]),
  directed: z.boolean(),
  points: z.array(
    z.object({
      t: z.string().describe("period start YYYY-MM-DD"),
      count: z.number().int(),
      byQuad,
      goldsteinSum: z.number(),
      goldsteinMean: z.number().nullable(),
    }),
  ),
});

export const actorSeriesSchema = z.object({
  actor: z.string(),
  interval: z.enum(["day", "week", "month"]),
  points: seriesSchema.shape.points,
});

export const topActorsSchema = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    count: z.number().int(),
    asSource: z.number().int(),
    asTarget: z.number().int(),
  }),
);

export const networkSchema = z.object({
  nodes: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
  edges: z.array(
    z.object({
      source: z.string(),
      target: z.string(),
      count: z.number().int(),
      byQuad,
      goldsteinSum: z.number(),
      goldsteinMean: z.number().nullable(),
    }),
  ),
});

export const articleViewSchema = z.object({
  id: z.string(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  title: z.string().nullable(),
  source: z.string(),
  clusterId: z.string(),
  text: z.string().describe("the clean text; span offsets point into it"),
  rawText: z.string().describe("the original text; `raw` offsets point into it"),
  spans: z.array(
    z.object({
      kind: z.enum(["source", "target", "trigger", "quote", "sentence"]),
      eventId: z.string(),
      start: z.number().int().describe("offset into `text` (clean)"),
      end: z.number().int(),
      raw: span,
      text: z.string(),
    }),
  ),
  events: z.array(storedEventSchema),
});

export const alertsSchema = z.array(
  z.object({
    a: z.string(),
    b: z.string(),
    kind: z.enum(["cooperation", "conflict"]),
    direction: z.enum(["rise", "fall"]),
    period: z.string().describe("start of the period examined"),
    count: z.number().int(),
    baseline: z.number().describe("mean count over the previous periods"),
    sd: z.number(),
    score: z.number().describe("z-score of the period against the dyad's own history"),
    goldsteinMean: z.number().nullable(),
    baselineGoldsteinMean: z.number().nullable(),
    events: z.array(storedEventSchema),
  }),
);

export const postArticlesResultSchema = z.object({
  articles: z.array(z.object({ id: z.string(), events: z.number().int(), issues: z.number().int() })),
  events: z.number().int().describe("events stored by this request"),
  skipped: z.number().int().describe("articles already stored, left as they were"),
});
