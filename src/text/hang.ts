// A two-column row wrapped with a hanging indent: the head (a name, a usage, `  // `)
// stays in its column and the wrapped body continues under the body, not at column 0.
import { cells, wrap } from './cells.js';

/** `head` then `body` wrapped to `width` cells; continuation lines start with `cont`
 *  (spaces as wide as the head, unless given: `  // ` repeats a comment's prefix). */
export function hang(head: string, body: string, width: number, cont = ' '.repeat(cells(head))): string[] {
  const room = Math.max(10, width - Math.max(cells(head), cells(cont)));
  return wrap(body, room).map((piece, i) => `${i === 0 ? head : cont}${piece}`);
}

/** The width printed text wraps to: the terminal's, or 80 when stdout is not a terminal. */
export function outputWidth(): number {
  return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80;
}
