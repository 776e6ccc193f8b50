// Pure pieces of a pane frame: the top border with its title and "more above"
// sign, the bottom border with "more below", in Unicode or ASCII.
import { type Line, run, fit, lineWidth } from '../styled.js';
import { cells, truncate } from '../text-fit.js';

export interface FrameChars {
  tl: string; tr: string; bl: string; br: string; h: string; v: string; up: string; down: string;
}

const UNICODE: FrameChars = { tl: '┌', tr: '┐', bl: '└', br: '┘', h: '─', v: '│', up: '↑', down: '↓' };
const ASCII: FrameChars = { tl: '+', tr: '+', bl: '+', br: '+', h: '-', v: '|', up: '^', down: 'v' };

export function frameChars(ascii: boolean): FrameChars {
  return ascii ? ASCII : UNICODE;
}

/** A title too wide for `room` cells without its last parts (separated by two blanks):
 *  parts are dropped whole, never cut mid-phrase; only a first part alone too wide is cut. */
export function fitTitle(title: string, room: number): string {
  const parts = title.split('  ');
  while (parts.length > 1 && cells(parts.join('  ')) > room) parts.pop();
  return parts.join('  ');
}

function border(left: string, right: string, label: Line, note: string, width: number, c: FrameChars): Line {
  const inner = width - 2;
  const noteText = note ? ` ${note} ` : '';
  const labelLine = fit(label, Math.max(0, Math.min(label.reduce((n, r) => n + cells(r.text), 0), inner - cells(noteText) - 1)));
  const used = labelLine.reduce((n, r) => n + cells(r.text), 0) + cells(noteText);
  const fill = Math.max(0, inner - used);
  return [run(left, 'frame'), ...labelLine, run(c.h.repeat(fill), 'frame'), run(noteText, 'dim'), run(right, 'frame')];
}

/** A sign and the note beside it, a space apart; a note that opens with a full-width bracket
 *  brings its own room ("↑ 还有 14 行（高亮部分向上延续）", text-style.ts). */
function beside(sign: string, note: string): string {
  return /^[（【「『]/.test(note) ? `${sign}${note}` : `${sign} ${note}`;
}

/** `keys`: how to scroll this pane, named beside the sign (e.g. PgUp / PgDn) */
function topNote(above: number, c: FrameChars, more: (n: number) => string, key: string): string {
  return above > 0 ? (key ? beside(`${c.up} ${more(above)}`, key) : `${c.up} ${more(above)}`) : '';
}

/** The cells the top border leaves its title beside its "↑ N more" note and the focus `mark`
 *  (for a pane that chooses among titles of its own: FlowPane, CodePane). */
export function titleRoom(above: number, width: number, c: FrameChars, more: (n: number) => string, key = '', mark = ''): number {
  const note = topNote(above, c, more, key);
  // "─ title " beside " note ", the mark and its blank, and a cell of the border
  return width - 2 - 3 - (note ? cells(note) + 2 : 0) - (mark ? cells(mark) + 1 : 0) - 1;
}

/** `mark`: said after the title of the pane in focus where several share the screen ("[focus]",
 *  plain text: seen under NO_COLOR and --ascii, where reverse video is not; issue 16 pass 6).
 *  One style in every pane and language, the pane's name first: the title's later parts give
 *  way to the mark (a pane that chooses its title by its room leaves the mark its room, titleRoom),
 *  and a first part alone too wide is cut at a word, never the mark (a title that filled its room
 *  was once bracketed instead, "┌─[Flow: …]─", beside zh's "[焦点]": two styles, s29f). */
export function topBorder(title: string, focused: boolean, above: number, width: number, c: FrameChars, more: (n: number) => string, key = '', mark = ''): Line {
  const note = topNote(above, c, more, key);
  const room = Math.max(0, titleRoom(above, width, c, more, key, mark));
  const shown = truncate(fitTitle(title, room), room, c === ASCII ? '...' : '…', true);
  const label: Line = !title ? [] : [run(c.h, 'frame'), run(` ${shown} `, focused ? 'selected' : 'title'), ...(mark ? [run(`${mark} `, 'label')] : [])];
  return border(c.tl, c.tr, label, note, width, c);
}

/** `label`: a state of the pane said on its bottom border (zoomed, and the key back) */
export function bottomBorder(below: number, width: number, c: FrameChars, more: (n: number) => string, key = '', label = ''): Line {
  const labelLine: Line = label ? [run(c.h, 'frame'), run(` ${label} `, 'selected')] : [];
  const sign = below > 0 ? `${c.down} ${more(below)}` : '';
  // the key beside the sign gives way to the label (what a zoomed pane says waits in the lesson)
  const withKey = sign && key ? beside(sign, key) : sign;
  const fits = lineWidth(labelLine) + cells(` ${withKey} `) + 1 <= width - 2;
  return border(c.bl, c.br, labelLine, fits ? withKey : sign, width, c);
}
