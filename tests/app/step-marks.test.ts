// The step list's marks and its hidden-steps signs (↑2, ↓5 in the narrow list) are
// explained in the glossary, in both languages, with the marks the list really draws.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GLOSSARY } from '../../src/lessons/glossary.js';
import { stepListLines } from '../../src/app/components/lesson-view.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';

describe('the step list is explained', () => {
  const entry = GLOSSARY.find((e) => e.id === 'step-list');
  const source = readFileSync(join(__dirname, '../../src/app/components/lesson-view.ts'), 'utf8');
  const marks = Object.values(JSON.parse(source.match(/const MARKS = (\{[^}]*\})/)![1].replace(/(\w+):/g, '"$1":').replace(/'/g, '"')) as Record<string, string>);
  it.each(['en', 'zh'] as const)('%s: every mark of the list and both signs', (lang) => {
    expect(entry).toBeDefined();
    for (const mark of [...marks, '↑2', '↓5']) expect(entry!.text[lang]).toContain(mark);
  });

  // after an erratum's jump back to step 2 of 4, steps 2-4 ran before it and not since: no ✓,
  // not even a dimmed one (without colour it read as run: fix16b#4, after nc13#3)
  it.each(['en', 'zh'] as const)('%s: no ✓ on a step run before an erratum\'s jump back and not since', (lang) => {
    const lesson = LESSONS.find((l) => l.steps.length >= 4)!;
    // as LessonPane built the input before: the steps done before the jump given beside `done`
    const input = { lesson, lang, view: 1, done: 1, problems: {}, present: false, revealed: 0, ascii: false, s: strings(lang), doneBefore: 4 };
    const marks = stepListLines(input, 30).map((l) => l[0]!.text.trim());
    expect(marks.slice(0, 4)).toEqual(['✓', '▶', '', '']);
    expect(entry!.text[lang]).not.toMatch(/dimmed ✓|暗色的 ✓/);
  });
});
