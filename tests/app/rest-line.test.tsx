// "▸ PgDn: the rest of step n", pinned under a step's words cut where the pane opens, points at
// text below the window: once PgDn brought the rest into view it goes (fix22a#1: serv-clnt 5 at
// 80x24 kept it under the whole text, and PgDn again scrolled another pane).
import { describe, expect, it } from 'vitest';
import { KEYS, appDrawer, ran } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { lessonRows, VIEWS } from '../helpers/lesson-views.js';

const draw = appDrawer('rest-line', { lessons: LESSONS });
const servClnt = LESSONS.find((l) => l.id === 'serv-clnt')!;

const HOME = '\x1b[H';

/** The lesson pane's bottom border (the first box under the title bar), to its corner. */
function bottom(rows: string[]): string {
  const border = rows.find((l, i) => i > 0 && l.startsWith('└')) ?? '';
  return border.slice(0, border.indexOf('┘') + 1);
}

describe('the rest line goes once the rest is in view', () => {
  it('serv-clnt 4-6 at 80x24 and 120x34, en and zh', async () => {
    const r = await draw({ width: 80, height: 24, lang: 'en', lesson: servClnt.id });
    for (let k = 3; k < servClnt.steps.length; k++) {
      await r.press(...Array<string>(k - r.store.getState().done).fill(KEYS.space));
      await ran(r, k);
      for (const [lang, width, height] of VIEWS) {
        if (r.store.getState().lang !== lang) await r.press('l');
        r.resize(width, height);
        await r.waitFor((f) => f.split('\n').length === height && r.store.getState().lang === lang, `${lang} ${width}x${height}`);
        // the marker row under the step's cut words (with its question, where the step asks)
        const rests = [false, true].map((asks) => strings(lang).spaceMarker(strings(lang).spaceBrings(k + 1, true, asks)));
        if (!lessonRows(r).some((l) => rests.some((rest) => l.includes(rest)))) continue;
        // PgDn to the text's end: the pane's bottom border has no "↓ n more" left
        await r.press(HOME);
        for (let i = 0; i < 20 && bottom(r.lines()).includes('↓'); i++) await r.press(KEYS.pageDown);
        const end = await r.waitFor(() => !bottom(r.lines()).includes('↓'), `step ${k + 1} ${lang} ${width}x${height}: PgDn to the end`);
        expect(lessonRows(r).some((l) => rests.some((rest) => l.includes(rest))), `step ${k + 1} ${lang} ${width}x${height}:\n${end}`).toBe(false);
        await r.press(HOME);
      }
    }
    // (round 12's shorter texts fit serv-clnt 4-6 whole in every view: the next case pins the line)
  }, 120_000);

  // (ftok 1, the first case, fits whole since its text names fewer terms: s31f)
  it('shmctl 1 at 80x24 from a fresh start (the line counting earlier lessons\' terms takes a row)', async () => {
    const r = await draw({ width: 80, height: 24, lang: 'en', lesson: 'shmctl', restart: true });
    // "▸ Space: step 1's text", or "step 1 + question" where step 1 asks
    const rest = strings('en').spaceMarker('step 1');
    await r.waitFor(() => lessonRows(r).some((l) => l.includes(rest)), 'the rest line under step 1');
    for (let i = 0; i < 20 && bottom(r.lines()).includes('↓'); i++) await r.press(KEYS.pageDown);
    const end = await r.waitFor(() => !bottom(r.lines()).includes('↓'), 'PgDn to the end');
    expect(lessonRows(r).some((l) => l.includes(rest)), end).toBe(false);
  }, 60_000);
});
