// The one width function against the measure Ink itself uses (the string-width that
// ink resolves, 8.x for Ink 6.8), so the panes, the flowcharts and Ink agree on where
// a line ends.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cells, cellsOf, NO_BREAK, wrap } from '../../src/text/cells.js';

const root = join(import.meta.dirname, '..', '..');
const inkWidthPath = createRequire(join(root, 'node_modules', 'ink', 'package.json')).resolve('string-width');
const inkWidth = ((await import(pathToFileURL(inkWidthPath).href)) as { default: (text: string) => number }).default;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('cells', () => {
  // planes 0 and 1; beyond them come CJK ideographs (all wide) and tags, sampled below
  it('measures every assigned code point of planes 0 and 1 as Ink does', () => {
    const differ: string[] = [];
    const points = [...Array.from({ length: 0x1ffff - 0x1f }, (_, i) => 0x20 + i), 0x20000, 0x2a6df, 0x30000, 0xe0001, 0xe0100];
    for (const cp of points) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (/[\p{Cn}\p{Co}]/u.test(c)) continue;
      if (cells(c) !== inkWidth(c)) differ.push(`U+${cp.toString(16).toUpperCase()} ${cells(c)} vs ${inkWidth(c)}`);
    }
    expect(differ).toEqual([]);
  });

  it("measures every character of ipclab's own text (lessons, UI, diagrams, C examples) as Ink does", () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const clusters = new Set<string>();
    for (const dir of ['src', 'assets', 'examples']) {
      for (const file of filesUnder(join(root, dir))) {
        for (const run of readFileSync(file, 'utf8').match(/[^\x00-\x7f]+/g) ?? []) for (const { segment } of segmenter.segment(run)) clusters.add(segment);
      }
    }
    expect(clusters.size).toBeGreaterThan(100);
    expect([...clusters].filter((c) => cells(c) !== inkWidth(c))).toEqual([]);
  });

  it('counts CJK two, text-presentation symbols one, emoji two, marks nothing', () => {
    expect(cells('共享内存 shm')).toBe(12);
    expect(['▶', '◀', '↔', '✔', '©', '™'].map(cells)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(['▶️', '👍🏽', '👨‍👩‍👧', '🇨🇳', '〰', '⌚'].map(cells)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(cells('e\u0301')).toBe(1);
    expect(cells('\u0301a\u200b')).toBe(1);
  });

  it('cellsOf leaves out what takes no cell, so drawing its parts fills exactly the cells measured', () => {
    const parts = cellsOf('\u0301中a\u200bé');
    expect(parts).toEqual([
      { text: '中', width: 2 },
      { text: 'a', width: 1 },
      { text: 'é', width: 1 },
    ]);
    expect(parts.reduce((n, p) => n + p.width, 0)).toBe(cells('\u0301中a\u200bé'));
  });

  it('wraps by cells: no line wider than asked', () => {
    const lines = wrap('共享内存段 shmid 由 shmget 返回，▶ 之后用 shmat 挂接。', 12);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(cells(line)).toBeLessThanOrEqual(12);
  });

  it('keeps an ASCII quote beside the CJK text it closes or opens, and breaks a long path after a slash', () => {
    const text = '从 0x7f 读到 "ni hao 你好"；要是落在这里的是别的东西';
    for (let width = 10; width <= 40; width++) {
      const lines = wrap(text, width);
      // no line starts with the closing quote, none ends with an opening one
      for (const l of lines) expect(l.startsWith('"；') || l === '"' || /^"[^n]/.test(l), `${width}: ${JSON.stringify(lines)}`).toBe(false);
    }
    expect(wrap('打印出 "你好" 然后', 9)).toEqual(['打印出', '"你好"', '然后']);
    expect(wrap('ftok("/tmp/ipclab-ftok-35-0LLLE/another-name", \'S\')', 40)).toEqual(['ftok("/tmp/ipclab-ftok-35-0LLLE/', 'another-name", \'S\')']);
  });

  it('never breaks at a no-break space: a figure keeps its unit', () => {
    // "add 27" fits 21 cells, "add 27 ns" does not: the figure moves down with its unit
    expect(wrap(`with an atomic add 27${NO_BREAK}ns`, 21)).toEqual(['with an atomic add', `27${NO_BREAK}ns`]);
    expect(wrap('with an atomic add 27 nsecs', 21)).toEqual(['with an atomic add 27', 'nsecs']);
    // a short last word is not left alone either (keepLastWordCompany)
    expect(wrap('with an atomic add 27 ns', 21)).toEqual(['with an atomic add', '27 ns']);
    expect(wrap(`用原子加，用时 368${NO_BREAK}ms`, 16)).toEqual(['用原子加，用时', `368${NO_BREAK}ms`]);
  });

  it("a no-break space binds a wide character too: a choice's number stays with its Chinese text", () => {
    // without the bind, "2)" fits after 你选的是 and its text goes to the next row alone
    expect(wrap(`你选的是 2)${NO_BREAK}以读写方式`, 13)).toEqual(['你选的是', `2)${NO_BREAK}以读写方式`]);
    expect(wrap(`答案：1)${NO_BREAK}成功`, 8)).toEqual(['答案：', `1)${NO_BREAK}成功`]);
  });

  it('keeps a short parenthesised pointer whole, in both languages; a long group breaks as prose', () => {
    const en = 'New terms: IPC_PRIVATE, key, shmid (g: glossary)';
    const zh = '新术语：IPC_PRIVATE、key、shmid（按 g 查看术语表）';
    for (let width = 20; width <= 60; width++) {
      for (const [text, group] of [[en, '(g: glossary)'], [zh, '（按 g 查看术语表）']] as const) {
        const lines = wrap(text, width, { code: true });
        for (const line of lines) expect(cells(line)).toBeLessThanOrEqual(width);
        expect(lines.some((l) => l.includes(group)), `${group} at ${width}: ${JSON.stringify(lines)}`).toBe(true);
      }
    }
    expect(wrap('see the notes (g: glossary)', 17)).toEqual(['see the notes', '(g: glossary)']);
    // a longer group of pointers: each key stays with what it opens, no row ends with "(e:" or "g:"
    const keys = 'where the notes err, ipclab shows the truth live (e: errata, g: glossary). A trace line starts with a pid.';
    for (let width = 16; width <= 60; width++) {
      const lines = wrap(keys, width);
      for (const line of lines) expect(line, `${width}: ${JSON.stringify(lines)}`).not.toMatch(/(?:^|\s)\(?[eg]:$/);
    }
    // wider than a short pointer: breaks at its spaces, as any sentence does
    expect(wrap('removed (the shmctl lesson explains how)', 24)).toEqual(['removed (the shmctl', 'lesson explains how)']);
  });

  it('draws inline code without its backticks and moves a span that fits a line down whole', () => {
    const code = { code: true };
    // for every width the span fits: no line holds a piece of it, every line fits
    const text = 'Remove them with `ipclab clean` or start `./serv 4` again, then call `shmget(key, 4096, IPC_CREAT|0600)`, which creates it.';
    const spans = ['ipclab clean', './serv 4', 'shmget(key, 4096, IPC_CREAT|0600)'];
    for (let width = 8; width <= 60; width++) {
      const lines = wrap(text, width, code);
      for (const line of lines) expect(cells(line)).toBeLessThanOrEqual(width);
      expect(lines.join(' ')).not.toContain('`');
      for (const span of spans.filter((sp) => cells(sp) <= width)) expect(lines.some((l) => l.includes(span)), `${span} at ${width}`).toBe(true);
    }
    expect(wrap('Run `ipclab clean` now', 12, code)).toEqual(['Run', 'ipclab clean', 'now']);
    // a span glued to punctuation and to Chinese, in both languages
    expect(wrap('用 `ipclab clean`，再试', 14, code)).toEqual(['用', 'ipclab clean，', '再试']);
    // longer than the line: broken at its own spaces, never inside a word of it
    expect(wrap('`shmget(key, 4096, IPC_CREAT|0600)`', 20, code)).toEqual(['shmget(key, 4096,', 'IPC_CREAT|0600)']);
    // without `code` backticks are text like any other (a learner's shell line)
    expect(wrap('echo `id`', 20)).toEqual(['echo `id`']);
  });

  it('breaks a C prototype too wide for the line after a comma, never inside a parameter (type and name stay together)', () => {
    const protos = ['int shmget(key_t key, size_t size, int shmflg)', 'int shmctl(int shmid, int cmd, struct shmid_ds *buf)', 'key_t ftok(const char *path, int id)', 'void *shmat(int shmid, const void *shmaddr, int shmflg)'];
    for (const proto of protos) {
      const params = proto.slice(proto.indexOf('(') + 1, -1).split(', ');
      for (let width = 24; width < cells(proto) + 12; width++) {
        for (const text of [`\`${proto}\` does one thing.`, `\`${proto}\` 做一件事。`]) {
          const lines = wrap(text, width, { code: true });
          for (const line of lines) expect(cells(line)).toBeLessThanOrEqual(width);
          // each parameter whole on one line
          for (const p of params) expect(lines.some((l) => l.includes(p)), `${p} at ${width}: ${JSON.stringify(lines)}`).toBe(true);
        }
      }
    }
  });
  it('never leaves a lone short token on a line of its own: the word before it goes down with it', () => {
    expect(wrap('the segment is still attached and nattch is now 1', 48)).toEqual(['the segment is still attached and nattch is', 'now 1']);
    // a long word cut for length, CJK: no space made up
    expect(wrap('abcdefghijk', 5)).toEqual(['abcde', 'fghij', 'k']);
    // (的 ends the word it sticks to: 值为一 is the next, issue 16)
    expect(wrap('共享内存段的值为一', 8)).toEqual(['共享内存', '段的', '值为一']);
    // a longer last word stays where it is
    expect(wrap('the segment is still attached and nattch is now four', 50)).toEqual(['the segment is still attached and nattch is now', 'four']);
  });
});

describe('wrap keeps a command with its flags', () => {
  it('does not break "kill -9" at its space when it fits a line', () => {
    const text = 'The holder is ended with kill -9 and its count comes back to the set.';
    // "kill" would end the first line of 30 cells, "-9" start the next
    for (const width of [24, 26, 28, 30, 40]) {
      const lines = wrap(text, width);
      expect(lines.some((l) => l.includes('kill -9')), `width ${width}: ${JSON.stringify(lines)}`).toBe(true);
      expect(lines.every((l) => cells(l) <= width)).toBe(true);
    }
    expect(wrap(text, 30)).toEqual(['The holder is ended with', 'kill -9 and its count comes', 'back to the set.']);
  });

  it('holds a chain of flags and goes down whole with a stray last word', () => {
    expect(wrap('Run ipcs -m -i 5 to see it, or ipcrm -m 5.', 20)).toEqual(['Run ipcs -m -i 5 to', 'see it, or', 'ipcrm -m 5.']);
    expect(wrap('see them: ipcs -m -i', 16)).toEqual(['see them:', 'ipcs -m -i']);
  });

  it('breaks a command wider than the line at its spaces, as before', () => {
    expect(wrap('kill -9', 5)).toEqual(['kill', '-9']);
    // a dash that is no flag after a word is prose
    expect(wrap('the range 1 - 9 here', 11)).toEqual(['the range 1', '- 9 here']);
  });
});

// nc (session 26, zh shmctl 8): the dump legend's quoted mark broke as “， / ” 的字节
describe('a quoted mark stays whole', () => {
  it('“，” is never cut, neither after its opening quote nor before its closing one, at any width', () => {
    const legend = '图例：↪\u00a0=\u00a0“好”\u00a0的字节（该字在上一行）  →\u00a0=\u00a0“，”\u00a0的字节（该字在下一行）';
    for (let width = 24; width <= 80; width++) {
      const lines = wrap(legend, width);
      for (const line of lines) expect(line, `${width}: ${JSON.stringify(lines)}`).not.toMatch(/“$|^[”，]/u);
    }
  });

  it('a quoted Chinese character keeps its closing quote where a no-break space follows it (“程” broke as “程 / ” 的字节)', () => {
    const legend = '图例：↪ = “好” 的字节（该字在上一行）  → = “程” 的字节（该字在下一行）';
    for (let width = 24; width <= 80; width++) {
      const lines = wrap(legend, width);
      for (const line of lines) expect(line, `${width}: ${JSON.stringify(lines)}`).not.toMatch(/“.?$|^”/u);
    }
  });
});
