// The kernel's System V objects in the shapes of types.ts (what `ipcs` lists),
// with ipclab's own segments marked.
import { readShmRows, readSysvipc, type IpcRow } from './proc.js';
import { readOwned, type OwnedRecord } from './registry.js';
import { formatKey } from './format.js';
import { SHM_DEST, SHM_LOCKED } from './constants.js';
import { userName } from './users.js';
import type { QueueRecord, SegmentRecord, SemaphoreRecord } from './types.js';

/** True when a recorded segment is still the object the record names: same id and
 *  creator, and a ctime no earlier than at creation (IPC_SET only moves it forward, so
 *  the identity survives every change a lesson makes). IPC_RMID while attached sets
 *  the key to 0 (IPC_PRIVATE), so a marked segment matches whatever its key. */
export function sameObject(record: OwnedRecord, now: { key: number; cpid: number; ctime: number; mode: number }): boolean {
  const keyOk = now.key === record.key || (now.mode & SHM_DEST) !== 0;
  return keyOk && now.cpid === record.cpid && now.ctime >= record.ctime;
}

/** True when a recorded queue or set is still the object the record names: same id, key
 *  and creator uid, and a ctime no earlier than the second taken before its creation
 *  (IPC_SET, SETVAL and SETALL only move it forward; IPC_RMID removes at once, so the key
 *  never turns 0 under a live object). The kernel keeps no creator pid for these. */
export function sameIpcObject(record: { id: number; key: number; ctime: number; cuid: number }, now: IpcRow): boolean {
  return now.id === record.id && now.key === record.key && now.cuid === record.cuid && now.ctime >= record.ctime;
}

function perms(mode: number): string {
  return (mode & 0o777).toString(8).padStart(3, '0');
}

/** Every shared memory segment in the kernel, in shmid order; `ours` when ipclab created it. */
export function readSegments(): SegmentRecord[] {
  const owned = new Map(readOwned().map((r) => [r.shmid, r]));
  return readShmRows()
    .sort((a, b) => a.shmid - b.shmid)
    .map((row) => {
      const record = owned.get(row.shmid);
      const status: string[] = [];
      if (row.mode & SHM_DEST) status.push('dest');
      if (row.mode & SHM_LOCKED) status.push('locked');
      return {
        key: formatKey(row.key),
        shmid: row.shmid,
        owner: userName(row.uid),
        perms: perms(row.mode),
        size: row.size,
        nattch: row.nattch,
        cpid: row.cpid,
        lpid: row.lpid,
        status,
        atime: row.atime,
        dtime: row.dtime,
        ctime: row.ctime,
        ours: record !== undefined && sameObject(record, row),
      };
    });
}

export function readQueues(): QueueRecord[] {
  return readSysvipc('msg')
    .sort((a, b) => a.msqid - b.msqid)
    .map((r) => ({
      key: formatKey(r.key),
      msqid: r.msqid,
      owner: userName(r.uid),
      perms: perms(r.perms),
      usedBytes: r.cbytes,
      messages: r.qnum,
      lspid: r.lspid,
      lrpid: r.lrpid,
      ctime: r.ctime,
    }));
}

export function readSemaphores(): SemaphoreRecord[] {
  return readSysvipc('sem')
    .sort((a, b) => a.semid - b.semid)
    .map((r) => ({
      key: formatKey(r.key),
      semid: r.semid,
      owner: userName(r.uid),
      perms: perms(r.perms),
      nsems: r.nsems,
      otime: r.otime,
      ctime: r.ctime,
    }));
}
