// What parent-child's first frame finds in the texts of lessons 1-6 (the words those lessons
// teach, its "terms of lessons 1-6" line) is kept across runs per bundle (src/cli.ts hands
// kept-layout's keptWords to the glossary): read back, it is what the texts give.
import { afterEach, describe, expect, it } from 'vitest';
import { earlierTerms, GLOSSARY, keepFound } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { LANGS } from '../../src/lang.js';

const index = LESSONS.findIndex((l) => l.id === 'parent-child');

afterEach(() => keepFound(undefined));

describe('the first frame\'s words of the lessons before, kept', () => {
  for (const lang of LANGS)
    it(`${lang}: a later run reads back the terms found, without reading the texts`, () => {
      const at = { index, ran: [] };
      // a copy of the lessons: a run of its own (the glossary keeps what it found per lessons)
      const plain = earlierTerms([...LESSONS], lang, at);
      expect(plain.words.length).toBeGreaterThan(5);
      const kept = new Map<string, string[]>();
      let found = 0;
      keepFound((key, find) => {
        if (!kept.has(key)) (found++, kept.set(key, find()));
        return kept.get(key)!;
      });
      expect(earlierTerms([...LESSONS], lang, at)).toEqual(plain);
      const finds = found;
      expect(finds).toBeGreaterThan(0);
      const again = earlierTerms([...LESSONS], lang, at);
      expect(found).toBe(finds);
      expect(again).toEqual(plain);
      expect(again.entries.every((e) => GLOSSARY.includes(e))).toBe(true);
    });

  it('finds anew what names an entry the glossary no longer has', () => {
    const at = { index, ran: [] };
    const plain = earlierTerms([...LESSONS], 'en', at);
    // the rows of another build, not found now: read back, and the entry is not there
    keepFound(() => ['gone-entry\tgone\t0']);
    expect(earlierTerms([...LESSONS], 'en', at)).toEqual(plain);
  });
});
