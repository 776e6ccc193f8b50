// One scoring rule for the menu, the closing screen and `ipclab progress`: right of
// answered, the skipped and the not graded (a step run with the learner's own values,
// which stay: shmctl's IPC_SET) counted apart and said, never as answered.
import { describe, expect, it } from 'vitest';
import { menuLines } from '../../src/app/components/menu-view.js';
import { closingLines } from '../../src/app/components/closing-view.js';
import { checkLines } from '../../src/app/components/quiz-view.js';
import { scoreOf, type LessonAnswers } from '../../src/app/progress.js';
import { keepsVerdict } from '../../src/app/store/quiz.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import { LESSONS, lessonById } from '../../src/lessons/index.js';
import { appDrawer, KEYS, questionShown, ran } from '../helpers/render.js';

const shmctl = lessonById('shmctl')!;
/** one right, one wrong, one skipped, one not graded */
const answers: LessonAnswers = { checkpoints: { set: 'aside', rmid: 'right', 'perms-owner': 'wrong', 'attach-dest': 'skipped' }, check: { 0: 'right', 1: 'wrong', 2: 'skipped' } };

describe('the scoring rule', () => {
  it('scoreOf: answered is right or wrong only; skipped and not graded apart', () => {
    expect(scoreOf(answers, 3).checkpoints).toEqual({ right: 1, answered: 2, skipped: 1, aside: 1 });
    expect(scoreOf(undefined, 3).checkpoints).toEqual({ right: 0, answered: 0, skipped: 0, aside: 0 });
    // the check by the same rule (serv-clnt: one wrong, one right, one skipped was "1/3")
    expect(scoreOf(answers, 3).check).toEqual({ right: 1, answered: 2, skipped: 1, of: 3 });
  });

  it('keepsVerdict: an answer replaces a non-answer; a replay\'s skip leaves "not graded"; the first answer stands', () => {
    expect(keepsVerdict(undefined, 'aside')).toBe(false);
    expect(keepsVerdict('aside', 'skipped')).toBe(true);
    expect(keepsVerdict('skipped', 'aside')).toBe(true);
    expect(keepsVerdict('aside', 'right')).toBe(false);
    expect(keepsVerdict('skipped', 'wrong')).toBe(false);
    expect(keepsVerdict('wrong', 'right')).toBe(true);
  });

  it.each(['en', 'zh'] as const)('%s: the menu shows 1/2, its legend says the skipped and not graded are left out; the closing screen counts them', (lang) => {
    const s = strings(lang);
    const i = LESSONS.indexOf(shmctl);
    const menu = menuLines({ lessons: LESSONS, lang, s, ascii: false, completed: [], answers: { shmctl: answers }, current: 0, cursor: 0, width: 80 });
    expect(lineText(menu.lines[menu.rowStarts[i]])).toMatch(/shmctl\s+1\/2\s+1\/2\s/);
    expect(menu.legend.map(lineText).join(' ').replace(/\s+/g, lang === 'zh' ? '' : ' ')).toContain(lang === 'en' ? 'right of answered (skipped and not graded left out)' : '（跳过的和不计分的不算）');
    const closing = closingLines({ lessons: LESSONS, completed: [], ran: { shmctl: shmctl.steps.length }, answers: { shmctl: answers }, left: 0, lang, s, ascii: false }, 200)
      .map(lineText)
      .join(' ');
    expect(closing).toContain(lang === 'en' ? '1/2 predictions right, 1 skipped, 1 not graded, check 1/2 (1 skipped)' : '预测对 1/2，跳过 1，1 题不计分，小测对 1/2（跳过 1）');
    // and the lesson's own line under the check
    const picks = { 0: shmctl.check![0].answer, 1: (shmctl.check![1].answer + 1) % shmctl.check![1].choices.length, 2: -1 };
    const own = checkLines(shmctl, { guesses: {}, revealedGrades: {}, checkPicks: picks, graded: {}, place: null, present: false, lastRun: 0, keys: { skip: 'x', reveal: 'v' } }, { s, lang, ascii: false, width: 200 }).map(lineText).join(' ');
    expect(own).toContain(lang === 'en' ? 'Check: 1 right of 2 answered, 1 skipped.' : '小测：答了 2 题，答对 1 题，跳过 1 题。');
  });
});

describe('a run with values that stay is graded on that run, as every step with a turn', () => {
  const draw = appDrawer('score-rule', { lessons: [shmctl] });
  it('shmctl step 3 run with mode 0600: the answer first, then graded on the kernel\'s 600 ("right"), and the menu counts it as answered', async () => {
    const r = await draw({ width: 160, height: 48, lessons: [shmctl] });
    for (const n of [1, 2]) {
      await r.press(KEYS.space);
      await ran(r, n);
    }
    await r.press('y');
    await r.waitFor(() => r.store.getState().turnFocus === 0, 'the form');
    // typing edits at the cursor: Ctrl-U clears the lesson's mode first
    await r.press('\x15', '0', '6', '0', '0');
    await r.waitFor((f) => f.includes("graded on your run, the step's only one"), 'said before the run which run is graded');
    // the question is asked first, as on every step with a checkpoint
    await r.press(KEYS.enter);
    await r.waitFor((f) => f.includes('answer the question first'), 'asked to answer first');
    await r.press(KEYS.escape);
    await r.press('1');
    await r.waitFor(() => r.store.getState().guesses[2] === 0, 'answer 1');
    await r.press('y');
    await r.waitFor(() => r.store.getState().turnFocus === 0, 'the form again');
    await r.press('\x15', '0', '6', '0', '0', KEYS.enter);
    await r.waitFor(() => r.store.getState().done === 3 && r.store.getState().busy === null, 'step 3 with 0600');
    expect(r.store.getState().graded[2]?.answer).toBe(0);
    expect(r.store.getState().answers.shmctl?.checkpoints).toEqual({ set: 'right' });
    await r.press('m');
    await r.waitFor((f) => /shmctl\s+1\/1\s/.test(f), 'the menu: one answered, right');
  });
});

describe('r r keeps the answers given, and says so: the menu\'s score is what is true after it (fix19e#2)', () => {
  const overview = lessonById('overview')!;
  const draw = appDrawer('score-reset', { lessons: [overview] });
  it('overview: step 2 answered, r r: the ask and the status line say the answers stand, and the menu shows the same score', async () => {
    const r = await draw({ width: 120, height: 34, lessons: [overview] });
    await r.press(KEYS.space);
    await ran(r, 1);
    // step 1's result may hold the question behind Enter (how long it is depends on what the kernel holds)
    await questionShown(r);
    await r.press('1', KEYS.space);
    await ran(r, 2);
    const before = r.store.getState().answers.overview;
    expect(Object.keys(before?.checkpoints ?? {})).toEqual(['create']);
    const score = new RegExp(`overview\\s+${before?.checkpoints.create === 'right' ? 1 : 0}/1\\s`);
    await r.press('m');
    await r.waitFor((f) => score.test(f), 'the menu: one answered');
    await r.press(KEYS.escape, 'r');
    await r.waitFor((f) => f.includes('your answers and score stay'), 'the ask says the answers stay');
    await r.press('r');
    await r.waitFor((f) => r.store.getState().done === 0 && f.includes('your answers and score stand'), 'the reset says so');
    expect(r.store.getState().answers.overview).toEqual(before);
    await r.press('m');
    await r.waitFor((f) => score.test(f), 'the menu: the same score');
  });
});
