// The glossary's / search (keymap scope 'find'): every key typed goes into the query, and
// the cursor goes to the entry whose heading starts with it, else the first entry that holds
// it (those named by it first, as `ipclab glossary QUERY` lists them: glossaryMatches, firstHit). The first Enter after typing keeps
// that first match, as less and vim land on it; each Enter after it goes on to the next one,
// round the matches; Esc ends the search where the cursor is (docs/ARCHITECTURE.md "Keys").
import type { StateCreator } from 'zustand/vanilla';
import { firstHit, GLOSSARY, glossaryMatches } from '../../lessons/glossary.js';
import type { AppState } from '../store.js';
import { partsShown } from './steps-ran.js';

/** The longest query: longer than any term, short enough for the list's title in Chinese at 80 columns. */
export const FIND_MOST = 24;

export interface FindSlice {
  /** the glossary's search query while / is on; null otherwise */
  find: string | null;
  /** a key was typed since the last Enter: the next Enter lands on the match the cursor is on */
  findTyped: boolean;
  /** /: start a search in the glossary */
  findStart(): void;
  /** a key typed into the query (its control characters dropped); `erase`: Backspace */
  findType(input: string, erase: boolean): void;
  /** Enter: the match typing found, then the next entry that holds the query, round them */
  findNext(): void;
  /** Esc: the search ends, the cursor stays */
  findEnd(): void;
}

export const findSlice: StateCreator<AppState, [], [], FindSlice> = (set, get) => {
  /** the cursor on the first hit (firstHit), or `on`: on the one after the match it is
   *  on; `typed`: by a key typed into the query (the next Enter lands on that first match) */
  const goTo = (query: string, on: boolean, typed: boolean) => {
    // only what the screen shows: a part held back until its step ran is not found (glossary-view.ts)
    const matches = glossaryMatches(query, GLOSSARY, partsShown(get()));
    const found = matches.map((e) => GLOSSARY.indexOf(e));
    if (found.length === 0) {
      set({ find: query, findTyped: typed, status: (s) => s.findNone });
      return;
    }
    const at = found.indexOf(get().menuCursor);
    const k = on ? (at + 1) % found.length : firstHit(query, matches);
    set({ find: query, findTyped: typed, menuCursor: found[k], status: (s) => s.findCount(k + 1, found.length) });
  };
  return {
    find: null,
    findTyped: false,
    findStart() {
      set({ find: '', findTyped: false, status: (s) => s.findStart });
    },
    findType(input, erase) {
      const query = get().find ?? '';
      // eslint-disable-next-line no-control-regex
      const typed = erase ? Array.from(query).slice(0, -1).join('') : query + input.replace(/[\x00-\x1f\x7f]/g, '');
      if (Array.from(typed).length > FIND_MOST) {
        set({ status: (s) => s.findLong(FIND_MOST) });
        return;
      }
      if (typed === '') set({ find: '', status: (s) => s.findStart });
      else goTo(typed, false, true);
    },
    findNext() {
      const query = get().find;
      if (!query) set({ status: (s) => s.findStart });
      // right after typing, Enter lands on the first match (less, vim), not past it
      else goTo(query, !get().findTyped, false);
    },
    findEnd() {
      set({ find: null });
    },
  };
};
