// The lesson menu's lines and the key bar over the lists, from plain data.
import { describe, expect, it } from 'vitest';
import { menuLines } from '../../src/app/components/menu-view.js';
import { keyBarLine } from '../../src/app/components/KeyBar.js';
import { strings } from '../../src/app/strings.js';
import { lineText, lineWidth } from '../../src/app/styled.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { Lang } from '../../src/lang.js';

const LANGS: Lang[] = ['en', 'zh'];

describe('the lesson menu', () => {
  const base = { lessons: LESSONS, ascii: false, completed: [], answers: {}, current: 0, cursor: 0, width: 80 };

  it('marks the cursor with a sign (not only colour), the open lesson with another, and names the score columns', () => {
    for (const lang of LANGS) {
      const s = strings(lang);
      const { lines, rowStarts } = menuLines({ ...base, lang, s, cursor: 3 });
      const text = lines.map(lineText);
      expect(text[0]).toContain(s.menuPredicted);
      expect(text[0]).toContain(s.menuCheck);
      expect(text[rowStarts[3]]).toMatch(/▶ +4\. shmat/);
      expect(text[rowStarts[0]]).toMatch(/^ {3} {2}• +1\. overview/);
      for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(78);
    }
  });

  it('shows every title whole, wrapped in its column at 80 columns', () => {
    for (const lang of LANGS) {
      const { lines } = menuLines({ ...base, lang, s: strings(lang) });
      // the title lines of each row, spaces aside (Chinese wraps between any two characters)
      const text = lines.map((l) => lineText(l).slice(43)).join('').replace(/\s+/g, '');
      for (const l of LESSONS) expect(text).toContain(l.title[lang].replace(/\s+/g, ''));
    }
  });

  it('a check never taken shows – and not 0/N; one taken shows right/of', () => {
    const s = strings('en');
    const withCheck = LESSONS.findIndex((l) => (l.check?.length ?? 0) > 0);
    const l = LESSONS[withCheck];
    const never = menuLines({ ...base, lang: 'en', s, answers: { [l.id]: { checkpoints: { a: 'right' }, check: {} } } });
    const row = lineText(never.lines[never.rowStarts[withCheck]]);
    expect(row).toMatch(/1\/1 +– /);
    expect(row).not.toMatch(/0\/\d/);
    const taken = menuLines({ ...base, lang: 'en', s, answers: { [l.id]: { checkpoints: {}, check: { 0: true } } } });
    expect(lineText(taken.lines[taken.rowStarts[withCheck]])).toContain(`1/${l.check!.length}`);
  });

  it('the key bar over the menu, the errata and the glossary names their keys first, not the lesson’s', () => {
    for (const lang of LANGS) {
      for (const scope of ['menu', 'errata', 'glossary'] as const) {
        const bar = lineText(keyBarLine(lang, false, 80, undefined, scope));
        expect(bar).toMatch(/^ ↑↓ \S+ .*Esc /);
        expect(bar).not.toMatch(/Space|→|Tab/);
        expect(bar.includes('Enter')).toBe(scope !== 'glossary');
      }
    }
  });
});
