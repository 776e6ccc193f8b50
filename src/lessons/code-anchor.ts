// A step's anchor in the lesson's C files (Step.code): the text the C pane opens at.
// Where a lesson has several files the anchor names its own ("inherit.c: pid_t child
// = fork()"); a bare one is looked for in whichever file is shown.

/** A step's anchors (Step.code) as a list: one string, or the one for each call of a step that makes several. */
export function anchorsOf(code: string | readonly string[] | undefined): readonly string[] {
  return code === undefined ? [] : typeof code === 'string' ? [code] : code;
}

/** The texts to find in `file` for a step's anchors: undefined when the step has none, [] when
 *  they are all in other files of `files`. */
export function anchorTexts(code: string | readonly string[] | undefined, file: string, files: readonly string[]): readonly string[] | undefined {
  if (code === undefined) return undefined;
  return anchorsOf(code).flatMap((a) => anchorText(a, file, files) ?? []);
}

/** The text to find in `file` for `anchor`, or null when the anchor names another of `files`. */
export function anchorText(anchor: string, file: string, files: readonly string[]): string | null {
  const named = anchorFile(anchor, files);
  if (named === null) return anchor;
  return files[named] === file ? anchor.slice(file.length + 2) : null;
}

/** The index in `files` of the file `anchor` names, or null for a bare anchor. */
export function anchorFile(anchor: string, files: readonly string[]): number | null {
  const i = files.findIndex((f) => anchor.startsWith(`${f}: `));
  return i < 0 ? null : i;
}

/** The step the C code is shown for: the one the lesson pane shows (its ▶), about to run or
 *  in review, at the end the last. Not the step just run whose notice opens the pane: at
 *  "▶ step 7/8" the learner predicts step 7 and reads its code (fix20d#5). */
export function codeStep(view: number, steps: number): number {
  return Math.max(0, Math.min(view, steps - 1));
}

/** The index in `files` of the first file a text points to with the f key: "examples/c/rv.h
 *  (f)", "rv.h（按 f）". f opens that one first, so the text's "(f)" lands where it says. */
export function fileForF(texts: readonly string[], files: readonly string[]): number | null {
  for (const text of texts) {
    const at = files.map((file) => Math.min(...[`${file} (f)`, `${file}（按 f）`].map((mark) => text.indexOf(mark)).map((i) => (i < 0 ? Infinity : i))));
    const first = Math.min(...at);
    if (first < Infinity) return at.indexOf(first);
  }
  return null;
}

/** Source lines (0-based, both ends included). */
export interface LineSpan {
  first: number;
  last: number;
}

/** The lines a step's anchor (Step.code) marks in a file, or null when the file does not
 *  hold it: from the anchor to the end of its statement (the parentheses it opens closed,
 *  or a `;`, `{` or the line's end outside them), at most a few lines. */
export function anchorSpan(source: string, anchor: string): LineSpan | null {
  const at = source.indexOf(anchor);
  if (at < 0 || anchor === '') return null;
  const first = source.slice(0, at).split('\n').length - 1;
  let line = first;
  let depth = 0;
  const close = at + anchor.length - 1;
  for (let i = at; i < source.length && line - first < 6; i++) {
    const c = source[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (i >= close && depth <= 0 && (c === ';' || c === '{' || c === '\n' || (c === ')' && depth === 0))) break;
    if (c === '\n') line++;
  }
  return { first, last: line };
}

/** While the checkpoint of step `open` is unanswered, the first source line (0-based) the C pane
 *  holds back, or null for none: the pane shows the file down to the last line lit for the steps
 *  before it, never the open step's own lines, the comment above them or the lines after them,
 *  where an `expect(` or a comment says what the call gives (msg's "type -3: the lowest type <= 3"
 *  under the call asked about, ftok's `expect(..., EEXIST)` on it, "IPC_RMID wakes a blocked
 *  reader with EIDRM" above it); in a file with no line lit, down to the first line of the open
 *  step or a later one. */
export function heldFrom(source: string, anchors: readonly (string | readonly string[] | null | undefined)[], open: number): number | null {
  const at = stepAnchor(source, anchors, open);
  const before = at !== null && at.own && open > 0 ? stepAnchor(source, anchors, open - 1) : null;
  const after = (spans: readonly LineSpan[]) => Math.max(...spans.map((s) => s.last)) + 1;
  if (at?.own) return Math.min(...at.spans.map((s) => s.first), ...(before ? [after(before.spans)] : []));
  if (at !== null) return after(at.spans);
  const later = anchors.slice(open).flatMap((a) => (a === undefined || a === null ? [] : typeof a === 'string' ? [a] : a).flatMap((t) => anchorSpan(source, t) ?? []));
  return later.length > 0 ? Math.min(...later.map((s) => s.first)) : null;
}

/** The first source line the C pane holds back while the questions of steps `waiting` are
 *  unanswered, and the step whose question holds it, or null for none: the least of their
 *  `heldFrom`, so no line of a later step asked about (sem's "SEM_UNDO gave the count back"
 *  under step 6) is read before its question. `next`, the step about to run, holds as an open
 *  question does; a later one only where this file holds its own lines (serv.c holds none of
 *  serv-clnt's step 4, and its lines from step 6's on are no answer to it), and below the lines
 *  of the step `lit` (a function above main, race.c's add, never hides main's step 1). */
export function heldForQuestions(
  source: string,
  anchors: readonly (string | readonly string[] | null | undefined)[],
  waiting: readonly number[],
  next: number,
  lit: number,
): { from: number; step: number } | null {
  const shown = stepAnchor(source, anchors, lit);
  const floor = shown?.own ? Math.max(...shown.spans.map((sp) => sp.last)) + 1 : 0;
  let held: { from: number; step: number } | null = null;
  for (const step of waiting) {
    if (step !== next && !stepAnchor(source, anchors, step)?.own) continue;
    const from = heldFrom(source, anchors, step);
    if (from === null || (step !== next && from < floor)) continue;
    if (held === null || from < held.from) held = { from, step };
  }
  return held;
}

/** The steps whose question is unanswered once `done` steps have run: each with a checkpoint,
 *  not yet run (a question is answered, or skipped, as its step runs). */
export function questionsWaiting(steps: readonly { id: string }[], checkpoints: Readonly<Record<string, unknown>> | undefined, done: number): number[] {
  return steps.flatMap((st, i) => (i >= done && checkpoints?.[st.id] ? [i] : []));
}

/** Where the C pane stands at step `step` (anchors: each step's Step.code as texts of
 *  this file, null or [] where they are all in another file, undefined where the step has none):
 *  its own anchors, marked, when this file holds them (`span` the first, the one kept in view;
 *  `spans` all of them: a step making several calls lights each); a step with no anchor, where
 *  the nearest step before with one was, unmarked, when that one is in this file (a step with
 *  no C of its own leaves the pane where it was); else null: the top (a file opened with f
 *  whose line is not lit opens at its start, not at some line of a step far off). */
export function stepAnchor(
  source: string,
  anchors: readonly (string | readonly string[] | null | undefined)[],
  step: number,
): { span: LineSpan; spans: LineSpan[]; own: boolean } | null {
  for (let i = Math.min(step, anchors.length - 1); i >= 0; i--) {
    const anchor = anchors[i];
    if (anchor === undefined) continue;
    const texts = anchor === null ? [] : typeof anchor === 'string' ? [anchor] : anchor;
    const spans = texts.flatMap((t) => anchorSpan(source, t) ?? []).sort((a, b) => a.first - b.first);
    return spans.length > 0 ? { span: spans[0]!, spans, own: i === step } : null;
  }
  return null;
}
