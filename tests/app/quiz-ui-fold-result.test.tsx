// The result of the step just run never scrolls away unseen (fix17a: at 80x24 the next step's
// question took the room and pushed the notice above "↑ 5 more PgUp: step 6's result", 1-7 PgUp
// a lesson). Every step of every lesson, right after the step before ran (its question skipped,
// as the walkthrough does), at 80x24 and 120x34, in English and Chinese (the same run, resized
// and switched with l): the whole notice of the step just run is in the lesson pane with no key
// pressed, and the next step's question is in view too, or one key away: the pane's last line
// names Enter, and Enter brings the label, every choice and the keys line into view.
import { describe, expect, it } from 'vitest';
import { KEYS, appDrawer, ran } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { quizPlace } from '../../src/app/store/quiz.js';
import { questionBehind } from '../../src/app/store/turn.js';
import { AT_QUESTION } from '../../src/app/store/panes.js';
import type { Lang } from '../../src/lang.js';
import type { Rendered } from '../helpers/render.js';
import { lessonRows, VIEWS } from '../helpers/lesson-views.js';

// asks: false, so that Enter only does what the screen says (no helper answers behind it)
const draw = appDrawer('quiz-ui-fold-result', { lessons: LESSONS, asks: false });

/** The lesson text as drawn, the step list beside it (80 columns) left out, without blanks or
 *  backticks (the pane draws code without them), so a paragraph wrapped anyhow compares whole. */
function paneText(r: Rendered): string {
  return lessonRows(r)
    .map((row) => row.replace(/│$/, ''))
    .map((row) => (row.includes(' │ ') ? row.slice(row.indexOf(' │ ') + 3) : row))
    .join('')
    .replace(/[\s`]/g, '');
}

/** What is missing of step `step`'s (1-based) notice: none when the whole of it is in the pane. */
function noticeCut(r: Rendered, lang: Lang, step: number): string[] {
  const st = r.store.getState();
  const s = strings(lang);
  const notice = (st.notices[step - 1] ?? st.lessons[st.lessonIndex].steps[step - 1].notice)[lang];
  const whole = `${s.noticeOfStep(step)}${s.colon}${notice}`.replace(/[\s`]/g, '');
  return paneText(r).includes(whole) ? [] : [`the whole notice of step ${step}`];
}

/** What of the open question is not in the pane: its label, each choice's start, its keys line's start. */
function questionCut(r: Rendered, lang: Lang): string[] {
  const st = r.store.getState();
  const place = quizPlace(st);
  if (place?.kind !== 'checkpoint') return ['an open question'];
  const lesson = st.lessons[st.lessonIndex];
  const q = lesson.checkpoints![lesson.steps[place.step].id]!;
  const s = strings(lang);
  const rows = lessonRows(r);
  // the open question's label is the last so labelled (one not asked on a replay is shown above, under the notice)
  let at = rows.length - 1;
  while (at >= 0 && !rows[at].includes(`${s.question}${s.colon}`)) at--;
  if (at < 0) return [`the label ${s.question}`];
  const after = rows.slice(at).join('\n');
  const choices = q.choices.flatMap((c, i) => {
    const start = `${i + 1}) ${c[lang].replace(/`/g, '').slice(0, 4)}`;
    return after.includes(start) ? [] : [start];
  });
  const keys = s.quizKeys(q.choices.length, 'x', undefined, 'h').slice(0, 8);
  return [...choices, ...(after.includes(keys) ? [] : [`the keys "${keys}…"`])];
}

/** The view `lang` `width`x`height`, switched to (l) and resized; waits for a whole frame. */
async function viewAs(r: Rendered, lang: Lang, width: number, height: number): Promise<void> {
  if (r.store.getState().lang !== lang) {
    await r.press('l');
    await r.waitFor(() => r.store.getState().lang === lang, `l: ${lang}`);
  }
  r.resize(width, height);
  await r.waitFor((f) => f.split('\n').length === height && f.split('\n')[0].length <= width, `${width}x${height}`);
}

/** Polls until `lacks` finds nothing missing (a frame may lag a resize); what it still finds, else. */
async function settle(r: Rendered, lacks: () => string[]): Promise<string[]> {
  try {
    await r.waitFor(() => lacks().length === 0, 'all in view', 2_000);
    return [];
  } catch {
    return lacks();
  }
}

describe('the result of the step just run is in view, the next question one named key away (fix17a)', () => {
  for (const lesson of LESSONS)
    it(`${lesson.id}: after each step ran, 80x24 and 120x34, en and zh`, async () => {
      const r = await draw({ width: 80, height: 24, lang: 'en', lesson: lesson.id });
      const wrong: string[] = [];
      let pinned = 0;
      for (let k = 0; k < lesson.steps.length; k++) {
        await r.waitFor(() => r.store.getState().view === k && r.store.getState().done === k && r.store.getState().busy === null, `step ${k + 1} shown`);
        const asks = lesson.checkpoints?.[lesson.steps[k].id] !== undefined;
        if (k > 0)
          for (const [lang, width, height] of VIEWS) {
            await viewAs(r, lang, width, height);
            const where = `after step ${k} ${lang} ${width}x${height}`;
            const cut = await settle(r, () => noticeCut(r, lang, k));
            if (cut.length) wrong.push(`${where}: ${cut.join(', ')}\n${r.frame()}`);
            if (!asks || questionCut(r, lang).length === 0) continue;
            // the question not in view: the pane's last line names the key that brings it
            const said = strings(lang).questionBehind(k + 1);
            const rows = lessonRows(r);
            if (!rows.some((l) => l.includes(said)) || !questionBehind(r.store.getState())) {
              wrong.push(`${where}: the question is neither in view nor behind "${said}"\n${r.frame()}`);
              continue;
            }
            pinned++;
            await r.press(KEYS.enter);
            await r.waitFor(() => r.store.getState().opened[k] === true, 'Enter: the question');
            const missing = await settle(r, () => questionCut(r, lang));
            if (missing.length) wrong.push(`${where}, Enter pressed: ${missing.join(', ')}\n${r.frame()}`);
            if (r.store.getState().ask !== null || r.store.getState().done !== k) wrong.push(`${where}: Enter did more than bring the question`);
            // back to the moment right after the run, for the next view
            r.store.setState({ opened: {}, scroll: { ...r.store.getState().scroll, lesson: AT_QUESTION } });
          }
        await viewAs(r, 'en', 80, 24);
        // unanswered: Enter (where the question waits behind it), a Space that asks, a second that runs it
        await r.press(KEYS.space);
        await ran(r, k + 1);
      }
      expect(wrong).toEqual([]);
      // the lessons with a question after a long result wait behind Enter somewhere (shmat 7 at 80x24)
      if (lesson.id === 'shmat') expect(pinned).toBeGreaterThan(0);
    }, 240_000);
});
