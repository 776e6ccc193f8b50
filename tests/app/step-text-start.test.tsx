// The lesson pane never shows a step's text from a line other than its first without saying so
// (issue 16: shmctl 3 at 80x24 drew its title's tail "in buf" over "lesson's 0640 lets the group
// read…", the text's first lines above the window, and a newcomer read it as a skipped line):
// where the window opens inside the shown step's text, the row right under the title says its
// start is above. Every step of every lesson, walked with Space as a learner does (its question
// brought, each run, a page down, each step read again with ← and a page down), at 80x24 in
// English with questions on and with --no-quiz, and at 120x34 in Chinese (switched with l); real
// store, lesson engine and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, questionShown, ran, type Rendered } from '../helpers/render.js';
import { lessonRows } from '../helpers/lesson-views.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { Lang } from '../../src/lang.js';
import { strings } from '../../src/app/strings.js';

// asks: false: a wait for a frame never runs a step behind it (render.tsx answerAsk)
const draw = appDrawer('step-text-start', { lessons: LESSONS, asks: false });

const bare = (text: string) => text.replace(/[\s`\u00a0]/g, '');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The row that says step `step`'s text starts above, whatever the count of its rows. */
function markOf(lang: Lang, step: number): RegExp {
  const said = (n: number) => escape(strings(lang).stepTextAbove(step, n)).replace(String(n), '\\d+');
  return new RegExp(`${said(1)}|${said(2)}`);
}

/** What is wrong on screen: rows of the shown step's text drawn without its first, and no row
 *  above them saying its start is above. */
export function startUnsaid(r: Rendered, lang: Lang): string[] {
  const st = r.store.getState();
  const lesson = st.lessons[st.lessonIndex]!;
  const step = lesson.steps[st.view];
  if (st.screen !== 'lesson' || st.overlay !== 'none' || !step || st.zoomed) return [];
  // the text column's rows (at 80 columns the step list beside them left out), without a cut's mark
  const rows = lessonRows(r)
    .map((row) => row.replace(/│$/, ''))
    .map((row) => (row.includes(' │ ') ? row.slice(row.indexOf(' │ ') + 3) : row))
    .map((row) => bare(row).replace(/…$/, ''));
  const say = bare(step.say[lang]);
  // the text's first words in view: it starts at its first line
  if (rows.join('').includes(say.slice(0, 12))) return [];
  // a row of the text's later words, long enough not to be found there by chance
  const shown = rows.findIndex((row) => row.length >= 8 && say.includes(row));
  if (shown < 0) return [];
  const mark = markOf(lang, st.view + 1);
  const said = lessonRows(r).findIndex((row) => mark.test(row));
  if (said >= 0 && said < shown) return [];
  return [`step ${st.view + 1}'s text from a later line, its start above unsaid: "${rows[shown]}"`];
}

/** What startUnsaid finds once the frame settled after a key, with the frame. */
async function look(r: Rendered, lang: Lang, where: string): Promise<string[]> {
  try {
    await r.waitFor(() => startUnsaid(r, lang).length === 0, 'the start said', 2_000);
    return [];
  } catch {
    return [`${where}: ${startUnsaid(r, lang).join(', ')}\n${r.frame()}`];
  }
}

const WAYS: { lang: Lang; width: number; height: number; quiz: boolean }[] = [
  { lang: 'en', width: 80, height: 24, quiz: true },
  { lang: 'en', width: 80, height: 24, quiz: false },
  { lang: 'zh', width: 120, height: 34, quiz: true },
];

describe("a step's text shown from a later line says its start is above", () => {
  for (const { lang, width, height, quiz } of WAYS)
    for (const lesson of LESSONS)
      it(`${lesson.id}: ${lang} ${width}x${height}${quiz ? '' : ' --no-quiz'}, every step, after its run, a PgDn and in review`, async () => {
        // opened in English, switched with l as a learner does
        const r = await draw({ width, height, lang: 'en', lesson: lesson.id, quiz });
        await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
        if (lang !== 'en') {
          await r.press('l');
          await r.waitFor(() => r.store.getState().lang === lang, `l: ${lang}`);
        }
        const wrong: string[] = [];
        wrong.push(...(await look(r, lang, 'opened')));
        for (let k = 0; k < lesson.steps.length; k++) {
          if (quiz && lesson.checkpoints?.[lesson.steps[k]!.id]) {
            await questionShown(r);
            wrong.push(...(await look(r, lang, `step ${k + 1}'s question`)));
          }
          await ran(r, k + 1);
          wrong.push(...(await look(r, lang, `after step ${k + 1}`)));
          await r.press(KEYS.pageDown);
          wrong.push(...(await look(r, lang, `after step ${k + 1}, PgDn`)));
        }
        for (let k = lesson.steps.length - 1; k >= 0; k--) {
          await r.press(KEYS.left);
          await r.waitFor(() => r.store.getState().view === k, `step ${k + 1} in review`);
          wrong.push(...(await look(r, lang, `step ${k + 1} in review`)));
          await r.press(KEYS.pageDown);
          wrong.push(...(await look(r, lang, `step ${k + 1} in review, PgDn`)));
        }
        expect(wrong).toEqual([]);
      }, 300_000);
});
