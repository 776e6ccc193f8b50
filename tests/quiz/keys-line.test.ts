// A question's keys line wraps only between whole entries (fix22a#2): a key and its words on one
// line ("空格/Enter 运行；你的答案：2" was cut after "空格/Enter" at 120x34), en and zh, at every
// width the lesson text gets from 60 to 160 columns and narrower.
import { describe, expect, it } from 'vitest';
import { keysLines } from '../../src/app/components/quiz-view.js';
import { strings } from '../../src/app/strings.js';
import { cells } from '../../src/app/text-fit.js';
import type { Lang } from '../../src/lang.js';

function texts(lang: Lang): string[] {
  const s = strings(lang);
  const out: string[] = [];
  for (const n of [2, 3, 4])
    for (const chosen of [undefined, 1, 3])
      for (const hint of ['h', undefined])
        for (const earlier of [undefined, 'right', 'wrong'] as const)
          for (const yours of [false, true]) out.push(s.quizKeys(n, 'x', chosen, hint, earlier, yours));
  return [...out, s.checkKeys(3, 'x')];
}

describe('the keys line under a question', () => {
  for (const lang of ['en', 'zh'] as Lang[]) {
    it(`${lang}: every line is whole entries, or a part of an entry wider than the line`, () => {
      const s = strings(lang);
      for (const text of texts(lang)) {
        const entries = text.split('  ');
        for (let width = 16; width <= 160; width++) {
          const lines = keysLines(text, { lang, s, ascii: false, width }).map((l) => l.map((r) => r.text).join(''));
          for (const l of lines) {
            expect(cells(l), `${width}: ${l}`).toBeLessThanOrEqual(width);
            const whole = l.split('  ').every((e) => entries.includes(e));
            const part = entries.some((e) => cells(e) > width && e.includes(l));
            expect(whole || part, `${lang} ${width}: "${l}" of "${text}"`).toBe(true);
          }
          // nothing lost: the entries in order
          expect(lines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        }
      }
    });
  }
});
