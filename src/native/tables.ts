// The kernel's System V objects in the shapes of types.ts (what `ipcs` lists),
// with ipclab's own segments, queues and sets marked.
import { readShmRows, readSysvipc, type IpcRow } from './proc.js';
import { readOwned, readOwnedIpc, type IpcKind, type OwnedIpc, type OwnedRecord } from './registry.js';
import { semctlGetall, semctlGetncnt, semctlGetpid, semctlGetzcnt } from './sem.js';
import { formatKey } from './format.js';
import { SHM_DEST, SHM_LOCKED } from './constants.js';
import { userName } from './users.js';
import type { QueueRecord, SegmentRecord, SemaphoreRecord, SemaphoreValue } from './types.js';

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
export function sameIpcObject(record: { id: number; key: number; ctime: number; cuid: number }, now: Pick<IpcRow, 'id' | 'key' | 'cuid' | 'ctime'>): boolean {
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

/** The recorded queues and sets of every journal, by kind and id. */
function ownedIpc(): Map<string, OwnedIpc> {
  return new Map(readOwnedIpc().map((r) => [`${r.kind} ${r.id}`, r]));
}

function isOurs(owned: Map<string, OwnedIpc>, kind: IpcKind, row: Parameters<typeof sameIpcObject>[1]): boolean {
  const record = owned.get(`${kind} ${row.id}`);
  return record !== undefined && sameIpcObject(record, row);
}

/** Every message queue in the kernel, in msqid order, as ipcs -q lists it. */
export function readQueues(): QueueRecord[] {
  const owned = ownedIpc();
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
      uid: r.uid,
      gid: r.gid,
      cuid: r.cuid,
      cgid: r.cgid,
      stime: r.stime,
      rtime: r.rtime,
      ctime: r.ctime,
      ours: isOurs(owned, 'msg', { id: r.msqid, key: r.key >>> 0, cuid: r.cuid, ctime: r.ctime }),
    }));
}

/** Each semaphore of a set, read with semctl as ipcs -s -i does (GETALL, then GETPID,
 *  GETNCNT, GETZCNT per semaphore; none of them changes what ipcs shows). Reading needs
 *  read permission: without it, null and the errno. */
function readValues(semid: number): { sems: SemaphoreValue[] | null; semsError: string | null } {
  const all = semctlGetall(semid);
  if (!all.values) return { sems: null, semsError: all.call.errno };
  const sems = all.values.map((semval, semnum) => ({
    semnum,
    semval,
    sempid: Number(semctlGetpid(semid, semnum).ret),
    semncnt: Number(semctlGetncnt(semid, semnum).ret),
    semzcnt: Number(semctlGetzcnt(semid, semnum).ret),
  }));
  return { sems, semsError: null };
}

/** Every semaphore set in the kernel, in semid order; the semaphores themselves are read
 *  only for the sets `withValues` picks (all by default): each costs a few system calls. */
export function readSemaphores(withValues: (set: { semid: number; ours: boolean }) => boolean = () => true): SemaphoreRecord[] {
  const owned = ownedIpc();
  return readSysvipc('sem')
    .sort((a, b) => a.semid - b.semid)
    .map((r) => {
      const ours = isOurs(owned, 'sem', { id: r.semid, key: r.key >>> 0, cuid: r.cuid, ctime: r.ctime });
      const values = withValues({ semid: r.semid, ours }) ? readValues(r.semid) : { sems: null, semsError: null };
      return {
        key: formatKey(r.key),
        semid: r.semid,
        owner: userName(r.uid),
        perms: perms(r.perms),
        nsems: r.nsems,
        uid: r.uid,
        gid: r.gid,
        cuid: r.cuid,
        cgid: r.cgid,
        otime: r.otime,
        ctime: r.ctime,
        ours,
        ...values,
      };
    });
}
