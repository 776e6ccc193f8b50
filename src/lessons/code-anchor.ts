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

/** The step the C code is shown for: the one just run while the lesson pane opens with
 *  its notice (the next step's text below it, not yet run), in review the step shown,
 *  at the end the last. */
export function codeStep(view: number, done: number, steps: number): number {
  return Math.max(0, Math.min(view === done && done > 0 ? done - 1 : view, steps - 1));
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
