// After a your-turn call: one line in the trace saying what came back (the value returned, or
// the errno and why), in both languages (the why of a failure from errno-why.ts).
import type { CallRecord } from '../../native/types.js';
import type { StepContext, Text } from '../types.js';
import { errnoWhy, type ExplainedCall } from './errno-why.js';
import { now } from '../../native/clock.js';

/** Explains the result of the learner's call: what succeeded, or why the errno. */
export function explainTurnCall(ctx: StepContext, call: CallRecord, success: Text): void {
  const why = call.errno === null ? null : errnoWhy(call.call as ExplainedCall, call.errno, call.c, ctx.turn.values);
  // the value the call returned, as its trace line has it: where the Trace opens on the step's
  // result, the lesson's own run, the call line is above the window and this line stood for it
  // (issue 16: shmget 3 with size 1, the new shmid only in the Kernel pane)
  const returned = call.retText ?? String(call.ret);
  const text: Text = why
    ? { en: `Your values: ${call.c} failed with ${call.errno}: ${why.en}.`, zh: `你的取值：${call.c} 失败，errno 为 ${call.errno}：${why.zh}。` }
    : { en: `Your values: ${call.c} succeeded, returning ${returned}. ${success.en}`, zh: `你的取值：${call.c} 成功，返回 ${returned}。${success.zh}` };
  explainTurn(ctx, text);
}

/** A line about what the learner's values did, shown under the step in the lesson pane
 *  as well as in the trace (a refusal, or what the lesson did instead). */
export function explainTurn(ctx: StepContext, text: Text): void {
  ctx.trace({ type: 'event', pid: ctx.sys.getpid(), text, at: now(), turn: ctx.turn.shown });
}

/** A line in a step after a your-turn one, shown under it in the lesson pane as well as in
 *  the trace: the lesson sets its own values back where the learner's stayed (Turn.yoursStay). */
export function explainBack(ctx: StepContext, text: Text): void {
  ctx.trace({ type: 'event', pid: ctx.sys.getpid(), text, at: now(), pane: true });
}

/** What the lesson's own run is for, as explainOwnRun names it: the step's notice and the
 *  question asked before it ('question'), its notice alone, a step with no question
 *  ('notice'), or its notice and the steps after it, which read what it made ('later'). */
export type OwnRunFor = 'question' | 'notice' | 'later';

const OWN_RUN_FOR: Record<OwnRunFor, Text> = {
  question: { en: 'which the notice and the question are about', zh: '“注意”和题目说的都是它' },
  notice: { en: 'which the notice is about', zh: '“注意”说的是它' },
  later: { en: 'which the notice and the next steps are about', zh: '“注意”和后面几步说的都是它' },
};

/** After the learner's values, the line before the lesson's own run: the step's notice, its
 *  checkpoint and the lesson's check are about the lesson's values, so the learner sees
 *  them run too (docs/ARCHITECTURE.md, "Your turn"). `about` names only what the step has. */
export function explainOwnRun(ctx: StepContext, about: OwnRunFor): void {
  const { own } = ctx.turn;
  const what = OWN_RUN_FOR[about];
  ctx.trace({
    type: 'event',
    pid: ctx.sys.getpid(),
    text: { en: `Now the lesson's own values, ${own.en}, ${what.en}:`, zh: `再用本课自己的取值（${own.zh}）运行一次，${what.zh}：` },
    at: now(),
    // the calls before it are the learner's: the Flow lights theirs as just run, these as done
    own: true,
  });
}
