// What the listings mark: whose a segment is (this lesson's, another of ipclab's,
// or someone else's: a shared machine lists them all alike), and which of the kernel
// pane's figures the last step changed: a visible mark before each, in every mode
// (colour adds to it, but NO_COLOR and --ascii have none, and not every terminal underlines).
import type { Decoded, TraceEntry } from '../../lessons/types.js';
import type { QueueRecord, SegmentRecord, SemaphoreRecord, SemaphoreValue, ShmidDs } from '../../native/types.js';
import type { Before } from '../store/kernel.js';
import type { Dump } from '../store/deps.js';
import { asciiText } from '../text-fit.js';

export type Owner = 'lesson' | 'ipclab' | null;

/** The segments (queues, sets) this lesson's run made or opened: what its shmget (msgget, semget) calls returned. */
export function lessonShmids(trace: readonly TraceEntry[], call: 'shmget' | 'msgget' | 'semget' = 'shmget'): Set<number> {
  const out = new Set<number>();
  for (const e of trace) if (e.type === 'call' && e.call === call && typeof e.ret === 'number' && e.ret >= 0) out.add(e.ret);
  return out;
}

export interface Owners {
  lesson: ReadonlySet<number>;
  /** ipclab's own (recorded in its journals) */
  ipclab: ReadonlySet<number>;
}

/** Whose each object of every kind is: `ipcs -m`, `-q` and `-s` rows are marked alike. */
export interface ListingOwners {
  shm: Owners;
  msg: Owners;
  sem: Owners;
}

export const NO_OWNERS: Owners = { lesson: new Set(), ipclab: new Set() };

/** The owners of every kind from what the lesson's calls returned and what ipclab's journals hold. */
export function listingOwners(
  trace: readonly TraceEntry[],
  kernel: { segments: readonly { shmid: number; ours: boolean }[]; queues: readonly { msqid: number; ours: boolean }[]; semaphores: readonly { semid: number; ours: boolean }[] },
): ListingOwners {
  const ipclab = <T>(items: readonly T[], id: (x: T) => number, ours: (x: T) => boolean) => new Set(items.filter(ours).map(id));
  return {
    shm: { lesson: lessonShmids(trace), ipclab: ipclab(kernel.segments, (x) => x.shmid, (x) => x.ours) },
    msg: { lesson: lessonShmids(trace, 'msgget'), ipclab: ipclab(kernel.queues, (x) => x.msqid, (x) => x.ours) },
    sem: { lesson: lessonShmids(trace, 'semget'), ipclab: ipclab(kernel.semaphores, (x) => x.semid, (x) => x.ours) },
  };
}

export function ownerOf(shmid: number, owners: Owners): Owner {
  return owners.lesson.has(shmid) ? 'lesson' : owners.ipclab.has(shmid) ? 'ipclab' : null;
}

/** One cell before a row: ● this lesson's, ○ ipclab's, blank for anyone else's. */
export function ownerMark(owner: Owner, ascii: boolean): string {
  const mark = owner === 'lesson' ? '●' : owner === 'ipclab' ? '○' : ' ';
  return ascii ? asciiText(mark) : mark;
}

/** The fields of `now` that differ from `was`; for an object new since the step (`was`
 *  undefined) only `id`, the field naming its row: a new row carries one mark, not one per figure. */
export function changedFields<T extends object>(now: T, was: T | undefined, id: keyof T): Set<keyof T> {
  if (!was) return new Set([id]);
  return new Set((Object.keys(now) as (keyof T)[]).filter((k) => JSON.stringify(now[k]) !== JSON.stringify(was[k])));
}

/** The table columns of `seg` that differ from before the step; its shmid alone for a new segment. */
export function changedColumns(seg: SegmentRecord, before: Before | null): Set<keyof SegmentRecord> {
  if (!before) return new Set();
  return changedFields(seg, before.segments.find((b) => b.shmid === seg.shmid), 'shmid');
}

/** The columns of a queue that differ from before the step (used-bytes, messages, lspid, ...). */
export function changedQueue(q: QueueRecord, before: Before | null): Set<keyof QueueRecord> {
  if (!before) return new Set();
  return changedFields(q, before.queues.find((b) => b.msqid === q.msqid), 'msqid');
}

/** The columns of a semaphore set's row that differ from before the step. */
export function changedSet(set: SemaphoreRecord, before: Before | null): Set<keyof SemaphoreRecord> {
  if (!before) return new Set();
  const { sems: _sems, ...row } = set;
  const was = before.semaphores.find((b) => b.semid === set.semid);
  if (!was) return new Set(['semid']);
  const { sems: _was, ...wasRow } = was;
  return changedFields(row, wasRow, 'semid') as Set<keyof SemaphoreRecord>;
}

/** The figures of one semaphore (semval, semncnt, ...) that differ from before the step. */
export function changedSem(semid: number, sem: SemaphoreValue, before: Before | null): Set<keyof SemaphoreValue> {
  if (!before) return new Set();
  const set = before.semaphores.find((b) => b.semid === semid);
  return changedFields(sem, set ? (set.sems?.find((v) => v.semnum === sem.semnum) ?? undefined) : undefined, 'semnum');
}

/** The figures of an object that was there before the step that a read while it ran found
 *  changed and that are back to their value before by its end (`prefix`: Before.between's,
 *  'sem:5' or 'sem:5:0' for semaphore 0 of set 5): marked BACK_MARK, so a step whose P and
 *  undo took semval 1 to 0 and back shows that something happened. */
export function backFields<T extends object>(now: T, prefix: string, before: Before | null, changed: ReadonlySet<keyof T>): Set<keyof T> {
  if (!before?.between) return new Set();
  return new Set((Object.keys(now) as (keyof T)[]).filter((k) => !changed.has(k) && before.between!.has(`${prefix}:${String(k)}`)));
}

/** Whether the object `id` is new since the step: not among the `was` before it (a new row
 *  is marked as a whole, NEW_MARK at its start, not as changed figures). */
export function isNew<T>(before: Before | null, was: (b: Before) => readonly T[], same: (x: T) => boolean): boolean {
  return !!before && !was(before).some(same);
}

/** The fields of a decoded structure (serv-clnt's seq, ack, race's counter) whose value
 *  differs from before the step: against the values decoded before when the step decoded the
 *  same structure; else against the segment's bytes before the step, each field's bytes (up
 *  to the next field's offset; the last to the page's end), with `page` the bytes at 0 now;
 *  'new' for a segment the step made (its label marked, as a new row is); none when neither
 *  the bytes before nor now are at hand. */
export function changedDecoded(d: Decoded, before: Before | null, page: Dump | null = null): Set<string> | 'new' {
  if (!before) return new Set();
  const was = before.decoded;
  if (was && was.shmid === d.shmid && was.title === d.title) {
    return new Set(d.fields.filter((f) => was.fields.find((w) => w.name === f.name)?.value !== f.value).map((f) => f.name));
  }
  if (!before.segments.some((b) => b.shmid === d.shmid)) return 'new';
  const then = [before.dump, ...(before.pages ?? [])].find((p) => p && p.shmid === d.shmid && p.at === 0);
  if (!then || !page || page.shmid !== d.shmid || page.at !== 0) return new Set();
  const starts = [...new Set(d.fields.map((f) => f.offset))].sort((a, b) => a - b);
  const n = Math.min(page.bytes.length, then.bytes.length);
  const end = (offset: number) => Math.min(n, starts.find((o) => o > offset) ?? n);
  const differs = (from: number, to: number) => page.bytes.subarray(from, to).some((b, i) => b !== then.bytes[from + i]);
  return new Set(d.fields.filter((f) => differs(f.offset, end(f.offset))).map((f) => f.name));
}

/** The IPC_STAT fields of the segment in focus that the step changed, marked as its table
 *  row is: 'new' for a segment the step made (its row's one mark); else against IPC_STAT
 *  before the step, or, when the focus moved, through the row's changed columns (ipcs
 *  shows the same figures: perms and status are in mode, owner is uid). */
export function changedStat(focus: number | null, stat: ShmidDs | null, before: Before | null, segments: readonly SegmentRecord[]): Set<keyof ShmidDs> | 'new' {
  if (!before || !stat || focus === null) return new Set();
  if (before.stat && before.focus === focus) return new Set((Object.keys(stat) as (keyof ShmidDs)[]).filter((k) => stat[k] !== before.stat?.[k]));
  const seg = segments.find((x) => x.shmid === focus);
  if (!seg) return new Set();
  if (!before.segments.some((b) => b.shmid === focus)) return 'new';
  const out = new Set<keyof ShmidDs>();
  for (const col of changedColumns(seg, before)) {
    const field = STAT_OF_COLUMN[col];
    if (field) out.add(field);
  }
  return out;
}

/** The IPC_STAT field that holds each figure of an ipcs -m row. */
export const STAT_OF_COLUMN: Partial<Record<keyof SegmentRecord, keyof ShmidDs>> = {
  key: 'key', owner: 'uid', perms: 'mode', status: 'mode', size: 'size', nattch: 'nattch', cpid: 'cpid', lpid: 'lpid', atime: 'atime', dtime: 'dtime', ctime: 'ctime',
};

/** The rows of the dump (their first offsets, `perRow` bytes each) whose bytes differ from
 *  that page before the step, whoever wrote them: none when the step found no such page. */
export function changedDumpRows(dump: Dump, perRow: number, before: Before | null): Set<number> {
  const read = [before?.dump, ...(before?.pages ?? [])].find((p) => p && p.shmid === dump.shmid && p.at === dump.at);
  // a segment no process had mapped before the step (ipclab's own did not, so no page was
  // read: overview 4 wrote "hello" into a segment of atime 0, and its row stood unmarked) or
  // made by it holds the zeros shmget gave it: the bytes it wrote are marked
  const seg = before?.segments.find((x) => x.shmid === dump.shmid);
  const zeros = before && (!seg || seg.atime === 0) ? { bytes: new Uint8Array(dump.bytes.length) } : null;
  const was = read ?? zeros;
  const out = new Set<number>();
  if (!was) return out;
  for (let i = 0; i < dump.bytes.length; i += perRow) {
    const now = dump.bytes.subarray(i, i + perRow);
    const then = was.bytes.subarray(i, i + perRow);
    if (now.length !== then.length || now.some((b, k) => b !== then[k])) out.add(i);
  }
  return out;
}

/** The mark right after a changed figure, inside its column (the space before the next
 *  column stays), in every mode. */
export const CHANGE_MARK = '*';
/** The mark of an object new since the step, in the column before its row's owner mark
 *  (kernel-view's rowMark; or after the record's heading (shmctl IPC_STAT), a decoded structure's label): its row is new as a whole, in the changed
 *  tone; no figure of it carries CHANGE_MARK, which would say that figure alone changed. */
export const NEW_MARK = '+';
/** The mark right after a figure that the step changed and that came back to its value
 *  before it (a read while the step ran saw another), in place of CHANGE_MARK. */
export const BACK_MARK = '~';
/** The mark of a row the last step removed, at its start as NEW_MARK is: the row is shown once
 *  more, dimmed, its identity only (key, id, owner: kernel-view's Columns.identity), the
 *  figures it had before the step left blank (--ascii and NO_COLOR: '-'). */
export const GONE_MARK = '-';

/** The objects the kernel held before the step that it no longer lists: what the step
 *  removed, shown once after it. */
export function goneSince<T>(before: Before | null, was: (b: Before) => readonly T[], now: readonly T[], id: (x: T) => number): T[] {
  if (!before) return [];
  const ids = new Set(now.map(id));
  return was(before).filter((x) => !ids.has(id(x)));
}

/** The mark of an object the last step made and removed within it (shmctl's 0400 segment):
 *  the kernel never listed it between two polls, so it is shown once after the step, dimmed
 *  as a removed row is, its identity only, this mark at its start. */
export const FLEETING_MARK = '+-';

/** Objects the last step made and removed within it, each kind as its table's row holds it
 *  (identity only: key, id, owner; the other figures are never shown for them). */
export interface Fleeting {
  shm: SegmentRecord[];
  msg: QueueRecord[];
  sem: SemaphoreRecord[];
}
export const NO_FLEETING: Fleeting = { shm: [], msg: [], sem: [] };

type Kind = 'shm' | 'msg' | 'sem';
const GET = { shm: 'shmget', msg: 'msgget', sem: 'semget' } as const;
const CTL = { shm: 'shmctl', msg: 'msgctl', sem: 'semctl' } as const;

/** The key a get call was given, as the tables show keys ('0x00000000' for IPC_PRIVATE);
 *  '' when the call's text names no figure. */
function keyOf(c: string): string {
  const arg = /^\w+\(([^,]+),/.exec(c)?.[1]?.trim() ?? '';
  if (arg === 'IPC_PRIVATE') return '0x00000000';
  return /^0x[0-9a-f]+$/i.test(arg) ? `0x${(Number.parseInt(arg, 16) >>> 0).toString(16).padStart(8, '0')}` : '';
}

/** The objects the step's calls (`calls`: the trace from the step's start) made and removed:
 *  a get that returned an id the kernel did not hold before the step (`before`) and does not
 *  hold now, with a successful IPC_RMID of that id in the same step. Owner: as a read while
 *  the step ran last listed it (`before.made`: after the step's IPC_SET, nobody), else `me`
 *  (the user ipclab runs as, the creator's), or '' when the step's IPC_SET may have given it
 *  another that no read saw. */
export function madeAndRemoved(calls: readonly TraceEntry[], before: Before | null, now: { segments: readonly { shmid: number }[]; queues: readonly { msqid: number }[]; semaphores: readonly { semid: number }[] }, me: string): Fleeting {
  if (!before) return NO_FLEETING;
  const held = {
    shm: new Set([...before.segments.map((x) => x.shmid), ...now.segments.map((x) => x.shmid)]),
    msg: new Set([...before.queues.map((x) => x.msqid), ...now.queues.map((x) => x.msqid)]),
    sem: new Set([...before.semaphores.map((x) => x.semid), ...now.semaphores.map((x) => x.semid)]),
  };
  const ok = calls.filter((e): e is Extract<TraceEntry, { type: 'call' }> => e.type === 'call' && e.errno === null);
  const seenOwner = (kind: Kind, id: number): string | undefined => {
    const seen: readonly { owner: string; shmid?: number; msqid?: number; semid?: number }[] = before.made?.[kind] ?? [];
    return seen.find((x) => (kind === 'shm' ? x.shmid : kind === 'msg' ? x.msqid : x.semid) === id)?.owner;
  };
  const made = (kind: Kind) => {
    const out: { id: number; key: string; owner: string }[] = [];
    for (const e of ok) {
      if (e.call !== GET[kind] || typeof e.ret !== 'number' || e.ret < 0 || held[kind].has(e.ret) || out.some((o) => o.id === e.ret)) continue;
      const id = e.ret;
      const ctl = (cmd: string) => ok.some((x) => x.call === CTL[kind] && new RegExp(`^\\w+\\(${id}, (\\d+, )?${cmd}\\b`).test(x.c));
      if (!ctl('IPC_RMID')) continue;
      const owner = (ctl('IPC_SET') ? seenOwner(kind, id) : me) ?? '';
      out.push({ id, key: keyOf(e.c), owner });
    }
    return out;
  };
  const ipc = (o: { key: string; owner: string }) => ({ key: o.key, owner: o.owner, perms: '', uid: 0, gid: 0, cuid: 0, cgid: 0, ctime: 0, ours: true });
  return {
    shm: made('shm').map((o) => ({ key: o.key, shmid: o.id, owner: o.owner, perms: '', size: 0, nattch: 0, cpid: 0, lpid: 0, status: [], atime: 0, dtime: 0, ctime: 0, ours: true })),
    msg: made('msg').map((o) => ({ ...ipc(o), msqid: o.id, usedBytes: 0, messages: 0, lspid: 0, lrpid: 0, stime: 0, rtime: 0 })),
    sem: made('sem').map((o) => ({ ...ipc(o), semid: o.id, nsems: 0, otime: 0, sems: null, semsError: null })),
  };
}
