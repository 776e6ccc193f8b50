// The lesson's C files from examples/c, with line numbers, long lines wrapped; f
// switches between the files. It follows the step the lesson pane is about: the line
// that step declares (Step.code) is brought into view and marked, until the learner
// scrolls it. The title says which file, which of its lines are in view and which step's
// line is lit (the one just run, while its notice is on screen), and the
// signs in the frame count source lines too.
import React, { useMemo } from 'react';
import { anchorText, codeStep } from '../../lessons/code-anchor.js';
import { useAppState, useLook } from '../context.js';
import { maxOffset } from '../scroll.js';
import { line } from '../styled.js';
import { cells } from '../text-fit.js';
import { useFollowScroll } from '../use-scroll.js';
import { Panel, textRoom } from './Panel.js';
import { codeLines, shownLines, stepAnchor } from './code-view.js';

export function CodePane({ width, height, focused, footer }: { width: number; height: number; focused: boolean; footer?: string }) {
  const { s } = useLook();
  const code = useAppState((st) => st.code);
  const lesson = useAppState((st) => st.lessons[st.lessonIndex]);
  const view = useAppState((st) => st.view);
  const done = useAppState((st) => st.done);
  const source = code?.text ?? '';
  const steps = lesson?.steps.length ?? 0;
  const anchors = useMemo(() => {
    const paths = lesson?.code.map((f) => f.path) ?? [];
    return lesson?.steps.map((st) => (st.code && code ? anchorText(st.code, code.file, paths) : null)) ?? [];
  }, [lesson, code]);
  const lit = codeStep(view, done, steps);
  const at = steps > 0 ? stepAnchor(source, anchors, lit) : null;
  const marked = at?.own ? at.span : null;
  const shown = useMemo(
    () => (!code ? { lines: [], rowOf: [] } : code.text === null ? { lines: [line(s.codeMissing(code.file), 'error')], rowOf: [] } : codeLines(code.text, textRoom(width), marked)),
    [code, s, width, marked?.first, marked?.last],
  );
  const rows = Math.max(0, height - 2);
  // a row above the anchor for context, where the pane has rows to spare (at 80x24 it has four)
  const follow = at === null ? 0 : Math.max(0, (shown.rowOf[at.span.first] ?? 0) - (rows >= 8 ? 1 : 0));
  const max = maxOffset(shown.lines.length, height);
  // the learner's own scroll holds across steps, for this file at this width (neither the step
  // nor the height, which the lesson text shown changes at a small terminal, is in the anchor);
  // leaving the pane and coming back follows the step again
  const top = useFollowScroll(max, follow, `${code?.file} ${width}`, 'code', rows);
  const files = lesson?.code.length ?? 0;
  const label = `${s.codeWide}${s.colon}`;
  if (!code || code.text === null) {
    return <Panel title={code ? `${label}${code.file}` : s.codeWide} width={width} height={height} lines={shown.lines} offset={top} focused={focused} footer={footer} />;
  }
  // the signs count source lines, as the title does
  const { first, last } = shownLines(shown.rowOf, top, rows);
  const total = shown.rowOf.length;
  const hidden = { above: first - 1, below: total - last };
  const which = files > 1 ? `${s.codeFiles(code.index + 1, files)} ` : '';
  // one form, the file named one way (every C file is in examples/c), n/N where there are several;
  // where it does not fit beside the sign, the words of the lines go (nc82: three forms seen)
  const room = width - 8 - (hidden.above > 0 ? cells(s.more(hidden.above)) + 2 : 0);
  // the lit line is the step just run while the lesson pane shows its notice above the next
  // step's text (codeStep): the title says whose it is, "step 1 lit" at "step 2/8"
  const whose = marked ? [s.codeLit(lit + 1), `${s.step} ${lit + 1}`] : [];
  const bases = [s.codeAt(code.file, first, last, total), `${code.file} ${first}-${last}/${total}`];
  const names = [...whose.flatMap((w) => bases.map((b) => `${b}${s.codeLitSep}${w}`)), ...bases].map((n) => `${label}${which}${n}`);
  const title = names.find((n) => cells(n) <= room) ?? names[names.length - 1];
  return <Panel title={title} width={width} height={height} lines={shown.lines.slice(top, top + rows)} hidden={hidden} focused={focused} footer={footer} />;
}
