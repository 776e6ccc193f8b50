// Small readers the lessons' checkpoints share: each takes its answer from the step that
// just ran (LiveResult), so the grading follows whatever this kernel did.
import type { CallRecord, SegmentRecord } from '../native/types.js';
import type { Lang } from '../lang.js';
import { NO_BREAK } from '../text/cells.js';
import { withErrnoMeanings } from '../text/errno.js';
import { SHARED } from '../text/strings.js';
import type { Checkpoint, Choice, LiveResult, Text } from './types.js';

/** The label of a checkpoint's answer: "The kernel said", or "This run gave" where the run answers. */
export function answerLabel(checkpoint: Pick<Checkpoint, 'answeredBy'>, lang: Lang): string {
  return checkpoint.answeredBy === 'run' ? SHARED[lang].answerOfRun : SHARED[lang].answer;
}

/** A choice that reads the same in both languages: an errno, a key as ipcs writes it (a count is worded: counts). */
export function word(text: string): Text {
  return { en: text, zh: text };
}

/** A choice with its `whyNot` (Choice.whyNot): `text` a Text, or a string that reads the same
 *  in both languages (an errno: `choice('EEXIST', {…})`); a Choice keeps its `value`. */
export function choice(text: string | Choice, whyNot: Text): Choice {
  return { ...(typeof text === 'string' ? word(text) : text), whyNot };
}

/** The learner's wrong pick `i` of `choices`, why it is not the answer, in `lang`: undefined
 *  for the answer itself and for a choice without one. */
export function whyNotOf(choices: readonly Choice[], i: number, answer: number, lang: Lang): string | undefined {
  if (i === answer) return undefined;
  const text = choices[i]?.whyNot?.[lang]?.trim();
  return text ? text : undefined;
}

/** The last call named `name` (the C function: 'shmget', 'shmctl') the step made. */
export function lastCall(live: LiveResult<unknown>, name: string): CallRecord {
  const call = live.calls.filter((c) => c.call === name).at(-1);
  if (!call) throw new Error(`the step made no ${name} call`);
  return call;
}

/** The first call named `name` the step made. */
export function firstCall(live: LiveResult<unknown>, name: string): CallRecord {
  const call = live.calls.find((c) => c.call === name);
  if (!call) throw new Error(`the step made no ${name} call`);
  return call;
}

/** The kernel's row for `shmid` right after the step; undefined when it is gone. */
export function liveRow(live: LiveResult<unknown>, shmid: number): SegmentRecord | undefined {
  return live.segments.find((s) => s.shmid === shmid);
}

/** Choices for values the kernel reports, each worded with what it is ("nattch 0"): a
 *  bare "0" beside the option numbers reads as one of them ("2) 1": press 2 for nattch 2?). */
export function counts(name: string | Text, values: readonly (number | string)[], whyNots?: readonly (Text | undefined)[]): Choice[] {
  const said = typeof name === 'string' ? word(name) : name;
  if (whyNots && whyNots.length !== values.length) throw new Error(`counts('${said.en}'): ${values.length} values, ${whyNots.length} whyNots`);
  return values.map((value, i) => ({ en: `${said.en} ${value}`, zh: `${said.zh} ${value}`, value, ...(whyNots?.[i] ? { whyNot: whyNots[i] } : {}) }));
}

/** The index of the choice `value` is: a choice's `value` (counts), else its text (an errno
 *  of word()); null: the call succeeded, the choice at `success`. -1 when none is. */
export function choiceOf(choices: readonly Choice[], value: string | number | null, success = -1): number {
  if (value === null) return success;
  return choices.findIndex((c) => (c.value ?? c.en) === value);
}

/** "the call succeeded" or "it failed with E…", for explanations; the call as inline
 *  code, so a line breaks before it rather than inside its quoted path. */
export function outcomeOf(call: CallRecord): Text {
  const c = `\`${call.c}\``;
  return call.errno === null
    ? { en: `${c} returned ${call.retText ?? call.ret}`, zh: `${c} 返回 ${call.retText ?? call.ret}` }
    : { en: `${c} failed with ${call.errno}`, zh: `${c} 失败，errno 为 ${call.errno}` };
}

/** The mark of choice `i` (0-based), the key that picks it in brackets: "[2]". Closed on
 *  both sides, so its digit never runs into a value after it ("1) nattch 0" read as one
 *  thing to newcomers; "[1] 0x00000000" cannot). */
export function choiceMark(i: number): string {
  return `[${i + 1}]`;
}

/** Choice `i` as the screen and `run` list it, "[2] nattch 1": its mark, then always one
 *  separator, a NO_BREAK space that holds the mark to its text, so no line ends on a lone
 *  "[2]" (a wrapped answer line); an errno in it with its meaning ("[1] EINVAL (bad
 *  argument)"), so the list and every verdict that repeats a choice say it alike. */
export function listedChoice(choices: readonly Choice[], i: number, lang: Lang): string {
  return `${choiceMark(i)}${NO_BREAK}${withErrnoMeanings(choices[i][lang], lang)}`;
}

/** How a throw-away child ended after a plain load or store (no call, so no errno). */
export interface ChildEnd {
  signal: string | null;
  code: number | null;
}

/** The answer of a question on a child's load or store, whose choices are [it went
 *  through, an errno, SIGSEGV] (shmat's rdonly, shmdt's use-after): from how it ended,
 *  -1 for neither. */
export function accessAnswer({ signal, code }: ChildEnd): number {
  return signal === 'SIGSEGV' ? 2 : signal === null && code === 0 ? 0 : -1;
}
