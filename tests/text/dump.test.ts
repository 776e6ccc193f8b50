// The hex dump's text column (src/text/dump.ts), which the Kernel pane and the playground's
// `dump` both draw: every row's text is exactly a cell per byte (cells(), the one width
// function), whatever the characters -- wide ones, 4-byte emoji, combining marks, characters
// cut by a row's end or by the data's, invalid bytes -- and the text read across the rows,
// the marks taken out, is the input's (issue 16: parent-child step 7's "，子进" drew 9 cells
// for 8 bytes, 进 hanging past its row's end).
import { afterEach, describe, expect, it } from 'vitest';
import { cells } from '../../src/text/cells.js';
import { DUMP_AHEAD, DUMP_AHEAD_ASCII, DUMP_BASE, DUMP_CARRY, DUMP_CARRY_ASCII, DUMP_FILL, DUMP_FILL_ASCII, dumpTexts } from '../../src/text/dump.js';
import { createSession } from '../../src/play/session.js';
import type { PlaySession } from '../../src/play/types.js';

const STRINGS = ['你好', 'é', '😀', 'hello, 你好!', '中文字', '，子进程'];

/** the text read across rows: the marks under a character's other bytes taken out, and the
 *  base a combining mark is drawn on */
const unmarked = (text: string) =>
  text
    .split(DUMP_FILL).join('')
    .split(DUMP_CARRY).join('')
    .split(DUMP_AHEAD).join('')
    .replace(new RegExp(`${DUMP_BASE}(\\p{M}|\u200c|\u200d)`, 'gu'), '$1');

/** The bytes-per-row the Kernel pane (16, 8 where narrow) and the playground (16) use. */
const PER_ROW = [16, 8];

/** A small seeded generator, so a failure names its seed and repeats. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** Random text as bytes, and what the text column reads as, the marks taken out: each whole
 *  character as itself, every other byte (a control, 0x00, an invalid byte, a cut character)
 *  as '.'. A cut character or an invalid byte is followed by an ASCII letter, so no later byte
 *  completes it. */
function randomText(next: () => number): { bytes: Uint8Array; read: string } {
  const WHOLE = [...'abcXYZ 09,.!~', ...'你好，子进程。中文字内存', '€', 'é', 'ß', 'Ω', '😀', '🎉', '🚀', '𝄞', '́', '̀', '⃝'];
  const CUT = ['你', '，', '😀', '€', 'é'];
  const parts: number[] = [];
  let read = '';
  const n = 1 + Math.floor(next() * 60);
  for (let k = 0; k < n; k++) {
    const kind = next();
    if (kind < 0.75) {
      const ch = WHOLE[Math.floor(next() * WHOLE.length)]!;
      parts.push(...Buffer.from(ch));
      read += ch;
    } else if (kind < 0.85) {
      const whole = Buffer.from(CUT[Math.floor(next() * CUT.length)]!);
      const cut = 1 + Math.floor(next() * (whole.length - 1));
      parts.push(...whole.subarray(0, cut), 0x78);
      read += `${'.'.repeat(cut)}x`;
    } else if (kind < 0.95) {
      const bad = [[0xff], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xfe]][Math.floor(next() * 5)]!;
      parts.push(...bad, 0x78);
      read += `${'.'.repeat(bad.length)}x`;
    } else {
      parts.push([0x00, 0x1b, 0x7f, 0x0a][Math.floor(next() * 4)]!);
      read += '.';
    }
  }
  return { bytes: Uint8Array.from(parts), read };
}

/** Every row's text is a cell per byte of the row; the rows read together are `read`. */
function expectInLine(bytes: Uint8Array, perRow: number, read: string, what: string): string[] {
  const texts = dumpTexts(bytes, perRow);
  const at = `${what}, ${perRow} a row: ${JSON.stringify(texts)}`;
  expect(texts, at).toHaveLength(Math.ceil(bytes.length / perRow));
  for (const [row, t] of texts.entries()) expect(cells(t), `${at}, row ${row}`).toBe(Math.min(perRow, bytes.length - row * perRow));
  expect(unmarked(texts.join('')), at).toBe(read);
  return texts;
}

describe('dumpTexts: a cell per byte on every row, whatever the characters', () => {
  it("the newcomer's bytes (parent-child step 7, zh): 进 starting at the row's last byte is marked there and drawn on the next row; the row is 8 cells", () => {
    // 0018  bd ef bc 8c e5 ad 90 e8: the end of 好, "，", "子", the first byte of 进
    const text = `${'A'.repeat(22)}好，子进程`;
    const bytes = Buffer.from(text);
    expect([...bytes.subarray(24, 32)].map((b) => b.toString(16)).join(' ')).toBe('bd ef bc 8c e5 ad 90 e8');
    const texts = expectInLine(bytes, 8, text, 'the newcomer\'s bytes');
    expect(texts[3]).toBe(`${DUMP_CARRY}，${DUMP_FILL}子${DUMP_FILL}${DUMP_AHEAD}`);
    expect(texts[4]).toBe(`进程${DUMP_FILL}`);
  });
  for (const perRow of PER_ROW)
    it(`${perRow} a row: 2000 random texts (zh, 4-byte emoji, combining marks, cut characters, invalid bytes, controls) line up and read whole`, () => {
      for (let seed = 1; seed <= 2000; seed++) {
        const { bytes, read } = randomText(rng(seed * 7919 + perRow));
        expectInLine(bytes, perRow, read, `seed ${seed}`);
      }
    });
  for (const perRow of PER_ROW)
    it(`${perRow} a row: every string split by a row's end at every offset: each character on the first of its rows with cells enough for it, ${DUMP_AHEAD} under its bytes on a row before, ${DUMP_CARRY} under those on a row after`, () => {
      for (const str of STRINGS) {
        const utf8 = Buffer.from(str);
        for (let at = 0; at <= 3 * perRow - utf8.length; at++) {
          const bytes = new Uint8Array(3 * perRow).fill(0x41);
          bytes.set(utf8, at);
          const read = `${'A'.repeat(at)}${str}${'A'.repeat(3 * perRow - at - utf8.length)}`;
          const texts = expectInLine(bytes, perRow, read, `${str} at ${at}`);
          const what = `${str} at ${at}, ${perRow} a row: ${JSON.stringify(texts)}`;
          // nothing of the string is a dot; a row never starts with a filler nor an ahead mark
          // after anything but the ahead marks of one character at its end
          expect(texts.join(''), what).not.toContain('.');
          for (const t of texts) expect(t.startsWith(DUMP_FILL), what).toBe(false);
          let byte = at;
          const ahead = texts.map(() => 0);
          const carried = texts.map(() => 0);
          for (const ch of str) {
            const len = Buffer.byteLength(ch);
            const first = Math.floor(byte / perRow);
            const room = Math.min(len, (first + 1) * perRow - byte);
            if (ch.charCodeAt(0) >= 0x80) {
              const drawn = room >= cells(ch) ? first : first + 1;
              expect(texts.findIndex((t) => t.includes(ch)), `${what}: ${ch} at byte ${byte}`).toBe(drawn);
              if (drawn > first) ahead[first] += room;
              else carried[first + 1] += len - room;
            }
            byte += len;
          }
          for (const [row, t] of texts.entries()) {
            expect(t.endsWith(DUMP_AHEAD.repeat(ahead[row]!)), `${what}, row ${row}`).toBe(true);
            expect(t.split(DUMP_AHEAD).length - 1, `${what}, row ${row}`).toBe(ahead[row]);
            expect(t.startsWith(DUMP_CARRY.repeat(carried[row]!)), `${what}, row ${row}`).toBe(true);
            expect(t.split(DUMP_CARRY).length - 1, `${what}, row ${row}`).toBe(carried[row]);
          }
        }
      }
    });
  it('a 4-byte emoji cut 1+3 is drawn on the next row, 2+2 and 3+1 on its own', () => {
    expect(dumpTexts(Buffer.from('abc😀defg'), 4)).toEqual([`abc${DUMP_AHEAD}`, `😀${DUMP_FILL}d`, 'efg']);
    expect(dumpTexts(Buffer.from('ab😀defgh'), 4)).toEqual(['ab😀', `${DUMP_CARRY}${DUMP_CARRY}de`, 'fgh']);
    expect(dumpTexts(Buffer.from('a😀defgh'), 4)).toEqual([`a😀${DUMP_FILL}`, `${DUMP_CARRY}def`, 'gh']);
  });
  it('a combining mark stands on its own base, a cell of its own: the letter before it keeps its cell', () => {
    expect(dumpTexts(Buffer.from('e\u0301x'), 16)).toEqual([`e${DUMP_BASE}\u0301${DUMP_FILL}x`]);
    expect(cells(dumpTexts(Buffer.from('e\u0301x'), 16)[0]!)).toBe(4);
  });
  it('a byte no character starts, a 0x00 and a cut-off sequence stay dots; a space stays a space', () => {
    expect(dumpTexts(Uint8Array.from([0x41, 0x00, 0x20, 0xff, 0xe4, 0xbd, 0x42]), 16)).toEqual(['A. ...B']);
  });
  it('--ascii: the filler, the carry and the ahead marks are ASCII marks of their own, none the dot of a byte no character starts (fix23f#4)', () => {
    expect(dumpTexts(Buffer.from('abc你de'), 4, true)).toEqual(['abc+', '你de']);
    expect(dumpTexts(Buffer.from('ab你de'), 4, true)).toEqual(['ab你', '>de']);
    expect(dumpTexts(Buffer.from('你.'), 16, true)).toEqual(['你_.']);
    expect(new Set([DUMP_FILL_ASCII, DUMP_CARRY_ASCII, DUMP_AHEAD_ASCII, '.']).size).toBe(4);
  });
});

describe('the playground\'s dump', () => {
  let session: PlaySession | null = null;
  afterEach(async () => {
    await session?.close();
    session = null;
  });
  it('shows 你好 split by a row boundary at every offset once, a cell per byte, the closing | of every full row in one column', async () => {
    session = createSession({ lang: 'en', allowForeign: false });
    await session.run('id = shmget(IPC_PRIVATE, 64, 0600)');
    await session.run('p = shmat(id, NULL, 0)');
    for (let at = 10; at < 18; at++) {
      await session.run(`strcpy(p, "${'A'.repeat(at)}你好")`);
      const rows = (await session.run('dump(p, 32)')).lines.filter((l) => l.kind === 'view').map((l) => l.text);
      expect(rows, `at ${at}`).toHaveLength(2);
      // a cell per byte between the |s, nothing after them
      const texts = rows.map((r) => r.slice(r.indexOf('|') + 1, r.lastIndexOf('|')));
      for (const t of texts) expect(cells(t), `at ${at}: ${rows.join(' / ')}`).toBe(16);
      expect(unmarked(texts.join('')).replace(/\.+$/, ''), `at ${at}: ${rows.join(' / ')}`).toBe(`${'A'.repeat(at)}你好`);
      const ends = rows.map((r) => cells(r));
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
    const marked = dumpTexts(bytes, 16, true).map((t) => `|${t}|`);
    expect(marked).toEqual([`|${'A'.repeat(15)}${DUMP_AHEAD_ASCII}|`, `|你好${DUMP_FILL_ASCII}${'.'.repeat(11)}|`]);
    for (const line of ['dump(p, 32)', '@b dump(q, 32)']) {
      const rows = (await session.run(line)).lines.filter((l) => l.kind === 'view').map((l) => l.text.slice(l.text.indexOf('|')));
      expect(rows, line).toEqual(marked);
    }
  });
});
