// What the listings mark: whose a segment is (this lesson's, another of ipclab's,
// or someone else's: a shared machine lists them all alike), and which of the kernel
// pane's figures the last step changed: a visible mark before each, in every mode
// (colour adds to it, but NO_COLOR and --ascii have none, and not every terminal underlines).
import type { TraceEntry } from '../../lessons/types.js';
import type { SegmentRecord, ShmidDs } from '../../native/types.js';
import type { Before } from '../store/kernel.js';
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

export function ownerOf(shmid: number, owners: Owners): Owner {
  return owners.lesson.has(shmid) ? 'lesson' : owners.ipclab.has(shmid) ? 'ipclab' : null;
}

/** One cell before a row: ● this lesson's, ○ ipclab's, blank for anyone else's. */
export function ownerMark(owner: Owner, ascii: boolean): string {
  const mark = owner === 'lesson' ? '●' : owner === 'ipclab' ? '○' : ' ';
  return ascii ? asciiText(mark) : mark;
}

/** The table columns of `seg` that differ from before the step; every one for a new segment. */
export function changedColumns(seg: SegmentRecord, before: Before | null): Set<keyof SegmentRecord> {
  if (!before) return new Set();
  const was = before.segments.find((b) => b.shmid === seg.shmid);
  const keys = Object.keys(seg) as (keyof SegmentRecord)[];
  if (!was) return new Set(keys);
  return new Set(keys.filter((k) => JSON.stringify(seg[k]) !== JSON.stringify(was[k])));
}

/** The IPC_STAT fields of the segment in focus that differ from before the step (none when the focus moved). */
export function changedStat(focus: number | null, stat: ShmidDs | null, before: Before | null): Set<keyof ShmidDs> {
  if (!before || !stat || !before.stat || before.focus !== focus) return new Set();
  return new Set((Object.keys(stat) as (keyof ShmidDs)[]).filter((k) => stat[k] !== before.stat?.[k]));
}

/** The mark in place of the space before a changed figure, in every mode. */
export const CHANGE_MARK = '*';
