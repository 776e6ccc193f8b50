// What a step lights in its diagram: the path its call really took. A step whose result
// varies (a your-turn value, the machine's limits) declares a path per result (Step.litBy);
// the flow pane lights the one its CallRecord names, not the lesson's own values.
import type { CallRecord } from '../native/types.js';
import type { Step } from './types.js';

/** The ids `step` lights after it ran with `calls` (its own calls, in order), read from
 *  the first call named `litBy.call`: in a your-turn run that is the learner's, as the
 *  lesson's own call runs after it (explainOwnRun). */
export function litPath(step: Pick<Step<never>, 'highlight' | 'litBy'>, calls: readonly CallRecord[]): string[] {
  const by = step.litBy;
  const call = by && calls.find((c) => c.call === by.call);
  if (!by || !call) return step.highlight;
  const paths = by.paths;
  const named = by.result?.(call);
  return (named !== undefined ? paths[named] : undefined) ?? (call.errno === null ? paths.ok : (paths[call.errno] ?? paths.failed)) ?? step.highlight;
}
