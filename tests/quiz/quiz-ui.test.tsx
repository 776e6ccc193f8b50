// Checkpoints and the end-of-lesson check on the real screen (ink-testing-library, the
// real store, engine and kernel): a right answer, a wrong one (its hint and the kernel's
// answer at once, no second try: a digit answers the next step's question), a skip, the check, the menu's score, --present and --no-quiz,
// at 80x24 and 160x48, in English and Chinese.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/app/strings.js';
import { cells } from '../../src/app/text-fit.js';
import { LESSONS } from '../../src/lessons/index.js';
import { appDrawer, checkReadable, KEYS, questionShown, ran, type Rendered } from '../helpers/render.js';

const draw = appDrawer('quiz', { lessons: LESSONS, lesson: 'shmget' });
const shmgetLesson = LESSONS.find((l) => l.id === 'shmget')!;

/** Space, then waits until `n` steps have run and the screen settled. */
async function runTo(r: Rendered, n: number): Promise<void> {
  await r.press(KEYS.space);
  // (a question left unanswered: ran presses the second Space)
  await ran(r, n);
}

function fits(r: Rendered, width: number, height: number): void {
  const lines = r.lines();
  expect(lines.length).toBe(height);
  for (const l of lines) expect(cells(l), l).toBeLessThanOrEqual(width);
}

/** The lesson pane's text at 160x48 (stacked, the left column), its wrapped lines joined. */
/** The lesson pane's rows as one text: rows joined by a space, none between two Chinese
 *  characters (Chinese wraps between words, with no space lost at the break). */
function paneText(r: Rendered): string {
  const cjk = /[\u3000-\u9fff\uff00-\uffef]/;
  return r
    .lines()
    .filter((l) => l.startsWith('│'))
    .map((l) => l.split('│')[1].trim())
    .reduce((text, row) => text + (cjk.test(text.slice(-1)) && cjk.test(row.slice(0, 1)) ? '' : ' ') + row, '')
    .replace(/\s+/g, ' ');
}

const verdicts = (r: Rendered) => r.store.getState().answers.shmget?.checkpoints ?? {};

describe('a checkpoint, 160x48', () => {
  it('en: the question and numbered choices before the step, the choice marked; right after the run, with the kernel’s answer', async () => {
    const r = await draw({ width: 160, height: 48 });
    await runTo(r, 1);
    await r.waitFor((f) => f.includes('Predict: The very same call again: what comes back?') && f.includes('[1] the same shmid') && f.includes('[3] an error: -1'), 'the question of step 2');
    await r.press('2');
    await r.waitFor((f) => f.includes('▶ [2] a new shmid'), 'choice 2 marked');
    await runTo(r, 2);
    await r.waitFor((f) => f.includes('✓ You chose [2] a new shmid. Right.'), 'graded right');
    expect(paneText(r)).toMatch(/✓ You chose \[2\] a new shmid\. Right\. shmget\(IPC_PRIVATE, 4096, 0600\) returned \d+/);
    // a right pick is not told why it would not be the answer
    expect(paneText(r)).not.toContain('Why not');
    expect(paneText(r)).not.toContain(shmgetLesson.checkpoints!.second!.choices[1].whyNot!.en.slice(0, 30));
    expect(verdicts(r)).toEqual({ second: 'right' });
    fits(r, 160, 48);
  });

  it('zh: h shows the hint before an answer; a wrong one shows the answer with why, the hint no more; the next digit answers the next step', async () => {
    const r = await draw({ width: 160, height: 48, lang: 'zh' });
    await runTo(r, 1);
    await r.waitFor((f) => f.includes('先猜一猜：原样再调用一次，会得到什么？'), 'the question in Chinese');
    await r.waitFor((f) => f.includes('h 提示'), 'h named for the hint before an answer');
    expect(r.frame()).not.toContain('提示：IPC_PRIVATE');
    await r.press('h');
    await r.waitFor((f) => f.includes('提示：IPC_PRIVATE 不是一个可供查找的名字。'), 'the hint on h, before an answer');
    await r.press('1');
    await r.waitFor((f) => f.includes('空格/Enter 运行；你的答案：1') && f.includes('提示：IPC_PRIVATE 不是一个可供查找的名字。'), 'the choice named under the question, its hint above');
    await runTo(r, 2);
    // wrong: why the pick is not the answer here (its whyNot), then the answer and why
    // (Chinese wraps with no space: the pane's rows joined with one, compared without)
    const f = await r.waitFor(() => paneText(r).replace(/ /g, '').includes('≠你选的是[1]同一个shmid。不对：只有key指向已有的共享内存段时shmget才返回它；IPC_PRIVATE不指向任何段。'), 'graded wrong, with why not');
    expect(f).not.toContain('提示：IPC_PRIVATE');
    expect(f).not.toContain('再选一次');
    expect(paneText(r).replace(/ /g, '')).toMatch(/≠你选的是\[1\]同一个shmid。不对：只有key.*IPC_PRIVATE不指向任何段。答案：\[2\]一个新的shmid。.*IPC_PRIVATE总是新建/);
    // only the pick's own: not the other wrong choice's, not the answer's
    for (const c of shmgetLesson.checkpoints!.second!.choices.slice(1)) expect(paneText(r)).not.toContain(c.whyNot!.zh.slice(0, 12));
    expect(verdicts(r)).toEqual({ second: 'wrong' });
    // the digit answers step 3's question (size 0), not step 2's again
    const before = r.store.getState().guesses;
    await r.press('2');
    expect(r.store.getState().guesses).toEqual({ ...before, 2: 1 });
    expect(verdicts(r)).toEqual({ second: 'wrong' });
    fits(r, 160, 48);
  });

  it('x skips (counted skipped), and Space without a choice runs the step and counts it skipped too', async () => {
    const r = await draw({ width: 160, height: 48 });
    await runTo(r, 1);
    await r.press('x');
    await r.waitFor((f) => f.includes('Skipped.'), 'skipped under the question');
    await runTo(r, 2);
    await r.waitFor((f) => f.includes('Skipped. Answer: [2] a new shmid.'), 'the answer after a skip');
    await runTo(r, 3);
    await runTo(r, 4);
    await r.waitFor((f) => f.includes('Answer: '), 'size-huge graded');
    expect(verdicts(r)).toEqual({ second: 'skipped', 'size-zero': 'skipped', 'size-huge': 'skipped' });
  });
});

describe('a replay never overwrites an answer (keepsVerdict)', () => {
  /** Step 2 answered with `choice` and run, then r: the lesson reset and step 1 run again. */
  async function answeredThenReset(choice: string, verdict: string) {
    const r = await draw({ width: 160, height: 48 });
    await runTo(r, 1);
    await r.press(choice);
    await runTo(r, 2);
    expect(verdicts(r)).toEqual({ second: verdict });
    await r.press('r', 'r'); // r asks once, a second resets
    await r.waitFor(() => r.store.getState().done === 0 && r.store.getState().busy === null, 'the reset');
    await runTo(r, 1);
    return r;
  }

  it('a wrong answer, then r and the step run again without a choice: still wrong, and the screen says it was answered before', async () => {
    const r = await answeredThenReset('1', 'wrong');
    await runTo(r, 2);
    // the same shape as a right one: the verdict, then the answer as listed (nc84)
    await r.waitFor((f) => /≠ Your answer on an earlier run was wrong\. Answer: \[\d\] /.test(paneText(r)), 'the earlier answer shown');
    expect(paneText(r)).not.toContain('Skipped.');
    expect(verdicts(r)).toEqual({ second: 'wrong' });
  });

  it('a right answer, then r: the question says a run without a choice keeps it, and the verdict says it was an earlier run', async () => {
    const r = await answeredThenReset('2', 'right');
    // (the keys line wraps between its entries: this one starts a row, and goes on under it)
    await r.waitFor(() => paneText(r).includes('Space/Enter runs (no choice: your earlier answer, right, stands)'), 'the question naming the earlier answer');
    await runTo(r, 2);
    await r.waitFor((f) => /✓ Your answer on an earlier run was right\. Answer: \[\d\] /.test(paneText(r)), 'the earlier right answer shown as such');
    expect(verdicts(r)).toEqual({ second: 'right' });
  });
});

/** The frame once `check` holds, paging up (at most 4 pages) while it does not: what a
 *  learner does when the next step's open question has pushed a verdict above the fold. */
async function upTo(r: Rendered, check: (f: string) => boolean, what: string): Promise<string> {
  await r.waitFor((f) => f.includes('PgUp') || check(f), `${what}, or PgUp named`);
  for (let page = 0; page < 4 && !check(r.frame()); page++) {
    const before = r.frame();
    await r.press(KEYS.pageUp);
    await r.waitFor((f) => f !== before, `page ${page + 1} up`);
  }
  return r.waitFor(check, what);
}

describe('80x24', () => {
  it('at 80x24 the notice of the step just run, the next step and its question open in view, no PgDn; in a shorter terminal the notice first, Enter opens the question whole and the notice gives way above it, the border naming it, PgUp brings it back; nothing is wider than 80', async () => {
    // the result of what the learner just did comes first (fix15g#1: nc162 met the next question
    // before the outcome of the last), as far as the open question, whole, leaves room (fix16e#1)
    // asks: false: Enter only brings the question (the helper would press on behind it)
    const short = await draw({ width: 80, height: 18, asks: false });
    await runTo(short, 1);
    // where the two do not both fit, the result first, the question behind Enter (fix17a)
    const first = await short.waitFor((f) => f.includes('Notice (step 1)') && /Space: step 2('s question| \+ question|'s text)/.test(f), 'the result first');
    expect(first).not.toContain('[3] an error: -1');
    fits(short, 80, 18);
    await short.press(KEYS.enter);
    // the border names the notice above by the string table's words (never pinned to old ones:
    // 'PgUp: notice (step 1)' since the pane gave each part one name)
    const opened = await short.waitFor((f) => f.includes('Predict: The very same call again') && f.includes('[3] an error: -1') && f.includes(strings('en').resultAbove(1)), 'the question whole, the result named above');
    expect(opened).not.toContain('Notice (step 1)');
    fits(short, 80, 18);
    // the pane's 6 rows page by 5: the notice's first line is a page or two up, each PgUp moving
    for (let page = 1; page <= 2 && !short.frame().includes('Notice (step 1)'); page++) {
      const before = short.frame();
      await short.press(KEYS.pageUp);
      await short.waitFor((f) => f !== before, `page ${page} up`);
    }
    await short.waitFor((f) => f.includes('Notice (step 1)'), 'the notice, at most two pages up');
    fits(short, 80, 18);
    await short.quit();
    // asks: false: the Enter that brings the question is the learner's last key before the pick
    const r = await draw({ width: 80, height: 24, asks: false });
    await runTo(r, 1);
    // step 1's notice and its New terms (the Kernel pane's words too) leave step 2's question
    // behind Space at 80x24: Enter brings it, whole, with no PgDn
    await questionShown(r);
    await r.waitFor((f) => f.includes('Predict: The very same call again') && f.includes('[3] an error: -1'), 'the question in view');
    expect(r.frame()).not.toContain('PgDn: predict');
    fits(r, 80, 24);
    await r.press('2');
    await runTo(r, 2);
    // step 3's question opens whole below it: the verdict is a PgUp up, as the border says
    await upTo(r, (f) => f.includes('✓ You chose [2] a new shmid. Right.'), 'graded at 80x24');
    fits(r, 80, 24);
  });

  // a wrong pick's verdict is longer by its whyNot: it and the answer after it still open in view
  for (const [lang, width, height] of [['en', 80, 24], ['zh', 80, 24], ['zh', 120, 34], ['en', 120, 34]] as const)
    it(`${lang} ${width}x${height}: a wrong pick shows why not (its whyNot), then the answer, in view`, async () => {
      const r = await draw({ width, height, lang });
      await runTo(r, 1);
      await questionShown(r);
      await r.press('3');
      await runTo(r, 2);
      const eexist = shmgetLesson.checkpoints!.second!.choices[2];
      const flat = (f: string) => f.replace(/[│┃|\s]+/g, ' ');
      const chose = lang === 'en' ? `≠ You chose [3] an error: -1. Why not: ${eexist.whyNot!.en}` : `≠ 你选的是 [3] 错误：返回 -1。不对：${eexist.whyNot!.zh}`;
      const answer = lang === 'en' ? 'Answer: [2] a new shmid.' : '答案：[2] 一个新的 shmid。';
      // step 3's question opens whole below it: the verdict is PgUp up, as the border says
      const f = await upTo(r, (f) => flat(f).includes(flat(chose).slice(0, 12)) && flat(f).includes(flat(answer).slice(0, 8)), 'the verdict');
      // the text wraps beside the step list (or a pane beside it): compared without blanks and
      // borders, in order, with no more between two characters than a row's end and the next start
      const tight = (t: string) => t.replace(/[│┃|\s]+/g, '');
      const inView = (text: string): boolean => {
        const [screen, want] = [tight(f), tight(text)];
        let at = screen.indexOf(want.slice(0, 6));
        if (at < 0) return false;
        for (const ch of want) {
          const next = screen.indexOf(ch, at);
          if (next < 0 || next - at > 80) return false;
          at = next + 1;
        }
        return true;
      };
      expect(inView(chose), f).toBe(true);
      // and pieces of it whole: the verdict's turn to the whyNot, the whyNot's end
      expect(inView(lang === 'en' ? '-1. Why not: shmget' : '-1。不对：只有 key'), f).toBe(true);
      // side by side (120x34) the Kernel pane's row runs between two of its rows: the whole text is checked above
      if (width === 80) expect(tight(f)).toContain(tight(lang === 'en' ? 'new one; not' : 'shmget 才拒绝；IPC_PRIVATE 不是这样的'));
      expect(flat(f)).not.toContain(lang === 'en' ? 'Not quite' : '不对。');
      expect(inView(answer), f).toBe(true);
      fits(r, width, height);
    });

  it('zh at 80x24 fits too', async () => {
    const r = await draw({ width: 80, height: 24, lang: 'zh' });
    await runTo(r, 1);
    // a question that does not fit under the notice waits behind Space ("▸ 空格：第 2 步的问题"):
    // the longer New terms line of every word shown (s25b) put shmget 2's there
    if (r.frame().includes('空格：第 2 步的问题')) await r.press(KEYS.space);
    else await r.press(KEYS.pageDown, KEYS.pageDown, KEYS.pageDown);
    await r.waitFor((f) => f.includes('先猜一猜'), 'the question in view');
    fits(r, 80, 24);
  });
});

describe('the end-of-lesson check, the menu and progress', () => {
  it('three questions after the last step, each with its answer and why; the menu and progress.json keep the score', async () => {
    const r = await draw({ width: 160, height: 48 });
    await runTo(r, 1);
    await r.press('3'); // wrong: a new shmid
    await runTo(r, 2);
    await r.press('3'); // right: EINVAL
    for (let n = 3; n <= 6; n++) await runTo(r, n);
    await r.waitFor(() => paneText(r).includes('Check 1/3: A program makes a segment with IPC_PRIVATE and prints its shmid.'), 'check question 1');
    await r.press('2'); // right: yes, if the mode lets it in
    await r.waitFor(() => paneText(r).includes('Check 2/3: On Linux, what is the least size a new segment may have'), 'check question 2');
    // a check question is answered once it has been on screen a moment (store/quiz.ts CHECK_READ_MS)
    await checkReadable(r, 1);
    await r.press('2'); // wrong: the least is 1 byte
    await r.waitFor(() => paneText(r).includes('Check 3/3: shmget(IPC_PRIVATE, 4096, 0640)'), 'check question 3');
    await checkReadable(r, 2);
    await r.press('x');
    await r.waitFor(() => paneText(r).includes('Check: 1 right of 2 answered, 1 skipped.'), 'the check’s score');
    expect(paneText(r)).toContain("Answer: [1] 1 byte. SHMMIN, the least size, is 1 on Linux (step 3's trace). ipcs lists a 1-byte segment as 1 byte; the kernel still gives it a whole page, which no pane shows.");
    // a right answer names the choice too, as a checkpoint's verdict does (fix20a#3)
    expect(paneText(r)).toMatch(/✓ Check 1\/3: [^]*You chose \[2\] [^]*\. Right\. /);
    const saved = JSON.parse(readFileSync(join(r.state, 'ipclab', 'progress.json'), 'utf8'));
    expect(saved.answers.shmget).toEqual({ checkpoints: { second: 'wrong', 'size-zero': 'right', 'size-huge': 'skipped' }, check: { 0: 'right', 1: 'wrong', 2: 'skipped' } });
    await r.press('m');
    const menu = await r.waitFor((f) => f.includes('Lessons'), 'the menu');
    expect(menu).toMatch(/Predict\s+Check\s+Lesson/);
    // right of answered: the skipped one is not counted as answered
    expect(menu).toMatch(/2\. shmget\s+1\/2\s+1\/2\s+shmget — create a private segment/);
  });
});

describe('--present and --no-quiz', () => {
  it('--present: the grading waits for v', async () => {
    const r = await draw({ width: 160, height: 48, present: true });
    // presenter mode reveals the step's text sentence by sentence before Space runs it
    while (r.store.getState().done < 1) await r.press(KEYS.space);
    await ran(r, 1);
    while (!r.frame().includes('Predict: The very same call again')) await r.press(KEYS.space);
    await r.press('2');
    while (r.store.getState().done < 2) await r.press(KEYS.space);
    await r.waitFor((f) => f.includes('v reveals what the run gave'), 'waiting for the teacher');
    expect(r.frame()).not.toContain('✓ You chose [2] a new shmid. Right.');
    await r.press('v');
    await r.waitFor((f) => f.includes('✓ You chose [2] a new shmid. Right.'), 'revealed');
  });

  it('--no-quiz: no question, no check, digits do nothing', async () => {
    const r = await draw({ width: 160, height: 48, quiz: false });
    await runTo(r, 1);
    await r.press('2');
    const f = r.frame();
    expect(f).toContain('The very same call again');
    expect(f).not.toContain('Predict');
    expect(r.store.getState().guesses).toEqual({});
  });
});
