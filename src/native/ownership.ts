// What this process made: kept in memory (the source for cleanupNow) and in its
// journal (the source for `ipclab clean` after a SIGKILL).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { note, ownRun, type OwnedRecord } from './registry.js';
import { readShmRow } from './proc.js';
import { processStart } from './procstat.js';

const created = new Map<number, OwnedRecord>();
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

/** A child this process started: its segments (by creator pid) are this run's too. */
export function noteChild(pid: number): void {
  const start = processStart(pid);
  if (start !== null) note({ t: 'child', pid, start });
}

/** A key a child is about to create a segment under, recorded before it can. */
export function noteChildKey(key: number): void {
  note({ t: 'key', key: key >>> 0, since: Math.floor(Date.now() / 1000) - 1 });
}

/** mkdtemp with the name recorded first: `clean` removes it should this run be killed. */
export function makeTempDir(prefix: string): string {
  for (;;) {
    const dir = join(tmpdir(), `${prefix}${randomBytes(6).toString('base64url')}`);
    note({ t: 'tmp', path: dir });
    try {
      mkdirSync(dir, { mode: 0o700 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    tempDirs.add(dir);
    return dir;
  }
}

/** The temp folders this process made (the lesson usually removes them first). */
export function tempDirsHere(): string[] {
  return [...tempDirs];
}
