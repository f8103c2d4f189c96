/**
 * CAMEO actor codes are built from three-letter parts: a country (ISO 3166 alpha-3, or IGO/NGO/IMG for
 * international organisations and militant groups), then sectors (GOV, MIL, REB…), then optional detail.
 * `---` stands for an unknown country.
 */

/** Functional sectors (CAMEO agent codes) dyad emits or reads. */
export const SECTOR_CODES: ReadonlySet<string> = new Set([
  "GOV",
  "MIL",
  "REB",
  "OPP",
  "PTY",
  "COP",
  "JUD",
  "SPY",
  "MED",
  "EDU",
  "BUS",
  "CRM",
  "CVL",
  "CIV",
  "LAB",
  "LEG",
  "HLH",
  "REF",
  "MOD",
  "RAD",
  "AGR",
  "DEV",
  "ELI",
  "ENV",
  "HRI",
  "INS",
  "SEP",
  "UAF",
  "REL",
  "SOC",
  "ELC",
]);

/** Country positions that are not countries: international organisations, NGOs, militant groups, corporations. */
export const TRANSNATIONAL_PREFIXES: ReadonlySet<string> = new Set(["IGO", "NGO", "IMG", "MNC", "INT"]);

const CODE_SHAPE = /^(?:---|[A-Z][A-Z0-9]{2})(?:[A-Z0-9]{3})*$/;

/** True for a syntactically valid CAMEO-style actor code: `RUS`, `RUSGOV`, `IGOUNO`, `---GOV`. */
export function isActorCode(code: string): boolean {
  return CODE_SHAPE.test(code);
}

/**
 * Splits a code into the `country` and `sector` a `Mention` carries. For IGO/NGO/IMG codes the country is that
 * prefix and the sector is the last part only when it is a functional sector (`IGOUNOMIL` → IGO, MIL;
 * `IGOUNO` → IGO, null). For countries the sector is the second part (`PSEREBHMS` → PSE, REB).
 */
export function splitActorCode(code: string): { country: string | null; sector: string | null } {
  const head = code.slice(0, 3);
  const country = head === "---" || head.length < 3 ? null : head;
  if (TRANSNATIONAL_PREFIXES.has(head)) {
    const last = code.length > 3 ? code.slice(-3) : "";
    return { country, sector: SECTOR_CODES.has(last) ? last : null };
  }
  const sector = code.slice(3, 6);
  return { country, sector: sector.length === 3 ? sector : null };
}

/** The part of a code that names *whose* actor it is: `RUSGOV` → `RUS`, `IGOUNOMIL` → `IGOUNO`, `IGOUNO` → `IGOUNO`. */
export function baseOfCode(code: string): string {
  const head = code.slice(0, 3);
  if (TRANSNATIONAL_PREFIXES.has(head)) {
    const last = code.length > 6 ? code.slice(-3) : "";
    return SECTOR_CODES.has(last) ? code.slice(0, -3) : code;
  }
  return head;
}

/** Joins a base and a sector: `withSector("RUS", "MIL")` → `RUSMIL`; an unknown country becomes `---`. */
export function withSector(base: string | null, sector: string | null): string {
  return `${base ?? "---"}${sector ?? ""}`;
}
