// The glossary's / search (keymap scope 'find'): every key typed goes into the query, and
// the cursor goes to the first entry that holds it (those named by it first, as `ipclab
// glossary QUERY` lists them: glossaryMatches, firstHit). Enter ends the search on that first
// match, as less and vim do: the query is kept, n goes on to the next match, round them, and
// the next / starts a new query (an open search took the next / into the old word: fix23f#3).
// Esc, as in every search box, clears the word typed (the cursor back where / found it) and
// the search goes on; an Esc with no word closes the glossary (issue 16 item 17: one Esc that
// closed it lost the word). Once Enter ended the search, one Esc closes the glossary (s28f#2:
// an Esc that only ended it left testers typing an answer and Space into the glossary;
// docs/ARCHITECTURE.md "Keys").
import type { StateCreator } from 'zustand/vanilla';
import { firstHit, glossaryMatches } from '../../lessons/glossary.js';
import { glossaryList } from './navigation.js';
import type { AppState } from '../store.js';
import { partsShown } from './steps-ran.js';

/** The longest query: longer than any term, short enough for the list's title in Chinese at 80 columns. */
export const FIND_MOST = 24;

export interface FindSlice {
  /** the glossary's search query while / is on; null otherwise */
  find: string | null;
  /** the query the last Enter ended on: n goes to its next match; null before any */
  findLast: string | null;
  /** where the cursor was when / started: a query that matches nothing puts it back there, as
   *  vim's incremental search does (nc, session 26: "/started" left the cursor on sigprocmask,
   *  a hit of "s", beside "no entry holds the word") */
  findFrom: number;
  /** counts the times a search put the cursor on a hit (typing, Enter, n): each is shown with
   *  its heading on the list's top row (EntryList `landed`; issue 16: after n the hit stood on
   *  the last row, its text below the frame, and read as never explained) */
  findLanded: number;
  /** /: start a search in the glossary */
  findStart(): void;
  /** a key typed into the query (its control characters dropped); `erase`: Backspace */
  findType(input: string, erase: boolean): void;
  /** Enter: the search ends on the first match typing found, the query kept for n */
  findNext(): void;
  /** n (the search ended): the next entry that holds the query Enter kept, round them */
  findAgain(): void;
  /** Esc: the word typed is cleared; with none, the glossary closes (store/navigation.ts close) */
  findEnd(): void;
}

export const findSlice: StateCreator<AppState, [], [], FindSlice> = (set, get) => {
  /** the cursor on the first hit (firstHit), or `on`: on the one after the match it is on;
   *  `open`: the search goes on (typing), else it is over and `query` kept for n */
  const goTo = (query: string, on: boolean, open: boolean) => {
    const find = open ? query : null;
    // only what the screen shows: a part held back until its step ran is not found (glossary-view.ts)
    // in the list as shown (the step's new terms first: store/navigation.ts glossaryList)
    const list = glossaryList(get());
    const matches = glossaryMatches(query, list, partsShown(get()));
    const found = matches.map((e) => list.indexOf(e));
    if (found.length === 0) {
      set({ find, menuCursor: get().findFrom, status: (s) => s.findNone });
      return;
    }
    const at = found.indexOf(get().menuCursor);
    const k = on ? (at + 1) % found.length : firstHit(query, matches);
    set({ find, ...(open ? {} : { findLast: query }), menuCursor: found[k], findLanded: get().findLanded + 1, status: (s) => (open ? s.findCount(k + 1, found.length) : s.findKept(k + 1, found.length)) });
  };
  return {
    find: null,
    findLast: null,
    findFrom: 0,
    findLanded: 0,
    findStart() {
      set({ find: '', findFrom: get().menuCursor, status: (s) => s.findStart });
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
      // Enter on no word ends the search, the glossary open
      if (!query) set({ find: null, status: null });
      // on the first match, as less and vim land (not past it), the search over
      else goTo(query, false, false);
    },
    findAgain() {
      const query = get().findLast;
      if (query === null) set({ status: (s) => s.findNoLast });
      else goTo(query, true, false);
    },
    findEnd() {
      if (get().find) set({ find: '', menuCursor: get().findFrom, status: (s) => s.findStart });
      else get().close();
    },
  };
};
