// The scroll keys of the panes, and the window they move. A pane computes its content,
// so it knows how far it scrolls: the one pane a key moves (↑ ↓ the pane shown, PgUp PgDn
// Home End the lesson text, the pane shown where the text cannot move that way) moves
// itself and gives the store an offset already inside its content.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useAppState, useAppStore } from './context.js';
import { actionFor, isScroll, scrollBy, scrollOf, scrollWay } from './keymap.js';
import type { ScrollPane } from './layout.js';
import { followTop, offsetAfter, ownAfter, pageLines, windowTop } from './scroll.js';
import type { AppStore } from './store.js';
import { AT_QUESTION, type FollowScroll, type StoredScroll } from './store/panes.js';
import { takesKeys } from './store/run.js';
import { useKeys } from './use-keys.js';

/** The lesson text's room as the lesson pane last drew it (its largest offset, the row of its
 *  open question), by app: a page key asks it whether the text can move, before any pane moves.
 *  A note, not state: nothing is drawn from it. */
const lessonRooms = new WeakMap<AppStore, { max: number; question: number; pane: object }>();

/** Whether the lesson text can move `way` (1 toward its end) from where the store has it. */
function lessonMoves(store: AppStore, way: 1 | -1): boolean {
  const room = lessonRooms.get(store);
  if (!room) return false;
  const at = store.getState().scroll.lesson;
  const top = windowTop(at === AT_QUESTION ? room.question : at, room.max);
  return way < 0 ? top > 0 : top < room.max;
}

/** The panes drawn that take scroll keys, by app: what moves each, and the rows it shows.
 *  One handler (useScrollKeys) picks the one pane a key moves, from the state before the
 *  key: when each pane decided alone, a PgDn that took the lesson text to its end moved
 *  the pane shown too, whose handler came after and found the text unable to move (nc81). */
const movers = new WeakMap<AppStore, Map<ScrollPane, { move: (lines: number) => void; rows: number; owner: object }>>();

/** `pane` takes the scroll keys that reach it while drawn: `move` with the lines a key moves
 *  it, a page key by a page of the `rows` it shows (pageLines), zoomed or not. */
function useScrollMover(pane: ScrollPane, move: (lines: number) => void, rows: number): void {
  const store = useAppStore();
  const me = useRef({}).current;
  let panes = movers.get(store);
  if (!panes) movers.set(store, (panes = new Map()));
  panes.set(pane, { move, rows, owner: me });
  useEffect(() => () => {
    if (movers.get(store)?.get(pane)?.owner === me) movers.get(store)?.delete(pane);
  }, [store, pane, me]);
}

/** The scroll keys of the lesson screen and the playground: each press moves one pane, the
 *  lesson text first (PgUp PgDn Home End), the pane shown where the text cannot move (scrollOf). */
export function useScrollKeys(): void {
  const store = useAppStore();
  useKeys((input, key) => {
    const state = store.getState();
    // in a your-turn form ↑ ↓ move between fields
    if (state.overlay !== 'none' || !takesKeys(state) || state.turnFocus !== null) return;
    const action = actionFor(state.screen === 'play' ? 'play' : 'main', input, key);
    if (!action || !isScroll(action)) return;
    const to = scrollOf(action, state.tab, state.screen, state.zoomed, lessonMoves(store, scrollWay(scrollBy(action))));
    const mover = movers.get(store)?.get(to.pane);
    mover?.move('pages' in to.by ? to.by.pages * pageLines(mover.rows) : to.by.lines);
  });
}

/** The store told what `pane` has out of view from `top` (of `max`), in the commit that draws
 *  it: the key bar and the line under the panes offer a scroll key only where it moves (fix27c#1). */
export function useNoteRoom(pane: ScrollPane | 'end', top: number, max: number): void {
  const store = useAppStore();
  const up = top > 0;
  const down = top < max;
  useLayoutEffect(() => {
    store.getState().noteRoom(pane, { up, down });
  }, [store, pane, up, down]);
}

/** A pane whose offset the store keeps (it outlives the pane): the first line in view;
 *  `question` is the row of its open question, where AT_QUESTION puts the window; `rows`: the rows it shows. */
export function useStoredScroll(pane: StoredScroll, max: number, rows: number, question = 0): number {
  const store = useAppStore();
  const offset = useAppState((s) => s.scroll[pane]);
  const top = (at: number) => windowTop(at === AT_QUESTION ? question : at, max);
  const me = useRef({}).current;
  if (pane === 'lesson') lessonRooms.set(store, { max, question, pane: me });
  // a lesson pane no longer drawn (zoomed, a full screen) has no text to move; one drawn in
  // its place (another layout) noted its own room first
  useEffect(() => () => {
    if (lessonRooms.get(store)?.pane === me) lessonRooms.delete(store);
  }, [store, me]);
  // keys read the store, not this render: two keys can come before the next one
  useScrollMover(pane, (lines) => {
    const { scroll, scrollTo } = store.getState();
    scrollTo(pane, offsetAfter(top(scroll[pane]), lines, max));
  }, rows);
  useNoteRoom(pane, top(offset), max);
  return top(offset);
}

/** A pane that follows part of its content (the flow its lit part, the trace the last
 *  step's start, the C code the step's call): at `follow` whenever `anchor` (what it shows)
 *  changes, where the learner scrolled it in between; the store keeps that offset, so another
 *  tab or a full screen shown in between leaves it as it was (nc72#4); `rows`: the rows it shows. */
export function useFollowScroll(max: number, follow: number, anchor: string, pane: FollowScroll, rows: number, snap?: (top: number, lines: number) => number, toEnd = false): number {
  const store = useAppStore();
  const own = useAppState((s) => s.followed[pane] ?? null);
  useScrollMover(pane, (lines) => {
    const was = store.getState().followed[pane] ?? null;
    const top = followTop(was, anchor, follow, max);
    // `snap`: where a key's `lines` take the top row (the C pane moves by source lines: a line and its ↪ rows together)
    const by = snap ? snap(top, lines) - top : lines;
    store.getState().follow(pane, { anchor, offset: ownAfter(top, by, follow, max, toEnd) });
  }, rows);
  const top = followTop(own, anchor, follow, max);
  useNoteRoom(pane, top, max);
  return top;
}
