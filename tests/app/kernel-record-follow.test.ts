// After a step the Kernel pane brings the segment's record (IPC_STAT's fields) into view where
// the focused row above it only repeats its marked figures and the window cannot hold both:
// shmdt 2's notice names nattch, lpid and dtime, and dtime stood under "↓ 1 more" at 80x24;
// shmctl 3's ctime needed a ↓ at 120x34 zh (fix26e#1).
import { describe, expect, it } from 'vitest';
import { kernelFollow, kernelLines, stickyLines, type KernelInput } from '../../src/app/components/kernel-view.js';
import { strings } from '../../src/app/strings.js';
import { lineText, type Line } from '../../src/app/styled.js';
import type { Before } from '../../src/app/store/kernel.js';
import type { SegmentRecord, ShmidDs } from '../../src/native/types.js';

const ID = 100466744;
const seg = (nattch: number, perms: string): SegmentRecord => ({ key: '0x00000000', shmid: ID, owner: 'root', perms, size: 4096, nattch, cpid: 21545, lpid: 21545, status: [], atime: 1000, dtime: nattch ? 0 : 1009, ctime: 1000, ours: true });
const ds = (nattch: number, mode: number, ctime: number): ShmidDs => ({ key: 0, uid: 0, gid: 0, cuid: 0, cgid: 0, mode, seq: 1, size: 4096, nattch, cpid: 21545, lpid: 21545, atime: 1000, dtime: nattch ? 0 : 1009, ctime });
const marked = (l: Line) => l.some((r) => r.tone === 'changed');

/** The pane's lines after a step that changed `before` into `after`. */
function pane(lang: 'en' | 'zh', width: number, before: [SegmentRecord, ShmidDs], after: [SegmentRecord, ShmidDs]): Line[] {
  const was: Before = { step: 1, segments: [before[0]], queues: [], semaphores: [], focus: ID, stat: before[1], decoded: null };
  const k: KernelInput = {
    segments: [after[0]], queues: [], semaphores: [], focus: ID, stat: after[1], dump: null, decoded: null, processes: [], lang, s: strings(lang),
    marks: { owners: { lesson: new Set([ID]), ipclab: new Set() }, before: was, mark: '*', ascii: false },
  };
  return kernelLines(k, width, Infinity);
}

describe("the Kernel pane follows the record's marked fields", () => {
  const cases = {
    'shmdt 2 (nattch 1 -> 0, dtime set)': [[seg(1, '600'), ds(1, 0o600, 1000)], [seg(0, '600'), ds(0, 0o600, 1000)]],
    'shmctl 3 (mode 0600 -> 0640, ctime moved)': [[seg(1, '600'), ds(1, 0o600, 1000)], [seg(1, '640'), ds(1, 0o640, 1010)]],
  } as const;
  for (const [name, [before, after]] of Object.entries(cases)) {
    for (const lang of ['en', 'zh'] as const) {
      for (const width of [76, 116]) {
        it(`${name}, ${lang}, ${width} wide: every marked line of the record in view`, () => {
          const lines = pane(lang, width, before as never, after as never);
          const record = lines.findIndex((l) => /shmctl IPC_STAT/.test(lineText(l)));
          expect(record, lines.map(lineText).join('\n')).toBeGreaterThan(0);
          const want = lines.flatMap((l, i) => (i >= record && marked(l) ? [i] : []));
          expect(want.length).toBeGreaterThan(0);
          // windows from the record's marked lines' span up: all of them in view
          for (let rows = want.at(-1)! - want[0]! + 2; rows <= lines.length; rows++) {
            const top = kernelFollow(lines, rows);
            const shown = stickyLines(lines, top, rows).slice(top, top + rows);
            for (const i of want) expect(shown, `rows ${rows}, line ${i} at offset ${top}:\n${lines.map(lineText).join('\n')}`).toContain(lines[i]);
          }
        });
      }
    }
  }
});
