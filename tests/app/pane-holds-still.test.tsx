// A pane whose rows change while what it shows stays the same keeps the line at its top where it
// was (src/app/use-scroll.ts useFollowScroll): Space bringing the next step's question into view
// scrolls no pane but the lesson's (issue 16 item 17: at shmctl 6 the Trace went from "↑ 41 more"
// to "↑ 42"; at shmctl 8, 120x34 zh, the Kernel pane scrolled its heading and the dest row out of view).
import { describe, expect, it } from 'vitest';
import { questionBehind } from '../../src/app/store/turn.js';
import { LESSONS } from '../../src/lessons/index.js';
import { cells } from '../../src/app/text-fit.js';
import { appDrawer, KEYS, screenCells, tabTo, type Rendered } from '../helpers/render.js';
import { walkAnswering } from '../helpers/walk-answering.js';

const draw = appDrawer('pane-holds-still', { lessons: LESSONS, lesson: 'shmctl', asks: false });

/** The pane titled `title` as drawn: its top border and its rows, wherever it stands on the screen
 *  (by cells: a Chinese character takes two). */
function pane(lines: string[], title: string): string[] {
  const top = lines.findIndex((l) => l.includes(`┌─ ${title}`));
  if (top < 0) return [];
  const row = screenCells(lines[top]);
  const col = cells(lines[top].slice(0, lines[top].indexOf(`┌─ ${title}`)));
  const end = row.indexOf('┐', col) + 1;
  const out: string[] = [];
  for (let i = top; i < lines.length; i++) {
    const part = screenCells(lines[i]).slice(col, end).join('');
    out.push(part);
    if (i > top && part.startsWith('└')) break;
  }
  return out;
}

/** Steps 1 to `steps` run, each question answered 2 (at shmctl wrong at step 7, right at 8, as the
 *  tester's were), `tab`'s pane shown. */
async function walk(r: Rendered, steps: number, tab: 'trace' | 'kernel'): Promise<void> {
  await walkAnswering(r, steps, '2');
  await tabTo(r, tab);
}

describe('Space bringing a question moves no pane but the lesson', () => {
  it('shmctl 6, 80x24 en: the Trace keeps its top line as the lesson pane takes its rows back', async () => {
    const r = await draw({ width: 80, height: 24 });
    await walk(r, 5, 'trace');
    await r.waitFor(() => questionBehind(r.store.getState()), "step 6's question behind Space");
    const before = pane(r.lines(), 'Trace');
    await r.press(KEYS.space);
    await r.waitFor(() => !questionBehind(r.store.getState()), "step 6's question in view");
    const after = pane(r.lines(), 'Trace');
    // its rows changed, and the first of them is the line it was
    expect(after.length).not.toBe(before.length);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
  }, 60_000);

  it('shmctl 8, 120x34 zh: the Kernel pane keeps its top line as it gives back the rows it had for step 7\'s result', async () => {
    const r = await draw({ width: 120, height: 34, lang: 'zh' });
    await walk(r, 7, 'kernel');
    await r.waitFor(() => questionBehind(r.store.getState()), "step 8's question behind Space");
    const before = pane(r.lines(), '内核');
    await r.press(KEYS.space);
    await r.waitFor(() => !questionBehind(r.store.getState()), "step 8's question in view");
    const after = pane(r.lines(), '内核');
    expect(after.length).not.toBe(before.length);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
  }, 60_000);
});
