import { createHash } from "node:crypto";
import type { Insertable, Kysely } from "kysely";
import { articleOutlet } from "../dedupe/article-outlet.js";
import { ComponentUnion } from "../dedupe/component-union.js";
import { lshBandKeys } from "../dedupe/lsh-bands.js";
import { type MergedTellings, mergeTellings, type Telling } from "../dedupe/merge-tellings.js";
import { decodeSignature, encodeSignature, minhashSignature } from "../dedupe/minhash.js";
import { sameStory } from "../dedupe/story-clusters.js";
import type { Rejected } from "../types/article.js";
import { DyadError } from "../types/errors.js";
import type { ModalityStatus } from "../types/event.js";
import type { CodedArticleRow } from "../types/store.js";
import { eventRow } from "./event-row.js";
import { insertRows } from "./insert-rows.js";
import type { Database, MergedEventsTable } from "./schema.js";
import type { StoreBackend } from "./store-backend.js";

export interface CodedBatch {
  readonly rows: readonly CodedArticleRow[];
  readonly rejects: readonly Rejected[];
}

/** What a batch added: articles already stored (or repeated in the batch) count as skipped. */
export interface BatchOutcome {
  readonly articles: number;
  readonly events: number;
  readonly skipped: number;
  readonly rejects: number;
}

/** A telling plus the fields a merged event copies from its canonical telling. */
interface StoreTelling extends Telling {
  readonly sourceCountry: string | null;
  readonly targetCountry: string | null;
  readonly cameoRoot: string;
  readonly quad: number;
  readonly goldstein: number;
  /** Merged id currently stored, for tellings already in the store. */
  readonly storedMergedId: string | null;
}

/** Id lists go into `IN (...)` in pieces of this size. */
const ID_CHUNK = 2000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * `items` in pieces for `IN (...)` lists: `ID_CHUNK` at a time, the last piece padded to a power of two by repeating
 * its last item (a value listed twice in `IN` matches the same rows). Lists then come in a few lengths only, so their
 * statements are compiled and prepared once and reused.
 */
export function idChunks<T>(items: readonly T[]): T[][] {
  const out = chunks(items, ID_CHUNK);
  const last = out[out.length - 1];
  if (last && last.length < ID_CHUNK) {
    let size = 1;
    while (size < last.length) size *= 2;
    const filler = last[last.length - 1] as T;
    while (last.length < Math.min(size, ID_CHUNK)) last.push(filler);
  }
  return out;
}

/** Stable key of a reject: the same problem reported by two runs is stored once. */
export function rejectId(rejected: Rejected): string {
  return createHash("sha1")
    .update(`${rejected.path}\u0000${rejected.line ?? ""}\u0000${rejected.reason}`)
    .digest("hex");
}

async function insertChunked<T extends keyof Database>(
  trx: Kysely<Database>,
  backend: StoreBackend,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  await insertRows(
    trx,
    backend,
    table,
    rows as readonly Readonly<Record<string, unknown>>[],
    Math.min(backend.maxParameters, backend.insertParameters ?? backend.maxParameters),
  );
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function mergedRow(clusterId: string, merged: MergedTellings): Insertable<MergedEventsTable> {
  const c = merged.canonical as StoreTelling;
  return {
    id: merged.id,
    cluster_id: clusterId,
    article_id: c.articleId,
    date: c.date,
    source_code: c.sourceCode,
    source_country: c.sourceCountry,
    target_code: c.targetCode,
    target_country: c.targetCountry,
    cameo_code: c.cameoCode,
    cameo_root: c.cameoRoot,
    quad: c.quad,
    goldstein: c.goldstein,
    status: c.status,
    mentions: merged.mentions,
    sources: merged.sources,
    articles: merged.articles,
  };
}

/**
 * Writes one batch inside the caller's transaction: new articles (skipping any already stored), their LSH bands and
 * full-text entries, story clusters (joining existing clusters the new articles are near-duplicates of), the
 * tellings, and the merged events of every cluster the batch touched, recomputed from all of that cluster's
 * tellings. Because clusters only ever grow by union and merged events are recomputed from the whole cluster, the
 * final contents depend only on which articles were written, not on batch boundaries or order.
 */
export async function writeCodedBatch(
  trx: Kysely<Database>,
  backend: StoreBackend,
  batch: CodedBatch,
): Promise<BatchOutcome> {
  // Rejects: keyed by content, so writing them again is a no-op.
  const rejectRows = new Map<string, Insertable<Database["rejects"]>>();
  for (const r of batch.rejects) {
    const id = rejectId(r);
    rejectRows.set(id, { id, path: r.path, line: r.line ?? null, reason: r.reason });
  }
  for (const chunk of chunks([...rejectRows.values()], Math.floor(backend.maxParameters / 4))) {
    await trx
      .insertInto("rejects")
      .values(chunk)
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }

  // New articles only, first of each id.
  const unique = new Map<string, CodedArticleRow>();
  for (const row of batch.rows) if (!unique.has(row.article.id)) unique.set(row.article.id, row);
  for (const ids of idChunks([...unique.keys()])) {
    const known = await trx.selectFrom("articles").select("id").where("id", "in", ids).execute();
    for (const { id } of known) unique.delete(id);
  }
  const rows = [...unique.values()];
  const skipped = batch.rows.length - rows.length;
  if (rows.length === 0) return { articles: 0, events: 0, skipped, rejects: rejectRows.size };

  const eventIds = new Set<string>();
  for (const row of rows) {
    for (const event of row.events) {
      if (event.articleId !== row.article.id || eventIds.has(event.id)) {
        throw new DyadError("STORE", `event id "${event.id}" is repeated or belongs to another article`);
      }
      eventIds.add(event.id);
    }
  }

  // Signatures and band keys; candidate near-duplicates among the batch and among stored articles.
  const signatures = new Map<string, Uint32Array>();
  const bandsOf = new Map<string, number[]>();
  const batchBuckets = new Map<number, string[]>();
  for (const row of rows) {
    const id = row.article.id;
    const signature = row.signature ?? minhashSignature(row.article.cleanText);
    signatures.set(id, signature);
    const keys = lshBandKeys(signature);
    bandsOf.set(id, keys);
    for (const key of keys) {
      const bucket = batchBuckets.get(key);
      if (bucket) bucket.push(id);
      else batchBuckets.set(key, [id]);
    }
  }
  const storedBuckets = new Map<number, string[]>();
  for (const keys of idChunks([...batchBuckets.keys()])) {
    const hits = await trx
      .selectFrom("article_bands")
      .select(["band_key", "article_id"])
      .where("band_key", "in", keys)
      .execute();
    for (const hit of hits) {
      const key = Number(hit.band_key);
      const bucket = storedBuckets.get(key);
      if (bucket) bucket.push(hit.article_id);
      else storedBuckets.set(key, [hit.article_id]);
    }
  }
  const storedIds = new Set<string>();
  for (const ids of storedBuckets.values()) for (const id of ids) storedIds.add(id);
  const stored = new Map<string, { signature: Uint32Array; clusterId: string }>();
  for (const ids of idChunks([...storedIds])) {
    const found = await trx
      .selectFrom("articles")
      .select(["id", "signature", "cluster_id"])
      .where("id", "in", ids)
      .execute();
    for (const a of found)
      stored.set(a.id, { signature: decodeSignature(a.signature), clusterId: a.cluster_id });
  }

  // Components over new articles and the stored clusters they link to; each named by its smallest member.
  const union = new ComponentUnion();
  const storedClusters = new Set<string>();
  for (const row of rows) {
    const id = row.article.id;
    const signature = signatures.get(id) as Uint32Array;
    union.add(id);
    const peers = new Set<string>();
    for (const key of bandsOf.get(id) ?? []) {
      for (const peer of batchBuckets.get(key) ?? []) if (peer !== id) peers.add(peer);
      for (const peer of storedBuckets.get(key) ?? []) peers.add(peer);
    }
    for (const peer of peers) {
      const inBatch = signatures.get(peer);
      if (inBatch) {
        if (sameStory(signature, inBatch)) union.union(id, peer);
        continue;
      }
      const old = stored.get(peer);
      if (old && sameStory(signature, old.signature)) {
        storedClusters.add(old.clusterId);
        union.union(id, old.clusterId);
      }
    }
  }
  const clusterOf = new Map<string, string>();
  for (const row of rows) clusterOf.set(row.article.id, union.find(row.article.id));
  /** Stored cluster id → the cluster it now belongs to (itself if unchanged). */
  const renamed = new Map<string, string>();
  const rootsWithStored = new Set<string>();
  for (const old of storedClusters) {
    const root = union.find(old);
    rootsWithStored.add(root);
    if (root !== old) renamed.set(old, root);
  }

  // Articles, bands (in key order: consecutive inserts land on neighbouring index pages), cluster renames.
  const outlets = new Map<string, string>();
  await insertChunked(
    trx,
    backend,
    "articles",
    rows.map((row) => {
      const a = row.article;
      const outlet = articleOutlet(a.url, a.source);
      outlets.set(a.id, outlet);
      return {
        id: a.id,
        url: a.url,
        published: a.published,
        title: a.title,
        source: a.source,
        outlet,
        raw_text: a.rawText,
        clean_text: a.cleanText,
        cluster_id: clusterOf.get(a.id) as string,
        signature: encodeSignature(signatures.get(a.id) as Uint32Array),
      };
    }),
  );
  await insertChunked(
    trx,
    backend,
    "article_bands",
    rows
      .flatMap((row) =>
        (bandsOf.get(row.article.id) ?? []).map((key) => ({ band_key: key, article_id: row.article.id })),
      )
      .sort((a, b) => a.band_key - b.band_key || compareIds(a.article_id, b.article_id)),
  );
  const renamesByRoot = new Map<string, string[]>();
  for (const [old, root] of renamed) renamesByRoot.set(root, [...(renamesByRoot.get(root) ?? []), old]);
  for (const [root, olds] of renamesByRoot) {
    for (const ids of idChunks(olds)) {
      await trx.updateTable("articles").set({ cluster_id: root }).where("cluster_id", "in", ids).execute();
    }
  }

  // Tellings of every touched cluster: stored ones from the database, new ones from the batch.
  const tellingsByCluster = new Map<string, StoreTelling[]>();
  const addTelling = (clusterId: string, telling: StoreTelling) => {
    const list = tellingsByCluster.get(clusterId);
    if (list) list.push(telling);
    else tellingsByCluster.set(clusterId, [telling]);
  };
  for (const ids of idChunks([...rootsWithStored])) {
    const found = await trx
      .selectFrom("events")
      .innerJoin("articles", "articles.id", "events.article_id")
      .select([
        "events.id",
        "events.article_id",
        "events.merged_id",
        "events.date",
        "events.source_code",
        "events.source_country",
        "events.target_code",
        "events.target_country",
        "events.cameo_code",
        "events.cameo_root",
        "events.quad",
        "events.goldstein",
        "events.status",
        "events.trigger_start",
        "articles.outlet",
        "articles.cluster_id",
      ])
      .where("articles.cluster_id", "in", ids)
      .execute();
    for (const e of found) {
      addTelling(e.cluster_id, {
        id: e.id,
        articleId: e.article_id,
        outlet: e.outlet,
        date: e.date,
        sourceCode: e.source_code,
        targetCode: e.target_code,
        cameoCode: e.cameo_code,
        status: e.status as ModalityStatus,
        position: Number(e.trigger_start),
        sourceCountry: e.source_country,
        targetCountry: e.target_country,
        cameoRoot: e.cameo_root,
        quad: Number(e.quad),
        goldstein: Number(e.goldstein),
        storedMergedId: e.merged_id,
      });
    }
  }
  for (const row of rows) {
    const clusterId = clusterOf.get(row.article.id) as string;
    for (const event of row.events) {
      addTelling(clusterId, {
        id: event.id,
        articleId: event.articleId,
        outlet: outlets.get(row.article.id) as string,
        date: event.date,
        sourceCode: event.source.code,
        targetCode: event.target?.code ?? null,
        cameoCode: event.cameo.code,
        status: event.modality.status,
        position: event.evidence.triggerSpan[0],
        sourceCountry: event.source.country,
        targetCountry: event.target?.country ?? null,
        cameoRoot: event.cameo.root,
        quad: event.cameo.quad,
        goldstein: event.cameo.goldstein,
        storedMergedId: null,
      });
    }
  }

  // Merged events, recomputed per touched cluster.
  const touched = new Set<string>([...clusterOf.values()]);
  const stale = [...new Set([...rootsWithStored, ...renamed.keys()])];
  for (const ids of idChunks(stale)) {
    await trx.deleteFrom("merged_events").where("cluster_id", "in", ids).execute();
  }
  const mergedRows: Insertable<MergedEventsTable>[] = [];
  const mergedIdOf = new Map<string, string>();
  const moves = new Map<string, string[]>();
  for (const clusterId of [...touched].sort()) {
    for (const merged of mergeTellings(tellingsByCluster.get(clusterId) ?? [])) {
      mergedRows.push(mergedRow(clusterId, merged));
      for (const t of merged.tellings as readonly StoreTelling[]) {
        mergedIdOf.set(t.id, merged.id);
        if (t.storedMergedId !== null && t.storedMergedId !== merged.id) {
          moves.set(merged.id, [...(moves.get(merged.id) ?? []), t.id]);
        }
      }
    }
  }
  await insertChunked(trx, backend, "merged_events", mergedRows);
  for (const [mergedId, ids] of moves) {
    for (const chunk of idChunks(ids)) {
      await trx.updateTable("events").set({ merged_id: mergedId }).where("id", "in", chunk).execute();
    }
  }
  const newEvents = rows.flatMap((row) => row.events);
  await insertChunked(
    trx,
    backend,
    "events",
    newEvents.map((event) => eventRow(event, mergedIdOf.get(event.id) as string)),
  );

  // Clusters table: recount every touched cluster, drop the ones merged away.
  const clusterIds = [...new Set([...touched, ...renamed.keys()])];
  for (const ids of idChunks(clusterIds)) {
    await trx.deleteFrom("clusters").where("id", "in", ids).execute();
  }
  for (const ids of idChunks([...touched])) {
    const sizes = await trx
      .selectFrom("articles")
      .select((eb) => [
        "cluster_id",
        eb.fn.countAll().as("size"),
        eb.fn.min("published").as("first_published"),
        eb.fn.max("published").as("last_published"),
      ])
      .where("cluster_id", "in", ids)
      .groupBy("cluster_id")
      .execute();
    await insertChunked(
      trx,
      backend,
      "clusters",
      sizes.map((s) => ({
        id: s.cluster_id,
        size: Number(s.size),
        first_published: s.first_published,
        last_published: s.last_published,
      })),
    );
  }

  await backend.indexFullText(
    trx,
    rows.map((row) => ({ id: row.article.id, title: row.article.title, text: row.article.cleanText })),
    newEvents.map((event) => ({ id: event.id, sentence: event.evidence.sentence })),
  );

  return { articles: rows.length, events: newEvents.length, skipped, rejects: rejectRows.size };
}
