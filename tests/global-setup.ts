// Asserts, after the whole suite, that the kernel holds no System V object the tests
// made: anything present now that was not present before the run, and whose creator
// is gone or is one of this run's processes, fails the suite (and is removed).
// Objects made meanwhile by a live process outside this run (another developer's
// test run, a learner's ipclab) are not ours to judge or remove.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

type Kind = 'shm' | 'msg' | 'sem';
const FLAG: Record<Kind, string> = { shm: '-m', msg: '-q', sem: '-s' };
// column of the creator pid in /proc/sysvipc/<kind> (msg and sem have none: judged by presence alone)
const CREATOR: Record<Kind, number | null> = { shm: 4, msg: null, sem: null };

function objects(kind: Kind): Map<number, number | null> {
  const lines = readFileSync(`/proc/sysvipc/${kind}`, 'utf8').trim().split('\n').slice(1);
  const col = CREATOR[kind];
  return new Map(
    lines.filter(Boolean).map((l) => {
      const f = l.trim().split(/\s+/);
      return [Number(f[1]), col === null ? null : Number(f[col])];
    }),
  );
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null; // gone
  }
}

/** A live process that is not this run or one of its descendants. */
function outsider(pid: number): boolean {
  if (parentOf(pid) === null) return false;
  for (let p: number | null = pid; p !== null && p > 1; p = parentOf(p)) {
    if (p === process.pid) return false;
  }
  return true;
}

export default function setup() {
  const before = { shm: objects('shm'), msg: objects('msg'), sem: objects('sem') };
  return () => {
    const leaked: string[] = [];
    for (const kind of ['shm', 'msg', 'sem'] as Kind[]) {
      for (const [id, cpid] of objects(kind)) {
        if (before[kind].has(id) || (cpid !== null && outsider(cpid))) continue;
        leaked.push(`${kind} ${id} (creator pid ${cpid ?? '?'})`);
        try {
          execFileSync('ipcrm', [FLAG[kind], String(id)]);
        } catch {
          // already gone, or ipcrm missing: the failure below still reports it
        }
      }
    }
    if (leaked.length) throw new Error(`the tests left System V objects in the kernel (removed now): ${leaked.join(', ')}`);
  };
}
