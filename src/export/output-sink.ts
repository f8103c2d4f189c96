import { once } from "node:events";
import { createWriteStream } from "node:fs";

/** Where an export goes: text or bytes written in order, with back-pressure, then closed. */
export interface OutputSink {
  write(chunk: string | Uint8Array): Promise<void>;
  /** Flushes; ends the stream only if the sink opened it (a file path), never a stream it was given. */
  close(): Promise<void>;
}

const FLUSH_BYTES = 1 << 16;

/**
 * Opens `out` (a file path, created or truncated, or a writable stream such as `process.stdout`). Small string
 * writes are gathered into 64 KiB chunks; a write waits for `drain` when the stream's buffer is full.
 */
export function openOutputSink(out: string | NodeJS.WritableStream): OutputSink {
  const owned = typeof out === "string";
  const stream: NodeJS.WritableStream = owned ? createWriteStream(out) : out;
  let failure: unknown = null;
  const onError = (err: unknown) => {
    failure ??= err;
  };
  stream.on("error", onError);
  let pending = "";

  async function push(chunk: string | Uint8Array): Promise<void> {
    if (failure) throw failure;
    if (!stream.write(chunk)) await once(stream as NodeJS.EventEmitter, "drain");
  }

  return {
    async write(chunk) {
      if (typeof chunk === "string") {
        pending += chunk;
        if (pending.length < FLUSH_BYTES) return;
        const text = pending;
        pending = "";
        await push(text);
        return;
      }
      if (pending) {
        const text = pending;
        pending = "";
        await push(text);
      }
      await push(chunk);
    },
    async close() {
      if (pending) {
        const text = pending;
        pending = "";
        await push(text);
      }
      if (failure) throw failure;
      if (owned) {
        const done = once(stream as NodeJS.EventEmitter, "finish");
        stream.end();
        await done;
      }
      stream.removeListener("error", onError);
    },
  };
}
