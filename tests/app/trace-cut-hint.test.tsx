// A step's result taller than the Trace's window (overview 1's ipcs output, 18 lines under a
// 6-row Trace at 80x24): the status line says how long it is, how much the Trace shows and that
// z shows it whole, until z was used once (issue 16 item 11: newcomers pressed ↓ 13 times, the
// border's "z: whole" unread). Real store, lesson engine and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, paneRows, ran } from '../helpers/render.js';
import { stepsRun } from '../helpers/pane-setups.js';
import { LESSONS } from '../../src/lessons/index.js';
import { cells } from '../../src/app/text-fit.js';

const draw = appDrawer('trace-cut-hint', { lessons: LESSONS, lesson: 'overview', quiz: false });

const HINT = {
  en: /^ step 1(?:'s result)? is longer than the Trace \((\d+) rows\): z shows it whole/,
  zh: /^ 第 1 步(?:的结果)?比“跟踪”窗格（(\d+) 行）长：按 z 看全部/,
} as const;

describe('a step’s result the Trace cuts: the status line names z', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`80x24 ${lang}: after overview step 1 the status line says the result's length and z; z shows it whole; then the line is not said again`, async () => {
      const r = await draw({ width: 80, height: 24, lang });
      await stepsRun(r, 1);
      const f = await r.waitFor((f) => r.store.getState().tab === 'trace' && HINT[lang].test(f.split('\n')[22] ?? ''), 'the hint on the status line');
      const lines = r.lines();
      for (const l of lines) expect(cells(l), l).toBeLessThanOrEqual(80);
      const [, shown] = HINT[lang].exec(lines[22])!;
      const trace = paneRows(lines, lang === 'en' ? 'Trace' : '跟踪');
      // the number is the pane's: as many rows as the Trace shows (no second count beside the
      // border's "↓ 16 more": "the result is 7 lines" read as a contradiction of it)
      expect(Number(shown)).toBe(trace.length);
      // the key bar keeps its keys (tests/app/bar-holds-still): the hint is the status line's
      expect(lines[23]).toMatch(lang === 'en' ? /z zoom/ : /z /);
      expect(f).toContain('ipcs');

      // z: the ipcs output whole, every row of it in view
      await r.press('z');
      await r.waitFor(() => r.store.getState().zoomed, 'the zoom');
      const zoomed = await r.waitFor((f) => !f.includes('┌─ ' + (lang === 'en' ? 'Lesson' : '课程')) && f.includes('┌─ ' + (lang === 'en' ? 'Trace' : '跟踪')), 'the zoomed trace');
      const rows = paneRows(zoomed.split('\n'), lang === 'en' ? 'Trace' : '跟踪');
      expect(rows.length).toBeGreaterThan(Number(shown));
      // the result whole: its command and heading in view, no border saying it goes on
      expect(rows.join('\n')).toMatch(/\$ ipcs -m[\s\S]*Shared Memory Segments/);
      expect(zoomed).not.toMatch(/result goes on|结果向[上下]延续/);
      expect(zoomed.split('\n')[22]).not.toMatch(HINT[lang]);

      // back, and step 2 run: z was used once, so the line is not said again
      await r.press('z');
      await r.waitFor(() => !r.store.getState().zoomed, 'the zoom ended');
      // (a Space may bring the rest of step 1's notice first: longer where the machine holds
      // others' objects; ran presses on as a learner would)
      await r.press(KEYS.space);
      await ran(r, 2);
      expect(r.lines()[22]).not.toMatch(/z shows (?:it whole|more)|按 z 看/);
    });
  }
});
