// The one cleanup routine, shared by every way out of ipclab: signals, an uncaught
// error, the normal end, and the TUI's quit key (Ink reads Ctrl-C as a key, so the
// TUI calls cleanupNow itself before it exits).
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { attachedSegments, kill, shmctlRmid, shmdt } from './calls.js';
import { SIGCONT, SIGTERM } from './constants.js';
import { raw } from './libc.js';
import { childIpcKeys, createdHere, createdIpcHere, noteChild, noteRemoved, noteRemovedIpc, tempDirsHere } from './ownership.js';
import { readIpcRows, readShmRows } from './proc.js';
import { msgctlRmid } from './msg.js';
import { semctlRmid } from './sem.js';
import type { IpcKind } from './registry.js';
import { processStart, processStopped, startSecond } from './procstat.js';
import { closeJournal, registerRun } from './registry.js';
import { sameIpcObject, sameObject } from './tables.js';
import type { CallRecord } from './types.js';
import { EXIT, signalStatus } from '../exit-codes.js';
import { launchParent } from '../launch-parent.js';

const children = new Set<ChildProcess>();
const signalled = new WeakSet<ChildProcess>();
/** every child ever started here, with its start time: what a dead one created is ours to remove */
const spawned: Array<{ pid: number; start: number }> = [];

/** Ends this child (SIGTERM) on cleanup unless it has exited by then; its pid goes
 *  into this run's journal so `clean` can attribute what it creates. */
export function trackChild(child: ChildProcess): void {
  if (child.pid !== undefined) {
    const start = processStart(child.pid);
    if (start !== null) spawned.push({ pid: child.pid, start });
    noteChild(child.pid);
  }
  if (child.exitCode !== null || child.signalCode !== null) return;
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** SIGTERM for a child; a stopped one is continued too, or it would act on SIGTERM only
 *  when someone else continues it. */
export function endChild(pid: number): CallRecord[] {
  const calls = [kill(pid, SIGTERM)];
  if (processStopped(pid)) calls.push(kill(pid, SIGCONT));
  return calls;
}

/** Ends every tracked child still running (once each), stopped ones included. */
export function endChildren(): CallRecord[] {
  const calls: CallRecord[] = [];
  for (const child of children) {
    if (signalled.has(child) || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) continue;
    signalled.add(child);
    calls.push(...endChild(child.pid));
  }
  return calls;
}

const hooks = new Set<() => unknown>();

/** Runs `fn` once in cleanupNow, until the returned remover is called: for what a
 *  lesson made outside the kernel (a temp folder for ftok) that a signal must not leave. */
export function addCleanup(fn: () => unknown): () => void {
  hooks.add(fn);
  return () => hooks.delete(fn);
}

/** Segments whose creator was one of our children and is gone (a helper killed
 *  mid-lesson leaves its segment): the creator can no longer remove them. */
function orphanedByChildren(rows: ReturnType<typeof readShmRows>): number[] {
  const uid = process.getuid?.();
  return rows
    .filter((row) => row.cuid === uid && processStart(row.cpid) === null)
    .filter((row) => spawned.some((c) => c.pid === row.cpid && row.ctime >= startSecond(c.start)))
    .map((row) => row.shmid);
}

const RMID: Record<IpcKind, (id: number) => CallRecord> = { msg: msgctlRmid, sem: semctlRmid };

/** The ids of this run's queues (or sets) the kernel holds: those this process created
 *  (still the same objects) and those under a key it recorded for a child, made since
 *  (docs/ARCHITECTURE.md, "Message queues and semaphore sets"). A record whose object is
 *  gone, or whose id now names someone else's, is forgotten. */
export function runIpcIds(kind: IpcKind): number[] {
  const uid = process.geteuid?.();
  const rows = readIpcRows(kind);
  const ids: number[] = [];
  for (const record of createdIpcHere().filter((r) => r.kind === kind)) {
    const row = rows.find((r) => r.id === record.id);
    if (!row || !sameIpcObject(record, row)) noteRemovedIpc(kind, record.id);
    else ids.push(row.id);
  }
  for (const row of rows) {
    if (ids.includes(row.id) || row.cuid !== uid || row.key === 0) continue;
    if (childIpcKeys().some((k) => k.kind === kind && k.key === row.key && row.ctime >= k.since)) ids.push(row.id);
  }
  return ids;
}

/** Removes this run's queues and sets. */
function removeQueuesAndSets(): CallRecord[] {
  return (['msg', 'sem'] as const).flatMap((kind) => runIpcIds(kind).map((id) => RMID[kind](id)));
}

/** Detaches every attachment of this process, removes every segment it created that
 *  is still the same object and every segment a dead child of it left, its queues and
 *  semaphore sets, ends every
 *  tracked child still running, and removes its temp folders. Safe to call any number of times. */
export function cleanupNow(): CallRecord[] {
  // detaching first lets IPC_RMID free our segments at once instead of marking them
  const calls: CallRecord[] = attachedSegments().map((segment) => shmdt(segment));
  const rows = new Map(readShmRows().map((r) => [r.shmid, r]));
  for (const record of createdHere()) {
    const row = rows.get(record.shmid);
    // gone, or the id now names someone else's segment: nothing of ours to remove
    if (!row || !sameObject(record, row)) noteRemoved(record.shmid);
    else calls.push(shmctlRmid(record.shmid));
  }
  for (const shmid of orphanedByChildren([...rows.values()])) calls.push(shmctlRmid(shmid));
  calls.push(...removeQueuesAndSets());
  calls.push(...endChildren());
  for (const fn of [...hooks]) {
    hooks.delete(fn);
    try {
      // only the synchronous part can run on a way out; a rejection must not become an uncaught error
      const result = fn();
      if (result instanceof Promise) result.catch(() => undefined);
    } catch {
      // a hook that fails must not stop the others
    }
  }
  for (const dir of tempDirsHere()) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  return calls;
}

/** The signals that end ipclab: each cleans up, then ends the process by that same
 *  signal, so a shell sees 128+n. SIGQUIT is taken like SIGTERM (no core file). */
export const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;
export type EndingSignal = (typeof ENDING_SIGNALS)[number];

const RLIMIT_CORE = 4;
const PR_SET_PDEATHSIG = 1;

/** Dies of `name` with its default action; no JS runs after this. */
function dieBy(name: EndingSignal): never {
  // SIGQUIT's default action writes a core file: this is an ordinary way out, not a crash
  if (name === 'SIGQUIT') raw.setrlimit(RLIMIT_CORE, Buffer.alloc(16));
  process.removeAllListeners(name);
  process.kill(process.pid, name);
  // the default action ends the process as the kill returns; this is a fallback only
  process.exit(signalStatus(name));
}

/** The journal goes only when nothing of this run can still appear: no child left running. */
function finish(): void {
  const running = [...children].some((c) => c.pid !== undefined && processStart(c.pid) !== null);
  if (!running) closeJournal();
}

/** Ends the process at once with `code`, from its last 'exit' listener: Node's own
 *  teardown would first put every signal back to its default action, and for SIGUSR2 that
 *  is death, so a peer's late signal could turn a finished exit 0 into status 140. */
export function exitBeforeTeardown(code: number): never {
  return raw._exit(code);
}

const lastWords = new Set<(name: EndingSignal) => void>();

/** Runs `fn` on an ending signal after the cleanup, just before the process ends by that
 *  signal (the TUI gives the screen back there, except on a hang-up). */
export function beforeSignalEnd(fn: (name: EndingSignal) => void): void {
  lastWords.add(fn);
}

/** Cleans up, runs the last words and ends the process by `name`. */
function endBy(name: EndingSignal): never {
  cleanupNow();
  finish();
  for (const fn of lastWords) {
    try {
      fn(name);
    } catch {
      // the process is ending by the signal whatever a last word does
    }
  }
  return dieBy(name);
}

let installed = false;

/** Hooks cleanupNow into SIGINT, SIGTERM, SIGHUP and SIGQUIT (ending by that signal),
 *  an uncaught error (exit 1) and the normal exit; records the run before anything
 *  else; then watchParent. Calling it again changes nothing. */
export function installCleanup(): void {
  installHandlers();
  watchParent();
}

/** installCleanup less watchParent, which needs libc: the TUI draws its first frame
 *  between the two, before koffi loads (docs/ARCHITECTURE.md, "Running"). */
export function installHandlers(): void {
  if (installed) return;
  installed = true;
  registerRun();
  for (const name of ENDING_SIGNALS) process.on(name, () => endBy(name));
  process.on('uncaughtException', (err) => {
    process.stderr.write(`ipclab: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    cleanupNow();
    process.exit(EXIT.failed);
  });
  process.on('exit', () => {
    cleanupNow();
    finish();
  });
}

let watching = false;

/** A parent killed with -9 (timeout, npm, a test runner) would leave this run going on
 *  alone: the kernel sends SIGTERM instead (PR_SET_PDEATHSIG), and the run ends the clean
 *  way; a parent gone before that call has left the run orphaned already, and it ends
 *  now (docs/ARCHITECTURE.md, "Two ways out"). Once; after installHandlers. */
export function watchParent(): void {
  if (watching) return;
  watching = true;
  raw.prctl(PR_SET_PDEATHSIG, SIGTERM);
  const parent = launchParent();
  if (parent !== null && process.ppid !== parent) endBy('SIGTERM');
}
