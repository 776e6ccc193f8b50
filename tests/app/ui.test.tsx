// The tutorial screen through ink-testing-style rendering at fixed sizes, with the
// real store, lesson engine and kernel: keys in, frames out, ipcs compared.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appDrawer, inverseSpans, KEYS, type Rendered, ran, tabTo } from '../helpers/render.js';
import { ipcsRow, screenRow } from '../helpers/ipcs.js';
import { cells } from '../../src/app/text-fit.js';
import { readSegments, shmctlRmid, shmctlStat } from '../../src/native/index.js';
import { fixtureLesson } from './fixture-lesson.js';
import { SCROLL_HOME } from '../../src/app/store/panes.js';
import { strings } from '../../src/app/strings.js';
import { LESSONS } from '../../src/lessons/index.js';

/** What the progress keeps as shown by a step that made a segment: the Kernel pane's headings
 *  over it (pane-words.ts), each as "entry word" (a word is met where
 *  first shown, an entry once per word: s25b). */
// (the record's fields under the row, IPC_STAT's, are not listed as shown with it: a field is new
// where a text first names it, src/lessons/pane-words.ts RECORD_WORDS)
const PANE_SHM = ['key key', 'shmid shmid', 'uid owner', 'perms 权限', 'nattch nattch', 'cpid cpid', 'lpid lpid'];

const draw = appDrawer('ui', { lessons: [fixtureLesson(), fixtureLesson('second', 'second — the same calls again')] });
/** the lessons a second start is given (the second's title shorter) */
const again = () => [fixtureLesson(), fixtureLesson('second', 'second')];

function assertFits(r: Rendered, width: number, height: number) {
  const lines = r.lines();
  expect(lines.length).toBe(height);
  for (const l of lines) expect(cells(l), l).toBeLessThanOrEqual(width);
}

const focusOf = (r: Rendered) => r.store.getState().focus;

describe('the screen at 80x24 and 160x48', () => {
  it('80x24: title, lesson with steps, tabs, key bar, nothing wider than 80', async () => {
    const r = await draw({ width: 80, height: 24 });
    const f = await r.waitFor((f) => f.includes('parent'), 'the flow to be drawn');
    assertFits(r, 80, 24);
    const lines = r.lines();
    expect(lines[0]).toMatch(/^ ipclab {3}1\/2 fixture — four real steps +EN \| 中文 {2}step 1\/4 ?$/);
    expect(f).toMatch(/▶ 1 shmget\(IPC_PRIVATE\)/);
    expect(f).toContain('[Flow] │  Kernel  │  Trace  │  C ');
    // Tab, how the learner moves between the tabs, is never left out: ← gives way for it (fix19a#2);
    // g stays while the New terms line names it (g: glossary), issue 16
    // the lesson's named keys (c, g) at every step (fixR3), in the short words every screen of the
    // course shows, its questions' too ("Space step 4 + question", "run 4  y your turn": issue 16)
    expect(lines[23]).toMatch(/Space run 1 {2}c code {2}z zoom {2}g terms {2}(.* {2})?Tab {2}q quit {2}\? all/);
    // the diagram is taller than the tab: the border says how much more there is
    expect(f).toMatch(/↓ \d+ more/);
  });

  it('160x48: lesson, flow and kernel side by side, trace below', async () => {
    const r = await draw({ width: 160, height: 48 });
    await r.waitFor((f) => f.includes('parent'), 'the flow to be drawn');
    assertFits(r, 160, 48);
    const lines = r.lines();
    // the Flow named by its diagram's title ("Flow: setup and first write"), a lesson's only one too
    expect(lines.some((l) => /┌─ Lesson ─+┐┌─ Flow(: [a-z ]+)? (\[focus\] )?─+┐/.test(l))).toBe(true);
    expect(lines.some((l) => /│┌─ Kernel \(ipcs:/.test(l))).toBe(true);
    expect(lines.some((l) => /^┌─ Trace ─+┐$/.test(l))).toBe(true);
    expect(r.frame()).not.toContain('[Flow] │  Kernel ');
  });

  it('redraws for a new size', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.waitFor((f) => f.includes('[Flow] │  Kernel '), 'tabs');
    r.resize(160, 48);
    await r.waitFor((f) => f.split('\n').length === 48 && f.includes('┐┌─ Flow'), 'side by side after resize');
    assertFits(r, 160, 48);
    r.resize(50, 15);
    await r.waitFor((f) => f.replace(/\n/g, ' ').includes('at least 60x18; this one is 50x15'), 'the too-small notice');
  });

  it('too small: only q, ? and a resize act (Space runs no step nobody could see)', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
    r.resize(50, 15);
    await r.waitFor((f) => f.replace(/\n/g, ' ').includes('this one is 50x15'), 'the too-small notice');
    await r.press(KEYS.space, KEYS.enter, 'r', 'm', 'c', 'l', KEYS.tab, KEYS.right, KEYS.down, KEYS.pageDown, KEYS.escape, '?');
    // keys act in order: once ? has opened the help, every key before it was seen
    await r.waitFor(() => r.store.getState().overlay === 'help', 'the help opened by ?');
    expect(r.store.getState()).toMatchObject({ busy: null, done: 0, view: 0, trace: [], tab: 'flow', lang: 'en', code: null, status: null });
    expect(r.store.getState().scroll).toEqual(SCROLL_HOME);
    expect(readSegments().some((s) => s.cpid === process.pid)).toBe(false);
    r.resize(80, 24);
    await r.waitFor((f) => f.includes('any key closes this help'), 'the help, now that it fits');
    r.resize(50, 15);
    await r.waitFor((f) => f.replace(/\n/g, ' ').includes('this one is 50x15'), 'the too-small notice again');
    await r.press('q');
    await r.waitFor(() => r.store.getState().finished, 'q to quit');
  });

  it('--ascii draws no box characters and NO_COLOR keeps highlights as inverse', async () => {
    const r = await draw({ width: 80, height: 24, ascii: true, color: false });
    const f = await r.waitFor((f) => f.includes('parent'), 'the flow');
    expect(f).not.toMatch(/[┌┐└┘│─▶✓↓⇥]/);
    expect(f).toContain('+- Lesson -');
    expect(r.rawFrame()).not.toMatch(/\x1b\[3\dm/);
    expect(inverseSpans(r.rawFrame()).some((s) => s.includes('1 shmget(IPC_PRIVATE)'))).toBe(true);
  });
});

describe('running steps', () => {
  it('says when something outside ipclab removed the lesson\'s segment, and a lesson with a failed step is not marked done', async () => {
    const r = await draw({ width: 160, height: 48 });
    await r.waitFor((f) => f.includes('parent'), 'the flow');
    await r.press(KEYS.space);
    await r.waitFor(() => focusOf(r) !== null && r.store.getState().busy === null, 'step 1 to run');
    const shmid = focusOf(r)!;
    // removed behind the lesson's back, as ipcrm in another terminal would
    expect(shmctlRmid(shmid).errno).toBeNull();
    r.store.getState().refreshKernel(true);
    await r.waitFor((f) => f.includes(`segment ${shmid} is gone, and no step`), 'the pane to say it was removed from outside');
    await r.press(KEYS.space, KEYS.space, KEYS.space);
    await ran(r, 4);
    expect(Object.keys(r.store.getState().problems).length).toBeGreaterThan(0);
    expect(r.store.getState().completed).not.toContain('fixture');
  });

  it('updates the kernel panel with the real segment and nattch, lights the flow, and ipcs agrees', async () => {
    const r = await draw({ width: 160, height: 48 });
    await r.waitFor((f) => f.includes('parent'), 'the flow');
    expect(inverseSpans(r.rawFrame()).some((s) => s.includes('mapping'))).toBe(false);

    await r.press(KEYS.space);
    await r.waitFor(() => focusOf(r) !== null && r.store.getState().busy === null, 'step 1 to run');
    const shmid = focusOf(r)!;
    let f = await r.waitFor((f) => screenRow(f, shmid) !== undefined, 'the new segment on screen');
    expect(screenRow(f, shmid)).toMatchObject({ key: '0x00000000', perms: '600', bytes: 4096, nattch: 0 });
    expect(ipcsRow(shmid)).toMatchObject({ key: '0x00000000', perms: '600', bytes: 4096, nattch: 0 });
    expect(f).toMatch(new RegExp(`\\d+ shmget\\(IPC_PRIVATE, 4096, 0600\\) = ${shmid}`));
    expect(f).toMatch(/ ✓ 1 shmget\(IPC_PRIVATE\)/);
    expect(f).toMatch(/ ▶ 2 shmat and write/);
    // nothing attached yet: the panel says so rather than attach to read (that would move nattch)
    expect(f).toContain("this segment's contents are not shown");
    for (let i = 0; i < 3; i++) r.store.getState().refreshKernel(true);
    expect(shmctlStat(shmid).ds).toMatchObject({ nattch: 0, atime: 0 });

    await r.press(KEYS.enter);
    f = await r.waitFor((f) => screenRow(f, shmid)?.nattch === 1 && f.includes('hello, 你·好·'), 'nattch 1 and the bytes');
    expect(ipcsRow(shmid)?.nattch).toBe(1);
    expect(f).toContain('68 65 6c 6c 6f 2c 20 e4 bd a0 e5 a5 bd 00');
    expect(f).toMatch(new RegExp(`shmat\\(${shmid}, NULL, 0\\) = 0x[0-9a-f]+`));
    expect(f).toMatch(/nattch 1/);
    expect(inverseSpans(r.rawFrame()).some((s) => s.includes('mapping'))).toBe(true);
    // reading the dump again and again goes through the lesson's own mapping: ipcs sees no change
    const before = shmctlStat(shmid).ds!;
    for (let i = 0; i < 5; i++) r.store.getState().refreshKernel(true);
    expect(shmctlStat(shmid).ds).toMatchObject({ nattch: 1, atime: before.atime, lpid: before.lpid });

    // IPC_RMID while attached: still listed, status dest, key 0 (until the last detach)
    await r.press(KEYS.space);
    f = await r.waitFor((f) => screenRow(f, shmid)?.status === 'dest', 'dest on screen');
    expect(screenRow(f, shmid)).toMatchObject({ key: '0x00000000', nattch: 1, status: 'dest' });
    expect(ipcsRow(shmid)).toMatchObject({ key: '0x00000000', nattch: 1, status: 'dest' });
    expect(f).toContain('mode 0600 (dest)');

    await r.press(KEYS.space);
    f = await r.waitFor((f) => f.includes('End of the lesson.'), 'the end of the lesson');
    await r.waitFor((f) => screenRow(f, shmid) === undefined, 'the segment gone from the screen');
    expect(ipcsRow(shmid)).toBeUndefined();
    expect(r.frame()).toMatch(/shmdt\(0x[0-9a-f]+\) = 0/);
    // finished: marked in the menu and in the progress file
    await r.press('m');
    f = await r.waitFor((f) => f.includes('Start over'), 'the menu');
    // ✓ finished, ▶ the cursor, • the lesson open
    expect(f).toMatch(/ ✓ ▶ • 1\. fixture/);
    expect(f).toMatch(/│ {7}2\. second/);
    expect(JSON.parse(readFileSync(join(r.state, 'ipclab', 'progress.json'), 'utf8'))).toEqual({ lesson: 'fixture', step: 4, completed: ['fixture'], ran: { fixture: 4 }, shown: { fixture: ['pid pid', 'IPC_PRIVATE ipc_private', ...PANE_SHM, 'IPC_STAT ipc_rmid'] }, answers: {} });
  });

  it('browses with → and ← without running, and runs strictly in order', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.press(KEYS.right);
    let f = await r.waitFor((f) => f.includes('step 2/4'), 'step 2 shown');
    expect(f).toContain('not run yet');
    expect(r.store.getState().done).toBe(0);
    await r.press('n', 'n');
    f = await r.waitFor((f) => f.includes('step 4/4: shmdt'), 'step 4 shown');
    await r.press(KEYS.right); // nothing beyond the last step before the lesson ran
    expect(r.store.getState().view).toBe(3);
    await r.press(KEYS.left, 'p', KEYS.left);
    f = await r.waitFor((f) => f.includes('step 1/4'), 'back at step 1');
    // Space on step 2's text runs step 1: running is always in order
    await r.press(KEYS.right, KEYS.space);
    await ran(r, 1);
    expect(r.store.getState().trace.filter((t) => t.type === 'call').map((t) => (t as { call: string }).call)).toEqual(['shmget']);
  });

  it('r resets the lesson and removes its segment', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.press(KEYS.space, KEYS.space);
    await ran(r, 2);
    const shmid = focusOf(r)!;
    expect(ipcsRow(shmid)?.nattch).toBe(1);
    await r.press('r', 'r'); // r asks once, a second resets
    await r.waitFor((f) => f.includes('lesson reset'), 'the reset');
    expect(ipcsRow(shmid)).toBeUndefined();
    expect(r.frame()).toContain(' ▶ 1 shmget');
  });
});

describe('menu, language, help, C code', () => {
  it('m opens the menu; ↓ Enter switches lesson (the old one cleaned up); Esc closes', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.press(KEYS.space);
    await r.waitFor(() => focusOf(r) !== null && r.store.getState().busy === null, 'step 1');
    const first = focusOf(r)!;
    await r.press('m');
    let f = await r.waitFor((f) => f.includes('Lessons'), 'the menu');
    expect(f).toContain('1. fixture');
    expect(f).toContain('2. second');
    expect(f).toContain('Start over');
    await r.press(KEYS.escape);
    // (step 1's result is in the Kernel pane, which the run showed)
    await r.waitFor((f) => f.includes('Flow  │ [Kernel]'), 'menu closed');
    await r.press('m', KEYS.down, KEYS.enter);
    f = await r.waitFor((f) => /^ ipclab {3}2\/2 second/.test(f), 'lesson 2 open');
    expect(f).toContain(' ▶ 1 shmget');
    await r.waitFor(() => r.store.getState().busy === null, 'switch done');
    expect(ipcsRow(first)).toBeUndefined();
  });

  it('the menu: PgDn and End stop at the last lesson, ↓ reaches "start over", which asks for a second Enter; the legend stays in view', async () => {
    const r = await draw({ width: 80, height: 24, lessons: LESSONS });
    await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
    await r.press('m', KEYS.pageDown, KEYS.pageDown);
    await r.waitFor(() => r.store.getState().menuCursor === LESSONS.length - 1, 'PgDn at the last lesson');
    r.store.getState().dispatch('menuLast');
    expect(r.store.getState().menuCursor).toBe(LESSONS.length - 1);
    let f = await r.waitFor((f) => f.includes('Marks: ▶ chosen'), 'the legend');
    await r.press(KEYS.down);
    f = await r.waitFor((f) => /▶ Start over/.test(f), 'start over chosen');
    expect(f).toContain('Marks: ▶ chosen  • open now  ✓ finished');
    await r.press(KEYS.enter);
    f = await r.waitFor((f) => f.includes('Enter again to forget all progress'), 'asked once');
    expect(r.store.getState().overlay).toBe('menu');
    // moving away takes the question back
    await r.press(KEYS.up, KEYS.down);
    await r.waitFor((f) => /▶ Start over/.test(f), 'asked no more');
    await r.press(KEYS.escape);
    await r.waitFor(() => r.store.getState().overlay === 'none', 'the menu closed');
    expect(r.store.getState().lessonIndex).toBe(0);
  });

  it('Enter in the menu shows the new lesson in the same update that closes the menu (one frame, not two)', async () => {
    const r = await draw({ width: 80, height: 24 });
    const { dispatch } = r.store.getState();
    dispatch('menu');
    dispatch('menuDown');
    dispatch('menuOpen');
    // synchronously, before the old lesson's cleanup has even started
    expect(r.store.getState()).toMatchObject({ overlay: 'none', lessonIndex: 1, run: null, done: 0, trace: [] });
    const f = await r.waitFor((f) => /^ ipclab {3}2\/2 second/.test(f), 'lesson 2 open');
    expect(f).toContain(' ▶ 1 shmget');
    await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'switch done');
  });

  it('l switches the language of the frame and the lesson', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.press('l');
    const f = await r.waitFor((f) => f.includes('测试课'), 'Chinese');
    expect(f).toContain('步骤 1/4');
    expect(f).toContain('课程');
    // (l itself gives way at 80 columns to the lesson's named keys, c and g, at every step: fixR3; the title bar names the languages)
    expect(f).toContain('EN | 中文');
    assertFits(r, 80, 24);
    await r.press('l');
    await r.waitFor((f) => f.includes('fixture — four real steps'), 'English again');
  });

  it('? shows every key from the keymap; any key closes it', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.press('?');
    const f = await r.waitFor((f) => f.includes('Keys'), 'help');
    for (const k of ['Space/Enter', '→/n', '←/p', 'q/Ctrl-C', 'Tab', 'PgUp', 'Esc']) expect(f).toContain(k);
    expect(f).not.toMatch(/↓ \d+ more/);
    await r.press('x');
    await r.waitFor((f) => !f.includes('any key closes'), 'help closed');
    expect(r.store.getState().done).toBe(0);
  });

  it('c shows the C program, scrollable, and c again goes back', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.press('c');
    const f = await r.waitFor((f) => f.includes('C code: shmat.c'), 'the C code');
    // numbered rows, the title says which (the step shown is where it opens: tests/app/code-pane.test.tsx)
    expect(f).toMatch(/│ +\d+ \S/);
    expect(f).toMatch(/↓ \d+ more/);
    // the pane's first row (a wrapped line's rows carry ↪, not a number)
    const firstLine = (f: string) => f.slice(f.indexOf('C code: shmat.c')).split('\n')[1];
    const first = firstLine(f);
    expect(first).toMatch(/^│ *(\d+(-\d+)?|↪) /);
    await r.press(KEYS.down, KEYS.down);
    await r.waitFor((f) => firstLine(f) !== first, 'scrolled');
    await r.press('c');
    await r.waitFor((f) => f.includes('┌─ Flow'), 'back to the flow');
  });
});

describe('an erratum proved in the lesson shown (nc83)', () => {
  it('names the step, not the lesson to leave, and says what Space does on the way back, in both languages', () => {
    const servClnt = { en: 'server and client', zh: '服务端与客户端' };
    for (const lang of ['en', 'zh'] as const) {
      const s = strings(lang);
      const ask = s.erratumAsk('E8', servClnt, 3, 6, true, false, 2);
      expect(ask).not.toMatch(/leave|离开/);
      // the steps it runs again, their questions skipped and not counted (fix13q#1)
      expect(ask).toContain(lang === 'en' ? 'rerun steps 1–2 (questions skipped, not counted)' : '重跑第 1–2 步（其中的题跳过，不计分）');
      // step 2: the one step before it; step 1: none, nothing rerun
      expect(s.erratumAsk('E3', servClnt, 2, 6, true, false, 1)).toContain(lang === 'en' ? 'rerun step 1 (its question skipped' : '重跑第 1 步（');
      expect(s.erratumAsk('E10', servClnt, 1, 6, true)).toMatch(lang === 'en' ? /reset, back to step 1; Esc: stay at step 6$/ : /回到第 1 步；按 Esc 留在第 6 步$/);
      // once there, the questions never answered on the way: how to get them back
      expect(s.erratumReady('E4', 7, { lesson: servClnt, step: 1, same: true }, 2)).toMatch(lang === 'en' ? /; ← shows 1–6, run first \(2 unasked: Space re-runs\)$/ : /；← 看先运行的第 1–6 步（2 题未答：按空格重新运行）$/);
      // none skipped: the steps run on the way are there to read, with the key that shows them
      expect(s.erratumReady('E4', 7, { lesson: servClnt, step: 1, same: true }, 0)).toMatch(lang === 'en' ? /; ← reads steps 1–6, run on the way$/ : /路上运行的第 1–6 步按 ← 可读$/);
      expect(s.erratumReady('E4', 1, null, 0)).not.toMatch(/←/);
      // Space runs the one step, then one step a Space back to where the learner was (fix12m#2)
      const ready = s.erratumReady('E8', 3, { lesson: servClnt, step: 6, same: true });
      expect(ready).not.toMatch(/menu|菜单|列表/);
      expect(ready).toMatch(lang === 'en' ? /\(then a Space a step to 6\); ← shows 1–2, run first$/ : /（再一步一空格回到第 6 步）；← 看先运行的第 1–2 步$/);
      // every form says the steps run on the way and that ← shows them (fix15a#4)
      for (const from of [null, { lesson: servClnt, step: 1, same: true }, { lesson: servClnt, step: 9, same: true }, { lesson: servClnt, step: 2, same: false }, { lesson: servClnt, step: 2, same: false, done: true }])
        for (const unasked of [0, 1]) expect(s.erratumReady('E4', 7, from, unasked)).toMatch(/←.*1–6|1–6.*←/);
      // another lesson: named by its title, never its id; the step left is named
      const away = s.erratumAsk('E5', { en: 'shmctl', zh: 'shmctl' }, 6, 2, false);
      expect(away).toMatch(lang === 'en' ? /shmctl step 6 \(you leave step 2\)/ : /离开本课第 2 步/);
      // the lesson left starts over from the menu, said in plain words with the key (fix12m#3)
      const back = s.erratumReady('E5', 6, { lesson: { en: 'parent, child', zh: '父子进程' }, step: 2, same: false });
      expect(back).toMatch(lang === 'en' ? /m: parent, child anew$/ : /m 回“父子进程”重新开始$/);
      expect(back).not.toMatch(/parent-child/);
      // a lesson left done stays done: m does not restart it (fix13q#2)
      const done = s.erratumReady('E5', 6, { lesson: servClnt, step: 6, same: false, done: true });
      expect(done).toMatch(lang === 'en' ? /m: server and client, done$/ : /“服务端与客户端”已完成（m）$/);
      expect(done).not.toMatch(/step 1|第 1 步/);
      // a re-run, worded by case: step 1 has no steps before it
      expect(s.rerun(1)).not.toMatch(/before|之前|再运行/);
      expect(s.rerun(2)).toMatch(lang === 'en' ? /and step 1$/ : /再运行了第 1 步/);
      expect(s.rerun(7)).toMatch(lang === 'en' ? /and steps 1–6$/ : /第 1–6 步/);
    }
  });
});

describe('quitting and progress', () => {
  it('q removes every segment of the lesson and saves where the learner was', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.press(KEYS.space, KEYS.space);
    await ran(r, 2);
    const shmid = focusOf(r)!;
    expect(readSegments().some((s) => s.shmid === shmid)).toBe(true);
    await r.quit();
    expect(readSegments().some((s) => s.shmid === shmid)).toBe(false);
    expect(ipcsRow(shmid)).toBeUndefined();
    // what the terminal is told once the screen is given back, in both languages
    const { removed, left } = r.store.getState().quitReport!;
    expect(removed).toEqual({ segments: 1, queues: 0, sets: 0 });
    expect(strings('en').quitReport(removed, left)).toBe('removed 1 segment; nothing of this run\'s left in the kernel');
    expect(strings('zh').quitReport(removed, left)).toBe('已删除 1 个共享内存段；这次运行没有在内核中留下任何对象');
    expect(strings('en').quitReport({ segments: 2, queues: 1, sets: 0 }, { segments: 0, queues: 0, sets: 1 })).toBe('removed 2 segments, 1 queue; still in the kernel, made by ipclab: 1 semaphore set (ipclab clean removes what ended runs left)');
    const saved = JSON.parse(readFileSync(join(r.state, 'ipclab', 'progress.json'), 'utf8'));
    // with what the run's trace showed of the glossary, for a later lesson's "New terms"
    expect(saved).toEqual({ lesson: 'fixture', step: 2, completed: [], ran: { fixture: 2 }, shown: { fixture: ['pid pid', 'IPC_PRIVATE ipc_private', ...PANE_SHM] }, answers: {} });
  });

  it('Ctrl-C takes the same way out', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.press(KEYS.space);
    await r.waitFor(() => focusOf(r) !== null && r.store.getState().busy === null, 'step 1');
    const shmid = focusOf(r)!;
    await r.press(KEYS.ctrlC);
    await r.waitFor(() => r.store.getState().finished, 'the app to finish');
    expect(ipcsRow(shmid)).toBeUndefined();
  });

  it('resumes by re-running the steps done, so the kernel holds what they made; --restart starts over', async () => {
    const a = await draw({ width: 80, height: 24 });
    await a.press(KEYS.space, KEYS.space);
    await ran(a, 2);
    await a.quit();

    const b = await draw({ lessons: again(), state: a.state, width: 80, height: 24 });
    await b.waitFor(() => b.store.getState().done === 2 && b.store.getState().busy === null, 'the replay');
    const f = await b.waitFor((f) => f.includes('resumed fixture'), 'the resume line');
    expect(f).toContain('step 3/4');
    const shmid = focusOf(b)!;
    expect(ipcsRow(shmid)?.nattch).toBe(1);
    // the last step replayed is marked in the Kernel pane as after any run (an erratum's jump,
    // which replays the same way, showed no "changed by step 5" / "step 5 changed nothing")
    expect(b.store.getState().before?.step).toBe(1);
    expect(b.store.getState().before?.after?.length).toBeGreaterThan(0);
    await b.quit();

    const c = await draw({ lessons: again(), state: a.state, width: 80, height: 24, restart: true });
    await c.waitFor((f) => f.includes('starting over at lesson 1'), 'the restart line');
    expect(c.store.getState().done).toBe(0);
    expect(existsSync(join(a.state, 'ipclab', 'progress.json'))).toBe(true);
  });

  it('after a finished lesson the next start opens the next one', async () => {
    const a = await draw({ width: 80, height: 24 });
    await a.press(KEYS.space, KEYS.space, KEYS.space, KEYS.space);
    await a.waitFor((f) => f.includes('End of the lesson.'), 'the end');
    await a.quit();
    const b = await draw({ lessons: again(), state: a.state, width: 80, height: 24 });
    await b.waitFor((f) => /^ ipclab {3}2\/2 second/.test(f), 'lesson 2');
    expect(b.store.getState().done).toBe(0);
    expect(b.store.getState().completed).toEqual(['fixture']);
  });

  it('presenter mode reveals the step text one sentence per Space before running it', async () => {
    const r = await draw({ width: 160, height: 48, present: true });
    let f = await r.waitFor((f) => f.includes('Make a segment.'), 'the first sentence');
    expect(f).not.toContain('It has no attachments yet.');
    await r.press(KEYS.space);
    f = await r.waitFor((f) => f.includes('It has no attachments yet.'), 'the second sentence');
    expect(r.store.getState().done).toBe(0);
    await r.press(KEYS.space);
    await ran(r, 1);
    f = await r.waitFor((f) => f.includes('Attach it.'), 'step 2, first sentence');
    expect(f).not.toContain('Then write a greeting.');
    // larger spacing: a blank line between the steps of the list
    expect(f).toMatch(/ ✓ 1 shmget\(IPC_PRIVATE\) +│[^\n]*\n│ +│[^\n]*\n│ ▶ 2 shmat and write/);
  });
});
