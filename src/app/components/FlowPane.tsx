// A flow drawn by src/flow in the learner's language, with what the step (or the
// playground's last call) did lit and the key to the line styles pinned on the first
// row. Opens at what the step just took, whole (flow-view.ts flowWindow): where the lit part
// does not fit, the border says it goes on and that z shows it whole.
import React, { useMemo } from 'react';
import { useAppState, useLook } from '../context.js';
import { maxOffset } from '../scroll.js';
import { type Line, line } from '../styled.js';
import { cells } from '../text-fit.js';
import { useFollowScroll } from '../use-scroll.js';
import { keyFor } from '../keymap.js';
import { zoomedRows } from '../layout.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { Panel, textRoom, useFocusMark } from './Panel.js';
import { frameChars } from './frame.js';
import type { LegendMarks } from '../../flow/types.js';
import { type FlowChoice, LEGEND_ROWS, flowBorders, flowTitle, boxRows, flowWindow, lessonMarks, litFrames, plainCuts } from './flow-view.js';

/** `choice`: the diagram and what is lit (flowChoice for a lesson's step, playFlowChoice for the playground). */
export function FlowPane({ width, height, focused, title, choice, footer }: { width: number; height: number; focused: boolean; title: string; choice: FlowChoice | null; footer?: string }) {
  const { s, ascii, lang } = useLook();
  const flow = useAppState((st) => st.flow);
  // drawn again only when what it shows changes: browsing steps that light the same
  // parts leaves the drawing as it is
  const choiceKey = choice ? JSON.stringify(choice) : '';
  const drawing = useMemo((): { title?: string; lines: Line[]; litRows: number[]; newest: [number, number][]; geometry?: Parameters<typeof plainCuts>[3] } | Error | null => {
    if (!choice?.diagram || !flow) return null;
    try {
      const options = { width: textRoom(width), ascii, lang, family: choice.family };
      const rendered = flow.renderDiagram(choice.diagram, options);
      // frames drawn by what is lit inside them (litFrames)
      const lit = litFrames(choice, rendered.geometry?.boxes, rendered.geometry?.frames);
      const drawn = rendered.lines({ active: lit.active, done: lit.done, masked: lit.masked });
      // the boxes the step lit anew (else all it lit): kept in view when the lit part does not fit
      const newest = boxRows(choice, rendered.geometry?.boxes);
      return { title: rendered.title, lines: drawn, newest, geometry: rendered.geometry, litRows: drawn.flatMap((l, i) => (l.some((r) => r.tone === 'active') ? [i] : [])) };
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
    // choiceKey stands for choice: equal choices are the same drawing
  }, [flow, choiceKey, width, ascii, lang]);
  // the lesson's, alike at every step: the legend's marks (lessonMarks: one legend a lesson) and
  // its diagrams' names (one form of title for them all, flowTitle); drawn once a lesson
  const family = choice?.family ?? (choice?.diagram ? [choice.diagram] : []);
  const familyKey = `${family.join(' ')} ${JSON.stringify(choice?.hiddenAtStart ?? {})}`;
  const lessonWide = useMemo((): { marks: LegendMarks; names: (string | undefined)[] } => {
    if (!flow || drawing === null || drawing instanceof Error) return { marks: {}, names: [] };
    // each asked for once
    const drawn = new Map<string, ReturnType<typeof flow.renderDiagram>>();
    const render = (d: string) => drawn.get(d) ?? drawn.set(d, flow.renderDiagram(d, { width: textRoom(width), ascii, lang, family: choice?.family })).get(d)!;
    try {
      return { marks: lessonMarks(family, render, choice?.hiddenAtStart), names: family.map((d) => render(d).title) };
    } catch {
      // another of the family that cannot be drawn here says so when shown: this one's legend and title stand
      return { marks: {}, names: [] };
    }
    // familyKey stands for the family and what it hides at the start; a drawing that failed draws none
  }, [flow, familyKey, width, ascii, lang, drawing === null || drawing instanceof Error]);
  const { marks, names } = lessonWide;
  const none = { litRows: [], newest: [], geometry: undefined, drawn: false };
  const { lines, litRows, newest, geometry, drawn } =
    drawing === null
      ? { ...none, lines: [line(choice?.diagram ? s.loadingFlow : s.noDiagram, 'dim')] }
      : drawing instanceof Error
        ? { ...none, lines: [line(`${choice?.diagram}: ${drawing.message}`, 'error')] }
        : { ...drawing, drawn: true };
  // the legend takes the first row of the pane; the drawing scrolls below it. It gives way
  // where the box the step lit would fit whole only in its room (shmat 6 at 80x24)
  const tallest = Math.max(0, ...newest.map(([a, b]) => b - a + 1));
  const legendRows = drawn && !(tallest > height - LEGEND_ROWS - 2 && tallest <= height - 2) ? LEGEND_ROWS : 0;
  const bodyHeight = height - legendRows;
  const rows = Math.max(0, bodyHeight - 2);
  const max = maxOffset(lines.length, bodyHeight);
  const first = litRows[0] ?? 0;
  const last = litRows[litRows.length - 1] ?? 0;
  // the window opens at what the step just took whenever a step runs or is shown (what is lit
  // changes), or the drawing's length or the pane's height changes (flowWindow: the lit part
  // whole where it fits, else the box lit anew and a lit edge's label with a box of its edge
  // whole, no box cut at its top border where a row or two avoids it)
  const opens = choice ? flowWindow(lines.length, rows, litRows, choice, geometry ?? {}) : 0;
  const top = useFollowScroll(max, Math.min(max, opens), `${choiceKey} ${max} ${first} ${last} ${height}`, 'flow', rows);
  // one run of the drawing's rows, never a row standing for rows left out (issue 16: read as a
  // broken drawing); where a lit part stays out of view the borders say so, and how z shows it
  const end = Math.min(lines.length, top + rows);
  const shownRow = (r: number) => r >= top && r < end;
  // where the window cuts the drawing, no label without its line, no half a box's label
  const cut = drawn && (top > 0 || end < lines.length) ? plainCuts(lines, shownRow, 'plain', geometry ?? {}) : lines;
  const win = { shown: cut.slice(top, end), above: top, below: lines.length - end };
  const legend = legendRows > 0 && flow ? flow.legend(lang, ascii, marks, textRoom(width)) : null;
  // a lit part out of view is named beside the "more" sign, so nobody misses it
  // ("goes on" when part of it is in view: a lit path taller than the pane)
  const inView = litRows.some(shownRow);
  // where the lit part goes on past the window and the zoomed pane holds it, the border says
  // z shows it whole, as the Trace's does ("z: whole"; side by side the Tabs to the Flow first)
  const zoomable = useAppState((st) => st.screen === 'lesson' && (st.tab === 'flow' || !st.tabs) && !st.zoomed && st.turnFocus === null && st.ask === null && st.overlay === 'none');
  const tab = useAppState((st) => st.tab);
  const terminal = useTerminalSize();
  const above = litRows.some((r) => r < top);
  const below = litRows.some((r) => r >= end);
  // (a lit part taller than even the zoomed pane: z shows more of it)
  const zoomRows = zoomedRows(terminal.columns, terminal.rows) - LEGEND_ROWS;
  // (z zooms the pane in focus: side by side, the Tabs to the Flow first)
  const zKeys = tab === 'flow' ? keyFor('zoom', ascii) : s.toFlowThen(keyFor('zoom', ascii));
  const z = !zoomable || !inView || !(above || below) ? '' : last - first < zoomRows ? s.zoomWhole(zKeys) : zoomRows > rows ? s.zoomMoreLit(zKeys) : '';
  // the bottom border's note, beside the footer where there is one (frame.ts bottomBorder)
  const fitsBelow = (key: string) => (footer ? cells(`─ ${footer} `) : 0) + cells(` ${frameChars(ascii).down} ${s.more(win.below)} ${key} `) + 1 <= width - 2;
  // the focus mark side by side: the title leaves it room, focused or not (flowBorders)
  const mark = useFocusMark(focused);
  const sharedMark = useFocusMark(true);
  const name = drawing && !(drawing instanceof Error) ? drawing.title : undefined;
  const d = choice?.diagram ? choice.place : null;
  const borders = flowBorders({
    title: (room) => flowTitle(s.flowOf, title, d ?? null, name, room, cells, names.length > 0 ? names : undefined),
    rows: lines.length,
    above: win.above,
    below: win.below,
    lit: { above, below, inView },
    width,
    mark,
    sharedMark,
    z,
    fitsBelow,
    s,
    c: frameChars(ascii),
  });
  const keys = { up: borders.up, down: borders.down };
  const paneTitle = borders.title;
  return (
    <Panel
      title={paneTitle}
      width={width}
      height={height}
      lines={legend ? [legend, ...win.shown] : win.shown}
      hidden={{ above: win.above, below: win.below }}
      focused={focused}
      keys={keys}
      footer={footer}
    />
  );
}
