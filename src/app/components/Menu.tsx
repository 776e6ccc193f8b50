// The lesson menu: every lesson with ✓ when finished, and "start over".
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { type Line, run } from '../styled.js';
import { Panel } from './Panel.js';

export function Menu({ width, height }: { width: number; height: number }) {
  const { lang, s, ascii } = useLook();
  const lessons = useAppState((st) => st.lessons);
  const completed = useAppState((st) => st.completed);
  const current = useAppState((st) => st.lessonIndex);
  const cursor = useAppState((st) => st.menuCursor);
  const lines: Line[] = lessons.map((l, i) => [
    run(completed.includes(l.id) ? (ascii ? ' * ' : ' ✓ ') : '   ', 'done'),
    run(`${i === current ? (ascii ? '>' : '▶') : ' '} ${i + 1}. ${l.id.padEnd(13)}${l.title[lang]}`, i === cursor ? 'selected' : 'plain'),
  ]);
  lines.push([], [run('   '), run(s.startOver, cursor === lessons.length ? 'selected' : 'dim')], [], [run(`   ${s.menuHint(ascii ? '^' : '↑', ascii ? 'v' : '↓')}`, 'dim')]);
  const offset = Math.max(0, cursor - (height - 4));
  return <Panel title={s.menuTitle} width={width} height={height} lines={lines} offset={offset} focused />;
}
