import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Where the external evaluation data lives: ../shared/eval beside the checkout (never copied into the project). */
export const SHARED_EVAL = fileURLToPath(new URL("../../shared/eval/", import.meta.url));

export function readJsonl<T>(relPath: string): T[] {
  const path = `${SHARED_EVAL}${relPath}`;
  if (!existsSync(path)) throw new Error(`eval: ${path} not found — ../shared must sit beside the checkout`);
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** The comparable part of an actor code: the country, or the organisation for IGO/NGO codes. */
export function actorKey(code: string | null | undefined): string {
  if (!code) return "";
  const c = code.toUpperCase();
  if (c.startsWith("IGO") || c.startsWith("NGO") || c.startsWith("IMG")) return c.slice(0, 6);
  return c.slice(0, 3);
}

export function rootOf(code: string): string {
  return code.slice(0, 2);
}

/** PLOVER 0.5b1 event types of the PLOVER gold records → the CAMEO roots they stand for (for records with no CAMEO link). */
export const PLOVER_05_TO_ROOTS: Record<string, readonly string[]> = {
  AGREE: ["03"],
  CONSULT: ["04"],
  SUPPORT: ["05"],
  COOPERATE: ["06"],
  AID: ["07"],
  CONCEDE: ["08"],
  RETREAT: ["08"],
  INVESTIGATE: ["09"],
  DEMAND: ["10"],
  DISAPPROVE: ["11"],
  REJECT: ["12"],
  THREATEN: ["13"],
  PROTEST: ["14"],
  MOBILIZE: ["15"],
  SANCTION: ["16"],
  COERCE: ["17"],
  ASSAULT: ["18"],
  FIGHT: ["19", "20"],
};

/** Pre-ISO country codes still found in the gold files (CAMEO's older country list) → ISO3. */
export const LEGACY_COUNTRY_CODES: Record<string, string> = { JAP: "JPN", ITL: "ITA", VTN: "VNM" };
