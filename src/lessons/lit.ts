// What a step lights in its diagram: the path its calls really took. A step whose result
// varies (a your-turn value, the machine's limits) declares a path per result (Step.litBy);
// the flow pane lights the ones its CallRecords name, not the lesson's own values.
import type { CallRecord } from '../native/types.js';
import type { Lesson, Step } from './types.js';

/** The ids `step` lights after it ran with `calls` (its own calls, in order): the paths of
 *  every call named `litBy.call`, together. In a your-turn run that is the learner's call and
 *  the lesson's own after it (explainOwnRun): both ran, so both are lit, as the lesson's own
 *  is in a run without the form. */
export function litPath(step: Pick<Step<never>, 'highlight' | 'litBy'>, calls: readonly CallRecord[]): string[] {
  const by = step.litBy;
  const named = by ? calls.filter((c) => c.call === by.call) : [];
  if (!by || named.length === 0) return step.highlight;
  const lit = new Set<string>();
  for (const call of named) for (const id of pathOf(by, call) ?? step.highlight) lit.add(id);
  return [...lit];
}

/** The path `by` declares for one call's result, undefined for a result it does not name. */
function pathOf(by: NonNullable<Step<never>['litBy']>, call: CallRecord): string[] | undefined {
  const { paths } = by;
  const named = by.result?.(call);
  return (named !== undefined ? paths[named] : undefined) ?? (call.errno === null ? paths.ok : (paths[call.errno] ?? paths.failed));
}

/** Every part a step may light: its highlight and the path of each result it can get. */
export function mayLight(s: Pick<Step, 'highlight' | 'litBy'>): string[] {
  return [...s.highlight, ...Object.values(s.litBy?.paths ?? {}).flatMap((p) => p ?? [])];
}

/** What the steps of `lesson` on `diagram` still to run (after the first `ran`) may light and the first `ran` did not:
 *  the flow draws the results these parts' labels name (an errno, SIGSEGV) as "?"
 *  (Highlight.masked) until a call that gets one has run, so a prediction's answer is not on
 *  screen before the learner answers. What a step lit is `litOf(i)`: in the app the path its
 *  calls really took (litPath), so a step whose result varies reveals the one result it got,
 *  not every one it might have (shmget's size 0 revealed EINVAL, ENOSPC and ENOMEM, the
 *  answer of the next step's question); without calls, the step's own `highlight`. A part
 *  no step lights stays as it is (`ipclab check` reports one whose result gives a
 *  checkpoint's answer away), and neither does one only steps already run might have lit. */
export function unrevealed(lesson: Pick<Lesson, 'steps'>, diagram: string, ran: number, litOf: (i: number) => readonly string[] = (i) => lesson.steps[i].highlight): string[] {
  const seen = new Set(lesson.steps.slice(0, ran).flatMap((s, i) => (s.diagram === diagram ? litOf(i) : [])));
  const later = lesson.steps.slice(ran).filter((s) => s.diagram === diagram);
  // what a step still to run reveals (Step.reveals) stays "?" though an earlier step lit it
  const held = new Set(later.flatMap((s) => s.reveals ?? []));
  // only a step still to run can answer a question with it: a result no step left can get (the
  // branch a run of step 4 did not take on this machine, above SHMMAX) is shown, not "?" for good
  return [...new Set([...later.flatMap(mayLight), ...held])].filter((id) => held.has(id) || !seen.has(id));
}
