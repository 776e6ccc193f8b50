// Asserts, after the whole suite, that the kernel holds no System V object the tests
// made: anything present now that was not present before the run fails the suite.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

type Kind = 'shm' | 'msg' | 'sem';
const FLAG: Record<Kind, string> = { shm: '-m', msg: '-q', sem: '-s' };

function ids(kind: Kind): Set<number> {
  const lines = readFileSync(`/proc/sysvipc/${kind}`, 'utf8').trim().split('\n').slice(1);
  // second column is the id in all three files
  return new Set(lines.filter(Boolean).map((l) => Number(l.trim().split(/\s+/)[1])));
}

export default function setup() {
  const before = { shm: ids('shm'), msg: ids('msg'), sem: ids('sem') };
  return () => {
    const leaked: string[] = [];
    for (const kind of ['shm', 'msg', 'sem'] as Kind[]) {
      for (const id of ids(kind)) {
        if (before[kind].has(id)) continue;
        leaked.push(`${kind} ${id}`);
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
