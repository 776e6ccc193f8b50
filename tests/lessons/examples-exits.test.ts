// Every C program of examples/c that makes a System V object removes it on every way out
// a learner can cause (examples/c/cleanup.h): its output closed early (`./msg | head`,
// where SIGPIPE used to end msg.c before it removed its queue) and Ctrl-C while it waits.
// What is left is found by the program's own ids (its output) and by creator pid.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, segmentsCreatedBy } from './helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';

const DIR = join(ROOT, 'examples', 'c');
const source = (name: string) => readFileSync(join(DIR, `${name}.c`), 'utf8');
/** The programs that make an object (a get that may create), by their source. */
const MAKERS = readdirSync(DIR)
  .filter((f) => f.endsWith('.c'))
  .map((f) => f.slice(0, -2))
  .filter((name) => /\b(shmget|msgget|semget)\([^;]*(IPC_PRIVATE|IPC_CREAT)/.test(source(name)));
// serv.c and communicate_with_child.c take the ending signals with sigwait and clean up
// themselves (tests/twoproc); they need a peer, so they are not run here
const PEERED = ['serv', 'communicate_with_child'];
const RUN = MAKERS.filter((name) => !PEERED.includes(name));
// long enough to be mid-run when Ctrl-C comes (the default 1000000 for a closed output)
const LONG: Record<string, string[]> = { race: ['200000000'] };

const hasCc = spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;
const out = testTempDir('ipclab-cc-exits-');
afterAll(() => rmSync(out, { recursive: true, force: true }));

function build(name: string): string {
  const exe = join(out, name);
  const r = spawnSync('cc', ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-o', exe, join(DIR, `${name}.c`)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return exe;
}

/** Queue and set ids the program printed ("msgget(...) = 32768", "semget(...) = 5"). */
function idsIn(text: string): { msg: number[]; sem: number[] } {
  const all = (re: RegExp) => [...text.matchAll(re)].map((m) => Number(m[1]));
  return { msg: all(/msgget\([^)]*\) = (\d+)/g), sem: all(/semget\([^)]*\) = (\d+)/g) };
}

function idsInKernel(kind: 'msg' | 'sem'): Set<number> {
  const [header, ...rows] = readFileSync(`/proc/sysvipc/${kind}`, 'utf8').trim().split('\n');
  const col = header.trim().split(/\s+/).indexOf(kind === 'msg' ? 'msqid' : 'semid');
  return new Set(rows.map((r) => Number(r.trim().split(/\s+/)[col])));
}

/** What the run left: its segments by creator pid, its queues and sets by the ids it printed. */
function leftBy(pid: number, text: string): string[] {
  const ids = idsIn(text);
  const queues = idsInKernel('msg');
  const sets = idsInKernel('sem');
  return [
    ...segmentsCreatedBy(pid).map((id) => `segment ${id}`),
    ...ids.msg.filter((id) => queues.has(id)).map((id) => `queue ${id}`),
    ...ids.sem.filter((id) => sets.has(id)).map((id) => `set ${id}`),
  ];
}

function processState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/** Once SIGSTOP has taken: 'T' (stopped mid-run), 'D' (asleep in system()'s vfork, under
 *  its child that stopped before its exec), 'Z' or null (it had ended). */
function stoppedOrEnded(pid: number): string | null {
  const deadline = Date.now() + 5000;
  for (;;) {
    const state = processState(pid);
    if (state === null || 'TtDZ'.includes(state) || Date.now() > deadline) return state;
  }
}

interface Ended {
  pid: number;
  text: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** the program was still running at its first output, so `act` came mid-run */
  caught: boolean;
  /** what it left in its TMPDIR (shmctl.c's file for ftok, left on Ctrl-C before session 15) */
  left: string[];
}

/** Runs `exe` in a group of its own, frozen (SIGSTOP) at its first output; `act` then
 *  closes the pipe or signals, and the group goes on (SIGCONT). */
function runUntilOutput(exe: string, args: string[], act: 'close' | 'interrupt'): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const tmp = mkdtempSync(join(out, 'tmp-'));
    const child = spawn(exe, args, { cwd: out, stdio: ['ignore', 'pipe', 'ignore'], detached: true, env: { ...process.env, TMPDIR: tmp } });
    const group = -child.pid!;
    let text = '';
    let caught = false;
    child.stdout.on('data', (chunk: Buffer) => {
      const first = text === '';
      text += chunk.toString('utf8');
      if (!first) return;
      signalGroup(group, 'SIGSTOP');
      const state = stoppedOrEnded(child.pid!);
      caught = state !== null && state !== 'Z';
      if (act === 'interrupt') {
        signalGroup(group, 'SIGINT');
        signalGroup(group, 'SIGCONT');
        return;
      }
      // the reading end closed for certain before the program writes again
      child.stdout.once('close', () => signalGroup(group, 'SIGCONT'));
      child.stdout.destroy();
    });
    child.stdout.on('error', () => {});
    // a run that does not end (it was never let go on) is ended, and the test fails
    const timer = setTimeout(() => {
      signalGroup(group, 'SIGKILL');
      reject(new Error(`${exe} did not end in 20 s: ${text}`));
    }, 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const left = readdirSync(tmp);
      rmSync(tmp, { recursive: true, force: true });
      resolve({ pid: child.pid!, text, code, signal, caught, left });
    });
  });
}

// These wait after their first output (a child blocked in msgrcv or semop, ipcs run by
// system()), for milliseconds: a loaded machine may read that output only after their
// end, so they run again until one is caught mid-run. race, given a long count, waits for
// its workers for seconds: it is caught the first time. The others may end before their
// first output is read (shmget and ftok write only at their end, after their removal);
// each run still leaves nothing.
const WAITS = ['msg', 'sem', 'overview'];

async function untilCaught(name: string, exe: string, args: string[], act: 'close' | 'interrupt'): Promise<Ended> {
  for (let tries = 1; ; tries++) {
    const r = await runUntilOutput(exe, args, act);
    expect(leftBy(r.pid, r.text), `${name} run ${tries}`).toEqual([]);
    if (r.caught || !WAITS.includes(name) || tries === 5) {
      if ((act === 'interrupt' && name in LONG) || WAITS.includes(name)) expect(r.caught, `${name}: ended before its first output was read, ${tries} times`).toBe(true);
      return r;
    }
  }
}

/** A signal to the group, which may have ended. */
function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(group, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

describe.skipIf(!hasCc)('examples/c: nothing left on any way out', () => {
  it('the programs that make objects are found (msg, sem, race, the shm ones), and each includes cleanup.h or takes its signals itself', () => {
    expect(RUN).toEqual(expect.arrayContaining(['msg', 'sem', 'race', 'shmget', 'shmat', 'shmdt', 'shmctl', 'ftok', 'overview', 'inherit']));
    for (const name of MAKERS) {
      const text = source(name);
      if (PEERED.includes(name)) expect(text, name).toMatch(/SIGPIPE, SIG_IGN|rv_block_signals\(\)/);
      else expect(text, name).toContain('#include "cleanup.h"');
    }
  });

  it.each(RUN)('%s: its output closed after the first line (./prog | head -1), it runs on to remove what it made', async (name) => {
    const exe = build(name);
    const r = await untilCaught(name, exe, [], 'close');
    expect(r.signal, r.text).not.toBe('SIGPIPE');
    expect(r.left, 'files left in its TMPDIR').toEqual([]);
  });

  it.each(RUN)('%s: Ctrl-C while it runs (the whole group, as a terminal sends it): it removes what it made and ends by SIGINT', async (name) => {
    const r = await untilCaught(name, build(name), LONG[name] ?? [], 'interrupt');
    if (r.caught) expect(r.signal, r.text).toBe('SIGINT');
    expect(r.left, 'files left in its TMPDIR').toEqual([]);
  });
});
