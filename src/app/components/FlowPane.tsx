// A flow drawn by src/flow in the learner's language, with what the step (or the
// playground's last call) did lit and the key to the line styles pinned on the first
// row. Scrolls itself to the lit part when the diagram is taller than the pane.
import React, { useMemo } from 'react';
import { useAppState, useLook } from '../context.js';
import { maxOffset } from '../scroll.js';
import { type Line, line } from '../styled.js';
import { cells, windowOf } from '../text-fit.js';
import { useFollowScroll } from '../use-scroll.js';
import { Panel, textRoom } from './Panel.js';
import { frameChars, titleRoom } from './frame.js';
import { type FlowChoice, LEGEND_ROWS, flowTitle, boxRows, framesDoneNames, hiddenRows, litTop } from './flow-view.js';

/** `choice`: the diagram and what is lit (flowChoice for a lesson's step, playFlowChoice for the playground). */
export function FlowPane({ width, height, focused, title, choice, footer }: { width: number; height: number; focused: boolean; title: string; choice: FlowChoice | null; footer?: string }) {
  const { s, ascii, lang } = useLook();
  const flow = useAppState((st) => st.flow);
  // drawn again only when what it shows changes: browsing steps that light the same
  // parts leaves the drawing as it is
  const choiceKey = choice ? JSON.stringify(choice) : '';
  const drawing = useMemo((): { title?: string; lines: Line[]; litRows: number[]; newest: [number, number][]; hidden: number[]; framesDone: (view: readonly [number, number]) => string[] } | Error | null => {
    if (!choice?.diagram || !flow) return null;
    try {
      const rendered = flow.renderDiagram(choice.diagram, { width: textRoom(width), ascii, lang, family: choice.family });
      const drawn = rendered.lines({ active: choice.active, done: choice.done, masked: choice.masked });
      // the rows showing a "?": a result hidden until its step runs, which the legend names while one is in view
      const hidden = hiddenRows(drawn, () => rendered.lines({ active: choice.active, done: choice.done }));
      // the boxes the step lit anew (else all it lit): kept in view when the lit part does not fit
      const newest = boxRows(choice, rendered.geometry?.boxes);
      // the frames drawn dotted, lit by an earlier step, with a row in `view`
      const framesDone = (view: readonly [number, number]) => framesDoneNames(choice, rendered.geometry?.frames, drawn, view);
      return { title: rendered.title, lines: drawn, newest, hidden, framesDone, litRows: drawn.flatMap((l, i) => (l.some((r) => r.tone === 'active') ? [i] : [])) };
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
    // choiceKey stands for choice: equal choices are the same drawing
  }, [flow, choiceKey, width, ascii, lang]);
  const { lines, litRows, newest, hidden, framesDone, drawn } =
    drawing === null
      ? { lines: [line(choice?.diagram ? s.loadingFlow : s.noDiagram, 'dim')], litRows: [], newest: [], hidden: [], framesDone: () => [], drawn: false }
      : drawing instanceof Error
        ? { lines: [line(`${choice?.diagram}: ${drawing.message}`, 'error')], litRows: [], newest: [], hidden: [], framesDone: () => [], drawn: false }
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
  // the lit part is brought into view whenever a step runs or is shown (what is lit changes),
  // or the drawing's length or the pane's height changes
  const top = useFollowScroll(max, litTop(first, last, rows, newest), `${choiceKey} ${max} ${first} ${last} ${height}`, 'flow', rows);
  const win = windowOf(lines, rows, top);
  // the legend names a "?" or a dotted frame only while one is in view (fix19b#2)
  const view = [win.offset, win.offset + rows] as const;
  const legend = legendRows > 0 && flow ? flow.legend(lang, ascii, hidden.some((r) => r >= view[0] && r < view[1]), framesDone(view), textRoom(width)) : null;
  // a lit part out of view is named beside the "more" sign, so nobody misses it
  // ("goes on" when part of it is in view: a lit path taller than the pane)
  const inView = litRows.some((r) => r >= win.offset && r < win.offset + rows);
  const keys = {
    up: litRows.some((r) => r < win.offset) ? (inView ? s.litGoesOnAbove : s.litAbove) : '',
    down: litRows.some((r) => r >= win.offset + rows) ? (inView ? s.litGoesOnBelow : s.litBelow) : '',
  };
  const place = choice?.place;
  // the diagram's name ("diagram 1 of 5, the server gets ready"), but not where it would push
  // out the step about to go to another diagram ("Space runs step 2, on diagram 2", which the
  // border drops first): that is what the learner needs next (room: frame.ts, less a "↑ N more")
  const name = drawing && !(drawing instanceof Error) ? drawing.title : undefined;
  // The title's parts give way whole, in a fixed order, to the room the border leaves beside its
  // "↑ N more" (issue 16: "由文件…─", cut mid-word and glued to the border): the diagram's
  // name first, then the step about to go elsewhere, then which diagram; never a cut word
  const room = titleRoom(win.above, width, frameChars(ascii), s.more, keys.up);
  const paneTitle = flowTitle(s.flowOf, title, choice?.diagram ? place : null, name, room, cells);
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
