// A whole lesson answered by keys in a real terminal (tmux runs `node bin/ipclab.mjs`
// as a learner would): digits before the steps, one wrong on purpose (its hint and the
// kernel's answer at once), then the three questions of the check; after q, `ipclab progress --json` shows the score.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lessonById } from '../../src/lessons/index.js';
import { ipcsCreators } from '../helpers/ipcs.js';
import { Tmux } from '../helpers/tmux.js';
import { testTempDir } from '../helpers/temp-dir.js';
import { withErrnoMeanings } from '../../src/text/errno.js';

const root = join(import.meta.dirname, '..', '..');
const tmux = new Tmux();
const state = testTempDir('ipclab-quiz-tmux-');
afterAll(() => {
  tmux.killServer();
  rmSync(state, { recursive: true, force: true });
});

/** What each step's digit is, by step id: right for set, perms-owner, rmid and attach-dest, wrong for last-detach. */
const FIRST: Record<string, string> = { set: '1', 'perms-owner': '1', rmid: '2', 'attach-dest': '1', 'last-detach': '3' };

describe('a lesson answered by keys in tmux', () => {
  it('shmctl at 80x24: checkpoints, a wrong answer, the check in order; progress --json has the score', async () => {
    const shmctl = lessonById('shmctl')!;
    const session = tmux.start([process.execPath, join(root, 'bin', 'ipclab.mjs'), '--lesson', 'shmctl'], {
      width: 80,
      height: 24,
      env: { XDG_STATE_HOME: state, LANG: 'C.UTF-8', TERM: 'xterm-256color' },
      unset: ['CI', 'NO_COLOR'],
    });
    const { pid } = tmux.pane(session);
    await tmux.waitFor(session, (s) => s.includes(`step 1/${shmctl.steps.length}`), 'the first frame', 30_000);
    const n = shmctl.steps.length;
    for (let i = 0; i < n; i++) {
      const digit = FIRST[shmctl.steps[i].id];
      if (digit) await tmux.questionShown(session, `step ${i + 1}`);
      if (digit) tmux.send(session, digit);
      // the title bar counts the steps (the lesson's end text may sit above the check in view);
      // runStep's first Spaces bring the step's unread rest (store/turn.ts spaceShowsRest)
      const next = i + 1 < n ? `step ${i + 2}/${n}` : `done ${n}/${n}`;
      const screen = await tmux.runStep(session, (s) => s.includes(next) && !s.includes('running…'), `step ${i + 1} to finish`);
      if (shmctl.steps[i].id === 'set') expect(screen).toMatch(/PgUp: notice \(step 3\)|✓ (You chose \[\d\] .+\. )?Right\./);
    }
    // the last step's wrong answer: no second try; the key bar names the check's keys
    // with why the pick is not it (its whyNot), the lines wrapped in the lesson pane; the choice
    // and its words read from the lesson (its third choice was EIDRM, now EPERM: 2f67024a)
    const picked = shmctl.checkpoints!['last-detach']!.choices[2];
    // (its first words: the verdict's row ends there, the step list beside the next)
    // (as shown: an errno with its short meaning)
    const wrong = `≠ You chose [3] ${withErrnoMeanings(picked.en, 'en')}. Why not: ${picked.whyNot!.en.split(' ').slice(0, 4).join(' ')}`;
    await tmux.waitFor(session, (s) => s.replace(/[│\s]+/g, ' ').includes(wrong), 'the wrong answer');
    await tmux.waitFor(session, (s) => /1-\d answer {1,2}x skip/.test(s), 'the key bar with the check keys');
    // the check: 1 and 2 right, then 1 where 2 is right; each answer brings the next question into view
    // (a key within 500 ms of a question coming is not taken: answerCheck presses it again)
    await tmux.answerCheck(session, '1', (s) => s.includes('Check 2/3'), 'check question 2 in view');
    await tmux.answerCheck(session, '2', (s) => s.includes('Check 3/3') && s.includes('✓ Check 2/3'), 'check question 3 in view');
    await tmux.answerCheck(session, '1', (s) => s.includes('≠ Check 3/3'), 'check question 3 answered');
    tmux.send(session, 'm');
    const menu = await tmux.waitFor(session, (s) => /6\. shmctl\s+4\/5\s+2\/3/.test(s), 'the score in the menu');
    expect(menu).toMatch(/Predict\s+Check/);
    tmux.send(session, 'q');
    expect(await tmux.waitForExit(session)).toBe(0);
    expect([...ipcsCreators().values()]).not.toContain(pid);

    const out = spawnSync(process.execPath, [join(root, 'bin', 'ipclab.mjs'), 'progress', '--json'], { env: { ...process.env, XDG_STATE_HOME: state }, encoding: 'utf8' });
    expect(out.status).toBe(0);
    const progress = JSON.parse(out.stdout) as { schema: number; lessons: { id: string }[] };
    expect(progress.schema).toBe(2);
    expect(progress.lessons.find((l) => l.id === 'shmctl')).toEqual({
      id: 'shmctl',
      done: true,
      steps: { ran: shmctl.steps.length, of: shmctl.steps.length },
      checkpoints: { right: 4, answered: 5, skipped: 0, aside: 0 },
      check: { right: 2, answered: 3, skipped: 0, of: 3 },
    });
    expect(progress.lessons.find((l) => l.id === 'shmget')).toMatchObject({ done: false, checkpoints: { answered: 0 }, check: { right: 0, of: 3 } });
  }, 90_000);
});
