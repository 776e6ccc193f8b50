// A label whose result word is masked ("a child reads: SIGSEGV" until its step ran) keeps its
// words beside its "?", the "?" beside its line: shmdt-unmap at 80x24 drew "a child reads:       ?"
// (the word's blanks between), read as a label floating far from its arrow. Every step of every
// lesson, at the Flow's widths, en and zh: no label's words stand apart from its "?" by the
// blanks of a masked word.
import { describe, expect, it } from 'vitest';
import { flowChoice } from '../../src/app/components/flow-view.js';
import { renderDiagram } from '../../src/flow/index.js';
import { LESSONS } from '../../src/lessons/index.js';

describe('a masked result word in a label', () => {
  it("leaves the label's words beside its \"?\" (shmdt-unmap: 'a child reads: ?')", () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const lang of ['en', 'zh'] as const) {
      const words = lang === 'en' ? 'a child reads:' : '子进程读：';
      for (const lesson of LESSONS) {
        for (let i = 0; i < lesson.steps.length; i++) {
          const choice = flowChoice(lesson, i, i + 1);
          if (!choice.diagram || choice.masked.length === 0) continue;
          for (const width of [77, 70]) {
            const text = renderDiagram(choice.diagram, { width, lang, family: choice.family }).text({ active: choice.active, done: choice.done, masked: choice.masked });
            for (const row of text.split('\n')) {
              if (!row.includes(words)) continue;
              seen++;
              if (row.includes('SIGSEGV')) continue;
              if (!row.includes(`${words}${lang === 'en' ? ' ' : ''}?`)) wrong.push(`${lesson.id} step ${i + 1} ${lang} ${width}: '${row}'`);
            }
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(seen).toBeGreaterThan(0);
  });
});
