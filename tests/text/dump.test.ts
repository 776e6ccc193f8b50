// The hex dump's text column (src/text/dump.ts), which the Kernel pane and the playground's
// `dump` both draw: a UTF-8 string split by a row boundary at every offset shows each of its
// characters once, no byte of it as '.', the columns in line (cells(), the one width function).
import { afterEach, describe, expect, it } from 'vitest';
import { cells } from '../../src/text/cells.js';
import { DUMP_CARRY, DUMP_CARRY_ASCII, DUMP_FILL, DUMP_FILL_ASCII, DUMP_HANG, dumpTexts } from '../../src/text/dump.js';
import { createSession } from '../../src/play/session.js';
import type { PlaySession } from '../../src/play/types.js';

const STRINGS = ['你好', 'é', '😀', 'hello, 你好!', '中文字'];

/** the text with the marks under a character's other bytes taken out */
const unmarked = (text: string) => text.split(DUMP_FILL).join('').split(DUMP_CARRY).join('');

describe('dumpTexts', () => {
  for (const perRow of [16, 8]) {
    it(`${perRow} bytes a row: every string split at every offset reads whole, each character on the row where it starts, its other bytes '${DUMP_FILL}' on its row and '${DUMP_CARRY}' on the next, every row's text its bytes' cells or one more`, () => {
      for (const str of STRINGS) {
        const utf8 = Buffer.from(str);
        for (let at = 0; at <= Math.min(2 * perRow, 3 * perRow - utf8.length); at++) {
          const bytes = new Uint8Array(3 * perRow).fill(0x41);
          bytes.set(utf8, at);
          const texts = dumpTexts(bytes, perRow);
          const what = `${str} at ${at}, ${perRow} a row: ${JSON.stringify(texts)}`;
          expect(texts, what).toHaveLength(3);
          // nothing of the string is a dot: every byte is an 'A', a character or a filler
          expect(texts.join(''), what).not.toContain('.');
          // the string reads whole once the marks are taken out
          expect(unmarked(texts.join('')), what).toBe(`${'A'.repeat(at)}${str}${'A'.repeat(3 * perRow - at - utf8.length)}`);
          // each character on the row where its first byte is (fix18f#1: a wide one starting at a
          // row's last byte was drawn on the next row, a filler ending the row it starts on)
          let byte = at;
          const hangs = new Set<number>();
          for (const ch of str) {
            const row = Math.floor(byte / perRow);
            if (ch.charCodeAt(0) >= 0x80) {
              expect(texts.findIndex((t) => t.includes(ch)), `${what}: ${ch} at byte ${byte}`).toBe(row);
              if (cells(ch) > (row + 1) * perRow - byte) hangs.add(row);
            }
            byte += Buffer.byteLength(ch);
          }
          // a cell a byte, and one more on the row a character hangs from, DUMP_HANG at most
          for (const [n, t] of texts.entries()) expect(cells(t), `${what}, row ${n}`).toBe(perRow + (hangs.has(n) ? DUMP_HANG : 0));
        }
      }
    });
  }
  it('fix18f#1 (nc13k#5): "hello, 你" with 你\'s first byte a row\'s last: 你 ends that row, hanging one cell; its other bytes carry marks on the next', () => {
    const bytes = new Uint8Array(32).fill(0x20);
    const text = Buffer.from('hello, 你好');
    bytes.set(text, 15 - 7);
    const texts = dumpTexts(bytes, 16);
    expect(texts[0]).toBe(`${' '.repeat(8)}hello, 你`);
    expect(texts[1].startsWith(`${DUMP_CARRY}${DUMP_CARRY}好${DUMP_FILL}`)).toBe(true);
    expect(texts.map(cells)).toEqual([17, 16]);
  });
  it('fix19e#4: a row never starts with the filler; it starts with a carry mark for each byte of a character begun on the row above, and only then', () => {
    for (const perRow of [16, 8])
      for (const str of STRINGS)
        for (let at = 0; at <= 3 * perRow - Buffer.byteLength(str); at++) {
          const bytes = new Uint8Array(3 * perRow).fill(0x41);
          bytes.set(Buffer.from(str), at);
          const texts = dumpTexts(bytes, perRow);
          // the bytes of each later row that belong to a character begun on an earlier one
          const carried = texts.map((_, row) => {
            let n = 0;
            let byte = at;
            for (const ch of str) {
              const len = Buffer.byteLength(ch);
              const first = Math.floor(byte / perRow);
              if (ch.charCodeAt(0) >= 0x80 && first < row) for (let k = 0; k < len; k++) if (Math.floor((byte + k) / perRow) === row) n++;
              byte += len;
            }
            return n;
          });
          for (const [row, t] of texts.entries()) {
            const what = `${str} at ${at}, ${perRow} a row, row ${row}: ${JSON.stringify(texts)}`;
            expect(t.startsWith(DUMP_FILL), what).toBe(false);
            expect(t.slice(0, carried[row] + 1).split('').filter((c) => c === DUMP_CARRY).length, what).toBe(carried[row]);
            expect(t.split(DUMP_CARRY).length - 1, what).toBe(carried[row]);
          }
        }
  });
  it('a byte no character starts, a 0x00 and a cut-off sequence stay dots; a space stays a space', () => {
    expect(dumpTexts(Uint8Array.from([0x41, 0x00, 0x20, 0xff, 0xe4, 0xbd, 0x42]), 16)).toEqual(['A. ...B']);
  });
  it('--ascii: the filler and the carry mark are ASCII marks of their own, neither the dot of a byte no character starts (fix23f#4)', () => {
    expect(dumpTexts(Buffer.from('abc你de'), 4, true)).toEqual(['abc你', '>>de']);
    expect(dumpTexts(Buffer.from('你.'), 16, true)).toEqual(['你_.']);
    expect(new Set([DUMP_FILL_ASCII, DUMP_CARRY_ASCII, '.']).size).toBe(3);
  });
});

describe('the playground\'s dump', () => {
  let session: PlaySession | null = null;
  afterEach(async () => {
    await session?.close();
    session = null;
  });
  it('shows 你好 split by a row boundary at every offset once, the closing | of every full row in one column', async () => {
    session = createSession({ lang: 'en', allowForeign: false });
    await session.run('id = shmget(IPC_PRIVATE, 64, 0600)');
    await session.run('p = shmat(id, NULL, 0)');
    for (let at = 10; at < 18; at++) {
      await session.run(`strcpy(p, "${'A'.repeat(at)}你好")`);
      const rows = (await session.run('dump(p, 32)')).lines.filter((l) => l.kind === 'view').map((l) => l.text);
      expect(rows, `at ${at}`).toHaveLength(2);
      // the hang cell after each row's bytes (DUMP_HANG) taken out: no space was written
      const texts = rows.map((r) => r.slice(r.indexOf('|') + 1, r.lastIndexOf('|')).trimEnd());
      expect(unmarked(texts.join('')).trimEnd().replace(/\.+$/, ''), `at ${at}: ${rows.join(' / ')}`).toBe(`${'A'.repeat(at)}你好`);
      const ends = rows.map((r) => cells(r.slice(0, r.lastIndexOf('|'))));
      expect(ends[1], rows.join('\n')).toBe(ends[0]);
    }
  });
  it('--ascii: the session draws the Kernel pane\'s ASCII marks in either process (a, and the helper b) (fix25f#1)', async () => {
    session = createSession({ lang: 'en', allowForeign: false, ascii: true });
    await session.run('id = shmget(IPC_PRIVATE, 64, 0600)');
    await session.run('p = shmat(id, NULL, 0)');
    const text = `${'A'.repeat(15)}你好`;
    await session.run(`strcpy(p, "${text}")`);
    await session.run('@b q = shmat(id, NULL, SHM_RDONLY)');
    const bytes = new Uint8Array(32);
    bytes.set(Buffer.from(text));
    const marked = dumpTexts(bytes, 16, true).map((t) => `|${t}${' '.repeat(16 + DUMP_HANG - cells(t))}|`);
    expect(marked[1]).toContain(`${DUMP_CARRY_ASCII}${DUMP_CARRY_ASCII}好${DUMP_FILL_ASCII}`);
    for (const line of ['dump(p, 32)', '@b dump(q, 32)']) {
      const rows = (await session.run(line)).lines.filter((l) => l.kind === 'view').map((l) => l.text.slice(l.text.indexOf('|')));
      expect(rows, line).toEqual(marked);
    }
  });
});
