// The marks of a step and of an answer, one per meaning wherever it is drawn: the step list,
// the verdicts in the lesson text and the check, the ? help and the status line (issue 16: the
// text marked a wrong prediction ✗, the list ≠ and the help said ✗ meant "unexpected").
// --ascii draws each in one cell: ≠ (a step that ran, its prediction wrong: ✓ said it was
// right, fix27c#2) as ! (ASCII_FOR's != is two cells); ✎ a step not run yet that asks for a
// prediction before it runs (fix27c#3: newcomers never knew which steps asked until Space
// brought the question), not ?, which the Flow pane's legend says of a label shown later
// (issue 16), as Q.
export const MARKS = { done: '✓', here: '▶', bad: '✗', missed: '≠', asks: '✎' };
/** the step-that-asks mark under --ascii: one cell, no other mark of the list or the Flow's */
export const ASKS_ASCII = 'Q';

const ASCII: Record<keyof typeof MARKS, string> = { done: '*', here: '>', bad: 'x', missed: '!', asks: ASKS_ASCII };

/** A mark as drawn: under --ascii its one-cell form. */
export function markOf(kind: keyof typeof MARKS, ascii: boolean): string {
  return ascii ? ASCII[kind] : MARKS[kind];
}

/** Every mark as drawn (the help's legend, the status line's words). */
export function marksDrawn(ascii: boolean): typeof MARKS {
  return ascii ? { ...ASCII } : MARKS;
}
