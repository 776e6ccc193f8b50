// After a run the Trace shows the lines the step's notice points at (Step.traceFocus: cc's
// error at ftok 4, the ● row of ipcs -m at overview 3, IPC_RMID's EINVAL at shmctl 8), with
// as much of the step's part before them as fits (fix24t: a rule from the part's start hid
// the lines near its end). Every step that declares a focus (the validator makes each notice
// that names the Trace declare one) runs for real; then, in each of the four views (80x24 and
// 120x34, en and zh, the Trace shown), every line the focus points at is in the pane, together;
// where the pane cannot hold them all, it starts at the first of them and its border names z
// (issue 16, fixR1: msg 1's ipcs -q -p, ftok 4's shmget ENOENT, parent-child 8's second
// IPC_RMID, shmdt 3's "ipclab refused" stood out of view, presses away).
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, paneRows, ran, type Rendered } from '../helpers/render.js';
import { VIEWS, viewAs } from '../helpers/lesson-views.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { listingOwners } from '../../src/app/components/marks.js';
import { noticeMarks, resultCut, stepTop, traceView, type TraceView } from '../../src/app/components/trace-view.js';
import { type Line, lineText } from '../../src/app/styled.js';
import { cells } from '../../src/text/cells.js';

const draw = appDrawer('trace-focus', { lessons: LESSONS, quiz: false });

/** The Trace pane's title in `lang`, as its top border starts. */
const TITLE = { en: 'Trace', zh: '跟踪' } as const;

/** The Trace's rows (a pane beside it too, at 120 columns), its borders and its width (the pane's, borders included). */
function tracePane(r: Rendered, title: string): { rows: string[]; borders: string; width: number } {
  const lines = r.lines();
  const at = lines.findIndex((l) => l.startsWith(`┌─ ${title}`));
  const top = lines[at] ?? '';
  const width = cells(top.slice(0, top.indexOf('┐') + 1));
  const bottom = lines.find((l, i) => i > at && l.startsWith('└')) ?? '';
  // the pane's own part of a border row (a pane beside it at 120 columns)
  const border = (l: string) => {
    let out = '';
    for (const c of l) {
      if (cells(out + c) > width) break;
      out += c;
    }
    return out;
  };
  return { rows: paneRows(lines, title), borders: `${border(top)}\n${border(bottom)}`, width };
}

/** What is missing: every line the focus of step `k` (0-based) points at, from its first to its
 *  last, as the pane would draw them at its width, in order, on consecutive rows of the pane;
 *  where they take more rows than it has, the pane's first row the focus's first and z named on
 *  its border. */
function focusMissing(r: Rendered, k: number, title: string): string[] {
  const st = r.store.getState();
  const lesson = st.lessons[st.lessonIndex];
  const { rows, borders, width } = tracePane(r, title);
  if (rows.length === 0) return ['the Trace is not shown'];
  const owners = listingOwners(st.trace, { segments: st.segments, queues: st.queues, semaphores: st.semaphores });
  const view = traceView(st.trace, st.stepStarts, lesson, st.lang, width - 2, strings(st.lang), false, owners);
  const focus = view.focus[k];
  if (!focus) return [`step ${k + 1}: nothing in its trace matches its traceFocus (${st.lang})`];
  const all = view.lines.slice(focus.first, focus.last + 1).map((l) => lineText(l).replace(/\u00a0/g, ' ').trim());
  // the frame draws a no-break space as a space
  const row = (i: number) => rows[i]?.replace(/\u00a0/g, ' ') ?? '';
  const where = `step ${k + 1} (${st.lang}): its focus, from "${all[0]}" to "${all.at(-1)}" (${all.length} rows, the pane ${rows.length})`;
  if (all.length <= rows.length) {
    const at = rows.findIndex((_, i) => all.every((w, j) => row(i + j).includes(w)));
    return at < 0 ? [`${where}, not all in the Trace:\n${borders}\n${rows.join('\n')}`] : [];
  }
  const problems: string[] = [];
  if (!all.every((w, j) => row(j).includes(w) || j >= rows.length)) problems.push(`${where}: the pane does not start at its first line:\n${rows.join('\n')}`);
  if (!/(^|[^a-z])z[:：]/.test(borders)) problems.push(`${where}: taller than the pane, and its border names no z:\n${borders}`);
  return problems;
}

/** Shows the Trace (Tab, where at this size it is a tab not shown). */
async function showTrace(r: Rendered, title: string): Promise<void> {
  for (let i = 0; i < 6 && tracePane(r, title).rows.length === 0; i++) await r.press(KEYS.tab);
  await r.waitFor(() => tracePane(r, title).rows.length > 0, 'the Trace shown');
}

describe("stepTop: the first line of a step's part in view", () => {
  // step 0: lines 0-9, step 1: lines 10-39 (its focus 30-31), step 2: lines 40-44; each headed by its rule
  const lines: Line[] = Array.from({ length: 45 }, (_, i) => ([0, 10, 40].includes(i) ? [{ text: '──', tone: 'frame' }] : [{ text: 'x', tone: 'plain' }]));
  const view: TraceView = { lines, tops: [0, 10, 40], ends: [10, 40, 45], focus: [undefined, { first: 30, last: 31 }, undefined], blocks: Array.from({ length: 45 }, (_, i) => i) };
  it('from the heading where the focus is in reach; else the least way down that shows it, its end at the bottom', () => {
    expect(stepTop({ ...view, focus: [undefined, { first: 14, last: 15 }, undefined] }, 1, 8)).toBe(10);
    expect(stepTop(view, 1, 8)).toBe(24);
    expect(stepTop(view, 1, 12)).toBe(20);
    expect(stepTop(view, 1, 30)).toBe(10);
    // the top on a block's start: line 24 the second row of line 23
    expect(stepTop({ ...view, blocks: view.blocks.map((b, i) => (i === 24 ? 23 : b)) }, 1, 8)).toBe(25);
  });
  it('zoomed: from the heading whatever the focus; the lines under it where only the heading does not fit', () => {
    expect(stepTop(view, 1, 8, true)).toBe(10);
    expect(stepTop(view, 0, 9, true)).toBe(1);
    expect(stepTop(view, 0, 9)).toBe(1);
  });
  it('a focus taller than the window: from its first line (the border names z)', () => {
    expect(stepTop({ ...view, focus: [undefined, { first: 12, last: 38 }, undefined] }, 1, 8)).toBe(12);
  });
  it('a block (a command and its output, a record) the focus is in: whole where it fits; the bottom on a block\'s end', () => {
    // lines 26-33 one block (an ipcs listing), the focus its command line 26
    const blocks = view.blocks.map((b, i) => (i >= 26 && i <= 33 ? 26 : b));
    const listing = { ...view, blocks, focus: [undefined, { first: 26, last: 26 }, undefined] };
    expect(stepTop(listing, 1, 8)).toBe(26);
    // 5 rows: from the command line, the rest below (the border says so)
    expect(stepTop(listing, 1, 5)).toBe(26);
    expect(resultCut(listing, 1, 26, 5)).toEqual({ above: false, below: true });
    // lines 30-32 one block (a call and its record), the focus its call: whole, and the window's
    // bottom not one row into the block after it (lines 33-35 one)
    const record = { ...view, blocks: view.blocks.map((b, i) => (i >= 30 && i <= 32 ? 30 : i >= 33 && i <= 35 ? 33 : b)), focus: [undefined, { first: 30, last: 30 }, undefined] };
    expect(stepTop(record, 1, 4)).toBe(29);
    expect(resultCut(record, 1, 29, 4)).toEqual({ above: false, below: false });
    // 2 rows: the focus and what follows of its record, the border saying it goes on below
    expect(stepTop(record, 1, 2)).toBe(30);
    expect(resultCut(record, 1, 30, 2)).toEqual({ above: false, below: true });
    // the focus the whole record: its first two rows, the border saying it goes on below
    const whole = { ...record, focus: [undefined, { first: 30, last: 32 }, undefined] };
    expect(stepTop(whole, 1, 2)).toBe(30);
    expect(resultCut(whole, 1, 30, 2)).toEqual({ above: false, below: true });
  });
  it('no focus: from the heading, the part whole where it fits; a step not run: undefined', () => {
    expect(stepTop(view, 0, 8)).toBe(0);
    expect(stepTop(view, 0, 12)).toBe(0);
    expect(stepTop(view, 2, 8)).toBe(40);
    expect(stepTop(view, 3, 8)).toBeUndefined();
  });
  it('noticeMarks: the errnos and signals a notice names, no other capitals; text it quotes, as the Trace quotes it', () => {
    expect(noticeMarks({ en: 'EINVAL above SHMMAX; the kill(SIGUSR2) woke it. EOF, EINVAL.', zh: '' }, 'en')).toEqual(['EINVAL', 'SIGUSR2']);
    expect(noticeMarks({ en: 'Type 0 gave "one", -3 gave "one again".', zh: '类型 0 取到 "一"；旧指针“复活”了' }, 'zh')).toEqual(['"一"']);
    expect(noticeMarks({ en: 'Type 0 gave "one", -3 gave "one again".', zh: '' }, 'en')).toEqual(['"one"', '"one again"']);
    expect(noticeMarks({ en: '', zh: '第二次 shmget 失败：ENOENT。' }, 'zh')).toEqual(['ENOENT']);
    expect(noticeMarks(undefined, 'en')).toEqual([]);
  });
});

describe('the Trace after a run shows what the notice points at', () => {
  for (const lesson of LESSONS.filter((l) => l.steps.some((s) => s.traceFocus))) {
    it(`${lesson.id}: every step with a traceFocus, in the four views`, async () => {
      const r = await draw({ width: 80, height: 24, lang: 'en', lesson: lesson.id });
      await r.waitFor((f) => f.includes(`step 1/${lesson.steps.length}`), 'the lesson');
      const last = Math.max(...lesson.steps.flatMap((s, k) => (s.traceFocus ? [k] : [])));
      for (let k = 0; k <= last; k++) {
        await r.press(KEYS.space);
        await ran(r, k + 1);
        if (!lesson.steps[k].traceFocus) continue;
        for (const [lang, width, height] of VIEWS) {
          await viewAs(r, lang, width, height);
          await showTrace(r, TITLE[lang]);
          let missing: string[] = [];
          await r.waitFor(() => (missing = focusMissing(r, k, TITLE[lang])).length === 0, `${lesson.id} step ${k + 1} at ${width}x${height} ${lang}`, 5_000).catch(() => undefined);
          expect(missing, `${lesson.id} step ${k + 1} at ${width}x${height} ${lang}`).toEqual([]);
        }
        await viewAs(r, 'en', 80, 24);
      }
    }, 180_000);
  }
});
