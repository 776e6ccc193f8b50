// Where each pane goes for a terminal size. Pure: (columns, rows) -> boxes, so the
// choice between tabs (small terminals) and side by side (large ones) is testable.
// Heights and widths include each pane's frame.
import { type Line, lineText } from './styled.js';

export type TabId = 'flow' | 'kernel' | 'trace' | 'code';
export const TABS: TabId[] = ['flow', 'kernel', 'trace', 'code'];
/** Everything that scrolls: the tabs' panes and the lesson text. */
export type ScrollPane = TabId | 'lesson';

export interface Size {
  w: number;
  h: number;
}

export type Layout =
  | { mode: 'small'; width: number; height: number }
  | { mode: 'tabs'; width: number; height: number; lesson: Size; tabs: Size }
  | { mode: 'wide'; width: number; height: number; lesson: Size; flow: Size; kernel: Size; right: Size; trace: Size };

/** Below this the screen says it needs more room instead of drawing a mess. */
export const MIN = { width: 60, height: 18 };
/** From this size on, the panes go side by side. */
export const WIDE = { width: 110, height: 30 };

/** Below the lesson, the tabs' pane keeps at least this many rows (frame included): a
 *  few lines of the flow, the kernel table's heading and rows. */
const TABS_MIN = 6;

/** Below the lesson, the tabs' pane keeps this many rows (frame included) unless the shown
 *  step's own text needs them: the flow's legend and 4 rows of drawing, a lit box whole with
 *  its edge (with 3, the lit part was a sliver at 80x24: fix19b#1). More rows measured worse:
 *  at 8 and 9 the next step's text went below the pane on 6-12 of 93 screens of the walkthrough
 *  (tests/app/walkthrough.test.ts), and its question behind Enter on a third of them. */
export const TABS_FLOW = 7;

/** The right column's width that keeps a dump row of 16 bytes whole (frame included). */
const KERNEL_DUMP_W = 73;

/** Rows outside the panes: title bar, status line, key bar. */
const CHROME = 3;

/** With tabs below it, the lesson text rows that leave the tabs their usual share:
 *  the lesson pane takes more (up to TABS_MIN left) only for a text that needs it. */
export function lessonRowsShare(height: number): number {
  return Math.ceil((height - CHROME) * 0.45) - 2;
}

/** With tabs below it, the most rows of text the lesson pane can get (the tabs keep TABS_MIN). */
export function lessonRowsMost(height: number): number {
  return height - CHROME - 1 - TABS_MIN - 2;
}

/** With tabs below it, the rows of text the lesson pane takes while the tabs keep TABS_FLOW:
 *  the notice of the step just run gives way (shown first, the question behind Enter) rather
 *  than the flow; only the shown step's own text (its heading, words and question) takes more,
 *  up to lessonRowsMost. */
export function lessonRowsBeside(height: number): number {
  return height - CHROME - 1 - TABS_FLOW - 2;
}

/** A row of a pane with nothing to read: blanks, or the frame's tone alone (the lesson pane's
 *  │ between an empty step list and no text). */
export function blankRow(l: Line): boolean {
  return l.every((r) => r.tone === 'frame' || r.text.trim() === '');
}

/** The rows of `lines` down to the last that is not blank. */
export function usedRows(lines: readonly Line[]): number {
  let used = lines.length;
  while (used > 0 && blankRow(lines[used - 1]!)) used--;
  return used;
}

/** With tabs below it, the rows of text the lesson pane is given: of the `rows` it gets for
 *  what it needs (lessonRowsNeeded, within the layout's bounds), those down to its last row
 *  that is not blank where it opens (`drawn(n)`: its lines at `n` rows); the rows under them go
 *  to the pane below (issue 16: the Trace was 4 rows under 3 blank ones at shmctl 3). Only
 *  where the pane drawn at that height is the same, row for row (a text that fits whole; the
 *  step list beside it whole); else all `rows`. A function of what the pane holds: the split
 *  changes when the lesson's text does (a run, a question brought, an answer, a form), never
 *  on a key that only moves or shows another pane. */
export function lessonRowsGiven(rows: number, drawn: (rows: number) => readonly Line[]): number {
  const lines = drawn(rows);
  const used = usedRows(lines);
  if (used >= rows || used === 0) return rows;
  const fewer = drawn(used);
  const same = fewer.length === used && fewer.every((l, i) => lineText(l) === lineText(lines[i]!));
  return same ? used : rows;
}

/** Side by side, while a step's result is read and its pane cut it (store/reading.ts resultGrows),
 *  the Trace takes up to this share of the rows, or the Kernel pane all the right column's but
 *  the Flow's GROWN_FLOW: its frame, legend and 5 rows, as many as the Kernel pane's least rows
 *  leave it (nc2 at 120x34 zh: a Flow of 1-2 rows, "┆ … ┆" and a legend, showed nothing). */
const GROWN_TRACE = 0.55;
const GROWN_FLOW = 8;
const KERNEL_LEAST = 10;

/** `flowRows`: how tall the lesson's flow is drawn (its tallest diagram), so in a large
 *  terminal the kernel pane gets the rows the flow does not need. `zoomed` (z), at any
 *  size: the pane shown (with tabs) or in focus (side by side) fills the screen below the
 *  tab bar, the lesson pane 0 rows (not drawn); Tab shows the next pane, as with tabs.
 *  `grow`: side by side, the pane whose rows a result being read needs (with tabs the lesson
 *  pane's `lessonRows` give them). */
export function layoutFor(width: number, height: number, lessonRows: number, flowRows?: number, zoomed = false, grow: 'trace' | 'kernel' | null = null): Layout {
  if (width < MIN.width || height < MIN.height) return { mode: 'small', width, height };
  const body = height - CHROME;
  if (zoomed) return { mode: 'tabs', width, height, lesson: { w: width, h: 0 }, tabs: { w: width, h: body - 1 } };
  if (width < WIDE.width || height < WIDE.height) {
    // lesson on top, sized to its content (the step just run and the whole next step)
    // but leaving the tabs TABS_MIN rows (+1 tab bar)
    const lessonH = Math.max(5, Math.min(lessonRows + 2, body - 1 - TABS_MIN));
    return { mode: 'tabs', width, height, lesson: { w: width, h: lessonH }, tabs: { w: width, h: body - lessonH - 1 } };
  }
  // the trace holds the whole result of the last step where it can: about a third of the rows
  const usualTrace = Math.max(8, Math.floor(body * 0.3));
  const traceH = grow === 'trace' ? Math.max(usualTrace, Math.min(Math.floor(body * GROWN_TRACE), body - KERNEL_LEAST - GROWN_FLOW)) : usualTrace;
  const topH = body - traceH;
  // the lesson text as wide as the right column allows while the kernel pane keeps its
  // dump of 16 bytes a row (71 cells inside its frame); its table drops columns to fit
  const lessonW = Math.max(40, Math.min(Math.floor(width * 0.4), width - KERNEL_DUMP_W));
  const rightW = width - lessonW;
  // the kernel pane needs about 11 lines (table, IPC_STAT, 64 bytes of dump); the flow, tall, the rest
  const usual = Math.max(Math.min(13, Math.max(10, Math.round(topH * 0.4))), flowRows === undefined ? 0 : topH - (flowRows + 2));
  const kernelH = grow === 'kernel' ? Math.max(usual, topH - GROWN_FLOW) : usual;
  const flowH = topH - kernelH;
  return {
    mode: 'wide',
    width,
    height,
    lesson: { w: lessonW, h: topH },
    right: { w: rightW, h: topH },
    flow: { w: rightW, h: flowH },
    kernel: { w: rightW, h: topH - flowH },
    trace: { w: width, h: traceH },
  };
}

/** The rows of text a zoomed pane shows (z) in a terminal of `width` x `height`. */
export function zoomedRows(width: number, height: number): number {
  const l = layoutFor(width, height, 0, undefined, true);
  return l.mode === 'tabs' ? l.tabs.h - 2 : 0;
}

/** The playground's right column on a large screen: as wide as the kernel table (78
 *  with its frame, lpid included) where the transcript keeps 42 (120 columns), else half. */
export function playRightWidth(width: number): number {
  return Math.max(Math.ceil(width / 2), Math.min(78, width - 42));
}

export type PlayLayout =
  | { mode: 'small'; width: number; height: number }
  /** one pane beside the transcript, below it (Ctrl-O chooses which) */
  | { mode: 'tabs'; width: number; height: number; transcript: Size; side: Size }
  | { mode: 'wide'; width: number; height: number; transcript: Size; challenge: Size | null; flow: Size; kernel: Size };

/** The playground: the transcript with the input line under it (the input row is
 *  outside `transcript`), and the Kernel pane, the flow and the challenge beside it
 *  on a large screen, or one of them below it on a small one. `challengeRows`: the
 *  open challenge's content, null when none is open. */
export function playLayoutFor(width: number, height: number, challengeRows: number | null): PlayLayout {
  if (width < MIN.width || height < MIN.height) return { mode: 'small', width, height };
  const body = height - CHROME;
  if (width < WIDE.width || height < WIDE.height) {
    const sideH = Math.max(8, Math.floor(body * 0.45));
    return { mode: 'tabs', width, height, transcript: { w: width, h: body - sideH - 1 }, side: { w: width, h: sideH } };
  }
  const rightW = playRightWidth(width);
  const leftW = width - rightW;
  const challengeH = challengeRows === null ? 0 : Math.min(challengeRows + 2, Math.floor(body / 3));
  // the kernel pane needs about 13 rows (table, IPC_STAT, 64 bytes of dump); the flow the rest
  const kernelH = Math.min(15, Math.floor((body - challengeH) / 2));
  return {
    mode: 'wide',
    width,
    height,
    transcript: { w: leftW, h: body - 1 },
    challenge: challengeH ? { w: rightW, h: challengeH } : null,
    flow: { w: rightW, h: body - challengeH - kernelH },
    kernel: { w: rightW, h: kernelH },
  };
}
