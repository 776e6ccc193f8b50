// SEM_UNDO's record is of use only at one moment: a newcomer pointed to semadj at sem 6
// ("(g: semadj)") read what it is and not when the kernel applies it (issue 16). Both entries,
// as shown before any step ran, say it is added to semval when the process exits; whether a
// process killed with SIGKILL counts, sem 6's question, stays held until that step ran.
import { describe, expect, it } from 'vitest';
import { entryText, GLOSSARY } from '../../src/lessons/glossary.js';

const WHEN = { en: /\badds? (?:it )?to semval when the process exits\b/, zh: /进程退出时[^。]*加到 semval 上/ };

describe('SEM_UNDO and semadj: when the kernel applies semadj', () => {
  for (const id of ['SEM_UNDO', 'semadj']) {
    it(`${id}: says so before any step ran, in both languages; the SIGKILL case only after sem 6`, () => {
      const entry = GLOSSARY.find((e) => e.id === id)!;
      for (const lang of ['en', 'zh'] as const) {
        const before = entryText(entry, lang, () => false);
        expect(before, `${id} ${lang}`).toMatch(WHEN[lang]);
        expect(before).not.toMatch(/SIGKILL/);
        expect(entryText(entry, lang, (part) => part.lesson === 'sem' && part.step === 'undo')).toMatch(/SIGKILL/);
      }
    });
  }
});
