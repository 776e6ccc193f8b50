// Scrolled by ↓ and ↑, the Kernel pane keeps a table's heading in view over its rows (a row of bare
// figures says nothing without its column names); a row that goes under the kept heading is counted
// there, "↑1" in the rows' mark column, beside the border's "↑ n more": one ↓ at shmget 3 slid the
// first segment under the heading and a newcomer took it for vanished (issue 16, s36a#1). Every
// offset the scroll keys reach, at every height, drawn as KernelPane draws it.
import { describe, expect, it } from 'vitest';
import { hiddenRowsMarked, keepRowInView, kernelEnd, kernelLegendLines, kernelLines, kernelMax, kernelSnap, rowHeading, stickyLines, type KernelInput, type TableMarks } from '../../src/app/components/kernel-view.js';
import { lineText, type Line } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import type { SegmentRecord, ShmidDs } from '../../src/native/types.js';

const seg = (shmid: number): SegmentRecord => ({ key: '0x00000000', shmid, owner: 'root', perms: '600', size: 4096, nattch: 0, cpid: 42, lpid: 0, status: [], atime: 0, dtime: 0, ctime: 1, ours: true });
const ds: ShmidDs = { key: 0, uid: 0, gid: 0, cuid: 0, cgid: 0, mode: 0o600, seq: 1, size: 4096, atime: 0, dtime: 0, ctime: 1_700_000_000, cpid: 42, lpid: 0, nattch: 0 };

describe('Kernel pane: a row under a kept heading is counted there', () => {
  for (const lang of ['en', 'zh'] as const)
    for (const focus of [1, 3] as const)
      it(`${lang}, the ${focus === 1 ? 'first' : 'last'} segment in focus: every offset ↓ and ↑ reach, at every height`, () => {
        const s = strings(lang);
        const marks: TableMarks = { owners: { lesson: new Set([1, 2, 3]), ipclab: new Set([1, 2, 3]) }, before: null, mark: '*', ascii: false };
        const processes = [40, 41, 42].map((pid) => ({ pid, role: { en: 'child', zh: '子进程' }, attached: true, alive: true }));
        const k: KernelInput = { segments: [seg(1), seg(2), seg(3)], focus, stat: ds, dump: null, decoded: null, processes, marks, lang, s };
        let counted = 0;
        for (let rows = 3; rows <= 14; rows++) {
          const lines = kernelEnd(kernelLines(k, 72, rows, kernelLegendLines(k, 72)), rows);
          const max = kernelMax(lines, rows);
          // the heading drawn at the window's top over a line of its own (kept), its count aside
          const keptAt = (view: readonly Line[], t: number, head: Line) => lines[t] !== head && lineText(view[0]!).replace(/^[↑^]\d+/, (m) => ' '.repeat(m.length)) === lineText(head);
          const drawn = (t: number) => hiddenRowsMarked(lines, keepRowInView(lines, stickyLines(lines, t, rows), t, rows), t, rows).slice(t, t + rows);
          const stops = [0];
          while (stops.at(-1)! < max) stops.push(kernelSnap(lines, stops.at(-1)!, 1, max));
          for (const t of stops) {
            const view = drawn(t);
            const text = view.map(lineText).join('\n');
            // each table's rows hidden above the window's end: none, or as many as its heading at the top says
            const heads = new Set(lines.map(rowHeading).filter((h): h is Line => h !== null));
            for (const head of heads) {
              const hidden = lines.filter((l, i) => i < t + rows && rowHeading(l) === head && !view.includes(l)).length;
              if (!keptAt(view, t, head)) continue;
              const first = lineText(view[0]!);
              // the heading is drawn over lines of its own at the top: its rows under it are counted
              expect(first.startsWith(hidden > 0 ? `↑${hidden} ` : ' '), `rows ${rows} offset ${t}: ${hidden} rows hidden\n${text}`).toBe(true);
              if (hidden > 0) counted++;
            }
            // a row not in view above the window's end is under a heading that counts it, or above the window with its heading
            for (const [i, l] of lines.entries()) {
              const head = rowHeading(l);
              if (!head || i >= t + rows || view.includes(l)) continue;
              const above = i < t && !view.includes(head);
              expect(keptAt(view, t, head) || above, `rows ${rows} offset ${t}: "${lineText(l)}" hidden, uncounted\n${text}`).toBe(true);
            }
          }
        }
        expect(counted).toBeGreaterThan(0);
      });
});
