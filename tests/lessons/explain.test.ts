// Nothing unexplained: the glossary holds every code-like term of the lessons, the errata
// name real steps, lesson text never names an erratum by a bare code, asides are checked
// like the rest. That `ipclab errata` / `ipclab glossary` print them in both languages:
// tests/lessons/errata-cli.test.ts and tests/help/glossary-query.test.ts, with the other
// runs of those commands, so this file runs side by side (tests/helpers/side-by-side.ts).
import { describe, expect, it } from 'vitest';
import { ERRATA } from '../../src/lessons/errata.js';
import { EVERY_LESSON, firstUses, GLOSSARY, newTerms, outsideBrackets, newTermWords, noticeTermWords, termsIn, textsByStep, type GlossaryEntry } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { Lesson } from '../../src/lessons/types.js';
import { stringTermProblems, validateLessons } from '../../src/lessons/validate.js';
import { strings } from '../../src/app/strings.js';

function copy(): Lesson[] {
  return LESSONS.map((l) => ({ ...l, intro: { ...l.intro }, steps: l.steps.map((s) => ({ ...s, say: { ...s.say }, notice: { ...s.notice } })) }));
}

describe('terms', () => {
  it('are the ALL_CAPS identifiers and the shmid_ds field names of a text, each once', () => {
    expect(termsIn('IPC_PRIVATE gives nattch 0 and shm_lpid 0; EINVAL, SIGUSR1, SHMMAX; perms 600, status dest; IPC_PRIVATE again')).toEqual([
      'IPC_PRIVATE',
      'nattch',
      'shm_lpid',
      'EINVAL',
      'SIGUSR1',
      'SHMMAX',
      'perms',
      'dest',
    ]);
    // plain words and abbreviations are not terms; neither are parts of longer words
    expect(termsIn('The CPU reads a FIFO of UTF-8 bytes; destination, permission, keyboard')).toEqual([]);
    expect(termsIn('状态为 dest，nattch 为 1')).toEqual(['dest', 'nattch']);
    // C and kernel names with an underscore, and a process's file in /proc; not a C file's name nor plain C
    expect(termsIn('{sem_num 0, sem_op -1} (/proc/4711/wchan: do_msgrcv) in communicate_with_child.c; size_t; /proc/sys/kernel')).toEqual([
      'sem_num',
      'sem_op',
      'wchan',
      'do_msgrcv',
    ]);
  });

  it('the screen shows none the glossary lacks: guard, wchan, SIGTERM and the marks have entries', () => {
    const known = new Set(GLOSSARY.flatMap((e) => e.terms));
    for (const t of ['guard', '访问检查', 'wchan', 'SIGTERM', 'SIGCONT', 'O_CREAT', 'sem_op', 'att_time']) expect(known.has(t), t).toBe(true);
    // the marks of the Kernel pane and the trace, found by the mark itself in both languages
    const marks = GLOSSARY.find((e) => e.id === 'marks')!;
    for (const lang of ['en', 'zh'] as const) for (const mark of ['●', '○', '*']) expect(marks.name[lang]).toContain(mark);
    // the text column of the bytes dump: . and · (a byte a character before it covers) and ↪ (one of a character begun on the row above), found by the marks
    const dump = GLOSSARY.find((e) => e.id === 'dump-text')!;
    for (const lang of ['en', 'zh'] as const) for (const mark of ['.', '·', '↪']) expect(dump.name[lang]).toContain(mark);
    for (const lang of ['en', 'zh'] as const) expect(stringTermProblems(lang, strings(lang))).toEqual([]);
  });

  it("an unknown term in the screen's own strings fails the check, in a string or in what a function builds", () => {
    const table = { plain: 'q quit', quitting: 'ending them (SIGHUP first)', built: (n: number) => `step ${n}: SHM_HUGE_2MB` };
    expect(stringTermProblems('screen string (en)', table)).toEqual([
      "screen string (en) 'quitting' uses SIGHUP, which the glossary (src/lessons/glossary.ts) does not explain",
      "screen string (en) 'built' uses SHM_HUGE_2MB, which the glossary (src/lessons/glossary.ts) does not explain",
    ]);
  });

  it('of every lesson text are in the glossary, in both languages', () => {
    const all = LESSONS.flatMap((l) => [l.title, l.intro, l.outro, l.aside, ...l.steps.flatMap((s) => [s.title, s.say, s.notice, s.aside])]);
    const known = new Set(GLOSSARY.flatMap((e) => e.terms));
    const used = new Set(all.flatMap((t) => (t ? [...termsIn(t.en), ...termsIn(t.zh)] : [])));
    expect([...used].filter((t) => !known.has(t))).toEqual([]);
    // the terms the issue names are there
    for (const t of ['nattch', 'cpid', 'lpid', 'atime', 'dtime', 'ctime', 'dest', 'SHM_NORESERVE', 'SHMMAX', 'SHMALL', 'SHMMNI', 'compare-and-swap', 'magic', 'key', 'shmid', 'IPC_PRIVATE']) {
      expect(known.has(t), t).toBe(true);
    }
    for (const id of ['pid', 'trace-lines', 'flow-lines', 'notes']) expect(GLOSSARY.some((e) => e.id === id), id).toBe(true);
  });

  it('a text that names the notes otherwise than by a word of their entry fails the check', () => {
    const lessons = copy();
    const at = lessons.findIndex((l) => l.id === 'msg');
    lessons[at].steps[1].say.en += ' The study notes stop before queues.';
    expect(validateLessons(lessons)).toEqual([
      `lesson 'msg' step '${lessons[at].steps[1].id}': its en text refers to the notes without one of the words glossary entry 'notes' answers to (the notes, The notes, 笔记): use one, so the "New terms" line points to it`,
    ]);
  });

  it('a lesson that names the notes says what they are where it first does, for a learner who starts there (fix23c#3)', () => {
    const notes = EVERY_LESSON.get('notes')!;
    const said = { en: /study notes|\be lists\b/, zh: /学习笔记|按 e / };
    for (const lesson of LESSONS) for (const lang of ['en', 'zh'] as const) {
      const first = textsByStep(lesson, lang).flatMap(({ before, after }) => [before, after]).find((t) => notes.test(t));
      if (first) expect(first, `${lesson.id} (${lang})`).toMatch(said[lang]);
    }
  });

  it('an unknown term fails the check, in any text of a lesson', () => {
    const lessons = copy();
    // in place of words of its own, so the text keeps its length (the fit is another check)
    lessons[1].steps[0].say.en = lessons[1].steps[0].say.en.replace(', as for open()', '; add MSG_COPY to peek');
    expect(lessons[1].steps[0].say.en).toContain('MSG_COPY');
    lessons[5].steps[0].aside = { en: 'shm_nattch counts mappings', zh: 'SHM_HUGE_2MB 用 2 MB 大页' };
    // (the sentence added may also take the text past its lines: only the terms are asked about here)
    expect(validateLessons(lessons).filter((p) => !/ lines of \d+ cells/.test(p))).toEqual([
      "lesson 'shmget' step 'first' say: the en text uses MSG_COPY, which the glossary (src/lessons/glossary.ts) does not explain",
      "lesson 'shmctl' step 'setup' aside: the zh text uses SHM_HUGE_2MB, which the glossary (src/lessons/glossary.ts) does not explain",
    ]);
  });

  it('the lesson pane names each glossary entry once, at the step that uses it first', () => {
    for (const lang of ['en', 'zh'] as const) {
      const fresh = firstUses(LESSONS, lang);
      // each word once in the course, where first shown; an entry whose heading lists several
      // words may come once for each of them (cuid, then cgid: s25b, new-terms-words.test.ts)
      const words = LESSONS.flatMap((_, l) => {
        const after = noticeTermWords(LESSONS, lang, l);
        return newTermWords(LESSONS, lang, l).flatMap((ws, i) => [...ws, ...(after[i]?.words ?? [])]);
      });
      expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
      // the pid column comes with the first lesson's introduction, nattch with its second step;
      // the notes the introduction explains in place: not pointed to there, nor again in course
      // order (a learner who starts later: new-terms-words.test.ts)
      expect(fresh[0][0].map((e) => e.id)).toContain('pid');
      expect(fresh.flat(2).map((e) => e.id)).not.toContain('notes');
      expect(fresh[0][1].map((e) => e.id)).toEqual(expect.arrayContaining(['nattch', 'IPC_PRIVATE', 'shmid']));
      expect(fresh[0].flat().map((e) => e.id)).toContain('key');
    }
  });

  it('the lesson pane names a new entry by the term its text used, not by the entry\'s whole heading', () => {
    for (const lang of ['en', 'zh'] as const) {
      let named = 0;
      LESSONS.forEach((lesson, l) => {
        const entries = newTerms(LESSONS, lang, l);
        const words = newTermWords(LESSONS, lang, l);
        entries.forEach((step, i) => {
          expect(words[i]).toHaveLength(step.length);
          step.forEach((entry, k) => expect(entry.terms).toContain(words[i]![k]));
          named += step.filter((e, k) => e.name[lang] !== words[i]![k]).length;
        });
      });
      // entries whose heading names more than the text said ("owner: uid, gid, …", "IPC_STAT, IPC_SET, IPC_RMID")
      expect(named).toBeGreaterThan(0);
    }
    // the Kernel pane's owner column is there from the first step: its entry comes with it
    expect(newTermWords(LESSONS, 'en', 0)[0]).toContain('owner');
    expect(newTermWords(LESSONS, 'zh', 0)[0]).toContain('owner');
    expect(newTermWords(LESSONS, 'en', 0).flat()).not.toContain('owner: uid, gid, cuid, cgid, nobody');
  });

  it('a term is new at the step that first shows it, by the word it shows', () => {
    const words = (id: string, lang: 'en' | 'zh') => newTermWords(LESSONS, lang, LESSONS.findIndex((l) => l.id === id));
    const step = (id: string, stepId: string) => LESSONS.find((l) => l.id === id)!.steps.findIndex((s) => s.id === stepId);
    for (const lang of ['en', 'zh'] as const) {
      // dest is named where the segment becomes dest, not a step later: in the notice of
      // that step, so with its run (under the notice), not above the text before it runs
      const shmctl = LESSONS.findIndex((l) => l.id === 'shmctl');
      expect(noticeTermWords(LESSONS, lang, shmctl)[step('shmctl', 'rmid')]?.words).toContain('dest');
      expect(words('shmctl', lang)[step('shmctl', 'rmid')]).not.toContain('dest');
      // the heading's own spelling
      expect(words('shmctl', lang).flat()).toContain('struct shmid_ds');
    }
  });

  it('a step names before its run only the terms its title and text show; its notice and aside name theirs with the run', () => {
    const shmat = LESSONS.findIndex((l) => l.id === 'shmat');
    const rdonly = LESSONS[shmat]!.steps.findIndex((s) => s.id === 'rdonly');
    const handOver = LESSONS[shmat]!.steps.findIndex((s) => s.id === 'hand-over');
    for (const lang of ['en', 'zh'] as const) {
      // step 6's text says fork makes its child: fork is pointed to above that text; step 8's
      // text and its aside (why a C program forks) do not point to it again, before or after the run
      // (said as the trace says it: "a C program would fork() here", s25k)
      expect(newTermWords(LESSONS, lang, shmat)[rdonly]).toContain('fork()');
      for (const w of ['fork', 'fork()']) {
        expect(newTermWords(LESSONS, lang, shmat)[handOver]).not.toContain(w);
        expect(noticeTermWords(LESSONS, lang, shmat)[handOver]?.words ?? []).not.toContain(w);
      }
    }
  });

  it("a step's new terms are those its text uses, not a word inside a longer term", () => {
    for (const lang of ['en', 'zh'] as const) {
      const first = firstUses(LESSONS, lang)[0][0].map((e) => e.id);
      // the overview's first step says "System V": that V is no semaphore operation
      expect(first).toContain('ipc');
      expect(first).not.toContain('P-V');
      // P and V come with the lesson that does them
      const sem = LESSONS.findIndex((l) => l.id === 'sem');
      expect(firstUses(LESSONS, lang)[sem].flat().map((e) => e.id)).toContain('P-V');
    }
  });

  it('check catches a step that announces a term in one language only', () => {
    const lessons = copy();
    // "semid" is first used by the sem lesson; an English-only mention in the overview announces it there
    lessons[0].steps[1].notice.en = lessons[0].steps[1].notice.en.replace('atime, dtime', 'atime, semid');
    expect(lessons[0].steps[1].notice.en).toContain('atime, semid');
    expect(validateLessons(lessons)).toEqual([
      "lesson 'overview' step 'create': announces glossary entry 'semid' as new in en only; the other language meets it at another step (src/lessons/glossary.ts terms)",
      // zh meets the entry at 'create' by semval (an entry is new once, by any of its words)
      "lesson 'sem' step 'create': announces glossary entry 'semid' as new in zh only; the other language meets it at another step (src/lessons/glossary.ts terms)",
    ]);
  });

  it("check catches a checkpoint step whose New terms line names one of the checkpoint's choices", () => {
    const lessons = copy();
    const msg = lessons.find((l) => l.id === 'msg')!;
    // EIDRM is a choice of the rmid checkpoint: named in its notice, it comes with the run,
    // once the question is answered
    const rmid = msg.steps.find((s) => s.id === 'rmid')!;
    rmid.notice = { en: 'The sleeping msgrcv failed with EIDRM.', zh: '睡眠中的 msgrcv 以 EIDRM 失败。' };
    expect(validateLessons(lessons)).toEqual([]);
    // a choice offered is new by its own word above the question (shmat's bad-id offers EIDRM first): no giveaway
    expect(validateLessons(LESSONS).filter((p) => p.includes('a choice of its checkpoint'))).toEqual([]);
    // an entry met first by another word, whose terms name the choices, is one: msg's IPC_NOWAIT
    // (terms ENOMSG, EAGAIN) first named by the step that asks "ENOMSG or EAGAIN?" (a new
    // copy: what was met is kept per list of lessons)
    const again = copy();
    const m = again.find((l) => l.id === 'msg')!;
    m.intro = { en: m.intro.en.replace(/ Both take flags, IPC_NOWAIT among them\./, ''), zh: m.intro.zh.replace(/两者都可以带标志，IPC_NOWAIT 是其中之一。/, '') };
    expect(m.intro.en).not.toContain('IPC_NOWAIT');
    expect(m.intro.zh).not.toContain('IPC_NOWAIT');
    // the choices as they were before issue 16, naming the errnos (they now say what the call does)
    const taken = m.checkpoints!.taken!;
    m.checkpoints = { ...m.checkpoints, taken: { ...taken, choices: [{ en: 'ENOMSG', zh: 'ENOMSG' }, { en: 'EAGAIN', zh: 'EAGAIN' }, ...taken.choices.slice(1, 2)] } };
    const found = validateLessons(again).filter((p) => p.includes('a choice of its checkpoint'));
    for (const lang of ['en', 'zh']) expect(found.some((p) => p.startsWith(`lesson 'msg' step 'taken': its "New terms" line (${lang}) names ENOMSG`) && p.includes("(glossary entry 'IPC_NOWAIT')")), lang).toBe(true);
  });

  it('the glossary itself: every entry in both languages, every term in one entry only', () => {
    const broken = [...GLOSSARY, { ...GLOSSARY[0], id: 'again', name: { en: 'again', zh: '' } }];
    expect(validateLessons(LESSONS, ERRATA, broken)).toEqual([
      "glossary term 'the notes' is in more than one entry",
      "glossary term 'The notes' is in more than one entry",
      "glossary term '笔记' is in more than one entry",
      "glossary entry 'again' name: the zh text is missing or empty",
    ]);
  });
});

describe('errata', () => {
  it('are E1 to E12, each proved by a step that exists', () => {
    expect(ERRATA.map((e) => e.id)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9', 'E10', 'E11', 'E12']);
    for (const e of ERRATA) expect(LESSONS.find((l) => l.id === e.lesson)?.steps.some((s) => s.id === e.step), e.id).toBe(true);
  });

  it('an erratum whose step never says its words fails the check (fix12m#5: E12 named volatile, race step 2 did not)', () => {
    const errata = [...ERRATA.slice(0, 11), { ...ERRATA[11], words: ['volatile', 'register'] }];
    expect(validateLessons(LESSONS, errata)).toEqual([
      "erratum E12: race step 'none', where it is seen live, never says 'register' (en): say it there, or point the erratum at the step that does",
      "erratum E12: race step 'none', where it is seen live, never says 'register' (zh): say it there, or point the erratum at the step that does",
      // and the erratum's own text does not name it either (validate.ts subjectWords)
      "erratum E12: its word 'register' is not in its own text (en): name its subject",
      "erratum E12: its word 'register' is not in its own text (zh): name its subject",
    ]);
  });

  it('a missing step or lesson, or an erratum listed twice, fails the check', () => {
    const errata = [...ERRATA.slice(0, 7), { ...ERRATA[7], step: 'nowhere' }, { ...ERRATA[0], lesson: 'gone' }];
    expect(validateLessons(LESSONS, errata)).toEqual([
      'erratum E1 is listed more than once',
      "erratum E8: lesson 'serv-clnt' has no step 'nowhere'",
      "erratum E1: lesson 'gone' does not exist",
    ]);
  });

  it('lesson text names an erratum in words: a bare code fails the check', () => {
    const lessons = copy();
    const shmctl = lessons.find((l) => l.id === 'shmctl')!;
    const rmid = shmctl.steps.find((s) => s.id === 'rmid')!;
    rmid.notice.en = 'Not gone: status dest (E5).';
    rmid.notice.zh = '还没消失：状态 dest（勘误 E5）。';
    expect(validateLessons(lessons)).toEqual([
      "lesson 'shmctl' step 'rmid' notice: the en text names erratum E5 by its code; say in words what the notes get wrong",
      "lesson 'shmctl' step 'rmid' notice: the zh text names erratum E5 by its code; say in words what the notes get wrong",
    ]);
  });
});

describe('asides', () => {
  it('hold the implementation talk: the main text of every lesson is about C', () => {
    const main = LESSONS.flatMap((l) => [l.intro, l.outro, ...l.steps.flatMap((s) => [s.say, s.notice])]);
    for (const t of main) for (const lang of ['en', 'zh'] as const) expect(t[lang]).not.toMatch(/koffi|Node|TypeScript|multi-threaded|多线程/);
    const pc = LESSONS.find((l) => l.id === 'parent-child')!;
    expect(pc.steps.find((s) => s.id === 'child')?.aside?.en).toMatch(/Node\.js/);
    expect(pc.steps.find((s) => s.id === 'child')?.notice.en).toMatch(/An early signal is kept: blocked in C, caught by ipclab's handlers/);
  });

  it('are checked like the rest: both languages, and short enough for the pane', () => {
    const lessons = copy();
    lessons[4].steps[0].aside = { en: 'word '.repeat(60), zh: '' };
    expect(validateLessons(lessons)).toEqual([
      "lesson 'shmdt' step 'attach' aside: the en text takes 8 lines of 48 cells, more than 4",
      "lesson 'shmdt' step 'attach' aside: the zh text is missing or empty",
    ]);
  });
});
