// Answer keys that arrive together (issue 16): each key counts, but a digit or x answers only
// the question that was on screen when it came. "21" in one read where the first key brings
// the question (or answers the check's question before it) must not answer the question it
// brought with its 1: that key is held, the status line says so, and a press of its own answers.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/app/strings.js';
import { questionBehind } from '../../src/app/store/turn.js';
import { LESSONS } from '../../src/lessons/index.js';
import { appDrawer, checkReadable, KEYS, ran, type Rendered } from '../helpers/render.js';
import { Tmux } from '../helpers/tmux.js';
import { testTempDir } from '../helpers/temp-dir.js';

const draw = appDrawer('keys-together', { lessons: LESSONS, lesson: 'shmget' });
const root = join(import.meta.dirname, '..', '..');

/** A terminal where shmget step 1's result comes first and step 2's question waits behind Space:
 *  80x24 fits both since round 12, 80x22 in English since s32f shortened step 1's notice. */
const SHORT = { width: 80, height: 20 };

/** Step 1 run, step 2's question behind Space. */
async function atStep2Result(r: Rendered): Promise<void> {
  await r.press(KEYS.space);
  await ran(r, 1);
  await r.waitFor(() => questionBehind(r.store.getState()), "step 2's question behind Space");
}

const status = (r: Rendered) => r.lines().at(-2) ?? '';

describe('keys that arrive together answer only a question already on screen', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`ink, ${lang}: "21" in one write at a result shown first brings step 2's question; its 1 is held, said, and a 1 of its own answers`, async () => {
      const r = await draw({ ...SHORT, lang });
      await atStep2Result(r);
      await r.press('21');
      const held = strings(lang).keyHeld('1', { step: 2 });
      await r.waitFor(() => status(r).includes(held), `"${held}" on the status line`);
      expect(questionBehind(r.store.getState())).toBe(false);
      expect(r.store.getState().guesses).toEqual({});
      await r.press('1');
      await r.waitFor(() => r.store.getState().guesses[1] === 0, 'a 1 of its own answers step 2');
    });
  }

  it('ink: Space and 2 in one write: Space brings the question, the 2 is held', async () => {
    const r = await draw(SHORT);
    await atStep2Result(r);
    await r.press(' 2');
    await r.waitFor(() => status(r).includes(strings('en').keyHeld('2', { step: 2 })), 'the 2 said held');
    expect(r.store.getState().guesses).toEqual({});
    // the question was on screen when this read came: the digit answers, a second one changes it
    await r.press('32');
    await r.waitFor(() => r.store.getState().guesses[1] === 1, 'both digits taken, the last one kept');
  });

  it("ink: \"21\" at the check's first question answers it with 2; the 1 is held for question 2", async () => {
    const r = await draw({ width: 160, height: 48, asks: false });
    for (let n = 1; n <= 6; n++) {
      await r.press(KEYS.space);
      await ran(r, n);
    }
    await r.waitFor((f) => f.includes('Check 1/3:'), 'check question 1');
    await checkReadable(r, 0);
    await r.press('21');
    await r.waitFor(() => status(r).includes(strings('en').keyHeld('1', { check: 2 })), 'the 1 said held');
    expect(r.store.getState().checkPicks).toEqual({ 0: 1 });
    await checkReadable(r, 1);
    await r.press('1');
    await r.waitFor(() => r.store.getState().checkPicks[1] === 0, 'a 1 of its own answers question 2');
  });

  it('tmux: send-keys -l 21 at step 2 behind Space: the question shown, 1 held; then 1 answers', async () => {
    const tmux = new Tmux();
    const state = testTempDir('ipclab-keys-together-');
    try {
      const session = tmux.start([process.execPath, join(root, 'bin', 'ipclab.mjs'), '--lesson', 'shmget', '--restart'], {
        ...SHORT,
        env: { XDG_STATE_HOME: state, LANG: 'C.UTF-8', TERM: 'xterm-256color' },
        unset: ['CI', 'NO_COLOR'],
      });
      await tmux.waitFor(session, (s) => s.includes('step 1/'), 'the first frame', 30_000);
      await tmux.restShown(session, 'step 1');
      await tmux.runStep(session, (s) => s.includes('✓ 1 '), 'step 1');
      // behind Space alone, or with the rest of step 2's text (at 80x20 since s32f)
      const behind = [false, true].map((text) => strings('en').spaceMarker(strings('en').spaceBrings(2, text, true)));
      await tmux.waitFor(session, (s) => behind.some((b) => s.includes(b)), "step 2's question behind Space");
      execFileSync('tmux', ['-L', tmux.socket, 'send-keys', '-t', session, '-l', '21']);
      const screen = await tmux.waitFor(session, (s) => s.includes(strings('en').keyHeld('1', { step: 2 })), 'the 1 said held');
      expect(screen).toContain('Predict:');
      expect(screen).not.toContain('your answer');
      tmux.send(session, '1');
      await tmux.waitFor(session, (s) => s.includes('your answer: 1'), 'a 1 of its own answers');
      tmux.send(session, 'q');
      expect(await tmux.waitForExit(session)).toBe(0);
    } finally {
      tmux.killServer();
      rmSync(state, { recursive: true, force: true });
    }
  });
});
