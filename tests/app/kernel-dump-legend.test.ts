// The dump's legend says its marks with a character of the dump itself: "· rest of a
// character's bytes" / "· 字符的其余字节" left newcomers guessing what · stood for. Now
// "你· = 你 (3 bytes)": the glyph and its fill read together as one character of so many
// bytes, and "↪ = byte of 你 (row above)". For text of 2-, 3- and 4-byte characters, one
// ending a row, en and zh, plain and --ascii: the legend shows a character of the rows with
// its marks as the rows draw it, and its byte count is its UTF-8 length. A character whose
// first byte is a row's last is drawn on the next row, → under that byte (issue 16: drawn
// whole there it hung a cell past the row): "→ = byte of 你 (row below)", said
// only when the rows show →. ↪ and → are said in one phrasing (issue 16: "rest of 你 (row
// above)" beside "start of 你 (next row)" read as two kinds of mark), and the zh legend, wrapped
// at any width, keeps "你 的字节" on one line (it wrapped as "开头|字节").
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
            // one phrasing for both: a byte of the character, and the row the character is on
            const said = (mark: string, row: 'above' | 'below') => flat(lang === 'en' ? `${mark} = byte of "${ch}" (row ${row})` : `${mark} = “${ch}” 的字节（该字在${row === 'above' ? '上' : '下'}一行）`);
            if (rows.includes(`  ${carry}`)) expect(flat(legend), where).toContain(said(carry, 'above'));
            if (rows.includes(ahead)) expect(flat(legend), where).toContain(said(ahead, 'below'));
            else expect(all, where).not.toMatch(/row below|下一行/);
            if (rows.includes(fill) || rows.includes(`  ${carry}`) || rows.includes(ahead)) expect(all, where).toContain(lead);
          }
        });
      }
});

describe('the dump legend wrapped: ↪ and → said alike, a character and its bytes on one line', () => {
  // both marks on screen: a 4-byte emoji cut 2+2 across the first rows (↪), 你 at a row's last byte (→)
  const bytes = new Uint8Array(32);
  bytes.set(Buffer.from('abcdef😀'), 0);
  bytes.set(Buffer.from('你'), 15);
  const dump = { shmid: 4, at: 0, size: 4096, bytes };
  for (const lang of ['en', 'zh'] as const)
    it(lang, () => {
      const s = strings(lang);
      const lead = lang === 'en' ? 'legend: ' : '图例：';
      let both = 0;
      for (let width = 20; width <= 78; width++) {
        const lines = dumpLines(4, dump, width, s).map(lineText);
        const at = lines.findIndex((l) => l.includes(lead));
        // the legend's lines: from its lead (beside the heading or under it) to the first row of bytes
        const legendLines: string[] = [];
        for (let i = at; i >= 0 && i < lines.length && (i === at || !/^[0-9a-f]{4}/.test(lines[i]!)); i++) legendLines.push(i === at ? lines[i]!.slice(lines[i]!.indexOf(lead)) : lines[i]!);
        const text = legendLines.join(lang === 'en' ? ' ' : '').replace(/\u00a0/g, ' ');
        const where = `${lang} at ${width}:\n${lines.join('\n')}`;
        const marks = [...text.matchAll(lang === 'en' ? /([↪→]) = byte of "(\S+)" \(row (above|below)\)/gu : /([↪→]) = “(\S+)” 的字节（该字在(上|下)一行）/gu)];
        if (marks.length === 2) both++;
        // every mark of the legend said in that phrasing
        expect(text.match(/[↪→] =/gu)?.length ?? 0, where).toBe(marks.length);
        // a line of the zh legend never starts or ends inside "你 的字节" (开头|字节 was cut)
        if (lang === 'zh') for (const l of legendLines) expect(l, where).not.toMatch(/^(的|字节|节)|(的|字)$/u);
      }
      expect(both, lang).toBeGreaterThan(0);
    });
});


// a punctuation mark or symbol the legend names is quoted: zh "↪ = ， 的字节" read as the
// sentence's own comma (issue 16, s25h#4)
describe('dump legend: a punctuation character named in quotes', () => {
  it('quotes ， and , and 你 alike (one phrasing)', () => {
    expect(strings('zh').dumpKey(null, { mark: '↪', ch: '，' })).toContain('“，”\u00a0的字节');
    expect(strings('en').dumpKey(null, { mark: '↪', ch: ',' })).toContain('byte of ","');
    expect(strings('zh').dumpKey(null, { mark: '↪', ch: '你' })).toContain('=\u00a0“你”\u00a0的字节');
  });
});
