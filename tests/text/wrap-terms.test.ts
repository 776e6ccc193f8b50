// A newcomer read "System V" at a line's end and "IPC" under it, "kill" and "-9" apart, and
// in Chinese "十六 / 进制" (shmdt's form help), "八 / 进制" (a shmctl error): wrap keeps a
// glossary term (keepWhole, registered by src/lessons/index.ts) and a Chinese word
// (zh-words.ts) on one line wherever it fits; a term of plain words ("old pointer") only where
// going down whole leaves its line less than 8 cells short: a line is broken early only where
// the rest would cut a word or a code token (issue 16: "…keeps using the" over "old pointer.").
import { describe, expect, it } from 'vitest';
import { GLOSSARY, outsideBrackets } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { cells, wordsHeld, wrap } from '../../src/text/cells.js';
import { HAN } from '../../src/text/zh-words.js';

type Texts = { en: string[]; zh: string[] };

/** Every text of a lesson in both languages: any { en, zh } of strings in it, at any depth
 *  (titles, steps, notices, asides, questions, choices and their whyNot, hints, form help). */
function textsOf(value: unknown, out: Texts = { en: [], zh: [] }, seen = new Set<unknown>()): Texts {
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  const o = value as Record<string, unknown>;
  if (typeof o.en === 'string' && typeof o.zh === 'string') {
    out.en.push(o.en);
    out.zh.push(o.zh);
  }
  for (const v of Object.values(o)) textsOf(v, out, seen);
  return out;
}

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
/** The glossary's terms and heading parts that a line could split: of several words, or Chinese. */
const TERMS = [
  ...new Set(
    GLOSSARY.flatMap((e) => [...e.terms, ...(['en', 'zh'] as const).flatMap((l) => outsideBrackets(e.name[l]).split(/,\s*|、|\s+\/\s+/))].filter((t) => !/\s(?:and|or)\s/.test(t)))
      .map((t) => t.trim())
      .filter((t) => /\S\s+\S/.test(t) || (HAN.test(t) && t.length > 1)),
  ),
  // Chinese words ICU's dictionary cuts (zh-words.ts)
  '十六进制', '八进制',
].map((t) => ({ t, re: new RegExp(HAN.test(t) ? escape(t) : `(?<![\\p{L}\\p{N}_])${escape(t)}(?![\\p{L}\\p{N}_])`, 'giu') }));

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

describe('wrap keeps a glossary term whole where it fits', () => {
  it('the kept words: "System V IPC", "kill -9", 十六进制, 八进制 at the end of a line go down whole', () => {
    const v = wrap('Every object of the System V IPC lives in the kernel', 24);
    expect(v.some((l) => l.includes('System V IPC')), v.join(' / ')).toBe(true);
    // plain words, where going down whole would leave 8 cells or more: broken as prose
    expect(wrap('Every object of System V IPC lives in the kernel', 24)[0]).toBe('Every object of System V');
    expect(wrap('On Linux, after shmdt, a program keeps using the old\u00a0pointer. It…', 60)[0]).toMatch(/using the old$/);
    // a code token never: "kill -9" and a code span of plain words go down whole
    expect(wrap('The helper ends at once with kill -9 here', 34)[0]).toBe('The helper ends at once with');
    expect(wrap('When you are done, run `ipclab clean now` later', 30, { code: true })[0]).toBe('When you are done, run');
    const en = wrap('The helper ends at once with kill -9 here', 32);
    expect(en.some((l) => l.includes('kill -9')), en.join(' / ')).toBe(true);
    const zh = wrap('偏移量按十六进制填写，也可以写八进制的数', 10);
    expect(zh.some((l) => l.includes('十六进制')), zh.join(' / ')).toBe(true);
    expect(zh.some((l) => l.includes('八进制')), zh.join(' / ')).toBe(true);
  });

  it('every lesson text, both languages, at widths 40 to 118: no glossary term split across rows', () => {
    const split: string[] = [];
    let checked = 0;
    for (const lesson of LESSONS) {
      const texts = textsOf(lesson);
      for (const lang of ['en', 'zh'] as const) {
        for (const text of texts[lang]) {
          for (const para of text.split('\n')) {
            const plain = para.replace(/`([^`]*)`/g, '$1');
            const here = TERMS.filter(({ re }) => count(plain, re) > 0);
            if (!here.length) continue;
            for (let width = 40; width <= 118; width++) {
              const lines = wrap(para, width, { code: true });
              for (const { t, re } of here) {
                checked++;
                if (cells(t) + 2 > width) continue;
                const whole = lines.reduce((n, l) => n + count(l, re), 0);
                // a term of plain words split where going down whole would have left 8 cells free
                const roomy = wordsHeld(t) && lines.some((l, k) => k + 1 < lines.length && (() => {
                  const across = `${l} ${lines[k + 1]}`;
                  return [...across.matchAll(re)].some((m) => m.index < l.length && m.index + m[0].length > l.length && width - cells(l.slice(0, m.index).trimEnd()) >= 8);
                })());
                if (whole < count(plain, re) && !roomy) split.push(`${lesson.id} ${lang} @${width}: "${t}" in ${lines.join(' / ').slice(0, 160)}`);
              }
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect([...new Set(split)].slice(0, 20)).toEqual([]);
  });
});
