// The Kernel pane's rows that are not the kernel's now: an object the last step made and
// removed within it (shmctl step 4's 0400 segment), shown once, dimmed, "+-", named in the
// legend; its one-line messages wrapped at every pane width, never cut inside a term; the
// note of left-out columns only under a table that left them out.
import { describe, expect, it } from 'vitest';
import { kernelLegendLines, kernelLines, ownerRoom, type KernelInput } from '../../src/app/components/kernel-view.js';
import { FLEETING_MARK, madeAndRemoved } from '../../src/app/components/marks.js';
import { layoutFor } from '../../src/app/layout.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { lineText, lineWidth } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import type { TraceEntry } from '../../src/lessons/types.js';
import type { SegmentRecord } from '../../src/native/types.js';

/** The Kernel pane's legend (kernelLegendLines, as the pane draws it) as one text: a width
 *  that holds it on one line. */
const legendText = (k: Parameters<typeof kernelLegendLines>[0]) => kernelLegendLines(k, 1000).map(lineText).join(' ');

const call = (pid: number, name: string, c: string, ret: number | string, errno: string | null = null): TraceEntry => ({ type: 'call', pid, call: name, c, ret, errno, message: null, at: 0 });
const seg: SegmentRecord = { key: '0x4300e046', shmid: 83623953, owner: 'root', perms: '640', size: 4096, nattch: 1, cpid: 6108, lpid: 6108, status: [], atime: 0, dtime: 0, ctime: 0, ours: true };
const before = { step: 3, segments: [seg], queues: [], semaphores: [], focus: seg.shmid, stat: null, decoded: null };
/** shmctl step 4 as its trace has it: made by ipclab, removed by a child */
const step: TraceEntry[] = [
  call(6108, 'shmget', 'shmget(IPC_PRIVATE, 4096, 0400)', 83623959),
  call(6423, 'shmat', 'shmat(83623959, NULL, 0)', '(void *) -1', 'EACCES'),
  call(6423, 'shmctl', 'shmctl(83623959, IPC_RMID, NULL)', 0),
];
/** The Kernel pane's room at 80x24 and 120x34 (the side or tabbed pane the layout gives it). */
const rooms = [[80, 24], [120, 34]].map(([w, h]) => {
  const l = layoutFor(w, h, 8);
  return l.mode === 'wide' ? textRoom(l.kernel.w) : l.mode === 'small' ? textRoom(w) : textRoom(l.tabs.w);
});

function input(lang: 'en' | 'zh', over: Partial<KernelInput> = {}, trace: TraceEntry[] = step): KernelInput {
  const now = { segments: [seg], queues: [], semaphores: [] };
  const fleeting = madeAndRemoved(trace, before, now, 'learner');
  return {
    ...now, focus: seg.shmid, stat: null, dump: null, decoded: null, processes: [], lang, s: strings(lang),
    marks: { owners: { lesson: new Set([seg.shmid, 83623959]), ipclab: new Set([seg.shmid]) }, before, mark: '*', ascii: false, fleeting },
    ...over,
  };
}

describe('Kernel pane: made and removed by the step', () => {
  it('finds what the step made and removed: key, id, owner; not what it made and kept, nor another\'s it opened', () => {
    const f = madeAndRemoved(step, before, { segments: [seg], queues: [], semaphores: [] }, 'learner');
    expect(f.shm.map((x) => [x.key, x.shmid, x.owner])).toEqual([['0x00000000', 83623959, 'learner']]);
    // kept: listed now, so a new row, not a made-and-removed one
    expect(madeAndRemoved(step.slice(0, 1), before, { segments: [seg], queues: [], semaphores: [] }, 'learner').shm).toEqual([]);
    // the IPC_RMID failed: not removed by the step
    expect(madeAndRemoved([step[0], call(1, 'shmctl', 'shmctl(83623959, IPC_RMID, NULL)', -1, 'EPERM')], before, { segments: [seg], queues: [], semaphores: [] }, 'x').shm).toEqual([]);
    // an IPC_SET on it in the step: the owner may be another, so not said
    expect(madeAndRemoved([step[0], call(1, 'shmctl', 'shmctl(83623959, IPC_SET, &ds)', 0), step[2]], before, { segments: [seg], queues: [], semaphores: [] }, 'x').shm[0].owner).toBe('');
    // queues and sets alike, a key in hex as the tables write it
    const q = madeAndRemoved([call(1, 'msgget', 'msgget(0x1d00beef, IPC_CREAT|0600)', 98305), call(1, 'msgctl', 'msgctl(98305, IPC_RMID, NULL)', 0), call(1, 'semget', 'semget(IPC_PRIVATE, 1, 0600)', 7), call(1, 'semctl', 'semctl(7, 0, IPC_RMID)', 0)], before, { segments: [], queues: [], semaphores: [] }, 'x');
    expect(q.msg.map((x) => [x.key, x.msqid])).toEqual([['0x1d00beef', 98305]]);
    expect(q.sem.map((x) => x.semid)).toEqual([7]);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`shows it once, dimmed, ${FLEETING_MARK} at the row's start (not after its id: "83623959+-" read as a figure), its identity only and the word removed, the legend naming the mark (${lang})`, () => {
      const k = input(lang);
      const row = kernelLines(k, 120, 60).find((l) => lineText(l).startsWith(`${FLEETING_MARK}`) && lineText(l).includes('83623959'));
      expect(row).toBeDefined();
      expect(row!.every((r) => r.tone === 'dim')).toBe(true);
      expect(lineText(row!).trim().split(/\s+/)).toEqual([FLEETING_MARK, '●', '0x00000000', '83623959', 'learner', k.s.markGone(null)]);
      expect(legendText(k)).toContain(`${FLEETING_MARK} ${k.s.markFleeting(4)}`);
      // the columns stay aligned: the mark's two cells fit the shmid column
      const texts = kernelLines(k, 120, 60).map(lineText);
      const head = texts.find((t) => t.includes('shmid'))!;
      expect(lineText(row!).indexOf('learner')).toBe(head.indexOf('owner'));
      // and its owner, wider than the listed rows' (root), stays in its column: "learner" ran
      // into perms' (fixR2), at the pane's widths at 80x24 and 120x34 too
      for (const room of [120, ...rooms]) {
        const laid = kernelLines(k, room, 60).map(lineText);
        const at = laid.find((t) => t.startsWith(FLEETING_MARK) && t.includes('83623959'))!;
        const top = laid.find((t) => t.includes('shmid'))!;
        const next = top.indexOf(' ', top.indexOf('owner') + 'owner'.length + 1) > 0 ? top.slice(top.indexOf('owner') + 'owner'.length).search(/\S/) + top.indexOf('owner') + 'owner'.length : top.length;
        expect(at.indexOf('learner') + 'learner'.length, `${room}:\n${laid.join('\n')}`).toBeLessThan(next);
      }
      // where the lesson names the owners its steps may give (Lesson.owners), the owner column is
      // that wide at the step before too: no column moves at the step (shmctl 4's "nobody"
      // widened owner by a cell for that step: issue 16)
      const owned = { ...k.marks, ownerCells: ownerRoom({ owners: () => ['learner'] }) };
      for (const room of [120, ...rooms]) {
        const heading = (kk: KernelInput) => kernelLines(kk, room, 60).map(lineText).find((t) => t.includes('shmid'))!;
        const without = heading(input(lang, { marks: { ...owned, before: { ...before, step: 2 }, fleeting: madeAndRemoved([], before, { segments: [seg], queues: [], semaphores: [] }, 'learner') } }));
        expect(heading({ ...k, marks: owned }), `${room}`).toBe(without);
        expect(without.indexOf('perms') - without.indexOf('owner'), `${room}`).toBeGreaterThanOrEqual('learner'.length + 1);
      }
      // without it in the step, no such row, no such legend part
      const plain = input(lang, {}, []);
      expect(kernelLines(plain, 120, 60).some((l) => lineText(l).includes(FLEETING_MARK))).toBe(false);
      expect(legendText(plain)).not.toContain(FLEETING_MARK);
    });

    it(`wraps its one-line messages at the pane's widths, never cut inside a term (${lang})`, () => {
      const s = strings(lang);
      const none: KernelInput = { segments: [], queues: [], semaphores: [], focus: null, stat: null, dump: null, decoded: null, processes: [], lang, s, marks: { owners: { lesson: new Set(), ipclab: new Set() }, before: null, mark: '*', ascii: false } };
      for (const room of rooms) {
        const lines = kernelLines(none, room, 60);
        for (const l of lines) expect(lineWidth(l), `${room}: ${lineText(l)}`).toBeLessThanOrEqual(room);
        // every character of the message is on screen (joined back, nothing cut)
        expect(lines.map(lineText).join('').replace(/\s+/g, '')).toBe(s.noObjects.replace(/\s+/g, ''));
        // a segment in focus no longer listed: the table's no-segment line, no columns note
        const gone = kernelLines({ ...none, focus: 5 }, room, 60).map(lineText);
        expect(gone.some((t) => t.startsWith(s.columnsHidden([]).slice(0, 5)))).toBe(false);
        expect(gone.some((t) => t.includes('shmid'))).toBe(false);
      }
      // the step removed the last segment: its row once more, the no-segment line, and no note of
      // columns left out under that empty list (parent-child 8/8, race 5/5 at 120x34)
      const seg = { key: '0x00000000', shmid: 111902731, owner: 'root', perms: '600', size: 4096, nattch: 0, cpid: 42, lpid: 43, status: [], atime: 1, dtime: 0, ctime: 1, ours: true };
      const before = { step: 4, segments: [seg], queues: [], semaphores: [], focus: null, stat: null, decoded: null };
      const removedOnly: KernelInput = { ...none, marks: { ...none.marks, owners: { lesson: new Set([seg.shmid]), ipclab: new Set() }, before } };
      const narrow = kernelLines(removedOnly, 40, 60).map(lineText);
      expect(narrow.some((t) => t.includes(String(seg.shmid))), narrow.join('\n')).toBe(true);
      expect(narrow.some((t) => t.startsWith(s.columnsHidden([]).slice(0, 5))), narrow.join('\n')).toBe(false);
      // a live row as narrow: the note is there
      const live = kernelLines({ ...removedOnly, segments: [{ ...seg, shmid: 5 }] }, 40, 60).map(lineText);
      expect(live.some((t) => t.startsWith(s.columnsHidden([]).slice(0, 5))), live.join('\n')).toBe(true);
    });
  }
});
