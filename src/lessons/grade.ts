// Grading a checkpoint: its answer read from the step that just ran (its calls, what it
// traced, the kernel's segments right after it), never from the lesson's text. An answer
// that is no choice, or a reader that throws, is a problem of the step: the choices do not
// cover what this kernel did (docs/ARCHITECTURE.md "Checkpoints and checks").
import * as native from '../native/index.js';
import type { CallRecord } from '../native/types.js';
import type { Lesson, LiveResult, Step, Text, TraceEntry } from './types.js';

/** A graded checkpoint, or the problem that kept it from being graded; neither when the step has none. */
export interface Graded {
  checkpoint?: { answer: number; explanation: Text };
  problem?: string;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The step as it just ran: what its checkpoint and its notice (Step.noticeBy) read. */
export function liveResult(ran: { entries: readonly TraceEntry[]; state: unknown }): LiveResult {
  return {
    calls: ran.entries.filter((e): e is CallRecord => e.type === 'call'),
    entries: ran.entries,
    segments: native.readSegments(),
    state: ran.state,
    pid: native.getpid(),
  };
}

/** The notice this run calls for (Step.noticeBy), none to keep the step's own; a reader that
 *  throws is a problem of the step, as a checkpoint's is. */
export function runNotice(step: Step, live: LiveResult): { notice?: Text; problem?: string } {
  if (!step.noticeBy) return {};
  try {
    const notice = step.noticeBy(live);
    return notice ? { notice } : {};
  } catch (err) {
    return { problem: `the notice of step '${step.id}' could not read the run: ${describe(err)}` };
  }
}

/** The step's checkpoint graded by what the step did; {} when the step has none. */
export function gradeCheckpoint(lesson: Lesson, stepId: string, live: LiveResult): Graded {
  const checkpoint = lesson.checkpoints?.[stepId];
  if (!checkpoint) return {};
  try {
    const answer = checkpoint.answer(live);
    if (!Number.isInteger(answer) || answer < 0 || answer >= checkpoint.choices.length) {
      return { problem: `checkpoint of step '${stepId}': the kernel's result (choice ${answer}) is none of its ${checkpoint.choices.length} choices` };
    }
    const explanation = checkpoint.explain(live);
    // a wrong pick's whyNot is shown above this explanation: it must say something else
    const bare = (t: string) => t.toLowerCase().replace(/[\s`.,:;!?()'"，。：；！？、（）“”]/g, '');
    const again = checkpoint.choices.findIndex((c, i) => i !== answer && c.whyNot && (['en', 'zh'] as const).some((l) => bare(c.whyNot![l]) === bare(explanation[l])));
    if (again >= 0) return { problem: `checkpoint of step '${stepId}': choice ${again + 1}'s whyNot repeats this run's explanation` };
    return { checkpoint: { answer, explanation } };
  } catch (err) {
    return { problem: `checkpoint of step '${stepId}' could not be graded: ${describe(err)}` };
  }
}
