// The "?" overlay: every key of the main screen and the menu, from the keymap.
import React from 'react';
import { useLook } from '../context.js';
import { helpItems } from '../keymap.js';
import { type Line, run } from '../styled.js';
import { cells } from '../text-fit.js';
import { Panel } from './Panel.js';

export function Help({ width, height }: { width: number; height: number }) {
  const { lang, s, ascii } = useLook();
  const main = helpItems('main', lang, ascii);
  const menu = helpItems('menu', lang, ascii).filter((m) => !main.some((x) => x.help === m.help));
  const keyWidth = Math.max(...[...main, ...menu].map((i) => cells(i.keys))) + 2;
  const row = (i: { keys: string; help: string }): Line => [run(` ${i.keys}`, 'key'), run(' '.repeat(keyWidth - cells(i.keys))), run(i.help)];
  const lines: Line[] = [...main.map(row), ...menu.map((m) => row({ keys: m.keys, help: `${s.menuTitle}${s.colon}${m.help}` })), [run(` ${s.helpClose}`, 'dim')]];
  return <Panel title={s.helpTitle} width={width} height={height} lines={lines} focused />;
}
