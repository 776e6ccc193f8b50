// A question's keys and y pressed while a step runs act on nothing, and the status line says so once
// the step is over (issue 16, msg 3: y pressed right after Space opened no form, and the value the
// learner then typed for it, a digit, answered step 4's question; a digit while the step ran
// changed the answer its verdict was graded on, after Space).
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, questionShown, ran } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';

const draw = appDrawer('keys-while-running', { lessons: LESSONS });
const msg = LESSONS.find((l) => l.id === 'msg')!;

describe('keys while a step runs', () => {
  it('msg 3, 120x34 en: 1, Space, then y and 2 while step 3 runs: step 3 graded on 1, no form, step 4 unanswered, both keys said', async () => {
    const r = await draw({ width: 120, height: 34, lesson: 'msg' });
    await r.waitFor((f) => f.includes('step 1/7'), 'the lesson');
    await ran(r, 2);
    await questionShown(r);
    await r.press('1');
    await r.waitFor(() => r.store.getState().guesses[2] === 0, 'step 3 answered 1');
    // Space, then the learner's y and the value for its form while step 3 runs
    r.store.getState().dispatch('run', ' ');
    expect(r.store.getState().busy).toBe('running');
    r.store.getState().dispatch('turn', 'y');
    r.store.getState().dispatch('choose', '2');
    const f = await r.waitFor(() => r.store.getState().busy === null && r.store.getState().done === 3, 'step 3 run');
    const st = r.store.getState();
    expect(st.guesses[2]).toBe(0);
    expect(st.guesses[3]).toBeUndefined();
    expect(st.turnFocus).toBeNull();
    const graded = st.graded[2]!;
    expect(st.answers.msg?.checkpoints[msg.steps[2].id]).toBe(graded.answer === 0 ? 'right' : 'wrong');
    // then what Space does on step 4, shown now (its words name the step)
    expect(f).toMatch(/2 keys during step 3's run not used; Space now: \D*4\b/);
  }, 60_000);
});

describe('keys that change the view while a step runs', () => {
  it('serv-clnt 1, 80x24 en: the status line names the keys that wait; a Tab in a read of its own moves the pane, which stays after the run', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'serv-clnt' });
    await r.waitFor((f) => f.includes('step 1/6'), 'the lesson');
    await questionShown(r);
    await r.press('1');
    await r.waitFor(() => r.store.getState().guesses[0] === 0, 'step 1 answered 1');
    await r.press(KEYS.space);
    const running = await r.waitFor((f) => r.store.getState().busy === 'running' && f.includes('running…'), 'step 1 running');
    expect(running).toContain('running… Space, ← →, r: press them after it ends');
    expect(running).not.toContain('keys pressed now are not used');
    const was = r.store.getState().tab;
    await r.press(KEYS.tab);
    // the Tab acted at once, on a screen drawn while the step still ran
    expect(r.store.getState().runningStep).toBe(0);
    const chosen = r.store.getState().tab;
    expect(chosen).not.toBe(was);
    const f = await r.waitFor(() => r.store.getState().busy === null && r.store.getState().done === 1, 'step 1 run');
    const st = r.store.getState();
    // the pane chosen while it ran stays; the status line says where the result is
    expect(st.tab).toBe(chosen);
    expect(st.result?.pane).not.toBe(chosen);
    expect(f).toContain(`step 1's result is in the ${{ flow: 'Flow', kernel: 'Kernel', trace: 'Trace', code: 'C' }[st.result!.pane]} pane; the pane you chose stays`);
  }, 60_000);

  it('zh: the running words', async () => {
    const r = await draw({ width: 120, height: 34, lesson: 'serv-clnt', lang: 'zh' });
    await r.waitFor((f) => f.includes('1/6'), 'the lesson');
    await questionShown(r);
    await r.press('1');
    await r.press(KEYS.space);
    await r.waitFor((f) => r.store.getState().busy === 'running' && f.includes('运行中…空格、← →、r 请等它结束再按'), 'step 1 running, said in Chinese');
  }, 60_000);
});
