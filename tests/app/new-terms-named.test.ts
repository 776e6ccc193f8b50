// The "New terms" line says which terms, within its one row, in both languages: never a
// group counted with its pane alone ("+2 in the Trace pane", issue 16: a newcomer could not
// tell what to look up). Where the line is short of room, the panes and then the key's word
// give way before a word does; a word left out is counted only when even the short line cannot
// hold them all.
import { describe, expect, it } from 'vitest';
import { lessonTextLines } from '../../src/app/components/lesson-view.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import { LESSONS } from '../../src/lessons/index.js';
import { cells } from '../../src/app/text-fit.js';
import { LANGS } from '../../src/lang.js';

describe('the New terms line names its terms', () => {
  const lesson = LESSONS.find((l) => l.id === 'shmat')!;
  it.each(LANGS)('%s: at every text width from 34 to 80 the line is one row and names the terms, not a count of a pane', (lang) => {
    const s = strings(lang);
    const lead = s.newTerms('\u0000', '').split('\u0000')[0]!;
    const words = ['shmat', 'cpid', 'lpid'];
    const newTerms = { names: words, key: 'g', justRun: [], where: { cpid: 'trace', lpid: 'trace' } as const, spare: ['cpid', 'lpid'] };
    const wrong: string[] = [];
    let all = 0;
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
      // the text's own word always; the others named, or counted after the words named
      if (!named.includes('shmat') || named.length < 2) wrong.push(`${width}: "${line}" names ${named.join(', ') || 'none'}`);
      if (named.length === words.length) all++;
      if (/\+ ?\d+ (in the|more in)|窗格里另有/.test(line)) wrong.push(`${width}: "${line}" counts a pane's terms`);
    }
    expect(wrong).toEqual([]);
    // at 80x24's text width (46-48) every term is named
    expect(all).toBeGreaterThan(30);
  });
});
