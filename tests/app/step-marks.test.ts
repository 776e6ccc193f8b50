// The step list's marks and its hidden-steps signs (↑2, ↓5 in the narrow list) are
// explained in the glossary, in both languages, with the marks the list really draws.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GLOSSARY } from '../../src/lessons/glossary.js';

describe('the step list is explained', () => {
  const entry = GLOSSARY.find((e) => e.id === 'step-list');
  const source = readFileSync(join(__dirname, '../../src/app/components/lesson-view.ts'), 'utf8');
  const marks = Object.values(JSON.parse(source.match(/const MARKS = (\{[^}]*\})/)![1].replace(/(\w+):/g, '"$1":').replace(/'/g, '"')) as Record<string, string>);
  it.each(['en', 'zh'] as const)('%s: every mark of the list and both signs', (lang) => {
    expect(entry).toBeDefined();
    for (const mark of [...marks, '↑2', '↓5']) expect(entry!.text[lang]).toContain(mark);
  });
});
