// The shown step's title is whole on screen at every view: in the lesson text's heading, else on
// the lesson pane's border or the status line; the border says the pane's name first, whatever
// its width (issue 16: shmctl 3's "┌─ ▶ step 3/8: …" beside shmget 3's "┌─ Lesson · ▶ step 3/6: …");
// where the border cuts the title, at its end and at a word (issue 16:
// newcomers at 80x24 en and 120x34 zh read step titles cut with "…" until Space). Every step of
// every lesson with questions on, after each run, a page down and with each question open, at 80x24 and
// 120x34, en and zh; real store, lesson engine and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, questionShown, ran, type Rendered } from '../helpers/render.js';
import { looks, paneText } from '../helpers/lesson-views.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { Lang } from '../../src/lang.js';
import { strings } from '../../src/app/strings.js';

const draw = appDrawer('step-title-whole', { lessons: LESSONS });

const bare = (text: string) => text.replace(/[\s`\u00a0]/g, '');

/** What is wrong with the shown step's title on screen: not whole anywhere, or cut inside a word. */
function titleLacks(r: Rendered, lang: Lang): string[] {
  const st = r.store.getState();
  const lesson = st.lessons[st.lessonIndex]!;
  const step = lesson.steps[st.view];
  if (st.screen !== 'lesson' || st.overlay !== 'none' || !step || st.zoomed) return [];
  const title = step.title[lang];
  const lines = r.lines();
  // the lesson pane's own top border (side by side another pane's stands beside it)
  const head = lines.find((l) => l.startsWith('┌─')) ?? '';
  const border = head.slice(0, head.indexOf('┐') + 1);
  const status = lines.at(-2) ?? '';
  const out: string[] = [];
  if (!border.startsWith(`┌─ ${strings(lang).lessonTitle}`)) out.push(`the border does not name the pane first: "${border}"`);
  if (![paneText(r), bare(border), bare(status)].some((t) => t.includes(bare(title)))) out.push(`step ${st.view + 1}'s title not whole on screen: "${title}"`);
  // a title cut on the border ends at one of its words: "▶ step 6/8: The other way:…", never "The oth…"
  const cut = new RegExp(`${st.view + 1}/${lesson.steps.length}[:：] ?(.+?)(…|\\.\\.\\.)`).exec(border);
  if (cut) {
    const kept = cut[1]!.trimEnd();
    const next = title.slice(kept.length);
    if (!title.startsWith(kept) || !/^[\s,;:，；：、]/.test(next)) out.push(`the border cuts the title inside a word: "${cut[0]}"`);
  }
  return out;
}

describe("the shown step's title is whole on screen, and cut only at a word", () => {
  for (const lesson of LESSONS)
    it(`${lesson.id}: after every run, a PgDn and under every question, 80x24 and 120x34, en and zh`, async () => {
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
      expect(wrong).toEqual([]);
    }, 300_000);
});
