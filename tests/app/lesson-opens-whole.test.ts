// Wherever the lesson pane scrolls itself -- right after a run, at a question of the check, at a
// lesson's end, and where Space brings the rest of a step -- its first row in view starts a
// paragraph (a heading, a notice, a choice, a sentence), never a wrapped one's second row (issue
// 16: at a lesson's end and after a check the pane opened at "│ it full screen." under "↑ 2
// more"). And at a lesson's end, no question open, its closing text (what the lesson taught, then
// what comes next) is in view whichever pane is below (issue 16: with c the C pane took the rows
// and serv-clnt's and shmat's closing words stood below the fold). Every step, every check and
// every end of every lesson, en and zh, at 80x24 and 120x34, by the pane's own line model
// (styled.ts `continues`: the flag on a wrapped paragraph's later rows).
import { describe, expect, it } from 'vitest';
import { layoutFor, lessonRowsMost, lessonRowsShare } from '../../src/app/layout.js';
import { lessonPaneContent, lessonRowsNeeded, questionTop, restTop, type LessonPaneContent } from '../../src/app/components/LessonPane.js';
import { paneNewTerms, textNewTerms, type LessonViewInput } from '../../src/app/components/lesson-view.js';
import { continues, lineText } from '../../src/app/styled.js';
import { layoutText } from '../../src/app/text-fit.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import type { Lang } from '../../src/lang.js';

const LANGS: Lang[] = ['en', 'zh'];
const SIZES = [
  [80, 24],
  [120, 34],
] as const;

type Lesson = (typeof LESSONS)[number];

const why = {
  en: 'Why, in two sentences of the length a checkpoint gives it, with the values of this run: the call, what it returned, and errno. Check against that, not what the notes say.',
  zh: '为什么，用检查点常写的长度说两句，带上这次运行的值：调用、它的返回值和 errno。要对照这个检查，而不是笔记上的说法。',
};

/** Step `done` shown right after the steps before it ran (the lesson's end at `done` = steps);
 *  `quizOn`: questions asked, the step just run answered 1; `touched`: the open checkpoint
 *  answered 1 too; `picks`: the check's questions answered so far (each 1, or the right one). */
function inputAt(lesson: Lesson, lang: Lang, done: number, quizOn: boolean, opts: { touched?: boolean; picks?: number; right?: boolean } = {}): LessonViewInput {
  const n = lesson.steps.length;
  const checkpoint = done < n ? lesson.checkpoints?.[lesson.steps[done].id] : undefined;
  const picks = opts.picks ?? 0;
  const check = lesson.check ?? [];
  const checkPicks = Object.fromEntries(check.slice(0, picks).map((q, i) => [i, opts.right ? q.answer : 0]));
  const place = checkpoint
    ? { kind: 'checkpoint' as const, step: done, choices: checkpoint.choices.length }
    : done >= n && picks < check.length
      ? { kind: 'check' as const, question: picks, choices: check[picks].choices.length }
      : null;
  const before = done > 0 ? lesson.checkpoints?.[lesson.steps[done - 1].id] : undefined;
  const guesses: Record<number, number> = before ? { [done - 1]: 0 } : {};
  if (opts.touched && checkpoint) guesses[done] = 0;
  const graded = before ? { [done - 1]: { answer: 0, explanation: why } } : {};
  const quiz = { revealedGrades: {}, checkPicks, guesses, graded, place, present: false, lastRun: done - 1, keys: { skip: 'x', reveal: 'v', hint: 'h' } };
  const index = LESSONS.indexOf(lesson);
  const newTerms = paneNewTerms(LESSONS, lang, index, done, done, { trace: [], stepStarts: [] }, 'g', quizOn);
  const stepTerms = textNewTerms(LESSONS, lang, index, 'g', quizOn);
  const last = index === LESSONS.length - 1;
  return { lesson, lang, view: done, done, problems: {}, present: false, revealed: 0, ascii: false, s: strings(lang), newTerms, stepTerms, last, ...(quizOn ? { quiz, resultFirst: place?.kind === 'checkpoint' } : {}) };
}

/** The pane's content as App sizes it; `code`: the C pane below at the lesson's end (App gives the
 *  lesson pane its share of the rows then, fix22a#5). */
function contentAt(input: LessonViewInput, width: number, height: number, code = false): LessonPaneContent {
  const needed = code ? lessonRowsShare(height) : lessonRowsNeeded(input, width - 2, height);
  const layout = layoutFor(width, height, needed);
  if (layout.mode === 'tabs') return lessonPaneContent(input, width - 2, layout.lesson.h - 2, true, lessonRowsMost(height));
  if (layout.mode === 'wide') return lessonPaneContent(input, layout.lesson.w - 2, layout.lesson.h - 2, false);
  throw new Error('too small');
}

/** Every place the pane opens at, and where each Space that brings the rest scrolls it from there. */
function tops(input: LessonViewInput, content: LessonPaneContent): { top: number; by: string; goesOn?: boolean }[] {
  const first = Math.min(questionTop(input, content), content.max);
  const out: { top: number; by: string; goesOn?: boolean }[] = [{ top: first, by: 'opens' }];
  for (let top = first, k = 1; k < 20; k++) {
    const next = restTop(input, content, top);
    if (next === null || next <= top) break;
    // Space pages the rest as PgDn does, by the rows in view less one (s32h: snapped back to a
    // paragraph's start it moved 1-2 rows a press); it may open on a paragraph's later row only
    // where that row was in view before the press: it goes on from what was just read
    const goesOn = next < top + content.textRows;
    out.push({ top: next, by: `Space ${k}`, goesOn });
    top = next;
  }
  return out;
}

/** The states the pane opens in for `lesson`: after each run, at each question of the check, at the end. */
function states(lesson: Lesson, lang: Lang): { input: LessonViewInput; what: string; end: boolean }[] {
  const n = lesson.steps.length;
  const out: { input: LessonViewInput; what: string; end: boolean }[] = [];
  for (const quizOn of [true, false])
    for (let k = 0; k <= n; k++) {
      const tag = quizOn ? '' : ' (no quiz)';
      if (k < n) {
        out.push({ input: inputAt(lesson, lang, k, quizOn), what: `step ${k + 1}${tag}`, end: false });
        if (quizOn && lesson.checkpoints?.[lesson.steps[k].id]) out.push({ input: inputAt(lesson, lang, k, true, { touched: true }), what: `step ${k + 1}, answered`, end: false });
        continue;
      }
      if (!quizOn) {
        out.push({ input: inputAt(lesson, lang, k, false), what: `end${tag}`, end: true });
        continue;
      }
      const check = lesson.check?.length ?? 0;
      for (let q = 0; q < check; q++) out.push({ input: inputAt(lesson, lang, k, true, { picks: q }), what: `check ${q + 1}`, end: false });
      for (const right of [false, true]) out.push({ input: inputAt(lesson, lang, k, true, { picks: check, right }), what: `end, check answered${right ? ' right' : ''}`, end: true });
    }
  return out;
}

const bare = (text: string) => layoutText(false).text(text).replace(/[\s`\u00a0]/g, '');

describe('the lesson pane opens at the start of a paragraph', () => {
  for (const lang of LANGS)
    it(`${lang}: every step, check and end of every lesson at 80x24 and 120x34 (the C pane below at the end too)`, () => {
      const out: string[] = [];
      let scrolled = 0;
      for (const lesson of LESSONS)
        for (const [w, h] of SIZES)
          for (const { input, what, end } of states(lesson, lang))
            for (const code of end && w === 80 ? [false, true] : [false]) {
              const content = contentAt(input, w, h, code);
              for (const { top, by, goesOn } of tops(input, content)) {
                if (top > 0) scrolled++;
                const row = content.text[top];
                if (top > 0 && continues(row) && !goesOn) out.push(`${lesson.id} ${what} ${w}x${h}${code ? ' (c)' : ''} ${by}: opens at row ${top} mid-paragraph: "${lineText(row!)}"`);
              }
            }
      expect(out).toEqual([]);
      // the rule is exercised: many of these open scrolled
      expect(scrolled).toBeGreaterThan(50);
    });
});

describe('at the lesson\'s end its closing text is in view, after the check the last verdict', () => {
  for (const lang of LANGS)
    it(`${lang}: what the lesson taught and what comes next, whichever pane is below, at 80x24 and 120x34`, () => {
      const out: string[] = [];
      for (const lesson of LESSONS)
        for (const [w, h] of SIZES)
          for (const { input, what, end } of states(lesson, lang)) {
            if (!end) continue;
            const s = strings(lang);
            const last = input.last === true;
            for (const code of w === 80 ? [false, true] : [false]) {
              const content = contentAt(input, w, h, code);
              const top = Math.min(questionTop(input, content), content.max);
              const { start, end: stop } = content.window(top);
              const shown = bare(content.text.slice(start, stop).map(lineText).join(''));
              const where = `${lesson.id} ${what} ${w}x${h}${code ? ' (c)' : ''}`;
              // the check just answered: its last verdict first, the closing text below as room allows
              const checks = lesson.check?.length ?? 0;
              if (what.includes('check answered')) {
                if (!shown.includes(bare(s.checkTitle(checks, checks)))) out.push(`${where}: the last check's verdict not in view`);
                continue;
              }
              if (!shown.includes(bare(lesson.outro[lang]))) out.push(`${where}: the lesson's closing words not wholly in view`);
              if (!shown.includes(bare(s.endHint(last)))) out.push(`${where}: what comes next not in view`);
            }
          }
      expect(out).toEqual([]);
    });
});
