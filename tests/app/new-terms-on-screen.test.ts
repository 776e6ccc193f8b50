// "New terms" lists what the screen shows, when it shows it (issue 16, fixR6): going through
// every lesson in order, run for real, in both languages, a term is listed at the first step
// whose screen shows it -- the step's text and question, its notice and aside, its trace's lines,
// the Kernel pane's headings over what its calls made -- and never before. A misspelling the notes use (IPC_CREATE) is never listed, from a
// text or from a trace (ftok 4's trace note brought it back after session 23's fix of the texts).
// The rendered line -- a word only a question or an aside says, listed only while it is shown --
// is new-terms-shown-parts.test.ts's.
import { afterAll, describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/engine.js';
import { traceLines } from '../../src/lessons/format.js';
import { cSpellingOf, entriesUsed, GLOSSARY, glossaryWord, stepTerms, termsIn, textsByStep, traceShown, traceTerms, type GlossaryEntry } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { paneWords } from '../../src/lessons/pane-words.js';
import type { LessonRun } from '../../src/lessons/types.js';

const runs: LessonRun[] = [];
afterAll(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

/** a word as a thing to look up: the entry by its plain words, a code word by itself (shm_nattch is
 *  nattch), a term's C spelling as the term (cSpellingOf: key_t is key, access_perms perms) */
const keyOf = (entry: GlossaryEntry, word: string) => {
  const plain = cSpellingOf(entry, word) ?? word;
  const code = termsIn(plain);
  return code.length === 1 && code[0] === plain ? `${entry.id} ${plain.replace(/^(?:shm|msg|sem)_(?=[a-z])/, '').toLowerCase()}` : entry.id;
};

describe('New terms: listed where first on screen', () => {
  it('every step of every lesson, in order, en and zh: nothing listed that its screen does not show, no misspelling (ftok 4\'s IPC_CREATE from its trace)', async () => {
    // every lesson runs once; both languages read the same runs
    const done: LessonRun[] = [];
    for (const lesson of LESSONS) {
      const run = startLesson(lesson);
      runs.push(run);
      while (run.done < lesson.steps.length) await run.runNext();
      done.push(run);
    }
    const early: string[] = [];
    const unlisted: string[] = [];
    let checked = 0;
    for (const lang of ['en', 'zh'] as const) {
      const met = new Set<string>();
      const ran: string[] = [];
      const shown: string[] = [];
      LESSONS.forEach((lesson, index) => {
        const run = done[index]!;
        const at = { index, ran: [...ran], shown: [...shown] };
        const texts = textsByStep(lesson, lang);
        lesson.steps.forEach((_, i) => {
          const trace = run.trace.slice(run.stepStarts[i], run.stepStarts[i + 1] ?? run.trace.length);
          const lines = trace.flatMap((e) => traceLines(e, lang));
          const pane = trace.flatMap((e) => (e.type === 'call' ? paneWords(e) : []));
          // the step's screen before and after its run: the notice the run showed, where it
          // replaced the step's own (race 1's round, 4's cache line)
          const step = lesson.steps[i]!;
          const live = run.outcomes[i]?.notice?.[lang];
          const after = live === undefined ? texts[i]!.after : [live, step.aside?.[lang] ?? '', i === lesson.steps.length - 1 ? lesson.outro[lang] : '', texts[i]!.flowAfter].join('\n');
          const screen = [texts[i]!.before, after, ...lines, ...pane].join('\n');
          const onScreen = entriesUsed(screen, GLOSSARY);
          const listed = [stepTerms(LESSONS, lang, at, i, run), traceTerms(LESSONS, lang, at, i, run)];
          const listedKeys = new Set<string>();
          const where = `${lesson.id} ${i + 1} (${lang})`;
          for (const t of listed)
            t.entries.forEach((entry, k) => {
              const word = t.words[k]!;
              checked++;
              listedKeys.add(keyOf(entry, word));
              listedKeys.add(entry.id);
              if (entry.misspelling) early.push(`${where}: lists the misspelling ${word}`);
              const said = onScreen.get(entry)?.some((w) => w.toLowerCase() === word.toLowerCase()) || termsIn(screen).includes(word);
              if (!said) early.push(`${where}: lists ${word}, which its screen does not show`);
            });
          // the code words on screen (text, notice, trace, the Kernel pane's headings), each as the
          // line names it (glossaryWord: a word the glossary holds back until its step ran, msg 4's
          // ENOMSG, is named by its heading, IPC_NOWAIT); errno once, by any name (ONE_LISTING)
          for (const [entry, words] of onScreen) {
            if (entry.misspelling || entry.introduced || entry.id === 'errno') continue;
            for (const word of words) {
              const key = keyOf(entry, word);
              if (key === entry.id || met.has(key)) continue;
              met.add(key);
              const named = keyOf(entry, glossaryWord(entry, word, lang));
              if (named !== key && (met.has(named) || listedKeys.has(named))) continue;
              if (!listedKeys.has(key)) unlisted.push(`${where}: shows ${word} (${entry.id}) first, unlisted`);
            }
          }
          for (const [entry, words] of onScreen) for (const word of words) met.add(keyOf(entry, word));
        });
        ran.push(lesson.id);
        shown.push(...traceShown(run.trace, lang));
      });
    }
    expect(early).toEqual([]);
    // a code word whose entry another word met first (cuid after uid) is listed where first shown
    // (issue 16 item 5: metKeys keys by word)
    expect(unlisted).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 600_000);
});
