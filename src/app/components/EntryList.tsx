// The frame of a list overlay (errata, glossary): the entries in view around the
// cursor and "more" signs when some are out of view. Its keys are on the key bar, the
// screen's one line of keys (keymap.ts barItems).
import React, { useRef, useState } from 'react';
import { useAppState, useAppStore, useLook } from '../context.js';
import { actionFor } from '../keymap.js';
import { useKeys } from '../use-keys.js';
import { entryLines, pageWindow, type ListEntry } from './entry-list.js';
import { Panel } from './Panel.js';

/** `landed`: changes each time a search puts the cursor on a hit (typing, Enter, n: store/find.ts
 *  findLanded): the hit's heading goes on the top row, as far as the list goes, and stays there
 *  until the cursor moves. */
/** `marked`: false while no entry is to be pointed at (a search without a match): no ▶, the window where it was. */
/** `opensOnTop`: the entry the list opens at is on the top row, as a search's hit (the glossary
 *  opened at a step's new term: below the entries before it, it read as opened at the top),
 *  unless it fits whole under the list's start: then the list opens at its start. */
export function EntryList({ title, entries, width, height, landed = 0, marked = true, opensOnTop = false }: { title: string; entries: ListEntry[]; width: number; height: number; landed?: number; marked?: boolean; opensOnTop?: boolean }) {
  const { ascii } = useLook();
  const cursor = useAppState((st) => st.menuCursor);
  const pinned = useRef<number | null>(opensOnTop ? cursor : null);
  // the entry opened at, until the cursor moves or a search pins another
  const opened = useRef<number | null>(opensOnTop ? cursor : null);
  const seen = useRef(landed);
  const hit = seen.current !== landed;
  seen.current = landed;
  if (hit) pinned.current = cursor;
  else if (pinned.current !== cursor) pinned.current = null;
  if (hit || opened.current !== cursor) opened.current = null;
  // the frame takes two rows
  const rows = Math.max(1, height - 2);
  const { lines, offset: wanted, starts, span } = entryLines(entries, cursor, width - 2, rows, ascii, opened.current === cursor ? 'open' : pinned.current === cursor, marked);
  // the window a page key put where it is, while the cursor stays on the entry it chose
  const paged = useRef<{ cursor: number; top: number } | null>(null);
  const [, drawn] = useState(0);
  if (paged.current && paged.current.cursor !== cursor) paged.current = null;
  // a window that shows the whole entry already stays (↓ after a search's hit goes on down
  // from it, never back up to where ↓ from the top would have put it)
  const last = useRef<number | null>(null);
  const kept = last.current;
  const most = Math.max(0, lines.length - rows);
  const offset = paged.current ? Math.min(paged.current.top, most) : pinned.current !== cursor && kept !== null && kept <= most && span[0] >= kept && span[1] <= kept + rows ? kept : wanted;
  last.current = offset;
  // PgUp PgDn move the window a page, as every scrolling pane's keys do (pageWindow)
  const store = useAppStore();
  useKeys((input, key) => {
    const state = store.getState();
    if (state.overlay !== 'errata' && state.overlay !== 'glossary') return;
    const action = actionFor(state.overlay, input, key);
    if (action !== 'listPageUp' && action !== 'listPageDown') return;
    const to = pageWindow(starts, last.current ?? offset, rows, lines.length, action === 'listPageDown' ? 1 : -1);
    paged.current = { cursor: to.cursor, top: to.top };
    pinned.current = null;
    opened.current = null;
    state.menuMove(to.cursor - state.menuCursor, true);
    drawn((n) => n + 1);
  });
  return <Panel title={title} width={width} height={height} lines={lines.slice(offset, offset + rows)} hidden={{ above: offset, below: Math.max(0, lines.length - offset - rows) }} focused />;
}
