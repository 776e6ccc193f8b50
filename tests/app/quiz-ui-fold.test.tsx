// A question is never below the fold (fix16e#1: at 80x24 ftok step 4 showed "1) a shmid" and
// "2) ENOENT…" while "3) EEXIST" and "4) EACCES" were under "↓ 5 more PgDn"). Every step of
// every lesson, and the end-of-lesson check, right after the step before ran (its question
// skipped, as the walkthrough does, so its "Skipped. Answer: …" is above): with no key pressed,
// the open question's label, every one of its choices and the line of keys that answer it are
// in the lesson pane, at 80x24 and 120x34, in English and Chinese (the same run, resized and
// switched with l). What gave way above is named on the pane's top border. Where the result of
// the step just run comes first (fix17a: the pane's last line says Enter shows the question),
// Enter is pressed, and then the whole question is in view in every view.
import { describe, expect, it } from 'vitest';
import { KEYS, appDrawer, checkReadable, ran } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { quizPlace } from '../../src/app/store/quiz.js';
import type { Lang } from '../../src/lang.js';
import type { Rendered } from '../helpers/render.js';
import { lessonRows, looks, questionBrought } from '../helpers/lesson-views.js';

// asks: false: Enter only brings the question (no helper presses on behind it); ran() answers the asks
const draw = appDrawer('quiz-ui-fold', { lessons: LESSONS, asks: false });

/** What of the open question is not in the lesson pane: its label, each choice's start, the start of its keys line. */
function missing(r: Rendered, lang: Lang): string[] {
  const st = r.store.getState();
  const place = quizPlace(st);
  if (!place) return ['an open question'];
  const lesson = st.lessons[st.lessonIndex];
  const s = strings(lang);
  const q = place.kind === 'check' ? lesson.check![place.question] : lesson.checkpoints![lesson.steps[place.step].id]!;
  const label = place.kind === 'check' ? s.checkTitle(place.question + 1, lesson.check!.length) : s.question;
  const keys = place.kind === 'check' ? s.checkKeys(q.choices.length, 'x') : s.quizKeys(q.choices.length, 'x', undefined, 'h');
  const rows = lessonRows(r);
  // the open question's label is the last so labelled (one not asked on a replay is shown above, under the notice)
  let at = rows.length - 1;
  while (at >= 0 && !rows[at].includes(`${label}${s.colon}`)) at--;
  if (at < 0) return [`the label ${label}`];
  const after = rows.slice(at).join('\n');
  const choices = q.choices.flatMap((c, i) => {
    const start = `[${i + 1}] ${c[lang].replace(/`/g, '').slice(0, 4)}`;
    return after.includes(start) ? [] : [start];
  });
  const keysStart = keys.slice(0, 8);
  return [...choices, ...(after.includes(keysStart) ? [] : [`the keys "${keysStart}…"`])];
}

describe('a question is never below the fold (fix16e#1)', () => {
  for (const lesson of LESSONS)
    it(`${lesson.id}: every step's question and every question of the check, as it opens after the step before ran, 80x24 and 120x34, en and zh`, async () => {
      const r = await draw({ width: 80, height: 24, lang: 'en', lesson: lesson.id });
      const wrong: string[] = [];
      let asked = 0;
      for (let k = 0; k < lesson.steps.length; k++) {
        await r.waitFor(() => r.store.getState().view === k && r.store.getState().done === k, `step ${k + 1} shown`);
        if (lesson.checkpoints?.[lesson.steps[k].id]) {
          asked++;
          // step 1's question too may wait behind Enter: the lesson opens at its introduction's top
          const brought = await questionBrought(r);
          wrong.push(...(await looks(r, `step ${k + 1}${k > 0 ? `, after step ${k} ran` : ''}${brought ? ', Enter pressed' : ''}`, missing)));
        }
        // unanswered: the first Space asks, a second runs it (ran)
        await r.press(KEYS.space);
        await ran(r, k + 1);
      }
      for (let q = 0; q < (lesson.check?.length ?? 0); q++) {
        await r.waitFor(() => quizPlace(r.store.getState())?.kind === 'check' && (quizPlace(r.store.getState()) as { question: number }).question === q, `check ${q + 1} open`);
        asked++;
        wrong.push(...(await looks(r, `check ${q + 1}`, missing)));
        await checkReadable(r, q);
        await r.press('x');
        await r.waitFor(() => r.store.getState().checkPicks[q] !== undefined, `check ${q + 1} skipped`);
      }
      expect(asked).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    }, 180_000);
});
