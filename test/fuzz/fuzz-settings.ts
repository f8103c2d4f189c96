/**
 * How many cases each fuzz property runs. The CI default totals a little over 10,000 cases across all properties;
 * `DYAD_FUZZ_RUNS=100000` runs a longer campaign (shared out by the same weights), `DYAD_FUZZ_SEED=…` replays one.
 * Each property's share is its weight (its cases in the CI default) times `DYAD_FUZZ_RUNS / DEFAULT_TOTAL`.
 */
import { HangWatchdog } from "./hang-watchdog.js";

/** Cases per property in CI, by property name. Their sum is the CI total. */
export const CI_CASES = {
  "decodeText: random, truncated and re-encoded bytes": 1500,
  "parsePublicationDate: random and date-like strings": 1000,
  "articleFromText: random text, date lines and headlines": 1200,
  "jsonlArticle: random JSON values and broken lines": 1500,
  "readFeed: random feed-like XML": 900,
  "htmlToText: random and deeply nested HTML": 700,
  "readHtmlArticle: random pages": 250,
  "readArticleFile: random files of every format": 300,
  "readArticleFile: huge lines": 12,
  "cleanArticle: furniture, unicode and odd white space": 1500,
  "codeText: political word salads": 700,
  "codeText: random unicode": 300,
  "codeText: long sentences": 40,
  "codeText: long articles": 20,
  "codeArticle: articles with furniture, titles and body starts": 250,
  "markupDepth: random markup": 600,
  "parseFeedList: random feeds files": 600,
} as const;

export type FuzzProperty = keyof typeof CI_CASES;

const DEFAULT_TOTAL = Object.values(CI_CASES).reduce((a, b) => a + b, 0);

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

/** Cases for one property: its CI share, scaled when `DYAD_FUZZ_RUNS` asks for a longer (or shorter) campaign. */
export function casesFor(property: FuzzProperty): number {
  const total = envNumber("DYAD_FUZZ_RUNS");
  const weight = CI_CASES[property];
  return total === undefined ? weight : Math.max(1, Math.round((weight * total) / DEFAULT_TOTAL));
}

let watchdog: HangWatchdog | null = null;

/** One property's fuzz run: fast-check parameters, the seed, and the count of cases actually run. */
export interface FuzzRun {
  readonly property: FuzzProperty;
  readonly seed: number;
  readonly numRuns: number;
  /** Cases run so far (shrinking after a failure counts too). */
  readonly cases: number;
  /** Parameters for `fc.assert`. */
  readonly parameters: { readonly numRuns: number; readonly seed: number };
  /** Wraps the property's predicate: counts each case and times it with the hang watchdog. */
  watch<A extends unknown[], R>(predicate: (...args: A) => R): (...args: A) => R;
  /** `N cases, seed S` for the test log. */
  summary(): string;
}

/**
 * Sets up one property: its number of runs (`casesFor`), the seed (`DYAD_FUZZ_SEED`, else a random one, printed so
 * any failure or hang can be replayed), and a watchdog that kills the test process with a clear message if one case
 * hangs (a synchronous endless loop cannot be interrupted from inside the thread).
 */
export function fuzzRun(property: FuzzProperty): FuzzRun {
  const seed = Math.trunc(envNumber("DYAD_FUZZ_SEED") ?? Math.floor(Math.random() * 0x7fffffff));
  const numRuns = casesFor(property);
  watchdog ??= HangWatchdog.start();
  const dog = watchdog;
  let cases = 0;
  return {
    property,
    seed,
    numRuns,
    get cases() {
      return cases;
    },
    parameters: { numRuns, seed },
    watch<A extends unknown[], R>(predicate: (...args: A) => R): (...args: A) => R {
      return (...args: A): R => {
        cases++;
        dog.begin(`${property}, case ${cases} of ${numRuns}, DYAD_FUZZ_SEED=${seed}`);
        let result: R;
        try {
          result = predicate(...args);
        } catch (error) {
          dog.end();
          throw error;
        }
        if (result instanceof Promise) return result.finally(() => dog.end()) as R;
        dog.end();
        return result;
      };
    },
    summary: () => `${property}: ${cases} case(s), DYAD_FUZZ_SEED=${seed}`,
  };
}
