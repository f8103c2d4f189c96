/**
 * The queue: coding spread over any number of processes and machines through a Redis-backed BullMQ queue, with a
 * shared store (PostgreSQL) behind it. Input: paths the readers accept (producer) and a queue plus store URL
 * (workers). Output: every article coded and stored exactly once — jobs are delivered at least once, acknowledged only
 * after their article is committed, and the store's writes are idempotent by content id — with failed articles retried
 * with exponential backoff and, when every attempt fails, kept in a dead-letter list with their reason.
 */
export {
  backoffDelay,
  CODE_ARTICLE,
  CODING_QUEUE,
  type CodingJobData,
  codingJobId,
  codingJobOptions,
  QueueReachability,
  queueConnection,
  type RetryPolicy,
  redactQueueUrl,
} from "./coding-queue.js";
export {
  type EnqueueOptions,
  type EnqueueProgress,
  type EnqueueSummary,
  enqueuePaths,
} from "./enqueue-paths.js";
export { type DeadLetter, type QueueStatus, queueStatus, retryDeadLetters } from "./queue-status.js";
export {
  type QueueWorker,
  type QueueWorkerOptions,
  startQueueWorker,
  type WorkerStats,
} from "./queue-worker.js";
export { StoreBatcher, type StoreBatcherOptions } from "./store-batcher.js";
export { isTransientStoreError, retryStoreOutage, type StoreOutageOptions } from "./store-outage.js";
