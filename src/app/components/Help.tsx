// The "?" overlay: every key of the main screen and of the lists, from the keymap.
import React from 'react';
import { useLook } from '../context.js';
import { helpItems } from '../keymap.js';
import { type Line, run } from '../styled.js';
import { cells } from '../text-fit.js';
import { Panel } from './Panel.js';

export function Help({ width, height }: { width: number; height: number }) {
  const { lang, s, ascii } = useLook();
  const main = helpItems('main', lang, ascii);
  // the keys of the lists (menu, errata, glossary) on one row: the help fits 80x24 with them
  const lists = helpItems('menu', lang, ascii).filter((m) => !main.some((x) => x.help === m.help));
  const keyWidth = Math.max(...main.map((i) => cells(i.keys))) + 2;
  const row = (i: { keys: string; help: string }): Line => [run(` ${i.keys}`, 'key'), run(' '.repeat(Math.max(2, keyWidth - cells(i.keys)))), run(i.help)];
  const listRow = row({ keys: lists.map((m) => m.keys).join('  '), help: `${s.inLists}${s.colon}${lists.map((m) => m.help).join(s.listGap)}` });
  // how to close it goes in the title: every row of an 80x24 help is a key's
  const lines: Line[] = [...main.map(row), ...(lists.length ? [listRow] : [])];
  return <Panel title={`${s.helpTitle} (${s.helpClose})`} width={width} height={height} lines={lines} focused />;
}
