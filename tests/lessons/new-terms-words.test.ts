// A word is new once, where first seen, whichever entry it belongs to: an entry's heading
// that lists several words ("atime, dtime, ctime", "旧指针、旧地址", "errno: …, EPERM") is found
// in the glossary by each, but a line that named it by one did not show the others (issue 16
// item 5: overview 2's cuid, cgid, ctime, met only through "owner"). The same word is never new
// twice: a newcomer read nattch as new after overview steps 1 and 2, 旧地址 twice in shmdt.
import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryWord, newTermWords, type GlossaryEntry, noticeTermWords, traceShown, traceTerms, newTerms, textsByStep } from '../../src/lessons/glossary.js';
import { validateLessons } from '../../src/lessons/validate.js';
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

/** A word of an entry as the "New terms" line names it (pid for pids, fork for fork()). */
const wordKey = (e: GlossaryEntry, w: string, lang: 'en' | 'zh') => `${e.id} ${glossaryWord(e, w, lang).replace(/\(\)$/, '').toLowerCase()}`;

describe('a word is new once, where first seen', () => {
  it('in every lesson, in course order: each word on one step\'s line at most, by a word that step shows', () => {
    for (const lang of ['en', 'zh'] as const) {
      const seen = new Map<string, string>();
      LESSONS.forEach((lesson, index) => {
        const before = newTerms(LESSONS, lang, index);
        const beforeWords = newTermWords(LESSONS, lang, index);
        const after = noticeTermWords(LESSONS, lang, index);
        const texts = textsByStep(lesson, lang);
        lesson.steps.forEach((step, i) => {
          const here = `${lesson.id} ${step.id}`;
          const named = [...before[i]!.map((e, j) => ({ e, w: beforeWords[i]![j]!, text: texts[i]!.before })), ...after[i]!.entries.map((e, j) => ({ e, w: after[i]!.words[j]!, text: texts[i]!.after }))];
          for (const { e, w, text } of named) {
            // another word of the entry may be new later (cuid after owner), the same word never
            const key = wordKey(e, w, lang);
            expect(seen.get(key), `${lang} ${here}: '${e.id}' (${w}) was new at ${seen.get(key)} already`).toBeUndefined();
            seen.set(key, here);
            // the word is in what the learner reads of that step, before or after its run
            expect(text.toLowerCase(), `${lang} ${here}: ${w}`).toContain(w.toLowerCase());
          }
        });
      });
      expect(seen.size).toBeGreaterThan(20);
    }
  });

  it('a text that is the first to use two words of one entry, both in its heading, names both (fix14d#3: SIGUSR2 unlisted); a word inside another is not named again', () => {
    for (const lang of ['en', 'zh'] as const) {
      // step 2 names the signals first, the handlers it installs (fix17h#3); then the C's sigtimedwait (s36)
      const words = newTermWords(LESSONS, lang, at('parent-child'))[stepOf('parent-child', 'child')]!;
      expect(words.slice(-3), lang).toEqual(['SIGUSR1', 'SIGUSR2', 'sigtimedwait']);
      const sem = newTermWords(LESSONS, lang, at('sem'))[stepOf('sem', 'p')]!;
      expect(sem).toContain('struct sembuf');
      expect(sem).not.toContain('sembuf');
    }
  });

  it("a term the text says as the glossary's heading is named so: the overview's 'System V IPC', not 'System V, IPC' (fix15h#1)", () => {
    for (const lang of ['en', 'zh'] as const) {
      const words = newTermWords(LESSONS, lang, at('overview'))[0]!;
      expect(words, lang).toContain('System V IPC');
      expect(words, lang).not.toContain('IPC');
      expect(words, lang).not.toContain('System V');
    }
    // every lesson: with the entry knowing only the parts, ipclab check names the phrase
    const parts = GLOSSARY.map((e) => (e.id === 'ipc' ? { ...e, terms: e.terms.filter((t) => t !== 'System V IPC') } : e));
    const found = validateLessons(LESSONS, undefined, parts).filter((p) => p.includes("says 'System V IPC'"));
    expect(found.some((p) => p.startsWith("lesson 'overview' step 'ipcs': its en text"))).toBe(true);
    expect(found.some((p) => p.startsWith("lesson 'overview' step 'ipcs': its zh text"))).toBe(true);
    expect(validateLessons(LESSONS).filter((p) => p.includes('knows it only by its parts'))).toEqual([]);
  });

  it("the newcomer's three: nattch not again after overview step 2, 旧指针 not after 旧地址, EPERM not in shmctl step 4", () => {
    const words = (lang: 'en' | 'zh') => listed(lang);
    for (const lang of ['en', 'zh'] as const) {
      const all = words(lang);
      expect(all.filter((w) => w.startsWith('shmdt ') && /old (pointer|address)|旧指针|旧地址/.test(w))).toHaveLength(1);
      expect(all.filter((w) => w.startsWith('shmctl perms-owner') && w.endsWith(' EPERM'))).toEqual([]);
      expect(all.filter((w) => w.endsWith(' nattch'))).toHaveLength(1);
    }
  });

  it("a term's C spelling is the term, met once (issue 16: key_t new at shmget 1 after overview 1's key); a word with a letter more is another (cuid after uid)", () => {
    for (const lang of ['en', 'zh'] as const) {
      const all = listed(lang);
      expect(all.filter((w) => / (key|key_t)$/.test(w)), lang).toEqual(['overview ipcs key']);
      expect(all.filter((w) => / (perms|access_perms)$/.test(w)).length, lang).toBeLessThanOrEqual(1);
    }
    expect(listed('en').some((w) => w.endsWith(' cuid'))).toBe(true);
  });

  it("sem step 1 names SETVAL on its New terms line, an entry of its own, where its title and text first show it (fix22c#4)", () => {
    for (const lang of ['en', 'zh'] as const) {
      expect(newTermWords(LESSONS, lang, at('sem'))[stepOf('sem', 'create')]).toContain('SETVAL');
      expect(listed(lang).filter((w) => w.endsWith(' SETVAL') || w.endsWith(' GETVAL'))).toEqual(['sem create SETVAL']);
    }
  });

  it("a notice's term an earlier step's trace showed is not new again there (a cpid column, then overview step 2's notice, which names cpid first)", () => {
    const index = at('overview');
    const create = stepOf('overview', 'create');
    expect(create).toBe(1);
    const col: TraceEntry = { type: 'event', pid: 1, text: { en: 'key shmid owner perms bytes nattch status cpid', zh: 'key shmid owner perms bytes nattch status cpid' }, at: 0 };
    const run = { trace: [col], stepStarts: [0, 1] };
    for (const lang of ['en', 'zh'] as const) {
      expect(noticeTermWords(LESSONS, lang, index)[create]!.words).toContain('cpid');
      expect(traceTerms(LESSONS, lang, index, 0, run).words).toContain('cpid');
      expect(traceTerms(LESSONS, lang, index, create, run).words).not.toContain('cpid');
      // without that trace, the notice is where it is new
      expect(traceTerms(LESSONS, lang, index, create, { trace: [], stepStarts: [0, 0] }).words).toContain('cpid');
    }
  });
});

describe("a step's New terms are words its own text uses (newcomers at 80x24, where the Flow is a tab not shown: shmget 1 SHMMAX, ftok 1 device, shmat 1 SHM_RDONLY)", () => {
  it('every word listed new before a step runs is in its title, text, form or question; after, in its notice or aside', () => {
    const wrong: string[] = [];
    for (const lang of ['en', 'zh'] as const) {
      LESSONS.forEach((lesson, index) => {
        const before = newTermWords(LESSONS, lang, index);
        const after = noticeTermWords(LESSONS, lang, index);
        lesson.steps.forEach((step, i) => {
          const q = lesson.checkpoints?.[step.id];
          const own = [i === 0 ? `${lesson.title[lang]}\n${lesson.intro[lang]}\n${lesson.aside?.[lang] ?? ''}` : '', step.title[lang], step.say[lang], step.turn?.say[lang] ?? '', ...(q ? [q.question[lang], ...q.choices.map((c) => c[lang])] : [])].join('\n').toLowerCase();
          const ownAfter = [step.notice[lang], step.aside?.[lang] ?? '', i === lesson.steps.length - 1 ? lesson.outro[lang] : ''].join('\n').toLowerCase();
          for (const w of before[i]!) if (!own.includes(w.toLowerCase())) wrong.push(`${lang} ${lesson.id} ${i + 1} ${w}`);
          for (const w of after[i]!.words) if (!ownAfter.includes(w.toLowerCase())) wrong.push(`${lang} ${lesson.id} ${i + 1} ${w}`);
        });
      });
    }
    // sem 1 kill -9, serv-clnt 1 magic and server_pid, once shown by the Flow alone, are in the texts (fix15h#3)
    expect(wrong).toEqual([]);
  });

  it("shmget step 3 names SHMMIN after its run, in its notice (an entry of its own, not met by step 1's SHMMAX), never before its question, where it would point at EINVAL", () => {
    const i = stepOf('shmget', 'size-zero');
    for (const lang of ['en', 'zh'] as const) {
      expect(newTermWords(LESSONS, lang, at('shmget'))[i]).not.toContain('SHMMIN');
      expect(noticeTermWords(LESSONS, lang, at('shmget'))[i]!.words).toContain('SHMMIN');
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
    const notes = { en: 'the notes', zh: '笔记' };
    for (const lang of ['en', 'zh'] as const) {
      const [first, second] = newTermWords(LESSONS, lang, { index: pc, ran: [] });
      expect(first).toContain(notes[lang]);
      // fork where the child starts, not all at once in the introduction (fix17h#3)
      expect(first).not.toContain('fork');
      expect(second).toEqual(expect.arrayContaining(['fork']));
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
      // the lessons before shmctl but ftok, whose text names O_CREAT: only a trace shows the open flags
      const ran = LESSONS.slice(0, shmctl).map((l) => l.id).filter((id) => id !== 'ftok');
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
