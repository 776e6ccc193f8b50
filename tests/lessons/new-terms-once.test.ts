// A term is new once (issue 16: shmctl 1's "New terms" named uid, gid, cuid, cgid right under the
// introduction's line that had counted their entry, "owner", among the terms of the lessons
// before; ftok 4 named "exit in the Trace"). Every step of every lesson runs for real, en and zh:
// for a learner going through the course in order (the words earlier lessons' traces showed
// count as met, as the app keeps them: progress.ts `shown`), no word is on two "New terms"
// lines of the course; for one who opens a lesson from the menu, none on two lines of the
// lesson, and none of an entry the line under the introduction counted (g lists it whole).
// A word is the one met before when it spells it another way (issue 16, s36: zh overview 5's
// "属主" after step 1's "owner", which the entry's heading gives as one: "owner / 属主"; shmctl
// 1's "struct shmid_ds" after shmget 5's "shmid_ds", the same type named as C declares it).
import { afterAll, describe, expect, it } from 'vitest';
import { paneNewTerms } from '../../src/app/components/lesson-view.js';
import { startLesson } from '../../src/lessons/engine.js';
import { entryFor, GLOSSARY, traceShown, type LessonAt } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun } from '../../src/lessons/types.js';
import { LANGS } from '../../src/lang.js';

const runs: LessonRun[] = [];
afterAll(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

/** The entry a line's word is of. */
const entryOf = (w: string) => entryFor(w) ?? GLOSSARY.find((e) => e.terms.some((t) => t.toLowerCase() === w.toLowerCase()));

/** The word `w` as the thing it names: without C's "struct", and as the first of the names its
 *  entry's heading gives as one ("owner / 属主", "权限 / perms / access_perms / mode"). */
function sameAs(w: string): string {
  const bare = w.replace(/^struct /, '').toLowerCase();
  const entry = entryOf(w);
  const heading = [entry?.name.en ?? '', entry?.name.zh ?? ''].flatMap((n) => n.split(/[：:,，、（(]/)).map((part) => part.split(' / ').map((x) => x.trim().toLowerCase()));
  const group = heading.find((names) => names.length > 1 && names.includes(bare));
  return `${entry?.id ?? ''} ${group?.[0] ?? bare}`;
}

/** Each "New terms" line of the lesson at `at`, in the order a learner meets them: step k+1's own
 *  line before its run, and under step k's notice what its run showed first. */
function lines(run: LessonRun, lang: 'en' | 'zh', at: LessonAt, steps: number): { where: string; words: readonly string[]; earlier: readonly string[] }[] {
  return Array.from({ length: steps + 1 }, (_, k) => {
    const t = paneNewTerms(LESSONS, lang, at, k, k, run, 'g', true);
    return [
      ...(k > 0 ? [{ where: `step ${k}'s run`, words: t.justRun ?? [], earlier: t.earlier?.ids ?? [] }] : []),
      ...(k < steps ? [{ where: `step ${k + 1}`, words: t.names, earlier: t.earlier?.ids ?? [] }] : []),
    ];
  }).flat();
}

describe('a term is new once', () => {
  it('every lesson, en and zh: once in the course in order, once in a lesson from the menu', async () => {
    const twice: string[] = [];
    const shown = { en: [] as string[], zh: [] as string[] };
    const course = { en: new Map<string, string>(), zh: new Map<string, string>() };
    for (const [index, lesson] of LESSONS.entries()) {
      const run = startLesson(lesson);
      runs.push(run);
      while (run.done < lesson.steps.length) expect((await run.runNext()).ok).toBe(true);
      for (const lang of LANGS) {
        const inOrder: LessonAt = { index, ran: LESSONS.slice(0, index).map((l) => l.id), shown: shown[lang] };
        for (const { where, words } of lines(run, lang, inOrder, lesson.steps.length)) {
          for (const w of words) {
            const first = course[lang].get(sameAs(w));
            if (first) twice.push(`${lang} in order: '${w}' new at ${lesson.id} ${where}, and at ${first}`);
            else course[lang].set(sameAs(w), `${lesson.id} ${where} as '${w}'`);
          }
        }
        shown[lang] = [...new Set([...shown[lang], ...traceShown(run.trace, lang)])];
        const seen = new Map<string, string>();
        for (const { where, words, earlier } of lines(run, lang, { index, ran: [] }, lesson.steps.length)) {
          for (const w of words) {
            const first = seen.get(sameAs(w));
            if (first) twice.push(`${lang} from the menu: '${w}' new at ${lesson.id} ${where}, and at ${first}`);
            else seen.set(sameAs(w), `${where} as '${w}'`);
            const entry = entryOf(w);
            if (entry && earlier.includes(entry.id)) twice.push(`${lang} from the menu: '${w}' new at ${lesson.id} ${where}, though the line under the introduction counted its entry '${entry.id}'`);
          }
        }
      }
    }
    expect(twice).toEqual([]);
  }, 600_000);
});
