// After a run, the notice of the step just run is on screen first (fix15g#1); once the learner
// answers, the question they answer is on screen with every one of its choices (fix13h#1: ftok
// 7/9 ended at "Predict: …" with "↓ 2 more PgDn", no choice in view). Every lesson, every step with a question and the end-of-lesson check, each looked at
// in the four ways a learner may: 80x24 and 120x34, English and Chinese (the same run, resized
// and switched with l, the window opening where the store puts it).
import { describe, expect, it } from 'vitest';
import { KEYS, appDrawer, checkReadable, ran } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { quizPlace } from '../../src/app/store/quiz.js';
import type { Lang } from '../../src/lang.js';
import type { Rendered } from '../helpers/render.js';
import { answer, lessonRows, looks, questionBrought } from '../helpers/lesson-views.js';

// asks: false, so that a key only does what the screen says (no helper answers behind it)
const draw = appDrawer('qview', { lessons: LESSONS, asks: false });

/** What is missing of the open question in the lesson pane as drawn: its label, then each choice's start, below it. */
function missing(r: Rendered, lang: Lang): string[] {
  const st = r.store.getState();
  const place = quizPlace(st)!;
  const lesson = st.lessons[st.lessonIndex];
  const s = strings(lang);
  const q = place.kind === 'check' ? lesson.check![place.question] : lesson.checkpoints![lesson.steps[place.step].id]!;
  const label = place.kind === 'check' ? s.checkTitle(place.question + 1, lesson.check!.length) : s.question;
  // the lesson pane's own columns (at 120 other panes stand beside it: "…││…")
  const rows = lessonRows(r);
  const at = rows.findIndex((l) => l.includes(`${label}${s.colon}`));
  if (at < 0) return [`the label ${label}`];
  const after = rows.slice(at).join('\n');
  return q.choices.flatMap((c, i) => {
    const start = `[${i + 1}] ${c[lang].replace(/`/g, '').slice(0, 4)}`;
    return after.includes(start) ? [] : [start];
  });
}

/** What is missing of the result of step `step` (1-based) just run: the start of its notice
 *  (fix15g#1), or where it gave way to the open question (fix16e#1), the top border naming it. */
function noticeMissing(r: Rendered, lang: Lang, step: number): string[] {
  const s = strings(lang);
  const said = s.noticeOfStep(step);
  const lines = r.lines();
  // the lesson pane is the first box under the title bar (its title may be the step's alone)
  const top = lines.find((l) => l.startsWith('┌─')) ?? '';
  // the border's PgUp names where PgUp lands (issue 16): at a lesson's end a page up may land on its
  // first line ("PgUp: end of the lesson"), the notice under it
  const up = top.includes(s.resultAbove(step)) || (step === r.store.getState().lessons[r.store.getState().lessonIndex]!.steps.length && top.includes(s.endAbove));
  return lessonRows(r).some((l) => l.includes(said)) || up ? [] : [`"${said}" or "${s.resultAbove(step)}"`];
}

// After a run the result of the step just run is read first: its notice's start is in view
// (fix15g#1: the pane opened at the next question, the notice under "↑ 5 more PgUp"); the
// next step's question below it is said on the border, and comes whole into view once the
// learner acts on it (a digit).
describe('after each run the notice of the step just run is on screen; every choice of a question answered is (fix13h#1)', () => {
  for (const lesson of LESSONS)
    it(`${lesson.id}: each step's notice, its question and the check, 80x24 and 120x34, en and zh`, async () => {
      const r = await draw({ width: 80, height: 24, lang: 'en', lesson: lesson.id });
      const wrong: string[] = [];
      for (let k = 0; k < lesson.steps.length; k++) {
        await r.waitFor(() => r.store.getState().view === k && r.store.getState().done === k, `step ${k + 1} shown`);
        if (k > 0) wrong.push(...(await looks(r, `after step ${k}`, (r, lang) => noticeMissing(r, lang, k))));
        const checkpoint = lesson.checkpoints?.[lesson.steps[k].id];
        if (checkpoint) {
          expect(quizPlace(r.store.getState())?.kind).toBe('checkpoint');
          // the last choice: often wrong, so the verdict above the next question is long
          await answer(r, checkpoint.choices.length, () => r.store.getState().guesses[k] !== undefined, `step ${k + 1} answered`);
          wrong.push(...(await looks(r, `step ${k + 1}`, missing)));
        }
        await r.press(KEYS.space);
        await ran(r, k + 1);
      }
      await r.waitFor(() => r.store.getState().view === lesson.steps.length, 'the lesson\'s end');
      wrong.push(...(await looks(r, `after step ${lesson.steps.length}`, (r, lang) => noticeMissing(r, lang, lesson.steps.length))));
      for (let q = 0; q < (lesson.check?.length ?? 0); q++) {
        await r.waitFor(() => quizPlace(r.store.getState())?.kind === 'check', `check ${q + 1} open`);
        // under the last step's notice the check's first question is in view, no key pressed (fix16e#1);
        // a later one under the verdict of the one before, or one Enter away where the two do not fit (fix18a#5)
        if (q > 0) await questionBrought(r);
        wrong.push(...(await looks(r, `check ${q + 1}`, missing)));
        await checkReadable(r, q);
        await answer(r, lesson.check![q].choices.length, () => r.store.getState().checkPicks[q] !== undefined, `check ${q + 1} answered`);
      }
      expect(wrong).toEqual([]);
    }, 180_000);
});
