// The Flow's legend names a "?" (a result hidden until its step runs) and a dotted frame (lit
// by an earlier step) only while one is in the pane's view: "? shown later" under a
// drawing scrolled past its last "?" read as a question pending that was not (fix19b#2).
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { appDrawer, KEYS, paneRows, type Rendered, ran, tabTo } from '../helpers/render.js';

const draw = appDrawer('flow-legend', { lessons: LESSONS, quiz: false });

/** What the Flow pane shows: its legend row, and whether its drawing rows hold a "?" and a dotted frame. */
function flowPane(r: Rendered): { legend: string; question: boolean; dotted: boolean } {
  const [legend = '', ...drawing] = paneRows(r.lines(), 'Flow');
  return { legend, question: drawing.some((l) => l.includes('?')), dotted: drawing.some((l) => /[┄┆]/.test(l)) };
}

describe('the Flow legend names only what is in view', () => {
  for (const id of ['shmat', 'overview', 'shmctl']) {
    it(`${id}: every step at 80x24, en`, async () => {
      const lesson = LESSONS.find((l) => l.id === id)!;
      const r = await draw({ width: 80, height: 24, lesson: id, restart: true });
      const seen = { question: 0, dotted: 0 };
      const wrong: string[] = [];
      for (let k = 0; k <= lesson.steps.length; k++) {
        if (k > 0) {
          await r.press(KEYS.space);
          await ran(r, k);
          // the run showed the pane its result is in: the learner goes back to the Flow
          await tabTo(r, 'flow');
        }
        // the frame drawn after the run: the pane follows the lit part, then stays
        await r.waitFor((f) => f.includes('┌─ Flow') && flowPane(r).legend.includes('━━'), 'the flow drawn');
        const pane = flowPane(r);
        if (pane.legend.includes('shown later') !== pane.question) wrong.push(`after step ${k}: "?" ${pane.question ? 'in view, not named' : 'named, none in view'}: ${pane.legend}`);
        if (/┄┄ ([^:]+: )?in a step/.test(pane.legend) !== pane.dotted) wrong.push(`after step ${k}: dotted frame ${pane.dotted ? 'in view, not named' : 'named, none in view'}: ${pane.legend}`);
        if (pane.question) seen.question++;
        if (pane.dotted) seen.dotted++;
      }
      expect(wrong).toEqual([]);
      // the walk saw what it checks (shmat hides results, overview's kernel frame is dotted)
      if (id === 'shmat') expect(seen.question).toBeGreaterThan(0);
      if (id === 'overview') expect(seen.dotted).toBeGreaterThan(0);
    }, 60_000);
  }
});
