// The playground's shapes, shared by the interpreter, script mode and the TUI
// (docs/ARCHITECTURE.md, "The playground"). Other layers import these types only.
import type { Lang } from '../lang.js';
import type { CallRecord, SegmentRecord } from '../native/types.js';

export type Text = Record<Lang, string>;

/** An expression, with the column (1-based) where it starts, for errors. */
export type Expr =
  | { k: 'num'; value: number; col: number }
  | { k: 'str'; value: string; col: number }
  | { k: 'name'; name: string; col: number }
  | { k: 'binary'; op: '|' | '+' | '-'; left: Expr; right: Expr; col: number }
  | { k: 'call'; name: string; args: Expr[]; col: number };

/** The words the playground itself answers (not C calls). */
export type CommandName = 'help' | 'ipcs' | 'ipcrm' | 'reset' | 'quit' | 'hint' | 'solution' | 'vars';

/** One line of the playground language. */
export type Statement =
  /** a blank line or a comment (`#` or `//`) */
  | { k: 'empty' }
  | { k: 'expr'; expr: Expr; col: number }
  | { k: 'assign'; name: string; expr: Expr; col: number }
  | { k: 'command'; name: CommandName; args: string[]; col: number }
  /** `crash strcpy(p, "x")`: the access made for real in a throw-away child */
  | { k: 'crash'; call: Expr & { k: 'call' }; col: number }
  /** `@b <statement>`: run in the helper process */
  | { k: 'peer'; stmt: Exclude<Statement, { k: 'peer' } | { k: 'empty' }>; col: number };

/** What parse() answers for a line it cannot read: never an exception. */
export interface PlaySyntaxError {
  k: 'syntax-error';
  /** 1-based column of the offending character (line length + 1 at the end of the line) */
  col: number;
  message: Text;
}

export type OutputKind = 'result' | 'meaning' | 'error' | 'info' | 'view';

/** One printed line: `result` a call as the trace prints it, `meaning` what that result
 *  means here, `error` a refusal (guard, look-only, bad input), `info` help and notes,
 *  `view` tables (ipcs, IPC_STAT, dump). Text is in the session's language. */
export interface OutputLine {
  text: string;
  kind: OutputKind;
  /** on an `error` line: the guard or the look-only rule refused an access (the
   *  playground did its job; a script goes on) rather than the line being wrong */
  refused?: boolean;
  /** on a `result` line of a memory access (strcpy, puts, dump): the process that made it;
   *  on the `meaning` line of a crash's end: the process that saw the child end (waitpid) */
  pid?: number;
  /** the cell where a wrapped continuation starts (the description column of a two-column row) */
  indent?: number;
}

/** The answer to one statement. `calls` are the system calls it made (for the Trace
 *  pane; a helper's carry the helper's pid). `quit` is set by `quit`. */
export interface PlayOutput {
  calls: CallRecord[];
  lines: OutputLine[];
  /** the statement counts (src/play/count.ts): the title bar's number, a challenge's par */
  counted?: boolean;
  quit?: boolean;
}

export interface Variable {
  name: string;
  /** as the playground prints it: `753670`, `0x7f2bf803f000 (segment 753670)`, `"text"` */
  shown: string;
  /** 'b' when the value lives in the helper process (a pointer attached there) */
  process: 'a' | 'b';
}

/** An open challenge as the TUI shows it; recomputed after every statement. */
export interface ChallengeState {
  id: string;
  title: Text;
  goal: Text;
  /** the goal drawn as the Kernel pane would show it, one line each */
  picture: string[];
  hints: Text[];
  /** how many hints the learner asked for (`hint`) */
  hintsShown: number;
  par: number;
  /** statements counted since the challenge opened (src/play/count.ts) */
  used: number;
  solved: boolean;
  /** what is still missing, one line each, in the session's language; empty when solved */
  missing: string[];
  /** the solution script, shown by `solution` */
  solution: string[];
}

export interface PlayProcess {
  pid: number;
  who: 'a' | 'b';
  /** it maps a System V segment now (any, the lesson's too: a is this process) */
  attached: boolean;
  /** the playground's own statements hold a mapping in it now: the lesson's Kernel pane
   *  lists the playground's rows by this, as they count in nattch there too */
  playMapped: boolean;
}

export interface SessionOptions {
  lang: Lang;
  /** lift the look-only rule for segments the playground did not create (with a warning) */
  allowForeign: boolean;
  /** open this challenge (an id of `ipclab challenges`) */
  challenge?: string;
  /** --ascii: `dump`'s text column with the ASCII marks the Kernel pane's dump uses
   *  (text/dump.ts dumpMarks); the screen's general ASCII map would turn its own into '.',
   *  the mark of a byte no character starts */
  ascii?: boolean;
}

export interface PlaySession {
  /** Runs one line; never rejects: every failure is an `error` line. */
  run(line: string): Promise<PlayOutput>;
  /** Calls, constants, commands and variables starting with `prefix` (the word being typed). */
  completions(prefix: string): string[];
  variables(): Variable[];
  /** the playground's processes: this one (a) and, once started and alive, the helper b */
  processes(): PlayProcess[];
  /** the open challenge, or null */
  readonly challenge: ChallengeState | null;
  /** Detaches and removes everything the session made, ends the helper. Idempotent. */
  close(): Promise<void>;
  /** Segments the session made that the kernel still holds (after close: none). */
  leftovers(): SegmentRecord[];
}
