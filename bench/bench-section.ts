import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Options every bench section receives from `bench/run.ts`. */
export interface BenchOptions {
  /** A smaller input and one run per measurement, for a quick look. */
  readonly quick: boolean;
  /** Repeats per measurement (the median is reported), after a warm-up. */
  readonly runs: number;
}

/** What a section measured: figures for the JSON line and rows for the printed table. */
export interface BenchReport {
  readonly figures: Readonly<Record<string, unknown>>;
  readonly rows: readonly (readonly [label: string, value: string])[];
}

/**
 * One part of `npm run bench` (ingest, API load, scaling, knowledge load, ...). The ingest section's figures are the
 * top level of the JSON line; every other section's figures appear under its name.
 */
export interface BenchSection {
  readonly name: string;
  readonly description: string;
  run(options: BenchOptions): Promise<BenchReport>;
}

/** The Wikinews corpus, read at run time from the shared folder beside the checkout. */
export const WIKINEWS = fileURLToPath(
  new URL("../../shared/corpus/wikinews_en/articles.jsonl", import.meta.url),
);

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs a bench script in its own process (`node --import tsx script args…`) and parses the last JSON line it prints. */
export function runScript<T>(
  script: string | URL,
  args: readonly string[],
  /** A command the script runs under, e.g. `["taskset", "-c", "0"]` to keep the whole process on one core. */
  prefix: readonly string[] = [],
): Promise<T> {
  const path = script instanceof URL ? fileURLToPath(script) : script;
  return new Promise((resolve, reject) => {
    const command = [...prefix, process.execPath, "--import", "tsx", path, ...args];
    const child = spawn(command[0] as string, command.slice(1), {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      err += d;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = out.trim().split("\n").filter(Boolean).at(-1);
      if (code !== 0 || !last) {
        reject(new Error(`${path} exited ${code}: ${err.trim().split("\n").slice(-5).join("\n")}`));
        return;
      }
      try {
        resolve(JSON.parse(last) as T);
      } catch (error) {
        reject(new Error(`${path} printed no JSON line: ${(error as Error).message}`));
      }
    });
  });
}

/** A section that runs a standalone bench script with `--json` and reports its figures as they are. */
export function scriptSection(
  name: string,
  description: string,
  script: URL,
  args: readonly string[] = [],
): BenchSection {
  return {
    name,
    description,
    async run() {
      const figures = await runScript<Record<string, unknown>>(script, ["--json", ...args]);
      return {
        figures,
        rows: Object.entries(figures).map(([k, v]) => [
          k,
          typeof v === "object" ? JSON.stringify(v) : String(v),
        ]),
      };
    },
  };
}
