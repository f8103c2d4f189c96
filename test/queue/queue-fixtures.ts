/**
 * Real processes on loopback for the queue tests: a private redis-server per test file (so tests never share a
 * queue), `dyad worker` processes, a TCP relay that can cut the line between a worker and PostgreSQL, and the
 * reference result of an embedded (one-process, SQLite) run of the same input.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inThreadCoder } from "../../src/scale/coding-pool.js";
import type { CodingTaskModule } from "../../src/scale/coding-result.js";
import { ingestPaths } from "../../src/scale/ingest-paths.js";
import { openStore } from "../../src/store/index.js";
import { dumpAnyStore } from "../store/conformance-stores.js";

export const DYAD_CLI = fileURLToPath(new URL("./fixtures/dyad-cli.ts", import.meta.url));
/** The scale tests' stand-in coder: fast, deterministic, fails on texts containing FAIL-CODING. */
export const FAKE_TASK = fileURLToPath(new URL("../scale/fixtures/fake-task.ts", import.meta.url));

/** Everything this test process started, so nothing outlives it even when a test fails half-way. */
const children = new Set<ChildProcess>();
const redises = new Set<PrivateRedis>();

/** Kills every `dyad` process still running and stops every private Redis (call from `after`). */
export function stopEverything(): void {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  children.clear();
  for (const redis of redises) redis.stop();
  redises.clear();
}
process.on("exit", stopEverything);

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server of our own on a free loopback port, without persistence; stopped and started at will. */
export class PrivateRedis {
  readonly port: number;
  readonly #pidFile: string;
  #running = false;

  private constructor(port: number) {
    this.port = port;
    this.#pidFile = join(tmpdir(), `dyad-test-redis-${port}.pid`);
  }

  static async create(start = true): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    if (start) await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    execFileSync("redis-server", [
      "--port",
      String(this.port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--daemonize",
      "yes",
      "--logfile",
      "",
      "--pidfile",
      this.#pidFile,
    ]);
    for (let i = 0; i < 50; i++) {
      try {
        execFileSync("redis-cli", ["-p", String(this.port), "ping"], { stdio: "pipe" });
        this.#running = true;
        redises.add(this);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`redis-server on port ${this.port} did not start`);
  }

  stop(): void {
    if (!this.#running) return;
    this.#running = false;
    redises.delete(this);
    try {
      execFileSync("redis-cli", ["-p", String(this.port), "shutdown", "nosave"], {
        stdio: "ignore",
        timeout: 5000,
      });
    } catch {
      // shutdown closes the connection before answering; if it did not stop, end it by its pid
    }
    try {
      const pid = Number(readFileSync(this.#pidFile, "utf8").trim());
      if (pid > 0) process.kill(pid, "SIGKILL");
    } catch {
      // already gone (redis removes its pid file on shutdown)
    }
  }
}

/**
 * A loopback TCP relay to `target`: `close()` cuts every connection and refuses new ones (the server "went away"),
 * `open()` serves again on the same port.
 */
export class TcpRelay {
  readonly port: number;
  readonly #target: number;
  #server: Server | null = null;
  readonly #sockets = new Set<Socket>();

  private constructor(port: number, target: number) {
    this.port = port;
    this.#target = target;
  }

  static async create(target: number, open = true): Promise<TcpRelay> {
    const relay = new TcpRelay(await freePort(), target);
    if (open) await relay.open();
    return relay;
  }

  open(): Promise<void> {
    if (this.#server) return Promise.resolve();
    const server = createServer((client) => {
      const upstream = connect(this.#target, "127.0.0.1");
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on("close", () => this.#sockets.delete(s));
        s.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    this.#server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
  }

  close(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const s of this.#sockets) s.destroy();
    this.#sockets.clear();
    if (!server) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }
}

/** A `dyad …` process from the test CLI; its stderr is collected, its exit awaited. */
export interface DyadProcess {
  readonly child: ChildProcess;
  stderr(): string;
  stdout(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when stderr contains `pattern`; rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

export function runDyad(args: readonly string[], env: Record<string, string> = {}): DyadProcess {
  const child = spawn(process.execPath, ["--import", "tsx", DYAD_CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  let err = "";
  let out = "";
  const waiters: { pattern: RegExp; resolve(): void }[] = [];
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    err += d;
    for (const w of [...waiters]) {
      if (w.pattern.test(err)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  child.stdout?.setEncoding("utf8").on("data", (d: string) => {
    out += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    exited,
    waitFor(pattern, timeoutMs = 120_000) {
      if (pattern.test(err)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${pattern} on stderr after ${timeoutMs} ms:\n${err}`)),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
  };
}

/** `dyad worker` with the fake coder (unless `task` says otherwise) and a short lock, so take-overs are quick. */
export function startWorker(
  queueUrl: string,
  dbUrl: string,
  options: { task?: string | null; lockSeconds?: number; batch?: number; env?: Record<string, string> } = {},
): DyadProcess {
  const task = options.task === undefined ? FAKE_TASK : options.task;
  return runDyad(
    [
      "worker",
      "--queue",
      queueUrl,
      "--db",
      dbUrl,
      "--lock",
      String(options.lockSeconds ?? 3),
      "--batch",
      String(options.batch ?? 10),
      ...(task ? ["--task-module", task] : []),
    ],
    options.env ?? {},
  );
}

/** Stops workers with SIGTERM and waits for them; fails if one does not exit cleanly within 30 s. */
export async function stopWorkers(...workers: DyadProcess[]): Promise<void> {
  const problems: string[] = [];
  await Promise.all(
    workers.map(async (worker) => {
      if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
      worker.child.kill("SIGTERM");
      const timer = setTimeout(() => worker.child.kill("SIGKILL"), 30_000);
      const { code, signal } = await worker.exited;
      clearTimeout(timer);
      if (code !== 0) problems.push(`worker exited ${code ?? signal}:\n${worker.stderr()}`);
    }),
  );
  if (problems.length > 0) throw new Error(problems.join("\n"));
}

/** The canonical dump of an embedded run: `paths` coded in this process by `taskModule` into a fresh SQLite file. */
export async function embeddedDump(
  paths: readonly string[],
  dbPath: string,
  taskModule = FAKE_TASK,
): Promise<string> {
  const task = (await import(taskModule)) as CodingTaskModule;
  await task.prepare?.();
  const store = await openStore(dbPath);
  try {
    await ingestPaths(paths, { store, coder: inThreadCoder((a) => task.codeTask(a)), batch: 50 });
    return await dumpAnyStore(store);
  } finally {
    await store.close();
  }
}

/** The canonical dump of the store at `url`. */
export async function dumpAt(url: string): Promise<string> {
  const store = await openStore(url, { mustExist: true });
  try {
    return await dumpAnyStore(store);
  } finally {
    await store.close();
  }
}
