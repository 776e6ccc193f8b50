// Every erratum's "seen live" step shows its point: the erratum's words are its own subject
// (in its text, said by few steps) and that step says them. E3 pointed at ftok 7 by the
// word 'key' after the step's FIFO analogy had gone (issue 16).
import { describe, expect, it } from 'vitest';
import { ERRATA } from '../../src/lessons/errata.js';
import { LESSONS } from '../../src/lessons/index.js';
import { subjectWords, validateLessons } from '../../src/lessons/validate.js';

describe('errata: the step each is seen live at', () => {
  it('every erratum names its own subject, and its step says it', () => {
    for (const erratum of ERRATA) {
      const problems: string[] = [];
      subjectWords(erratum, LESSONS, problems);
      expect(problems, erratum.id).toEqual([]);
    }
    expect(validateLessons(LESSONS).filter((p) => p.startsWith('erratum'))).toEqual([]);
  });

  it('a word every lesson says is no subject', () => {
    const problems: string[] = [];
    subjectWords({ ...ERRATA[2]!, words: ['key'] }, LESSONS, problems);
    expect(problems.some((p) => p.includes("'key' is said by"))).toBe(true);
  });
});
