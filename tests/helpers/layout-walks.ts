// The files the Node 24 run of CI leaves out (.ci/run sets IPCLAB_SUITE=runtime; vitest.config.ts).
// Each lays out every step of every lesson in-process (ink-testing-library, the kernel-walk and
// lesson-views helpers) or draws every diagram against its golden: what they check is a function
// of ipclab's own code, the same on any Node, and together they are half of the suite's time, which
// twice over took CI past its 30 minutes. On Node 24 the runtime is what differs, and all of that
// still runs there: koffi and the native layer, processes and signals, the lessons, the CLI, the
// package, and the real-terminal walkthroughs (tmux), which drive every step of every lesson
// through Ink and React on that V8. tests/side-by-side.test.ts holds this list to the files there are.
const inFolder = (folder: string, names: string[]) => names.map((name) => `${folder}/${name}`);

export const LAYOUT_WALKS = [
  ...inFolder('tests/app', [
    'bar-holds-still.test.tsx', 'bar-says-text.test.tsx', 'code-pane.test.tsx', 'flow-lit-in-view.test.tsx', 'flow-title.test.tsx', 'flow-window.test.ts',
    'kernel-heading-alone.test.ts', 'kernel-hidden-note.test.ts', 'kernel-in-view.test.ts', 'kernel-legend-place.test.ts', 'kernel-legend-shown.test.ts',
    'kernel-legend-whole.test.ts', 'kernel-line-starts.test.ts', 'kernel-marks-explained.test.ts', 'kernel-named-in-view.test.ts', 'kernel-note-whole.test.ts',
    'kernel-record-in-view.test.ts', 'kernel-row-columns.test.ts', 'lesson-rows-given.test.ts', 'notice-says-in-view.test.tsx', 'page-step.test.tsx', 'polish.test.tsx',
    'question-in-view.test.tsx', 'question-in-view-keys.test.tsx', 'quiz-ui-fold.test.tsx', 'quiz-ui-fold-result.test.tsx', 'race-notice-fold.test.tsx', 'rest-line.test.tsx',
    'result-pane.test.ts', 'scroll-offered.test.tsx', 'step-one-where.test.tsx', 'step-title-whole.test.tsx', 'trace-cut-hint.test.tsx', 'trace-focus.test.tsx',
    'trace-follow.test.tsx', 'trace-result-presses.test.ts', 'trace-tabs-to.test.tsx', 'zoom.test.tsx',
  ]),
  ...inFolder('tests/flow', ['crossings.test.ts', 'render.test.ts']),
];
