// What the listings mark: whose a segment is (this lesson's, another of ipclab's,
// or someone else's: a shared machine lists them all alike), and which of the kernel
// pane's figures the last step changed. Colour shows the change; with NO_COLOR or
// --ascii a visible mark does, since colour is all there is to see otherwise.
import type { TraceEntry } from '../../lessons/types.js';
import type { SegmentRecord, ShmidDs } from '../../native/types.js';
import type { Before } from '../store/kernel.js';
import { asciiText } from '../text-fit.js';

export type Owner = 'lesson' | 'ipclab' | null;

/** The segments this lesson's run made or opened: what its shmget calls returned. */
export function lessonShmids(trace: readonly TraceEntry[]): Set<number> {
  const out = new Set<number>();
  for (const e of trace) if (e.type === 'call' && e.call === 'shmget' && typeof e.ret === 'number' && e.ret >= 0) out.add(e.ret);
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

/** The mark beside a changed figure: none with colour (the colour shows it), else '*'. */
export function changeMark(color: boolean, ascii: boolean): string | null {
  return color && !ascii ? null : '*';
}
