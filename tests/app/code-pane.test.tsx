// The C pane as a learner meets it (issue 16 follow-up): its title names the file (which
// of how many) and the lines in view, the rows carry line numbers, it opens at the lines
// of the step shown and follows the step, and f with one file says so. Real lessons, real store.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { KEYS, ran, renderApp, type Rendered, type RenderOptions } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { anchorTexts, anchorsOf, codeStep } from '../../src/lessons/code-anchor.js';
import { anchorSpan, codeLines, followRow, heldForQuestions, heldFrom, hiddenLines, lineStart, printedGlosses, questionsWaiting, snapRow } from '../../src/app/components/code-view.js';
import { parseOutputTable, unescapeC } from '../../src/lessons/c-output.js';
import { commentTableProblems, commentWords, parseCommentTable } from '../../src/text/comment-spans.js';
import { codeTitleRoom, pickCodeTitle, PRINTS_ZH } from '../../src/app/components/CodePane.js';
import { strings } from '../../src/app/strings.js';
import { cells } from '../../src/app/text-fit.js';
import { testTempDir } from '../helpers/temp-dir.js';
import { codeLineInView, codePane, stepsRun, zoomedCode } from '../helpers/pane-setups.js';

const open: Rendered[] = [];
const stateDirs: string[] = [];
afterAll(() => {
  for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const r of open.splice(0)) if (!r.store.getState().finished) await r.quit();
});

async function draw(opts: Partial<RenderOptions> & { width: number; height: number; lesson: string }): Promise<Rendered> {
  const state = testTempDir('ipclab-cpane-');
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
  // a step anchoring several lines: its first
  return lineOf(l.code[0].path, anchorsOf(l.steps[step].code)[0]!.split('\n')[0]);
};

describe('the C pane', () => {
  it('80x24 en, one file: numbered rows, the title names the lines in view, it opens at the step’s line and follows the step; f says there is one file', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'parent-child' });
    await r.waitFor((f) => f.includes('step 1/8'), 'the lesson');
    await r.press('c');
    const f = await r.waitFor((f) => f.includes('┌─ C code: '), 'the C pane');
    const pane = codePane(f.split('\n'));
    // one form: the file, which of the lesson's files, whose line is lit (step 1's, shown before it runs)
    expect(pane.title).toMatch(/^┌─ C code: communicate_with_child\.c \(file 1\/1\) · line of step 1 /);
    // step 1 (not yet run) declares its shmget line: it is in view, not the file's head
    const shmget = anchorLine('parent-child', 0);
    expect(shmget).toBe(lineOf('communicate_with_child.c', 'shmget(IPC_PRIVATE'));
    expect(pane.numbers[0]).toBeGreaterThan(1);
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

    // the learner's own scroll holds while the step stays; ← to step 4 (review) follows its line again
    const before = codePane(r.lines()).numbers[0];
    await r.press(KEYS.down, KEYS.down);
    const scrolled = codePane((await r.waitFor((f) => codePane(f.split('\n')).numbers[0] > before, 'scrolled down')).split('\n')).numbers[0];
    await r.press('f');
    await r.waitFor((f) => f.includes('only one C file in this lesson'), 'a key that moves no step');
    expect(codePane(r.lines()).numbers[0]).toBe(scrolled);
    await r.press(KEYS.left);
    await r.waitFor(() => r.store.getState().view === 3, 'step 4 shown');
    const strcpy = anchorLine('parent-child', 3);
    expect(strcpy).not.toBe(kill);
    // at its line, or the line above it for context where the pane has 8 rows or more
    await r.waitFor((f) => [strcpy, strcpy - 1].includes(codePane(f.split('\n')).numbers[0]), 'step 4 (its strcpy) followed');
  });

  it('80x24 en, three files: the title says which of how many; f goes through them; a file with no line lit opens at its top', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'serv-clnt' });
    await r.waitFor((f) => f.includes('step 1/6'), 'the lesson');
    await r.press('c');
    await r.waitFor((f) => /┌─ C code: serv\.c \(file 1\/4\) · line of step 1 /.test(f), 'serv.c, 1 of 4');
    expect(r.lines()[22]).toContain('f file');
    await r.press('f');
    await r.waitFor((f) => /┌─ C code: clnt\.c \(file 2\/4\) · no line lit /.test(f), 'clnt.c, 2 of 4');
    await r.press('f');
    // rv.h at step 1 (serv.c's): no line of it lit, so at its top (not at step 5's struct, far off)
    const f = await r.waitFor((f) => /┌─ C code: rv\.h \(file 3\/4\) · no line lit /.test(f) && codePane(f.split('\n')).numbers[0] === 1, 'rv.h, 3 of 4');
    expect(f).not.toContain('only one C file');
  });

  it('80x24 en, serv-clnt at its end, whose text says "rv.h (f)": f in the C pane goes 1/4 -> 2/4, never skips clnt.c; f off the pane opens rv.h, where the text says', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'serv-clnt' });
    await r.waitFor((f) => f.includes('step 1/6'), 'the lesson');
    const n = r.store.getState().lessons[r.store.getState().lessonIndex].steps.length;
    // the lesson's end as the learner sees it (the outro names rv.h (f)); the last step's file is serv.c
    r.store.setState({ view: n, done: n });
    await r.waitFor((f) => f.includes(`done ${n}/${n}`), 'the end');
    await r.press('c');
    await r.waitFor((f) => /┌─ C code: serv\.c \(file 1\/4\) /.test(f), 'serv.c, 1 of 4');
    await r.press('f');
    await r.waitFor((f) => /┌─ C code: clnt\.c \(file 2\/4\) /.test(f), 'clnt.c next, not rv.h');
    await r.press('f');
    await r.waitFor((f) => /┌─ C code: rv\.h \(file 3\/4\) /.test(f), 'rv.h');
    await r.press('f');
    await r.waitFor((f) => /┌─ C code: stamp\.h \(file 4\/4\) /.test(f), 'stamp.h, which rv.h includes');
    await r.press('f');
    await r.waitFor((f) => /┌─ C code: serv\.c \(file 1\/4\) /.test(f), 'round to serv.c');
    // off the pane, f opens it where the text says "(f)"
    await r.press('c');
    await r.waitFor((f) => !f.includes('┌─ C code'), 'the pane left');
    await r.press('f');
    await r.waitFor((f) => /┌─ C code: rv\.h \(file 3\/4\) /.test(f), 'rv.h, as the outro says');
  });

  it('80x24 en: f off the C pane opens it at the step\'s file, not at the file the pane showed last (a stale index)', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'serv-clnt' });
    await r.waitFor((f) => f.includes('step 1/6'), 'the lesson');
    await r.press('c');
    await r.waitFor((f) => /┌─ C code: serv\.c \(file 1\/4\) /.test(f), 'serv.c');
    await r.press('f');
    await r.waitFor((f) => /┌─ C code: clnt\.c \(file 2\/4\) /.test(f), 'clnt.c');
    await r.press('c');
    await r.waitFor((f) => !f.includes('┌─ C code'), 'the pane left');
    // step 2 shown in review (the client's, clnt.c), then step 3 (the server's, serv.c)
    r.store.setState({ view: 2, done: 3 });
    await r.waitFor((f) => f.includes('step 3/6'), 'step 3 shown');
    await r.press('f');
    // serv.c, the step's file, as c opens it (not the stale clnt.c, nor the file after either)
    await r.waitFor((f) => /┌─ C code: serv\.c \(file 1\/4\) /.test(f), 'the step\'s file');
  });

  it('fix18f#6: serv-clnt step 5 (rv.h\'s), f off the C pane opens rv.h, and f in it reaches every file, each title naming which of 4', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'serv-clnt' });
    await r.waitFor((f) => f.includes('step 1/6'), 'the lesson');
    // step 5 shown before it runs, the title bar's "step 5/6"
    r.store.setState({ view: 4, done: 3 });
    await r.waitFor((f) => f.includes('step 5/6'), 'step 5 shown');
    await r.press('f');
    await r.waitFor((f) => /┌─ C code: rv\.h \(file 3\/4\) · line of step 5 /.test(f), 'rv.h, the step\'s file, first');
    for (const [file, n] of [['stamp.h', 4], ['serv.c', 1], ['clnt.c', 2], ['rv.h', 3]] as const) {
      await r.press('f');
      await r.waitFor((f) => f.includes(`┌─ C code: ${file} (file ${n}/4)`), `${file}, ${n} of 4`);
    }
  });

  it('80x24 en: the title says whose line is lit, the step the lesson pane shows (its ▶), not the step just run above it; in review the step shown (fix20d#5)', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'shmget' });
    await stepsRun(r, 1);
    await r.waitFor((f) => f.includes('step 2/'), 'step 2 shown');
    await r.press('c');
    let f = await r.waitFor((f) => /┌─ C code: shmget\.c \(file 1\/2\) · line of step 2 /.test(f), 'step 2 lit, named in the title');
    expect(f).not.toContain('just run');
    await r.press(KEYS.left);
    f = await r.waitFor((f) => /┌─ C code: shmget\.c \(file 1\/2\) · line of step 1 /.test(f), 'in review: step 1 lit');
  });

  // (side by side the focused pane's title is followed by the focus mark, which takes the room of
  // the title's longer words: "步骤 3 答题后 [焦点]", s29f)
  it("80x24 en and 120x34 zh: while the lit step's lines are held for its question, the title says they come after it (fix24c#7: shmctl 3's title named step 3 over step 1's lines)", async () => {
    for (const [width, height, lang, held, shown] of [
      [80, 24, 'en', /┌─ C code: shmctl\.c \(file 1\/2\) · step 3's line after its question /, /┌─ C code: shmctl\.c \(file 1\/2\) · line of step 2 /],
      [120, 34, 'zh', /┌─ C 代码：shmctl\.c（文件 1\/2）· 步骤 3 答题后 \[焦点\] /, /┌─ C 代码：shmctl\.c（文件 1\/2）· 步骤 2 的行 \[焦点\] /],
    ] as const) {
      const r = await draw({ width, height, lesson: 'shmctl', lang, quiz: true });
      await stepsRun(r, 2);
      // a tall lesson pane opens the question with the step; a short one on Space
      if (r.store.getState().quiz === null) await r.press(KEYS.space);
      await r.waitFor(() => r.store.getState().quiz !== null, "step 3's question open");
      await r.press('c');
      const f = await r.waitFor((f) => held.test(f), `${lang}: the title says step 3's lines are held`);
      // the lines in view are step 2's and before: none of step 3's IPC_SET
      expect(f).not.toContain('IPC_SET, &ds');
      // in review, a step whose lines are shown is named as before
      await r.press(KEYS.left);
      await r.waitFor((f) => shown.test(f), `${lang}: in review, step 2's line`);
      await r.quit();
      open.pop();
    }
  }, 60_000);

  it('80x24 en: a file picked with f holds until the next step runs; a step anchored in the main file (a bare anchor) brings the pane back to it', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'ftok' });
    await r.waitFor((f) => f.includes('step 1/'), 'the lesson');
    await r.press('c');
    await r.waitFor((f) => /┌─ C code: ftok\.c \(file 1\/2\) /.test(f), 'ftok.c');
    await r.press('f');
    await r.waitFor((f) => /┌─ C code: cleanup\.h \(file 2\/2\) /.test(f), 'cleanup.h picked with f');
    // a step runs (its notice shown above step 2): the pane follows the step shown, to ftok.c
    r.store.setState({ view: 1, done: 1 });
    await r.waitFor((f) => /┌─ C code: ftok\.c \(file 1\/2\) · line of step 2/.test(f), 'back at ftok.c, step 2 lit');
  });

  // a run shows the pane its result is in (src/lessons/result-pane.ts) unless the learner chose
  // one as it ran: c c (away and back) right after Space keeps the C pane through the run
  it('80x24 en: the C pane shown follows the file of the step that ran (nc81: the C server ran, clnt.c stayed)', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'serv-clnt' });
    await r.waitFor((f) => f.includes('step 1/6'), 'the lesson');
    await r.press('c');
    await r.waitFor((f) => /┌─ C code: serv\.c \(file 1\/4\) /.test(f), 'serv.c');
    // the run shows its result's pane (a pane chosen before or during a run gives way to it:
    // store/run.ts, issue 16); c then opens the C pane on the step shown
    await r.press(KEYS.space);
    await ran(r, 1);
    await r.waitFor(() => r.store.getState().tab !== 'code', "the result's pane shown");
    await r.press('c');
    // step 2, shown now, is the client's: clnt.c, without f
    await r.waitFor((f) => /┌─ C code: clnt\.c \(file 2\/4\) /.test(f), 'clnt.c followed');
  }, 60_000);

  it('120x34 zh: the title in Chinese, the file whole', async () => {
    const r = await draw({ width: 120, height: 34, lesson: 'ftok', lang: 'zh' });
    await r.waitFor((f) => f.includes('步骤 1/9'), 'the lesson');
    await r.press('c');
    const f = await r.waitFor((f) => f.includes('┌─ C 代码：'), 'the C pane');
    const pane = codePane(f.split('\n'));
    expect(pane.title).toMatch(/^┌─ C 代码：ftok\.c（文件 1\/2）· 步骤 1 的行 /);
    expect(pane.numbers).toContain(anchorLine('ftok', 0));
    await r.press('f');
    // ftok.c includes cleanup.h: f offers it, at its top, no line lit
    await r.waitFor((f) => /┌─ C 代码：cleanup\.h（文件 2\/2）· 无高亮行 /.test(f), 'f to cleanup.h in Chinese');
  });

  it('80x24 en: a step run again in review (Space after ←) brings the pane back to its line after the learner scrolled it', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'shmget' });
    await stepsRun(r, 2);
    await r.press(KEYS.left, KEYS.left);
    await r.waitFor(() => r.store.getState().view === 0, 'step 1 in review');
    await r.press('c');
    const line = anchorLine('shmget', 0);
    await r.waitFor((f) => codePane(f.split('\n')).numbers.includes(line), 'step 1 line');
    await r.press(KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down);
    await r.waitFor((f) => !codePane(f.split('\n')).numbers.includes(line), 'scrolled past it');
    // the step run again shows its result's pane; c then brings the C pane back, not where it
    // was scrolled but on the step's line
    await r.press(KEYS.space);
    await r.waitFor(() => r.store.getState().busy === null && r.store.getState().status !== null && r.store.getState().tab !== 'code', 'step 1 run again');
    await r.press('c');
    // at the line of the step shown after the run, or the line above for context (the pane has 8 rows with the notice's shorter text)
    await r.waitFor((f) => {
      const st = r.store.getState();
      const at = anchorLine('shmget', Math.min(st.view, 5));
      return st.busy === null && st.tab === 'code' && st.done >= 1 && [at, at - 1].includes(codePane(f.split('\n')).numbers[0]);
    }, 'step 1 run again: the line of the step shown followed');
  });

  it('shmat, serv-clnt, sem at 80x24 en (zoomed too) and 120x34 zh: at every step the pane opens on a line\'s first row, never a wrapped line\'s tail', async () => {
    for (const lesson of ['shmat', 'serv-clnt', 'sem']) {
      for (const [width, height, lang, zoom] of [[80, 24, 'en', false], [80, 24, 'en', true], [120, 34, 'zh', false]] as const) {
        const r = await draw({ width, height, lesson, lang });
        const n = LESSONS.find((l) => l.id === lesson)!.steps.length;
        await r.waitFor(() => r.store.getState().run !== null, 'the lesson');
        await r.press('c');
        await r.waitFor((f) => f.includes('┌─ C'), 'the C pane');
        if (zoom) {
          await r.press('z');
          await r.waitFor(() => r.store.getState().zoomed, 'zoomed');
        }
        for (let view = 0; view < n; view++) {
          // review: every step shown as run, its own line lit
          r.store.setState({ view, done: n });
          const lit = lang === 'en' ? `line of step ${view + 1} |no line lit` : `步骤 ${view + 1} 的行 |无高亮行`;
          const f = await r.waitFor((f) => new RegExp(lit).test(codePane(f.split('\n')).title), `step ${view + 1} shown`);
          expect(codePane(f.split('\n')).firstNumbered, `${lesson} ${width}x${height}${zoom ? ' zoomed' : ''} step ${view + 1}:\n${f}`).toBe(true);
        }
        await r.quit();
        open.pop();
      }
    }
  }, 120_000);
});

describe('the C pane in Chinese', () => {
  it('shmat, serv-clnt, sem at 120x34 zh: the comments in Chinese, the code as written; l back to English shows the file\'s own words', async () => {
    for (const [lesson, file, zh, en] of [
      ['shmat', 'shmat.c', '数据还在：内存不是管道', 'still there: memory is not a pipe'],
      ['serv-clnt', 'serv.c', 'key 已被占用。拒绝（exit 1）', 'The key is taken. Refuse (exit 1)'],
      ['sem', 'sem.c', '内核撤销它的 -1', 'the kernel undoes its -1'],
    ] as const) {
      const r = await draw({ width: 120, height: 34, lesson, lang: 'zh' });
      await zoomedCode(r, file);
      // the line with the comment brought into view: scrolled toward it until it shows
      const line = lineOf(file, en);
      await codeLineInView(r, line);
      const f = await r.waitFor((f) => f.includes(zh), `${file}: the comment in Chinese`);
      expect(f).not.toContain(en);
      // the code before it as the file has it
      const code = source(file)[line - 1].split('/*')[0].trim();
      if (code) expect(f).toContain(code);
      await r.press('l');
      // the Chinese has rows the English has not (what a line prints): the line brought into view again
      await r.waitFor((f) => f.includes('C code:'), 'English');
      await codeLineInView(r, line);
      await r.waitFor((f) => f.includes(en), `${file}: in English again`);
      await r.quit();
      open.pop();
    }
  }, 60_000);
});

// A newcomer reading in Chinese met printf("attached at %p: nattch %d") in the C pane with
// no Chinese for it, while the Trace showed the program's line in Chinese (issue 16). The C
// stays as written; under each line that prints, a dim row with no number says what it prints,
// from the same table (examples/c/zh/FILE.out.txt).
describe('the C pane in Chinese: what a line prints', () => {
  it('120x34 zh, shmat at inherit.c: under tell("attached at %p: nattch %d"), its Chinese; l to English shows none', async () => {
    const r = await draw({ width: 120, height: 34, lesson: 'shmat', lang: 'zh' });
    await zoomedCode(r, 'inherit.c');
    await codeLineInView(r, lineOf('inherit.c', 'attached at %p'));
    const gloss = PRINTS_ZH('已映射到 %p：nattch %d');
    // the line and the row under it in view
    for (let i = 0; i < 3; i++) await r.press(KEYS.down);
    await r.waitFor((f) => f.includes(gloss), 'the Chinese of what the line prints');
    const rows = r.lines();
    const at = rows.findIndex((l) => l.includes('"attached at %p: nattch %d"'));
    expect(at, rows.join('\n')).toBeGreaterThan(0);
    // right under the line, the code as written above it
    expect(rows[at + 1], rows.join('\n')).toContain(gloss);
    await r.press('l');
    await r.waitFor((f) => !f.includes('已映射到'), 'English: no gloss');
  }, 60_000);

  it('every text of every output table that reads otherwise in Chinese is under the line that holds it, numbered by none, at every width; a file without a table gets none', () => {
    const dir = new URL('../../examples/c/', import.meta.url);
    const tables = readdirSync(new URL('zh/', dir)).filter((f) => f.endsWith('.out.txt'));
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const t of tables) {
      const file = t.slice(0, -'.out.txt'.length);
      const text = readFileSync(new URL(file, dir), 'utf8');
      const table = readFileSync(new URL(`zh/${t}`, dir), 'utf8');
      const glosses = printedGlosses(text, table, PRINTS_ZH);
      const want = [...parseOutputTable(table).table].filter(([en, zh]) => unescapeC(en) !== unescapeC(zh));
      // each text that differs is glossed somewhere, and once for each line that holds it
      const all = [...glosses.values()].flat();
      for (const [, zh] of want) expect(all, `${file}: ${zh}`).toContain(PRINTS_ZH(unescapeC(zh).replace(/\n$/, '').replace(/\n/g, '⏎')));
      // each under the line that holds its literal: none under another text's line
      for (const [en, zh] of want) {
        const g = PRINTS_ZH(unescapeC(zh).replace(/\n$/, '').replace(/\n/g, '⏎'));
        for (const [i, list] of glosses) if (list.includes(g) && text.split('\n')[i]!.includes('"') && text.includes(`"${en}"`)) expect(text.split('\n')[i], `${file}:${i + 1} ${g}`).toContain(`"${en}"`);
      }
      for (let width = 60; width <= 118; width += 7) {
        const view = codeLines(text, width, null, 4, undefined, undefined, glosses);
        const rows = view.lines.map((l) => l.map((r) => r.text).join(''));
        for (const row of rows) expect(cells(row), `${file} ${width}: ${row}`).toBeLessThanOrEqual(width);
        // a gloss row has no number: the source's numbers are untouched
        const numbered = view.lines.filter((l) => /^\s*\d+$/.test(l[0]!.text)).length;
        expect(numbered, `${file} ${width}`).toBe(text.replace(/\n$/, '').split('\n').length);
        for (const [i] of glosses) {
          // the rows under line i up to the next line: its own, then the gloss, dim
          const next = view.rowOf[i + 1] ?? view.lines.length;
          const under = view.lines.slice(view.rowOf[i]!, next).filter((l) => l.some((r) => r.text.includes('↳')));
          expect(under.length, `${file}:${i + 1} ${width}`).toBeGreaterThan(0);
          for (const l of under) expect(l.find((r) => r.text.includes('↳'))!.tone).toBe('dim');
        }
      }
    }
    expect(printedGlosses(readFileSync(new URL('shmat.c', dir), 'utf8'), null, PRINTS_ZH).size).toBe(0);
  });
});

// A newcomer at 120x34 zh read shmctl.c's "after the last detach" in English: only the programs
// ipclab runs had output tables, while the C pane shows every lesson's files (issue 16). Each
// lesson's own C file now glosses what it prints, as inherit.c's did.
describe('the C pane in Chinese: what every lesson\'s file prints', () => {
  const cases: [lesson: string, file: string, literal: string, gloss: string][] = [
    ['shmctl', 'shmctl.c', '"shmctl(%d, IPC_RMID, NULL) after the last detach', '最后一次解除映射之后 shmctl(%d, IPC_RMID, NULL) = %d（%s）'],
    ['shmat', 'shmat.c', '"child writing through SHM_RDONLY: %s', '子进程经 SHM_RDONLY 的映射写入：%s'],
    ['msg', 'msg.c', '"%d messages of 4000 bytes fit', '%d 条 4000 字节的消息放得进 msg_qbytes = %lu 字节'],
    ['sem', 'sem.c', '"after the kill, with SEM_UNDO', 'kill 之后，有 SEM_UNDO：semval %d'],
    ['race', 'race.c', '"lock %-9s total', '锁 %-9s 总数 %d / %ld：丢失 %ld 次'],
  ];
  it.each(cases)('120x34 zh, %s: under %s\'s %s, a dim row says it in Chinese; no row wider than the terminal', async (lesson, file, literal, gloss) => {
    const r = await draw({ width: 120, height: 34, lesson, lang: 'zh' });
    await zoomedCode(r, file);
    const line = lineOf(file, literal);
    expect(line, literal).toBeGreaterThan(0);
    await codeLineInView(r, line);
    // the line and the rows under it in view
    for (let i = 0; i < 3; i++) await r.press(KEYS.down);
    await r.waitFor((f) => f.includes(PRINTS_ZH(gloss).slice(0, 12)), `the Chinese of ${literal}`);
    const rows = r.lines();
    const at = rows.findIndex((l) => l.includes(literal));
    expect(at, rows.join('\n')).toBeGreaterThan(0);
    // under the line (its own wrapped rows first), before the next numbered line
    const next = rows.findIndex((l, i) => i > at && /^│ *\d+ /.test(l));
    const under = rows.slice(at + 1, next < 0 ? rows.length : next).join('');
    expect(under.replace(/[│\s]/g, ''), rows.join('\n')).toContain(PRINTS_ZH(gloss).replace(/\s/g, '').slice(0, 20));
    for (const row of rows) expect(cells(row), row).toBeLessThanOrEqual(120);
  }, 60_000);
});

describe('the C pane, pure', () => {
  it('scrolls by source lines, a wrapped line\'s ↪ rows with it, and its signs count lines hidden in part (a ↪ row at the top: its line counts above)', () => {
    // lines 0 (one row), 1 (three rows: 1..3), 2 (row 4), 3 (row 5); 6 rows, max 3 for a 3-row pane
    const rowOf = [0, 1, 4, 5];
    expect(snapRow(rowOf, 0, 1, 3)).toBe(1);
    // down from line 1 (three rows): to line 2's row, clamped to the end (max 3)
    expect(snapRow(rowOf, 1, 1, 3)).toBe(3);
    expect(snapRow(rowOf, 1, 1, 10)).toBe(4);
    // up from line 1's tail (the end, row 3): its first row, never a ↪ row
    expect(snapRow(rowOf, 3, -1, 3)).toBe(1);
    expect(snapRow(rowOf, 1, -1, 3)).toBe(0);
    expect(snapRow(rowOf, 4, -1, 10)).toBe(1);
    // a page lands on a line's first row
    expect(snapRow(rowOf, 0, 2, 10)).toBe(1);
    // the signs: the top row a ↪ of line 1: lines 0 and 1 are above (the sign never vanishes while part of one is hidden)
    expect(hiddenLines(rowOf, 2, 3, 6)).toEqual({ above: 2, below: 1 });
    expect(hiddenLines(rowOf, 1, 3, 6)).toEqual({ above: 1, below: 2 });
    expect(hiddenLines(rowOf, 0, 6, 6)).toEqual({ above: 0, below: 0 });
    // the last line cut at the bottom counts below
    expect(hiddenLines(rowOf, 0, 2, 6)).toEqual({ above: 0, below: 3 });
  });
  it('while a step\'s checkpoint is open, the pane shows no line after the lit ones: no `expect(` that says what the call asked about gives, no line of a later step (newcomers read msg\'s "type -3: the lowest type <= 3" under the question)', () => {
    const plain = (l: { text: string }[]) => l.map((r) => r.text).join('');
    let asked = 0;
    for (const lesson of LESSONS) {
      const paths = lesson.code.map((f) => f.path);
      lesson.steps.forEach((step, i) => {
        if (!lesson.checkpoints?.[step.id]) return;
        for (const path of paths) {
          const text = readFileSync(new URL(`../../examples/c/${path}`, import.meta.url), 'utf8');
          const anchors = lesson.steps.map((st) => anchorTexts(st.code, path, paths));
          const lit = codeStep(i, lesson.steps.length);
          const from = heldFrom(text, anchors, i);
          const rows = codeLines(text, 76, null, 4, undefined, from === null ? undefined : { from, row: strings('en').codeRestHeld(i + 1) }).lines.map(plain);
          const shown = rows.join('\n');
          const where = `${lesson.id} step ${i + 1} ${path}`;
          // the lines of the open step and the later ones, past the lit lines: none on screen
          const lines = text.split('\n');
          const litLast = Math.max(-1, ...anchors.slice(0, i + 1).flatMap((a) => (a ?? []).flatMap((t) => anchorSpan(text, t) ?? [])).filter((sp) => sp.first <= (from ?? Infinity)).map((sp) => sp.last));
          for (const a of anchors.slice(i + 1)) {
            for (const t of a ?? []) {
              const sp = anchorSpan(text, t);
              if (sp !== null && sp.first > litLast) expect(shown.includes(lines[sp.first]!.trim()), `${where}: line ${sp.first + 1} of a later step shown`).toBe(false);
            }
          }
          // an expect( shown is one of a step that ran (or the call itself, the lit line)
          if (from !== null) {
            expect(rows.at(-1)!.trim(), where).toBe(strings('en').codeRestHeld(i + 1));
            for (const [n, l] of lines.entries()) if (n >= from && /\bexpect\(/.test(l)) expect(shown.includes(l.trim()), `${where}: line ${n + 1}`).toBe(false);
            asked++;
          }
        }
      });
    }
    expect(asked).toBeGreaterThan(20);
    // the cases newcomers met, by their words
    const at = (id: string, step: number, file: string) => {
      const lesson = LESSONS.find((l) => l.id === id)!;
      const paths = lesson.code.map((f) => f.path);
      const text = readFileSync(new URL(`../../examples/c/${file}`, import.meta.url), 'utf8');
      const from = heldFrom(text, lesson.steps.map((st) => anchorTexts(st.code, file, paths)), step);
      return codeLines(text, 76, null, 4, undefined, from === null ? undefined : { from, row: '…' }).lines.map(plain).join('\n');
    };
    expect(at('msg', 2, 'msg.c')).not.toContain('lowest type');
    expect(at('msg', 3, 'msg.c')).not.toContain('ENOMSG');
    expect(at('sem', 5, 'sem.c')).not.toContain('SEM_UNDO gave');
    expect(at('sem', 6, 'sem.c')).not.toContain('count stays taken');
    // answered (the next step shown), the line is there
    expect(at('msg', 4, 'msg.c')).toContain('lowest type');
  });
  it('at every step, no line of a step whose question waits is shown, nor an `expect(` past it, and the line of the step about to run is (sem 2 showed "SEM_UNDO gave the count back", step 6\'s answer)', () => {
    const plain = (l: { text: string }[]) => l.map((r) => r.text).join('');
    let held = 0;
    for (const lesson of LESSONS) {
      const paths = lesson.code.map((f) => f.path);
      for (let done = 0; done <= lesson.steps.length; done++) {
        const waiting = questionsWaiting(lesson.steps, lesson.checkpoints, done);
        for (const path of paths) {
          const text = readFileSync(new URL(`../../examples/c/${path}`, import.meta.url), 'utf8');
          const lines = text.split('\n');
          const anchors = lesson.steps.map((st) => anchorTexts(st.code, path, paths));
          const spansOf = (i: number) => (anchors[i] ?? []).flatMap((t) => anchorSpan(text, t) ?? []);
          const cut = heldForQuestions(text, anchors, waiting, done, codeStep(done, lesson.steps.length));
          // (wide: no line wrapped, each found whole)
          const shown = codeLines(text, 1000, null, 4, undefined, cut === null ? undefined : { from: cut.from, row: '…' }).lines.map(plain).join('\n');
          const where = `${lesson.id} after ${done} steps ${path}`;
          // a line of a step run already (the same call anchored twice) may be shown
          const ran = new Set(lesson.steps.slice(0, done).flatMap((_, i) => spansOf(i).map((sp) => lines[sp.first]!.trim())));
          // a later step's lines above the lit ones (race.c's add, above main) stay: a function, no answer
          const lit = codeStep(done, lesson.steps.length);
          const floor = Math.max(-1, ...spansOf(lit).map((sp) => sp.last));
          for (const i of waiting) {
            for (const sp of spansOf(i)) {
              const l = lines[sp.first]!.trim();
              if (i !== done && sp.last < floor) expect(/\bexpect\(/.test(l), `${where}: line ${sp.first + 1}`).toBe(false);
              else if (!ran.has(l)) expect(shown.includes(l), `${where}: line ${sp.first + 1} of step ${i + 1}, its question unanswered`).toBe(false);
            }
          }
          if (cut !== null) {
            held++;
            for (const [n, l] of lines.entries()) if (n >= cut.from && /\bexpect\(/.test(l)) expect(shown.includes(l.trim()), `${where}: line ${n + 1}`).toBe(false);
          }
          // the step about to run, its question answered or none: its lines are on screen
          if (done < lesson.steps.length && !waiting.includes(done)) {
            for (const sp of spansOf(done)) expect(shown.includes(lines[sp.last]!.trim()), `${where}: line ${sp.last + 1} of the step about to run`).toBe(true);
          }
        }
      }
    }
    expect(held).toBeGreaterThan(50);
    // the lines newcomers met at sem 2 (zh 120x34), held back until steps 6 and 7 are asked
    const sem = LESSONS.find((l) => l.id === 'sem')!;
    const text = readFileSync(new URL('../../examples/c/sem.c', import.meta.url), 'utf8');
    const cut = heldForQuestions(text, sem.steps.map((st) => anchorTexts(st.code, 'sem.c', ['sem.c'])), questionsWaiting(sem.steps, sem.checkpoints, 1), 1, 1)!;
    const shown = text.split('\n').slice(0, cut.from).join('\n');
    expect(shown).not.toContain('SEM_UNDO gave');
    expect(shown).not.toContain('count stays taken');
    expect(cut.step + 1).toBe(4);
  });
  it('follows a line from its first row: the line above only when it is short, never past the end, never a continuation', () => {
    // lines 0 (one row), 1 (three rows: 1..3), 2 (row 4), 3 (row 5)
    const rowOf = [0, 1, 4, 5];
    expect(lineStart(rowOf, 3)).toBe(1);
    expect(lineStart(rowOf, 4)).toBe(4);
    // line 2 with 8 rows: the line above takes 3 > 8/4 rows, so no context
    expect(followRow(rowOf, { first: 2, last: 2 }, 8, 10)).toBe(4);
    // with 12 rows it fits: from line 1's first row, not its tail (row 3)
    expect(followRow(rowOf, { first: 2, last: 2 }, 12, 10)).toBe(1);
    // a pane of 4 rows: no context
    expect(followRow(rowOf, { first: 3, last: 3 }, 4, 10)).toBe(5);
    // the end of the file clamps to row 2, inside line 1: its first row
    expect(followRow(rowOf, { first: 3, last: 3 }, 4, 2)).toBe(1);
    // the same on a real file at 80 columns: every step's line of serv-clnt followed from a first row
    const lesson = LESSONS.find((l) => l.id === 'serv-clnt')!;
    const text = source('serv.c').join('\n');
    const view = codeLines(text, 76);
    for (const rows of [4, 8, 14]) {
      for (const step of lesson.steps) {
        const at = step.code ? text.indexOf(anchorsOf(step.code)[0]!) : -1;
        if (at < 0) continue;
        const first = text.slice(0, at).split('\n').length - 1;
        expect(view.rowOf).toContain(followRow(view.rowOf, { first, last: first }, rows, view.lines.length - rows));
      }
    }
  });

  it('the title has one form, and the longest (the longest file, the most lines above, the last step) fits at 80 columns in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const s = strings(lang);
      for (const lesson of LESSONS) {
        lesson.code.forEach((file, i) => {
          const total = source(file.path).length;
          const sign = `↑ ${s.more(total)}`;
          // the frame's corner, "─ " and " ", the sign and its spaces, a cell of border (Panel's topBorder)
          const room = 80 - 6 - (cells(sign) + 2);
          for (const lit of [lesson.steps.length, null]) {
            const titles = s.codeTitles(file.path, i + 1, lesson.code.length, lit);
            // at 80 columns the label, the file and the words on the lit line, whole
            expect(codeTitleRoom(80, total, s.more)).toBe(room);
            const title = pickCodeTitle(`${s.codeWide}${s.colon}`, titles, room);
            expect(title.startsWith(`${s.codeWide}${s.colon}${file.path}`) && title.endsWith(titles[0].split('· ').at(-1)!), `${lang} ${lesson.id}: ${title}`).toBe(true);
            expect(cells(title)).toBeLessThanOrEqual(room);
            // narrower (the pane at 120x34): a whole title, the parts dropped by priority, never cut
            for (const w of [30, 36, 44, 52]) {
              const picked = pickCodeTitle(`${s.codeWide}${s.colon}`, titles, codeTitleRoom(w, total, s.more));
              expect([...titles, ...titles.map((t) => `${s.codeWide}${s.colon}${t}`)], `${w}: ${picked}`).toContain(picked);
              if (cells(file.path) <= codeTitleRoom(w, total, s.more)) expect(cells(picked)).toBeLessThanOrEqual(codeTitleRoom(w, total, s.more));
              // which of several files stays while it fits (fix18f#6: it went first, before the words)
              if (lesson.code.length > 1 && cells(titles[2]) <= codeTitleRoom(w, total, s.more)) expect(picked, `${w}: ${picked}`).toContain(titles[2]);
            }
          }
        });
      }
    }
  });

  it('each comment line of a C file has its Chinese in the file\'s table; a check says which lacks it, which entry is stale, and a Chinese line that moves a column or grows too wide', () => {
    const file = ['int a;      /* the first */', '/* 0  a column', ' * 12  another */', 'int b;'].join('\n');
    const table = (rows: string[]) => rows.map((r, i) => `${i % 2 === 0 ? 'en' : 'zh'}: ${r}`).join('\n');
    const whole = table(['the first', '第一个', '0  a column', '0  一列', '12  another', '12  另一列']);
    expect(commentTableProblems(file, whole, cells)).toEqual([]);
    // a comment without its Chinese, and an entry for a comment the file no longer has
    const lacking = commentTableProblems(file, table(['the first', '第一个', '0  a column', '0  一列', '12  other', '12  另一列']), cells);
    expect(lacking).toContain("line 3: the comment '12  another' has no zh text");
    expect(lacking).toContain("'12  other' is in no comment of the file (was the comment changed?)");
    expect(commentTableProblems(file, null, cells)).toEqual(['there is no table of Chinese comments for it']);
    // a column moved (one space where the English has two), a line grown past 80 columns
    expect(commentTableProblems(file, table(['the first', '第一个', '0  a column', '0 一列', '12  another', '12  另一列']), cells).join()).toMatch(/line 2: in Chinese its columns move/);
    expect(commentTableProblems(file, table(['the first', '很'.repeat(40), '0  a column', '0  一列', '12  another', '12  另一列']), cells).join()).toMatch(/line 1: in Chinese it is \d+ columns wide, more than 80/);
    // a comment line of its own wider than the C pane's row at 120x34 (66): the pane would wrap it ("都会被 / ↪ 删除")
    const own = '/* the first */\nint b;';
    expect(commentTableProblems(own, table(['the first', '很'.repeat(31)]), cells).join()).toMatch(/line 1: in Chinese it is 68 columns wide, more than the C pane's 66 at 120x34/);
    expect(commentTableProblems(own, table(['the first', '很'.repeat(30)]), cells)).toEqual([]);
    // every C file the lessons show has a whole table (ipclab check says the same)
    for (const path of new Set(LESSONS.flatMap((l) => l.code.map((f) => f.path)))) {
      const zh = readFileSync(new URL(`../../examples/c/zh/${path}.txt`, import.meta.url), 'utf8');
      expect(commentTableProblems(source(path).join('\n'), zh, cells), path).toEqual([]);
      expect(parseCommentTable(zh).table.size, path).toBeGreaterThan(0);
    }
  });

  it('at 80x24 (a pane 76 wide) no comment of examples/c wraps, in English or Chinese: every line that holds a comment is one row (its comments at most 72 columns)', () => {
    const paths = readdirSync(new URL('../../examples/c/', import.meta.url)).filter((f) => /\.[ch]$/.test(f));
    expect(paths.length).toBeGreaterThan(10);
    const wrapped: string[] = [];
    for (const path of paths) {
      const text = source(path).join('\n');
      const table = parseCommentTable(readFileSync(new URL(`../../examples/c/zh/${path}.txt`, import.meta.url), 'utf8')).table;
      const comments = commentWords(source(path));
      for (const [lang, zh] of [['en', undefined], ['zh', table]] as const) {
        const { rowOf, lines } = codeLines(text, 76, null, 4, zh);
        for (const { line } of comments) {
          const rows = (rowOf[line + 1] ?? lines.length) - rowOf[line]!;
          if (rows > 1) wrapped.push(`${lang} ${path}:${line + 1}: ${lines.slice(rowOf[line]!, rowOf[line]! + rows).map((l) => l.map((r) => r.text).join('').trimEnd()).join(' / ')}`);
        }
      }
    }
    expect(wrapped).toEqual([]);
  });

  it('a comment running over several lines in Chinese (each line shown on its own): the check refuses a line ending mid-word, and an empty line (the comment would end on a bare " * */" row or an empty " *" one)', () => {
    const file = '/* what a program made is removed on every way out, as\n * ipclab removes what a lesson made: with a handler\n * and atexit */\nint x;';
    const t = (a: string, b: string, c: string) => ['what a program made is removed on every way out, as', a, 'ipclab removes what a lesson made: with a handler', b, 'and atexit', c].map((l, i) => `${i % 2 ? 'zh' : 'en'}: ${l}`.trimEnd()).join('\n');
    expect(commentTableProblems(file, t('程序建的东西无论怎样退出都会被删', '除，就像 ipclab 删除一课所建的东西：', '用处理函数和 atexit'), cells).join()).toMatch(/line 1: its Chinese ends mid-word, .*被删 \| 除，/);
    expect(commentTableProblems(file, t('程序建的东西无论怎样退出都会被删除，', '就像 ipclab 删除一课所建的东西：', '用处理函数和 atexit'), cells)).toEqual([]);
    const bare = commentTableProblems(file, t('程序建的东西无论怎样退出都会被删除，', '就像 ipclab 删除一课所建的东西：用处理函数和 atexit', ''), cells);
    expect(bare).toContain("line 3: its zh text is empty: lay the comment's Chinese out across all its lines, so it ends on its words as the English does");
    expect(bare.join('\n')).toMatch(/^in Chinese, line 3: the comment ends on a row of its marks alone \(\* +\*\/\)/m);
    expect(commentTableProblems(file, t('程序建的东西无论怎样退出都会被删除，', '', '就像 ipclab 删除一课所建的东西'), cells).join()).toMatch(/line 2: its zh text is empty/);
    expect(commentTableProblems('/* alone */', 'en: alone\nzh:', cells).join()).toMatch(/line 1: its zh text is empty/);
  });

  it('a comment after code that does not fit beside it goes whole to the next rows, under the code one step in; Chinese wraps between words, never inside one', () => {
    const text = 'printf("read");   /* still there: memory is not a pipe */';
    const table = new Map([['still there: memory is not a pipe', '数据还在：内存不是管道，也不会被读走，都会被删除']]);
    const rowsOf = (t: string, width: number, zh?: Map<string, string>) => codeLines(t, width, null, 4, zh).lines.map((l) => l.map((r) => r.text).join('').trimEnd());
    for (const width of [30, 36, 44]) {
      const rows = rowsOf(text, width, table);
      expect(rows[0], rows.join('\n')).toBe('1 printf("read");');
      expect(rows[1]).toMatch(/^↪ {5}\/\* 数/);
      expect(rows.join('\n')).not.toMatch(/\/\*$/m);
      for (const row of rows.slice(1)) expect(row.trimStart()).not.toMatch(/^[，。：）]/);
      for (const row of rows) expect(cells(row)).toBeLessThanOrEqual(width);
      // 删除 is one word: no row ends at 删
      expect(rows.join('\n')).not.toMatch(/删$/m);
      expect(rows.join('').replace(/\s|↪/g, '')).toContain('数据还在：内存不是管道，也不会被读走，都会被删除*/');
    }
    // in English too: the comment whole on its own row, not "show(shmid); /* nattch 2, still" | "dest */"
    const en = rowsOf('    show(shmid);                /* nattch 2, still there until detached */', 60);
    expect(en).toEqual(['1     show(shmid);', '↪         /* nattch 2, still there until detached */']);
    // a line that fits stays one row
    expect(rowsOf(text, 80)).toEqual(['1 ' + text]);
  });

  it('a comment over several lines keeps each line under its own number (no "1-3"), its rows wrapped on their own (↪, under its words); code breaks after ";", never "ok" | "= 0; }"', () => {
    const rowsOf = (t: string, width: number, zh?: ReadonlyMap<string, string>) => codeLines(t, width, null, 4, zh).lines.map((l) => l.map((r) => r.text).join('').trimEnd());
    const dir = new URL('../../examples/c/', import.meta.url);
    const clnt = readFileSync(new URL('clnt.c', dir), 'utf8');
    const zh = parseCommentTable(readFileSync(new URL('zh/clnt.c.txt', dir), 'utf8')).table;
    for (const table of [undefined, zh]) {
      const rows = rowsOf(clnt, 60, table);
      // the header's first three lines: 1, its rows going on, 2, …, 3, each starting a row
      const labels = rows.slice(0, 8).map((r) => r.trimStart().split(' ')[0]);
      expect(labels.filter((l) => l !== '↪').slice(0, 3), rows.slice(0, 8).join('\n')).toEqual(['1', '2', '3']);
      expect(labels).toContain('↪');
      expect(rows.join('\n')).not.toMatch(/^ *\d+-\d+ /m);
      // a row going on with a comment line hangs under its words (after " * ")
      const more = rows.find((r) => r.trimStart().startsWith('↪'))!;
      expect(more, rows.slice(0, 8).join('\n')).toMatch(/^ *↪ {4}\S/);
    }
    // shmctl.c: the dest segment's attach, at every width it wraps
    const line = '    if (again == (void *) -1) { perror("shmat of a dest segment"); ok = 0; }';
    for (let width = 40; width <= 80; width++) {
      const rows = rowsOf(line, width);
      const text = rows.join('\n');
      expect(text, text).not.toMatch(/ ok$/m);
      expect(text, text).not.toMatch(/^↪ += 0/m);
      if (rows.length > 1 && width >= 70) expect(rows, text).toEqual(['1     if (again == (void *) -1) { perror("shmat of a dest segment");', '↪         ok = 0; }']);
    }
  });

  it('the number column is true at every width in both languages: each row its own source line\'s number, or ↪ going on with it; every line\'s number once, in order, no ranges ("1-3"); code never cut before an assignment\'s =', () => {
    const dir = new URL('../../examples/c/', import.meta.url);
    const files = readdirSync(dir).filter((f) => /\.[ch]$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const total = text.replace(/\n$/, '').split('\n').length;
      const zh = parseCommentTable(readFileSync(new URL(`zh/${file}.txt`, dir), 'utf8')).table;
      for (const table of [undefined, zh]) {
        for (let width = 60; width <= 118; width++) {
          const view = codeLines(text, width, null, 4, table);
          const rows = view.lines.map((l) => l.map((r) => r.text).join(''));
          const at = `${file} ${table ? 'zh' : 'en'} ${width}`;
          const seen: number[] = [];
          let joined = '';
          rows.forEach((row, k) => {
            const label = row.trimStart().split(' ')[0]!;
            expect(label, `${at}: ${row}`).toMatch(/^(\d+|↪)$/);
            expect(k === 0 ? label : '', `${at}: the first row is a line's`).not.toBe('↪');
            const body = row.slice(row.indexOf(label) + label.length + 1).trim();
            if (label !== '↪') {
              seen.push(Number(label));
              expect(view.rowOf[Number(label) - 1], `${at}: ${row}`).toBe(k);
              joined = body;
              return;
            }
            // a row of code going on outside a string literal (its quotes before it even) and a comment never
            // starts with an assignment's = ("ok" | "= 0; }")
            const quotes = (joined.replace(/\\./g, '').match(/"/g) ?? []).length;
            if (quotes % 2 === 0 && !/^\s*\*|\/\*|\/\//.test(joined)) expect(body, `${at}: ${rows[k - 1]}\n${row}`).not.toMatch(/^([-+*/%|&^]|<<|>>)?= /);
            joined += ` ${body}`;
          });
          // one number per source line, in order: none lost, none twice, no range
          expect(seen, at).toEqual(Array.from({ length: total }, (_, i) => i + 1));
          for (const row of rows) expect(cells(row), `${at}: ${row}`).toBeLessThanOrEqual(width);
        }
      }
    }
  }, 180_000); // 16 files x 59 widths x 2 languages: ~10 s alone, over 30 s beside two busy loops
});
