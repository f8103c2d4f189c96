/**
 * One concurrent writer for the conformance suite, in its own process:
 * `conformance-writer.ts <store> <startAtMs> <rows> [<rows>…]`, each `<rows>` a comma-separated list of indexes into
 * `conformanceRows` written as one batch. Opens the store, waits until `startAtMs` so all writers collide, writes,
 * and prints the number of articles it added.
 */
import { openStore } from "../../src/store/index.js";
import { conformanceRows } from "./conformance-rows.js";

const [location, startAt, ...batches] = process.argv.slice(2);
if (!location || !startAt) throw new Error("usage: conformance-writer.ts <store> <startAtMs> <rows>…");
const store = await openStore(location);
try {
  await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
  let added = 0;
  for (const batch of batches) {
    const rows = batch.split(",").map((i) => conformanceRows[Number(i)]!);
    added += (await store.writeBatch({ rows, rejects: [] })).articles;
  }
  process.stdout.write(`${added}\n`);
} finally {
  await store.close();
}
