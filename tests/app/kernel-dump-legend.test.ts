// The dump's legend says its marks with a character of the dump itself: "· rest of a
// character's bytes" / "· 字符的其余字节" left newcomers guessing what · stood for. Now
// "你· = 你 (3 bytes)": the glyph and its fill read together as one character of so many
// bytes, and "↪ = rest of 你 (row above)". For text of 2-, 3- and 4-byte characters, one
// ending a row, en and zh, plain and --ascii: the legend shows a character of the rows with
// its marks as the rows draw it, and its byte count is its UTF-8 length. A character whose
// first byte is a row's last is drawn on the next row, → under that byte (issue 16: drawn
// whole there it hung a cell past the row): "→ = start of 你 (next row)", said only when the
// rows show →.
import { describe, expect, it } from 'vitest';
import { dumpLines } from '../../src/app/components/kernel-view.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { dumpMarks } from '../../src/text/dump.js';

const piece = (text: string, at = 0) => {
  const bytes = new Uint8Array(32);
  bytes.set(Buffer.from(text), at);
  return { shmid: 4, at: 0, size: 4096, bytes };
};

describe('the dump legend: a character of the dump says what its marks are', () => {
  for (const lang of ['en', 'zh'] as const)
    for (const ascii of [false, true])
      for (const [text, ch, at] of [['hello, 你好', '你', 0], ['café', 'é', 0], ['ok 😀', '😀', 0], ['abcdefg你', '你', 0], ['abcdefghijklmno你', '你', 0], ['abc 😀', '😀', 3], ['ab😀', '😀', 12]] as const) {
        it(`${lang}${ascii ? ' --ascii' : ''}: "${text}"`, () => {
          const s = strings(lang);
          const { fill, carry, ahead } = dumpMarks(ascii);
          for (const width of [40, 78]) {
            const lines = dumpLines(4, piece(text, at), width, s, null, null, null, ascii).map(lineText);
            const all = lines.join('\n');
            const rows = lines.filter((l) => /^[0-9a-f]{4}  [0-9a-f]{2} /.test(l)).join('\n');
            const where = `${text} at ${width}:\n${all}`;
            // the old words are gone, and "key" is never its lead
            expect(all, where).not.toMatch(/rest of a character|字符的其余字节|key:/);
            const lead = lang === 'en' ? 'legend: ' : '图例：';
            const legend = all.slice(all.indexOf(lead));
            const flat = (x: string) => x.replace(/\s+/g, '');
            if (rows.includes(fill)) {
              // a character of the text, its fill marks as drawn, its UTF-8 length
              const m = flat(legend).match(new RegExp(`(\\S)(${fill}+)=\\1${lang === 'en' ? '\\((\\d+)bytes\\)' : '（(\\d+)字节）'}`, 'u'));
              expect(m, where).not.toBeNull();
              const [, c, marks, n] = m!;
              expect(text, where).toContain(c);
              expect(Number(n), where).toBe(Buffer.byteLength(c!));
              expect(rows, where).toContain(c! + marks);
            }
            if (rows.includes(`  ${carry}`)) expect(flat(legend), where).toContain(flat(lang === 'en' ? `${carry} = rest of ${ch} (row above)` : `${carry} = 上一行 ${ch} 的其余字节`));
            const aheadSaid = flat(lang === 'en' ? `${ahead} = start of ${ch} (next row)` : `${ahead} = 下一行 ${ch} 的开头字节`);
            if (rows.includes(ahead)) expect(flat(legend), where).toContain(aheadSaid);
            else expect(all, where).not.toMatch(/start of|开头字节/);
            if (rows.includes(fill) || rows.includes(`  ${carry}`) || rows.includes(ahead)) expect(all, where).toContain(lead);
          }
        });
      }
});
