// Every glossary word a learner sees has been listed ("New terms: …", g opens the glossary at
// it) at or before the step that first shows it, whichever entry it belongs to (issue 16 item 5:
// overview 2 showed cuid in its notice and cgid, ctime in the Kernel pane's IPC_STAT while
// "owner" had listed their entry at step 1 under another word; cgid and ctime were never
// listed). On screen: the step's text, its question and choices, the Flow's labels, the notice
// the run showed (race's notices say what this run found, in place of the step's own), its
// aside, the Trace's lines of its run and the Kernel pane's headings over what its calls made.
// A word counts as listed under a listed word that names it as the glossary finds it (pids
// under pid, fork() under fork), holds it whole (IPC under "System V IPC") or is the same term
// spelt the C way, joined to a prefix or suffix by '_' or after C's struct (key_t under key,
// access_perms under perms, struct shmid_ds under shmid_ds), or another name its entry's heading
// gives as one with it ("owner / 属主": 属主 under owner), either way round: met once, issue 16.
// Every lesson
// runs for real; a learner from the menu (who met nothing) and one going through in order. For
// the one from the menu, what the lessons before teach is counted under step 1's introduction
// ("From lessons 1-6 (not done): 16 terms"; lesson-view Earlier) and listed by g from there.
import { afterEach, describe, expect, it } from 'vitest';
import { paneNewTerms } from '../../src/app/components/lesson-view.js';
import { startLesson } from '../../src/lessons/engine.js';
import { traceLines } from '../../src/lessons/format.js';
import { entriesUsed, entryFor, GLOSSARY, glossaryWord, termsIn, textsByStep, type GlossaryEntry, type LessonAt } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { paneWords } from '../../src/lessons/pane-words.js';
import type { Lesson, LessonRun, TraceEntry } from '../../src/lessons/types.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

const bare = (w: string) => w.replace(/\(\)$/, '').toLowerCase();
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The glossary words (entry, word) of a text as the lesson pane shows it. */
function textWords(text: string): [GlossaryEntry, string][] {
  return [...entriesUsed(text, GLOSSARY)].flatMap(([entry, words]) => words.map((w) => [entry, w] as [GlossaryEntry, string]));
}

/** The glossary words a stretch of the trace puts on screen: the pid column, the lines' code-like
 *  words and calls named as C makes them, a command's output read whole, the Kernel pane's
 *  headings over the objects its calls made. */
function traceScreenWords(entries: readonly TraceEntry[], lang: 'en' | 'zh'): [GlossaryEntry, string][] {
  const lines = entries.flatMap((e) => traceLines(e, lang)).join('\n');
  const output = entries.flatMap((e) => (e.type === 'output' ? traceLines(e, lang) : [])).join('\n');
  const words = [...(entries.length > 0 ? ['pid'] : []), ...termsIn(lines), ...(lines.match(/\b[a-z][a-z0-9_]*\(\)/g) ?? []), ...entries.flatMap((e) => (e.type === 'call' ? paneWords(e) : []))];
  return [...words.flatMap((w) => {
    const entry = entryFor(w);
    return entry ? [[entry, w] as [GlossaryEntry, string]] : [];
  }), ...textWords(output)];
}

/** Every glossary word on screen at step i, before its run and with it. */
function shownAt(lesson: Lesson, run: LessonRun, lang: 'en' | 'zh', i: number): { before: [GlossaryEntry, string][]; after: [GlossaryEntry, string][] } {
  const texts = textsByStep(lesson, lang)[i]!;
  const step = lesson.steps[i]!;
  const notice = run.outcomes[i]?.notice?.[lang] ?? step.notice[lang];
  const said = [notice, step.aside?.[lang] ?? '', i === lesson.steps.length - 1 ? lesson.outro[lang] : ''].join('\n');
  const trace = run.trace.slice(run.stepStarts[i], run.stepStarts[i + 1] ?? run.trace.length);
  return { before: textWords(texts.before), after: [...textWords(`${said}\n${texts.flowAfter}`), ...traceScreenWords(trace, lang)] };
}

describe('every glossary word on screen was listed at or before its first showing, and only those', () => {
  LESSONS.forEach((lesson, index) => {
    it(`${lesson.id}: its text, notices, Flow, Trace and Kernel pane words, each listed by then`, async () => {
      const run = startLesson(lesson);
      runs.push(run);
      while (run.done < lesson.steps.length) await run.runNext();
      const missing: string[] = [];
      let checked = 0;
      for (const lang of ['en', 'zh'] as const) {
        for (const at of [{ index, ran: [] }, index] as LessonAt[]) {
          const who = typeof at === 'number' ? 'in order' : 'from the menu';
          // in order: the words the texts of the lessons before listed (a learner from the menu met none)
          const listed: [GlossaryEntry, string][] = typeof at === 'number' ? LESSONS.slice(0, index).flatMap((l) => textsByStep(l, lang).flatMap((t) => textWords(`${t.before}\n${t.after}`))) : [];
          const covered = (entry: GlossaryEntry, word: string) => {
            // errno is listed once, by any errno name: a trace line explains each name it shows,
            // and a question offers them as choices (glossary.ts ONE_LISTING)
            if (entry.id === 'errno') return listed.some(([e]) => e === entry);
            // the line under the introduction counts entries, which g lists whole: every word of one
            // it counted is covered (lesson-view paneNewTerms: shmctl 1 named uid, gid, cuid, cgid
            // under it though it had counted "owner", their entry: issue 16)
            if (earlierEntries.has(entry.id)) return true;
            const named = bare(glossaryWord(entry, word, lang));
            // the term a C spelling stands for (key for key_t, shmid_ds for struct shmid_ds), else
            // the word as named; either as the first name of those the heading gives as one
            const plain = (w: string) => {
              const struct = /^struct (\w+)$/.exec(w)?.[1];
              const parts = w.toLowerCase().split('_');
              const c = struct ? entry.terms.find((t) => t === struct) : parts.length > 1 ? entry.terms.find((t) => t.toLowerCase() !== w.toLowerCase() && parts.includes(t.toLowerCase())) : undefined;
              const word = c?.toLowerCase() ?? bare(glossaryWord(entry, w, lang));
              const groups = [entry.name.en, entry.name.zh].flatMap((n) => n.split(/[：:,，、（）()]/)).map((part) => part.split(' / ').map((x) => bare(x.trim())));
              return groups.find((names) => names.length > 1 && names.includes(word))?.[0] ?? word;
            };
            return listed.some(([e, l]) => e === entry && (bare(glossaryWord(e, l, lang)) === named || plain(l) === plain(word) || new RegExp(`(?<![A-Za-z0-9_])${escape(word)}(?![A-Za-z0-9_])`, 'i').test(l)));
          };
          const earlierEntries = new Set(typeof at === 'number' ? [] : paneNewTerms(LESSONS, lang, at, 0, 0, run, 'g', false).earlier?.ids ?? []);
          const list = (words: readonly string[]) => words.forEach((w) => {
            const entry = entryFor(w) ?? GLOSSARY.find((e) => e.terms.some((t) => t.toLowerCase() === w.toLowerCase()));
            if (entry) listed.push([entry, w]);
          });
          lesson.steps.forEach((_, i) => {
            const { before, after } = shownAt(lesson, run, lang, i);
            // before its run: the step's own line, and at step 1 the line under the introduction,
            // which counts the words the lessons before teach, for a learner who did not run them
            const own = paneNewTerms(LESSONS, lang, at, i, i, run, 'g', false);
            list(own.names);
            if (i === 0) list(own.earlier?.words ?? []);
            const check = (words: [GlossaryEntry, string][], when: string) => {
              for (const [entry, word] of words) {
                if (entry.misspelling || entry.introduced) continue;
                checked++;
                if (!covered(entry, word)) missing.push(`${lang} ${who}: ${lesson.id} step ${i + 1} ${when} shows '${word}' (${entry.id}), listed nowhere by then`);
              }
            };
            check(before, 'before its run');
            // with its run: what the line under its notice adds
            const justRun = paneNewTerms(LESSONS, lang, at, i, i + 1, run, 'g', false).justRun ?? [];
            list(justRun);
            check(after, 'with its run');
            // and the line lists only words on screen: not the words of a notice the run replaced
            // (race 2's "lost updates", from its own notice, under this run's count)
            const onScreen = new Set([...before, ...after].map(([e, w]) => `${e.id} ${bare(glossaryWord(e, w, lang))}`));
            for (const w of justRun) {
              const entry = entryFor(w) ?? GLOSSARY.find((e) => e.terms.some((t) => t.toLowerCase() === w.toLowerCase()));
              if (entry && !onScreen.has(`${entry.id} ${bare(w)}`)) missing.push(`${lang} ${who}: ${lesson.id} step ${i + 1} lists '${w}' under its notice, which nothing on screen says`);
            }
          });
        }
      }
      expect(missing).toEqual([]);
      expect(checked).toBeGreaterThan(0);
    }, 180_000);
  });
});
