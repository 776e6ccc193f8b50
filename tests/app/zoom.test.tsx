// z at a small terminal: the tabbed pane takes the lesson's rows and gives them back
// (issue 16 items 10, 11, 19), with the real store, lesson engine and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, paneRows, questionShown, ran, type Rendered, tabTo } from '../helpers/render.js';
import { stepsRun, traceAfter } from '../helpers/pane-setups.js';
import { LESSONS } from '../../src/lessons/index.js';
import { cells } from '../../src/app/text-fit.js';
import { questionHidden, spaceShowsRest } from '../../src/app/store/turn.js';
import { quizPlace } from '../../src/app/store/quiz.js';
import { resultOf } from '../../src/app/store/run.js';

const draw = appDrawer('zoom', { lessons: LESSONS, lesson: 'shmctl', quiz: false });


describe('z: the pane below takes the lesson’s rows', () => {
  it('80x24 en: the Trace zoomed shows the lesson pane’s rows more, with step 2’s whole ipcs output; Space keeps the zoom; z brings the lesson and its notice back', async () => {
    const r = await draw({ width: 80, height: 24 });
    await traceAfter(r, 2);
    const before = r.lines();
    const trace = paneRows(before, 'Trace');
    const lesson = paneRows(before, 'Lesson');
    expect(lesson.length).toBeGreaterThan(0);
    // after the run the trace shows the step just run; too long to fit, from its focus's first
    // line (`ipcs -m -i`, fixR1), the border naming z
    expect(trace.join('\n')).not.toMatch(/── step 2: /);
    expect(trace.join('\n')).toMatch(/ipcs -m -i/);
    expect(before.join('\n')).toMatch(/↑ \d+ more/);
    expect(before.join('\n')).toMatch(/z: step 2 whole|z: whole/);
    expect(before[23]).toMatch(/z zoom .*\? all$/);
    // step 3's text read whole first (Space brings its rest): zoomed, Space runs only a step read (s28f#1)
    while (spaceShowsRest(r.store.getState()) !== null) {
      const top = r.store.getState().scroll.lesson;
      await r.press(KEYS.space);
      await r.waitFor(() => r.store.getState().scroll.lesson !== top, 'the rest of step 3 shown');
    }

    await r.press('z');
    // the notice of step 2 was read before z: nothing waits (nc82)
    const f = await r.waitFor((f) => /└─ z: back to the lesson ─/.test(f), 'the zoomed trace');
    const zoomed = r.lines();
    expect(zoomed).toHaveLength(24);
    for (const l of zoomed) expect(cells(l), l).toBeLessThanOrEqual(80);
    expect(f).not.toContain('┌─ Lesson');
    // every row the lesson pane had (its frame too) goes to the trace: title bar, tab bar, status line and key bar stay
    const rows = paneRows(zoomed, 'Trace');
    expect(rows.length).toBe(trace.length + lesson.length + 2);
    expect(rows.length).toBe(24 - 4 - 2);
    expect(zoomed[1]).toContain(' Flow  │  Kernel  │ [Trace] │  C ');
    expect(zoomed[23]).toMatch(/z lesson .*\? all$/);
    // the ipcs -m -i output of step 2 whole, to its last line
    // (its heading a row of its own, or on the border where the output takes every row: s35g)
    const heading = rows.findIndex((l) => /── step 2: /.test(l));
    if (heading < 0) expect(zoomed.find((l) => l.startsWith('┌─ Trace'))).toContain('┌─ Trace · step 2 ');
    expect(rows.slice(Math.max(0, heading)).join('\n')).toMatch(/ipcs -m -i[\s\S]*change_time=[\s\S]*shmctl\(\d+, IPC_STAT, &ds\) = 0/);

    // ↑ and PgDn scroll the zoomed pane (the lesson text is hidden)
    const top = () => paneRows(r.lines(), 'Trace')[0];
    const first = top();
    await r.press(KEYS.up);
    await r.waitFor(() => top() !== first, '↑ to scroll the zoomed trace');
    await r.press(KEYS.pageDown);
    await r.waitFor(() => top() === first, 'PgDn to scroll the zoomed trace back down');

    // Space runs the next step and the zoom stays: its output arrives in view
    await r.press(KEYS.space);
    await ran(r, 3);
    const after = await r.waitFor((f) => f.includes('└─ z: back to the lesson (a notice waits there)') && r.store.getState().done === 3, 'the zoom kept after a run');
    // the new notice is hidden with the lesson: the status line says so
    expect(r.lines()[22]).toMatch(/^ step 3 ran: its notice is in the lesson; z shows it/);
    expect(after).not.toContain('┌─ Lesson');
    // zoomed, the Trace the learner scrolled during the step stays, though step 3's result (its
    // perms and ctime) is in the Kernel (issue 16: a run took away the pane being scrolled)
    expect(resultOf(r.store.getState(), 2)?.pane).toBe('kernel');
    expect(r.store.getState().tab).toBe('trace');
    await tabTo(r, 'trace');
    await r.waitFor((f) => /── step 3: IPC_SET/.test(f) && f.includes('└─ z: back to the lesson'), 'the zoomed Trace at step 3');

    // Tab moves between the panes as before, zoomed
    await r.press(KEYS.tab);
    // each pane keeps its own title (the C file's name whole) and says it is zoomed below
    const zoomedPane = (title: string) => (f: string) => f.includes(`┌─ ${title}`) && f.includes('└─ z: back to the lesson');
    await r.waitFor(zoomedPane('C code: shmctl.c '), 'the C pane zoomed');
    await r.press(KEYS.tab);
    await r.waitFor(zoomedPane('Flow'), 'the flow zoomed');
    await r.press(KEYS.tab);
    // (the title's own words give way to the legend's marks at 80 columns: 'Kernel  ● this lesson …')
    await r.waitFor(zoomedPane('Kernel '), 'the kernel zoomed');

    // z again: the lesson pane as it was, with the notice of the step just run
    await r.press('z');
    const back = await r.waitFor((f) => f.includes('┌─ Lesson'), 'the lesson back');
    expect(back).toContain('Notice (step 3)');
    expect(back).not.toContain('back to the lesson');
    expect(r.lines()[23]).toMatch(/z zoom/);
  });

  it('80x24 en, quiz on: the border says a question waits in the lesson; a your-turn form (y) shows the lesson while it is edited', async () => {
    const r = await draw({ width: 80, height: 24, quiz: true });
    await stepsRun(r, 2);
    // step 3's question is behind Space after the run (the result first): brought into view, it waits
    // there (fixR#5: one behind Space is not said to wait)
    await questionShown(r);
    await r.press('z');
    // step 3 asks what IPC_SET will show before it runs
    const f = await r.waitFor((f) => f.includes('└─ z: back to the lesson (a question waits there) '), 'the question named on the border');
    expect(f).not.toContain('┌─ Lesson');
    // the question is hidden: its keys show it first, so the bar does not offer them (fix18a#3)
    expect(r.lines()[23]).not.toMatch(/1-\d answer/);
    // the help's own bar says what keys do there (any key closes it); closed, the question still waits
    const bar = r.lines()[23];
    await r.press('?');
    await r.waitFor(() => r.store.getState().overlay === 'help', 'the help');
    expect(r.lines()[23]).toMatch(/any key close/);
    await r.press(KEYS.escape);
    await r.waitFor(() => r.store.getState().overlay === 'none', 'the help closed');
    expect(r.lines()[23]).toBe(bar);
    await r.press('y');
    await r.waitFor((f) => f.includes('┌─ Lesson') && !f.includes('└─ z: back'), 'the form in the lesson pane');
    await r.press(KEYS.escape);
    await r.waitFor((f) => f.includes('└─ z: back') && !f.includes('┌─ Lesson'), 'the zoom back when the form is left');
  });

  it('80x24 zh: the border and key bar in Chinese; a resize to 120x34 keeps the zoom, the Flow filling the screen; z brings the panes side by side back', async () => {
    const r = await draw({ width: 80, height: 24, lang: 'zh' });
    await r.waitFor((f) => /┌─[ []流程/.test(f), 'the lesson');
    expect(r.lines()[23]).toMatch(/z 放大/);
    await r.press('z');
    const f = await r.waitFor((f) => /┌─[ []流程/.test(f) && f.includes('└─ z：回到课程'), 'the zoomed flow in Chinese');
    expect(r.lines()[23]).toMatch(/z 课程/);
    for (const l of f.split('\n')) expect(cells(l), l).toBeLessThanOrEqual(80);
    r.resize(120, 34);
    // the zoom stays: the Flow takes every row but the title bar, tab bar, status line and key bar
    const wide = await r.waitFor((f) => f.split('\n').length === 34 && f.includes('└─ z：回到课程') && paneRows(f.split('\n'), '流程').length === 34 - 4 - 2, 'the zoom kept at 120x34');
    expect(wide).not.toContain('┌─ 课程');
    expect(wide.split('\n')[33]).toMatch(/z 课程/);
    expect(r.store.getState().zoomed).toBe(true);
    await r.press('z');
    const back = await r.waitFor((f) => f.includes('┌─ 课程') && !f.includes('回到课程'), 'side by side again');
    // side by side, z is in the bar there too
    expect(back.split('\n')[33]).toMatch(/z 放大/);
  });

  it('120x34 zh and 110x30 (newcomers: z refused side by side): z zooms the pane in focus to the whole screen, Tab shows the next, z again brings every pane back', async () => {
    const r = await draw({ width: 120, height: 34, lang: 'zh', lesson: 'parent-child' });
    const f = await r.waitFor((f) => f.includes('┌─ 课程') && /┌─[ []流程/.test(f), 'side by side');
    // the Flow in focus side by side: its title bracketed (┌─[流程…)
    const flowRows = paneRows(f.split('\n').map((l) => l.slice(Math.max(0, l.search(/┌─[ []流程/))).replace('┌─[', '┌─ ')), '流程').length;
    await r.press('z');
    const z = await r.waitFor((f) => f.includes('└─ z：回到课程') && !f.includes('┌─ 课程'), 'the flow zoomed');
    expect(r.lines()[32]).not.toContain('只在小于');
    const rows = paneRows(z.split('\n'), '流程');
    expect(rows.length).toBe(34 - 4 - 2);
    expect(rows.length).toBeGreaterThan(flowRows);
    expect(z.split('\n')[1]).toMatch(/\[流程\]/);
    await r.press(KEYS.tab);
    await r.waitFor((f) => /\[内核\]/.test(f.split('\n')[1]) && f.includes('└─ z：回到课程'), 'Tab: the kernel zoomed');
    await r.press('z');
    await r.waitFor((f) => f.includes('┌─ 课程') && /┌─[ []流程/.test(f) && !f.includes('回到课程'), 'the panes side by side again');
    r.resize(110, 30);
    await r.waitFor((f) => f.split('\n').length === 30 && f.includes('┌─ 课程'), '110x30');
    await r.press('z');
    await r.waitFor((f) => f.split('\n').length === 30 && f.includes('└─ z：回到课程') && !f.includes('┌─ 课程'), 'z zooms at 110x30');
  });
});

describe('PgUp PgDn: every pane pages by its rows in view but one, zoomed or not', () => {
  const HOME = '\x1b[H';
  it('80x20 en: the lesson text beside the tabs (the store keeps its offset)', async () => {
    // parent-child's introduction needs scrolling at 80x20 (tests/app/polish.test.tsx)
    const r = await draw({ width: 80, height: 20, lesson: 'parent-child' });
    const f = await r.waitFor((f) => f.includes('┌─ Lesson') && /↓ \d+ more/.test(f), 'the introduction with more below');
    const textRows = paneRows(f.split('\n'), 'Lesson').length;
    const below = Number(/↓ (\d+) more/.exec(f)![1]);
    await r.press(KEYS.pageDown);
    // a page but one row, or to the end: the last window starts a paragraph (LessonPane textWindow),
    // so it may leave blank rows under the text (the newcomer's line under the introduction starts one)
    await r.waitFor(() => {
      const top = r.store.getState().scroll.lesson;
      return top <= textRows - 1 && top >= Math.min(below, textRows - 1);
    }, 'PgDn: a page of the text, one row kept');
    await r.press(KEYS.pageUp);
    await r.waitFor(() => r.store.getState().scroll.lesson === 0, 'PgUp: back at the top');
  });

  it('80x18 en: the zoomed Trace, Flow and Kernel', async () => {
    // the smallest terminal: pages shorter than what the panes hold
    const r = await draw({ width: 80, height: 18 });
    await stepsRun(r, 4);
    // the run showed the pane its result is in: the Flow first, as the Tabs below count from it
    await tabTo(r, 'flow');
    await r.press('z');
    // the borders say how many rows are out of view: "↑ n more" on the top one, "↓ n more" on the bottom one
    const border = (f: string, title: string, edge: 'top' | 'bottom') => {
      const lines = f.split('\n');
      const top = lines.findIndex((l) => l.startsWith(`┌─ ${title}`));
      const l = edge === 'top' ? lines[top] : lines.find((l, k) => k > top && l.startsWith('└'));
      return Number(new RegExp(`${edge === 'top' ? '↑' : '↓'} (\\d+) more`).exec(l ?? '')?.[1] ?? 0);
    };
    const paged: string[] = [];
    for (const [tabs, title] of [[2, 'Trace'], [2, 'Flow'], [1, 'Kernel']] as const) {
      for (let i = 0; i < tabs; i++) await r.press(KEYS.tab);
      await r.waitFor((f) => f.includes(`┌─ ${title}`) && f.includes('└─ z: back') && !f.includes('drawing the flow'), `the zoomed ${title}`);
      await r.press(HOME);
      const atTop = await r.waitFor((f) => f.includes(`┌─ ${title}`) && border(f, title, 'top') === 0, `${title} at its top`);
      // the flow's legend row stays put above the drawing
      const rows = paneRows(atTop.split('\n'), title).length - (title === 'Flow' ? 1 : 0);
      const below = border(atTop, title, 'bottom');
      if (below === 0) continue;
      await r.press(KEYS.pageDown);
      await r.waitFor((f) => border(f, title, 'top') === Math.min(below, rows - 1), `PgDn: a page of the ${title}, one row kept`);
      await r.press(KEYS.pageUp);
      await r.waitFor((f) => border(f, title, 'top') === 0, `PgUp: back at the ${title}'s top`);
      if (below >= rows - 1) paged.push(title);
    }
    // a whole page was there to turn in the trace at least
    expect(paged).toContain('Trace');
  });
});

describe('z: the zoomed pane’s footer says what waits in the lesson as it will be shown (issue 16, fixR#5)', () => {
  const drawQuiz = appDrawer('zoom-waits', { lessons: LESSONS, lesson: 'shmdt', quiz: true });
  for (const [lesson, lang] of [['shmdt', 'en'], ['overview', 'en'], ['shmdt', 'zh']] as const) {
    it(`80x24 ${lang} ${lesson}: a question behind "Space shows the question" is not said to wait; one in view is`, async () => {
      const r = await drawQuiz({ width: 80, height: 24, lesson, lang });
      const n = LESSONS.find((l) => l.id === lesson)!.steps.length;
      const says = lang === 'en' ? 'a question wait' : '一道题';
      const back = lang === 'en' ? '└─ z: back to the lesson' : '└─ z：回到课程';
      let behind = 0;
      for (let step = 1; step < n; step++) {
        await r.press(KEYS.space);
        await ran(r, step);
        await r.waitFor(() => r.store.getState().resultShown?.done === step, `step ${step} drawn`);
        const hidden = questionHidden(r.store.getState());
        await r.press('z');
        const f = await r.waitFor((f) => f.includes(back), `step ${step + 1} zoomed`);
        const footer = f.split('\n').find((l) => l.startsWith(back))!;
        if (hidden) {
          behind++;
          expect(footer, `step ${step + 1}: its question is behind Space`).not.toContain(says);
        } else if (quizPlace(r.store.getState()) !== null) {
          expect(footer, `step ${step + 1}: its question is in view`).toContain(says);
        }
        await r.press('z');
        await r.waitFor((f) => !f.includes(back), 'the lesson back');
      }
      if (lang === 'en') expect(behind, 'some step has its question behind Space').toBeGreaterThan(0);
    });
  }
});
