// The playground's screen with the real store, session and kernel: typing, completion,
// history, paste, the panes following each call, at 80x24 and 160x48 in both
// languages; opened from a lesson with ':' and left with Esc; a challenge solved.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appDrawer, KEYS, type Rendered } from '../../helpers/render.js';
import { cells } from '../../../src/app/text-fit.js';
import { readSegments } from '../../../src/native/index.js';
import { challengeById } from '../../../src/play/challenges.js';
import { fixtureLesson } from '../fixture-lesson.js';
import { LESSONS } from '../../../src/lessons/index.js';
import { strings } from '../../../src/app/strings.js';
import { dumpTexts } from '../../../src/text/dump.js';

const draw = appDrawer('play-ui', { lessons: [fixtureLesson()], play: {} });

function assertFits(r: Rendered, width: number, height: number) {
  const lines = r.lines();
  expect(lines.length).toBe(height);
  for (const l of lines) expect(cells(l), l).toBeLessThanOrEqual(width);
}

/** The input line as drawn: the row that starts with the prompt. */
const inputRow = (r: Rendered) => r.lines().find((l) => l.startsWith('› ')) ?? '';
const alive = (shmid: number) => readSegments().some((s) => s.shmid === shmid);
/** The segment the playground's last shmget made. */
const madeShmid = (r: Rendered) => {
  const call = [...r.store.getState().playCalls].reverse().find((c) => c.call === 'shmget' && typeof c.ret === 'number' && c.ret >= 0);
  return call ? Number(call.ret) : null;
};
const idle = (r: Rendered) => r.waitFor(() => r.store.getState().playWaiting === 0, 'every line run');

describe.each([
  { width: 80, height: 24, lang: 'en' as const },
  { width: 80, height: 24, lang: 'zh' as const },
  { width: 160, height: 48, lang: 'en' as const },
  { width: 160, height: 48, lang: 'zh' as const },
])('the playground at $width x $height ($lang)', ({ width, height, lang }) => {
  it('typing, Tab, Enter, a pasted block, history and Ctrl-C; the panes follow; quitting removes what it made', async () => {
    const r = await draw({ width, height, lang });
    const title = lang === 'en' ? 'playground' : '练习场';
    await r.waitFor((f) => f.split('\n')[0].includes(title), 'the title bar');
    assertFits(r, width, height);
    // the key bar, generated from the keymap's play scope, on the last line
    expect(r.lines()[height - 1]).toContain('Ctrl-C');
    expect(r.lines()[height - 1]).toContain('Tab');

    // Tab completes a call's name once the session is up
    await r.waitFor(() => r.store.getState().playLine.history !== undefined, 'the line');
    await r.press(...'id = shmg');
    await r.waitFor(() => inputRow(r).includes('id = shmg'), 'the typed text on the input line');
    for (const deadline = Date.now() + 10_000; !r.store.getState().playLine.text.endsWith('shmget'); ) {
      if (Date.now() > deadline) throw new Error(`Tab did not complete: ${r.store.getState().playLine.text}`);
      await r.press(KEYS.tab);
      await new Promise((res) => setTimeout(res, 20));
    }
    await r.press(...'(IPC_PRIVATE, 4096, 0600)', KEYS.enter);
    await idle(r);
    const shmid = madeShmid(r);
    expect(shmid).not.toBeNull();
    expect(alive(shmid!)).toBe(true);
    await r.waitFor((f) => f.includes(`shmget(IPC_PRIVATE, 4096, 0600) = ${shmid}`), 'the call as the trace prints it');
    // the kernel pane lists it (at 80x24 the pane below the transcript is the kernel's)
    await r.waitFor((f) => f.split('\n').some((l) => l.includes(String(shmid)) && l.includes('4096') && /●/.test(l)), 'the kernel row of the new segment');

    // a paste of two lines runs both, in order, and the kernel pane's nattch and dump follow
    await r.press('p = shmat(id, NULL, 0)\rstrcpy(p, "hi 你好")\r');
    await idle(r);
    await r.waitFor((f) => f.includes('strcpy(') && f.indexOf('shmat(') < f.indexOf('strcpy('), 'both pasted lines run in order');
    await r.waitFor((f) => f.split('\n').some((l) => l.includes(String(shmid)) && / 1 /.test(l.replace(/\s+/g, '  '))), 'nattch 1 in the kernel pane');
    await r.waitFor((f) => f.includes('hi 你好'), 'the written text in the dump');
    assertFits(r, width, height);

    // history: ↑ brings the last line back, ↑ again the one before; Ctrl-U clears it
    await r.press(KEYS.up);
    await r.waitFor(() => r.store.getState().playLine.text === 'strcpy(p, "hi 你好")', 'the last line recalled');
    await r.press(KEYS.up);
    await r.waitFor(() => r.store.getState().playLine.text === 'p = shmat(id, NULL, 0)', 'the line before');
    await r.press('\x15');
    await r.waitFor(() => r.store.getState().playLine.text === '', 'Ctrl-U clearing the line');
    // the cursor keys edit in the middle of the line
    await r.press(...'shmctl(id IPC_STAT)', ...Array(10).fill(KEYS.left), ',');
    await r.waitFor(() => r.store.getState().playLine.text === 'shmctl(id, IPC_STAT)', 'a comma typed where the cursor is');
    // Ctrl-C clears the line and says a second one quits
    await r.press(KEYS.ctrlC);
    await r.waitFor((f) => r.store.getState().playLine.text === '' && f.includes('Ctrl-C'), 'the line cleared');
    expect(r.store.getState().finished).toBe(false);

    // the flow: lit by the call just made (beside the kernel pane when wide, Ctrl-O below when not)
    if (width < 110) await r.press('\x0f');
    const flowTitle = lang === 'en' ? 'Flow' : '流程';
    await r.waitFor((f) => f.includes(flowTitle) && (f.includes('nattch 1')), 'the lifecycle flow with the attached state');
    assertFits(r, width, height);

    await r.quit();
    expect(alive(shmid!)).toBe(false);
    // the history kept in the state folder
    const history = join(r.state, 'ipclab', 'play-history');
    expect(existsSync(history)).toBe(true);
    expect(readFileSync(history, 'utf8')).toContain('p = shmat(id, NULL, 0)\n');
  });
});

describe('the playground from a lesson, and a challenge', () => {
  it('":" opens it over the lesson, Esc goes back, and what it made stays until quit', async () => {
    const r = await draw({ width: 80, height: 24, play: undefined });
    await r.waitFor((f) => f.includes('1/1'), 'the lesson');
    await r.press(':');
    await r.waitFor((f) => f.split('\n')[0].includes('playground'), 'the playground');
    await r.press('id = shmget(IPC_PRIVATE, 64, 0600)\r', 'p = shmat(id, NULL, 0)\r');
    await idle(r);
    const shmid = madeShmid(r)!;
    await r.press(KEYS.escape);
    await r.waitFor((f) => f.split('\n')[0].includes('1/1'), 'the lesson again');
    expect(alive(shmid)).toBe(true);
    // its mapping counts in nattch beside the lesson: the Kernel pane lists it as the playground's, and the status line says it stays
    await r.waitFor((f) => f.includes("the playground's segments and mappings stay until quit; : goes back to them"), 'the status line');
    await r.press(KEYS.tab);
    await r.waitFor((f) => /\d+ +playground \(:\) +yes +yes/.test(f), "the playground's row, attached");
    // the lesson's keys work again: q quits, which removes the playground's segment too
    await r.quit();
    expect(alive(shmid)).toBe(false);
  });

  it('an empty Enter, or one of spaces, runs nothing and takes no number (nc: "5›" and nothing after it)', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.waitFor((f) => f.split('\n')[0].includes('playground'), 'the playground');
    await r.press('id = shmget(IPC_PRIVATE, 64, 0600)\r');
    await idle(r);
    const before = r.store.getState().playCount;
    await r.press(KEYS.enter, ' ', ' ', KEYS.enter, KEYS.enter);
    await r.waitFor(() => r.store.getState().playLine.text === '', 'the spaces cleared');
    await r.press('ipcs\r');
    await idle(r);
    // the ipcs line is the next number, nothing between
    expect(r.store.getState().playCount).toBe(before + 1);
    await r.quit();
  });

  it('a pasted megabyte line is one insert, and 200 pasted lines all run, in order, the screen within its size', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.press('x'.repeat(1 << 20));
    await r.waitFor(() => r.store.getState().playLine.text.length === 1 << 20, 'the whole line in the editor');
    assertFits(r, 80, 24);
    expect(inputRow(r)).toMatch(/x{70}/);
    await r.press('\x15');
    await r.waitFor(() => r.store.getState().playLine.text === '', 'Ctrl-U');
    const block = Array.from({ length: 200 }, (_, i) => `n${i} = ${i}`).join('\r');
    await r.press(`${block}\r`);
    await r.waitFor(() => r.store.getState().playCount === 200 && r.store.getState().playWaiting === 0, '200 statements run', 120_000);
    const inputs = r.store.getState().playEntries.filter((e) => e.kind === 'input');
    expect(inputs.slice(-2).map((e) => e.kind === 'input' && e.text)).toEqual(['n198 = 198', 'n199 = 199']);
    await r.waitFor((f) => f.includes('200› n199 = 199'), 'the last statement in view');
    assertFits(r, 80, 24);
  }, 180_000);

  it('a challenge: the goal and its picture, hints on request, solved with statements against par, kept in progress', async () => {
    const challenge = challengeById('first-segment')!;
    const r = await draw({ width: 160, height: 48, play: { challenge: challenge.id } });
    await r.waitFor((f) => f.includes(challenge.goal.en.slice(0, 30)), 'the goal in words');
    expect(r.frame()).toContain(`par ${challenge.par}`);
    await r.press('hint\r');
    await idle(r);
    await r.waitFor((f) => f.includes(challenge.hints[0].en.slice(0, 30)), 'the first hint');
    await r.press(`${challenge.solution.join('\r')}\r`);
    await idle(r);
    await r.waitFor((f) => /Solved in \d+ counted statement/.test(f), 'solved');
    assertFits(r, 160, 48);
    const progress = JSON.parse(readFileSync(join(r.state, 'ipclab', 'progress.json'), 'utf8')) as { challenges?: string[] };
    expect(progress.challenges).toContain(challenge.id);
  });
});

describe('opened from a lesson whose calls it lacks (fix24a#9)', () => {
  const fromLessons = appDrawer('play-from', { lessons: LESSONS });
  for (const [lang, width, height] of [['en', 80, 24], ['zh', 120, 34]] as const)
    it(`${lang} ${width}x${height}: from msg its first line says shared memory only; from shmat it does not`, async () => {
      const s = strings(lang);
      const first = (r: Rendered) => r.lines()[2] ?? '';
      const msg = await fromLessons({ width, height, lang, lesson: 'msg' });
      await msg.press(':');
      await msg.waitFor(() => msg.store.getState().screen === 'play', 'the playground');
      const said = s.playShmOnly('\0', 9, '').split('\0')[0]!;
      await msg.waitFor(() => first(msg).includes(said.slice(0, 12)), 'its first line');
      const shm = await fromLessons({ width, height, lang, lesson: 'shmat' });
      await shm.press(':');
      await shm.waitFor(() => shm.store.getState().screen === 'play', 'the playground');
      await shm.waitFor((f) => f.includes(s.playEmpty.slice(0, 12)), 'its first line');
      expect(first(shm)).not.toContain(said.slice(0, 12));
    }, 60_000);
});

describe('--ascii: the dump drawn with the Kernel pane\'s marks (fix25f#1)', () => {
  // 你 starts two bytes before a row's end: it ends that row, its third byte carries '>' onto
  // the next row, 好's third byte is the filler '_', and the zeros after are '.' (no character starts there)
  const text = `${'A'.repeat(14)}你好`;
  const bytes = new Uint8Array(32);
  bytes.set(Buffer.from(text));
  const [first, second] = dumpTexts(bytes, 16, true);
  /** what --ascii may still draw that is not ASCII: the written text and the Chinese of the zh screen */
  const NOT_ASCII = /[^\x20-\x7e\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
  for (const [lang, width, height] of [['en', 80, 24], ['zh', 120, 34]] as const)
    it(`${lang} ${width}x${height}: the playground's dump rows and the Kernel pane's carry the same ASCII marks, and the screen nothing else but ASCII`, async () => {
      expect([first, second]).toEqual([`${'A'.repeat(14)}你`, `>好_${'.'.repeat(12)}`]);
      const r = await draw({ width, height, lang, ascii: true });
      await r.waitFor((f) => f.split('\n')[0].includes(lang === 'en' ? 'playground' : '练习场'), 'the playground');
      await r.press(`id = shmget(IPC_PRIVATE, 64, 0600)\rp = shmat(id, NULL, 0)\rstrcpy(p, "${text}")\rdump(p, 32)\r`);
      await idle(r);
      // the transcript's rows: the text column between the |s, a cell per byte, as the
      // lesson's dump draws it
      const views = () => r.store.getState().playEntries.flatMap((e) => (e.kind === 'out' && e.line.kind === 'view' ? [e.line.text] : []));
      await r.waitFor(() => views().length === 2, "the playground's dump rows");
      expect(views().map((v) => v.slice(v.indexOf('|'))), views().join('\n')).toEqual([`|${first}|`, `|${second}|`]);
      // on screen, every row that shows the second row's text (the transcript's where it is wide
      // enough, the Kernel pane's of the same bytes) shows its marks: '.' only where a zero is
      const f = await r.waitFor((f) => f.includes(second), 'the marks on screen');
      const shown = f.split('\n').filter((l) => l.includes('好') && !l.includes('你好') && !/legend|图例/.test(l));
      expect(shown.length, f).toBeGreaterThan(0);
      for (const l of shown) expect(l, f).toContain(second);
      for (const l of f.split('\n')) expect(l.match(NOT_ASCII)?.[0], l).toBeUndefined();
      assertFits(r, width, height);
      await r.quit();
    }, 60_000);
});
