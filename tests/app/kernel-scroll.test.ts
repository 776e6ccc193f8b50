// The Kernel pane moved line by line: every ↓ shows another window (fix16b#3: the first ↓
// showed what the top did, the heading pinned over the rows it had just shown), no row of a
// table is in view without its column names, and a heading leaves with its table's last row
// (parent-child 1 at 120x34 zh: the first ↓ kept the heading over "up", the second showed "up"
// alone: issue 16); ↑ comes back the same way.
import { describe, expect, it } from 'vitest';
import { kernelEnd, kernelMax, kernelSnap, processLines, rowHeading, segmentTableLines, stickyLines } from '../../src/app/components/kernel-view.js';
import { strings } from '../../src/app/strings.js';
import type { Line } from '../../src/app/styled.js';

const s = strings('en');
const text = (l: Line) => l.map((r) => r.text).join('');
const seg = (shmid: number) => ({ key: '0x00000000', shmid, owner: 'root', perms: '600', size: 4096, nattch: 2, cpid: 42, lpid: 43, status: [], atime: 1, dtime: 0, ctime: 1, ours: true });
const marks = { owners: { lesson: new Set<number>([1]), ipclab: new Set<number>() }, before: null, mark: '*', ascii: false };
const procs = processLines([{ pid: 9, role: { en: 'parent', zh: '父进程' }, attached: true, alive: true }, { pid: 10, role: { en: 'child', zh: '子进程' }, attached: true, alive: true }], 'en', s);

describe('the Kernel pane scrolled by ↓ and ↑', () => {
  for (const n of [1, 2, 5]) {
    // the pane's own layout: a table first (its heading the first line), the processes below
    const laid: Line[] = [...segmentTableLines([1, 2, 3, 4, 5].slice(0, n).map(seg), null, s, marks), [], ...procs];
    for (const rows of [3, 4, 6]) {
      it(`${n} segment rows, a window of ${rows}: each ↓ moves what is shown, no row without its heading`, () => {
        const lines = kernelEnd(laid, rows);
        const max = kernelMax(lines, rows);
        const shown = (t: number) => stickyLines(lines, t, rows).slice(t, t + rows);
        const view = (t: number) => shown(t).map(text).join('\n');
        const stops = [0];
        while (stops.at(-1)! < max) stops.push(kernelSnap(lines, stops.at(-1)!, 1, max));
        for (const [i, t] of stops.entries()) {
          if (i > 0) expect(view(t), `offset ${stops[i - 1]} -> ${t}`).not.toBe(view(stops[i - 1]!));
          // ↑ goes back where ↓ came from
          if (i > 0) expect(kernelSnap(lines, t, -1, max), `↑ from ${t}`).toBe(stops[i - 1]);
          // every row in view stands under its table's heading, in view above it
          const w = shown(t);
          for (const [at, l] of w.entries()) {
            const head = rowHeading(l);
            if (head) expect(w.slice(0, at), `offset ${t}: "${text(l)}" without its heading\n${view(t)}`).toContain(head);
          }
        }
        // every line in view at some offset; the last at the largest
        for (const l of laid.filter((x) => x.length > 0)) expect(stops.some((t) => view(t).split('\n').includes(text(l))), text(l)).toBe(true);
        expect(view(max).split('\n')).toContain(text(laid.at(-1)!));
      });
    }
  }
});
