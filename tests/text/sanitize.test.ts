// The sanitizer, alone and on the way from a real command to the screen: a fake `ipcs`
// first on PATH prints tabs, CR, escape sequences, NUL, a C1 control and bytes that are
// not UTF-8; the Trace pane at 80x24 and `ipclab run` show every one of them visibly,
// and nothing breaks the pane's frame.
import { spawnSync } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYS, renderApp, ran, tabTo } from '../helpers/render.js';
import { shmctl } from '../../src/lessons/shmctl.js';
import { cells } from '../../src/text/cells.js';
import { sanitize } from '../../src/text/sanitize.js';
import { ROOT } from '../lessons/helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('sanitize', () => {
  it('expands tabs to the next stop of 8, counted in cells from the start of the line', () => {
    expect(sanitize('a\tbc\td')).toBe('a       bc      d');
    expect(sanitize('你\t好\n\tx')).toBe('你      好\n        x');
  });

  it('shows control characters as pictures, or in ASCII as caret forms', () => {
    expect(sanitize('\x1b[31mred\x1b[0m')).toBe('␛[31mred␛[0m');
    expect(sanitize('\x1b[31mred\x1b[0m', true)).toBe('^[[31mred^[[0m');
    expect(sanitize('a\0b\x7f')).toBe('a␀b␡');
    expect(sanitize('a\0b\x7f', true)).toBe('a^@b^?');
    expect(sanitize('50%\r100%')).toBe('50%␍100%');
    expect(sanitize('\u009b2J \u202eevil \u2028')).toBe('<U+009B>2J <U+202E>evil <U+2028>');
  });

  it('reads CR LF as a line end, keeps the joiners, and leaves printable text alone', () => {
    expect(sanitize('one\r\ntwo')).toBe('one\ntwo');
    expect(sanitize('👩\u200d💻 你好 é')).toBe('👩\u200d💻 你好 é');
    expect(sanitize('plain text, 4096 bytes')).toBe('plain text, 4096 bytes');
  });

  it('shows bytes that were not UTF-8, and lone surrogates, as U+FFFD (? in ASCII)', () => {
    const decoded = Buffer.from([0x61, 0xff, 0xc3, 0x62]).toString('utf8');
    expect(sanitize(decoded)).toBe('a\ufffd\ufffdb');
    expect(sanitize(decoded, true)).toBe('a??b');
    expect(sanitize('x\ud800y')).toBe('x\ufffdy');
  });

  it('leaves no raw control character but the line ends, whatever it is given', () => {
    const all = Array.from({ length: 0xa0 }, (_, i) => String.fromCharCode(i)).join('');
    for (const ascii of [false, true]) expect(sanitize(all, ascii).replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
  });
});

describe('a command printing control characters', () => {
  const bin = testTempDir('ipclab-fake-ipcs-');
  afterAll(() => rmSync(bin, { recursive: true, force: true }));
  // what `ipcs -m -i ID` prints, made hostile: tab-separated fields, a CR, colour codes,
  // a NUL, a C1 CSI and two bytes that are not UTF-8
  writeFileSync(
    join(bin, 'ipcs'),
    "#!/bin/sh\nprintf 'uid=0\\tgid=0\\tcuid=0\\tcgid=0\\n50%%\\r100%%\\r\\n\\033[31mred\\033[0m\\000nul \\377\\376bad \\302\\233csi\\n'\n",
  );
  chmodSync(join(bin, 'ipcs'), 0o755);
  const path = `${bin}:${process.env.PATH}`;

  it('in the Trace pane at 80x24: every line 80 cells or less, the frame whole, each character visible', async () => {
    const saved = process.env.PATH;
    process.env.PATH = path;
    const r = await renderApp({ width: 80, height: 24, lessons: [shmctl] });
    try {
      for (const k of [1, 2]) {
        await r.press(KEYS.space);
        await ran(r, k);
      }
      // the run showed its result's pane (src/lessons/result-pane.ts): Tab on to the Trace
      await tabTo(r, 'trace');
      await r.waitFor((f) => f.includes('┌─ Trace'), 'the trace tab');
      // scroll a line at a time until `seen` is in view
      const scrollUntil = async (seen: string, key: string) => {
        const deadline = Date.now() + 10_000;
        while (!r.frame().includes(seen) && Date.now() < deadline) {
          const before = r.frame();
          await r.press(key);
          await r.waitFor((f) => f !== before, 'the trace to scroll');
        }
      };
      // the lesson pane holds step 3's text and question, so the Trace keeps 4 rows: it shows
      // step 2's last lines (its result, the border says more is above); up to the output,
      // on to its last line, then back to its first
      await scrollUntil('uid=0', KEYS.up);
      await scrollUntil('␛[31mred', KEYS.down);
      await scrollUntil('uid=0', KEYS.up);
      const frame = r.frame();
      const lines = r.lines();
      expect(lines).toHaveLength(24);
      for (const l of lines) expect(cells(l), l).toBeLessThanOrEqual(80);
      expect(frame.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
      // the title bar stays on top, and every row of the pane has both borders
      expect(lines[0]).toMatch(/^ ipclab /);
      const pane = lines.filter((l) => /^[│┌└╭╰]/.test(l));
      expect(pane.length).toBeGreaterThan(3);
      for (const l of pane) expect(cells(l), l).toBe(80);
      // the tabs went to their columns: "gid=0" starts at the 8-cell stop after "uid=0"
      expect(frame).toMatch(/uid=0 {3}gid=0 {3}cuid=0  cgid=0/);
      expect(frame).toContain('50%␍100%');
      expect(frame).toContain('red␛[0m␀nul ��bad <U+009B>csi');
    } finally {
      process.env.PATH = saved;
      await r.quit();
    }
  });

  it('through `ipclab run`: the same marks, no raw control character on stdout', () => {
    for (const [args, expected] of [
      [[], 'red␛[0m␀nul ��bad <U+009B>csi'],
      [['--ascii'], 'red^[[0m^@nul ??bad <U+009B>csi'],
    ] as const) {
      const out = spawnSync(process.execPath, [join(ROOT, 'bin', 'ipclab.mjs'), 'run', 'shmctl', ...args], { cwd: ROOT, env: { ...process.env, PATH: path }, encoding: 'utf8' });
      expect(out.stdout).toContain(expected);
      expect(out.stdout).toMatch(/uid=0 {3}gid=0 {3}cuid=0  cgid=0/);
      expect(out.stdout.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
    }
  });
});
