// Lines made of toned runs: the flow library's StyledLine plus the screen's own tones.
// Panes build their content as these, fitted to the exact width of the pane.
import type { Tone } from '../flow/types.js';
import { asciiText, cells, layoutText, truncate } from './text-fit.js';
import { NO_BREAK } from '../text/cells.js';

export type UiTone = Tone | 'dim' | 'error' | 'key' | 'selected' | 'ok' | 'changed';

export interface Run {
  text: string;
  tone: UiTone;
}

export type Line = Run[];

export const run = (text: string, tone: UiTone = 'plain'): Run => ({ text, tone });
export const line = (text: string, tone: UiTone = 'plain'): Line => [run(text, tone)];

/** The rows of a paragraph wrapped onto several that go on from the row above (a flag kept on
 *  the row itself): a pane that scrolls itself opens at a row that starts a paragraph, never
 *  mid-sentence (issue 16: the lesson pane opened at "│ it full screen."). */
const continued = new WeakSet<Line>();

/** `rows`, one paragraph wrapped: every row after the first marked as going on from the one above. */
export function paragraph(rows: Line[]): Line[] {
  for (const l of rows.slice(1)) continued.add(l);
  return rows;
}

/** Whether `l` goes on from the row above: a wrapped paragraph's second row or later. */
export function continues(l: Line | undefined): boolean {
  return l !== undefined && continued.has(l);
}

/** A line drawn in the frame's tone alone: the Trace's rule before a step, part of the frame. */
export function isRule(l: Line): boolean {
  return l.length > 0 && l.every((r) => r.tone === 'frame');
}

export function lineWidth(l: Line): number {
  return l.reduce((n, r) => n + cells(r.text), 0);
}

export function lineText(l: Line): string {
  return l.map((r) => r.text).join('');
}

/** Cuts a line to `width` cells (marking the cut with `mark`) and pads it with spaces to exactly `width`. */
export function fit(l: Line, width: number, mark = '…'): Line {
  const cut = clip(l, width, mark);
  const used = lineWidth(cut);
  return used < width ? [...cut, run(' '.repeat(width - used))] : cut;
}

/** Cuts a line to at most `width` cells, marking the cut with `mark`, without padding. */
export function clip(l: Line, width: number, mark = '…'): Line {
  const total = lineWidth(l);
  if (total <= width) return l;
  // too wide: keep what fits beside the mark, then the mark
  const room = Math.max(0, width - cells(mark));
  const out: Line = [];
  let used = 0;
  for (const r of l) {
    const w = cells(r.text);
    if (used + w <= room) {
      out.push(r);
      used += w;
      continue;
    }
    const piece = truncate(r.text, room - used, '');
    out.push({ text: `${piece}${mark}`, tone: r.tone });
    used += cells(piece) + cells(mark);
    break;
  }
  return out;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

/** The last guard before the terminal: a control character that reached a pane (a
 *  tab from a command's output, an escape) would move the cursor and break the frame,
 *  so it is drawn as a space (tab) or its visible picture (␛ for ESC). Text from
 *  outside is cleaned before it is laid out; this keeps any that was not harmless. */
function noControls(r: Run): Run {
  if (!CONTROL.test(r.text)) return r;
  const text = r.text.replace(new RegExp(CONTROL, 'g'), (c) => (c === '\t' ? ' ' : c === '\x7f' ? '␡' : String.fromCharCode(0x2400 + c.charCodeAt(0))));
  return { text, tone: r.tone };
}

/** What the terminal is given, one line at a time: no control character, and under --ascii every typographic
 *  symbol turned into ASCII (asciiText). "..." and "->" take more cells than the
 *  symbols they replace: the widest gap of spaces gives the cells back first (the
 *  status line, the title bar), else the line is cut again, with an ASCII mark. */
export function screenLine(l: Line, width: number, ascii: boolean): Line {
  // a NO_BREAK space only tells wrap where not to break: the terminal gets a plain one
  if (!ascii) return clip(l.map((r) => ({ text: noControls(r).text.replaceAll(NO_BREAK, ' '), tone: r.tone })), width);
  const out = l.map((r) => ({ text: asciiText(noControls(r).text), tone: r.tone }));
  const excess = lineWidth(out) - width;
  if (excess > 0) {
    let gap = -1;
    out.forEach((r, i) => {
      if (/^ +$/.test(r.text) && r.text.length > excess && (gap < 0 || r.text.length > out[gap].text.length)) gap = i;
    });
    if (gap >= 0) out[gap] = { text: out[gap].text.slice(excess), tone: out[gap].tone };
  }
  return clip(out, width, layoutText(true).mark);
}

/** The line without the plain spaces at its end (they draw nothing). */
export function trimEnd(l: Line): Line {
  const out = [...l];
  while (out.length > 0) {
    const last = out[out.length - 1];
    if (last.tone !== 'plain' && last.tone !== 'frame' && last.tone !== 'dim' && last.tone !== 'label') break;
    const text = last.text.replace(/ +$/, '');
    if (text) {
      out[out.length - 1] = { text, tone: last.tone };
      break;
    }
    out.pop();
  }
  return out;
}
