// The key bar and the lesson pane never disagree on a key (issue 16, fixZ3#2: "→ next" missing
// while a question waited behind Space; "e errata" only on overview step 1 though later texts
// name the errata; the closing text said Space opens the next lesson while the bar said "Space
// skip check"). Every lesson walked with Space alone, each screen on the way seen at 80x24 and
// 120x34, en and zh: every key the lesson pane's visible text names is on the bar; what the
// visible text says Space does is what the bar says; and the Space pressed does that.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { courseNamedKeys, keyFor, keysNamed, NAMES_ERRATA, namedKeys, runLabel, type SpacePlace } from '../../src/app/keymap.js';
import { strings } from '../../src/app/strings.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { Lang } from '../../src/lang.js';
import { renderApp, type Rendered } from '../helpers/render.js';
import { quizPlace } from '../../src/app/store/quiz.js';
import { questionHidden } from '../../src/app/store/turn.js';
import { lessonRows, VIEWS } from '../helpers/lesson-views.js';
import { testTempDir } from '../helpers/temp-dir.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** What the visible text says Space does, in the bar's words where it says so ("Space: step 4's
 *  question"), or the closing words' (endHint): the bar's Space labels that agree with it. */
function spaceSaid(text: string, lang: Lang, last: boolean): string[][] {
  const s = strings(lang);
  const out: string[][] = [];
  // the marker row and the border's signs (strings spaceMarker, spaceSays), in the bar's words;
  // not the your-turn summary's "Space: the lesson's own (…)", which says the values Space runs with
  const said = lang === 'en' ? /Space: (step \d+ \+ question|step \d+'s text|step \d+'s question|check \d+\/\d+|the rest)/g : /空格：(第 \d+ 步及问题|第 \d+ 步的说明|第 \d+ 步的问题|小测 \d+\/\d+|其余部分)/g;
  for (const m of text.matchAll(said)) out.push([`Space ${m[1]}`]);
  const words = (p: object) => runWords({ view: 9, done: 9, steps: 9, lastLesson: last, ...p }, lang);
  // at the end Space brings the rest, and goes no further: → and Enter open the next lesson (issue 16)
  if (text.includes(s.endHint(last).replace(/\u00a0/g, ' '))) out.push([`→/Enter ${words({})}`, `Space ${words({ rest: true })}`]);
  return out;
}

const runWords = (p: SpacePlace, lang: Lang) => runLabel(p)[lang];

/** The bar's keys: the runs of its last line that are keys (each entry's first word). */
function barOf(r: Rendered): string {
  return r.lines().at(-1) ?? '';
}

function disagreements(r: Rendered, lang: Lang, where: string): string[] {
  const out: string[] = [];
  const st = r.store.getState();
  const last = st.lessonIndex === st.lessons.length - 1;
  const text = lessonRows(r).join('\n');
  const bar = barOf(r);
  // the folded aside's line names a, which the bar leaves to it (keymap.ts: the aside's binding)
  const flat = text.replace(/\n/g, ' ').split(strings(lang).asideFolded(keyFor('aside', false))).join(' ');
  // (an entry of two keys, "c/f code", names both)
  // (and "→/Enter next lesson" → and Enter, s29n)
  const barWords = bar.split(/\s+/).flatMap((w) => (/^([a-z]|→)\/([a-z]|Enter)$/.test(w) ? w.split('/') : [w]));
  const onBar = (k: string) => barWords.includes(k) || (k === '↑' || k === '↓' ? bar.includes('↑↓') : false);
  const questionKeys = /^(\d-\d|x|h|Enter)$/;
  // while an ask waits the bar names its second press and that other keys cancel it, which holds for
  // a key the text names too (it cancels the ask and does what the text says)
  const asking = st.ask !== null;
  // what the step's texts name, in view or not (namedKeys: the bar keeps them on the step's screens), and c at the end
  // (every lesson's, at every step: the bar holds them still within a lesson, fixR3, and from lesson to lesson, issue 16 item 16/17)
  const byText = [...namedKeys(st.lessons[st.lessonIndex], st.view), ...courseNamedKeys(st.lessons)];
  const named = [...keysNamed(flat), ...(NAMES_ERRATA.test(flat) ? ['e'] : [])];
  if (!asking) for (const k of named) if (!questionKeys.test(k) && !onBar(k)) out.push(`${where}: the text names ${k}, the bar does not: ${bar.trim()}`);
  // the way on beside Space, whatever Space brings first (a question behind it, the step's rest): →,
  // the last spare key to give way; at 80 columns the keys the text names may take its room (said so)
  const others = barWords.filter((w) => /^([a-z?←]|Tab)$/.test(w) && !['y', 'z', 'q', '?', 'Tab', 'x'].includes(w) && !named.includes(w) && !byText.includes(w));
  if (!asking && st.busy === null && st.view < st.lessons[st.lessonIndex].steps.length && !onBar('→') && (r.lines()[0].length > 80 || others.length > 0)) out.push(`${where}: no → on the bar: ${bar.trim()}`);
  for (const agree of spaceSaid(text, lang, last)) if (!agree.some((w) => bar.startsWith(` ${w}`))) out.push(`${where}: the text says ${agree.join(' / ')}, the bar: ${bar.trim()}`);
  return out;
}

describe('the bar says what the lesson text says a key does', () => {
  for (const lesson of LESSONS)
    it(`${lesson.id}: every screen on the way with Space, 80x24 and 120x34, en and zh`, async () => {
      const state = testTempDir('ipclab-bar-text-');
      dirs.push(state);
      const r = await renderApp({ width: 80, height: 24, lessons: LESSONS, lesson: lesson.id, restart: true, env: { XDG_STATE_HOME: state }, asks: false, color: false });
      await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'the lesson open');
      const index = r.store.getState().lessonIndex;
      const out: string[] = [];
      let answered = 0;
      for (let presses = 0; presses < 80; presses++) {
        const st = r.store.getState();
        if (st.lessonIndex !== index || st.overlay === 'end') break;
        const where = `${lesson.id} ${st.view + 1}/${st.done} press ${presses}`;
        for (const [lang, width, height] of VIEWS) {
          // the language set as l sets it, without the key (a key would cancel an ask waiting)
          if (r.store.getState().lang !== lang) r.store.setState({ lang });
          r.resize(width, height);
          const drawn = (f: string) => f.split('\n').length === height && f.split('\n')[0].length <= width;
          let found: string[] = [];
          try {
            await r.waitFor((f) => drawn(f) && (found = disagreements(r, lang, `${where} ${lang} ${width}x${height}`)).length === 0, 'agree', 600);
          } catch {
            out.push(...found);
          }
        }
        if (r.store.getState().lang !== 'en') r.store.setState({ lang: 'en' });
        r.resize(80, 24);
        await r.waitFor((f) => f.split('\n').length === 24, '80x24');
        // a question of the check on screen: answered (1), so that its verdict and "▸ Space: check
        // k/n" are seen too; the lesson's steps go by Space alone
        const place = quizPlace(st);
        if (place?.kind === 'check' && !questionHidden(st) && st.ask === null && st.checkPicks[place.question] === undefined) {
          const deadline = Date.now() + 10_000;
          while (r.store.getState().checkPicks[place.question] === undefined && Date.now() < deadline) {
            await r.press('1');
            await new Promise((res) => setTimeout(res, 100));
          }
          answered++;
          continue;
        }
        const before = JSON.stringify([st.done, st.view, st.lessonIndex, st.overlay, st.ask, st.scroll.lesson, st.resultShown, st.opened, st.checkOpened]);
        // what the bar says Space does (80x24, en), and what it did
        const words = barOf(r).match(/^ (?:Space|→\/Enter) ((?:re-run|run|again: run) \d+(?: unanswered)?|step \d+ \+ question|step \d+'s (?:text|question)|the rest|check \d+\/\d+|next lesson|finish)/)?.[1] ?? '';
        // at the end, all in view, the bar names → and Enter, not Space, which goes no further (issue 16)
        const end = barOf(r).startsWith(' →/Enter ');
        if (end) {
          await r.press(' ');
          await r.waitFor((f) => f.includes('Space goes no further'), `${where}: Space at the end says so`);
          expect(r.store.getState().lessonIndex).toBe(st.lessonIndex);
        }
        await r.press(end ? '\r' : ' ');
        await r.waitFor(() => {
          const now = r.store.getState();
          return now.busy === null && JSON.stringify([now.done, now.view, now.lessonIndex, now.overlay, now.ask, now.scroll.lesson, now.resultShown, now.opened, now.checkOpened]) !== before;
        }, `${where}: Space did something`, 20_000);
        const now = r.store.getState();
        const ran = now.done > st.done || now.view !== st.view;
        const left = now.lessonIndex !== st.lessonIndex || now.overlay === 'end';
        const asked = now.ask !== null && st.ask === null;
        // a question with no answer picked: the first Space asks (the status line says so), whatever it would do
        const did = /^(re-run|run|again: run) \d+/.test(words) ? ran || asked
          : /^(step \d+('s| \+)|the rest$|check \d+\/\d+$)/.test(words) ? !ran && !left
          : /^(next lesson|finish)$/.test(words) ? left
          : false;
        if (!did) out.push(`${where}: the bar said "${end ? '→/Enter' : 'Space'} ${words}", and the key ${ran ? 'ran a step' : left ? 'left the lesson' : asked ? 'asked' : 'changed the view'}`);
      }
      await r.quit();
      expect(out.slice(0, 20)).toEqual([]);
      // the check was met and answered on the way (its verdicts and "Space shows check k/n" seen)
      expect(answered).toBe(lesson.check?.length ?? 0);
    }, 300_000);
});
