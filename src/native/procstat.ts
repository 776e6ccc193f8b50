// Is a process still the one we knew? A pid alone can be reused, so a process is
// named by its pid plus its start time (field 22 of /proc/PID/stat, in clock ticks).
import { readFileSync } from 'node:fs';

interface ProcStat {
  state: string;
  start: number;
}

function readStat(pid: number): ProcStat | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // the command name (field 2) may hold spaces and parentheses: split after the last ')'
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: rest[0], start: Number(rest[19]) };
}

/** The start time of a running process, or null when it is gone (or a zombie). */
export function processStart(pid: number): number | null {
  const stat = readStat(pid);
  return stat && stat.state !== 'Z' && stat.state !== 'X' ? stat.start : null;
}

/** True when pid still names a running process that started at `start` (any start when null). */
export function processAlive(pid: number, start: number | null): boolean {
  const now = processStart(pid);
  return now !== null && (start === null || now === start);
}
