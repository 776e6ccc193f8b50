// The C pane as a learner meets it (issue 16 follow-up): its title names the file (which
// of how many) and the lines in view, the rows carry line numbers, it opens at the lines
// of the step shown and follows the step, and f with one file says so. Real lessons, real store.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS, renderApp, type Rendered, type RenderOptions } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';

const open: Rendered[] = [];
const stateDirs: string[] = [];
afterAll(() => {
  for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const r of open.splice(0)) if (!r.store.getState().finished) await r.quit();
});

async function draw(opts: Partial<RenderOptions> & { width: number; height: number; lesson: string }): Promise<Rendered> {
  const state = mkdtempSync(join(tmpdir(), 'ipclab-cpane-'));
  stateDirs.push(state);
  const r = await renderApp({ lessons: LESSONS, quiz: false, env: { XDG_STATE_HOME: state }, ...opts });
  open.push(r);
  return r;
}

const source = (file: string) => readFileSync(new URL(`../../examples/c/${file}`, import.meta.url), 'utf8').replace(/\n$/, '').split('\n');
/** The 1-based line of a file that holds the text. */
const lineOf = (file: string, text: string) => source(file).findIndex((l) => l.includes(text)) + 1;
/** The line a step declares (Step.code) in a lesson of one C file. */
const anchorLine = (lesson: string, step: number) => {
  const l = LESSONS.find((x) => x.id === lesson)!;
  return lineOf(l.code[0].path, l.steps[step].code!);
};

/** The C pane's title line, the line numbers in its gutter (top to bottom) and its bottom
 *  border; beside the lesson pane (a wide terminal) its part of each line. */
function codePane(lines: string[]): { title: string; numbers: number[]; bottom: string } {
  const top = lines.findIndex((l) => l.includes('┌─ C'));
  const own = (l: string, edge: string) => (l.includes(edge) ? l.slice(l.lastIndexOf(edge) + 1) : l);
  const end = lines.findIndex((l, i) => i > top && own(l, '┘└').startsWith('└'));
  const numbers = lines.slice(top + 1, end).flatMap((l) => {
    const n = /^│ *(\d+) /.exec(l.includes('││') ? l.slice(l.lastIndexOf('││') + 1) : l);
    return n ? [Number(n[1])] : [];
  });
  return { title: top < 0 ? '' : lines[top].slice(lines[top].indexOf('┌─ C')), numbers, bottom: end < 0 ? '' : own(lines[end], '┘└') };
}

describe('the C pane', () => {
  it('80x24 en, one file: numbered rows, the title names the lines in view, it opens at the step’s line and follows the step; f says there is one file', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'parent-child' });
    await r.waitFor((f) => f.includes('step 1/8'), 'the lesson');
    await r.press('c');
    const f = await r.waitFor((f) => f.includes('┌─ C code: '), 'the C pane');
    const pane = codePane(f.split('\n'));
    const total = source('communicate_with_child.c').length;
    // at 80 columns the lines are said short ("118-120/163") to leave room for whose line is
    // lit: step 1's, shown before it runs
    const [, first, last, of] = /^┌─ C code: communicate_with_child\.c (\d+)-(\d+)\/(\d+) · step 1 lit /.exec(pane.title)!.map(Number);
    expect(of).toBe(total);
    // the gutter numbers the rows, and the title says the same lines
    expect(pane.numbers[0]).toBe(first);
    expect(pane.numbers[pane.numbers.length - 1]).toBe(last);
    // step 1 (not yet run) declares its shmget line: it is in view, not the file's head
    const shmget = anchorLine('parent-child', 0);
    expect(shmget).toBe(lineOf('communicate_with_child.c', 'shmget(IPC_PRIVATE'));
    expect(first).toBeGreaterThan(1);
    expect(pane.numbers).toContain(shmget);
    // at a small terminal the pane says it scrolls and zooms
    expect(pane.bottom).toContain('↑↓ scroll · z zoom');

    // f with one file: the status line says so, and the pane stays
    await r.press('f');
    await r.waitFor((f) => f.includes('only one C file in this lesson'), 'f explained');
    expect(codePane(r.lines()).title).toBe(pane.title);

    // → to step 5 (the child's kill(parent, SIGUSR2), above the parent's code): the pane moves to that line
    await r.press(KEYS.right, KEYS.right, KEYS.right, KEYS.right);
    await r.waitFor(() => r.store.getState().view === 4, 'step 5 shown');
    const kill = anchorLine('parent-child', 4);
    expect(source('communicate_with_child.c')[kill - 1]).toMatch(/\bkill\(parent, SIGUSR2\)/);
    const moved = await r.waitFor((f) => codePane(f.split('\n')).numbers.includes(kill), 'the pane at the kill() line');
    expect(codePane(moved.split('\n')).title).not.toBe(pane.title);

    // the learner's own scroll holds, a step change too; leaving the pane and coming back follows the step again
    const before = codePane(r.lines()).numbers[0];
    await r.press(KEYS.down, KEYS.down);
    const scrolled = codePane((await r.waitFor((f) => codePane(f.split('\n')).numbers[0] > before, 'scrolled down')).split('\n')).numbers[0];
    await r.press(KEYS.left);
    await r.waitFor(() => r.store.getState().view === 3, 'step 4 shown');
    expect(codePane(r.lines()).numbers[0]).toBe(scrolled);
    await r.press('c');
    await r.waitFor((f) => f.includes('┌─ Flow'), 'the flow');
    await r.press('c');
    const strcpy = anchorLine('parent-child', 3);
    expect(strcpy).not.toBe(kill);
    await r.waitFor((f) => codePane(f.split('\n')).numbers[0] !== scrolled && codePane(f.split('\n')).numbers.includes(strcpy), 'step 4 (its strcpy) followed again');
  });

  it('80x24 en, three files: the title says which of how many; f goes through them; a file no step before names opens at the first line a step names in it', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'serv-clnt' });
    await r.waitFor((f) => f.includes('step 1/6'), 'the lesson');
    await r.press('c');
    await r.waitFor((f) => /┌─ C code: 1\/3 serv\.c {2}lines \d+-\d+ of \d+/.test(f), 'serv.c, 1 of 3');
    expect(r.lines()[22]).toContain('f file');
    await r.press('f');
    await r.waitFor((f) => new RegExp(`┌─ C code: 2/3 clnt\\.c {2}lines \\d+-\\d+ of ${source('clnt.c').length}`).test(f), 'clnt.c, 2 of 3');
    await r.press('f');
    // rv.h at step 1 (serv.c's): step 5's struct, the first line a step declares in rv.h
    const struct = lineOf('rv.h', 'struct ipclab_rv {');
    expect(struct).toBeGreaterThan(1);
    const f = await r.waitFor((f) => new RegExp(`┌─ C code: 3/3 rv\\.h {2}lines ${struct}-\\d+ of ${source('rv.h').length}`).test(f), 'rv.h, 3 of 3');
    expect(f).not.toContain('only one C file');
  });

  it('80x24 en, serv-clnt at its end, whose text says "rv.h (f)": f in the C pane goes 1/3 -> 2/3, never skips clnt.c; f off the pane opens rv.h, where the text says', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'serv-clnt' });
    await r.waitFor((f) => f.includes('step 1/6'), 'the lesson');
    const n = r.store.getState().lessons[r.store.getState().lessonIndex].steps.length;
    // the lesson's end as the learner sees it (the outro names rv.h (f)); the last step's file is serv.c
    r.store.setState({ view: n, done: n });
    await r.waitFor((f) => f.includes(`done ${n}/${n}`), 'the end');
    await r.press('c');
    await r.waitFor((f) => /┌─ C code: 1\/3 serv\.c /.test(f), 'serv.c, 1 of 3');
    await r.press('f');
    await r.waitFor((f) => /┌─ C code: 2\/3 clnt\.c /.test(f), 'clnt.c next, not rv.h');
    await r.press('f');
    await r.waitFor((f) => /┌─ C code: 3\/3 rv\.h /.test(f), 'rv.h');
    await r.press('f');
    await r.waitFor((f) => /┌─ C code: 1\/3 serv\.c /.test(f), 'round to serv.c');
    // off the pane, f opens it where the text says "(f)"
    await r.press('c');
    await r.waitFor((f) => !f.includes('┌─ C code'), 'the pane left');
    await r.press('f');
    await r.waitFor((f) => /┌─ C code: 3\/3 rv\.h /.test(f), 'rv.h, as the outro says');
  });

  it('80x24 en: f off the C pane goes on from the step\'s file, not from the file the pane showed last (a stale index)', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'serv-clnt' });
    await r.waitFor((f) => f.includes('step 1/6'), 'the lesson');
    await r.press('c');
    await r.waitFor((f) => /┌─ C code: 1\/3 serv\.c /.test(f), 'serv.c');
    await r.press('f');
    await r.waitFor((f) => /┌─ C code: 2\/3 clnt\.c /.test(f), 'clnt.c');
    await r.press('c');
    await r.waitFor((f) => !f.includes('┌─ C code'), 'the pane left');
    // step 2 shown in review (the client's, clnt.c), then step 3 (the server's, serv.c)
    r.store.setState({ view: 2, done: 3 });
    await r.waitFor((f) => f.includes('step 3/6'), 'step 3 shown');
    await r.press('f');
    // from serv.c, the step's file: clnt.c (from the stale clnt.c it was rv.h)
    await r.waitFor((f) => /┌─ C code: 2\/3 clnt\.c /.test(f), 'the file after the step\'s');
  });

  it('80x24 en: the title says whose line is lit, the step just run while the next step\'s text is shown', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'shmget' });
    await r.waitFor((f) => f.includes('step 1/'), 'the lesson');
    await r.press(KEYS.space);
    await r.waitFor(() => r.store.getState().done === 1 && r.store.getState().busy === null, 'step 1 run');
    await r.waitFor((f) => f.includes('step 2/'), 'step 2 shown');
    await r.press('c');
    await r.waitFor((f) => /┌─ C code: shmget\.c +lines \d+-\d+ of \d+ · step 1 lit /.test(f), 'step 1 lit, named in the title');
  });

  it('80x24 en: the C pane shown follows the file of the step that ran (nc81: the C server ran, clnt.c stayed)', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'serv-clnt' });
    await r.waitFor((f) => f.includes('step 1/6'), 'the lesson');
    await r.press('c');
    await r.waitFor((f) => /┌─ C code: 1\/3 serv\.c /.test(f), 'serv.c');
    for (let k = 0; k < 2; k++) {
      await r.press(KEYS.space);
      await r.waitFor(() => r.store.getState().done === k + 1 && r.store.getState().busy === null, `step ${k + 1} run`);
    }
    // step 2 is the client's: clnt.c, without f
    await r.waitFor((f) => /┌─ C code: 2\/3 clnt\.c /.test(f), 'clnt.c followed');
  }, 60_000);

  it('120x34 zh: the title in Chinese, the file whole', async () => {
    const r = await draw({ width: 120, height: 34, lesson: 'ftok', lang: 'zh' });
    await r.waitFor((f) => f.includes('步骤 1/9'), 'the lesson');
    await r.press('c');
    const f = await r.waitFor((f) => f.includes('┌─ C 代码：'), 'the C pane');
    const pane = codePane(f.split('\n'));
    const [, first, last] = /ftok\.c {2}第 (\d+)-(\d+) 行（共 (\d+)）/.exec(pane.title)!.map(Number);
    expect(pane.numbers[0]).toBe(first);
    expect(pane.numbers[pane.numbers.length - 1]).toBe(last);
    await r.press('f');
    await r.waitFor((f) => f.includes('本课只有一个 C 文件'), 'f explained in Chinese');
  });
});
