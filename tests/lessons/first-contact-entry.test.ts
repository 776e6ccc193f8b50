// A glossary entry reached from the first lesson's first step (perms, from overview 1's ipcs
// heading) uses only words the learner has met there or explains itself: newcomers met
// SHM_DEST and CAP_IPC_OWNER in it, words of lessons 6 and 10 (issue 16 item 7).
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { entriesUsed, entryFor, firstHit, GLOSSARY, glossaryMatches } from '../../src/lessons/glossary.js';
import { strings } from '../../src/app/strings.js';

describe('a first-contact glossary entry', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`perms (${lang}) names no entry the overview lesson does not name`, () => {
      const overview = LESSONS.find((l) => l.id === 'overview')!;
      const texts = [overview.title, overview.intro, overview.aside, ...overview.steps.flatMap((s) => [s.title, s.say, s.notice, s.aside])].map((t) => t?.[lang] ?? '').join('\n');
      const met = new Set(entriesUsed(texts, GLOSSARY).keys());
      const perms = GLOSSARY.find((e) => e.id === 'perms')!;
      const unmet = [...entriesUsed(perms.text[lang], GLOSSARY).keys()].filter((e) => e !== perms && !met.has(e)).map((e) => e.id);
      expect(unmet).toEqual([]);
    });
  }
});

// the Flow's border says "lit goes on above" (高亮向上延续): g finds the word (issue 16 item 7)
describe('the Flow border\'s word for lit lines has an entry', () => {
  for (const [lang, word] of [['en', 'lit'], ['zh', '高亮']] as const) {
    it(`${lang}: ${word}`, () => {
      expect(strings(lang).litGoesOnAbove).toContain(word);
      expect(entryFor(word)?.id).toBe('flow-lines');
      const found = glossaryMatches(word);
      expect(found[firstHit(word, found)]?.id).toBe('flow-lines');
    });
  }
});
