// The shown step's title is whole on screen at every view, never cut (issue 16: "步骤 2/6：客户端：读…"
// on the lesson pane's border at 120x34 zh, race 4 likewise): in the lesson text's heading, wrapped
// as its text is, else on the lesson pane's border and the rows under it that the border's words wrap
// onto; the border says the pane's name first, whatever its width (issue 16: shmctl 3's "┌─ ▶ step 3/8: …"
// beside shmget 3's "┌─ Lesson · ▶ step 3/6: …"); the border holds the whole title or none, the rows under it
// the whole title then (issue 16, s35g#2: "┌─ 课程 · ▶ 步骤 4/7：读出最后一条，再读空 ─┐" over "│队列"), the text's
// first row never the rest of it; every title line shown holds its title whole, none
// ends in a cut. Every step of every lesson with questions on, after each run, a page down, with
// each question open and read again in review (←), at 80x24 and 120x34, en and zh; real store,
// lesson engine and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, questionShown, ran, type Rendered } from '../helpers/render.js';
import { lessonRows, looks, paneText } from '../helpers/lesson-views.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { Lang } from '../../src/lang.js';
import { strings } from '../../src/app/strings.js';

const draw = appDrawer('step-title-whole', { lessons: LESSONS });

const bare = (text: string) => text.replace(/[\s`\u00a0]/g, '');

/** What is wrong with the shown step's title on screen: not whole in the title lines shown. */
function titleLacks(r: Rendered, lang: Lang): string[] {
  const st = r.store.getState();
  const lesson = st.lessons[st.lessonIndex]!;
  const step = lesson.steps[st.view];
  if (st.screen !== 'lesson' || st.overlay !== 'none' || !step || st.zoomed) return [];
  const title = bare(step.title[lang]);
  const named = `${st.view + 1}/${lesson.steps.length}`;
  const lines = r.lines();
  // the lesson pane's own top border (side by side another pane's stands beside it)
  const head = lines.find((l) => l.startsWith('┌─')) ?? '';
  const border = head.slice(0, head.indexOf('┐') + 1);
  const out: string[] = [];
  if (!border.startsWith(`┌─ ${strings(lang).lessonTitle}`)) out.push(`the border does not name the pane first: "${border}"`);
  // the text column's rows (at 80 columns the step list beside them left out)
  const rows = lessonRows(r).map((row) => row.replace(/│$/, '')).map((row) => (row.includes(' │ ') ? row.slice(row.indexOf(' │ ') + 3) : row));
  const from = (i: number) => bare(rows.slice(i).join(''));
  // the border's title is the whole title or none (issue 16, s35g#2: "┌─ 课程 · ▶ 步骤 4/7：读出最后一条，
  // 再读空 ──┐" over "│队列"); naming the step alone, the rows under it hold the whole title
  const onBorder = new RegExp(`${named}[:：](.*?)(─|-)+ `).exec(border.replace(/┐$/, ' '));
  if (onBorder && bare(onBorder[1]!) !== title) out.push(`the border holds part of step ${st.view + 1}'s title: "${border}"`);
  const alone = !onBorder && new RegExp(`${named}(─|-| )`).test(border);
  if (alone && !from(0).startsWith(title)) out.push(`the border names step ${st.view + 1} alone, the rows under it do not start with its title: "${border}" over "${rows[0]}"`);
  // the text's first row does not start with the tail of the title: the rest of one split across the border
  const tail = [...Array(title.length).keys()].find((j) => j > 0 && title.length - j >= 2 && from(0).startsWith(title.slice(j)));
  // (a border with the whole title is not split: overview 1's text may begin with its last word, "ipcs")
  if (tail !== undefined && onBorder && bare(onBorder[1]!) !== title) out.push(`the first row starts with the rest of step ${st.view + 1}'s title, "${title.slice(tail)}": "${rows[0]}"`);
  // every heading of the step in the text holds its title whole from its row on
  const headings = rows.flatMap((row, i) => (new RegExp(`^(▶ )?${strings(lang).step} ${named}[:：]`).test(row) ? [i] : []));
  for (const i of headings) if (!from(i).replace(/^▶/, '').slice(bare(`${strings(lang).step} ${named}:`).length).startsWith(title)) out.push(`the heading cuts step ${st.view + 1}'s title: "${rows[i]}"`);
  if (!onBorder && headings.length === 0 && !paneText(r).includes(title)) out.push(`step ${st.view + 1}'s title not on screen`);
  return out;
}

describe("the shown step's title is whole in the title lines on screen, never cut", () => {
  for (const lesson of LESSONS)
    it(`${lesson.id}: after every run, a PgDn, under every question and in review, 80x24 and 120x34, en and zh`, async () => {
      const r = await draw({ width: 80, height: 24, lesson: lesson.id, quiz: true });
      await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
      const wrong: string[] = [];
      wrong.push(...(await looks(r, `${lesson.id} opened`, titleLacks)));
      for (let k = 0; k < lesson.steps.length; k++) {
        // the question open, as Space or Enter brings it (left unanswered: Space runs the step)
        if (lesson.checkpoints?.[lesson.steps[k]!.id] && r.store.getState().done === k) {
          await questionShown(r);
          wrong.push(...(await looks(r, `${lesson.id} step ${k + 1}'s question`, titleLacks)));
        }
        // ran() runs the step as Space does (Space again where its question has no answer)
        await ran(r, k + 1);
        wrong.push(...(await looks(r, `${lesson.id} after step ${k + 1}`, titleLacks)));
        // a page down the text: the heading scrolled out, the border and the status line name the step
        await r.press(KEYS.pageDown);
        wrong.push(...(await looks(r, `${lesson.id} after step ${k + 1}, PgDn`, titleLacks)));
      }
      // each step read again (←), from its top and a page down
      for (let k = lesson.steps.length - 1; k >= 0; k--) {
        await r.press(KEYS.left);
        await r.waitFor(() => r.store.getState().view === k, `step ${k + 1} in review`);
        wrong.push(...(await looks(r, `${lesson.id} step ${k + 1} in review`, titleLacks)));
        await r.press(KEYS.pageDown);
        wrong.push(...(await looks(r, `${lesson.id} step ${k + 1} in review, PgDn`, titleLacks)));
      }
      expect(wrong).toEqual([]);
    }, 300_000);
});
