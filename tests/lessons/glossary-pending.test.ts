// The rule reads every entry a learner is pointed to while a checkpoint waits: the terms of
// its step and of the lesson's texts before it, not only the step's own (fix20b). Each
// entry below answered a question in full before its part was held back (SIGSEGV's "a write
// to a read-only page" above shmat's "the child writes through its read-only mapping"),
// so the rule must find each with its held parts put back into its text.
import { describe, expect, it } from 'vitest';
import { entryText, GLOSSARY, type GlossaryEntry } from '../../src/lessons/glossary.js';
import { glossaryGiveaways } from '../../src/lessons/glossary-giveaway.js';
import { LESSONS } from '../../src/lessons/index.js';

// SHM_RDONLY's "a write there kills the writer with SIGSEGV" answers shmat's rdonly question
// although that question names all three outcomes, SIGSEGV among them: a question that lists
// every outcome points at none, so the entry saying which one comes is the giveaway.
const ANSWERED: [entry: string, lesson: string, checkpoint: string][] = [
  ['SIGSEGV', 'shmat', 'rdonly'],
  ['SHM_RDONLY', 'shmat', 'rdonly'],
  // ('old-pointer' and shmdt's use-after: "old address" is a plain phrase now, no term that points there, issue 16)
  ['IPC_PRIVATE', 'shmget', 'second'],
  ['IPC_EXCL', 'ftok', 'excl'],
  ['open-flags', 'ftok', 'excl'],
  // (IPC_NOWAIT and EIDRM answered msg's taken and rmid, and EIDRM shmctl's attach-dest, while
  // their choices named the errnos; since issue 16 the choices say what the call does, and the
  // parts stay held all the same)
  // says yes to "Does this run lose updates?" in the question's own words (fix26b#7)
  ['volatile', 'race', 'none'],
  // the entry named for race's subject: "a million increments lose some almost every time" (fix27a#2)
  ['race', 'race', 'none'],
  // "…which two CPUs can interleave, and then one add is lost": a yes in the passive, in an
  // entry race 2's run is the first to list, read in the glossary before it (issue 16)
  ['atomic', 'race', 'none'],
];

describe('glossary giveaways: every entry a learner can open while a question waits', () => {
  it('passes on the glossary as it is', () => {
    expect(glossaryGiveaways(LESSONS)).toEqual([]);
  });

  it.each(ANSWERED)("finds %s answering %s's %s with its held parts shown", (id, lesson, checkpoint) => {
    const entry = GLOSSARY.find((e) => e.id === id)!;
    expect(entry.shows?.some((part) => part.lesson === lesson && part.step === checkpoint)).toBe(true);
    const unheld = GLOSSARY.map((e): GlossaryEntry => (e === entry ? { ...e, text: { en: entryText(e, 'en'), zh: entryText(e, 'zh') }, shows: undefined } : e));
    const problems = glossaryGiveaways(LESSONS, unheld).filter((p) => p.startsWith(`glossary '${id}': `) && p.includes(`lesson '${lesson}' checkpoint '${checkpoint}'`));
    expect(problems).not.toEqual([]);
  });

  it("finds SIGSEGV's text before fix20b answering shmat's rdonly and shmdt's use-after", () => {
    const before = 'The signal the kernel sends a process that touches memory it may not: an address nothing is mapped at, or a write to a read-only page. By default it kills the process.';
    const glossary = GLOSSARY.map((e): GlossaryEntry => (e.id === 'SIGSEGV' ? { ...e, text: { en: before, zh: e.text.zh }, shows: undefined } : e));
    const problems = glossaryGiveaways(LESSONS, glossary).filter((p) => p.startsWith("glossary 'SIGSEGV': "));
    expect(problems.some((p) => p.includes("lesson 'shmat' checkpoint 'rdonly'"))).toBe(true);
    expect(problems.some((p) => p.includes("lesson 'shmdt' checkpoint 'use-after'"))).toBe(true);
  });

  it('says what every term is while its held parts wait for their steps', () => {
    for (const entry of GLOSSARY.filter((e) => e.shows)) {
      expect(entry.text.en.split(' ').length, entry.id).toBeGreaterThanOrEqual(5);
      expect(entry.text.zh, entry.id).not.toBe('');
    }
  });
});
