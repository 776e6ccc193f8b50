// The your-turn form through Ink's own input (ink-testing-library), at 80x24 and 160x48 in
// both languages: y focuses the form, typing edits the field (letters are input, not
// keys), an invalid value gives one line and runs nothing, a valid one runs the step with
// it and the trace explains the result; Esc puts the lesson's values back. Nothing stays.
import { afterEach, describe, expect, it } from 'vitest';
import { traceLines } from '../../src/app/components/trace-view.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import { lessonById } from '../../src/lessons/index.js';
import { getpid } from '../../src/native/index.js';
import { appDrawer, KEYS, questionShown, ran, type Rendered } from '../helpers/render.js';
import { segmentsCreatedBy } from '../lessons/helpers.js';

// registered before the drawer's: runs after it has quit every app
afterEach(() => {
  expect(segmentsCreatedBy(getpid())).toEqual([]);
});
const draw = appDrawer('turn', { lessons: [lessonById('shmget')!] });

function start(width: number, height: number, lang: 'en' | 'zh', lesson = 'shmget'): Promise<Rendered> {
  return draw({ width, height, lang, lessons: [lessonById(lesson)!] });
}

const WORDS = {
  en: { turn: 'Your turn', wrong: "size: 'x7q' is not a whole number", what: 'type a whole number', ran: 'Your values: shmget(IPC_PRIVATE, 8192, 0600) succeeded', heading: '── step 3 with your values: size 8192, shmflg 0600 ─', own: 'step 2: ' },
  zh: { turn: '轮到你', wrong: '大小：“x7q”不是整数', what: '请输入', ran: '你的取值：shmget(IPC_PRIVATE, 8192, 0600) 成功', heading: '── 步骤 3，用你的取值：大小为 8192，shmflg 为 0600 ─', own: '步骤 2：' },
};

/** ftok at 80x24 with step 1 run: step 2, whose form and question the tests below work on. */
async function ftokAfterStep1(asks?: false): Promise<Rendered> {
  const r = await draw({ width: 80, height: 24, lang: 'en', lessons: [lessonById('ftok')!], ...(asks === false ? { asks } : {}) });
  await r.press(KEYS.space);
  await ran(r, 1);
  await questionShown(r);
  return r;
}


/** The run with the learner's id said so in the trace. */
function expectIdDiffers(r: Rendered): void {
  const said = r.store.getState().trace.find((e) => e.type === 'event' && e.turn);
  expect(said?.type === 'event' && said.text.en).toContain('the id differs');
}

describe('your turn in the lesson pane', () => {
  for (const [width, height] of [[80, 24], [160, 48]] as const) {
    for (const lang of ['en', 'zh'] as const) {
      it(`${width}x${height} ${lang}: an invalid size runs nothing, 8192 runs the step with it`, async () => {
        const w = WORDS[lang];
        const r = await start(width, height, lang);
        // a Space a step: the first may bring step 1's unread rest (fix24l); ran presses on
        for (const k of [1, 2]) {
          await r.press(KEYS.space);
          await ran(r, k);
        }
        await questionShown(r);
        // step 3 asks first (what size 0 gets): the learner predicts, then opens the form
        await r.press('3', 'y');
        // at 80x24 the form's heading may be above the fold: the answered question below keeps its rows
        await r.waitFor((f) => (width > 80 ? f.includes(w.turn) : /▸ (size|大小)/.test(f)) && r.store.getState().turnFocus === 0, 'the form, its first field focused');
        // q, m, r, l: letters are input here, not keys
        await r.press('\x7f', 'x7q');
        await r.press(KEYS.enter);
        await r.waitFor((f) => f.includes(w.wrong), 'the error, in the form');
        expect(r.store.getState().turnError?.[lang]).toContain(w.what);
        expect(r.store.getState().done).toBe(2);
        expect(r.store.getState().lang).toBe(lang);
        await r.press('\x7f', '\x7f', '\x7f', '8192', KEYS.enter);
        await r.waitFor(() => r.store.getState().done === 3 && r.store.getState().busy === null, 'step 3 run with 8192');
        const trace = r.store.getState().trace;
        expect(trace.some((e) => e.type === 'call' && e.c === 'shmget(IPC_PRIVATE, 8192, 0600)' && e.errno === null)).toBe(true);
        expect(trace.some((e) => e.type === 'event' && e.text[lang].startsWith(w.ran))).toBe(true);
        // then the lesson's own size 0, which the notice and the check are about, runs in sight
        const shmgets = trace.filter((e) => e.type === 'call' && e.call === 'shmget').map((e) => e.type === 'call' && `${e.c} ${e.errno}`);
        expect(shmgets.slice(-2)).toEqual(['shmget(IPC_PRIVATE, 8192, 0600) null', 'shmget(IPC_PRIVATE, 0, 0600) EINVAL']);
        expect(r.store.getState().turnFocus).toBeNull();
        // the trace heads the step run with the learner's values so, the others by their titles alone
        const headings = traceLines(trace, r.store.getState().stepStarts, lessonById('shmget')!, lang, 120, strings(lang), false).map(lineText).filter((l) => l.startsWith('──'));
        expect(headings.some((l) => l.includes(w.heading))).toBe(true);
        expect(headings.some((l) => l.includes(w.own))).toBe(true);
      });
    }
  }

  it('Shift-Tab goes back a field; Esc puts the lesson\'s values back; Space then runs the step with them (EINVAL)', async () => {
    const r = await start(80, 24, 'en');
    // a Space a step: the first may bring step 1's unread rest (fix24l); ran presses on
    for (const k of [1, 2]) {
      await r.press(KEYS.space);
      await ran(r, k);
    }
    // Backspace edits the size the form opens with; → keeps the flags for editing from their end
    await r.press('y', '\x7f', '4096', KEYS.tab, KEYS.right, '|IPC_CREAT');
    await r.waitFor((f) => f.includes('0600|IPC_CREAT'), 'the flags typed');
    await r.press('\x1b[Z');
    await r.waitFor(() => r.store.getState().turnFocus === 0, 'Shift-Tab back to the size');
    await r.press(KEYS.escape);
    await r.waitFor(() => r.store.getState().turnFocus === null && r.store.getState().turnTyped === null, 'the form left');
    await r.press(KEYS.space);
    await ran(r, 3);
    const last = r.store.getState().trace.filter((e) => e.type === 'call').at(-1);
    expect(last).toMatchObject({ c: 'shmget(IPC_PRIVATE, 0, 0600)', errno: 'EINVAL' });
  });

  it('y where there is no form says where it works; while the form is edited the key bar shows its keys', async () => {
    const r = await start(80, 24, 'en');
    await r.press('y');
    await r.waitFor((f) => f.includes('y: this step has no form of values; y works on step 3'), 'y on step 1 names step 3');
    // a Space a step: the first may bring step 1's unread rest (fix24l); ran presses on
    for (const k of [1, 2]) {
      await r.press(KEYS.space);
      await ran(r, k);
    }
    await r.press('3', 'y');
    await r.waitFor((f) => f.includes('Tab field') && f.includes('Esc cancel') && !f.includes('Space run'), 'the form keys in the key bar');
    await r.press(KEYS.escape);
    await r.waitFor((f) => f.includes('Space run 3'), 'the main keys back');
    await r.press(KEYS.left, 'y');
    await r.waitFor((f) => f.includes('go to step 3'), 'in review y names the current step');
  });

  it('y in review with no form left names the lessons that have forms, whole at 80 columns; on a step that ran, r', async () => {
    const r = await start(80, 24, 'en', 'shmdt');
    await r.press(KEYS.space);
    await ran(r, 1);
    await r.press(KEYS.space);
    await ran(r, 2);
    await r.press(KEYS.left, 'y');
    await r.waitFor((f) => f.includes('y: no form left here (forms in'), 'no form left, said');
    const said = r.frame().split('\n').find((l) => l.includes('no form left here'))!;
    // the list ends inside the line: nothing cut at 80 columns
    expect(said).toMatch(/\(forms in [a-z, -]+\)/);
    await r.press(KEYS.left, 'y');
    await r.waitFor((f) => f.includes('y: step 1 has run; to change its values, r resets the lesson'), 'the step that ran: r');
  });

  it('y in a lesson without forms says it has none, and lists the lessons with forms with the language\'s separator (nc84)', async () => {
    const r = await draw({ width: 80, height: 24, lang: 'en', lessons: ['overview', 'shmget', 'shmdt'].map((id) => lessonById(id)!) });
    await r.press('y');
    await r.waitFor((f) => f.includes('y: no form here (forms in '), 'no form, said');
    await r.press('l');
    await r.waitFor((f) => f.includes('┌─ 课程'), 'Chinese');
    await r.press('y');
    const f = await r.waitFor((f) => f.includes('y：本课没有表单（表单在 '), 'in Chinese');
    const said = f.split('\n').find((l) => l.includes('本课没有表单'))!;
    expect(said).not.toMatch(/[a-z], [a-z]/);
    expect(said).toMatch(/[a-z]、[a-z]/);
  });

  it.each([
    ['en', 'a'.repeat(70), 'text: 70 bytes; type at most 64 (a Chinese character is 3 bytes)', 'text: 69 bytes; type at most 64'],
    ['zh', '好'.repeat(30), '文字：90 字节，太长；最多 64 字节（一个汉字占 3 字节）', '文字：87 字节，太长；最多 64 字节'],
  ] as const)('%s: text past a text field\'s limit is held whole and refused on one line, how many bytes and the limit, as any bad value (newcomers: 70 x\'s were cut to 64)', async (lang, typed, said, lessOne) => {
    const r = await start(80, 24, lang, 'shmdt');
    // typing edits at the cursor: Ctrl-U clears the form's text first
    await r.press('y', '\x15', typed);
    await r.waitFor((f) => f.includes(said), 'the refusal said');
    // nothing cut: the field holds all that was typed
    expect(r.store.getState().turnTyped!.typed.text).toBe(typed);
    expect(r.frame().split('\n').filter((l) => l.includes(said.slice(0, 12)))).toHaveLength(1);
    // it stays while the focus moves (no edit)
    await r.press(KEYS.tab, KEYS.up);
    await r.waitFor(() => r.store.getState().turnFocus === 0, 'back on the text');
    expect(r.frame()).toContain(said);
    // Enter runs nothing: the same line
    await r.press(KEYS.enter);
    await r.waitFor((f) => f.includes(said) && r.store.getState().turnFocus === 0, 'Enter refused');
    expect(r.store.getState().done).toBe(0);
    // each edit counts again, until the text fits
    await r.press(KEYS.right, '\x7f');
    await r.waitFor((f) => f.includes(lessOne), 'the count after Backspace');
    expect(r.store.getState().done).toBe(0);
    expect(r.store.getState().trace.some((e) => e.type === 'call')).toBe(false);
  });

  it('a paste far past a text field\'s limit (a runaway) is cut at four times it, and said by the same line with all it had', async () => {
    const r = await start(80, 24, 'en', 'shmdt');
    await r.press('y', '\x15', 'b'.repeat(300));
    await r.waitFor((f) => f.includes('text: 300 bytes; type at most 64'), 'all 300 counted');
    expect(r.store.getState().turnTyped!.typed.text).toBe('b'.repeat(256));
  });

  it.each([
    ['en', 'offset: took 62 of 70 characters; the field holds at most 64 characters', "offset: '9' was not taken; the field holds at most 64 characters"],
    ['zh', '偏移：70 个字符只收下了 62 个；这一栏最多 64 个字符', '偏移：“9”没有输入进去；这一栏最多 64 个字符'],
  ] as const)('%s: a paste past a number field\'s 64 characters, after the value it holds, is refused on one line; so is one key more; an edit ends the line', async (lang, paste, key) => {
    const r = await start(80, 24, lang, 'shmdt');
    const offset = () => r.store.getState().turnTyped?.typed.offset;
    // the offset holds 13: the paste goes after it, as far as the limit
    await r.press('y', KEYS.tab, '1'.repeat(70));
    // the pane's rows joined: a line wraps at 80 columns
    const joined = (f: string) => f.replace(/\s*│\s*\n\s*│[^│]*│\s*/g, lang === 'en' ? ' ' : '');
    await r.waitFor((f) => joined(f).includes(paste), 'the paste refused, what was taken said');
    expect(offset()).toBe(`13${'1'.repeat(62)}`);
    expect(r.frame().split('\n').filter((l) => l.includes(paste.slice(0, 10)))).toHaveLength(1);
    // the field shows the end it holds, and a mark where its start is out of sight
    expect(r.frame()).toMatch(/▸ (offset|偏移)[:：] ?…1+▏/);
    await r.press('9');
    await r.waitFor((f) => joined(f).includes(key) && !joined(f).includes(paste), 'one key more, refused');
    expect(offset()).toHaveLength(64);
    await r.press('\x1b[H');
    await r.waitFor((f) => /▸ (offset|偏移)[:：] ?▏131+…/.test(f), 'Home: the start in sight, a mark where the rest goes on');
    await r.press('\x1b[3~');
    await r.waitFor((f) => !joined(f).includes(key) && offset()?.length === 63, 'Del: the line gone');
    expect(r.store.getState().trace.some((e) => e.type === 'call')).toBe(false);
  });

  it('a rule between fields: shmdt\'s offset 4090 with the lesson\'s text gives one line, the offset focused, nothing run', async () => {
    const r = await start(80, 24, 'en', 'shmdt');
    // the text field's default is "ipclab" (6 bytes and a NUL): 4089 is the last offset it fits at
    await r.press('y', KEYS.tab, '\x15', '4090', KEYS.enter);
    await r.waitFor((f) => f.includes('type an offset up to 4089'), 'the rule\'s line');
    expect(r.store.getState().turnFocus).toBe(1);
    expect(r.store.getState().done).toBe(0);
    expect(r.store.getState().trace.some((e) => e.type === 'call')).toBe(false);
  });

  it('a choice field is picked with ← / →, takes no typing; a prediction is graded on the lesson\'s own values run after the learner\'s, said before the run', async () => {
    const r = await ftokAfterStep1();
    await r.press('1', 'y');
    await r.waitFor((f) => f.includes('typing edits at the cursor') && r.store.getState().turnFocus === 0, 'the form');
    // the lesson's values are still in it: nothing to say yet
    expect(r.frame()).not.toContain('graded on');
    const typed = () => r.store.getState().turnTyped?.typed.file;
    await r.press(KEYS.tab);
    await r.waitFor((f) => r.store.getState().turnFocus === 1 && f.includes('← unchanged →'), 'the file field, its value between arrows');
    const rows = r.frame().split('\n').length;
    await r.press('x', ' ');
    // a key typed on a choice is not dropped unseen: the status line says it is picked
    await r.waitFor((f) => f.includes('file: a choice, not typed; ← → pick the value'), 'typing on a choice, said');
    expect(typed()).toBe('keep');
    await r.press(KEYS.right);
    await r.waitFor(() => typed() === 'recreate', '→: the next value');
    await r.press(KEYS.left, KEYS.left);
    await r.waitFor(() => typed() === 'delete', '← twice: round to the last value');
    await r.press(KEYS.right, KEYS.tab);
    await r.waitFor(() => r.store.getState().turnFocus === 0 && typed() === 'keep', 'back to keep, focus on the id');
    expect(r.frame().split('\n').length).toBe(rows);
    await r.press('\x7f', 'U');
    await r.waitFor((f) => f.replace(/\s*│\s*\n\s*│[^│]*│\s*/g, ' ').includes("graded on the lesson's own run, right after yours"), 'values of its own: the answer is graded on the lesson\'s run after');
    expect(r.frame()).not.toContain('set aside');
    await r.press(KEYS.enter);
    await r.waitFor(() => r.store.getState().done === 2 && r.store.getState().busy === null, 'step 2 run with U');
    // the answer made before is graded: the lesson's own hard link gives ftok(path, 'S')'s key
    expect(r.store.getState().graded[1]?.answer).toBe(0);
    await r.press(KEYS.pageDown);
    await r.waitFor((f) => f.includes('✓'), 'the verdict on answer 1');
    expectIdDiffers(r);
  });

  it('y before answering keeps the question: Enter leaves the form with the values kept, asks for the answer, then y and Enter run them', async () => {
    const r = await ftokAfterStep1();
    await r.press('y', '\x7f', 'U');
    await r.waitFor(() => r.store.getState().turnTyped?.typed.id === 'U', 'id U typed');
    await r.waitFor((f) => f.includes('hard link to the same file'), 'the question stays in sight under the form');
    await r.press(KEYS.enter);
    await r.waitFor((f) => r.store.getState().turnFocus === null && f.includes('answer the question first'), 'asked for the answer, nothing run');
    expect(r.store.getState().done).toBe(1);
    await r.press('2', 'y');
    await r.waitFor(() => r.store.getState().turnFocus === 0 && r.store.getState().turnTyped?.typed.id === 'U', 'the values kept');
    await r.press(KEYS.enter);
    await r.waitFor(() => r.store.getState().done === 2 && r.store.getState().busy === null, 'step 2 run with U');
    expect(r.store.getState().graded[1]?.answer).toBe(0);
  });

  it('keys typed on after the key that closed the form, in one read, are not used (fix15a2#3): h shows no hint, 3 answers nothing', async () => {
    const r = await ftokAfterStep1();
    await r.press('y', '\x7f', 'U');
    await r.waitFor(() => r.store.getState().turnTyped?.typed.id === 'U', 'id U typed');
    // Enter keeps the values (the question waits), then h and 3 in the same read
    await r.press(`${KEYS.enter}h3`);
    await r.waitFor((f) => r.store.getState().turnFocus === null && f.includes('2 keys typed after the form closed not used'), 'the two keys said not used');
    expect(r.store.getState().guesses[1]).toBeUndefined();
    expect(r.store.getState().hints[1]).toBeUndefined();
    // a key of its own read, once the form is gone, is used
    await r.press('2');
    await r.waitFor(() => r.store.getState().guesses[1] === 1, 'answer 2 taken');
    // Enter that runs the step: an e typed on (no key about the steps) opens no errata
    await r.press('y');
    await r.waitFor(() => r.store.getState().turnFocus === 0, 'the form again');
    await r.press(`${KEYS.enter}e`);
    await r.waitFor((f) => r.store.getState().done === 2 && r.store.getState().busy === null && f.includes('1 key typed after the form closed not used'), 'step 2 run, the e said not used');
    expect(r.store.getState().overlay).toBe('none');
  });

  it('values kept for the answer: the summary shows them; Space runs them once answered', async () => {
    const r = await ftokAfterStep1();
    await r.press('y', '\x7f', 'U', KEYS.enter);
    await r.waitFor((f) => r.store.getState().turnFocus === null && f.includes('answer the question first'), 'asked for the answer');
    await r.waitFor((f) => f.includes('id = U') && f.includes('Space/Enter runs yours'), 'the summary and the key line say the kept values');
    await r.press('2', KEYS.space);
    await ran(r, 2);
    expectIdDiffers(r);
  });

  it('kept values and no answer: the first Space asks, as it does with the lesson values; the second skips the question and runs them', async () => {
    const r = await ftokAfterStep1(false);
    await r.press('y', '\x7f', 'U', KEYS.enter);
    await r.waitFor((f) => f.includes('Space/Enter runs yours'), 'the kept values');
    await r.press(KEYS.space);
    await r.waitFor((f) => f.includes('no answer picked: Space again runs without one'), 'the ask');
    expect(r.store.getState().done).toBe(1);
    expect(r.store.getState().turnTyped?.typed.id).toBe('U');
    await r.press(KEYS.space);
    await ran(r, 2);
    expect(r.store.getState().guesses[1]).toBe('skip');
    expectIdDiffers(r);
  });

  it('typing edits at the cursor, as the key line says, on a field just reached too: the cursor starts at the value\'s end (issue 16: 0x40 replaced shmdt\'s 13)', async () => {
    const r = await start(80, 24, 'en', 'shmdt');
    const typed = () => r.store.getState().turnTyped?.typed;
    const says = (f: string) => f.replace(/\s*│\s*\n\s*│[^│]*│\s*/g, ' ').includes('typing edits at the cursor · ← → Home End move it · Backspace Del erase · Ctrl-U erases all before it');
    await r.press('y');
    await r.waitFor((f) => r.store.getState().turnFocus === 0 && says(f) && f.includes('▸ text: ipclab▏'), 'the text field, the cursor after its value');
    await r.press('!', KEYS.tab);
    await r.waitFor((f) => r.store.getState().turnFocus === 1 && says(f) && f.includes('▸ offset: 13▏'), 'Tab: the offset, the cursor after 13');
    await r.press('0x40');
    await r.waitFor((f) => typed()?.offset === '130x40' && f.includes('▸ offset: 130x40▏') && says(f), '0x40 after 13, the line saying the same');
    expect(typed()?.text).toBe('ipclab!');
    // back on a field edited before: the cursor at its end again
    await r.press(KEYS.up, '?');
    await r.waitFor(() => typed()?.text === 'ipclab!?', 'Shift-Tab/↑: typing goes at the end of the text');
    // the words never change with what was pressed: none say a value is replaced
    expect(r.frame()).not.toMatch(/replaces/);
    // Ctrl-U clears, then typing is the whole value; Enter refuses 130x40 on one line first
    await r.press(KEYS.tab, KEYS.enter);
    await r.waitFor((f) => r.store.getState().turnError !== null && f.includes('▸ offset: 130x40▏'), 'Enter: 130x40 refused, the offset focused');
    await r.press('\x15', '0x40');
    await r.waitFor(() => typed()?.offset === '0x40', 'Ctrl-U then 0x40');
  });

  it('a field edits as a shell line (fix16h#6): Home and End move, Del takes the character under the cursor, Backspace the one before, Ctrl-U clears', async () => {
    const r = await ftokAfterStep1();
    const id = () => r.store.getState().turnTyped?.typed.id;
    await r.press('y');
    await r.waitFor((f) => r.store.getState().turnFocus === 0 && f.replace(/\s*│\s*\n\s*│[^│]*│\s*/g, ' ').includes('← → Home End move it · Backspace Del erase · Ctrl-U erases all before it'), 'the form, its key line naming the keys');
    await r.press('abc', '\x1b[H', '\x1b[3~');
    await r.waitFor(() => id() === 'abc', 'abc after T, then Home and Del: the first character gone, not the last');
    await r.press('X');
    await r.waitFor((f) => id() === 'Xabc' && f.includes('id: X▏abc'), 'typed at the cursor, which is drawn there');
    await r.press('\x1b[F', '\x7f');
    await r.waitFor(() => id() === 'Xab', 'End then Backspace: the last character gone');
    await r.press(KEYS.left, '\x1b[3~', KEYS.left, '\x1b[3~');
    await r.waitFor(() => id() === 'X', '← then Del, twice');
    // Ctrl-U erases all before the cursor, as the key line says: after it, the rest stays
    await r.press('yz', KEYS.left, KEYS.left, '\x15');
    await r.waitFor(() => id() === 'yz', 'Ctrl-U with the cursor after X: X gone, yz kept');
    await r.press('\x1b[F', '\x15');
    await r.waitFor(() => id() === '', 'End, Ctrl-U: the field cleared');
    // a field just reached, the cursor at its end: Ctrl-U clears it whole at once
    await r.press(KEYS.escape, 'y', '\x15');
    await r.waitFor(() => r.store.getState().turnFocus === 0 && id() === '', 'Ctrl-U on the T just reached');
  });

  it('y on a later step not run yet says to run the steps before it; looking ahead of the form, go back to it', async () => {
    const r = await start(80, 24, 'en', 'ftok');
    // the form is on step 2; step 1 is next: looking at step 3, y names step 2
    await r.press(KEYS.right, KEYS.right, 'y');
    await r.waitFor((f) => f.includes('y: step 3 has no form; step 2 has: run the steps before it first'), 'ahead of a form not reached');
    await r.press(KEYS.left, 'y');
    await r.waitFor((f) => f.includes('y: step 2 has not run yet: run the steps before it first'), 'on the form step, not reached');
    await r.press(KEYS.left, KEYS.space);
    await ran(r, 1);
    await r.press(KEYS.right, 'y');
    await r.waitFor((f) => f.includes('the form is on step 2, the next to run: go back to it'), 'ahead of the next step, which has the form');
  });

  it('an error longer than the room left by the question opens the window at 80x24 (fix15i#2): PgUp cannot reach a form being edited', async () => {
    const r = await start(80, 24, 'en', 'shmat');
    for (let done = 1; done <= 6; done++) {
      await r.press(KEYS.space);
      await ran(r, done);
    }
    await r.press('y');
    await r.waitFor(() => r.store.getState().turnFocus === 0, 'the form');
    await r.press(KEYS.down, '\x15', 'SHM_FOO|7', KEYS.enter);
    const f = await r.waitFor(() => r.store.getState().turnError !== null, 'the error');
    // the error whole, from its first row (the window opened at the question had cut it), and the field it is about under it
    expect(f).toContain("shmflg: no flag is named 'SHM_FOO'; type 0, or flag names joined by |");
    expect(f).toContain('(like SHM_RDONLY|SHM_EXEC)');
    expect(f).toContain('▸ shmflg: SHM_FOO|7');
  });
});
