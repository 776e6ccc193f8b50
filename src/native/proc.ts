// Readers of the kernel's own tables: /proc/sysvipc/{shm,msg,sem}, the shm limits
// in /proc/sys/kernel.
import { readFileSync } from 'node:fs';

type Row = Record<string, number>;

/** The raw text of the three tables: compared by the screen to skip work while nothing changed. */
export function readSysvipcText(): string {
  return (['shm', 'msg', 'sem'] as const)
    .map((kind) => {
      try {
        return readFileSync(`/proc/sysvipc/${kind}`, 'utf8');
      } catch {
        return '';
      }
    })
    .join('');
}

/** The rows of a /proc/sysvipc table, keyed by its header names (all fields are integers). */
export function readSysvipc(kind: 'shm' | 'msg' | 'sem'): Row[] {
  let text: string;
  try {
    text = readFileSync(`/proc/sysvipc/${kind}`, 'utf8');
  } catch {
    return [];
  }
  const [header, ...lines] = text.split('\n');
  const names = header.trim().split(/\s+/);
  return lines
    .filter((l) => l.trim())
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      const row: Row = {};
      names.forEach((name, i) => {
        // perms is octal text; everything else decimal (rss/swap may pass 2^53: precision is not needed)
        row[name] = name === 'perms' ? parseInt(cells[i], 8) : Number(cells[i]);
      });
      return row;
    });
}

/** One shm row: the fields ipclab uses, with the key unsigned. */
export interface ShmRow {
  key: number;
  shmid: number;
  mode: number;
  size: number;
  cpid: number;
  lpid: number;
  nattch: number;
  uid: number;
  gid: number;
  cuid: number;
  cgid: number;
  atime: number;
  dtime: number;
  ctime: number;
}

export function readShmRows(): ShmRow[] {
  return readSysvipc('shm').map((r) => ({
    key: r.key >>> 0,
    shmid: r.shmid,
    mode: r.perms,
    size: r.size,
    cpid: r.cpid,
    lpid: r.lpid,
    nattch: r.nattch,
    uid: r.uid,
    gid: r.gid,
    cuid: r.cuid,
    cgid: r.cgid,
    atime: r.atime,
    dtime: r.dtime,
    ctime: r.ctime,
  }));
}

export function readShmRow(shmid: number): ShmRow | undefined {
  return readShmRows().find((r) => r.shmid === shmid);
}

/** A message queue's or semaphore set's row: what identity and cleanup need, the key unsigned. */
export interface IpcRow {
  id: number;
  key: number;
  mode: number;
  uid: number;
  cuid: number;
  ctime: number;
  /** a semop, msgsnd or msgrcv has been made on it (otime, stime or rtime set) */
  used: boolean;
}

export function readIpcRows(kind: 'msg' | 'sem'): IpcRow[] {
  return readSysvipc(kind).map((r) => ({
    id: kind === 'msg' ? r.msqid : r.semid,
    key: r.key >>> 0,
    mode: r.perms,
    uid: r.uid,
    cuid: r.cuid,
    ctime: r.ctime,
    used: kind === 'msg' ? r.stime > 0 || r.rtime > 0 : r.otime > 0,
  }));
}

function readLimit(name: string): number | bigint {
  const text = readFileSync(`/proc/sys/kernel/${name}`, 'utf8').trim();
  const big = BigInt(text);
  return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

/** The kernel's limits: largest segment (bytes), all shared memory (pages), number of segments. */
export function readShmLimits(): { shmmax: number | bigint; shmall: number | bigint; shmmni: number } {
  return { shmmax: readLimit('shmmax'), shmall: readLimit('shmall'), shmmni: Number(readLimit('shmmni')) };
}
