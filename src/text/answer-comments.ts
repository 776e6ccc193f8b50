// A comment of a lesson's C file that says what a step's question asks ("IPC_PRIVATE always
// creates" under the call a checkpoint asks about) is marked with that step's id right after
// its opener: `/*@second IPC_PRIVATE always creates */`, `//@second …`. The C pane shows it
// as `/* ? */` until that step has run, and without its tag from then on (as the Flow shows
// a `%% hide` part as "?"); the compiler and the Chinese table (examples/c/zh) see a comment.

/** A marked comment: its opener, the step's id, the words after it, and its closer. */
const MARKED = /(\/\*|\/\/)@([A-Za-z0-9_-]+) ?(.*?)(\*\/|$)/;

/** The step id a line's comment is the answer of, or null for a line with none. */
export function answerTag(line: string): string | null {
  return MARKED.exec(line)?.[2] ?? null;
}

/** The lines as the C pane shows them: a marked comment of a step not yet `ran` as "?", the
 *  others with their tag taken out (its words as an unmarked comment would have them). */
export function heldAnswerLines(lines: readonly string[], ran: (step: string) => boolean): string[] {
  return lines.map((line) => {
    const m = MARKED.exec(line);
    if (!m) return line;
    const [whole, opener, step, words, closer] = m;
    const shown = ran(step!) ? `${opener} ${words}${closer}` : `${opener} ?${closer === '' ? '' : ` ${closer}`}`;
    return line.slice(0, m.index) + shown + line.slice(m.index + whole.length);
  });
}

/** The text with every tag taken out: what a comment says, for the tables of its Chinese. */
export function untagged(text: string): string {
  return heldAnswerLines(text.split('\n'), () => true).join('\n');
}
