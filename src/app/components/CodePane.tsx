// The lesson's C files from examples/c, with line numbers, long lines wrapped; f
// switches between the files. It follows the step shown: the first line that makes
// that step's call is brought into view, until the learner scrolls.
import React, { useMemo } from 'react';
import { useAppState, useLook } from '../context.js';
import { maxOffset } from '../scroll.js';
import { line } from '../styled.js';
import { useFollowScroll } from '../use-scroll.js';
import { Panel } from './Panel.js';
import { callsByStep, codeLines, stepLine } from './code-view.js';

export function CodePane({ width, height, focused, title, footer }: { width: number; height: number; focused: boolean; title: string; footer?: string }) {
  const { s } = useLook();
  const code = useAppState((st) => st.code);
  const files = useAppState((st) => st.lessons[st.lessonIndex]?.code.length ?? 0);
  const view = useAppState((st) => st.view);
  const done = useAppState((st) => st.done);
  const trace = useAppState((st) => st.trace);
  const stepStarts = useAppState((st) => st.stepStarts);
  const shown = useMemo(
    () => (!code ? { lines: [], rowOf: [] } : code.text === null ? { lines: [line(s.codeMissing(code.file), 'error')], rowOf: [] } : codeLines(code.text, width - 2)),
    [code, s, width],
  );
  // the step whose calls are looked for: the one shown if it ran, else the last that ran
  const lit = view < done ? view : done - 1;
  const calls = useMemo(() => callsByStep(trace, stepStarts), [trace, stepStarts]);
  const source = code?.text ?? '';
  const at = lit >= 0 ? stepLine(source, calls, lit) : null;
  const follow = at === null ? 0 : Math.max(0, (shown.rowOf[at] ?? 0) - 1);
  const max = maxOffset(shown.lines.length, height);
  const top = useFollowScroll(max, follow, `${code?.file} ${lit} ${at} ${width} ${height}`, 'code');
  const name = code ? `${title}: examples/c/${code.file}${files > 1 ? `  ${s.codeFiles(code.index + 1, files)}` : ''}` : title;
  return <Panel title={name} width={width} height={height} lines={shown.lines} offset={top} focused={focused} footer={footer} />;
}
