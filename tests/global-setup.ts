// Asserts, after the whole suite, that the kernel holds no System V object the tests
// made: anything present now that was not present before the run, and whose creator
// is gone or is one of this run's processes, fails the suite (and is removed).
// Objects made meanwhile by a live process outside this run (another developer's
// test run, a learner's ipclab) are not ours to judge or remove. The kernel keeps no
// creator pid for queues and sets: for them the pids it does keep -- the last sender
// and receiver of a queue, the last process to change each semaphore -- stand in for
// it: a queue or set a live outsider used is the outsider's. One nobody has used yet
// says nothing of its maker and is judged as this run's (a parallel run that made
// one and had not touched it by now could still trip this check: rerun).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

type Kind = 'shm' | 'msg' | 'sem';
const FLAG: Record<Kind, string> = { shm: '-m', msg: '-q', sem: '-s' };
// columns of the pids /proc/sysvipc/<kind> keeps: shm's creator; msg's last sender and
// receiver; sem keeps none there (each semaphore's last pid comes from ipcs -s -i)
const PIDS: Record<Kind, number[]> = { shm: [4], msg: [5, 6], sem: [] };

function objects(kind: Kind): Map<number, number[]> {
  const lines = readFileSync(`/proc/sysvipc/${kind}`, 'utf8').trim().split('\n').slice(1);
  return new Map(
    lines.filter(Boolean).map((l) => {
      const f = l.trim().split(/\s+/);
      return [Number(f[1]), PIDS[kind].map((col) => Number(f[col])).filter((pid) => pid > 0)];
    }),
  );
}

/** The pid of the last semop (or SETVAL) on each semaphore of a set, as ipcs -s -i lists them. */
function semaphorePids(semid: number): number[] {
  try {
    const text = execFileSync('ipcs', ['-s', '-i', String(semid)], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    const rows = text.split('\n').filter((l) => /^\d+(\s+\d+){4}\s*$/.test(l.trim()));
    return rows.map((l) => Number(l.trim().split(/\s+/)[4])).filter((pid) => pid > 0);
  } catch {
    return []; // gone meanwhile, or no ipcs
  }
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
      for (const [id, listed] of objects(kind)) {
        if (before[kind].has(id)) continue;
        const pids = kind === 'sem' ? semaphorePids(id) : listed;
        if (pids.some(outsider)) continue;
        leaked.push(`${kind} ${id} (${kind === 'shm' ? 'creator pid' : 'last used by'} ${pids.join(', ') || '?'})`);
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
