/**
 * Entry point of one coding worker thread: loads the task module named in `workerData`, prepares it once, then codes
 * the articles the pool sends, one message per article, answering with the result or the error message.
 */
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import type { Article } from "../types/article.js";
import type { CodingTaskModule } from "./coding-result.js";
import type { PoolReply, PoolRequest } from "./pool-messages.js";
import { threadCpuSeconds } from "./thread-cpu.js";
import { tuneTieringForCoding } from "./tiering.js";

const port = parentPort;
if (!port) throw new Error("dyad: coding-worker must run in a worker thread");

function memoryMb(): number {
  const h = getHeapStatistics();
  return (h.total_heap_size + h.malloced_memory + h.external_memory) / 1_048_576;
}

const { taskModule } = workerData as { taskModule: string };
tuneTieringForCoding(); // before the task module's code is loaded
const task = (await import(taskModule)) as CodingTaskModule;
await task.prepare?.();
let peakMb = memoryMb();
let sinceSample = 0;
const send = (reply: PoolReply) => port.postMessage(reply);
send({ type: "ready", peakMb });

port.on("message", (request: PoolRequest) => {
  if (request.type === "stats") {
    peakMb = Math.max(peakMb, memoryMb());
    send({ type: "stats", peakMb, cpuSeconds: threadCpuSeconds() });
    return;
  }
  const article: Article = request.article;
  try {
    const result = task.codeTask(article);
    if (++sinceSample >= 16) {
      sinceSample = 0;
      peakMb = Math.max(peakMb, memoryMb());
    }
    send({ type: "done", id: request.id, result });
  } catch (error) {
    send({ type: "failed", id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
});
