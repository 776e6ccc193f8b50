import { defineConfig } from 'vitest/config';
import { makeRunFolder, RUN_DIR_ENV } from './tests/helpers/run-state.js';
import { sweepRunFolder } from './tests/global-setup.js';

// Every test run gets its own folder, named for this process (tests/helpers/run-state.ts):
// the state folder, so owned.json and progress never mix with a learner's real ones, and the
// tests' temp folders (tests/helpers/temp-dir.ts). At exit -- after the teardown, or on
// SIGTERM/Ctrl-C without one -- swept as a killed run's would be: its processes ended, what
// its journals record removed, then the folder; a journal clean cannot finish keeps the
// folder for the next run's setup (tests/global-setup.ts), never an object without a record.
const state = makeRunFolder();
process.on('exit', () => sweepRunFolder(state));

const inFolder = (folder: string, names: string[]) => names.map((name) => `${folder}/${name}`);

// The files that run two at a time, before the rest: each in one process that starts none of
// its own but a lesson's peers, with no terminal, no CLI, no killing, no reading of the whole
// kernel's tables (ipcs, /proc/sysvipc) and no XDG_STATE_HOME of its own for a process (a
// progress file of its own, renderApp's env, is fine); each worker gets its own state folder
// (tests/helpers/side-state.ts), so the other's objects are never ipclab's to its Kernel pane.
// Everything else -- and any new file until it is put here -- runs alone, as before: tmux, the
// kill tests, clean, the package, the native layer, whatever counts objects.
const SIDE_BY_SIDE = [
  ...inFolder('tests', [
    'imports.test.ts',
  ]),
  ...inFolder('tests/app', [
    'ascii.test.tsx', 'ask-first.test.tsx', 'bar-scopes.test.ts', 'bar-stable.test.ts',
    'code-pane.test.tsx', 'dump-seek.test.tsx', 'errata-view.test.ts', 'explain.test.tsx',
    'kernel-columns.test.ts', 'kernel-fit.test.ts', 'kernel-fleeting.test.ts', 'kernel-focus.test.ts',
    'kernel-labels.test.ts', 'kernel-poll.test.ts', 'kernel-processes.test.ts',
    'kernel-scroll.test.ts', 'kernel-sticky.test.tsx', 'keys-named.test.ts', 'layout-fit.test.ts',
    'lesson-scroll.test.tsx', 'menu-view.test.ts', 'new-terms-shown.test.ts', 'pane-margin.test.ts',
    'panel-margin.test.tsx', 'question-in-view.test.tsx', 'quiz-ui-fold-result.test.tsx',
    'quiz-ui-fold.test.tsx', 'resumed-text.test.ts', 'review-order.test.ts', 'status-fit.test.ts',
    'step-marks.test.ts', 'trace-follow.test.tsx', 'trace-review.test.tsx', 'trace-rule.test.tsx',
    'turn-enter-label.test.tsx', 'turn-own.test.ts', 'turn.test.tsx',
  ]),
  ...inFolder('tests/app/play', [
    'pure.test.ts',
  ]),
  ...inFolder('tests/flow', [
    'corpus.test.ts', 'crossings.test.ts', 'family.test.ts', 'labels.test.ts', 'legend.test.ts',
    'lit.test.ts', 'masked-lines.test.ts', 'masked.test.ts', 'mermaid-compat.test.ts',
    'pane-look.test.ts', 'parse.test.ts', 'read-edges.test.ts', 'render.test.ts',
    'step-edges.test.ts', 'wrap-label.test.ts',
  ]),
  ...inFolder('tests/lessons', [
    'choice-terms.test.ts', 'diagram-words.test.ts', 'engine.test.ts', 'flow-new-terms.test.ts',
    'glossary-phrases.test.ts', 'new-terms-said.test.ts', 'open-screens.test.ts',
    'problem-text.test.ts', 'readme.test.ts', 'trace-new-terms.test.ts', 'turn-msg-sem.test.ts',
  ]),
  ...inFolder('tests/quiz', [
    'quiz-ui.test.tsx', 'quiz-view.test.ts', 'score-rule.test.tsx', 'validate-quiz.test.ts',
  ]),
  ...inFolder('tests/text', [
    'dump.test.ts', 'graphemes.test.ts', 'lookalikes.test.ts', 'results.test.ts',
    'screen-output.test.ts', 'string-width.test.ts', 'wrap-terms.test.ts',
  ]),
];

const common = {
  env: { XDG_STATE_HOME: state, [RUN_DIR_ENV]: state, IPCLAB_TEST: '1', LANG: 'C.UTF-8' },
  testTimeout: 30_000,
  hookTimeout: 30_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    env: common.env,
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      { test: { ...common, name: 'side-by-side', include: SIDE_BY_SIDE, setupFiles: ['tests/helpers/side-state.ts'], maxWorkers: 2, sequence: { groupOrder: 0 } } },
      { test: { ...common, name: 'alone', include: ['tests/**/*.test.{ts,tsx}'], exclude: SIDE_BY_SIDE, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
