import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cells } from '../../src/text/cells.js';
import { testTempDir } from '../helpers/temp-dir.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'ipclab.mjs');
/** the shipped diagrams, as the error lists them: every .mmd in assets/diagrams, sorted */
const KNOWN = readdirSync(join(import.meta.dirname, '..', '..', 'assets', 'diagrams'))
  .filter((f) => f.endsWith('.mmd'))
  .map((f) => f.slice(0, -4))
  .sort()
  .join(', ');
const dir = testTempDir('ipclab-flow-cli-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ipclab(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, 'diagram', ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ipclab diagram', () => {
  it('draws a shipped diagram by name', () => {
    const r = ipclab(['parent-child-write']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('┌─ kernel');
    expect(r.out).toContain('│ shared memory "down" │');
    expect(r.out).toContain('SIGUSR1');
  });

  it('draws a file and stdin', () => {
    const file = join(dir, 'mine.mmd');
    writeFileSync(file, 'graph LR\n  甲[开始] -->|下一步| 乙((结束))\n');
    const r = ipclab([file]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/│ 开始 ├─*下一步─*►\( 结束 \)/);
    const s = ipclab(['-'], 'flowchart\na --> b\n');
    expect(s.code).toBe(0);
    expect(s.out).toContain('│ a │');
  });

  it('--ascii and --width', () => {
    const a = ipclab(['serv-clnt-3', '--ascii']);
    expect(a.code).toBe(0);
    expect(a.out).not.toMatch(/[\u2500-\u257f►◄▲▼]/);
    expect(a.out).toContain('+- kernel');
    // 44: its labels, beside the lines once it turns top-down, need more than 40
    const w = ipclab(['serv-clnt-3', '--width', '44']);
    expect(w.code).toBe(0);
    for (const line of w.out.split('\n')) expect(cells(line)).toBeLessThanOrEqual(44);
    // a note naming what made it fit (spacing, wrapped labels, TD), one line
    expect(w.err).toMatch(/^ipclab: note: tightened the spacing, [^\n]+ to fit 44 columns\n$/);
  });

  it('--lang picks the labels; a file without English ones keeps its own', () => {
    const en = ipclab(['overview-lifecycle', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/[│┤] IPC object /); // (a line may meet its side: s30g's story-order chart)
    expect(en.out).not.toMatch(/[\u4e00-\u9fff]/);
    const zh = ipclab(['overview-lifecycle', '--lang', 'zh']);
    expect(zh.out).toContain('│ IPC 对象 ');
    const file = join(dir, 'own.mmd');
    writeFileSync(file, 'flowchart LR\n甲[开始] --> 乙[结束]\n%% en 甲 = start\n');
    expect(ipclab([file, '--lang', 'en']).out).toMatch(/│ start ├─*►│ 结束 │/);
    expect(ipclab([file, '--lang', 'zh']).out).toMatch(/│ 开始 ├─*►│ 结束 │/);
  });

  it('puts the key to the line styles under a lit picture, in its language', () => {
    const lit = ['parent-child-write', '--highlight', 'parent,done:down'];
    expect(ipclab([...lit, '--lang', 'en']).out.trimEnd().split('\n').at(-1)).toBe('━━ just run  ══ done  ── not yet');
    expect(ipclab([...lit, '--lang', 'zh']).out.trimEnd().split('\n').at(-1)).toBe('━━ 刚运行  ══ 已做  ── 未做');
    const ascii = ipclab([...lit, '--lang', 'en', '--ascii']).out;
    expect(ascii).toContain('# shared memory "down" #');
    expect(ascii.trimEnd().split('\n').at(-1)).toBe('** just run  ## done  -- not yet');
    expect(ipclab(['parent-child-write', '--lang', 'en']).out).not.toContain('not yet');
  });

  it('--highlight marks elements and warns once about unknown ids', () => {
    const r = ipclab(['parent-child-write', '--highlight', 'parent,parent->child', '--highlight', 'done:down,nosuch']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/[┃┫] parent ┣/);
    expect(r.out).toContain('║ shared memory "down" ║');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^ipclab: warning: no element 'nosuch' in this diagram \(ids: .*parent->down/);
  });

  it('reports a syntax error as one line file:line:col: reason, exit 1', () => {
    const file = join(dir, 'bad.mmd');
    writeFileSync(file, 'flowchart\na --> b\nb -- oops c\n');
    const r = ipclab([file]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(`${file}:3:3: edge label is not closed: expected '-->' or '---'\n`);
    const s = ipclab(['-'], 'graph\nx[\n');
    expect(s.err).toBe("<stdin>:2:2: the label of 'x' is not closed: expected ']'\n");
    expect(s.code).toBe(1);
  });

  it('reads a UTF-16 file with its byte order mark, and stops reading a file that never ends', () => {
    const file = join(dir, 'utf16.mmd');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('graph LR\r\n甲[开始] --> 乙\r\n', 'utf16le')]));
    const r = ipclab([file]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/│ 开始 ├─*►│ 乙 │/);
    const z = ipclab(['/dev/zero']);
    expect(z.code).toBe(1);
    expect(z.err).toBe("ipclab: /dev/zero: larger than 1 MB, which is no diagram (Mermaid reads at most 50000 characters)\n");
  });

  it('answers junk, a folder and an unknown name with one line, exit 1', () => {
    const junk = join(dir, 'junk.bin');
    writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    for (const [args, pattern] of [
      [[junk], new RegExp(`^${junk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: .+\\n$`)],
      [[dir], /^ipclab: .*is a folder, not a file \(known diagrams: ftok-key, msg-queue, overview-lifecycle, .*\)\n$/],
      [['no-such-diagram'], new RegExp(`^ipclab: no-such-diagram: no such diagram or file \\(known diagrams: ${KNOWN}\\)\\n$`)],
    ] as const) {
      const r = ipclab([...args]);
      expect(r.code, args[0]).toBe(1);
      expect(r.err).toMatch(pattern);
      expect(r.out).toBe('');
    }
  });
});
