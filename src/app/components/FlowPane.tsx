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
import { frameChars, titleRoom } from './frame.js';
import { type FlowChoice, LEGEND_ROWS, flowTitle, boxRows, flowWindow, framesDoneNames, hiddenRows, litFrames, plainCuts } from './flow-view.js';

/** `choice`: the diagram and what is lit (flowChoice for a lesson's step, playFlowChoice for the playground). */
export function FlowPane({ width, height, focused, title, choice, footer }: { width: number; height: number; focused: boolean; title: string; choice: FlowChoice | null; footer?: string }) {
  const { s, ascii, lang } = useLook();
  const flow = useAppState((st) => st.flow);
  // drawn again only when what it shows changes: browsing steps that light the same
  // parts leaves the drawing as it is
  const choiceKey = choice ? JSON.stringify(choice) : '';
  const drawing = useMemo((): { title?: string; lines: Line[]; litRows: number[]; newest: [number, number][]; geometry?: Parameters<typeof plainCuts>[3]; hidden: number[]; framesDone: (view: readonly [number, number]) => string[] } | Error | null => {
    if (!choice?.diagram || !flow) return null;
    try {
      const rendered = flow.renderDiagram(choice.diagram, { width: textRoom(width), ascii, lang, family: choice.family });
      // frames drawn by what is lit inside them (litFrames)
      const lit = litFrames(choice, rendered.geometry?.boxes, rendered.geometry?.frames);
      const drawn = rendered.lines({ active: lit.active, done: lit.done, masked: lit.masked });
      // the rows showing a "?": a result hidden until its step runs, which the legend names while one is in view
      const hidden = hiddenRows(drawn, () => rendered.lines({ active: lit.active, done: lit.done }));
      // the boxes the step lit anew (else all it lit): kept in view when the lit part does not fit
      const newest = boxRows(choice, rendered.geometry?.boxes);
      // the frames drawn dotted, lit by an earlier step, with a row in `view`
      const framesDone = (view: readonly [number, number]) => framesDoneNames(lit, rendered.geometry?.frames, drawn, view);
      return { title: rendered.title, lines: drawn, newest, geometry: rendered.geometry, hidden, framesDone, litRows: drawn.flatMap((l, i) => (l.some((r) => r.tone === 'active') ? [i] : [])) };
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
    // choiceKey stands for choice: equal choices are the same drawing
  }, [flow, choiceKey, width, ascii, lang]);
  const none = { litRows: [], newest: [], geometry: undefined, hidden: [], framesDone: () => [], drawn: false };
  const { lines, litRows, newest, geometry, hidden, framesDone, drawn } =
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
  // the legend names a "?" or a dotted frame only while one is in view (fix19b#2)
  const view = [top, end] as const;
  // and "╌│╌", a line through a frame's border, only while one is in view (issue 16 pass 12)
  const doorway = lines.some((l, r) => shownRow(r) && l.some((run) => /[╌╍]/.test(run.text)));
  // the dotted line's entry while a dotted frame is in view, naming every dotted frame of the
  // drawing: one meaning as the window scrolls (issue 16: shmdt's "┄┄ lesson process: used"
  // read "┄┄ kernel: used" a few rows down)
  const dotted = framesDone(view).length > 0 ? framesDone([0, lines.length]) : [];
  const legend = legendRows > 0 && flow ? flow.legend(lang, ascii, hidden.some(shownRow), dotted, textRoom(width), doorway) : null;
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
  // beside a footer (in review: "reviewing step 5…") the bottom border keeps z's words alone
  // where the whole note does not fit (frame.ts bottomBorder drops a key that does not)
  const fitsBelow = (key: string) => !footer || cells(`─ ${footer} `) + cells(`  ${frameChars(ascii).down} ${s.more(win.below)} ${key} `) + 1 <= width - 2;
  // z's words on a border ("z: whole"), beside a footer alone; its keys alone where the words
  // would not fit or would push the diagram's name out (issue 16 pass 12: "↑ 还有 28 行（高亮部分
  // 向上延续；按两次 Tab 再按 z：完整显示）" did)
  const zWords = z ? [z, zKeys] : [];
  const downKeys = z ? zWords.flatMap((w) => [s.litGoesOnZoom(true, w), s.signNote(w)]) : [inView ? s.litGoesOnBelow : s.litBelow];
  const place = choice?.place;
  // the focus mark side by side: the title's parts give way to it (frame.ts topBorder)
  const mark = useFocusMark(focused);
  // the diagram's name ("diagram 1 of 5, the server gets ready": room: frame.ts, less a "↑ N
  // more" and the focus mark)
  const name = drawing && !(drawing instanceof Error) ? drawing.title : undefined;
  // The title's parts give way whole, in a fixed order (flowTitle: the step about to go
  // elsewhere, then which diagram, the diagram's name last), never a cut word (issue 16:
  // "由文件…─", cut mid-word and glued to the border)
  const d = choice?.diagram ? place : null;
  const titleBeside = (key: string) => flowTitle(s.flowOf, title, d ?? null, name, titleRoom(win.above, width, frameChars(ascii), s.more, key, mark), cells);
  // z's keys on the top border (the lit part goes on above only) where the title keeps which
  // diagram of how many, its name, and the step to run going to another; else they go beside
  // the "↓ N more" sign alone. "· lit goes on above" keeps its
  // place before the diagram's name: without it the border does not say the lit part goes on
  // (tests/app/flow-window)
  const upPlain = above ? (inView ? s.litGoesOnAbove : s.litAbove) : '';
  const plainTitle = titleBeside(upPlain);
  const nameless = d ? s.flowOf(title, d.at, d.of, d.switched, d.next) : title;
  // not the diagram's name, which goes last (issue 16 pass 12: "┌─ 流程 ─ ↑ 还有 28 行（…）"), nor
  // a place the title would show ("now diagram 2")
  // nor the count ("第 3 张图：消息与确认" without "（共 5 张）" read as a lesson of three: issue 16)
  const count = d ? s.flowOf('', d.at, d.of, false).replace(/^[:：]\s*/, '') : '';
  const keeps = (zTitle: string) =>
    zTitle === plainTitle ||
    ((!name || zTitle.includes(name) || !plainTitle.includes(name)) &&
      (zTitle.includes(count) || !plainTitle.includes(count)) &&
      (zTitle.startsWith(nameless) || !(d?.switched || d?.next) || !plainTitle.startsWith(nameless)));
  const upOnly = above && !below;
  const zUp = upOnly ? zWords.map((w) => s.litGoesOnZoom(false, w)).find((key) => keeps(titleBeside(key))) : undefined;
  const zBelow = upOnly && z && !zUp && win.below > 0 ? zWords.map(s.signNote) : [];
  // at the drawing's end (no "↓ N more" to stand beside) z's words alone on the top border, in
  // place of "lit goes on above", where those would push the name out (shmget 5 at 120x34)
  const upZ = zUp ?? (upOnly && zBelow.length === 0 ? zWords.map(s.signNote).find((key) => keeps(titleBeside(key))) : undefined);
  const down = below ? (downKeys.find(fitsBelow) ?? downKeys.at(-1)!) : (zBelow.find(fitsBelow) ?? '');
  const keys = { up: upZ ?? upPlain, down };
  const paneTitle = upZ ? titleBeside(upZ) : plainTitle;
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
