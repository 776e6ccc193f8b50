// The lesson's C program from examples/c, with line numbers, scrollable.
import React, { useMemo } from 'react';
import { useAppState, useLook } from '../context.js';
import { maxOffset } from '../scroll.js';
import { type Line, line, run } from '../styled.js';
import { useStoredScroll } from '../use-scroll.js';
import { Panel } from './Panel.js';

export function codeLines(text: string, tabWidth = 4): Line[] {
  const rows = text.replace(/\n$/, '').split('\n');
  const digits = String(rows.length).length;
  return rows.map((r, i) => [run(`${String(i + 1).padStart(digits)} `, 'dim'), run(r.replace(/\t/g, ' '.repeat(tabWidth)))]);
}

export function CodePane({ width, height, focused, title }: { width: number; height: number; focused: boolean; title: string }) {
  const { s } = useLook();
  const code = useAppState((st) => st.code);
  const lines = useMemo(() => (!code ? [] : code.text === null ? [line(s.codeMissing(code.file), 'error')] : codeLines(code.text)), [code, s]);
  const top = useStoredScroll('code', maxOffset(lines.length, height));
  return <Panel title={code ? `${title}: examples/c/${code.file}` : title} width={width} height={height} lines={lines} offset={top} focused={focused} />;
}
