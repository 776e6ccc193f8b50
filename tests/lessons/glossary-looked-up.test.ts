// The glossary sentences a question's rule reads are those of the entries its step's texts
// name and those `/` finds by the command the step is about: dest's "key turns to
// 0x00000000 … the last detach frees it" answered shmctl 6 ("IPC_RMID while attached")
// though no text of that step names dest (fix18h#2); it is the status entry the Kernel pane's
// note points to from lesson 1 on, so it is read under every question (fix28d#4).
import { describe, expect, it } from 'vitest';
import { GLOSSARY, type GlossaryEntry } from '../../src/lessons/glossary.js';
import { glossaryGiveaways, lessonTextGiveaways } from '../../src/lessons/glossary-giveaway.js';
import { LESSONS } from '../../src/lessons/index.js';

describe('glossary giveaways: entries found by the command a step is about', () => {
  it("holds dest's key and last detach back until shmctl's rmid step ran, and finds them when they are not", () => {
    const dest = GLOSSARY.find((e) => e.id === 'dest')!;
    // (and that shmat by shmid still works, held until attach-dest ran: s35f)
    expect(dest.shows).toEqual([expect.objectContaining({ lesson: 'shmctl', step: 'rmid' }), expect.objectContaining({ lesson: 'shmctl', step: 'attach-dest' })]);
    for (const lang of ['en', 'zh'] as const) expect(dest.text[lang]).not.toContain('0x00000000');
    const unheld = GLOSSARY.map((e): GlossaryEntry => (e.id === 'dest' ? { ...e, text: { en: `${e.text.en} ${e.shows![0]!.text.en}`, zh: e.text.zh }, shows: undefined } : e));
    // named by the key's value: every choice of rmid speaks of the key (newcomer pass 10)
    expect(glossaryGiveaways(LESSONS, unheld).join('\n')).toMatch(/glossary 'dest': .*names #0 of 'stays, key now 0x00000000'.*lesson 'shmctl' checkpoint 'rmid'/);
  });
});

describe('glossary giveaways: a sentence that says how a counted case ends (fix24a#3)', () => {
  it("holds SEM_UNDO's \"given back even by a process killed with SIGKILL\" until sem's undo step ran, and finds it when it is not", () => {
    for (const id of ['SEM_UNDO', 'semadj']) {
      const entry = GLOSSARY.find((e) => e.id === id)!;
      expect(entry.shows).toEqual([expect.objectContaining({ lesson: 'sem', step: 'undo' })]);
      for (const lang of ['en', 'zh'] as const) expect(entry.text[lang]).not.toMatch(/SIGKILL|however|无论/);
    }
    // semval 0 or 1 names no count in the sentence: the case's own words and how it ends do
    const unheld = GLOSSARY.map((e): GlossaryEntry => (e.id === 'SEM_UNDO' ? { ...e, text: { en: `${e.text.en} ${e.shows![0]!.text.en}`, zh: e.text.zh }, shows: undefined } : e));
    expect(glossaryGiveaways(LESSONS, unheld).join('\n')).toMatch(/glossary 'SEM_UNDO': .*given back.*lesson 'sem' checkpoint 'undo'/);
  });
});

describe("glossary giveaways: the entry named for the lesson's subject (fix27a#2)", () => {
  it("holds race's \"lose some almost every time\" until race 2 ran, and finds the entry as it was, named by the lesson's title and saying yes in a quantity", () => {
    const race = GLOSSARY.find((e) => e.id === 'race')!;
    expect(race.shows).toEqual([expect.objectContaining({ lesson: 'race', step: 'none' })]);
    for (const lang of ['en', 'zh'] as const) expect(race.text[lang]).not.toMatch(/almost every time|几乎每次/);
    // no text of race before its question says "lost updates": the learner finds the entry by the lesson's title, "a race"
    const lesson = LESSONS.find((l) => l.id === 'race')!;
    const step = lesson.steps.findIndex((s) => s.id === 'none');
    const before = [lesson.intro.en, ...lesson.steps.slice(0, step + 1).flatMap((s) => [s.title.en, s.say.en]), lesson.checkpoints!.none!.question.en].join('\n');
    expect(before).not.toMatch(/lost update|updates lost/);
    expect(lesson.title.en).toMatch(/\brace\b/);
    const was = 'counter++ is load, add, store. When two processes load the same value, both store value + 1 and one increment is lost. Whether it happens depends on timing: rare per increment, yet with two CPUs running both loops at once a million increments lose some almost every time; on one CPU only a switch between a load and its store loses one.';
    const unheld = GLOSSARY.map((e): GlossaryEntry => (e.id === 'race' ? { ...e, text: { en: was, zh: e.text.zh }, shows: undefined } : e));
    expect(glossaryGiveaways(LESSONS, unheld).join('\n')).toMatch(/glossary 'race': .*lose some almost every time.*names yes to "Does this run lose updates\?".*lesson 'race' checkpoint 'none'/);
  });
});

describe('lesson text giveaways: a sentence before the question that says how its case ends (fix28a#2)', () => {
  const sem = LESSONS.find((l) => l.id === 'sem')!;
  const undo = sem.steps.findIndex((s) => s.id === 'undo');
  const withSay = (en: string) => LESSONS.map((l) => (l === sem ? { ...sem, steps: sem.steps.map((s, i) => (i === undo ? { ...s, say: { ...s.say, en } } : s)) } : l));
  it('finds what SEM_UNDO is "for" (a holder that may end) above "killed with SIGKILL: semval then is…", as a newcomer read it', () => {
    const old = 'A new holder takes the semaphore with SEM_UNDO, a flag for locks whose holder may end while it holds one. This process kills it with SIGKILL: no handler, no cleanup of its own.';
    expect(lessonTextGiveaways(withSay(old)).join('\n')).toMatch(/lesson 'sem' checkpoint 'undo': its own say ".*may end while it holds one\." says how the case ends/);
    // and "a lock taken with it is given back" there, as the glossary's held part says it
    expect(lessonTextGiveaways(withSay('The holder takes it with SEM_UNDO: a lock taken with it is given back even by a holder killed with SIGKILL.')).join('\n')).toMatch(/checkpoint 'undo'/);
  });
  it('says nothing of the lessons as they are, nor of a say that tells what SEM_UNDO records', () => {
    expect(lessonTextGiveaways(LESSONS)).toEqual([]);
    // the say names semadj and leaves what it records to the hint (issue 16: "the kernel records
    // this change's adjustment per process" right above "semval then is…" nearly answered); a
    // say that tells it is still no case's end to the checker
    expect(sem.steps[undo]!.say.en).not.toMatch(/adjustment/);
    expect(lessonTextGiveaways(withSay('A new holder takes the semaphore with SEM_UNDO: the kernel keeps a per-process adjustment for that change (g: semadj). This process kills it with SIGKILL: no handler, no cleanup.'))).toEqual([]);
  });
});
