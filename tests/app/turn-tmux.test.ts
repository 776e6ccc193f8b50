// The your-turn form in a real terminal (tmux): keys one at a time and several in one
// write, an invalid value then a valid one, at 80x24 in English and 120x34 in Chinese;
// q quits once the form is left, and nothing the run made stays in the kernel.
import { describe, expect, it } from 'vitest';
import { readSegments } from '../../src/native/index.js';
import { tmuxForFile } from '../helpers/tmux.js';

const { tmux, ipclab } = tmuxForFile('ipclab-turn-tmux-');

function launch(lesson: string, lang: 'en' | 'zh', width: number, height: number): { session: string; pid: number } {
  const session = ipclab(['--lesson', lesson, '--lang', lang], { width, height });
  return { session, pid: tmux.pane(session).pid };
}

async function quitClean(session: string, pid: number): Promise<void> {
  // the lesson's segment is there until q: the check after it can fail
  expect(readSegments().some((s) => s.cpid === pid)).toBe(true);
  tmux.send(session, 'q');
  expect(await tmux.waitForExit(session)).toBe(0);
  expect(readSegments().filter((s) => s.cpid === pid)).toEqual([]);
}

describe('your turn in a real terminal', () => {
  it('80x24 en, shmdt: an offset out of range is refused, 100 writes the text there', async () => {
    const { session, pid } = launch('shmdt', 'en', 80, 24);
    await tmux.waitFor(session, (s) => s.includes("Space: the lesson's own ("), 'the form summary under step 1', 30_000);
    tmux.send(session, 'y');
    await tmux.waitFor(session, (s) => s.includes('▸ text:'), 'the text field focused');
    // one key at a time: erase the form's default text ("ipclab", 6 characters)
    for (let i = 0; i < 6; i++) tmux.send(session, 'BSpace');
    // several at once: one write of letters that are also keys (q m r l n)
    tmux.send(session, 'qmrln', 'Tab', 'BSpace', 'BSpace', '5000', 'Enter');
    await tmux.waitFor(session, (s) => s.includes('offset: 5000 is out of range'), 'the error for 5000');
    tmux.send(session, 'BSpace', 'BSpace', 'BSpace', 'BSpace', '100', 'Enter');
    await tmux.waitFor(session, (s) => s.includes('step 2/') && !s.includes('running…'), 'step 1 run with the values');
    // the run showed its result's pane (src/lessons/result-pane.ts): Tab on to the Trace
    await tmux.tabTo(session, 'Trace', 'the Trace tab');
    // the trace ends on the lesson's own write after the learner's: ↑ scrolls up to the learner's
    const deadline = Date.now() + 15_000;
    while (!tmux.capture(session).includes('+100, "qmrln")')) {
      expect(Date.now() < deadline, `the write at +100 in the trace:\n${tmux.capture(session)}`).toBe(true);
      tmux.send(session, 'Up');
      await tmux.waitFor(session, () => true, 'the trace redrawn');
    }
    await quitClean(session, pid);
  });

  it.each([
    ['en', 80, 24, "Space: the lesson's own (", '▸ offset:', 'typing edits at the cursor'],
    ['zh', 120, 34, '空格：本课自己的取值（', '▸ 偏移', '插在光标处'],
  ] as const)('%s %sx%s, shmdt: typing edits at the cursor, which starts at the end of a field just reached, as the form says (keys sent in quick writes; issue 16)', async (lang, width, height, summary, field, edits) => {
    const { session, pid } = launch('shmdt', lang, width, height);
    await tmux.waitFor(session, (s) => s.includes(summary), 'the form summary under step 1', 30_000);
    tmux.send(session, 'y', 'Tab');
    await tmux.waitFor(session, (s) => s.includes(field) && /13[▏_]/.test(s) && s.includes(edits), 'the offset field, the cursor after 13');
    // in one write: the typing goes after the value (13), never in place of it
    tmux.send(session, '7');
    await tmux.waitFor(session, (s) => /137[▏_]/.test(s) && s.includes(edits), 'offset 137, the form saying the same');
    // reached again, the cursor is at the end again
    tmux.send(session, 'Tab', 'Tab', '9');
    await tmux.waitFor(session, (s) => /[▸>] [^\n]*1379[▏_]/.test(s) && s.includes(edits), 'offset 1379');
    tmux.send(session, 'C-u', '9');
    await tmux.waitFor(session, (s) => /[▸>] [^\n]*[^0-9]9[▏_]/.test(s), 'Ctrl-U then 9: offset 9');
    tmux.send(session, 'Escape');
    await tmux.waitFor(session, (s) => s.includes(summary), 'the form left');
    // nothing ran: q quits at once, and no segment of this run is there
    tmux.send(session, 'q');
    expect(await tmux.waitForExit(session)).toBe(0);
    expect(readSegments().filter((s) => s.cpid === pid)).toEqual([]);
  });

  it('120x34 zh, shmctl: mode 0999 is not octal, 0604 is set and explained', async () => {
    const { session, pid } = launch('shmctl', 'zh', 120, 34);
    await tmux.waitFor(session, (s) => s.includes('步骤 1/'), 'the first frame', 30_000);
    // one Space a read: a key in the same read as the one that ran a step is not used
    tmux.send(session, 'Space');
    await tmux.waitFor(session, (s) => s.includes('步骤 2/8') && !s.includes('运行中'), 'step 1 run');
    tmux.send(session, 'Space');
    // step 3's question (with the form's summary) may wait behind one more Space under step 2's
    // longer New terms line ("▸ 空格：第 3 步的问题")
    const summary = (s: string) => s.includes('空格：本课自己的取值（') && !s.includes('运行中');
    const behind = await tmux.waitFor(session, (s) => summary(s) || (s.includes('空格：第 3 步的问题') && !s.includes('运行中')), 'the form summary or step 3\'s question behind Space');
    if (!summary(behind)) tmux.send(session, 'Space');
    await tmux.waitFor(session, summary, 'the form summary under step 3');
    tmux.send(session, 'y', 'BSpace', 'BSpace', 'BSpace', 'BSpace', '0999', 'Enter');
    await tmux.waitFor(session, (s) => s.includes('0999 不是八进制数'), 'the error for 0999');
    tmux.send(session, 'BSpace', 'BSpace', 'BSpace', 'BSpace', '0604', 'Enter');
    // the question fits any mode and waits for an answer before the learner's values run
    await tmux.waitFor(session, (s) => s.includes('空格：你的取值（权限 = 0604）') && s.includes('[1] IPC_SET 收到的那个权限'), 'the question, with the values kept');
    tmux.send(session, '1', 'Space');
    await tmux.waitFor(session, (s) => s.includes('权限现在是 604'), 'the result of IPC_SET with 0604');
    await quitClean(session, pid);
  });
});
