// Asserts, after the whole suite, that the kernel holds no System V object the tests
// made: any such object fails the suite (and is removed). Only this run's objects are
// judged: another developer's test run or a learner's ipclab on the same machine is
// never counted nor removed.
// - Segments: present now, not before the run, and made by a creator that is gone or one
//   of this run's processes (the kernel keeps shm_cpid).
// - Queues and sets: the kernel keeps no creator pid, so they are this run's only when a
//   journal in this run's state folder records them (the XDG_STATE_HOME vitest.config.ts
//   gives every test process, src/native/registry.ts): the object itself, still the same
//   one, or its key, recorded before a child created under it. A process that ends
//   cleanly removes its journal only after removing what it made (docs/ARCHITECTURE.md,
//   "Cleanup and ownership"); a test process's journal stays until the run's folder goes.
import { lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { tmuxSocketPath } from '../scripts/tmux-socket.mjs';
import type { TestProject } from 'vitest/node';
import { readIpcRows } from '../src/native/proc.js';
import { readJournal, type IpcKind, type Journal } from '../src/native/registry.js';
import { sameIpcObject } from '../src/native/tables.js';

type Kind = 'shm' | IpcKind;
const FLAG: Record<Kind, string> = { shm: '-m', msg: '-q', sem: '-s' };

/** Every segment's shmid and its creator pid (/proc/sysvipc/shm column 4). */
function segments(): Map<number, number> {
  const lines = readFileSync('/proc/sysvipc/shm', 'utf8').trim().split('\n').slice(1);
  return new Map(
    lines.filter(Boolean).map((l) => {
      const f = l.trim().split(/\s+/);
      return [Number(f[1]), Number(f[4])];
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

/** The journals of the processes that used this state folder (its ipclab/runs). */
function journalsIn(stateHome: string): Journal[] {
  const dir = join(stateHome, 'ipclab', 'runs');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // no process of the run recorded anything
  }
  return names.flatMap((name) => readJournal(join(dir, name)) ?? []);
}

/** What the kernel holds before the run: never the run's to judge. */
export interface Before {
  shm: Set<number>;
  msg: Set<number>;
  sem: Set<number>;
}

export function kernelNow(): Before {
  return { shm: new Set(segments().keys()), msg: new Set(readIpcRows('msg').map((r) => r.id)), sem: new Set(readIpcRows('sem').map((r) => r.id)) };
}

/** The objects this run made and left (`kind id (why it is the run's)`), given what was
 *  there before and the run's state folder. Removes nothing. */
export function leftByRun(before: Before, stateHome: string): Array<{ kind: Kind; id: number; text: string }> {
  const left: Array<{ kind: Kind; id: number; text: string }> = [];
  for (const [shmid, cpid] of segments()) {
    if (!before.shm.has(shmid) && !outsider(cpid)) left.push({ kind: 'shm', id: shmid, text: `shm ${shmid} (creator pid ${cpid})` });
  }
  const journals = journalsIn(stateHome);
  const uid = process.geteuid?.();
  for (const kind of ['msg', 'sem'] as IpcKind[]) {
    for (const row of readIpcRows(kind)) {
      if (before[kind].has(row.id)) continue;
      const by =
        journals.find((j) => j.objects.some((o) => o.kind === kind && sameIpcObject(o, row))) ??
        journals.find((j) => j.keys.some((k) => k.kind === kind && k.key !== 0 && k.key === row.key && row.cuid === uid && row.ctime >= k.since));
      if (by) left.push({ kind, id: row.id, text: `${kind} ${row.id} (recorded by pid ${by.pid})` });
    }
  }
  return left;
}

/** The temp folders this run's processes recorded (tests/native/helpers.ts tempDir, ipclab's
 *  own) that still exist: a test process killed with kill -9 ran no afterAll. Its journal goes
 *  with the run's state folder (vitest.config.ts), so no later `ipclab clean` could find them:
 *  removed here, by clean's rule (ours, a folder, named ipclab-*). */
function sweepTempDirs(stateHome: string): void {
  for (const dir of journalsIn(stateHome).flatMap((j) => j.tmps)) {
    try {
      const st = lstatSync(dir);
      if (basename(dir).startsWith('ipclab-') && st.isDirectory() && st.uid === process.getuid?.()) rmSync(dir, { recursive: true, force: true });
    } catch {
      // gone already
    }
  }
}

/** The tmux servers of test processes that have ended (tests/helpers/tmux.ts names each
 *  `ipclab-test-PID`): a worker killed mid-test never ran killServer, and tmux leaves its
 *  socket file even when it did. Ended, and the socket removed; a live worker's is kept. */
function sweepTmuxServers(): void {
  const dir = dirname(tmuxSocketPath('x'));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no tmux ran
  }
  for (const name of names) {
    const m = /^ipclab-test-(\d+)$/.exec(name);
    if (!m || parentOf(Number(m[1])) !== null) continue;
    spawnSync('tmux', ['-L', name, 'kill-server'], { stdio: 'ignore' });
    rmSync(join(dir, name), { force: true });
  }
}

export default function setup(project: TestProject) {
  const stateHome = project.config.env.XDG_STATE_HOME;
  if (!stateHome) throw new Error('vitest.config.ts sets no XDG_STATE_HOME: the run has no state folder of its own');
  const before = kernelNow();
  return () => {
    const left = leftByRun(before, stateHome);
    for (const { kind, id } of left) {
      try {
        execFileSync('ipcrm', [FLAG[kind], String(id)]);
      } catch {
        // already gone, or ipcrm missing: the failure below still reports it
      }
    }
    sweepTempDirs(stateHome);
    sweepTmuxServers();
    if (left.length) throw new Error(`the tests left System V objects in the kernel (removed now): ${left.map((l) => l.text).join(', ')}`);
  };
}
