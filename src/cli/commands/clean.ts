import type { Command } from "commander";
import { cleanArticle } from "../../clean/index.js";
import { readPaths } from "../../ingest/index.js";

export function register(program: Command): void {
  program
    .command("clean")
    .description("print the story text of an article with page furniture removed")
    .argument("<file>", "an article file (seed format, .txt, .html, .jsonl)")
    .option("--removed", "also list what was removed and why (on stderr)")
    .action(async (file: string, flags: { removed?: boolean }) => {
      let read = 0;
      for await (const item of readPaths([file])) {
        if (item.kind === "rejected") {
          const r = item.rejected;
          process.stderr.write(`dyad: ${r.path}${r.line ? `:${r.line}` : ""}: ${r.reason}\n`);
          continue;
        }
        read++;
        const clean = cleanArticle(item.article);
        if (item.article.title) process.stdout.write(`# ${item.article.title}\n\n`);
        process.stdout.write(`${clean.text}\n`);
        if (flags.removed) {
          for (const r of clean.removed) {
            const text = item.article.rawText.slice(r.span[0], r.span[1]).replace(/\s+/g, " ");
            process.stderr.write(`removed [${r.span[0]},${r.span[1]}) ${r.reason}: ${text.slice(0, 100)}\n`);
          }
        }
      }
      process.exitCode = read ? 0 : 1;
    });
}
