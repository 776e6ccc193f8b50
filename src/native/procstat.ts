// Is a process still the one we knew? A pid alone can be reused, so a process is
// named by its pid plus its start time (field 22 of /proc/PID/stat, in clock ticks).
import { readdirSync, readFileSync } from 'node:fs';
import { raw } from './libc.js';

interface ProcStat {
  state: string;
  parent: number;
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
  return { state: rest[0], parent: Number(rest[1]), start: Number(rest[19]) };
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

/** The parent pid of a running process, or null when it is gone. */
export function processParent(pid: number): number | null {
  return readStat(pid)?.parent ?? null;
}

/** True when the process is stopped (SIGSTOP, or a tracer): it acts on SIGTERM only once continued. */
export function processStopped(pid: number): boolean {
  const state = readStat(pid)?.state;
  return state === 'T' || state === 't';
}

let bootTime: number | undefined;
const SC_CLK_TCK = 2;

/** The wall-clock second (as shm_ctime counts) a process started at, from its start in
 *  clock ticks; one second early, as boot time and ticks are both rounded. */
export function startSecond(start: number): number {
  if (bootTime === undefined) {
    const line = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    bootTime = line ? Number(line[1]) : 0;
  }
  return bootTime + Math.floor(start / raw.sysconf(SC_CLK_TCK)) - 1;
}

/** The live processes whose environment (as exec gave it) names `owner` in IPCLAB_OWNER:
 *  the children of that ipclab run and theirs. Other users' processes cannot be read. */
export function processesOwnedBy(owners: Set<string>): Array<{ pid: number; owner: string }> {
  const found: Array<{ pid: number; owner: string }> = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let env: string;
    try {
      env = readFileSync(`/proc/${pid}/environ`, 'latin1');
    } catch {
      continue;
    }
    const owner = /(?:^|\0)IPCLAB_OWNER=([^\0]*)/.exec(env)?.[1];
    if (owner !== undefined && owners.has(owner) && processStart(pid) !== null) found.push({ pid, owner });
  }
  return found;
}
