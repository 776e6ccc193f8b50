// A step's anchor in the lesson's C files (Step.code): the text the C pane opens at.
// Where a lesson has several files the anchor names its own ("inherit.c: pid_t child
// = fork()"); a bare one is looked for in whichever file is shown.

/** The text to find in `file` for `anchor`, or null when the anchor names another of `files`. */
export function anchorText(anchor: string, file: string, files: readonly string[]): string | null {
  const named = files.find((f) => anchor.startsWith(`${f}: `));
  if (named === undefined) return anchor;
  return named === file ? anchor.slice(named.length + 2) : null;
}
