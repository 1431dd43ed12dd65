import { readFileSync } from "node:fs";

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
