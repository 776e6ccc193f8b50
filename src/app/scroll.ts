// Where a pane's window of lines starts. Pure: the pane computes its content and so
// knows the largest useful offset; an offset is kept within it when the pane is
// drawn and when a key moves it, so nothing needs writing back after a render.

/** The largest useful offset for `count` lines in a panel of `height` rows (frame included). */
export function maxOffset(count: number, height: number): number {
  return Math.max(0, count - Math.max(0, height - 2));
}

/** The lines a page key (PgUp PgDn) moves a pane that shows `rows` rows: all of them
 *  but one, which stays in view as the overlap that keeps the reader's place. Every pane
 *  pages by it, zoomed or not. */
export function pageLines(rows: number): number {
  return Math.max(1, rows - 1);
}

/** The first line in view for an offset counted from the top. */
export function windowTop(offset: number, max: number): number {
  return Math.min(offset, max);
}

/** The offset after moving the window `lines` toward the end. */
export function offsetAfter(top: number, lines: number, max: number): number {
  return Math.min(Math.max(0, top + lines), max);
}

/** An offset the learner chose, and what the pane showed then. */
export interface OwnOffset {
  anchor: string;
  offset: number;
}

/** An own offset that stands for "the end, wherever it is": a pane the learner scrolled back
 *  to its bottom keeps following its end as lines arrive, as it did before they scrolled. */
export const AT_END = Number.MAX_SAFE_INTEGER;

/** A pane that follows a part of its content (the flow its lit part, the trace the
 *  last step's start, the C code the step's call): the learner's offset while the
 *  content is as it was when they chose it, else `follow`; AT_END is the end. */
export function followTop(own: OwnOffset | null, anchor: string, follow: number, max: number): number {
  return Math.min(Math.max(0, own?.anchor === anchor ? own.offset : follow), max);
}

/** The own offset a scroll key leaves: one that reaches the end of a pane that follows its end
 *  (`follow` is `max`, or `toEnd`: the Trace, which shows a step from its heading but whose
 *  end, once reached, is followed) is AT_END, so lines arriving later come into view (nc: the
 *  Trace stayed where it was after a zoom while a step's lines arrived below it). */
export function ownAfter(top: number, lines: number, follow: number, max: number, toEnd = false): number {
  const next = offsetAfter(top, lines, max);
  return next >= max && (toEnd || follow >= max) ? AT_END : next;
}
