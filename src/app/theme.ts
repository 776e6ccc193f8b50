// Tones to terminal attributes, written as SGR sequences so a whole line is one
// string (one Ink node per line keeps a redraw cheap). With colour: colours; without
// (src/text/color.ts decides): bold and inverse only, so the lit step and flow still stand out.
import type { Line, UiTone } from './styled.js';

interface Attrs {
  fg?: number;
  bold?: boolean;
  dim?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

const COLOUR: Record<UiTone, Attrs> = {
  plain: {},
  frame: { fg: 90 },
  title: { bold: true },
  label: { fg: 36 },
  active: { fg: 33, bold: true, inverse: true },
  done: { fg: 32 },
  dim: { dim: true },
  error: { fg: 31, bold: true },
  key: { fg: 36, bold: true },
  selected: { inverse: true },
  ok: { fg: 32, bold: true },
  changed: { fg: 35, bold: true, underline: true },
};

const MONO: Record<UiTone, Attrs> = {
  plain: {},
  frame: {},
  title: { bold: true },
  label: {},
  active: { bold: true, inverse: true },
  done: { bold: true },
  dim: {},
  error: { bold: true },
  key: { bold: true },
  selected: { inverse: true },
  ok: { bold: true },
  changed: { bold: true, underline: true },
};

function sgr(a: Attrs): string {
  const codes = [a.bold ? 1 : 0, a.dim ? 2 : 0, a.underline ? 4 : 0, a.inverse ? 7 : 0, a.fg ?? 0].filter(Boolean);
  return codes.length ? `\x1b[${codes.join(';')}m` : '';
}

/** The line as one string with attribute codes, each run closed by a reset. */
export function lineToAnsi(line: Line, color: boolean): string {
  const table = color ? COLOUR : MONO;
  let out = '';
  for (const r of line) {
    if (!r.text) continue;
    const open = sgr(table[r.tone]);
    out += open ? `${open}${r.text}\x1b[0m` : r.text;
  }
  return out;
}
