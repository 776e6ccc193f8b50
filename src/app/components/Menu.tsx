// The lesson menu: every lesson with ✓ when finished, and "start over".
import React from 'react';
import { useAppState } from '../context.js';
import { strings } from '../strings.js';
import { type Line, run } from '../styled.js';
import { Panel } from './Panel.js';

export function Menu({ width, height }: { width: number; height: number }) {
  const lang = useAppState((s) => s.lang);
  const ascii = useAppState((s) => s.ascii);
  const color = useAppState((s) => s.color);
  const lessons = useAppState((s) => s.lessons);
  const completed = useAppState((s) => s.completed);
  const current = useAppState((s) => s.lessonIndex);
  const cursor = useAppState((s) => s.menuCursor);
  const s = strings(lang);
  const lines: Line[] = lessons.map((l, i) => [
    run(completed.includes(l.id) ? (ascii ? ' * ' : ' ✓ ') : '   ', 'done'),
    run(`${i === current ? (ascii ? '>' : '▶') : ' '} ${i + 1}. ${l.id.padEnd(13)}${l.title[lang]}`, i === cursor ? 'selected' : 'plain'),
  ]);
  lines.push([], [run('   '), run(s.startOver, cursor === lessons.length ? 'selected' : 'dim')], [], [run(`   ${s.menuHint(ascii ? '^' : '↑', ascii ? 'v' : '↓')}`, 'dim')]);
  const offset = Math.max(0, cursor - (height - 4));
  return <Panel title={s.menuTitle} width={width} height={height} lines={lines} offset={offset} focused ascii={ascii} color={color} more={s.more} />;
}
