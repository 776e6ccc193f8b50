// The playground's input line, key by key, without a terminal.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complete, edit, emptyLine, insert, type LineState, submit, visibleWindow, wordBefore } from '../../../src/app/play/line-editor.js';
import { HISTORY_LIMIT, HISTORY_LINE_MAX, loadHistory, saveHistory } from '../../../src/app/play/history.js';
import { cells } from '../../../src/app/text-fit.js';
import { testTempDir } from '../../helpers/temp-dir.js';

const typed = (text: string, history: string[] = []): LineState => insert(emptyLine(history), text);

describe('line editor', () => {
  it('moves by code point: a Chinese character or an emoji is one step and one Backspace', () => {
    let s = typed('ab中😀');
    expect(s.cursor).toBe(5);
    s = edit(s, 'left');
    expect(s.cursor).toBe(3);
    s = edit(s, 'backspace');
    expect(s.text).toBe('ab😀');
    expect(s.cursor).toBe(2);
    s = edit(edit(s, 'right'), 'backspace');
    expect(s.text).toBe('ab');
    s = edit(edit(typed('b😀'), 'home'), 'right');
    expect(edit(s, 'delete').text).toBe('b');
    s = edit(edit(s, 'end'), 'right');
    expect(s.cursor).toBe(3);
    expect(edit(edit(s, 'home'), 'left').cursor).toBe(0);
  });

  it('inserts at the cursor', () => {
    const s = insert(edit(edit(typed('shmget(, 4096)'), 'home'), 'right'), 'X Y');
    expect(s.text).toBe('sX Yhmget(, 4096)');
    expect(s.cursor).toBe(4);
  });

  it('Ctrl-U, Ctrl-K and Ctrl-W cut as a shell does', () => {
    const s = edit(edit(edit(typed('id = shmget(IPC_PRIVATE'), 'left'), 'left'), 'left');
    expect(edit(s, 'killBefore')).toMatchObject({ text: 'ATE', cursor: 0 });
    expect(edit(s, 'killAfter')).toMatchObject({ text: 'id = shmget(IPC_PRIV', cursor: 20 });
    const w = edit(typed('p = shmat(id, NULL,  '), 'killWord');
    expect(w.text).toBe('p = shmat(id, ');
    expect(edit(emptyLine(), 'killWord').text).toBe('');
  });

  it('history: ↑ recalls older lines, ↓ comes back to the line being written', () => {
    let s = typed('ipc', ['a = 1', 'b = 2']);
    s = edit(s, 'historyUp');
    expect(s.text).toBe('b = 2');
    s = edit(edit(s, 'historyUp'), 'historyUp');
    expect(s.text).toBe('a = 1');
    s = edit(s, 'historyDown');
    expect(s.text).toBe('b = 2');
    s = edit(s, 'historyDown');
    expect(s).toMatchObject({ text: 'ipc', cursor: 3, at: null });
    expect(edit(emptyLine(), 'historyUp').text).toBe('');
  });

  it('submit keeps non-blank lines once in a row, within the limit', () => {
    let s = typed('ipcs', ['x', 'ipcs']);
    let r = submit(s, 3);
    expect(r.line).toBe('ipcs');
    expect(r.next.history).toEqual(['x', 'ipcs']);
    s = insert(r.next, 'y');
    r = submit(s, 2);
    expect(r.next.history).toEqual(['ipcs', 'y']);
    expect(submit(typed('   '), 5).next.history).toEqual([]);
    expect(r.next).toMatchObject({ text: '', cursor: 0, at: null });
  });

  it('Tab completes the word before the cursor: one name whole, several to what they share, else lists them', () => {
    const names = ['shmget', 'shmat', 'shmdt', 'shmctl', 'SHM_RDONLY', 'strcpy'];
    expect(wordBefore(typed('p = sh'))).toBe('sh');
    expect(complete(typed('x = st'), names).next.text).toBe('x = strcpy');
    const two = complete(typed('shmg'), names);
    expect(two.next.text).toBe('shmget');
    const many = complete(typed('sh'), names);
    expect(many.next.text).toBe('shm');
    const listed = complete(many.next, names);
    expect(listed.next.text).toBe('shm');
    expect(listed.choices).toEqual(['shmat', 'shmctl', 'shmdt', 'shmget']);
    expect(complete(typed('zz'), names)).toEqual({ next: typed('zz'), choices: [] });
  });

  it('the visible window keeps the cursor in view on a line wider than the screen', () => {
    const long = typed('x'.repeat(1000) + '中文');
    const w = visibleWindow(long, 20, cells);
    expect(cells(w.text)).toBeLessThanOrEqual(20);
    expect(w.text.endsWith('中文')).toBe(true);
    expect(w.cursor).toBe(w.text.length);
    const home = visibleWindow(edit(long, 'home'), 20, cells);
    expect(home).toEqual({ text: 'x'.repeat(20), cursor: 0 });
  });

  it('a pasted megabyte line is edited without hanging', () => {
    const start = Date.now();
    let s = emptyLine();
    for (let i = 0; i < 16; i++) s = insert(s, 'y'.repeat(65536));
    s = edit(s, 'backspace');
    expect(s.text.length).toBe(1048575);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});

describe('history file', () => {
  const dir = testTempDir('ipclab-hist-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the newest lines within the limit, no blank or overlong line', () => {
    const path = join(dir, 'sub', 'play-history');
    const lines = Array.from({ length: HISTORY_LIMIT + 10 }, (_, i) => `v${i} = ${i}`);
    saveHistory([...lines, '', 'z'.repeat(HISTORY_LINE_MAX + 1)], path);
    const back = loadHistory(path);
    expect(back).toHaveLength(HISTORY_LIMIT);
    expect(back[back.length - 1]).toBe(`v${HISTORY_LIMIT + 9} = ${HISTORY_LIMIT + 9}`);
    expect(readFileSync(path, 'utf8').split('\n').every((l) => l.length <= HISTORY_LINE_MAX)).toBe(true);
  });

  it('a missing or damaged file is an empty history; an unwritable folder loses nothing else', () => {
    expect(loadHistory(join(dir, 'none'))).toEqual([]);
    const bad = join(dir, 'bad');
    writeFileSync(bad, '\n\n\u0000\n');
    expect(loadHistory(bad)).toEqual(['\u0000']);
    expect(() => saveHistory(['a'], '/proc/1/x/play-history')).not.toThrow();
  });
});
