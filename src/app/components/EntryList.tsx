// The frame of a list overlay (errata, glossary): the entries in view around the
// cursor, "more" signs when some are out of view, and a line of keys at the bottom.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { line } from '../styled.js';
import { entryLines, type ListEntry } from './entry-list.js';
import { Panel } from './Panel.js';

export function EntryList({ title, entries, hint, width, height }: { title: string; entries: ListEntry[]; hint: string; width: number; height: number }) {
  const { ascii } = useLook();
  const cursor = useAppState((st) => st.menuCursor);
  // the frame takes two rows and the keys one
  const rows = Math.max(1, height - 3);
  const { lines, offset } = entryLines(entries, cursor, width - 2, rows, ascii);
  const shown = [...lines.slice(offset, offset + rows), line(` ${hint}`, 'dim')];
  return <Panel title={title} width={width} height={height} lines={shown} hidden={{ above: offset, below: Math.max(0, lines.length - offset - rows) }} focused />;
}
