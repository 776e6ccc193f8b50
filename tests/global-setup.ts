// Asserts, after the whole suite, that the kernel holds no System V object the tests
// made: any such object fails the suite (and is removed). Only this run's objects are
// judged: another developer's test run or a learner's ipclab on the same machine is
// never counted nor removed.
// - Segments: present now, not before the run, and made by a creator that is gone or one
//   of this run's processes (the kernel keeps shm_cpid). One whose creator is gone and which
//   no journal of the run names may be another run's (a test there killed its creator on
//   purpose): judged only if it is still there after a wait (settleLeft).
// - Queues and sets: the kernel keeps no creator pid, so they are this run's only when a
//   journal in this run's state folders records them (the XDG_STATE_HOME vitest.config.ts
//   gives every test process, and the side-by-side workers' own in it, src/native/registry.ts): the object itself, still the same
//   one, or its key, recorded before a child created under it, or the IPC_PRIVATE one a
//   process was killed making (src/native/leftovers.ts killedPrivateCall). A process that ends
//   cleanly removes its journal only after removing what it made (docs/ARCHITECTURE.md,
//   "Cleanup and ownership"); a test process's journal stays until the run's folder goes.
// Before the suite, the folders of earlier runs that were killed (no teardown, no 'exit'
// handler ran) are cleaned as this teardown and `ipclab clean` would have (sweepGoneRuns).
import { lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { tmuxSocketPath } from '../scripts/tmux-socket.mjs';
import type { TestProject } from 'vitest/node';
import { clean, killedPrivateCall, type CleanReport } from '../src/native/leftovers.js';
import { readIpcRows } from '../src/native/proc.js';
import { readJournal, type IpcKind, type Journal } from '../src/native/registry.js';
import { sameIpcObject } from '../src/native/tables.js';
import { goneRunFolders, RUN_DIR_ENV, startOf, stateHomes } from './helpers/run-state.js';

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

/** The journals of the processes that used this run's state folders (each one's ipclab/runs). */
function journalsIn(stateHome: string): Journal[] {
  return stateHomes(stateHome).flatMap((home) => {
    const dir = join(home, 'ipclab', 'runs');
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return []; // no process of the run recorded anything here
    }
    return names.flatMap((name) => readJournal(join(dir, name)) ?? []);
  });
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

/** An object the run left: `unsure` for a segment whose creator is gone and which no journal
 *  of the run names. It may be another run's on the same machine: a test there killed its
 *  creator on purpose and removes it in a moment (tests/faults/state.test.ts), so it is
 *  judged only if it outlives settleLeft's wait. */
export interface Left {
  kind: Kind;
  id: number;
  text: string;
  unsure?: boolean;
}

/** The objects this run made and left (`kind id (why it is the run's)`), given what was
 *  there before and the run's state folder. Removes nothing. */
export function leftByRun(before: Before, stateHome: string): Left[] {
  const left: Left[] = [];
  const journals = journalsIn(stateHome);
  for (const [shmid, cpid] of segments()) {
    if (before.shm.has(shmid) || outsider(cpid)) continue;
    const named = parentOf(cpid) !== null || journals.some((j) => j.pid === cpid || j.segments.some((s) => s.shmid === shmid) || j.children.some((c) => c.pid === cpid));
    left.push({ kind: 'shm', id: shmid, text: `shm ${shmid} (creator pid ${cpid})`, ...(named ? {} : { unsure: true }) });
  }
  const uid = process.geteuid?.();
  for (const kind of ['msg', 'sem'] as IpcKind[]) {
    for (const row of readIpcRows(kind)) {
      if (before[kind].has(row.id)) continue;
      const by =
        journals.find((j) => j.objects.some((o) => o.kind === kind && sameIpcObject(o, row))) ??
        journals.find((j) => j.keys.some((k) => k.kind === kind && k.key !== 0 && k.key === row.key && row.cuid === uid && row.ctime >= k.since));
      if (by) left.push({ kind, id: row.id, text: `${kind} ${row.id} (recorded by pid ${by.pid})` });
    }
    // a process killed inside msgget/semget(IPC_PRIVATE) recorded only that it was about to make one
    for (const j of journals) {
      const made = j.pending?.kind === kind ? killedPrivateCall(j.pending, readIpcRows(kind)) : undefined;
      if (made && !before[kind].has(made.id) && !left.some((l) => l.kind === kind && l.id === made.id)) {
        left.push({ kind, id: made.id, text: `${kind} ${made.id} (made with IPC_PRIVATE by pid ${j.pid}, killed before its record)` });
      }
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

/** The live processes of run folder `folder`: those started with RUN_DIR_ENV naming it (its
 *  test workers and what they started), and those a journal in its state folders names, as its
 *  writer or a child it recorded, still the same process (pid and start). The journals count
 *  apart from the environment: `clean` keeps the journal of a live process, and so the folder,
 *  and a process may write one there with RUN_DIR_ENV not in its environment as read now (one
 *  started with an environment of its own; one exiting, whose environ reads as empty). */
function processesOfRun(folder: string): number[] {
  const mark = `${RUN_DIR_ENV}=${folder}\0`;
  const byEnv = readdirSync('/proc').flatMap((name) => {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) return [];
    try {
      return `\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(`\0${mark}`) ? [pid] : [];
    } catch {
      return []; // gone, or another user's
    }
  });
  const byJournal = journalsIn(folder)
    .flatMap((j) => [{ pid: j.pid, start: j.start }, ...j.children])
    .filter((p) => p.pid !== process.pid && startOf(p.pid) === p.start)
    .map((p) => p.pid);
  return [...new Set([...byEnv, ...byJournal])];
}

/** Ends a killed run's workers still running: SIGTERM (an ipclab worker removes its own
 *  objects) with SIGCONT, SIGKILL after 2 s. A stopped process (a C program examples-exits
 *  froze with SIGSTOP) acts on SIGTERM only once continued: killed while stopped, it would
 *  leave a set no journal names. Polled with a deadline; the setup is synchronous. */
function endProcesses(pids: number[]): void {
  const starts = pids.map((pid) => ({ pid, start: startOf(pid) }));
  const alive = () => starts.filter((p) => p.start !== null && startOf(p.pid) === p.start);
  const waitGone = (ms: number) => {
    for (const end = Date.now() + ms; alive().length > 0 && Date.now() < end; ) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  };
  const send = (signal: NodeJS.Signals) => {
    for (const { pid } of alive()) {
      try {
        process.kill(pid, signal);
      } catch {
        // ended just now
      }
    }
  };
  send('SIGTERM');
  send('SIGCONT');
  waitGone(2000);
  send('SIGKILL');
  waitGone(1000);
}

/** `ipclab clean`'s own logic (src/native/leftovers.ts) on another run's state folders: the
 *  journals say which objects, the same-object checks decide. */
function cleanIn(stateHome: string): CleanReport[] {
  const saved = process.env.XDG_STATE_HOME;
  try {
    return stateHomes(stateHome).map((home) => {
      process.env.XDG_STATE_HOME = home;
      return clean({ dryRun: false });
    });
  } finally {
    if (saved === undefined) delete process.env.XDG_STATE_HOME;
    else process.env.XDG_STATE_HOME = saved;
  }
}

/** What the sweep of killed runs' folders did, for its one line. */
export interface Swept {
  /** run folders removed */
  runs: string[];
  /** System V objects removed (`shm 12`) */
  removed: string[];
  /** processes ended: the run's workers and what their journals name */
  ended: number;
  /** journalled temp folders outside the run's folder, removed */
  temps: number;
  /** run folders kept, and why: a journal clean could not finish stays for the next sweep */
  kept: string[];
}

/** Cleans run folder `folder` as this teardown and `ipclab clean` would have, into `swept`:
 *  ends the run's processes still running, removes the System V objects and temp folders its
 *  journals record (ipclab's clean, identity checks and all), then the folder with the tests'
 *  own temp folders in it -- unless a journal is left that clean could not finish. */
export function sweepRunFolder(folder: string, swept: Swept = { runs: [], removed: [], ended: 0, temps: 0, kept: [] }): Swept {
  try {
    // again while one is found: a process ending may have started another, or written its journal
    let workers = 0;
    for (let round = 0, found = processesOfRun(folder); found.length > 0 && round < 3; round++, found = processesOfRun(folder)) {
      endProcesses(found);
      workers += found.length;
    }
    const reports = cleanIn(folder);
    const kept = reports.flatMap((r) => r.kept);
    swept.ended += workers + reports.reduce((n, r) => n + r.ended.length, 0);
    swept.removed.push(...reports.flatMap((r) => r.removed.map((e) => `${e.kind} ${e.id}`)));
    swept.temps += reports.reduce((n, r) => n + r.folders.length, 0);
    const left = journalsIn(folder);
    if (left.length > 0) {
      swept.kept.push(`${folder} (${left.length} journal(s) clean could not finish: ${kept.map((e) => `${e.kind} ${e.id} ${e.reason}`).join('; ') || `process(es) ${left.map((j) => j.pid).join(', ')} still alive`})`);
      return swept;
    }
    rmSync(folder, { recursive: true, force: true });
    swept.runs.push(folder);
  } catch (err) {
    // another run sweeping the same folder at the same moment, or a state this cannot read
    swept.kept.push(`${folder} (${(err as Error).message})`);
  }
  return swept;
}

/** Cleans the folders in `parent` of runs whose vitest process is gone (a killed run: no
 *  teardown and no 'exit' handler ran), each as `sweepRunFolder` does. */
export function sweepGoneRuns(parent = tmpdir()): Swept {
  const swept: Swept = { runs: [], removed: [], ended: 0, temps: 0, kept: [] };
  for (const folder of goneRunFolders(parent)) sweepRunFolder(folder, swept);
  return swept;
}

/** The sweep in one line, or null when there was nothing to sweep. */
export function sweepLine(s: Swept): string | null {
  if (s.runs.length === 0 && s.kept.length === 0) return null;
  const parts = [
    `removed ${s.runs.length} folder(s) of killed test runs`,
    s.removed.length ? `System V objects ${s.removed.join(', ')}` : 'no System V object',
    `${s.ended} process(es) ended`,
    `${s.temps} recorded temp folder(s)`,
    ...(s.kept.length ? [`kept ${s.kept.join(', ')}`] : []),
  ];
  return `ipclab tests: ${parts.join('; ')}`;
}

/** `left` without the unsure segments that go within `waitMs` (polled): what is left then is
 *  the run's to report. */
export async function settleLeft(left: readonly Left[], waitMs = 10_000): Promise<Left[]> {
  const deadline = Date.now() + waitMs;
  let unsure = left.filter((l) => l.unsure);
  while (unsure.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const now = segments();
    unsure = unsure.filter((l) => now.has(l.id));
  }
  return left.filter((l) => !l.unsure || unsure.includes(l));
}

export default function setup(project: TestProject) {
  const stateHome = project.config.env.XDG_STATE_HOME;
  if (!stateHome) throw new Error('vitest.config.ts sets no XDG_STATE_HOME: the run has no state folder of its own');
  // not a failure of this run: what killed runs left, reported and gone before it starts
  const line = sweepLine(sweepGoneRuns());
  if (line) console.log(line);
  sweepTmuxServers();
  const before = kernelNow();
  return async () => {
    const left = await settleLeft(leftByRun(before, stateHome));
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
