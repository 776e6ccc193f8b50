// What this process created: kept in memory (the source for cleanupNow) and in the
// shared registry (the source for `ipclab clean` after a SIGKILL).
import { forgetOwned, recordOwned, updateOwnedCtime, type OwnedRecord } from './registry.js';
import { readShmRow } from './proc.js';
import { processStart } from './procstat.js';

const created = new Map<number, OwnedRecord>();
let warned = false;
let ownStart: number | null | undefined;

// The registry is a safety net: when the state folder cannot be written, ipclab
// still cleans up on its own exit, so say it once and carry on.
function guarded(what: () => void): void {
  try {
    what();
  } catch (err) {
    if (!warned) process.stderr.write(`ipclab: cannot update the ownership file: ${(err as Error).message}\n`);
    warned = true;
  }
}

/** Called after a successful shmget that may have created a segment: records it
 *  when this process is its creator (cpid) and it is not recorded already. */
export function noteCreated(shmid: number): void {
  const row = readShmRow(shmid);
  if (!row || row.cpid !== process.pid) return;
  const known = created.get(shmid);
  if (known && known.ctime === row.ctime) return;
  const record: OwnedRecord = { shmid, key: row.key, ctime: row.ctime, cpid: row.cpid, pid: process.pid, pidStart: (ownStart ??= processStart(process.pid)) };
  created.set(shmid, record);
  guarded(() => recordOwned(record));
}

export function noteRemoved(shmid: number): void {
  if (!created.delete(shmid)) return;
  guarded(() => forgetOwned([shmid]));
}

export function noteCtime(shmid: number, ctime: number): void {
  const record = created.get(shmid);
  if (!record || record.ctime === ctime) return;
  record.ctime = ctime;
  guarded(() => updateOwnedCtime(shmid, ctime));
}

/** The segments this process created and has not removed. */
export function createdHere(): OwnedRecord[] {
  return [...created.values()];
}
