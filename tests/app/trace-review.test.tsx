// The Trace pane in review (newcomers: ← to an earlier step left the Trace at its end):
// it shows the reviewed step as after its run (from its heading, the window going down as far as
// what its notice points at, its traceFocus, needs), the end again back at the step to run, and
// the learner can scroll it all the while. The real store, engine and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, paneRows, ran, type Rendered, tabTo } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';

const draw = appDrawer('trace-review', { lessons: LESSONS, lesson: 'shmctl', quiz: false });


describe('the Trace in review', () => {
  for (const [width, height, lang, title] of [[120, 34, 'zh', '跟踪'], [80, 24, 'en', 'Trace']] as const) {
    it(`${width}x${height} ${lang}: ← shows the reviewed step's focus (its part whole where it fits), → back to the end; ↑ still scrolls it`, async () => {
      const r = await draw({ width, height, lang });
      for (let k = 1; k <= 3; k++) {
        await r.press(KEYS.space);
        await ran(r, k);
      }
      // Tab Tab: the Trace shown (a tab at 80x24) or in focus (side by side), so ↑↓ move it
      await tabTo(r, 'trace');
      const rows = () => paneRows(r.lines(), title);
      const step = (n: number) => new RegExp(lang === 'en' ? `^│?── step ${n}: ` : `^│?── 步骤 ${n}：`);
      const end = await r.waitFor(() => rows().length > 0 && !step(1).test(rows()[0]), 'the trace at its end');
      const last = paneRows(end.split('\n'), title).at(-1);
      await r.press(KEYS.left, KEYS.left);
      // step 2's notice points at ipcs -m -i and IPC_STAT's call and the fields it read, down to
      // shm_atime: all of them where the pane holds them, else from the ipcs command (fixR1)
      const shows = (text: string) => rows().some((row) => row.includes(text));
      await r.waitFor(() => r.store.getState().view === 1 && (rows()[0]?.includes('$ ipcs -m -i') || (shows('$ ipcs -m -i') && shows('IPC_STAT, &ds') && shows('shm_atime'))), 'step 2 reviewed: its ipcs and IPC_STAT lines in the Trace');
      // step 1 declares none: from its heading, its first call under it; where only the heading
      // does not fit, its lines under it whole, the border naming the step (nothing drawn over a line)
      await r.press(KEYS.left);
      const border = () => r.lines().find((l) => l.startsWith(`┌─ ${title}`)) ?? '';
      const named = () => step(1).test(rows()[0] ?? '') || (border().includes(`${title} · ${lang === 'en' ? 'step' : '步骤'} 1 `) && rows()[0]?.includes('mkdir('));
      const first = await r.waitFor(() => r.store.getState().view === 0 && named() && shows('open('), 'step 1 reviewed: from its heading');
      // the learner can still scroll it
      await r.press(KEYS.down);
      await r.waitFor(() => paneRows(r.lines(), title).join('\n') !== paneRows(first.split('\n'), title).join('\n'), '↓ scrolls the reviewed trace');
      await r.press(KEYS.right, KEYS.right, KEYS.right);
      await r.waitFor(() => r.store.getState().view === 3 && rows().at(-1) === last, 'back at the step to run: the trace at its end again');
    });
  }
});
