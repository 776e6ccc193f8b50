// The Kernel pane's own sentences are wrapped whole, never cut by the pane with "…": on a
// lesson's first screen (nothing of ipclab in the kernel yet) and its last (every object
// removed: the rows the last step removed once more, the processes ended; or nothing at all,
// and in review the note on what the pane shows), at 80x24 and 120x34, zoomed or not, en and zh.
import { describe, expect, it } from 'vitest';
import { kernelLegendLines, kernelLines, type KernelInput, type TableMarks } from '../../src/app/components/kernel-view.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { layoutFor } from '../../src/app/layout.js';
import { lineText, lineWidth } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import type { Before } from '../../src/app/store/kernel.js';
import type { QueueRecord, SegmentRecord, SemaphoreRecord } from '../../src/native/types.js';
import type { Lang } from '../../src/lang.js';


const seg: SegmentRecord = { key: '0x00000000', shmid: 93552664, owner: 'root', perms: '600', size: 4096, nattch: 0, cpid: 3674, lpid: 4173, status: [], atime: 1, dtime: 1, ctime: 1, ours: true };
const queue: QueueRecord = { key: '0x1d00beef', msqid: 98304, owner: 'root', perms: '600', usedBytes: 0, messages: 0, lspid: 4242, lrpid: 4243, uid: 0, gid: 0, cuid: 0, cgid: 0, stime: 1, rtime: 1, ctime: 1, ours: true };
const set: SemaphoreRecord = { key: '0x1d00beee', semid: 32769, owner: 'root', perms: '600', nsems: 1, uid: 0, gid: 0, cuid: 0, cgid: 0, otime: 1, ctime: 1, ours: true, sems: [{ semnum: 0, semval: 1, sempid: 4242, semncnt: 0, semzcnt: 0 }], semsError: null };

/** The Kernel pane's inner width and rows at a size, as App lays it out (zoomed: the whole tabs area). */
function panes(width: number, height: number): { name: string; w: number; rows: number }[] {
  const out: { name: string; w: number; rows: number }[] = [];
  const zoomed = layoutFor(width, height, 8, undefined, true);
  if (zoomed.mode === 'tabs') out.push({ name: `${width}x${height} zoomed`, w: textRoom(zoomed.tabs.w), rows: zoomed.tabs.h - 2 });
  const plain = layoutFor(width, height, 12);
  if (plain.mode === 'tabs') out.push({ name: `${width}x${height}`, w: textRoom(plain.tabs.w), rows: plain.tabs.h - 2 });
  if (plain.mode === 'wide') out.push({ name: `${width}x${height}`, w: textRoom(plain.kernel.w), rows: plain.kernel.h - 2 });
  return out;
}

function screens(lang: Lang): { name: string; input: KernelInput }[] {
  const s = strings(lang);
  const none: TableMarks = { owners: { lesson: new Set(), ipclab: new Set() }, before: null, mark: '*', ascii: false };
  const before: Before = { step: 7, segments: [seg], queues: [queue], semaphores: [set], focus: seg.shmid, stat: null, decoded: null };
  const removed: TableMarks = { ...none, owners: { lesson: new Set([seg.shmid]), ipclab: new Set([seg.shmid]) }, lessonQueues: new Set([queue.msqid]), lessonSets: new Set([set.semid]), before };
  const base = { segments: [], queues: [], semaphores: [], focus: null, stat: null, dump: null, decoded: null, processes: [], lang, s };
  const ended = [
    { pid: 3674, role: { en: 'parent', zh: '父进程' }, attached: false, alive: true },
    { pid: 4173, role: { en: 'child', zh: '子进程' }, attached: false, alive: false },
  ];
  return [
    { name: 'first screen', input: { ...base, marks: none } },
    { name: 'last screen, the last step removed all', input: { ...base, marks: removed, processes: ended } },
    { name: 'last screen, nothing left', input: { ...base, marks: none, processes: ended } },
    { name: 'last screen in review', input: { ...base, marks: none, notes: [{ text: s.kernelNow(3, 8), tone: 'label' as const }] } },
  ];
}

describe('Kernel pane: its sentences whole', () => {
  it.each(['en', 'zh'] as const)('%s: no line of the first or last screen is wider than the pane (the pane would cut it with …)', (lang) => {
    const cut: string[] = [];
    let said = 0;
    for (const [w, h] of [[80, 24], [120, 34]] as const)
      for (const pane of panes(w, h))
        for (const { name, input } of screens(lang)) {
          const legend = kernelLegendLines(input, pane.w);
          const lines = kernelLines(input, pane.w, pane.rows, legend);
          for (const l of lines) if (lineWidth(l) > pane.w || lineText(l).endsWith('…')) cut.push(`${pane.name} ${name}: ${lineText(l)}`);
          // the empty pane's sentence is there, every word of it
          if (input.segments.length === 0 && !input.marks.before) {
            const text = lines.map(lineText).join(lang === 'zh' ? '' : ' ');
            expect(text.replace(/\s+/g, ' ')).toContain(strings(lang).noObjects);
            said++;
          }
        }
    expect(cut).toEqual([]);
    expect(said).toBeGreaterThanOrEqual(6);
  });
});
