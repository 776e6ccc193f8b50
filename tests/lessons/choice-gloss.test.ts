// Two ways a question's text answers it that need no run (issue 16, newcomer passes): a choice
// that names an errno with its meaning ("ENOMSG (no message of desired type)" under "the
// queue is empty…"), and a glossary entry the step points to ("(g: semncnt)") whose
// definition says the question's own situation ("processes waiting in semop" above "after the
// waiter's semop -1, semncnt is…"). src/lessons/giveaway.ts.
import { describe, expect, it } from 'vitest';
import { errnoGlossed, glossRestates } from '../../src/lessons/giveaway.js';
import { entryFor, entryText } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { listedChoice } from '../../src/lessons/checkpoint-kit.js';

describe('errnoGlossed', () => {
  it('finds strerror\'s words beside the errno, in any case', () => {
    expect(errnoGlossed('ENOMSG (no message of desired type)')).toBe('ENOMSG');
    expect(errnoGlossed('fails with EIDRM (identifier removed)')).toBe('EIDRM');
    expect(errnoGlossed('fails with EAGAIN')).toBeUndefined();
    expect(errnoGlossed('returns at once with an error')).toBeUndefined();
  });
});

describe('glossRestates', () => {
  it('finds a word of the question\'s situation in the definition, as a doing', () => {
    const semncnt = 'A count the kernel keeps per semaphore, of processes waiting in semop. semctl GETNCNT reads it.';
    expect(glossRestates('After the waiter\'s semop -1, semncnt is…', semncnt, ['semncnt', 'GETNCNT'], (w) => w === 'semop')).toBe('wait');
    expect(glossRestates('After semop -1, semncnt is…', semncnt, ['semncnt', 'GETNCNT'], (w) => w === 'semop')).toBeUndefined();
  });
});

const questions = LESSONS.flatMap((lesson) => [
  ...Object.entries(lesson.checkpoints ?? {}).map(([step, cp]) => ({ where: `${lesson.id} ${step}`, lesson, step, cp: cp! })),
  ...(lesson.check ?? []).map((cp, i) => ({ where: `${lesson.id} check ${i + 1}`, lesson, step: undefined, cp })),
]);

/** Questions of the shared-memory lessons, whose text another change rewords (issue 16): the
 *  list only shrinks. */
const LEFT: ReadonlySet<string> = new Set(['shmctl attach-dest']);

describe('no choice names an errno with its meaning', () => {
  it('every question of every lesson, as listed (with ERRNO_SHORT\'s words, never strerror\'s)', () => {
    const found = questions.flatMap(({ where, cp }) => (LEFT.has(where) ? [] : cp.choices.flatMap((_, i) => (errnoGlossed(listedChoice(cp.choices, i, 'en')) ? [`${where}: "${listedChoice(cp.choices, i, 'en')}"`] : []))));
    expect(found).toEqual([]);
  });
});

/** The glossary entries a step sends the learner to before its question: "(g: TERM)". */
const pointers = (text: string) => [...text.matchAll(/\(g: ([^)]+)\)/g)].map((m) => m[1]!.trim());

describe('no glossary entry a step points to says its question\'s situation', () => {
  it('every checkpoint of every lesson', () => {
    const found = questions.flatMap(({ where, lesson, step, cp }) => {
      const st = lesson.steps.find((s) => s.id === step);
      if (!st) return [];
      return pointers([st.title.en, st.say.en].join('\n')).flatMap((term) => {
        const entry = entryFor(term);
        if (!entry) return [`${where}: (g: ${term}) has no entry`];
        const said = glossRestates(cp.question.en, entryText(entry, 'en', (part) => part.lesson !== lesson.id || part.step !== step), entry.terms, (w) => entryFor(w) !== undefined);
        return said ? [`${where}: (g: ${term}) says "${said}" of the question "${cp.question.en}"`] : [];
      });
    });
    expect(found).toEqual([]);
  });
});
