// Side by side (120x34) the status line after a run the Trace cuts names what brings it whole:
// z zooms the pane in focus, so the Tabs to the Trace come first, counted from the focus (issue 16
// pass 6: "Tab here, then z" with the Flow in focus; one Tab focused the Kernel and z zoomed it).
// From each focus, pressing what the line says zooms the Trace. Real store, lesson engine, kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS } from '../helpers/render.js';
import { stepsRun } from '../helpers/pane-setups.js';
import { LESSONS } from '../../src/lessons/index.js';
import { TABS } from '../../src/app/layout.js';
import { cells } from '../../src/app/text-fit.js';

const draw = appDrawer('trace-tabs-to', { lessons: LESSONS, lesson: 'overview', quiz: false });

/** the keys the status line names before its "shows it whole" / "看全部", as a list of key presses */
const SAYS = {
  en: /^ step 1(?:'s result)? is longer than the Trace \(\d+ rows\): ((?:Tab )*)(?:Tab, then )?z shows/,
  zh: /^ 第 1 步(?:的结果)?比“跟踪”窗格（\d+ 行）长：按(?: Tab 再按|(两|三)次 Tab 再按)? z 看/,
} as const;

function tabsSaid(lang: 'en' | 'zh', status: string): number | null {
  const m = SAYS[lang].exec(status);
  if (!m) return null;
  if (lang === 'en') return m[0].includes(', then z') ? m[1].split(' ').filter(Boolean).length + 1 : 0;
  return m[1] === '两' ? 2 : m[1] === '三' ? 3 : m[0].includes('Tab 再按') ? 1 : 0;
}

describe('side by side, the status line counts the Tabs to the Trace from the focus', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const from of TABS) {
      it(`120x34 ${lang}, focus on ${from}: the line's Tabs, then z, zoom the Trace`, async () => {
        const r = await draw({ width: 120, height: 34, lang });
        await stepsRun(r, 1);
        // the focus put on `from` by Tab, as a learner does (c and Esc aside)
        for (let i = 0; i < 4 && r.store.getState().tab !== from; i++) {
          const was = r.store.getState().tab;
          await r.press(KEYS.tab);
          await r.waitFor(() => r.store.getState().tab !== was, 'Tab: the next pane');
        }
        const want = (TABS.indexOf('trace') - TABS.indexOf(from) + TABS.length) % TABS.length;
        const f = await r.waitFor((f) => tabsSaid(lang, f.split('\n')[32] ?? '') !== null, `the hint on the status line, focus ${from}`);
        const status = f.split('\n')[32];
        for (const l of f.split('\n')) expect(cells(l), l).toBeLessThanOrEqual(120);
        expect(tabsSaid(lang, status), status).toBe(want);
        // doing what it says zooms the Trace, not another pane
        for (let i = 0; i < want; i++) {
          const was = r.store.getState().tab;
          await r.press(KEYS.tab);
          await r.waitFor(() => r.store.getState().tab !== was, 'Tab: the next pane');
        }
        await r.press('z');
        await r.waitFor(() => r.store.getState().zoomed, 'the zoom');
        expect(r.store.getState().tab).toBe('trace');
      });
    }
  }
});
