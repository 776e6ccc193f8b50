// The files the Node 24 run of CI leaves out (.ci/run sets IPCLAB_SUITE=runtime; vitest.config.ts):
// the in-process tests whose result is a function of ipclab's own code, the same on any Node --
// the UI drawn through ink-testing-library (the layout walks of every step of every lesson among
// them), the diagrams against their goldens, the quiz screens, the lessons' text and validator tests
// (no lesson run), and the text tests that do not
// measure the runtime's Unicode (below). Run twice they took CI past its 30 minutes. On Node 24
// the runtime is what differs, and all of that still runs there: koffi and the native layer,
// processes and signals, the lessons, the CLI, the package, the real-terminal walkthroughs (tmux),
// which drive every step of every lesson through Ink and React on that V8, and the text tests of
// ICU's and the Unicode tables' answers (cells, dump, graphemes, lesson-wrap, string-width,
// wrap-terms, zh-words: Intl.Segmenter and \p{...} change with Node's ICU).
// tests/side-by-side.test.ts holds this list to the files there are, and fails on one that starts a
// process, a terminal or the CLI (itself or through a module of tests/ or scripts/ it imports:
// tests/helpers/ipcs, tmux, tests/lessons/helpers) or loads koffi or src/native itself. A new file runs on both until
// it is named here.
const inFolder = (folder: string, names: string[]) => names.map((name) => `${folder}/${name}`);

export const SAME_ON_ANY_NODE = [
  ...inFolder('tests/app', [
    'ascii.test.tsx', 'aside-folded.test.ts', 'aside-key.test.tsx', 'ask-first.test.tsx', 'bar-end-code.test.tsx', 'bar-holds-still.test.tsx',
    'bar-parts.test.ts', 'bar-processes-said.test.tsx', 'bar-processes.test.ts', 'bar-running.test.tsx', 'bar-says-text.test.tsx',
    'bar-scopes.test.ts', 'bar-stable.test.ts', 'bar-tab.test.tsx', 'code-pane.test.tsx', 'cut-mark.test.ts', 'dump-seek.test.tsx',
    'errata-view.test.ts', 'first-screen-kept.test.ts', 'first-screen.test.tsx', 'flow-cut-edges.test.ts', 'flow-frames-lit.test.ts',
    'flow-legend.test.tsx', 'flow-title.test.tsx', 'flow-warm.test.ts', 'flow-window.test.ts', 'focus-mark.test.tsx', 'frame-throttle.test.ts',
    'glossary-keys.test.tsx', 'glossary-this-lesson.test.tsx', 'help-says.test.tsx', 'kept-layout.test.ts', 'kernel-columns.test.ts',
    'kernel-dump-legend.test.ts', 'kernel-fit.test.ts', 'kernel-fleeting.test.ts', 'kernel-focus.test.ts', 'kernel-heading-alone.test.ts',
    'kernel-hidden-note.test.ts', 'kernel-ids-named.test.ts', 'kernel-in-view.test.ts', 'kernel-labels.test.ts', 'kernel-legend-place.test.ts',
    'kernel-legend-shown.test.ts', 'kernel-legend-whole.test.ts', 'kernel-legend.test.ts', 'kernel-line-starts.test.ts',
    'kernel-marks-explained.test.ts', 'kernel-named-in-view.test.ts', 'kernel-named.test.ts', 'kernel-no-blank-rows.test.ts',
    'kernel-note-whole.test.ts', 'kernel-poll.test.ts', 'kernel-processes.test.ts', 'kernel-question-row.test.tsx', 'kernel-record-grown.test.tsx',
    'kernel-record-in-view.test.ts', 'kernel-record-row.test.ts', 'kernel-record-rule.test.ts', 'kernel-row-columns.test.ts',
    'kernel-rows-after-run.test.tsx', 'kernel-scroll.test.ts', 'kernel-status-note.test.ts', 'kernel-sticky.test.tsx', 'kernel-table-legend.test.ts',
    'key-bar-fit.test.ts', 'key-bursts.test.tsx', 'key-work.test.tsx', 'keys-form-words.test.tsx', 'keys-named.test.ts',
    'keys-while-running.test.tsx', 'layout-fit.test.ts', 'lesson-end-once.test.ts', 'lesson-opens-top.test.tsx', 'lesson-opens-whole.test.ts',
    'lesson-rows-given.test.ts', 'lesson-scroll.test.tsx', 'lesson-step-list.test.ts', 'lesson-verdict.test.ts', 'list-marks-said.test.tsx',
    'marks-read-plainly.test.ts', 'menu-view.test.ts', 'missed-mark-step.test.tsx', 'new-terms-earlier.test.ts', 'new-terms-first-shown.test.ts',
    'new-terms-found.test.ts', 'new-terms-named.test.ts', 'new-terms-on-screen.test.ts', 'new-terms-shown-parts.test.ts', 'new-terms-shown.test.ts',
    'notice-says-in-view-ipcs.test.tsx', 'notice-says-in-view.test.tsx', 'onward-moves-once.test.tsx', 'page-step.test.tsx', 'pane-margin.test.ts',
    'panel-margin.test.tsx', 'polish.test.tsx', 'pure.test.ts', 'question-in-view-keys.test.tsx', 'question-in-view.test.tsx',
    'quiz-ui-fold-result.test.tsx', 'quiz-ui-fold.test.tsx', 'race-notice-fold.test.tsx', 'rest-line.test.tsx', 'result-pane.test.ts',
    'result-rows.test.ts', 'resumed-text.test.ts', 'review-order.test.ts', 'scroll-offered.test.tsx', 'space-rest.test.ts', 'space-words.test.tsx',
    'status-fit.test.ts', 'step-marks.test.ts', 'step-one-where.test.tsx', 'step-text-start.test.tsx', 'step-title-whole.test.tsx',
    'trace-cut-hint.test.tsx', 'trace-focus.test.tsx', 'trace-fold.test.ts', 'trace-follow.test.tsx', 'trace-holds-still.test.tsx',
    'trace-holds-top.test.tsx', 'trace-notice-words.test.ts', 'trace-pid-column.test.ts', 'trace-result-in-view.test.ts',
    'trace-result-presses-ipcs.test.ts', 'trace-result-presses.test.ts', 'trace-review.test.tsx', 'trace-step-named.test.tsx',
    'trace-tabs-to.test.tsx', 'turn-enter-label.test.tsx', 'turn-own.test.ts', 'z-word.test.ts', 'zoom-kernel-same.test.tsx',
    'zoom-space-text.test.tsx', 'zoom.test.tsx',
  ]),
  ...inFolder('tests/app/play', [
    'line-editor.test.ts', 'pure.test.ts',
  ]),
  ...inFolder('tests/flow', [
    'arrowheads.test.ts', 'corpus.test.ts', 'crossings.test.ts', 'cut-words.test.ts', 'diagram-story.test.ts', 'done-stays.test.ts', 'family.test.ts',
    'frame-crossing.test.ts', 'frame-margin.test.ts', 'frame-title.test.ts', 'grid-cells.test.ts', 'label-box.test.ts', 'label-near.test.ts',
    'label-room.test.ts', 'labels.test.ts', 'legend.test.ts', 'masked-label.test.ts', 'masked-lines.test.ts', 'masked.test.ts',
    'mermaid-compat.test.ts', 'own-run-lit.test.ts', 'pane-look.test.ts', 'parse.test.ts', 'read-edges.test.ts', 'render.test.ts',
    'step-edges.test.ts', 'titles.test.ts', 'wrap-label.test.ts',
  ]),
  ...inFolder('tests/lessons', [
    'choice-gloss.test.ts', 'choice-terms.test.ts', 'decoded-glossary.test.ts', 'diagram-words.test.ts', 'errata-seen.test.ts', 'errno-short.test.ts',
    'explain.test.ts', 'first-contact-entry.test.ts', 'flow-answer-masked.test.ts', 'flow-new-terms.test.ts', 'format.test.ts',
    'forward-question.test.ts', 'glossary-answer.test.ts', 'glossary-looked-up.test.ts', 'glossary-pending.test.ts', 'glossary-phrases.test.ts',
    'glossary-screen-words.test.ts', 'glossary-semadj.test.ts', 'highlight-subset.test.ts', 'misspelling-terms.test.ts', 'new-terms-count.test.ts',
    'new-terms-every-word.test.ts', 'new-terms-once.test.ts', 'new-terms-rows.test.ts', 'new-terms-said.test.ts', 'new-terms-words.test.ts',
    'newcomer-texts.test.ts', 'notice-names-pane.test.ts', 'notice-two-panes.test.ts', 'nowait-question.test.ts', 'open-screens.test.ts',
    'own-process.test.ts', 'peer-end-order.test.ts', 'peer-lines.test.ts', 'sem-later-p.test.ts', 'sembuf-fields.test.ts', 'serv-clnt-sides.test.ts',
    'shmid-example.test.ts', 'text-style.test.ts', 'trace-focus-lang.test.ts', 'trace-new-terms.test.ts', 'trace-shows-said.test.ts',
    'turn-fields.test.ts', 'validate-aside-errno.test.ts', 'validate.test.ts',
  ]),
  ...inFolder('tests/quiz', [
    'choice-mark.test.ts', 'keys-line.test.ts', 'keys-together-reset.test.tsx', 'quiz-ui.test.tsx', 'quiz-view.test.ts', 'score-rule.test.tsx',
    'validate-quiz.test.ts',
  ]),
  ...inFolder('tests/text', [
    'errno-table.test.ts', 'lookalikes.test.ts', 'screen-output.test.ts', 'styled-chars.test.ts',
  ]),
];
