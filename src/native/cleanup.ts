// The one cleanup routine, shared by every way out of ipclab: signals, an uncaught
// error, the normal end, and the TUI's quit key (Ink reads Ctrl-C as a key, so the
// TUI calls cleanupNow itself before it exits).
import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { attachedSegments, kill, shmctlRmid, shmdt } from './calls.js';
import { SIGTERM } from './constants.js';
import { createdHere, noteRemoved } from './ownership.js';
import { readShmRows } from './proc.js';
import { sameObject } from './tables.js';
import type { CallRecord } from './types.js';

const children = new Set<ChildProcess>();
const signalled = new WeakSet<ChildProcess>();

/** Ends this child (SIGTERM) on cleanup unless it has exited by then. */
export function trackChild(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  children.add(child);
  child.once('exit', () => children.delete(child));
}

const hooks = new Set<() => unknown>();

/** Runs `fn` once in cleanupNow, until the returned remover is called: for what a
 *  lesson made outside the kernel (a temp folder for ftok) that a signal must not leave. */
export function addCleanup(fn: () => unknown): () => void {
  hooks.add(fn);
  return () => hooks.delete(fn);
}

/** Detaches every attachment of this process, removes every segment it created that
 *  is still the same object, and sends SIGTERM to every tracked child still running.
 *  Safe to call any number of times. */
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
  for (const child of children) {
    if (signalled.has(child) || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) continue;
    signalled.add(child);
    calls.push(kill(child.pid, SIGTERM));
  }
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
  return calls;
}

let installed = false;

/** Hooks cleanupNow into SIGINT, SIGTERM, SIGHUP (exit 128+signal), an uncaught
 *  error (exit 1) and the normal exit. Calling it again changes nothing. */
export function installCleanup(): void {
  if (installed) return;
  installed = true;
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(name, () => {
      cleanupNow();
      process.exit(128 + constants.signals[name]);
    });
  }
  process.on('uncaughtException', (err) => {
    process.stderr.write(`ipclab: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    cleanupNow();
    process.exit(1);
  });
  process.on('exit', () => {
    cleanupNow();
  });
}
