// The lesson menu (menu-view.ts): every lesson with its marks, its scores under a
// header and its whole title, and "start over".
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { Panel } from './Panel.js';
import { menuLines } from './menu-view.js';

export function Menu({ width, height }: { width: number; height: number }) {
  const { lang, s, ascii } = useLook();
  const lessons = useAppState((st) => st.lessons);
  const completed = useAppState((st) => st.completed);
  const current = useAppState((st) => st.lessonIndex);
  const cursor = useAppState((st) => st.menuCursor);
  const answers = useAppState((st) => st.answers);
  const { lines, rowStarts } = menuLines({ lessons, lang, s, ascii, completed, answers, current, cursor, width });
  // scrolled no further than the whole row chosen needs: the header stays in view while it can
  const end = rowStarts[cursor + 1] ?? (rowStarts[cursor] ?? 0) + 1;
  const offset = Math.max(0, end - (height - 2));
  return <Panel title={s.menuTitle} width={width} height={height} lines={lines} offset={offset} focused />;
}
