import { readFileSync } from "node:fs";

/** Clock ticks per second of `/proc/.../stat` times (`getconf CLK_TCK`; 100 on every Linux platform Node runs on). */
const CLOCK_TICKS = 100;

/**
 * CPU time (user + system, in seconds) the calling thread has used so far, read from `/proc/thread-self/stat`; null
 * where that file does not exist (not Linux). Node 20 has no per-thread CPU clock, and `process.cpuUsage()` sums every
 * thread (workers, V8's GC and compiler threads), which is what the ingest benchmark needs to tell apart.
 */
export function threadCpuSeconds(): number | null {
  let stat: string;
  try {
    stat = readFileSync("/proc/thread-self/stat", "utf8");
  } catch {
    return null;
  }
  // Fields after the command name (which may hold spaces, but ends at the last ")"): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
  return (utime + stime) / CLOCK_TICKS;
}
