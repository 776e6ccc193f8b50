// The playground's input line as a value: the text, where the cursor is, and the
// history being browsed. Pure, so every key is testable without a terminal; the
// store keeps one and replaces it on each key. The cursor counts code points, so a
// Chinese character or an emoji is one step of ← → and one Backspace.

export interface LineState {
  text: string;
  /** UTF-16 units before the cursor, always at the start of a code point */
  cursor: number;
  /** earlier lines, oldest first */
  history: readonly string[];
  /** the history entry shown (↑ ↓), null while editing a line of one's own */
  at: number | null;
  /** the line being written before ↑ took the learner into the history: ↓ past the newest brings it back */
  draft: string;
}

export type EditAction =
  | 'left' | 'right' | 'home' | 'end' | 'backspace' | 'delete'
  | 'killBefore' | 'killAfter' | 'killWord' | 'historyUp' | 'historyDown';

export function emptyLine(history: readonly string[] = []): LineState {
  return { text: '', cursor: 0, history, at: null, draft: '' };
}

/** Where the code point before `i` starts (a surrogate pair is one character). */
function stepBack(text: string, i: number): number {
  if (i <= 0) return 0;
  const low = text.charCodeAt(i - 1);
  return i >= 2 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff ? i - 2 : i - 1;
}

/** Where the code point after the one at `i` starts. */
function stepOn(text: string, i: number): number {
  if (i >= text.length) return text.length;
  return (text.codePointAt(i) ?? 0) > 0xffff ? i + 2 : i + 1;
}

function withText(state: LineState, before: string, after: string): LineState {
  return { ...state, text: before + after, cursor: before.length, at: null };
}

/** Typed or pasted text at the cursor. */
export function insert(state: LineState, text: string): LineState {
  return withText(state, state.text.slice(0, state.cursor) + text, state.text.slice(state.cursor));
}

/** The history entry `at` (or the draft, past the newest) on the line, the cursor at its end. */
function recall(state: LineState, at: number | null): LineState {
  const text = at === null ? state.draft : state.history[at];
  return { ...state, text, cursor: text.length, at };
}

export function edit(state: LineState, action: EditAction): LineState {
  const { text, cursor } = state;
  const before = text.slice(0, cursor);
  const after = text.slice(cursor);
  switch (action) {
    case 'left':
      return { ...state, cursor: stepBack(text, cursor) };
    case 'right':
      return { ...state, cursor: stepOn(text, cursor) };
    case 'home':
      return { ...state, cursor: 0 };
    case 'end':
      return { ...state, cursor: text.length };
    case 'backspace':
      return cursor === 0 ? state : withText(state, text.slice(0, stepBack(text, cursor)), after);
    case 'delete':
      return cursor === text.length ? state : withText(state, before, text.slice(stepOn(text, cursor)));
    case 'killBefore':
      return withText(state, '', after);
    case 'killAfter':
      return withText(state, before, '');
    case 'killWord':
      // as a shell's Ctrl-W: the blanks before the cursor, then the word before them
      return withText(state, before.replace(/\S*\s*$/, ''), after);
    case 'historyUp': {
      if (state.history.length === 0) return state;
      const at = state.at === null ? state.history.length - 1 : Math.max(0, state.at - 1);
      return recall(state.at === null ? { ...state, draft: text } : state, at);
    }
    case 'historyDown':
      if (state.at === null) return state;
      return recall(state, state.at + 1 < state.history.length ? state.at + 1 : null);
  }
}
/** Enter: the line to run, and a fresh line with it added to the history (not a blank
 *  line, nor the same line twice in a row). `limit` keeps the history's newest lines. */
export function submit(state: LineState, limit: number): { line: string; next: LineState } {
  const line = state.text;
  const keep = line.trim() !== '' && state.history[state.history.length - 1] !== line;
  const history = keep ? [...state.history, line].slice(-limit) : state.history;
  return { line, next: emptyLine(history) };
}

/** The name being written before the cursor: what Tab completes. */
export function wordBefore(state: LineState): string {
  return /[A-Za-z_][A-Za-z0-9_]*$/.exec(state.text.slice(0, state.cursor))?.[0] ?? '';
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Tab with the names that could follow the word before the cursor: one is written out,
 *  several are extended to what they share; `choices` lists them when Tab added nothing. */
export function complete(state: LineState, candidates: readonly string[]): { next: LineState; choices: string[] } {
  const word = wordBefore(state);
  const fitting = [...new Set(candidates.filter((c) => c.startsWith(word)))].sort();
  if (fitting.length === 0) return { next: state, choices: [] };
  const common = fitting.length === 1 ? fitting[0] : commonPrefix(fitting);
  if (common.length > word.length) return { next: insert(state, common.slice(word.length)), choices: [] };
  return { next: state, choices: fitting.length > 1 ? fitting : [] };
}

/** What of the line fits `width` cells: a window that keeps the cursor in view; the
 *  cursor as UTF-16 units into the window's text. */
export function visibleWindow(state: LineState, width: number, cellsOf: (s: string) => number): { text: string; cursor: number } {
  const { text, cursor } = state;
  // back from the cursor while it fits, keeping a cell for the cursor itself
  let start = cursor;
  let used = 0;
  while (start > 0) {
    const prev = stepBack(text, start);
    const w = cellsOf(text.slice(prev, start));
    if (used + w > width - 1) break;
    used += w;
    start = prev;
  }
  let end = start;
  used = 0;
  while (end < text.length) {
    const next = stepOn(text, end);
    const w = cellsOf(text.slice(end, next));
    if (used + w > width) break;
    used += w;
    end = next;
  }
  return { text: text.slice(start, end), cursor: cursor - start };
}
