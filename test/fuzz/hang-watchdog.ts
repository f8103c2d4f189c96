import { Worker } from "node:worker_threads";

/** A case running longer than this is a hang (cases are sized to take milliseconds). `DYAD_FUZZ_CASE_LIMIT_MS` overrides. */
const DEFAULT_LIMIT_MS = 60_000;
const LABEL_BYTES = 512;

// Runs in its own thread, so it still runs while a case blocks the main thread in a synchronous loop.
const WATCHER = `
const { workerData } = require("node:worker_threads");
const { writeSync } = require("node:fs");
const started = new Float64Array(workerData.shared, 0, 1);
const label = new Uint8Array(workerData.shared, 8, ${LABEL_BYTES});
setInterval(() => {
  const t = started[0];
  if (t > 0 && Date.now() - t > workerData.limit) {
    const end = label.indexOf(0);
    const what = Buffer.from(label.subarray(0, end === -1 ? label.length : end)).toString("utf8");
    writeSync(2, "\\nfuzz: HANG: " + what + " ran for more than " + workerData.limit / 1000 + " s; killing the test process.\\n" +
      "fuzz: replay with the same DYAD_FUZZ_SEED (printed at the start of the property) to find the input.\\n");
    process.kill(workerData.pid, "SIGKILL");
  }
}, 250);
`;

/**
 * Detects hung fuzz cases. The main thread marks each case's start (`begin`) and end (`end`) in shared memory; a
 * worker thread checks every 250 ms, and if one case runs past the limit it prints which property and case hung and
 * kills the process, so a hang fails CI with a message instead of stalling it. The worker never keeps the process alive.
 */
export class HangWatchdog {
  readonly #started: Float64Array;
  readonly #label: Uint8Array;

  private constructor(shared: SharedArrayBuffer) {
    this.#started = new Float64Array(shared, 0, 1);
    this.#label = new Uint8Array(shared, 8, LABEL_BYTES);
  }

  static start(): HangWatchdog {
    const shared = new SharedArrayBuffer(8 + LABEL_BYTES);
    const raw = process.env.DYAD_FUZZ_CASE_LIMIT_MS;
    const limit = raw && Number(raw) > 0 ? Number(raw) : DEFAULT_LIMIT_MS;
    const worker = new Worker(WATCHER, { eval: true, workerData: { shared, limit, pid: process.pid } });
    worker.unref();
    return new HangWatchdog(shared);
  }

  begin(label: string): void {
    const bytes = Buffer.from(label, "utf8").subarray(0, LABEL_BYTES - 1);
    this.#label.fill(0);
    this.#label.set(bytes);
    this.#started[0] = Date.now();
  }

  end(): void {
    this.#started[0] = 0;
  }
}
