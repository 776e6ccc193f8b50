// The lesson menu: every lesson with ✓ when finished, its score (checkpoints right of
// asked, the check right of its questions) once something was asked, and "start over".
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { scoreOf } from '../progress.js';
import { type Line, lineWidth, run } from '../styled.js';
import { truncate } from '../text-fit.js';
import { Panel } from './Panel.js';

export function Menu({ width, height }: { width: number; height: number }) {
  const { lang, s, ascii } = useLook();
  const lessons = useAppState((st) => st.lessons);
  const completed = useAppState((st) => st.completed);
  const current = useAppState((st) => st.lessonIndex);
  const cursor = useAppState((st) => st.menuCursor);
  const answers = useAppState((st) => st.answers);
  const lines: Line[] = lessons.map((l, i) => {
    const score = scoreOf(answers[l.id], l.check?.length ?? 0);
    const asked = score.checkpoints.asked > 0 || Object.keys(answers[l.id]?.check ?? {}).length > 0;
    const head: Line = [
      run(completed.includes(l.id) ? (ascii ? ' * ' : ' ✓ ') : '   ', 'done'),
      run(`${i === current ? (ascii ? '>' : '▶') : ' '} ${`${i + 1}.`.padStart(String(lessons.length).length + 1)} ${l.id.padEnd(13)}`, i === cursor ? 'selected' : 'plain'),
      run((asked ? s.menuScore(score.checkpoints.right, score.checkpoints.asked, score.check.right, score.check.of) : '').padEnd(11), 'done'),
    ];
    // a title too long for the row is cut at a word, not mid-word
    return [...head, run(truncate(l.title[lang], width - 2 - lineWidth(head), '…', true), i === cursor ? 'selected' : 'plain')];
  });
  lines.push([], [run('   '), run(s.startOver, cursor === lessons.length ? 'selected' : 'dim')], [], [run(`   ${s.menuHint(ascii ? '^' : '↑', ascii ? 'v' : '↓')}`, 'dim')], [run(`   ${s.menuScoreKey}`, 'dim')]);
  const offset = Math.max(0, cursor - (height - 4));
  return <Panel title={s.menuTitle} width={width} height={height} lines={lines} offset={offset} focused />;
}
