// A lesson started from the menu without the lessons before it (issue 16: parent-child opened
// from the menu listed 16 words on step 1's "New terms", shmget to nattch, everything lessons 1-6
// introduce): the words those lessons introduce are no new terms of its steps. Its first screen
// says once what it builds on ("Builds on lessons 1, 4 and 6: System V, the notes, …"), at most
// two rows at 80x24, and g lists those words first; every step's "New terms" lines, before and
// after its run, name only words this lesson introduces. A learner who did the lessons before
// (or goes through the course in order) sees no builds-on line. Every lesson, run for real in
// the app, its lines read in both languages.
import { describe, expect, it } from 'vitest';
import { buildsLine, buildsOnShown, MOST_TERM_ROWS, paneNewTerms } from '../../src/app/components/lesson-view.js';
import { lessonAt } from '../../src/app/store/progress.js';
import { glossaryList } from '../../src/app/store/navigation.js';
import { strings } from '../../src/app/strings.js';
import { layoutText, wrap } from '../../src/app/text-fit.js';
import { entriesUsed, entryFor, GLOSSARY, glossaryWord, textsByStep } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { Lang } from '../../src/lang.js';
import { appDrawer, KEYS, type Rendered } from '../helpers/render.js';

const drawer = appDrawer('builds-on', { lessons: LESSONS });
const draw = (opts: Omit<Parameters<typeof drawer>[0], 'width' | 'height'>) => drawer({ width: 80, height: 24, ...opts });

const LANGS: Lang[] = ['en', 'zh'];

/** A word as a line names it, with its entry: "id word". */
const keyOf = (word: string, lang: Lang) => {
  const entry = entryFor(word);
  return entry ? `${entry.id} ${glossaryWord(entry, word, lang).toLowerCase()}` : `? ${word}`;
};

/** Every word the texts of the lessons before `index` use (their steps' texts, questions,
 *  notices, the Flow's labels), as a line names it. */
function earlierWords(index: number, lang: Lang): Set<string> {
  return new Set(
    LESSONS.slice(0, index).flatMap((lesson) =>
      textsByStep(lesson, lang).flatMap((t) => [...entriesUsed(`${t.before}\n${t.after}`, GLOSSARY)].flatMap(([entry, words]) => words.map((w) => `${entry.id} ${glossaryWord(entry, w, lang).toLowerCase()}`))),
    ),
  );
}

/** The lead of the builds-on line in `lang`: "Builds on", "建立在". */
const lead = (lang: Lang) => strings(lang).buildsOn('\u0000', '', '').split('\u0000')[0]!.trim();

/** Opens lesson `index` from the menu (m, the cursor moved there, Enter; a second Enter where
 *  the first asks about questions left) and waits for its first screen. */
async function fromMenu(r: Rendered, index: number): Promise<string> {
  const st = r.store.getState();
  st.toggleMenu();
  st.menuMove(index - st.lessonIndex);
  r.store.getState().menuOpen();
  if (r.store.getState().overlay === 'menu') r.store.getState().menuOpen();
  return r.waitFor(() => {
    const now = r.store.getState();
    return now.lessonIndex === index && now.busy === null && now.overlay === 'none' && now.run !== null;
  }, `lesson ${index + 1} open`);
}

/** The words the lesson pane's "New terms" lines name now (the shown step's and the step just run's), in `lang`. */
function namedNow(r: Rendered, lang: Lang): string[] {
  const st = r.store.getState();
  const t = paneNewTerms(st.lessons, lang, lessonAt(st), st.view, st.done, { trace: st.trace, stepStarts: st.stepStarts, notices: st.notices }, '', st.quiz);
  return [...t.names, ...(t.justRun ?? [])];
}

/** Space until step `k` (0-based) ran: a Space may first bring more of the step's text or its question. */
async function runStep(r: Rendered, k: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (r.store.getState().done < k + 1) {
    if (Date.now() > deadline) throw new Error(`step ${k + 1} did not run; the screen shows:\n${r.frame()}`);
    if (r.store.getState().busy === null) await r.press(KEYS.space);
    await r.waitFor(() => r.store.getState().done >= k + 1 || r.store.getState().busy === null, `step ${k + 1} under way`, 60_000);
    await new Promise((res) => setTimeout(res, 20));
  }
  await r.waitFor(() => r.store.getState().busy === null, `step ${k + 1} settled`, 60_000);
}

describe('a lesson started from the menu says what it builds on, once', () => {
  LESSONS.forEach((lesson, index) => {
    if (index === 0) return;
    it(`${lesson.id} from the menu: the first screen names what it builds on; no step's New terms names a word an earlier lesson introduces`, async () => {
      const r = await draw({ lesson: 'overview', restart: true, lang: 'en' });
      const first = await fromMenu(r, index);
      const builds = buildsOnShown(LESSONS, 'en', lessonAt(r.store.getState()), 'g');
      expect(builds?.words.length, `${lesson.id}: it builds on nothing`).toBeGreaterThan(0);
      expect(first, `${lesson.id}: the first screen says what it builds on`).toContain(lead('en'));
      // g lists those words first (after an entry the text on screen points to)
      r.store.getState().toggleList('glossary');
      const listed = glossaryList(r.store.getState()).slice(0, builds!.words.length + 1).map((e) => e.id);
      for (const word of builds!.words) expect(listed, `${lesson.id}: g lists '${word}' first`).toContain(entryFor(word)!.id);
      r.store.getState().toggleList('glossary');
      const earlier = Object.fromEntries(LANGS.map((lang) => [lang, earlierWords(index, lang)])) as Record<Lang, Set<string>>;
      const check = (where: string) => {
        for (const lang of LANGS) {
          for (const word of namedNow(r, lang)) {
            expect(earlier[lang].has(keyOf(word, lang)), `${lesson.id} ${where} (${lang}): New terms names '${word}', which an earlier lesson introduces`).toBe(false);
          }
        }
      };
      check('step 1');
      for (let k = 0; k < lesson.steps.length; k++) {
        await runStep(r, k);
        check(`after step ${k + 1}`);
      }
      // the line is said once: on no later screen
      expect(r.frame(), `${lesson.id}: the builds-on line at the lesson's end`).not.toContain(lead('en'));
    }, 120_000);
  });

  it('zh: parent-child from the menu says it too', async () => {
    const index = LESSONS.findIndex((l) => l.id === 'parent-child');
    const r = await draw({ lesson: 'overview', restart: true, lang: 'zh' });
    expect(await fromMenu(r, index)).toContain(lead('zh'));
  });

  it('a learner who did the lessons before it sees no builds-on line; nor one going through the course in order', async () => {
    for (const lang of LANGS) {
      const r = await draw({ lesson: 'overview', restart: true, lang });
      for (let index = 1; index < LESSONS.length; index++) {
        r.store.setState({ completed: LESSONS.slice(0, index).map((l) => l.id) });
        const first = await fromMenu(r, index);
        expect(first, `${LESSONS[index]!.id} (${lang}) after the lessons before it`).not.toContain(lead(lang));
        expect(buildsOnShown(LESSONS, lang, lessonAt(r.store.getState()), 'g')).toBeUndefined();
      }
      await r.quit();
    }
    // the course in order: overview run to its end, Space opens shmget
    const r = await draw({ lesson: 'overview', restart: true, lang: 'en' });
    const overview = LESSONS[0]!;
    for (let k = 0; k < overview.steps.length; k++) await runStep(r, k);
    for (let i = 0; i < 10 && r.store.getState().lessonIndex === 0; i++) {
      await r.press(KEYS.space);
      await r.waitFor(() => r.store.getState().busy === null, 'Space at the end of overview');
    }
    const next = await r.waitFor(() => r.store.getState().lessonIndex === 1 && r.store.getState().busy === null && r.store.getState().run !== null, 'shmget open');
    expect(next).not.toContain(lead('en'));
  }, 120_000);

  it('the line takes at most two rows at 80x24, en and zh, every lesson from the menu, the rest counted', () => {
    for (const lang of LANGS) {
      LESSONS.forEach((lesson, index) => {
        const builds = buildsOnShown(LESSONS, lang, { index, ran: [] }, 'g');
        if (!builds) return;
        // the lesson pane's text beside its step list at 80 columns (as the tmux capture shows it)
        for (const width of [72, 45]) {
          const line = buildsLine(builds, strings(lang), width, false);
          expect(wrap(layoutText(false).text(line), width, { code: true }).length, `${lesson.id} (${lang}) at ${width}: ${line}`).toBeLessThanOrEqual(MOST_TERM_ROWS);
          expect(line.replace(/\u00a0/g, ' ')).toContain(builds.words[0]!);
        }
      });
    }
  });
});
