// The segmenter of src/text/cells.ts (also Ink's tokenizer's and slice-ansi's, through
// scripts/build.mjs) cuts text of SINGLE_CLUSTERS itself, a character per cluster: every
// such character must be a cluster of its own for ICU too, beside any other of them.
import { describe, expect, it } from 'vitest';
import { SINGLE_CLUSTERS, segmenter } from '../../src/text/cells.js';

const icu = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const clusters = (text: string) => Array.from(icu.segment(text), ({ segment, index }) => ({ segment, index }));

const singles: string[] = [];
for (let code = 0; code <= 0xffff; code++) {
  const ch = String.fromCharCode(code);
  if (SINGLE_CLUSTERS.test(ch)) singles.push(ch);
}

describe('single-character clusters', () => {
  it('holds the characters ipclab draws most: ASCII, ESC, box drawing, CJK', () => {
    for (const text of ['shmget(IPC_PRIVATE, 4096)', '\x1b[1m─│┌┐└┘━═•…⚠\x1b[22m', '共享内存，段。「键」', '→ ← ↑ ↓']) expect(SINGLE_CLUSTERS.test(text)).toBe(true);
    for (const text of ['e\u0301', '👍🏽', '☀\ufe0f', 'a\u200db', '\r\n', '한\u11a8', 'か\u3099']) expect(SINGLE_CLUSTERS.test(text)).toBe(false);
  });

  it('every one of them is a cluster of its own for ICU, beside ASCII, ESC, CJK, a box line and itself', () => {
    const wrong = singles.filter((ch) => clusters(`a${ch}${ch}\x1b${ch}中${ch}─${ch}é`).length !== 10);
    expect(wrong.map((ch) => ch.charCodeAt(0).toString(16))).toEqual([]);
  });

  it('cuts text as ICU does, either way, and finds the cluster containing an index', () => {
    for (const text of ['plain ASCII', '─ 共享内存 ─', 'e\u0301 and 👍🏽', '']) {
      expect(Array.from(segmenter.segment(text), ({ segment, index }) => ({ segment, index }))).toEqual(clusters(text));
      for (let i = -1; i <= text.length; i++) {
        const mine = segmenter.segment(text).containing(i);
        const theirs = icu.segment(text).containing(i);
        expect(mine && { segment: mine.segment, index: mine.index }).toEqual(theirs && { segment: theirs.segment, index: theirs.index });
      }
    }
  });
});
