// The "New terms" line says which terms, within its one row, in both languages: never a
// group counted with its pane alone ("+2 in the Trace pane", issue 16: a newcomer could not
// tell what to look up). Where the line is short of room, the panes and then the key's word
// give way before a word does; no word is ever left out ("+ 2 more" never said which: issue 16).
import { describe, expect, it } from 'vitest';
import { lessonTextLines } from '../../src/app/components/lesson-view.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import { LESSONS } from '../../src/lessons/index.js';
import { cells } from '../../src/app/text-fit.js';
import { LANGS } from '../../src/lang.js';

describe('the New terms line names its terms', () => {
  const lesson = LESSONS.find((l) => l.id === 'shmat')!;
  it.each(LANGS)('%s: at every text width from 34 to 80 the line is one row and names every term, never a count', (lang) => {
    const s = strings(lang);
    const lead = s.newTerms('\u0000', '').split('\u0000')[0]!;
    const words = ['shmat', 'cpid', 'lpid'];
    const newTerms = { names: words, key: 'g', justRun: [], where: { cpid: 'trace', lpid: 'trace' } as const };
    const wrong: string[] = [];
    for (let width = 34; width <= 80; width++) {
      const input = { lesson, lang, view: 1, done: 1, problems: {}, present: false, revealed: 0, ascii: false, s, newTerms };
      const lines = lessonTextLines(input, width).map(lineText);
      const at = lines.findIndex((l) => l.startsWith(lead));
      if (at < 0) {
        wrong.push(`${width}: no line`);
        continue;
      }
      const line = lines[at]!;
      // one row: the next line is no part of it
      if (lines[at + 1]?.trim() && !lines[at + 1]!.startsWith('▸')) wrong.push(`${width}: "${line}" goes on to "${lines[at + 1]}"`);
      if (cells(line) > width) wrong.push(`${width}: "${line}" wider than ${width}`);
      const named = words.filter((w) => line.includes(w));
      if (named.length < words.length) wrong.push(`${width}: "${line}" names ${named.join(', ') || 'none'}`);
      if (/\+ ?\d+ (in the|more)|窗格里另有|和另外 \d+ 个/.test(line)) wrong.push(`${width}: "${line}" counts terms`);
    }
    expect(wrong).toEqual([]);
  });
});
