// The hex dump's text column (src/text/dump.ts), which the Kernel pane and the playground's
// `dump` both draw: a UTF-8 string split by a row boundary at every offset shows each of its
// characters once, no byte of it as '.', the columns in line (cells(), the one width function).
import { afterEach, describe, expect, it } from 'vitest';
import { cells } from '../../src/text/cells.js';
import { DUMP_FILL, dumpTexts } from '../../src/text/dump.js';
import { createSession } from '../../src/play/session.js';
import type { PlaySession } from '../../src/play/types.js';

const STRINGS = ['你好', 'é', '😀', 'hello, 你好!', '中文字'];

describe('dumpTexts', () => {
  for (const perRow of [16, 8]) {
    for (const spare of [0, 1]) {
      it(`${perRow} bytes a row, ${spare} spare cell: every string split at every offset reads whole, its other bytes '${DUMP_FILL}', no row out of line`, () => {
        for (const str of STRINGS) {
          const utf8 = Buffer.from(str);
          for (let at = 0; at <= Math.min(2 * perRow, 3 * perRow - utf8.length); at++) {
            const bytes = new Uint8Array(3 * perRow).fill(0x41);
            bytes.set(utf8, at);
            const texts = dumpTexts(bytes, perRow, spare);
            const what = `${str} at ${at}, ${perRow}/${spare}: ${JSON.stringify(texts)}`;
            expect(texts, what).toHaveLength(3);
            // nothing of the string is a dot: every byte is an 'A', a character or a filler
            expect(texts.join(''), what).not.toContain('.');
            // the string reads whole once the fillers are taken out
            expect(texts.join('').split(DUMP_FILL).join(''), what).toBe(`${'A'.repeat(at)}${str}${'A'.repeat(3 * perRow - at - utf8.length)}`);
            for (const [n, t] of texts.entries()) {
              // as many cells as bytes; one more only where spare allows it, a wide character ending it
              const over = cells(t) - perRow;
              expect(over, `${what}, row ${n}`).toBeGreaterThanOrEqual(0);
              expect(over, `${what}, row ${n}`).toBeLessThanOrEqual(spare);
              if (over > 0) expect(cells([...t].at(-1)!), `${what}, row ${n}`).toBe(2);
            }
            // each character on the row where its first byte is, where its row has the room
            let byte = at;
            for (const ch of str) {
              if (ch.charCodeAt(0) < 0x80) {
                byte++;
                continue;
              }
              const row = Math.floor(byte / perRow);
              const here = Math.min(Buffer.byteLength(ch), (row + 1) * perRow - byte);
              const room = cells(ch) - here <= spare;
              expect(texts.findIndex((t) => t.includes(ch)), `${what}: ${ch} at byte ${byte}`).toBe(room ? row : row + 1);
              byte += Buffer.byteLength(ch);
            }
          }
        }
      });
    }
  }
  it('a byte no character starts, a 0x00 and a cut-off sequence stay dots; a space stays a space', () => {
    expect(dumpTexts(Uint8Array.from([0x41, 0x00, 0x20, 0xff, 0xe4, 0xbd, 0x42]), 16, 0)).toEqual(['A. ...B']);
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
      const texts = rows.map((r) => r.slice(r.indexOf('|') + 1, r.lastIndexOf('|')));
      expect(texts.join('').split(DUMP_FILL).join('').trimEnd().replace(/\.+$/, ''), `at ${at}: ${rows.join(' / ')}`).toBe(`${'A'.repeat(at)}你好`);
      const ends = rows.map((r) => cells(r.slice(0, r.lastIndexOf('|'))));
      expect(ends[1], rows.join('\n')).toBe(ends[0]);
    }
  });
});
