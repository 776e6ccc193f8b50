// The bundle's string-width (src/text/string-width.ts) measures plain text itself and
// must give string-width 8's figures exactly: every character it takes is checked here
// against string-width, and checked to be a grapheme cluster of its own beside any other
// (so a text of them is measured character by character, as string-width does).
import { describe, expect, it } from 'vitest';
import realStringWidth from 'string-width';
import stringWidth, { plainWidth } from '../../src/text/string-width.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const clusters = (s: string) => Array.from(segmenter.segment(s), (x) => x.segment);

/** Every code point plainWidth takes alone (surrogates have no string of their own). */
function plainCharacters(): string[] {
  const out: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (plainWidth(ch) !== undefined) out.push(ch);
  }
  return out;
}

describe('the bundle’s string-width', () => {
  const plain = plainCharacters();

  it('takes ASCII, Latin, box drawing, arrows, ▶ and CJK, and leaves emoji, marks and joiners to string-width', () => {
    for (const ch of ['a', 'é', 'Ж', '─', '┼', '►', '▶', '⚠', '中', '，', 'Ａ']) expect(plain, ch).toContain(ch);
    for (const s of ['😀', '❤️', '👍🏽', 'e\u0301', 'a\u200db', '\u00ad', '🇨🇳', '한', '\t', '\u2028']) expect(plainWidth(s), s).toBeUndefined();
    expect(plain.length).toBeGreaterThan(20_000);
  });

  it('measures every character it takes as string-width does', () => {
    const wrong = plain.filter((ch) => plainWidth(ch) !== realStringWidth(ch));
    expect(wrong.map((ch) => ch.codePointAt(0)!.toString(16))).toEqual([]);
  });

  it('takes only characters that stay a cluster of their own, whatever stands beside them', () => {
    // each is then of the kind that breaks from all but marks and joiners (excluded from
    // the text, so never beside it): not a mark nor joiner itself (after 'a'), not
    // prepended (before 'a'), no Hangul jamo or syllable, no regional indicator
    const hangul = ['\u1100', '\u1161', '\u11a8', '\uac00', '\uac01'];
    const fused = plain.filter((ch) =>
      ['a', ...hangul, '\u{1f1e8}'].some((n) => clusters(n + ch).length !== 2 || clusters(ch + n).length !== 2),
    );
    expect(fused.map((ch) => ch.codePointAt(0)!.toString(16))).toEqual([]);
  }, 120_000); // some 400 000 segmentations: 4-8 s alone, 31 s at load 20

  it('gives string-width’s figure for texts, with colours, options and anything else', () => {
    const texts = ['', 'ascii only', '│ ▶ 1 shmget(IPC_PRIVATE) │', '共享内存：shmget（创建）', '\x1b[1m粗体\x1b[22m ok', 'emoji 😀 mixed 中', 'tab\there', 'e\u0301'];
    for (const t of texts) {
      expect(stringWidth(t), t).toBe(realStringWidth(t));
      expect(stringWidth(t, { ambiguousIsNarrow: false }), t).toBe(realStringWidth(t, { ambiguousIsNarrow: false }));
      expect(stringWidth(t, { countAnsiEscapeCodes: true }), t).toBe(realStringWidth(t, { countAnsiEscapeCodes: true }));
    }
    // a long run of random plain characters, as a pane's line of them would be
    let seed = 12;
    const pick = () => plain[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % plain.length];
    const line = Array.from({ length: 2000 }, pick).join('');
    expect(stringWidth(line)).toBe(realStringWidth(line));
  });
});
