// The screen: title bar, the panes for the terminal's size, status and key bar.
// Keys go through the keymap to store actions; the kernel view is polled cheaply
// and redrawn only when /proc/sysvipc/shm changed.
import React, { useEffect, useMemo } from 'react';
import { Box, Text, useApp } from 'ink';
import { useAppState, useAppStore, useLook } from '../context.js';
import { actionFor, isScroll, scopeFor } from '../keymap.js';
import { layoutFor, MIN } from '../layout.js';
import { useKeys } from '../use-keys.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { Closing } from './Closing.js';
import { CodePane } from './CodePane.js';
import { Errata } from './Errata.js';
import { FlowPane } from './FlowPane.js';
import { flowRowsFor } from './flow-view.js';
import { Glossary } from './Glossary.js';
import { Help } from './Help.js';
import { KernelPane } from './KernelPane.js';
import { KeyBar } from './KeyBar.js';
import { LessonPane } from './LessonPane.js';
import { Menu } from './Menu.js';
import { StatusLine } from './StatusLine.js';
import { TabBar, tabName } from './TabBar.js';
import { TitleBar } from './TitleBar.js';
import { TracePane } from './TracePane.js';

/** How often the kernel view looks at /proc/sysvipc/shm while idle. */
export const POLL_MS = 250;

export function App() {
  const store = useAppStore();
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const { s, ascii, lang } = useLook();
  const overlay = useAppState((st) => st.overlay);
  const finished = useAppState((st) => st.finished);
  const tab = useAppState((st) => st.tab);
  const stepCount = useAppState((st) => st.lessons[st.lessonIndex]?.steps.length ?? 0);
  const present = useAppState((st) => st.present);
  const lesson = useAppState((st) => st.lessons[st.lessonIndex]);
  const flow = useAppState((st) => st.flow);
  const files = lesson?.code.length ?? 0;
  // beside scrolling: the kernel pane's s (another segment in focus), the C pane's f (another file)
  const paneKey = tab === 'kernel' ? `  ${s.pickHint}` : tab === 'code' && files > 1 ? `  ${s.fileHint}` : '';
  const scrollKeys = `${ascii ? '^v' : '↑↓'} ${tabName(tab, s)}${paneKey}`;

  useEffect(() => {
    if (finished) exit();
  }, [finished, exit]);

  useEffect(() => {
    const timer = setInterval(() => store.getState().refreshKernel(), POLL_MS);
    return () => clearInterval(timer);
  }, [store]);

  const lessonRows = Math.max(stepCount * (present ? 2 : 1), 8);
  // the flow pane's width does not depend on the flow's height: measure the lesson's
  // diagrams at that width (drawings are cached), then lay out with their height
  const flowWidth = useMemo(() => {
    const l = layoutFor(columns, rows, lessonRows);
    return l.mode === 'wide' ? l.flow.w - 2 : null;
  }, [columns, rows, lessonRows]);
  const flowRows = useMemo(() => {
    if (!flow || !lesson || flowWidth === null) return undefined;
    try {
      return flowRowsFor(flow, lesson, flowWidth, ascii, lang);
    } catch {
      return undefined;
    }
  }, [flow, lesson, flowWidth, ascii, lang]);
  const layout = layoutFor(columns, rows, lessonRows, flowRows);

  // the store's keys; the scroll keys are taken by the pane they move (use-scroll.ts).
  // The overlay is read from the store, not this render: two keys can come before the next one
  useKeys((input, key) => {
    const state = store.getState();
    const action = actionFor(scopeFor(state.overlay, layout.mode === 'small'), input, key);
    if (action && !isScroll(action)) state.dispatch(action, input);
  });

  if (layout.mode === 'small') {
    return <Text>{s.tooSmall(`${MIN.width}x${MIN.height}`, `${columns}x${rows}`)}</Text>;
  }
  const body = rows - 3;
  // how to move between panes and scroll the one shown; the closing screen's own keys
  // (nothing to say over the menu or help)
  const hint = overlay === 'none' ? `Tab ${ascii ? '>' : '⇥'}  ${scrollKeys}` : overlay === 'end' ? s.closingKeys : '';
  let main: React.ReactNode;
  if (overlay === 'menu') {
    main = <Menu width={columns} height={body} />;
  } else if (overlay === 'help') {
    main = <Help width={columns} height={body} />;
  } else if (overlay === 'errata') {
    main = <Errata width={columns} height={body} />;
  } else if (overlay === 'glossary') {
    main = <Glossary width={columns} height={body} />;
  } else if (overlay === 'end') {
    main = <Closing width={columns} height={body} />;
  } else if (layout.mode === 'tabs') {
    const pane = { width: columns, height: layout.tabs.h, focused: false, title: tabName(tab, s) };
    main = (
      <Box flexDirection="column">
        <LessonPane width={columns} height={layout.lesson.h} columns />
        <TabBar width={columns} />
        {tab === 'flow' && <FlowPane {...pane} />}
        {tab === 'kernel' && <KernelPane {...pane} title={s.kernelWide} />}
        {tab === 'trace' && <TracePane {...pane} />}
        {tab === 'code' && <CodePane {...pane} />}
      </Box>
    );
  } else {
    const right =
      tab === 'code' ? (
        <CodePane width={layout.right.w} height={layout.right.h} focused title={s.codeWide} />
      ) : (
        <Box flexDirection="column">
          <FlowPane width={layout.flow.w} height={layout.flow.h} focused={tab === 'flow'} title={s.flow} />
          <KernelPane width={layout.kernel.w} height={layout.kernel.h} focused={tab === 'kernel'} title={s.kernelWide} />
        </Box>
      );
    main = (
      <Box flexDirection="column">
        <Box flexDirection="row">
          <LessonPane width={layout.lesson.w} height={layout.lesson.h} columns={false} />
          {right}
        </Box>
        <TracePane width={layout.trace.w} height={layout.trace.h} focused={tab === 'trace'} title={s.trace} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <TitleBar width={columns} />
      <Box height={body} flexDirection="column">
        {main}
      </Box>
      <StatusLine width={columns} hint={hint} />
      <KeyBar width={columns} />
    </Box>
  );
}
