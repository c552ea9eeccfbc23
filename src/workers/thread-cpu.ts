import { readFileSync } from "node:fs";

/**
 * Milliseconds of CPU this thread has used: Node's own per-thread count where it has one
 * (22+), else Linux's /proc/thread-self/stat (worker threads are OS threads), else the
 * whole process's (which counts other threads too, so it errs towards more).
 */
export function threadCpuMs(): number {
  const own = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage;
  if (own) {
    const { user, system } = own.call(process);
    return (user + system) / 1000;
  }
  const fromProc = procThreadCpuMs();
  if (fromProc !== undefined) return fromProc;
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

let procReadable = process.platform === "linux";

function procThreadCpuMs(): number | undefined {
  if (!procReadable) return undefined;
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    // Fields after the command name (which may hold spaces, in parentheses): utime and stime are 14 and 15, in ticks of 1/100 s.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    procReadable = false;
    return undefined;
  }
}
