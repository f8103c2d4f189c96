import { createRequire } from "node:module";
import type { Kysely } from "kysely";
import type { Country } from "world-countries";
import type { Database } from "../store/schema.js";

let countryNames: Map<string, string> | undefined;

function countryName(iso3: string): string | undefined {
  if (!countryNames) {
    const require = createRequire(import.meta.url);
    const countries = require("world-countries") as Country[];
    countryNames = new Map(countries.map((c) => [c.cca3, c.name.common]));
  }
  return countryNames.get(iso3);
}

/** Names looked at per key: enough to find the usual one, few enough to stay an index range scan. */
const SAMPLE = 200;

async function usualName(
  db: Kysely<Database>,
  side: "source" | "target",
  key: string,
): Promise<string | null> {
  const code = side === "source" ? "m.source_code" : "m.target_code";
  const name = side === "source" ? "e.source_name" : "e.target_name";
  const rows = await db
    .selectFrom("merged_events as m")
    .innerJoin("events as e", "e.id", "m.id")
    .select(`${name} as name`)
    .where(code, "=", key)
    .limit(SAMPLE)
    .execute();
  const tally = new Map<string, number>();
  for (const r of rows) if (r.name) tally.set(r.name, (tally.get(r.name) ?? 0) + 1);
  let best: string | null = null;
  let most = 0;
  for (const [n, count] of tally) {
    if (count > most || (count === most && best !== null && n < best)) {
      best = n;
      most = count;
    }
  }
  return best;
}

/**
 * Display names for actor keys (full codes like `RUSGOV`, or countries like `RUS`): the name the coder gave most
 * often to events whose source (else target) has exactly that code, among up to 200 of them; else the country's
 * common name; else the key itself.
 */
export async function actorNames(
  db: Kysely<Database>,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const key of new Set(keys)) {
    const name = (await usualName(db, "source", key)) ?? (await usualName(db, "target", key));
    names.set(key, name ?? countryName(key) ?? key);
  }
  return names;
}
