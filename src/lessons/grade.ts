// Grading a checkpoint: its answer read from the step that just ran (its calls, what it
// traced, the kernel's segments right after it), never from the lesson's text. An answer
// that is no choice, or a reader that throws, is a problem of the step: the choices do not
// cover what this kernel did (docs/ARCHITECTURE.md "Checkpoints and checks").
import * as native from '../native/index.js';
import type { CallRecord } from '../native/types.js';
import type { Lesson, LiveResult, Text, TraceEntry } from './types.js';

/** A graded checkpoint, or the problem that kept it from being graded; neither when the step has none. */
export interface Graded {
  checkpoint?: { answer: number; explanation: Text };
  problem?: string;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The step's checkpoint graded by what the step did; {} when the step has none. */
export function gradeCheckpoint(lesson: Lesson, stepId: string, ran: { entries: readonly TraceEntry[]; state: unknown }): Graded {
  const checkpoint = lesson.checkpoints?.[stepId];
  if (!checkpoint) return {};
  const live: LiveResult = {
    calls: ran.entries.filter((e): e is CallRecord => e.type === 'call'),
    entries: ran.entries,
    segments: native.readSegments(),
    state: ran.state,
    pid: native.getpid(),
  };
  try {
    const answer = checkpoint.answer(live);
    if (!Number.isInteger(answer) || answer < 0 || answer >= checkpoint.choices.length) {
      return { problem: `checkpoint of step '${stepId}': the kernel's result (choice ${answer}) is none of its ${checkpoint.choices.length} choices` };
    }
    return { checkpoint: { answer, explanation: checkpoint.explain(live) } };
  } catch (err) {
    return { problem: `checkpoint of step '${stepId}' could not be graded: ${describe(err)}` };
  }
}
