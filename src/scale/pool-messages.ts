import type { Article } from "../types/article.js";
import type { CodingResult } from "./coding-result.js";

/** Messages from the pool to a coding worker. */
export type PoolRequest =
  | { readonly type: "code"; readonly id: number; readonly article: Article }
  | { readonly type: "stats" };

/**
 * Messages from a coding worker to the pool. `peakMb`: the worker's own V8 heap + malloc + external memory;
 * `cpuSeconds`: CPU time the worker thread itself has used (null where the platform cannot tell).
 */
export type PoolReply =
  | { readonly type: "ready"; readonly peakMb: number }
  | { readonly type: "stats"; readonly peakMb: number; readonly cpuSeconds: number | null }
  | { readonly type: "done"; readonly id: number; readonly result: CodingResult }
  | { readonly type: "failed"; readonly id: number; readonly message: string };
