import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readPaths } from "../src/ingest/index.js";
import type { Article } from "../src/types/article.js";
import { WIKINEWS } from "./bench-section.js";

/** The first `count` Wikinews articles (after `skip`), read through dyad's own readers exactly as `ingest` reads them. */
export async function corpusSlice(count: number, skip = 0): Promise<Article[]> {
  const lines = readFileSync(WIKINEWS, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .slice(skip, skip + count);
  const dir = mkdtempSync(join(tmpdir(), "dyad-slice-"));
  try {
    const path = join(dir, "slice.jsonl");
    writeFileSync(path, `${lines.join("\n")}\n`);
    const articles: Article[] = [];
    for await (const item of readPaths([path])) if (item.kind === "article") articles.push(item.article);
    return articles;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
