import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { ARTICLE_EXTENSIONS, fileErrorReason, readArticleFile } from "./article-file.js";
import type { IngestItem } from "./ingest-item.js";

type FolderEntry = { readonly file: string } | { readonly rejected: IngestItem };

/** Files under a folder, recursively, in name order; hidden entries and node_modules are skipped; links are followed once. */
async function* folderFiles(dir: string, seen: Set<string>): AsyncGenerator<FolderEntry> {
  let entries: Dirent[];
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return; // a symbolic link back into a folder already read
    seen.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { rejected: { kind: "rejected", rejected: { path: dir, reason: fileErrorReason(error) } } };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        yield {
          rejected: {
            kind: "rejected",
            rejected: { path, reason: `broken link: ${fileErrorReason(error)}` },
          },
        };
        continue;
      }
    }
    if (isDirectory) yield* folderFiles(path, seen);
    else if (isFile && ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) yield { file: path };
  }
}

/**
 * Reads articles from files and folders, in the order given; a folder is read recursively in name order, skipping
 * hidden files and folders, `node_modules`, and files whose extension is not an article format (`.txt`, `.text`,
 * `.html`, `.htm`, `.xhtml`, `.jsonl`, `.ndjson`, `.xml`, `.rss`, `.atom`). A file named explicitly is read whatever
 * its name. Items stream one by one (a JSONL file is read line by line). Every input that cannot be read is yielded
 * as a rejection with the path (and line) and the reason; this never throws for bad input.
 *
 * @example for await (const item of readPaths(["samples/"])) if (item.kind === "article") console.log(item.article.id);
 */
export async function* readPaths(paths: readonly string[]): AsyncGenerator<IngestItem> {
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      yield { kind: "rejected", rejected: { path, reason: fileErrorReason(error) } };
      continue;
    }
    if (info.isDirectory()) {
      // Loop protection is per folder given: a folder named twice is read twice, never skipped silently.
      for await (const entry of folderFiles(path, new Set())) {
        if ("file" in entry) yield* readArticleFile(entry.file);
        else yield entry.rejected;
      }
    } else if (info.isFile()) {
      yield* readArticleFile(path);
    } else {
      yield { kind: "rejected", rejected: { path, reason: "not a regular file or folder" } };
    }
  }
}
