// The scroll keys of a pane, and the window they move. A pane computes its content,
// so it knows how far it scrolls: it takes ↑ ↓ (the pane shown) or PgUp PgDn (the
// lesson text) itself and gives the store an offset already inside its content.
// This is the pane's input, like any key; nothing is written back after a render.
import { useState } from 'react';
import { useAppState, useAppStore } from './context.js';
import { actionFor, isScroll, scrollOf } from './keymap.js';
import type { ScrollPane } from './layout.js';
import { followTop, offsetAfter, pageLines, windowTop, type OwnOffset } from './scroll.js';
import { AT_QUESTION, type StoredScroll } from './store/panes.js';
import { takesKeys } from './store/run.js';
import { useKeys } from './use-keys.js';

/** Calls `move` with the lines a scroll key moves `pane`, while it is the pane the keys scroll;
 *  a page key moves it by a page of the `rows` it shows (pageLines), zoomed or not. */
function useScrollKeys(pane: ScrollPane, move: (lines: number) => void, rows: number): void {
  const store = useAppStore();
  const active = useAppState((s) => (s.screen === 'play' ? pane === 'trace' : pane === 'lesson' || s.tab === pane));
  useKeys(
    (input, key) => {
      const state = store.getState();
      // in a your-turn form ↑ ↓ move between fields
      if (state.overlay !== 'none' || !takesKeys(state) || state.turnFocus !== null) return;
      const action = actionFor(state.screen === 'play' ? 'play' : 'main', input, key);
      if (!action || !isScroll(action)) return;
      const to = scrollOf(action, state.tab, state.screen, state.zoomed);
      if (to.pane === pane) move('pages' in to.by ? to.by.pages * pageLines(rows) : to.by.lines);
    },
    { isActive: active },
  );
}

/** A pane whose offset the store keeps (it outlives the pane): the first line in view;
 *  `question` is the row of its open question, where AT_QUESTION puts the window; `rows`: the rows it shows. */
export function useStoredScroll(pane: StoredScroll, max: number, rows: number, question = 0): number {
  const store = useAppStore();
  const offset = useAppState((s) => s.scroll[pane]);
  const top = (at: number) => windowTop(at === AT_QUESTION ? question : at, max);
  // keys read the store, not this render: two keys can come before the next one
  useScrollKeys(pane, (lines) => {
    const { scroll, scrollTo } = store.getState();
    scrollTo(pane, offsetAfter(top(scroll[pane]), lines, max));
  }, rows);
  return top(offset);
}

/** A pane that follows part of its content (the flow its lit part, the trace the last
 *  step's start, the C code the step's call): at `follow` whenever `anchor` (what it shows) changes or it is shown
 *  anew, where the learner scrolled it in between; `rows`: the rows it shows. */
export function useFollowScroll(max: number, follow: number, anchor: string, pane: Exclude<ScrollPane, StoredScroll>, rows: number): number {
  const [own, setOwn] = useState<OwnOffset | null>(null);
  useScrollKeys(pane, (lines) => setOwn((was) => ({ anchor, offset: offsetAfter(followTop(was, anchor, follow, max), lines, max) })), rows);
  return followTop(own, anchor, follow, max);
}
