// After a your-turn call: one line in the trace saying what came back and why, in both
// languages (the why of a failure from errno-why.ts).
import type { CallRecord } from '../../native/types.js';
import { explain } from '../kit.js';
import type { StepContext } from '../types.js';
import { errnoWhy, type ExplainedCall } from './errno-why.js';

/** Explains the result of the learner's call: what succeeded, or why the errno. */
export function explainTurnCall(ctx: StepContext, call: CallRecord, success: { en: string; zh: string }): void {
  if (call.errno === null) {
    explain(ctx, `Your values: ${call.c} succeeded. ${success.en}`, `你的取值：${call.c} 成功。${success.zh}`);
    return;
  }
  const why = errnoWhy(call.call as ExplainedCall, call.errno);
  explain(ctx, `Your values: ${call.c} failed with ${call.errno}: ${why.en}.`, `你的取值：${call.c} 失败，errno 为 ${call.errno}：${why.zh}。`);
}
