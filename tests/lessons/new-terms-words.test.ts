// A glossary heading that lists several words ("atime, dtime, ctime") covers each of them:
// a learner told "New terms: atime" does not know dtime is there too, so each listed word
// is new where a text first uses it, even when the entry was met by another of its words.
import { describe, expect, it } from 'vitest';
import { GLOSSARY, newTermWords, noticeTermWords, outsideBrackets, textsByStep, traceShown, traceTerms } from '../../src/lessons/glossary.js';
import type { TraceEntry } from '../../src/lessons/types.js';
import { lessonAt } from '../../src/app/store/progress.js';
import { LESSONS } from '../../src/lessons/index.js';

const at = (id: string) => LESSONS.findIndex((l) => l.id === id);
const stepOf = (id: string, step: string) => LESSONS[at(id)].steps.findIndex((s) => s.id === step);

/** Every word listed new in course order, as "lesson step word". */
function listed(lang: 'en' | 'zh'): string[] {
  return LESSONS.flatMap((lesson, index) => {
    const before = newTermWords(LESSONS, lang, index);
    const after = noticeTermWords(LESSONS, lang, index);
    return lesson.steps.flatMap((step, i) => [...before[i]!, ...after[i]!.words].map((w) => `${lesson.id} ${step.id} ${w}`));
  });
}

describe('New terms name every word a heading lists', () => {
  it('the words the newcomers missed: overview 2 cuid, cgid, dtime; msg 1 lrpid; sem 4 semncnt (the question asks about it)', () => {
    for (const lang of ['en', 'zh'] as const) {
      const after = (id: string, step: string) => noticeTermWords(LESSONS, lang, at(id))[stepOf(id, step)]!.words;
      expect(after('overview', 'create')).toEqual(expect.arrayContaining(['atime', 'dtime', 'cpid', 'lpid', 'cuid', 'cgid']));
      expect(after('msg', 'create')).toEqual(expect.arrayContaining(['lspid', 'lrpid']));
      expect(newTermWords(LESSONS, lang, at('sem'))[stepOf('sem', 'waiter')]).toContain('semncnt');
    }
  });

  it('each word a heading lists that a text uses is new exactly once in course order, whatever its case', () => {
    for (const lang of ['en', 'zh'] as const) {
      const all = listed(lang).map((l) => l.split(' ').slice(2).join(' ').toLowerCase());
      const texts = LESSONS.flatMap((l) => textsByStep(l, lang).flatMap((t) => [t.before, t.after])).join('\n');
      for (const entry of GLOSSARY) {
        const words = outsideBrackets(entry.name[lang]).split(/[,，、:：]/).map((w) => w.trim());
        if (words.length < 2) continue;
        for (const word of words.filter((w) => entry.terms.includes(w) && new RegExp(`(?<![A-Za-z0-9_])${w}(?![A-Za-z0-9_])`).test(texts))) {
          expect(all.filter((w) => w === word.toLowerCase()), `${lang} ${entry.id} ${word}`).toHaveLength(1);
        }
      }
    }
  });
});

describe('a term is new where this learner first meets it', () => {
  const pc = at('parent-child');
  const all = (lang: 'en' | 'zh', ran: readonly string[], index: number) =>
    [...newTermWords(LESSONS, lang, { index, ran }).flat(), ...noticeTermWords(LESSONS, lang, { index, ran }).flatMap((s) => s.words)];
  it('course in order: the notes are new nowhere after the introduction explains them, in any case', () => {
    for (const lang of ['en', 'zh'] as const) {
      const words = listed(lang).map((l) => l.split(' ').slice(2).join(' ').toLowerCase());
      expect(words.filter((w) => w === 'the notes' || w === '笔记')).toEqual([]);
      // a learner who ran every lesson before is one going through the course in order
      const before = LESSONS.slice(0, pc).map((l) => l.id);
      expect(all(lang, before, pc)).toEqual([...newTermWords(LESSONS, lang, pc).flat(), ...noticeTermWords(LESSONS, lang, pc).flatMap((s) => s.words)]);
    }
  });

  it('fresh progress starting at lesson 7 (parent-child): the notes, and what earlier lessons explained, are new there, once', () => {
    const notes = { en: 'The notes', zh: '笔记' };
    for (const lang of ['en', 'zh'] as const) {
      const first = newTermWords(LESSONS, lang, { index: pc, ran: [] })[0]!;
      expect(first).toContain(notes[lang]);
      expect(first).toEqual(expect.arrayContaining(['fork']));
      const words = all(lang, [], pc).map((w) => w.toLowerCase());
      expect(words.filter((w) => w === notes[lang].toLowerCase())).toHaveLength(1);
      expect(new Set(words).size).toBe(words.length);
      // one earlier lesson run (the overview, which explains the notes): not new again
      expect(all(lang, ['overview'], pc).map((w) => w.toLowerCase())).not.toContain(notes[lang].toLowerCase());
    }
  });
});

describe("what an earlier lesson's trace showed is met (kept in the progress)", () => {
  const note = (text: string): TraceEntry => ({ type: 'event', pid: 1, text: { en: text, zh: text }, at: 0 });
  const open = note('open("/tmp/ipclab-key", O_WRONLY|O_CREAT|O_TRUNC, 0600) = 3');
  const shmctl = at('shmctl');
  const perms = stepOf('shmctl', 'perms-owner');

  it("O_WRONLY, shown by ftok's trace, is not new again in shmctl's trace; CAP_IPC_OWNER, shown by shmat's, not in shmctl's notice", () => {
    for (const lang of ['en', 'zh'] as const) {
      const run = { trace: [open], stepStarts: [0] };
      const ran = LESSONS.slice(0, shmctl).map((l) => l.id);
      expect(traceTerms(LESSONS, lang, { index: shmctl, ran }, 0, run).words).toContain('O_WRONLY');
      const shown = [...traceShown([open], lang), ...traceShown([note('SHM_EXEC passed: root skips the mode check (CAP_IPC_OWNER)')], lang)];
      expect(traceTerms(LESSONS, lang, { index: shmctl, ran, shown }, 0, run).words).not.toContain('O_WRONLY');
      expect(noticeTermWords(LESSONS, lang, { index: shmctl, ran }).flatMap((s) => s.words)).toContain('CAP_IPC_OWNER');
      expect(noticeTermWords(LESSONS, lang, { index: shmctl, ran, shown })[perms]!.words).not.toContain('CAP_IPC_OWNER');
    }
  });

  it("the store's lessonAt: earlier lessons with a step run or completed, and what their traces showed; not a later lesson's", () => {
    const st = { lessons: LESSONS, lessonIndex: shmctl, completed: ['overview'], ran: { ftok: 2, shmget: 0, sem: 3 }, shown: { ftok: ['O_WRONLY'], sem: ['semncnt'] } };
    expect(lessonAt(st)).toEqual({ index: shmctl, ran: ['overview', 'ftok'], shown: ['O_WRONLY'] });
  });
});
