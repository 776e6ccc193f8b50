// A list overlay of entries several lines tall (the errata, the glossary): each entry
// a heading and text wrapped under it, the one under the cursor marked, and the window
// placed so that the whole of that entry is in view (a search's hit on its top row).
import { type Line, lineWidth, run } from '../styled.js';
import { pageLines } from '../scroll.js';
import { layoutText, proseWidth, wrap } from '../text-fit.js';

export interface ListEntry {
  /** the first line, marked when the cursor is on the entry */
  heading: string;
  /** after the heading where the line has room, else on the line under it: a mark cut mid-word
   *  ("◂ from les…", pass 12) said nothing (the glossary's "◂ new at step 3") */
  mark?: string;
  /** paragraphs wrapped under the heading, each after its label (dim) */
  parts: { label?: string; text: string }[];
  /** a line above the entry that starts a group of the list (the glossary's "This lesson") */
  section?: string;
  /** dim text above the entry and its section, wrapped: the list's legend, on its first entry */
  lead?: string;
}

/** Cells the text of an entry is indented by, under its heading. */
const INDENT = 3;

/** The lines of the list at `width`, a blank line between entries (none after the last: the
 *  frame's "more" sign would count it, at the end of the list), and the offset that
 *  shows the entry under the cursor in a window of `rows` lines; `tops`: the offset with
 *  the cursor on each entry (for paging). `onTop`: the entry under the cursor on the
 *  window's top row, as far as the list goes (a search's hit, read from its heading down);
 *  'open': so too, unless the window from the list's start shows the whole entry (the entry
 *  a list opens at, with the entries before it in view when they fit). */
export function entryLines(entries: readonly ListEntry[], cursor: number, width: number, rows: number, ascii: boolean, onTop: boolean | 'open' = false, marked = true): { lines: Line[]; offset: number; tops: number[]; starts: number[]; span: [number, number] } {
  const t = layoutText(ascii);
  const lines: Line[] = [];
  const tops: number[] = [];
  // the row of each entry's heading
  const starts: number[] = [];
  let start = 0;
  let end = 0;
  entries.forEach((entry, i) => {
    // `marked` false: no entry pointed at (a search no entry matches), the window placed as ever
    const here = marked && i === cursor;
    if (i === cursor) start = lines.length;
    const first = lines.length;
    starts.push(first);
    if (entry.lead) for (const text of wrap(t.text(entry.lead), Math.max(10, proseWidth(width) - 1))) lines.push([run(` ${text}`, 'dim')]);
    if (entry.section) lines.push([run(` ${t.text(entry.section)}`, 'dim')]);
    const heading: Line = [run(` ${here ? (ascii ? '>' : '▶') : ' '} `, 'selected'), run(t.text(entry.heading), here ? 'selected' : 'title')];
    const mark = entry.mark ? t.text(entry.mark) : '';
    if (mark && lineWidth(heading) + 2 + lineWidth([run(mark)]) <= width) lines.push([...heading, run(`  ${mark}`, 'dim')]);
    else lines.push(heading, ...(mark ? [[run(' '.repeat(INDENT)), run(mark, 'dim')]] : []));
    for (const part of entry.parts) {
      const label = part.label ? t.text(`${part.label}`) : '';
      const body = wrap(t.text(`${label}${part.text}`), Math.max(10, proseWidth(width) - INDENT));
      body.forEach((text, k) => {
        const head = k === 0 && label ? [run(label, 'dim'), run(text.slice(label.length))] : [run(text)];
        lines.push([run(' '.repeat(INDENT)), ...head]);
      });
    }
    // as low as the list goes while the whole entry (or its top, when taller) is in view: ↓ from
    // the top moves the cursor before the window
    tops.push(Math.max(0, Math.min(first, lines.length - rows)));
    if (i === cursor) end = lines.length;
    if (i < entries.length - 1) lines.push([]);
  });
  // a search's hit on the top row, not the bottom one under the entries above it ("/owner");
  // 'open': the list opened at the entry, from its start when the whole entry fits under it
  const offset = onTop === 'open' && end <= rows ? 0 : onTop ? Math.max(0, Math.min(start, lines.length - rows)) : (tops[cursor] ?? 0);
  // `span`: the rows of the entry under the cursor, [start, end)
  return { lines, offset, tops, starts, span: [start, end] };
}

/** PgDn (`dir` 1) or PgUp (-1) over a list whose window starts at `top`, `rows` rows of its
 *  `count` lines: the window moves by a page as every scrolling pane's does (pageLines: the rows
 *  in view less one, the row kept as the overlap that keeps the reader's place; paging by
 *  entries moved 11 of 19 rows, the Trace 4 of 5: issue 16), as far as the list goes; the cursor
 *  goes to the first entry whose heading is in the new window, else to the entry the window's
 *  top row is in (an entry taller than the window). Where the window cannot move, the cursor
 *  goes to the last entry (PgDn) or the first (PgUp). `starts`: each entry's heading row. */
export function pageWindow(starts: readonly number[], top: number, rows: number, count: number, dir: 1 | -1): { top: number; cursor: number } {
  const last = Math.max(0, count - rows);
  const from = Math.min(Math.max(0, top), last);
  const to = Math.min(last, Math.max(0, from + dir * pageLines(rows)));
  if (to === from) return { top: from, cursor: dir > 0 ? Math.max(0, starts.length - 1) : 0 };
  const heading = starts.findIndex((row) => row >= to && row < to + rows);
  const within = starts.filter((row) => row <= to).length - 1;
  return { top: to, cursor: heading >= 0 ? heading : Math.max(0, within) };
}
