// A newcomer read "System V" at a line's end and "IPC" under it, "kill" and "-9" apart, and
// in Chinese "十六 / 进制" (shmdt's form help), "八 / 进制" (a shmctl error): wrap keeps a
// glossary term (keepWhole, registered by src/lessons/index.ts) and a Chinese word
// (zh-words.ts) on one line wherever it fits.
import { describe, expect, it } from 'vitest';
import { GLOSSARY, outsideBrackets } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { cells, wrap } from '../../src/text/cells.js';
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
    const v = wrap('Every object of System V IPC lives in the kernel', 24);
    expect(v.some((l) => l.includes('System V IPC')), v.join(' / ')).toBe(true);
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
                if (whole < count(plain, re)) split.push(`${lesson.id} ${lang} @${width}: "${t}" in ${lines.join(' / ').slice(0, 160)}`);
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
