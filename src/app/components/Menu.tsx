// The lesson menu (menu-view.ts): every lesson with its marks, its scores under a
// header and its whole title, and "start over"; the legend of the marks stays in view
// below the list, whatever row is chosen.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { windowOf } from '../text-fit.js';
import { Panel } from './Panel.js';
import { menuLines } from './menu-view.js';

export function Menu({ width, height }: { width: number; height: number }) {
  const { lang, s, ascii } = useLook();
  const lessons = useAppState((st) => st.lessons);
  const completed = useAppState((st) => st.completed);
  const current = useAppState((st) => st.lessonIndex);
  const cursor = useAppState((st) => st.menuCursor);
  const confirming = useAppState((st) => st.ask?.kind === 'startOver');
  const answers = useAppState((st) => st.answers);
  const { lines, rowStarts, legend } = menuLines({ lessons, lang, s, ascii, completed, answers, current, cursor, confirming, width });
  // the frame takes two rows, the legend its own
  const rows = Math.max(1, height - 2 - legend.length);
  // scrolled no further than the whole row chosen needs: the header stays in view while it
  // can; on the last lesson (where End stops) or "start over", to the end, so no "more" sign
  // is left for the one row below
  const end = cursor >= lessons.length - 1 ? lines.length : rowStarts[cursor + 1] ?? (rowStarts[cursor] ?? 0) + 1;
  const win = windowOf(lines, rows, Math.max(0, end - rows));
  return <Panel title={s.menuTitle} width={width} height={height} lines={[...win.shown, ...legend]} hidden={{ above: win.above, below: win.below }} focused />;
}
