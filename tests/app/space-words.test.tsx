// One wording for what Space does, wherever it is named (issue 16 item 10): overview 2 at 80x24
// said "▸ Space: more of step 2 + question" in the text's marker row, "Space: step 2's text" on the
// lesson pane's border and "Space step 2 + question" on the key bar for one press; at a lesson's end
// the border said "Space: the rest" while the bar offered only →/Enter; and the status line said
// "step 2 is on screen; Space runs it" where Space showed step 2's text first. A learner walks
// every lesson (answering each question as it comes, Enter at each end) at 80x24 in English and
// 120x34 in Chinese: on every screen, every place that names Space (the marker row, the border,
// the status line) says what the key bar's Space entry says, and none names Space where the bar has
// no Space entry.
import { describe, expect, it } from 'vitest';
import { KEYS, appDrawer, checkReadable, onwardKey } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { quizPlace } from '../../src/app/store/quiz.js';
import { atLessonEnd, questionHidden } from '../../src/app/store/turn.js';
import { LANGS, type Lang } from '../../src/lang.js';
import { strings } from '../../src/app/strings.js';
import type { Rendered } from '../helpers/render.js';

const draw = appDrawer('space-words', { lessons: LESSONS, asks: false });

/** What the key bar's Space entry says (null: the bar has none), and what every other place that
 *  names Space says it does: "Space: …" (空格：…) on a border or the marker row, "Space now: …"
 *  (现在按空格：…) on the status line; each up to the frame, two spaces or the line's end. */
export function spaceSaid(frame: string): { bar: string | null; others: string[] } {
  const lines = frame.split('\n');
  const barLine = lines[lines.length - 1] ?? '';
  const bar = /^ Space (.+?)(?: {2}|$)/.exec(barLine)?.[1]?.trimEnd() ?? null;
  const others: string[] = [];
  for (const line of lines.slice(0, -1))
    for (const m of line.matchAll(/(?:Space(?: now)?: |空格：)(.+?)(?=\s*[│┘┐┤─]| {2}|\s*$)/g)) others.push(m[1]!.trim());
  return { bar, others };
}

/** The your-turn form's summary names the values Space runs the step with ("Space: the lesson's own
 *  (…)", turn-view.ts), beside the bar's "run N": what it runs with, not another action. */
const FORM_VALUES = LANGS.flatMap((lang) => [strings(lang).turnSpaceOwn('\u0000'), strings(lang).turnSpaceYours('\u0000', true), strings(lang).turnSpaceYours('\u0000', false)]).map((t) => t.replace(/^(Space: |空格：)/, '').split('\u0000')[0]!);

/** The places naming Space with words other than the bar's, on this frame. */
function disagreeing(frame: string): string[] {
  const { bar, others } = spaceSaid(frame);
  return others.filter((o) => o !== bar && !FORM_VALUES.some((v) => o.startsWith(v))).map((o) => `"${o}" where the bar says ${bar === null ? 'no Space' : `"Space ${bar}"`}`);
}

/** Presses `key` and waits until the app acted on it and drew the screen it leads to. */
async function pressSettled(r: Rendered, key: string): Promise<void> {
  const st = r.store.getState();
  const was = JSON.stringify([st.lessonIndex, st.done, st.view, st.guesses, st.checkPicks, st.opened, st.scroll.lesson, st.resultShown]);
  await r.press(key);
  await r.waitFor(() => {
    const now = r.store.getState();
    const shown = now.resultShown;
    return now.busy === null && JSON.stringify([now.lessonIndex, now.done, now.view, now.guesses, now.checkPicks, now.opened, now.scroll.lesson, shown]) !== was && shown?.lesson === now.lessonIndex && shown.done === now.done && shown.view === now.view;
  }, `${JSON.stringify(key)} acted`, 30_000);
}

/** A learner's key now: the digit 1 at a question in view not yet answered (the check's too),
 *  else Space, at a lesson's end Enter (onwardKey). */
async function learnerKey(r: Rendered): Promise<string> {
  const st = r.store.getState();
  const place = quizPlace(st);
  if (place?.kind === 'checkpoint' && !questionHidden(st) && st.guesses[place.step] === undefined) return '1';
  if (place?.kind === 'check' && !questionHidden(st)) {
    await checkReadable(r, place.question);
    return '1';
  }
  return atLessonEnd(st) ? KEYS.enter : onwardKey(r);
}

describe('every place that names Space says what the key bar says it does', () => {
  it('the words are found on a frame: the marker row, the border, the status line and the bar', () => {
    const frame = [
      '│     │ ▸ Space: step 2 + question                                             │',
      '└─────────────────────────────────────────── ↓ 5 more Space: step 2\'s text ┘',
      ' 2 Spaces during step 1\'s run not used; Space now: step 2 + question   ↑↓ Trace',
      ' Space step 2 + question  c/f code  z zoom',
    ].join('\n');
    expect(spaceSaid(frame)).toEqual({ bar: 'step 2 + question', others: ['step 2 + question', "step 2's text", 'step 2 + question'] });
    expect(disagreeing(frame)).toEqual([`"step 2's text" where the bar says "Space step 2 + question"`]);
    expect(disagreeing('└── ↓ 3 more Space: the rest ┘\n →/Enter next lesson  c/f code')).toEqual(['"the rest" where the bar says no Space']);
    expect(spaceSaid('└── ↓ 还有 5 行 空格：第 2 步及问题 ┘\n Space 第 2 步及问题  c/f 代码').others).toEqual(['第 2 步及问题']);
  });

  const views: [Lang, number, number][] = [['en', 80, 24], ['zh', 120, 34]];
  it.each(views)('%s %ix%i: every screen of every lesson, walked as a learner', async (lang, width, height) => {
    const r = await draw({ width, height, lang, lesson: LESSONS[0].id, restart: true });
    await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the first lesson');
    const wrong: string[] = [];
    let named = 0;
    const look = async (where: string) => {
      // the frame of the state now: the places that name Space agree once it is drawn
      let frame = '';
      try {
        frame = await r.waitFor((f) => disagreeing(f).length === 0, where, 2_000);
      } catch {
        frame = r.frame();
        wrong.push(`${where}: ${disagreeing(frame).join('; ')}\n${frame}`);
      }
      named += spaceSaid(frame).others.length;
    };
    for (let lesson = 0; lesson < LESSONS.length; lesson++) {
      await r.waitFor(() => r.store.getState().lessonIndex === lesson && r.store.getState().busy === null, `lesson ${lesson + 1}`, 30_000);
      const id = LESSONS[lesson].id;
      await look(`${id} opened`);
      // a Space within half a second of Enter opening the lesson waits (store/run.ts moveWaits):
      // the learner read it that long (nothing on screen depends on the time, as checkReadable)
      r.store.setState({ onwardAt: 0 });
      // at most a few keys a step (the rest of its text, its question, the answer, the run) and the check
      for (let keys = 0; keys < 200 && r.store.getState().lessonIndex === lesson; keys++) {
        if (lesson === LESSONS.length - 1 && atLessonEnd(r.store.getState())) break;
        const st = r.store.getState();
        const key = await learnerKey(r);
        await pressSettled(r, key);
        await look(`${id} step ${st.done + 1} after ${JSON.stringify(key)}`);
      }
    }
    expect(wrong).toEqual([]);
    // the walk met the marker rows and borders that name Space
    expect(named).toBeGreaterThan(20);
  }, 900_000);
});
