// What this process made: kept in memory (the source for cleanupNow) and in its
// journal (the source for `ipclab clean` after a SIGKILL).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { note, ownRun, registerRun, type IpcKind, type OwnedIpc, type OwnedRecord } from './registry.js';
import { readIpcRows, readShmRow } from './proc.js';
import { IPC_CREAT, IPC_EXCL, IPC_PRIVATE } from './constants.js';
import { processStart } from './procstat.js';

const created = new Map<number, OwnedRecord>();
const createdIpc = new Map<string, OwnedIpc>();
const childKeys: Array<{ key: number; since: number; kind: IpcKind }> = [];
const tempDirs = new Set<string>();

/** Called after a successful shmget that may have created a segment: records it
 *  when this process is its creator (cpid) and it is not recorded already. The run
 *  itself was recorded before the call, so a kill between the two still leaves a
 *  segment `clean` can attribute (by its creator pid). */
export function noteCreated(shmid: number): void {
  const row = readShmRow(shmid);
  if (!row || row.cpid !== process.pid) return;
  const known = created.get(shmid);
  if (known && row.ctime >= known.ctime && known.key === row.key) return;
  const run = ownRun();
  const record: OwnedRecord = { shmid, key: row.key, ctime: row.ctime, cpid: row.cpid, pid: run.pid, pidStart: run.start };
  created.set(shmid, record);
  note({ t: 'shm', shmid, key: row.key, ctime: row.ctime, cpid: row.cpid });
}

export function noteRemoved(shmid: number): void {
  if (!created.delete(shmid)) return;
  note({ t: 'gone', shmid });
}

/** The segments this process created and has not removed. */
export function createdHere(): OwnedRecord[] {
  return [...created.values()];
}

/** A second no later than the ctime the kernel gives an object made from now on (its
 *  seconds clock is coarse and may lag Date.now by a tick, hence the second taken off). */
function since(): number {
  return Math.floor(Date.now() / 1000) - 1;
}

/** Before a msgget/semget: the kernel records no creator pid for queues and sets, so the
 *  key of one that may be created is recorded first (a kill right after the call still
 *  leaves an object `clean` can attribute). Returns what to call with the id the call
 *  returned: it records the object when this call created it -- always for IPC_PRIVATE
 *  and IPC_EXCL, and for IPC_CREAT alone when no object had that key before the call.
 *  Key 0 names no one object, so before an IPC_PRIVATE call a `private` line says one is
 *  about to be made, with the highest id of that kind so far: left last in the journal by
 *  a kill, it lets `clean` find the new object, the first made after it. See
 *  docs/ARCHITECTURE.md ("Message queues and semaphore sets"). */
export function beforeGet(kind: IpcKind, key: number, flags: number): (id: number) => void {
  registerRun();
  const k = key >>> 0;
  if (k !== IPC_PRIVATE && !(flags & IPC_CREAT)) return () => undefined;
  const at = since();
  const existed = k !== IPC_PRIVATE && !(flags & IPC_EXCL) && readIpcRows(kind).some((r) => r.key === k);
  if (k !== IPC_PRIVATE) note({ t: 'key', kind, key: k, since: at });
  else note({ t: 'private', kind, since: at, after: Math.max(-1, ...readIpcRows(kind).map((r) => r.id)) });
  return (id) => {
    if (id < 0 || existed) return;
    const run = ownRun();
    const record: OwnedIpc = { kind, id, key: k, ctime: at, cuid: process.geteuid?.() ?? 0, pid: run.pid, pidStart: run.start };
    createdIpc.set(`${kind} ${id}`, record);
    note({ t: kind, id, key: k, ctime: at, cuid: record.cuid });
  };
}

/** After IPC_RMID (or when it is found gone): no longer ours to remove. */
export function noteRemovedIpc(kind: IpcKind, id: number): void {
  if (!createdIpc.delete(`${kind} ${id}`)) return;
  note({ t: 'gone', kind, id });
}

/** The queues and sets this process created and has not removed. */
export function createdIpcHere(): OwnedIpc[] {
  return [...createdIpc.values()];
}

/** Keys of queues and sets children of this process create (a C program of a lesson). */
export function childIpcKeys(): Array<{ key: number; since: number; kind: IpcKind }> {
  return [...childKeys];
}

/** A child this process started: its segments (by creator pid) are this run's too. */
export function noteChild(pid: number): void {
  const start = processStart(pid);
  if (start !== null) note({ t: 'child', pid, start });
}

/** A key a child is about to create a segment (or, with `kind`, a queue or set) under,
 *  recorded before it can. */
export function noteChildKey(key: number, kind?: IpcKind): void {
  const line = { key: key >>> 0, since: since() };
  if (kind) childKeys.push({ ...line, kind });
  note(kind ? { t: 'key', kind, ...line } : { t: 'key', ...line });
}

/** mkdtemp with the name recorded first: `clean` removes it should this run be killed.
 *  The suffix is hex: the path shows in the trace, and base64url's `_` and capitals could
 *  make it read as a code term ("xe96r_nn") that the glossary is checked for. */
export function makeTempDir(prefix: string, { exitRemoves = true }: { exitRemoves?: boolean } = {}): string {
  for (;;) {
    const dir = join(tmpdir(), `${prefix}${randomBytes(4).toString('hex')}`);
    note({ t: 'tmp', path: dir });
    try {
      mkdirSync(dir, { mode: 0o700 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    // not in the set this process's exit removes when its caller removes it itself (a test's
    // folders, removed when its file ends: tests/native/helpers.ts tempDir), so the cleanup
    // tests see only the folders they made
    if (exitRemoves) tempDirs.add(dir);
    return dir;
  }
}

/** The temp folders this process made (the lesson usually removes them first). */
export function tempDirsHere(): string[] {
  return [...tempDirs];
}
