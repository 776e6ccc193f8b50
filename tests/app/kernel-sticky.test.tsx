// The Kernel pane scrolled line by line (ink-testing-library): a table's heading kept in view
// is drawn above its rows, never over one -- every data row of every table is on screen at
// some offset (race step 4 zh: the segment's only row vanished under its heading; the
// semaphores' heading sat over the processes' and hid the semaphore's row). The legend in
// the title keeps its words at every offset; one the title has no room for is under the
// first table, never the pane's first row (fix19b#3).
import React from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { StoreContext } from '../../src/app/context.js';
import { realDeps } from '../../src/app/deps.js';
import { createAppStore } from '../../src/app/store.js';
import { KernelPane } from '../../src/app/components/KernelPane.js';
import { startLesson } from '../../src/lessons/engine.js';
import type { Before } from '../../src/app/store/kernel.js';
import type { SegmentRecord, SemaphoreRecord } from '../../src/native/types.js';

const ANSI = /\x1b\[[0-9;]*m/g;
const seg = (shmid: number, nattch: number): SegmentRecord => ({
  key: '0x00000000', shmid, owner: 'root', perms: '600', size: 4096, nattch, cpid: 14020, lpid: 14021, status: [], atime: 0, dtime: 0, ctime: 0, ours: true,
});
const set = (semval: number): SemaphoreRecord => ({
  key: '0x00000000', semid: 5, owner: 'root', perms: '600', nsems: 2, uid: 0, gid: 0, cuid: 0, cgid: 0, otime: 0, ctime: 0, ours: true, semsError: null,
  sems: [{ semnum: 0, semval, semncnt: 0, semzcnt: 0, sempid: 14020 }, { semnum: 1, semval: 7, semncnt: 0, semzcnt: 0, sempid: 14021 }],
});

// one kernel before the step for both languages: the pane's scroll anchor is its first run ('run 1')
const before: Before = { step: 5, segments: [seg(11, 1), seg(12, 1)], queues: [], semaphores: [set(1)], focus: null, stat: null, decoded: null };

describe('the Kernel pane scrolled line by line', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: every row of every table is in view at some offset; the legend's words never change`, async () => {
      const store = createAppStore(realDeps([], startLesson), { lang, ascii: false, color: false, present: false, quiz: false });
      store.setState({
        segments: [seg(11, 2), seg(12, 1)],
        semaphores: [set(0)],
        processes: [
          { pid: 14020, role: { en: 'parent', zh: '父进程' }, attached: true, alive: true },
          { pid: 14021, role: { en: 'child', zh: '子进程' }, attached: true, alive: true },
        ],
        trace: [{ type: 'call', call: 'shmget', args: [], ret: 11, step: 0 } as never],
        before,
      });
      const ui = render(
        <StoreContext.Provider value={store}>
          <KernelPane width={60} height={8} focused title="Kernel" />
        </StoreContext.Provider>,
      );
      const frame = () => (ui.lastFrame() ?? '').replace(ANSI, '');
      const anchor = 'run 1';
      const frames: string[] = [];
      // line by line until the window no longer moves (the largest offset reached); an offset
      // where a table's last row would stand alone is drawn as the one after it (kernelSnap)
      const above = (f: string) => Number(/↑ (?:还有 )?(\d+)/.exec(f.split('\n')[0] ?? '')?.[1] ?? 0);
      for (let offset = 0; offset < 40; offset++) {
        store.getState().follow('kernel', { anchor, offset });
        const deadline = Date.now() + 5000;
        let f = frame();
        while (offset > 0 && above(f) < offset && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 5));
          f = frame();
        }
        if (above(f) < offset) break;
        if (f !== frames.at(-1)) frames.push(f);
      }
      ui.unmount();
      expect(frames.length).toBeGreaterThan(3);
      // each table: its heading and its rows
      // (each row after the row marks' column, three cells wide while changes are marked)
      // (a heading kept over rows it hid counts them in the rows' mark column, "↑1": s36a#1)
      const tables = [
        { head: /^│(?:↑\d+)? +key +shmid /, rows: [/^│ {3}● 0x0+ +11\b/, /^│ {3}○ 0x0+ +12\b/] },
        { head: /^│(?:↑\d+)? +key +semid /, rows: [/^│ {3}○ 0x0+ +5\b/] },
        { head: /^│(?:↑\d+)? +semnum /, rows: [/^│ +0 +0\* /, /^│ +1 +7 /] },
        { head: /^│(?:↑\d+ |   )pid /, rows: [/^│ {3}14020 /, /^│ {3}14021 /] },
      ];
      // a heading first in view heads a row of its own table: it never stands over the next
      // table or a note, its only row hidden under it
      for (const f of frames) {
        const [, first, second] = f.split('\n');
        const t = tables.find((x) => x.head.test(first));
        if (t) expect(t.rows.some((r) => r.test(second)), `a heading over no row of its own:\n${f}`).toBe(true);
        // a row of its table above the one under it and not in view is counted on the heading
        const under = t ? t.rows.findIndex((r) => r.test(second)) : -1;
        const hidden = t ? t.rows.slice(0, Math.max(0, under)).filter((r) => !f.split('\n').some((l) => r.test(l))).length : 0;
        if (t && hidden > 0) expect(first, f).toMatch(new RegExp(`^│↑${hidden} `));
      }
      const rows = tables.flatMap((x) => x.rows);
      for (const row of rows) {
        const seen = frames.some((f) => f.split('\n').some((l) => row.test(l)));
        expect(seen, `${row} in no frame:\n${frames.join('\n\n')}`).toBe(true);
      }
      // the title (and the legend, in it or the first lines): the same words at every offset,
      // the scroll sign aside; '*' said while a '*' shows
      const title = (f: string) => f.split('\n')[0].replace(/[↑↓] .*$/, '').replace(/[─┌┐]+/g, ' ').trim();
      expect(new Set(frames.map(title)).size, frames.map((f) => f.split('\n')[0]).join('\n')).toBe(1);
      // (at 60 columns the legend is lines under the first table, in view as the pane scrolls)
      expect(frames.some((f) => (lang === 'en' ? /\* changed by step 6/ : /\* 第 6 步改变的/).test(f))).toBe(true);
    });
  }

  it('a legend the title has no room for goes under the first table: the pane opens with a heading, the legend in view below the rows it explains', () => {
    const store = createAppStore(realDeps([], startLesson), { lang: 'en', ascii: false, color: false, present: false, quiz: false });
    store.setState({ segments: [seg(11, 2), seg(12, 1)], semaphores: [set(0)], trace: [{ type: 'call', call: 'shmget', args: [], ret: 11, step: 0 } as never], before });
    const ui = render(
      <StoreContext.Provider value={store}>
        <KernelPane width={60} height={9} focused title="Kernel" />
      </StoreContext.Provider>,
    );
    const rows = (ui.lastFrame() ?? '').replace(ANSI, '').split('\n');
    ui.unmount();
    // the title has no room for it at 60 columns: it is in the pane's lines
    expect(rows[0]).not.toMatch(/changed by step 6/);
    const legend = rows.findIndex((l) => /\* changed by step 6/.test(l));
    const lastRow = rows.findIndex((l) => /^│ {3}○ 0x0+ +12\b/.test(l));
    expect(legend, rows.join('\n')).toBeGreaterThan(1);
    expect(rows[1], rows.join('\n')).toMatch(/Shared Memory Segments|key +shmid/);
    expect(legend, rows.join('\n')).toBeGreaterThan(lastRow);
    expect(lastRow).toBeGreaterThan(0);
  });
});
