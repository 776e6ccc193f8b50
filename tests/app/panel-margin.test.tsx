// One rule in Panel (newcomers: help at 80x24 had lines touching the right border): every
// pane keeps the column before its right border blank for text, on every screen drawn --
// help, each tab, zoomed, side by side -- at 80x24 en and 120x34 zh. Only a rule drawn in
// the frame's tone (the Trace's step rule) may run to the border.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, type Rendered, ran, tabTo } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';

const draw = appDrawer('panel-margin', { lessons: LESSONS, lesson: 'shmdt', quiz: false });

/** Every cell just left of a pane's right border, with its row: a `│` whose left neighbour
 *  is text (neither blank nor another border or rule cell). */
function touching(frame: string): string[] {
  const out: string[] = [];
  for (const row of frame.split('\n')) {
    const cells = Array.from(row);
    cells.forEach((c, i) => {
      if (c !== '│' || i === 0) return;
      const left = cells[i - 1];
      // the left border of the next pane ││, or a rule ─ running into the frame, or a Flow
      // frame's dashed wall beside a line crossing it (╌│╌, src/flow/grid.ts)
      if (left === ' ' || left === '│' || left === '─' || left === '╌' || left === '╍' || left === '') return;
      // a border's own left side: a pane starting here (the next cell is its text)
      if (i < cells.length - 1 && cells.slice(0, i).filter((x) => x === '│').length % 2 === 0) return;
      out.push(row);
    });
  }
  return out;
}

async function screens(r: Rendered, say: (name: string, f: string) => void): Promise<void> {
  await r.press(KEYS.space);
  await ran(r, 1);
  // the run showed the pane its result is in: the Flow again, then every pane by Tab
  await tabTo(r, 'flow');
  await r.waitFor((f) => !f.includes('drawing') && !f.includes('正在绘制'), 'the flow drawn');
  say('lesson', r.frame());
  for (const tab of ['kernel', 'trace', 'code', 'flow']) {
    await r.press(KEYS.tab);
    await r.waitFor(() => r.store.getState().tab === tab, tab);
    say(tab, r.frame());
    await r.press('z');
    await r.waitFor(() => r.store.getState().zoomed, `${tab} zoomed`);
    say(`${tab} zoomed`, r.frame());
    await r.press('z');
    await r.waitFor(() => !r.store.getState().zoomed, `${tab} back`);
  }
  await r.press('?');
  await r.waitFor(() => r.store.getState().overlay === 'help', 'help');
  say('help', r.frame());
}

describe('every pane keeps a blank column before its right border', () => {
  for (const [width, height, lang] of [[80, 24, 'en'], [120, 34, 'zh']] as const) {
    it(`${width}x${height} ${lang}: the lesson, each pane, zoomed, and help`, async () => {
      const r = await draw({ width, height, lang });
      const bad: string[] = [];
      await screens(r, (name, f) => {
        bad.push(...touching(f).map((row) => `${name}: ${row}`));
        // and the rule cuts no text: help's rows whole (a cut is marked …)
        if (name === 'help') bad.push(...f.split('\n').filter((row) => row.includes('…')).map((row) => `help cut: ${row}`));
      });
      expect(bad).toEqual([]);
    });
  }
});
