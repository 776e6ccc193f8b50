// A misspelling a lesson quotes (the notes' IPC_CREATE, which ftok 4 says does not exist) is
// never offered as a term to learn: ftok 4 listed "New terms: IPC_CREATE" (issue 16). The
// glossary marks such an entry (`misspelling`), and every entry that says it is one is marked.
import { describe, expect, it } from 'vitest';
import { GLOSSARY, newTermWords, noticeTermWords } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';

describe('misspellings are not new terms', () => {
  it('every entry that says it is a misspelling is marked one', () => {
    const said = GLOSSARY.filter((e) => /misspelling/.test(e.text.en) && /^Does not exist/.test(e.text.en));
    expect(said.map((e) => e.id)).toContain('IPC_CREATE');
    for (const entry of said) expect(entry.misspelling, entry.id).toBe(true);
  });

  it('no step of any lesson lists a misspelling among its new terms, before or after its run', () => {
    const wrong = new Set(GLOSSARY.filter((e) => e.misspelling).flatMap((e) => e.terms));
    for (const lang of ['en', 'zh'] as const) {
      LESSONS.forEach((lesson, index) => {
        const before = newTermWords(LESSONS, lang, index);
        const after = noticeTermWords(LESSONS, lang, index).map((t) => t.words);
        [...before, ...after].forEach((words, step) => {
          for (const word of words) expect(wrong.has(word), `${lesson.id} step ${step % lesson.steps.length + 1} (${lang}): ${word}`).toBe(false);
        });
      });
    }
  });
});
