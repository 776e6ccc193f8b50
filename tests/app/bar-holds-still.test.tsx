// Within one lesson at one terminal size the key bar names one set of keys, in one order, at every
// step (issue 16, fixR3: newcomers at 80x24 saw "e errata" in parent-child step 1, gone at 2-5, back
// at 6-7; "l 中文" missing at serv-clnt 4 and 5; "→ next" and "l" gone at shmget 3; sem 1 at 120x34
// zh without "e 勘误"; a bar short of room ran its entries together with one space). Every lesson
// walked with Space, quiz on, each screen seen at 80x24 and 120x34, en and zh: the bar's entries,
// words and all, but Space's (and y where a form waits) are the same at every screen, a question's
// too, outside an ask, a form being edited, the check, a run and the lesson's end (those have bars
// of their own), and two spaces stand between its entries on every screen.
// And from lesson to lesson (issue 16 item 16/17, newcomer passes 4-5: "c code … g terms  Tab" in a
// lesson naming e, "c C code … g glossary  Tab pane" in one not, read as other keys): at one size
// and language every lesson's bar names the same entries, keys and words, but Space's.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { LESSONS } from '../../src/lessons/index.js';
import { onwardKey, renderApp, type Rendered } from '../helpers/render.js';
import { quizPlace } from '../../src/app/store/quiz.js';
import { atLessonEnd } from '../../src/app/store/turn.js';
import { VIEWS } from '../helpers/lesson-views.js';
import { testTempDir } from '../helpers/temp-dir.js';

const dirs: string[] = [];
/** Per size and language, each bar's entries but Space's seen in any lesson, and where first. */
const course = new Map<string, Map<string, string>>();
const lessonsWalked = new Set<string>();
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const KEY = /^(Space|[a-z?]|Tab|[←→↑↓]|↑↓|\d-\d)$/;

/** The bar's entries but Space's and y's, words and all (split at two spaces), and those holding a second key (one space between two entries). */
function entries(bar: string): { runTogether: string[]; others: string } {
  const parts = bar.trim().split(/ {2,}/);
  const runTogether = parts.filter((p) => p.split(' ').slice(1).some((w) => KEY.test(w) && w !== 'C'));
  // every entry but Space's and y's (where a form waits), with its words: what the learner compares between lessons
  const others = parts.filter((p) => !['Space', 'y'].includes(p.split(' ')[0])).join('  ');
  return { runTogether, others };
}

/** A screen with a bar of its own: an ask (Space again at an unanswered question, r again, an erratum's
 *  jump), a form being edited, the check, a run, the lesson's end ("→/Enter next lesson" first, in Space's
 *  place and →'s: s29n). A question in view or behind Space, and a form waiting, are not: their bar
 *  is the lesson's, but Space's words and y beside them (issue 16: e left the bar at shmctl 3's question). */
function ownBar(r: Rendered): boolean {
  const st = r.store.getState();
  return st.ask !== null || st.busy !== null || st.jumping !== null || st.turnFocus !== null || quizPlace(st)?.kind === 'check' || atLessonEnd(st);
}

describe('the key bar holds still within a lesson', () => {
  for (const lesson of LESSONS)
    it(`${lesson.id}: one set of keys at every step, two spaces apart, 80x24 and 120x34, en and zh`, async () => {
      const state = testTempDir('ipclab-bar-still-');
      dirs.push(state);
      const r = await renderApp({ width: 80, height: 24, lessons: LESSONS, lesson: lesson.id, restart: true, env: { XDG_STATE_HOME: state }, color: false });
      await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'the lesson open');
      const index = r.store.getState().lessonIndex;
      const seen = new Map<string, Map<string, string>>();
      const out: string[] = [];
      for (let presses = 0; presses < 80; presses++) {
        const st = r.store.getState();
        if (st.lessonIndex !== index || st.overlay === 'end') break;
        for (const [lang, width, height] of VIEWS) {
          if (r.store.getState().lang !== lang) r.store.setState({ lang });
          r.resize(width, height);
          await r.waitFor((f) => f.split('\n').length === height && f.split('\n')[0].length <= width && (f.split('\n').at(-1) ?? '').startsWith(' '), `${lang} ${width}x${height}`);
          const bar = r.lines().at(-1) ?? '';
          const where = `${lesson.id} ${st.view + 1}/${st.done} press ${presses} ${lang} ${width}x${height}: ${bar.trim()}`;
          const { runTogether, others } = entries(bar);
          if (runTogether.length) out.push(`${where}: one space between entries (${runTogether.join(' | ')})`);
          if (ownBar(r)) continue;
          const size = `${lang} ${width}x${height}`;
          const bySet = seen.get(size) ?? new Map<string, string>();
          seen.set(size, bySet);
          if (!bySet.has(others)) bySet.set(others, where);
          const byBar = course.get(size) ?? new Map<string, string>();
          course.set(size, byBar);
          if (!byBar.has(others)) byBar.set(others, where);
        }
        if (r.store.getState().lang !== 'en') r.store.setState({ lang: 'en' });
        r.resize(80, 24);
        await r.waitFor((f) => f.split('\n').length === 24, '80x24');
        const before = JSON.stringify([st.done, st.view, st.lessonIndex, st.overlay, st.ask, st.scroll.lesson, st.resultShown, st.opened, st.checkOpened]);
        await r.press(await onwardKey(r));
        await r.waitFor(() => {
          const now = r.store.getState();
          return now.busy === null && JSON.stringify([now.done, now.view, now.lessonIndex, now.overlay, now.ask, now.scroll.lesson, now.resultShown, now.opened, now.checkOpened]) !== before;
        }, `${lesson.id} press ${presses}: a key did something`, 20_000);
      }
      await r.quit();
      for (const [size, sets] of seen) if (sets.size > 1) out.push(`${size}: ${sets.size} sets of keys:\n  ${[...sets.values()].join('\n  ')}`);
      expect(out.slice(0, 12)).toEqual([]);
      expect(seen.size).toBe(VIEWS.length);
      lessonsWalked.add(lesson.id);
    }, 300_000);

  // after every lesson above was walked (a lesson that failed above fails this one too: nothing to compare)
  it('every lesson: the same entries, keys and words but Space\'s, at each size and language', () => {
    expect([...lessonsWalked]).toEqual(LESSONS.map((l) => l.id));
    const out: string[] = [];
    for (const [size, bars] of course) if (bars.size > 1) out.push(`${size}: ${bars.size} bars:\n  ${[...bars.values()].join('\n  ')}`);
    expect(out).toEqual([]);
    expect(course.size).toBe(VIEWS.length);
  });
});
