// The "?" overlay: every key of the main screen and of the lists, from the keymap;
// over the playground (Ctrl-G), the playground's keys. Under the keys, what the step
// list's marks mean (issue 16: newcomers found them only deep in the glossary): a row
// where the panel has one to spare, else its bottom border (80x24 is full of keys).
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { helpItems } from '../keymap.js';
import { type Line, run } from '../styled.js';
import { cells } from '../text-fit.js';
import { Panel } from './Panel.js';
import { marksDrawn } from './step-marks.js';
import type { Strings } from '../strings.js';
import type { Lang } from '../../lang.js';

/** The help's rows: keys, then the description, every description in one column (the
 *  widest keys of all rows, CJK counted as two cells). Over the playground its keys. */
export function helpLines(lang: Lang, ascii: boolean, play: boolean, s: Strings): Line[] {
  const main = helpItems(play ? 'play' : 'main', lang, ascii);
  // the keys of the lists (menu, errata, glossary) on one row: the help fits 80x24 with
  // them. Each by its first key, so that the row fits the key column; the others after its text
  const lists = play ? [] : helpItems('menu', lang, ascii).filter((m) => !main.some((x) => x.help === m.help));
  const listHelp = lists.map((m) => (m.others ? s.alsoKeys(m.help, m.others) : m.help)).join(s.listGap);
  const listRow = { keys: lists.map((m) => m.first).join(' '), help: `${s.inLists}${s.colon}${listHelp}` };
  const rows = [...main, ...(lists.length ? [listRow] : [])];
  const keyWidth = Math.max(...rows.map((i) => cells(i.keys))) + 2;
  return rows.map((i) => [run(` ${i.keys}`, 'key'), run(' '.repeat(keyWidth - cells(i.keys))), run(i.help)]);
}

/** What the step list's marks mean, as the list draws them (--ascii: its own marks). */
export function marksLegend(ascii: boolean, s: Strings): string {
  return s.helpMarks(marksDrawn(ascii));
}

/** The help's rows and footer in a panel of `height` rows: the marks' legend a row under the
 *  keys when one is spare, else the bottom border (none over the playground: no step list). */
export function helpPanel(lang: Lang, ascii: boolean, play: boolean, s: Strings, height: number): { lines: Line[]; footer?: string } {
  const lines = helpLines(lang, ascii, play, s);
  if (play) return { lines };
  const legend = marksLegend(ascii, s);
  return lines.length + 2 <= height - 2 ? { lines: [...lines, [], [run(` ${legend}`)]] } : { lines, footer: legend };
}

export function Help({ width, height }: { width: number; height: number }) {
  const { lang, s, ascii } = useLook();
  const play = useAppState((st) => st.screen === 'play');
  const { lines, footer } = helpPanel(lang, ascii, play, s, height);
  return <Panel title={s.helpTitle} width={width} height={height} lines={lines} footer={footer} focused />;
}
