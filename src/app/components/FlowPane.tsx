// A flow drawn by src/flow in the learner's language, with what the step (or the
// playground's last call) did lit and the key to the line styles pinned on the first
// row. Scrolls itself to the lit part when the diagram is taller than the pane.
import React, { useMemo } from 'react';
import { useAppState, useLook } from '../context.js';
import { maxOffset } from '../scroll.js';
import { type Line, line } from '../styled.js';
import { windowOf } from '../text-fit.js';
import { useFollowScroll } from '../use-scroll.js';
import { Panel, textRoom } from './Panel.js';
import { type FlowChoice, LEGEND_ROWS, boxRows, framesDoneNames, litTop, showsHidden } from './flow-view.js';

/** `choice`: the diagram and what is lit (flowChoice for a lesson's step, playFlowChoice for the playground). */
export function FlowPane({ width, height, focused, title, choice, footer }: { width: number; height: number; focused: boolean; title: string; choice: FlowChoice | null; footer?: string }) {
  const { s, ascii, lang } = useLook();
  const flow = useAppState((st) => st.flow);
  // drawn again only when what it shows changes: browsing steps that light the same
  // parts leaves the drawing as it is
  const choiceKey = choice ? JSON.stringify(choice) : '';
  const drawing = useMemo((): { lines: Line[]; litRows: number[]; newest: [number, number][]; legend: Line } | Error | null => {
    if (!choice?.diagram || !flow) return null;
    try {
      const rendered = flow.renderDiagram(choice.diagram, { width: textRoom(width), ascii, lang, family: choice.family });
      const drawn = rendered.lines({ active: choice.active, done: choice.done, masked: choice.masked });
      // the legend names the "?" only while the picture shows one: a result hidden until its step runs;
      // the dotted line of a frame an earlier step lit likewise
      const hides = showsHidden(drawn, () => rendered.lines({ active: choice.active, done: choice.done }));
      // the boxes the step lit anew (else all it lit): kept in view when the lit part does not fit
      const newest = boxRows(choice, rendered.geometry?.boxes);
      return { lines: drawn, newest, litRows: drawn.flatMap((l, i) => (l.some((r) => r.tone === 'active') ? [i] : [])), legend: flow.legend(lang, ascii, hides, framesDoneNames(choice, rendered.geometry?.frames, drawn), textRoom(width)) };
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
    // choiceKey stands for choice: equal choices are the same drawing
  }, [flow, choiceKey, width, ascii, lang]);
  const { lines, litRows, newest, legend } =
    drawing === null
      ? { lines: [line(choice?.diagram ? s.loadingFlow : s.noDiagram, 'dim')], litRows: [], newest: [], legend: null }
      : drawing instanceof Error
        ? { lines: [line(`${choice?.diagram}: ${drawing.message}`, 'error')], litRows: [], newest: [], legend: null }
        : drawing;
  // the legend takes the first row of the pane; the drawing scrolls below it
  const bodyHeight = height - (legend ? LEGEND_ROWS : 0);
  const rows = Math.max(0, bodyHeight - 2);
  const max = maxOffset(lines.length, bodyHeight);
  const first = litRows[0] ?? 0;
  const last = litRows[litRows.length - 1] ?? 0;
  // the lit part is brought into view whenever a step runs or is shown (what is lit changes),
  // or the drawing's length or the pane's height changes
  const top = useFollowScroll(max, litTop(first, last, rows, newest), `${choiceKey} ${max} ${first} ${last} ${height}`, 'flow', rows);
  const win = windowOf(lines, rows, top);
  // a lit part out of view is named beside the "more" sign, so nobody misses it
  // ("goes on" when part of it is in view: a lit path taller than the pane)
  const inView = litRows.some((r) => r >= win.offset && r < win.offset + rows);
  const keys = {
    up: litRows.some((r) => r < win.offset) ? (inView ? s.litGoesOnAbove : s.litAbove) : '',
    down: litRows.some((r) => r >= win.offset + rows) ? (inView ? s.litGoesOnBelow : s.litBelow) : '',
  };
  const place = choice?.place;
  return (
    <Panel
      title={place && choice?.diagram ? s.flowOf(title, place.at, place.of, place.switched) : title}
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
