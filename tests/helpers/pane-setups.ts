// The screens render tests of the panes set up alike, as a learner gets there by keys: a
// lesson's first steps run and the Trace shown (tests/app/trace-follow, zoom), the C pane on
// one of the lesson's files, zoomed, scrolled to a source line (tests/app/code-pane, in
// Chinese); and the C pane read back from the screen.
import { strings } from '../../src/app/strings.js';
import { KEYS, ran, type Rendered, tabTo } from './render.js';

/** The lesson open, its bar naming step 1 of all ("step 1/8", "步骤 1/8"), then its first
 *  `steps` steps run with Space. */
export async function stepsRun(r: Rendered, steps: number): Promise<void> {
  await r.waitFor((f) => r.store.getState().run !== null && /(?:step|步骤) 1\/\d+/.test(f), 'the lesson');
  for (let step = 1; step <= steps; step++) {
    await r.press(KEYS.space);
    await ran(r, step);
  }
}

/** stepsRun, then the Trace shown by Tab. */
export async function traceAfter(r: Rendered, steps: number): Promise<void> {
  await stepsRun(r, steps);
  await tabTo(r, 'trace');
  const title = `┌─ ${strings(r.store.getState().lang).trace}`;
  await r.waitFor((f) => f.includes(title), 'the trace tab');
}

/** The C pane's title line, the line numbers in its gutter (top to bottom) and its bottom
 *  border; beside the lesson pane (a wide terminal) its part of each line. */
export function codePane(lines: string[]): { title: string; numbers: number[]; bottom: string; firstNumbered: boolean } {
  const top = lines.findIndex((l) => l.includes('┌─ C'));
  const own = (l: string, edge: string) => (l.includes(edge) ? l.slice(l.lastIndexOf(edge) + 1) : l);
  const end = lines.findIndex((l, i) => i > top && own(l, '┘└').startsWith('└'));
  const numbers = lines.slice(top + 1, end).flatMap((l) => {
    const n = /^│ *(\d+) /.exec(l.includes('││') ? l.slice(l.lastIndexOf('││') + 1) : l);
    return n ? [Number(n[1])] : [];
  });
  const first = lines[top + 1] ?? '';
  const firstNumbered = /^│ *\d+ /.test(first.includes('││') ? first.slice(first.lastIndexOf('││') + 1) : first);
  return { title: top < 0 ? '' : lines[top].slice(lines[top].indexOf('┌─ C')), numbers, bottom: end < 0 ? '' : own(lines[end], '┘└'), firstNumbered };
}

/** Whether the C pane's title names `file` ("C code: shmat.c (file 1/2)", "C 代码：shmat.c（文件 1/2）"). */
const titleNames = (title: string, file: string) => new RegExp(`^┌─ C[^:：]*[:：] ?${file.replace(/[.]/g, '\\.')}[ （]`).test(title);

/** The lesson open, its C pane shown (c) on `file` (f through the lesson's files to it) and
 *  zoomed (z) to the whole screen. */
export async function zoomedCode(r: Rendered, file: string): Promise<void> {
  await r.waitFor(() => r.store.getState().run !== null, 'the lesson');
  await r.press('c');
  await r.waitFor((f) => codePane(f.split('\n')).title !== '', 'the C pane');
  for (let i = 0; i < 8 && !titleNames(codePane(r.lines()).title, file); i++) {
    const was = codePane(r.lines()).title;
    await r.press('f');
    await r.waitFor((f) => codePane(f.split('\n')).title !== was, 'f: the next file');
  }
  await r.waitFor((f) => titleNames(codePane(f.split('\n')).title, file), `the C pane on ${file}`);
  await r.press('z');
  await r.waitFor(() => r.store.getState().zoomed, 'zoomed');
}

/** ↑ or ↓ in the C pane until the source line `line` is in its gutter. */
export async function codeLineInView(r: Rendered, line: number): Promise<void> {
  for (let i = 0; i < 300 && !codePane(r.lines()).numbers.includes(line); i++) await r.press(codePane(r.lines()).numbers[0]! > line ? KEYS.up : KEYS.down);
  await r.waitFor((f) => codePane(f.split('\n')).numbers.includes(line), `line ${line} in the C pane`);
}
