// The frame of a list overlay (errata, glossary): the entries in view around the
// cursor and "more" signs when some are out of view. Its keys are on the key bar, the
// screen's one line of keys (keymap.ts barItems).
import React from 'react';
import { useAppState, useAppStore, useLook } from '../context.js';
import { actionFor } from '../keymap.js';
import { useKeys } from '../use-keys.js';
import { entryLines, pageCursor, type ListEntry } from './entry-list.js';
import { Panel } from './Panel.js';

export function EntryList({ title, entries, width, height }: { title: string; entries: ListEntry[]; width: number; height: number }) {
  const { ascii } = useLook();
  const cursor = useAppState((st) => st.menuCursor);
  // the frame takes two rows
  const rows = Math.max(1, height - 2);
  const { lines, offset, tops } = entryLines(entries, cursor, width - 2, rows, ascii);
  // PgUp PgDn page by what is in view, which only the list knows (like a pane's scroll keys)
  const store = useAppStore();
  useKeys((input, key) => {
    const state = store.getState();
    if (state.overlay !== 'errata' && state.overlay !== 'glossary') return;
    const action = actionFor(state.overlay, input, key);
    if (action !== 'listPageUp' && action !== 'listPageDown') return;
    const to = pageCursor(tops, state.menuCursor, rows, action === 'listPageDown' ? 1 : -1);
    state.menuMove(to - state.menuCursor, true);
  });
  return <Panel title={title} width={width} height={height} lines={lines.slice(offset, offset + rows)} hidden={{ above: offset, below: Math.max(0, lines.length - offset - rows) }} focused />;
}
