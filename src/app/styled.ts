// Lines made of toned runs: the flow library's StyledLine plus the screen's own tones.
// Panes build their content as these, fitted to the exact width of the pane.
import type { Tone } from '../flow/types.js';
import { cells, truncate } from './text-fit.js';

export type UiTone = Tone | 'dim' | 'error' | 'key' | 'selected' | 'ok';

export interface Run {
  text: string;
  tone: UiTone;
}

export type Line = Run[];

export const run = (text: string, tone: UiTone = 'plain'): Run => ({ text, tone });
export const line = (text: string, tone: UiTone = 'plain'): Line => [run(text, tone)];

export function lineWidth(l: Line): number {
  return l.reduce((n, r) => n + cells(r.text), 0);
}

export function lineText(l: Line): string {
  return l.map((r) => r.text).join('');
}

/** Cuts a line to `width` cells (marking the cut with …) and pads it with spaces to exactly `width`. */
export function fit(l: Line, width: number): Line {
  const cut = clip(l, width);
  const used = lineWidth(cut);
  return used < width ? [...cut, run(' '.repeat(width - used))] : cut;
}

/** Cuts a line to at most `width` cells, marking the cut with …, without padding. */
export function clip(l: Line, width: number): Line {
  const total = lineWidth(l);
  if (total <= width) return l;
  // too wide: keep what fits in width - 1 cells, then the mark
  const out: Line = [];
  let used = 0;
  for (const r of l) {
    const w = cells(r.text);
    if (used + w <= width - 1) {
      out.push(r);
      used += w;
      continue;
    }
    const piece = truncate(r.text, width - 1 - used, '');
    out.push({ text: `${piece}…`, tone: r.tone });
    used += cells(piece) + 1;
    break;
  }
  return out;
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
