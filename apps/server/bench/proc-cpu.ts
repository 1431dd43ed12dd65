import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's times (USER_HZ; 100 on Linux for every architecture Node runs on). */
const TICKS = 100;

/** Another process's CPU time (user + system) so far, in microseconds; 0 where /proc is not there. */
export function processCpuUs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis):
    // utime and stime are the 14th and 15th fields of the whole line.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / TICKS) * 1e6;
  } catch {
    return 0;
  }
}

/**
 * This process's CPU time so far per thread name (MainThread, V8Worker: the platform's workers that
 * run concurrent compilation and GC, libuv's pool, …), in microseconds: process.cpuUsage sums them all.
 */
export function threadCpuUs(): Record<string, number> {
  const totals: Record<string, number> = {};
  let tasks: string[] = [];
  try {
    tasks = readdirSync("/proc/self/task");
  } catch {
    return totals;
  }
  for (const task of tasks) {
    try {
      const name = readFileSync(`/proc/self/task/${task}/comm`, "utf8").trim();
      const stat = readFileSync(`/proc/self/task/${task}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      totals[name] = (totals[name] ?? 0) + ((Number(fields[11]) + Number(fields[12])) / TICKS) * 1e6;
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return totals;
}
