// The record under the segments' table speaks of the row in focus (▸): scrolled by ↓ and ↑, the pane
// never shows the record's label with that row out of view (parent-child 1 at 120x34 zh: one ↓ hid
// "●▸down" under the column names while "内核对共享内存段 … 的记录" below still described it: issue 16).
// Windows of every height from 4 rows, the offsets the scroll keys reach, drawn as KernelPane draws them.
import { describe, expect, it } from 'vitest';
import { isFocusedRow, isRecordLine, keepRowInView, kernelEnd, kernelLegendLines, kernelLines, kernelMax, kernelSnap, stickyLines, type KernelInput, type TableMarks } from '../../src/app/components/kernel-view.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import type { SegmentRecord, ShmidDs } from '../../src/native/types.js';

const seg = (shmid: number): SegmentRecord => ({ key: '0x00000000', shmid, owner: 'root', perms: '600', size: 4096, nattch: 0, cpid: 42, lpid: 0, status: [], atime: 0, dtime: 0, ctime: 1, ours: true });
const ds: ShmidDs = { key: 0, uid: 0, gid: 0, cuid: 0, cgid: 0, mode: 0o600, seq: 1, size: 4096, atime: 0, dtime: 0, ctime: 1_700_000_000, cpid: 42, lpid: 0, nattch: 0 };

describe('Kernel pane: the record’s label never in view without its row', () => {
  for (const lang of ['en', 'zh'] as const)
    it(`${lang}: every offset ↓ and ↑ reach, at every height`, () => {
      const s = strings(lang);
      const segments = [seg(1), seg(2), seg(3)];
      const marks: TableMarks = { owners: { lesson: new Set([1, 2]), ipclab: new Set([1, 2, 3]) }, before: null, mark: '*', ascii: false };
      const k: KernelInput = { segments, focus: 1, stat: ds, dump: null, decoded: null, processes: [{ pid: 42, role: { en: 'parent', zh: '父进程' }, attached: false, alive: true }], marks, lang, s };
      let checked = 0;
      for (let rows = 4; rows <= 14; rows++) {
        const lines = kernelEnd(kernelLines(k, 72, rows, kernelLegendLines(k, 72)), rows);
        const max = kernelMax(lines, rows);
        const drawn = (t: number) => keepRowInView(lines, stickyLines(lines, t, rows), t, rows).slice(t, t + rows);
        const stops = [0];
        while (stops.at(-1)! < max) stops.push(kernelSnap(lines, stops.at(-1)!, 1, max));
        for (const t of stops) {
          const view = drawn(t);
          const label = view.findIndex(isRecordLine);
          // (its label: the record's first line; where it is the window's first or second line, the
          // heading and the row have no room above it, and it stays: a limit, the row one ↑ away)
          if (label < 2 || view[label] !== lines[lines.findIndex(isRecordLine)]) continue;
          checked++;
          expect(view.some(isFocusedRow), `rows ${rows} offset ${t}:\n${view.map(lineText).join('\n')}`).toBe(true);
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
});
