// The lesson's C program from examples/c, with line numbers, scrollable.
import React, { useEffect, useMemo } from 'react';
import { useAppState, useAppStore } from '../context.js';
import { strings } from '../strings.js';
import { type Line, line, run } from '../styled.js';
import { Panel, maxOffset } from './Panel.js';

export function codeLines(text: string, tabWidth = 4): Line[] {
  const rows = text.replace(/\n$/, '').split('\n');
  const digits = String(rows.length).length;
  return rows.map((r, i) => [run(`${String(i + 1).padStart(digits)} `, 'dim'), run(r.replace(/\t/g, ' '.repeat(tabWidth)))]);
}

export function CodePane({ width, height, focused, title }: { width: number; height: number; focused: boolean; title: string }) {
  const store = useAppStore();
  const lang = useAppState((s) => s.lang);
  const ascii = useAppState((s) => s.ascii);
  const color = useAppState((s) => s.color);
  const code = useAppState((s) => s.code);
  const offset = useAppState((s) => s.scroll.code);
  const s = strings(lang);
  const lines = useMemo(() => (!code ? [] : code.text === null ? [line(s.codeMissing(code.file), 'error')] : codeLines(code.text)), [code, s]);
  const max = maxOffset(lines.length, height);
  useEffect(() => store.getState().setScrollMax('code', max), [store, max]);
  return <Panel title={code ? `${title}: examples/c/${code.file}` : title} width={width} height={height} lines={lines} offset={offset} focused={focused} ascii={ascii} color={color} more={s.more} />;
}
