import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";

const JSONL = new Set([".jsonl", ".ndjson"]);

async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1] as number;
  }
  return last === 10 ? lines : lines + 1;
}

async function estimate(path: string, extensions: ReadonlySet<string>, depth: number): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (info.isDirectory()) {
    if (depth > 32) return 0;
    let total = 0;
    for (const name of await readdir(path).catch(() => [] as string[])) {
      if (name.startsWith(".") || name === "node_modules") continue;
      total += await estimate(join(path, name), extensions, depth + 1);
    }
    return total;
  }
  const ext = extname(path).toLowerCase();
  if (JSONL.has(ext)) return countLines(path);
  return depth === 0 || extensions.has(ext) ? 1 : 0;
}

/**
 * A quick guess of how many articles `paths` hold, for a progress bar's ETA: lines of JSONL files plus one per
 * other readable file (a feed counts as one). Reads JSONL files once, byte-wise, without parsing.
 */
export async function estimateArticles(
  paths: readonly string[],
  extensions: ReadonlySet<string>,
): Promise<number> {
  let total = 0;
  for (const path of paths) total += await estimate(path, extensions, 0);
  return total;
}
