// The ownership registry: $XDG_STATE_HOME/ipclab/owned.json lists every segment an
// ipclab process created, so a run killed with SIGKILL can be cleaned up later.
// Several ipclab processes update it at once: every change happens under flock on
// a lock file, re-reads the file, and replaces it by writing a temp file and renaming.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateDir } from '../paths.js';
import { raw } from './libc.js';

export interface OwnedRecord {
  shmid: number;
  /** the key at creation (unsigned); 0 for IPC_PRIVATE */
  key: number;
  /** shm_ctime: creation time, moved by IPC_SET (the record follows) */
  ctime: number;
  /** shm_cpid: the creating process */
  cpid: number;
  /** the ipclab process that recorded it, and that process's start time */
  pid: number;
  pidStart: number | null;
}

const LOCK_EX = 2;

export function ownedFile(): string {
  return join(stateDir(), 'owned.json');
}

function isRecord(value: unknown): value is OwnedRecord {
  const r = value as OwnedRecord;
  return typeof r === 'object' && r !== null && [r.shmid, r.key, r.ctime, r.cpid, r.pid].every(Number.isInteger);
}

function parse(text: string): OwnedRecord[] {
  const data = JSON.parse(text) as { records?: unknown };
  if (!Array.isArray(data.records)) throw new Error('no records array');
  return data.records.filter(isRecord);
}

/** The records as the file holds them now (no lock: a rename never shows half a file). */
export function readOwned(): OwnedRecord[] {
  let text: string;
  try {
    text = readFileSync(ownedFile(), 'utf8');
  } catch {
    return [];
  }
  try {
    return parse(text);
  } catch {
    return [];
  }
}

/** Runs `change` on the current records under the lock and writes what it returns. */
export function updateOwned(change: (records: OwnedRecord[]) => OwnedRecord[]): OwnedRecord[] {
  const dir = stateDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = ownedFile();
  const fd = openSync(join(dir, 'owned.lock'), 'a', 0o600);
  try {
    // blocks until no other ipclab process holds it; released by close (or death)
    if (raw.flock(fd, LOCK_EX).value !== 0) throw new Error(`cannot lock ${join(dir, 'owned.lock')}`);
    let records: OwnedRecord[] = [];
    let text: string | null = null;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // no file yet
    }
    if (text !== null) {
      try {
        records = parse(text);
      } catch {
        // keep the unreadable file for a human to look at; start a fresh list
        renameSync(file, `${file}.corrupt-${Date.now()}`);
      }
    }
    const next = change(records);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ version: 1, records: next }, null, 1)}\n`, { mode: 0o600 });
    renameSync(tmp, file);
    return next;
  } finally {
    closeSync(fd);
  }
}

/** Adds a record; an older record of the same shmid is dropped (that id now names this object). */
export function recordOwned(record: OwnedRecord): void {
  updateOwned((records) => [...records.filter((r) => r.shmid !== record.shmid), record]);
}

/** Drops the records of these shmids (whoever recorded them: the id is gone or replaced). */
export function forgetOwned(shmids: number[]): void {
  if (shmids.length === 0) return;
  const drop = new Set(shmids);
  updateOwned((records) => records.filter((r) => !drop.has(r.shmid)));
}

export function updateOwnedCtime(shmid: number, ctime: number): void {
  updateOwned((records) => records.map((r) => (r.shmid === shmid ? { ...r, ctime } : r)));
}

/** Drops exactly these records (same shmid, cpid and ctime); a newer record of a reused id stays. */
export function forgetRecords(gone: OwnedRecord[]): void {
  if (gone.length === 0) return;
  const match = (r: OwnedRecord) => gone.some((g) => g.shmid === r.shmid && g.cpid === r.cpid && g.ctime === r.ctime);
  updateOwned((records) => records.filter((r) => !match(r)));
}
