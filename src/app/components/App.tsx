// The screen: title bar, the panes for the terminal's size, status and key bar.
// Keys go through the keymap to store actions; the kernel view is polled cheaply
// and redrawn only when /proc/sysvipc/shm changed.
import React, { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Box, type Key, Text, useApp } from 'ink';
import { useAppState, useAppStore, useLook } from '../context.js';
import { actionFor, isOwnKey, keyFor, scopeFor } from '../keymap.js';
import { layoutFor, lessonRowsGiven, lessonRowsMost, lessonRowsShare, MIN, playLayoutFor, playRightWidth } from '../layout.js';
import { DUMP_BYTES } from '../store/kernel.js';
import { questionInSight, questionWaitsShown } from '../store/turn.js';
import { takesKeys } from '../store/run.js';
import { nextGivesWay, readingResult, resultGrows } from '../store/reading.js';
import { keyOf, useKeys } from '../use-keys.js';
import { useScrollKeys } from '../use-scroll.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { Closing } from './Closing.js';
import { CodePane } from './CodePane.js';
import { Errata } from './Errata.js';
import { FlowPane } from './FlowPane.js';
import { callsByStep, flowChoice, flowRowsFor } from './flow-view.js';
import { Glossary } from './Glossary.js';
import { Help } from './Help.js';
import { KernelPane } from './KernelPane.js';
import { KeyBar } from './KeyBar.js';
import { LessonPane, lessonPaneContent, lessonRowsNeeded, lessonRowsResult, questionTop, useLessonInput } from './LessonPane.js';
import { Menu } from './Menu.js';
import { textRoom } from './Panel.js';
import { PlayScreen, useChallengeRows } from './PlayScreen.js';
import { StatusLine } from './StatusLine.js';
import { TabBar, tabName } from './TabBar.js';
import { TitleBar } from './TitleBar.js';
import { TracePane } from './TracePane.js';
import { pollKernel } from '../kernel-poll.js';
import { warmDiagrams } from '../flow-warm.js';
import { frameShows } from '../../first-frame.js';

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
  const view = useAppState((st) => st.view);
  const done = useAppState((st) => st.done);
  // each step lights the path its calls took (flow-view.ts)
  const trace = useAppState((st) => st.trace);
  const stepStarts = useAppState((st) => st.stepStarts);
  const answered = useAppState((st) => Object.keys(st.checkPicks).length > 0);
  const screen = useAppState((st) => st.screen);
  const waiting = useAppState((st) => st.playWaiting);
  // a your-turn form is in the lesson pane: while it is edited the lesson is shown, and the
  // zoom comes back with the run (Enter)
  const zoomed = useAppState((st) => st.zoomed && st.turnFocus === null);
  const question = useAppState(questionWaitsShown);
  // a step run since z: in the run zoomed, or in a new one (another lesson, a reset)
  const ranZoomed = useAppState((st) => st.done > 0 && (st.run !== st.zoomedAt.run || st.done > st.zoomedAt.done));
  const files = lesson?.code.length ?? 0;
  // beside scrolling: the kernel pane's s (another segment in focus, when there are several)
  // and [ ] (its bytes before and after, when it has more than one dump's worth), the C pane's f (another file)
  const paging = useAppState((st) => (st.dump?.size ?? 0) > DUMP_BYTES);
  const picking = useAppState((st) => st.segments.length > 1);
  const kernelKeys = [picking ? s.pickHint : '', paging ? s.dumpHint : ''].filter(Boolean).map((k) => `  ${k}`).join('');
  const paneKey = tab === 'kernel' ? kernelKeys : tab === 'code' && files > 1 ? `  ${s.fileHint}` : '';
  // ↑ ↓ named only the ways the pane shown can move (fix27c#1: "↑↓ Flow" under a Flow that
  // had nothing out of view): both, one, or none, then the pane's own keys
  const room = { up: useAppState((st) => !!st.room[tab]?.up), down: useAppState((st) => !!st.room[tab]?.down) };
  const arrows = `${room.up ? (ascii ? '^' : '↑') : ''}${room.down ? (ascii ? 'v' : '↓') : ''}`;
  // the pane shown below is always named (fix28b#2: "Tab ⇥" alone left a newcomer asking which
  // pane the keys act on), with its arrows only when it can move
  const scrollKeys = `${arrows ? `${arrows} ` : ''}${tabName(tab, s)}${paneKey}`;

  useEffect(() => {
    if (finished) exit();
  }, [finished, exit]);

  useEffect(() => pollKernel(() => store.getState().refreshKernel(), store.subscribe), [store]);

  // side by side (tabs below), the lesson pane is as tall as its text needs, up to what the
  // tabs leave: the step just run, its notice and the whole next step in view at 80x24
  const lessonInput = useLessonInput();
  // while a step's result is read and its pane cut it, that pane gets the rows (store/reading.ts)
  // (noted per size and language: where the question fits under the result at another, no key hides it)
  const at = `${columns}x${rows} ${lang}`;
  const grow = useAppState((st) => resultGrows(st, at));
  const grewUnzoomed = useAppState((st) => resultGrows(st, at, true));
  const lessonRowsFor = useCallback((grow: boolean) => {
    if (layoutFor(columns, rows, 0).mode !== 'tabs' || !lessonInput) return Math.max(stepCount * (present ? 2 : 1), 8);
    // at the lesson's end c gives the C view the room it has during the steps: the closing text
    // gives way (it scrolls) rather than leave the code 8 rows (fix22a#5); while a result is read
    // whose pane cut it, the text shrinks to the notice (the next step's text behind Space)
    const usual = tab === 'code' && lessonInput.view >= lessonInput.lesson.steps.length ? lessonRowsShare(rows) : lessonRowsNeeded(lessonInput, columns - 2, rows);
    const needed = grow ? (lessonRowsResult(lessonInput, columns - 2, rows, usual) ?? usual) : usual;
    // the rows under its text's last go to the pane below (layout.ts lessonRowsGiven)
    const given = layoutFor(columns, rows, needed);
    if (given.mode !== 'tabs') return needed;
    const most = lessonRowsMost(rows);
    // drawn where it opens (LessonPane's stored scroll starts there): a paragraph's start may leave rows under the text's end
    return lessonRowsGiven(given.lesson.h - 2, (n) => {
      const content = lessonPaneContent(lessonInput, columns - 2, n, true, most);
      return content.lines(Math.min(questionTop(lessonInput, content), content.max));
    });
  }, [columns, rows, lessonInput, stepCount, present, tab]);
  const lessonRows = useMemo(() => lessonRowsFor(grow !== null), [lessonRowsFor, grow]);
  // zoomed, the Kernel pane's record keeps the form it has unzoomed, where the result grew its pane
  const lessonRowsUnzoomed = useMemo(() => (zoomed ? lessonRowsFor(grewUnzoomed !== null) : lessonRows), [zoomed, lessonRowsFor, grewUnzoomed, lessonRows]);
  // the flow pane's width does not depend on the flow's height: measure the lesson's
  // diagrams at that width (drawings are cached), then lay out with their height
  const flowWidth = useMemo(() => {
    const l = layoutFor(columns, rows, lessonRows);
    return l.mode === 'wide' ? textRoom(l.flow.w) : null;
  }, [columns, rows, lessonRows]);
  const flowRows = useMemo(() => {
    if (!flow || !lesson || flowWidth === null) return undefined;
    try {
      return flowRowsFor(flow, lesson, flowWidth, ascii, lang);
    } catch {
      return undefined;
    }
  }, [flow, lesson, flowWidth, ascii, lang]);
  const layout = layoutFor(columns, rows, lessonRows, flowRows, zoomed, grow);
  // the Kernel pane's rows had no result grown it: its record is laid out for them (s35g#5: shmat 3's
  // grown pane showed every field where every other step says "… z: all of shmid_ds")
  const kernelFit = useMemo(() => (grow === null || zoomed ? undefined : kernelHeight(layoutFor(columns, rows, lessonRowsFor(false), flowRows, false, null))), [grow, zoomed, columns, rows, lessonRowsFor, flowRows]);
  // the lesson's steps all run, the next lesson's diagrams are drawn ahead, at the width its Flow
  // will have (side by side: flowWidth; tabs: the whole width), so opening it is quick (flow-warm.ts)
  const nextLesson = useAppState((st) => (st.done >= stepCount && stepCount > 0 ? st.lessons[st.lessonIndex + 1] : undefined));
  const warmWidth = flowWidth ?? textRoom(columns);
  useEffect(() => (nextLesson && flow && screen === 'lesson' ? warmDiagrams(flow, nextLesson, warmWidth, ascii, lang) : undefined), [nextLesson, flow, screen, warmWidth, ascii, lang]);
  // the result's pane cut the result being read while the next step's question was behind Space
  // anyway (the lesson pane as drawn: resultShown.pinned), or that step asks none: noted, the rows
  // follow (kept until Space brings the question or the step's text); where a question fitted
  // under the result, no key is added (quiz-ui-fold-result)
  const resultCut = useAppState((st) => {
    const shown = st.resultShown;
    const behind = !!shown && shown.lesson === st.lessonIndex && shown.done === st.done && shown.view === st.view && nextGivesWay(st, shown.pinned);
    const cut = st.result?.pane === 'trace' ? st.traceCut?.step === st.done - 1 && !st.traceCut.scrolled : st.result?.pane === 'kernel' && !!(st.room.kernel?.up || st.room.kernel?.down);
    return readingResult(st) && behind && cut;
  });
  useLayoutEffect(() => {
    store.getState().noteResultCut(resultCut, at);
  }, [store, resultCut, at]);
  // a frame with the kernel's objects on it is not kept for the next start (src/first-frame.ts)
  if (screen !== 'lesson' || layout.mode !== 'tabs' || (tab !== 'flow' && tab !== 'code')) frameShows.kernel = true;
  // the store learns whether the panes are tabs as the terminal's size changes (z acts only
  // then), in the commit that draws them: a key right after the frame finds it told
  // (zoomed at a large size the pane is drawn as a tab, but the panes are side by side there)
  const tabbed = layoutFor(columns, rows, lessonRows).mode === 'tabs';
  useLayoutEffect(() => {
    if (layout.mode !== 'small') store.getState().setTabs(tabbed);
  }, [store, tabbed, layout.mode]);
  const challengeRows = useChallengeRows(playRightWidth(columns));
  const playLayout = playLayoutFor(columns, rows, challengeRows);
  // both layouts need the same room (MIN)
  const small = useRef(false);
  small.current = layout.mode === 'small';

  // the store's keys; the scroll keys move the one pane each moves (use-scroll.ts).
  // The overlay is read from the store, not this render: two keys can come before the next one.
  // Smallness through a ref set while rendering: Ink gives useInput the new handler only in
  // an effect, after the frame that says "too small" is drawn.
  // In the playground a key that is no binding is text for its input line; in a your-turn
  // form every other key is input (store/turn.ts), and in the glossary's search (store/find.ts).
  const scopeNow = () => {
    const state = store.getState();
    return scopeFor(state.overlay, small.current, state.screen, state.turnFocus !== null, state.find !== null);
  };
  const readScope = useRef<string>('');
  const onKey = (input: string, key: Key) => {
    const state = store.getState();
    const scope = scopeNow();
    const action = actionFor(scope, input, key);
    if (action && !isOwnKey(action)) state.dispatch(action, input);
    else if (!action && scope === 'play' && input && !key.ctrl && !key.meta && takesKeys(state)) state.playType(input);
    else if (!action && scope === 'turn' && !key.ctrl && !key.meta) state.turnType(input);
    else if (!action && scope === 'find' && input && !key.ctrl && !key.meta) state.findType(input, false);
    // a printable key that is no key of the lesson screen says so (one rule: no key does nothing unsaid)
    else if (!action && scope === 'main' && /^\S$/u.test(input) && !key.ctrl && !key.meta) state.unbound(input);
  };
  useKeys(onKey, {
    // the keys of a read after one that ran a step are not used: they came before its screen (store/run.ts keysBegin)
    // a key that changed the screen (another scope: an overlay closed, a search ended; or
    // screenChanged) makes the read's later keys wait for its frame (use-keys.ts)
    read: {
      begin: (rest) => {
        readScope.current = scopeNow();
        store.getState().keysBegin();
        // a digit of the read answers only the question on screen as it came (store/quiz.ts)
        if (!rest) store.getState().readQuestion(questionInSight(store.getState()));
      },
      end: (more) => {
        store.getState().keysEnd();
        if (!more) store.getState().readQuestion(undefined);
      },
      changed: () => {
        const was = readScope.current;
        readScope.current = scopeNow();
        return store.getState().keysWait() || readScope.current !== was;
      },
    },
    // a paste (or fast typing) reaches the playground as one read: its text goes into the
    // line in runs, a megabyte at once rather than a key at a time; its control
    // characters (Enter between lines, Ctrl-C) are keys like any other
    // A your-turn field takes a read's text at once too: a paste past its limit is said as one
    // ("took 21 of 30 characters"), not as a refusal per character
    whole: (input, key) => {
      if (key.ctrl || key.meta || Array.from(input).length < 2) return false;
      const scope = scopeNow();
      if (scope === 'turn') {
        // eslint-disable-next-line no-control-regex
        for (const part of input.replace(/\r\n/g, '\r').split(/([\x00-\x1f\x7f])/)) {
          // eslint-disable-next-line no-control-regex
          if (/^[\x00-\x1f\x7f]$/.test(part)) onKey(...keyOf(part === '\n' ? '\r' : part));
          else if (part && scopeNow() === 'turn') store.getState().turnType(part);
          else if (part) for (const c of Array.from(part)) onKey(...keyOf(c));
        }
        return true;
      }
      if (scope !== 'play') return false;
      // eslint-disable-next-line no-control-regex
      for (const part of input.replace(/\r\n/g, '\r').split(/([\x00-\x1f\x7f])/)) {
        // eslint-disable-next-line no-control-regex
        if (/^[\x00-\x1f\x7f]$/.test(part)) onKey(...keyOf(part === '\n' ? '\r' : part));
        else if (part && takesKeys(store.getState())) store.getState().playType(part);
      }
      return true;
    },
  });
  useScrollKeys();

  if (layout.mode === 'small') {
    return <Text>{s.tooSmall(`${MIN.width}x${MIN.height}`, `${columns}x${rows}`)}</Text>;
  }
  const body = rows - 3;
  // how to move between panes and scroll the one shown (nothing to say over a full screen:
  // its keys are on the key bar); with tabs, Tab is named once, on the tab bar (nc71#5); side by
  // side the pane in focus is said as such, its arrows after it, and what Tab does ("focus: Flow ↓
  // Tab ⇥ next pane": "Tab ⇥  ↓ 流程" read as naming the pane Tab goes to, issue 16 pass 6)
  const hint =
    screen === 'play' ? (waiting > 1 ? s.playWaiting(waiting - 1) : '')
    : overlay !== 'none' ? ''
    : layout.mode === 'tabs' ? scrollKeys
    : `${s.focusOn(tabName(tab, s))}${arrows ? ` ${arrows}` : ''}${paneKey}  Tab ${ascii ? '>' : '⇥'} ${s.tabNext}`;
  // a step run since z has a notice hidden with the lesson: the status line says so while
  // it says nothing else (a new notice is easy to miss on the border)
  const zoomNote = layout.mode === 'tabs' && zoomed && overlay === 'none' && screen === 'lesson';
  // zoomed, the lesson pane and its heading are hidden: the status line names the step shown
  // ("step 3/9: title"), while it says nothing else (fix14f#6)
  const stepNote = !lesson ? '' : view >= stepCount ? s.endOfLesson : `${s.step} ${view + 1}/${stepCount}${s.colon}${lesson.steps[view].title[lang]}`;
  const note = zoomNote ? (ranZoomed ? s.zoomedRan(keyFor('zoom', ascii), done, question) : stepNote) : '';
  const choice = lesson ? flowChoice(lesson, view, done, callsByStep(trace, stepStarts), flow?.edgeLabel, answered) : null;
  // in review the Flow draws the step shown as it ran, and says so, as the Kernel pane says it shows the kernel now
  const flowFoot = lesson && view + 1 < done ? s.flowReview(view + 1) : undefined;
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
  } else if (screen === 'play' && playLayout.mode !== 'small') {
    main = <PlayScreen layout={playLayout} />;
  } else if (layout.mode === 'tabs') {
    // zoomed, the bottom border names the key that brings the lesson back, and the notice
    // of the step just run that the lesson pane holds (the top border keeps the pane's title)
    // a notice waits only when a step ran since z: the one seen before z is no news (nc82)
    const footer = zoomed ? s.zoomed(keyFor('zoom', ascii), ranZoomed, question) : undefined;
    const pane = { width: columns, height: layout.tabs.h, focused: false, title: tabName(tab, s), footer };
    main = (
      <Box flexDirection="column">
        {layout.lesson.h > 0 && <LessonPane width={columns} height={layout.lesson.h} columns />}
        <TabBar width={columns} />
        {tab === 'flow' && <FlowPane {...pane} footer={footer ?? flowFoot} choice={choice} />}
        {tab === 'kernel' && <KernelPane {...pane} title={s.kernelWide} paneHeight={zoomed ? kernelHeight(layoutFor(columns, rows, lessonRowsUnzoomed, flowRows, false, grewUnzoomed)) : undefined} fitHeight={kernelFit} />}
        {tab === 'trace' && <TracePane {...pane} />}
        {tab === 'code' && <CodePane {...pane} footer={footer ?? s.codeKeys(ascii ? '^v' : '↑↓', keyFor('zoom', ascii))} />}
      </Box>
    );
  } else {
    const right =
      tab === 'code' ? (
        <CodePane width={layout.right.w} height={layout.right.h} focused />
      ) : (
        <Box flexDirection="column">
          <FlowPane width={layout.flow.w} height={layout.flow.h} focused={tab === 'flow'} title={s.flow} footer={flowFoot} choice={choice} />
          <KernelPane width={layout.kernel.w} height={layout.kernel.h} focused={tab === 'kernel'} title={s.kernelWide} fitHeight={kernelFit} />
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
      <StatusLine width={columns} hint={hint} note={note} />
      <KeyBar width={columns} tabs={layout.mode === 'tabs'} />
    </Box>
  );
}

/** The Kernel pane's height in `layout` unzoomed (a tab, or beside the Flow): zoomed, the pane keeps the
 *  record's form it has there (KernelPane paneHeight). */
function kernelHeight(layout: ReturnType<typeof layoutFor>): number | undefined {
  return layout.mode === 'tabs' ? layout.tabs.h : layout.mode === 'wide' ? layout.kernel.h : undefined;
}
