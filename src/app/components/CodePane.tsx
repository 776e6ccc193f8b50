// The lesson's C files from examples/c, with line numbers, long lines wrapped, the comments
// in Chinese in zh mode (each line's from the file's table, examples/c/zh/FILE.txt); f
// switches between the files. It follows the step the lesson pane is about (its ▶): the line
// that step declares (Step.code) is brought into view from its first row and marked, until
// the learner scrolls it, and again when that step changes or runs. The title says which file,
// which of the lesson's files and which step's line is lit; the gutter and the signs in the
// frame count source lines.
import React, { useCallback, useMemo } from 'react';
import { anchorTexts, codeStep } from '../../lessons/code-anchor.js';
import { useAppState, useLook } from '../context.js';
import { maxOffset } from '../scroll.js';
import { line } from '../styled.js';
import { cells } from '../text-fit.js';
import { useFollowScroll } from '../use-scroll.js';
import { Panel, textRoom, useFocusMark } from './Panel.js';
import { frameChars, titleRoom } from './frame.js';
import { codeLines, followRow, heldForQuestions, hiddenLines, printedGlosses, questionsWaiting, snapRow, stepAnchor } from './code-view.js';
import { parseCommentTable } from '../../text/comment-spans.js';
import { heldAnswerLines } from '../../text/answer-comments.js';

/** The C pane's row under a line that prints: what it prints, in Chinese (the C stays English). */
export const PRINTS_ZH = (text: string) => `↳ 打印“${text}”`;

export function CodePane({ width, height, focused, footer }: { width: number; height: number; focused: boolean; footer?: string }) {
  const { s } = useLook();
  const code = useAppState((st) => st.code);
  const lesson = useAppState((st) => st.lessons[st.lessonIndex]);
  const view = useAppState((st) => st.view);
  const done = useAppState((st) => st.done);
  // a comment marked as the answer of a step not yet run is "?" (text/answer-comments.ts)
  const ranIds = lesson?.steps.slice(0, done).map((st) => st.id).join(' ') ?? '';
  const text = useMemo(() => (code?.text == null ? null : heldAnswerLines(code.text.split('\n'), (id) => ranIds.split(' ').includes(id)).join('\n')), [code?.text, ranIds]);
  const source = text ?? '';
  const steps = lesson?.steps.length ?? 0;
  const anchors = useMemo(() => {
    const paths = lesson?.code.map((f) => f.path) ?? [];
    return lesson?.steps.map((st) => (st.code === undefined ? undefined : code ? anchorTexts(st.code, code.file, paths) : null)) ?? [];
  }, [lesson, code]);
  const lit = codeStep(view, steps);
  const at = steps > 0 ? stepAnchor(source, anchors, lit) : null;
  // every line of the step's calls lit (overview's two shmdt), the first kept in view
  const marked = at?.own ? at.spans : null;
  const markedKey = marked?.map((m) => `${m.first}-${m.last}`).join(' ');
  // in Chinese, each comment line's words from the file's table (examples/c/zh/FILE.txt), the code as it is
  const lang = useAppState((st) => st.lang);
  const zh = useMemo(() => (lang === 'zh' && code?.zh ? parseCommentTable(code.zh).table : undefined), [lang, code?.zh]);
  // and under a line that prints, what it prints in Chinese, from the table the Trace shows the
  // program's lines through (examples/c/zh/FILE.out.txt): the C's own strings stay English
  const glosses = useMemo(() => (lang === 'zh' && code?.text && code.out ? printedGlosses(code.text, code.out, PRINTS_ZH) : undefined), [lang, code?.text, code?.out]);
  // while a step's question is unanswered (the open one, and every later step's), its lines,
  // the comment above them and all after them are held back (an `expect(` under the call says
  // what it gives: msg's "type -3: the lowest type <= 3", sem's "SEM_UNDO gave the count back")
  const quiz = useAppState((st) => st.quiz);
  const waiting = useMemo(() => (quiz && lesson ? questionsWaiting(lesson.steps, lesson.checkpoints, done) : []), [quiz, lesson, done]);
  const held = steps === 0 ? null : heldForQuestions(source, anchors, waiting, done, lit);
  const from = held?.from ?? null;
  const shown = useMemo(
    () =>
      !code
        ? { lines: [], rowOf: [] }
        : code.text === null
          ? { lines: [line(s.codeMissing(code.file), 'error')], rowOf: [] }
          : codeLines(source, textRoom(width), marked, 4, zh, from === null ? undefined : { from, row: s.codeRestHeld(held!.step + 1) }, glosses),
    [code, s, width, markedKey, zh, from, held?.step, glosses],
  );
  const rows = Math.max(0, height - 2);
  const max = maxOffset(shown.lines.length, height);
  // the step's line from its first row (a wrapped line's tail never opens the pane), the line
  // above for context where the pane has rows to spare (at 80x24 it has four)
  // the step's line held back while its question is open: the lines just above where it comes
  const follow = at === null ? 0 : from !== null && at.span.first >= from ? max : followRow(shown.rowOf, at.span, rows, max);
  // the learner's own scroll holds until the step whose line is lit changes (← → in review,
  // a step run: lit moves on) or a step runs again (the store forgets the offset then), for this
  // file at this width; the height, which the lesson text shown changes at a small terminal, is
  // not in the anchor; leaving the pane and coming back follows the step again
  // ↑ ↓ move by source lines, a wrapped line's ↪ rows with it (snapRow)
  const rowOf = shown.rowOf;
  const snap = useCallback((at: number, by: number) => snapRow(rowOf, at, by, max), [rowOf, max]);
  const top = useFollowScroll(max, follow, `${code?.file} ${width} ${lit}`, 'code', rows, snap);
  const files = lesson?.code.length ?? 0;
  const mark = useFocusMark(focused);
  const label = `${s.codeWide}${s.colon}`;
  if (!code || code.text === null) {
    return <Panel title={code ? `${label}${code.file}` : s.codeWide} width={width} height={height} lines={shown.lines} offset={top} focused={focused} footer={footer} />;
  }
  // the signs count source lines, as the gutter does
  // a line counts as hidden while any of its rows is (a ↪ row at the top: its line is above)
  const hidden = hiddenLines(shown.rowOf, top, rows, shown.lines.length - (shown.held ? 1 : 0));
  // one form in every lesson, language and size (nc82 saw three; newcomers two more): the file,
  // which of the lesson's files (f goes on), whose line is lit: the step the lesson pane's ▶
  // marks (codeStep). The gutter numbers the lines in view; the longest title fits at 80 columns
  // (tests/app/code-pane); at 120x34 the pane is narrow: the longest title that fits whole beside
  // the sign, the label first to go, then the words, then the lit line; which of how many files
  // last (f goes on)
  // while the lit step's lines are held for its question the title says so: the lines in view are earlier steps'
  const titles = s.codeTitles(code.file, code.index + 1, Math.max(1, files), marked ? lit + 1 : null, from !== null && at !== null && at.span.first >= from);
  const room = codeTitleRoom(width, hidden.above, s.more, mark);
  const title = pickCodeTitle(label, titles, room);
  return <Panel title={title} width={width} height={height} lines={shown.lines.slice(top, top + rows)} hidden={hidden} focused={focused} footer={footer} />;
}

/** The cells a title of the C pane has in its top border (frame.ts topBorder): "─ title " beside
 *  the sign of the lines above, " ↑ 12 more ". */
export function codeTitleRoom(width: number, above: number, more: (n: number) => string, mark = ''): number {
  return titleRoom(above, width, frameChars(false), more, '', mark);
}

/** The C pane's title: the first of `titles` (longest first) that fits `room` whole with the
 *  label, else without it, else the last (the file's name, cut by the frame if it must be).
 *  The last with the label is never picked: the label goes before the file's number does. */
export function pickCodeTitle(label: string, titles: readonly string[], room: number): string {
  return [...titles.slice(0, -1).map((t) => `${label}${t}`), ...titles].find((t) => cells(t) <= room) ?? titles[titles.length - 1]!;
}
