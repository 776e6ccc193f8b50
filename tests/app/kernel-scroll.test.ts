// The Kernel pane moved line by line: every offset shows another window (fix16b#3: the
// first ↓ showed what the top did, the heading pinned over the rows it had just shown), and
// no row of a table is first in view under another heading or none while rows follow it.
import { describe, expect, it } from 'vitest';
import { kernelMax, processLines, segmentTableLines, stickyLines } from '../../src/app/components/kernel-view.js';
import { strings } from '../../src/app/strings.js';
import type { Line } from '../../src/app/styled.js';

const s = strings('en');
const text = (l: Line) => l.map((r) => r.text).join('');
const seg = (shmid: number) => ({ key: '0x00000000', shmid, owner: 'root', perms: '600', size: 4096, nattch: 2, cpid: 42, lpid: 43, status: [], atime: 1, dtime: 0, ctime: 1, ours: true });
const marks = { owners: { lesson: new Set<number>([1]), ipclab: new Set<number>() }, before: null, mark: '*', ascii: false };
const procs = processLines([{ pid: 9, role: { en: 'parent', zh: '父进程' }, attached: true, alive: true }, { pid: 10, role: { en: 'child', zh: '子进程' }, attached: true, alive: true }], 'en', s);

describe('the Kernel pane scrolled by ↓', () => {
  for (const n of [1, 2, 5]) {
    // the pane's own layout: a table first (its heading the first line), the processes below
    const lines: Line[] = [...segmentTableLines([1, 2, 3, 4, 5].slice(0, n).map(seg), null, s, marks), [], ...procs];
    for (const rows of [3, 4, 6]) {
      it(`${n} segment rows, a window of ${rows}: each ↓ moves what is shown`, () => {
        const view = (t: number) => stickyLines(lines, t, rows).slice(t, t + rows).map(text).join('\n');
        const max = kernelMax(lines, rows);
        for (let t = 0; t < max; t++) expect(view(t + 1), `offset ${t} -> ${t + 1}`).not.toBe(view(t));
        // every line in view at some offset; the last at the largest
        for (const l of lines.filter((x) => x.length > 0)) {
          expect(Array.from({ length: max + 1 }, (_, t) => view(t)).some((v) => v.split('\n').includes(text(l))), text(l)).toBe(true);
        }
        expect(view(max).split('\n')).toContain(text(lines.at(-1)!));
      });
    }
  }
});
