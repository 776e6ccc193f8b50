// The test files vitest.config.ts runs two at a time, by name, in a module of their own so
// that tests/side-by-side.test.ts can hold the list to the files there are: a name that
// names no file (a file renamed or removed) would drop that file from the side-by-side
// project without a word, and it would run alone.
const inFolder = (folder: string, names: string[]) => names.map((name) => `${folder}/${name}`);

// The files that run two at a time, before the rest: each in one process that starts none of
// its own but a lesson's peers, with no terminal, no CLI, no killing, no reading of the whole
// kernel's tables (ipcs, /proc/sysvipc; the rows of the objects its own run made, read as the
// Kernel pane reads them, are its own: tests/helpers/kernel-walk) and no XDG_STATE_HOME of its own for a process (a
// progress file of its own, renderApp's env, is fine); each worker gets its own state folder
// (tests/helpers/side-state.ts), so the other's objects are never ipclab's to its Kernel pane.
// Everything else -- and any new file until it is put here -- runs alone, as before: tmux, the
// kill tests, clean, the package, the native layer, whatever counts objects, the walks of the
// lessons that list the machine's objects (LISTS_MACHINE below), and tests/flow/fuzz (it holds
// each of 120 mutants to 2 s: on a loaded machine one failed side by side).
export const SIDE_BY_SIDE = [
  ...inFolder('tests', [
    'imports.test.ts', 'side-by-side.test.ts',
  ]),
  ...inFolder('tests/app', [
    'ascii.test.tsx', 'ask-first.test.tsx', 'bar-processes.test.ts', 'bar-says-text.test.tsx', 'bar-holds-still.test.tsx', 'bar-end-code.test.tsx', 'bar-scopes.test.ts', 'bar-stable.test.ts', 'bar-tab.test.tsx',
    'code-pane.test.tsx', 'dump-seek.test.tsx', 'errata-view.test.ts', 'explain.test.tsx', 'first-screen.test.tsx', 'flow-legend.test.tsx', 'flow-title.test.tsx', 'flow-window.test.ts',
    'glossary-keys.test.tsx', 'glossary-this-lesson.test.tsx', 'help-says.test.tsx', 'key-work.test.tsx',
    'kernel-columns.test.ts', 'kernel-fit.test.ts', 'kernel-fleeting.test.ts', 'kernel-focus.test.ts',
    'kernel-heading-alone.test.ts', 'kernel-hidden-note.test.ts', 'kernel-in-view.test.ts', 'kernel-legend.test.ts', 'kernel-legend-place.test.ts', 'kernel-legend-shown.test.ts',
    'kernel-legend-whole.test.ts', 'kernel-line-starts.test.ts', 'kernel-marks-explained.test.ts', 'kernel-named-in-view.test.ts', 'kernel-note-whole.test.ts',
    'kernel-record-in-view.test.ts', 'kernel-row-columns.test.ts',
    'kernel-labels.test.ts', 'kernel-named.test.ts', 'kernel-poll.test.ts', 'kernel-processes.test.ts',
    'kernel-scroll.test.ts', 'kernel-status-note.test.ts', 'kernel-sticky.test.tsx', 'keys-named.test.ts', 'layout-fit.test.ts', 'lesson-rows-given.test.ts',
    'lesson-opens-whole.test.ts', 'lesson-scroll.test.tsx', 'menu-view.test.ts', 'new-terms-found.test.ts', 'new-terms-shown.test.ts', 'new-terms-shown-parts.test.ts', 'notice-says-in-view.test.tsx', 'pane-margin.test.ts',
    'page-step.test.tsx', 'panel-margin.test.tsx', 'polish.test.tsx', 'pure.test.ts', 'question-in-view.test.tsx', 'question-in-view-keys.test.tsx', 'quiz-ui-fold-result.test.tsx',
    'quiz-ui-fold.test.tsx', 'race-notice-fold.test.tsx', 'list-marks-said.test.tsx', 'rest-line.test.tsx', 'result-pane.test.ts', 'resumed-text.test.ts', 'review-order.test.ts', 'scroll-offered.test.tsx', 'space-rest.test.ts', 'status-fit.test.ts',
    'step-marks.test.ts', 'step-one-where.test.tsx', 'step-text-start.test.tsx', 'step-title-whole.test.tsx', 'trace-cut-hint.test.tsx', 'trace-tabs-to.test.tsx', 'focus-mark.test.tsx', 'z-word.test.ts', 'trace-focus.test.tsx', 'trace-follow.test.tsx', 'trace-notice-words.test.ts', 'trace-result-in-view.test.ts', 'trace-result-presses.test.ts', 'trace-review.test.tsx', 'trace-rule.test.tsx',
    'turn-enter-label.test.tsx', 'turn-own.test.ts', 'turn.test.tsx', 'zoom.test.tsx',
  ]),
  ...inFolder('tests/app/play', [
    'pure.test.ts',
  ]),
  ...inFolder('tests/flow', [
    'corpus.test.ts', 'crossings.test.ts', 'done-stays.test.ts', 'family.test.ts', 'label-room.test.ts', 'labels.test.ts', 'legend.test.ts',
    'lit.test.ts', 'masked-lines.test.ts', 'masked.test.ts', 'mermaid-compat.test.ts',
    'pane-look.test.ts', 'parse.test.ts', 'read-edges.test.ts', 'render.test.ts',
    'step-edges.test.ts', 'titles.test.ts', 'wrap-label.test.ts',
  ]),
  ...inFolder('tests/lessons', [
    'choice-terms.test.ts', 'diagram-words.test.ts', 'engine.test.ts', 'explain.test.ts', 'flow-new-terms.test.ts', 'format.test.ts',
    'glossary-looked-up.test.ts', 'glossary-pending.test.ts', 'glossary-phrases.test.ts', 'new-terms-said.test.ts', 'new-terms-words.test.ts', 'open-screens.test.ts',
    'problem-text.test.ts', 'readme.test.ts', 'text-style.test.ts', 'trace-new-terms.test.ts', 'traced-flags.test.ts', 'turn-fields.test.ts', 'turn-msg-sem.test.ts', 'validate.test.ts',
  ]),
  ...inFolder('tests/quiz', [
    'choice-mark.test.ts', 'keys-line.test.ts', 'quiz-ui.test.tsx', 'quiz-view.test.ts', 'score-rule.test.tsx', 'validate-quiz.test.ts',
  ]),
  ...inFolder('tests/text', [
    'cells.test.ts', 'dump.test.ts', 'graphemes.test.ts', 'lookalikes.test.ts', 'results.test.ts',
    'screen-output.test.ts', 'string-width.test.ts', 'styled-chars.test.ts', 'wrap-terms.test.ts', 'zh-words.test.ts',
  ]),
];

// The lessons whose steps run ipcs over a whole table (overview's ipcs -m, -q and -s, msg's
// ipcs -q, sem's ipcs -s, shmctl's ipcs -m): their Trace listings and notices (withOthers) grow
// with every object of the machine, the other worker's lessons' too. A walk whose check depends
// on those heights runs these lessons in a file of its own that runs alone (`*-ipcs.test.*`),
// the rest side by side; tests/side-by-side.test.ts holds this list to the lessons' sources.
export const LISTS_MACHINE: ReadonlySet<string> = new Set(['overview', 'msg', 'sem', 'shmctl']);
