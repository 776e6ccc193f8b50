// The playground's screen: the transcript and the input line, the Kernel pane and the
// lifecycle flow lit by the call just made, and the open challenge; beside each other
// on a large screen, one of them under the transcript on a small one (Ctrl-O).
import React, { useMemo } from 'react';
import { Box } from 'ink';
import { useAppState, useLook } from '../context.js';
import type { PlayLayout } from '../layout.js';
import { maxOffset } from '../scroll.js';
import { line } from '../styled.js';
import { useFollowScroll } from '../use-scroll.js';
import { FlowPane } from './FlowPane.js';
import { playFlowChoice } from './flow-view.js';
import { KernelPane } from './KernelPane.js';
import { lessonShmids } from './marks.js';
import { Panel } from './Panel.js';
import { challengeLines, inputLine, transcriptLines, transcriptTitle } from './play-view.js';
import { StyledLineView } from './StyledLineView.js';
import { cells, proseWidth, wrap } from '../text-fit.js';
import { ELSEWHERE, FUNCTIONS } from '../../play/vocabulary.js';
import { lessonName } from '../../lessons/lesson-name.js';
import type { Lesson } from '../../lessons/types.js';

/** Whether a lesson's steps make calls the playground lacks (msgget(…), semop(…)): opened from
 *  it, the playground's first line says it has shared-memory calls only (fix24a#9: msgget failed). */
function callsElsewhere(lesson: Lesson | undefined): boolean {
  const call = new RegExp(`\\b(?:${Object.keys(ELSEWHERE).join('|')})\\(`);
  return !!lesson && call.test(JSON.stringify(lesson.steps));
}

function TranscriptPane({ width, height }: { width: number; height: number }) {
  const { lang, s, ascii } = useLook();
  const entries = useAppState((st) => st.playEntries);
  const from = useAppState((st) => (callsElsewhere(st.lessons[st.lessonIndex]) ? st.lessonIndex : -1));
  const lesson = useAppState((st) => st.lessons[from]);
  const calls = useAppState((st) => st.playCalls);
  const segments = useAppState((st) => st.segments);
  const owners = useMemo(() => ({ lesson: lessonShmids(calls), ipclab: new Set(segments.filter((seg) => seg.ours).map((seg) => seg.shmid)) }), [calls, segments]);
  const lines = useMemo(() => {
    const prose = (text: string) => wrap(text, Math.max(10, proseWidth(width - 2))).map((piece) => line(piece, 'dim'));
    const only = lesson ? prose(s.playShmOnly(Object.keys(FUNCTIONS).join(lang === 'zh' ? '、' : ', '), from + 1, lessonName(lesson)[lang])) : [];
    return [...only, ...(entries.length === 0 ? prose(s.playEmpty) : transcriptLines(entries, lang, width - 2, s, ascii, owners))];
  }, [entries, lang, width, s, ascii, owners, lesson, from]);
  const max = maxOffset(lines.length, height);
  // the newest output stays in view until the learner scrolls (PgUp)
  const top = useFollowScroll(max, max, `${entries.length} ${width} ${height}`, 'trace', height - 2);
  // the border's room beside the scroll sign (frame.ts topBorder: "─ title ", " ↑ n more ", a cell)
  const sign = top > 0 ? cells(`↑ ${s.more(top)}`) + 2 : 0;
  return <Panel title={transcriptTitle(s, width - 2 - 3 - sign - 1)} width={width} height={height} lines={lines} offset={top} />;
}

function InputLine({ width }: { width: number }) {
  const { ascii, color } = useLook();
  const state = useAppState((st) => st.playLine);
  return <StyledLineView line={inputLine(state, width, ascii)} color={color} ascii={ascii} />;
}

function ChallengePane({ width, height, focused }: { width: number; height: number; focused: boolean }) {
  const { lang, s } = useLook();
  const challenge = useAppState((st) => st.challenge);
  const lines = useMemo(() => (challenge ? challengeLines(challenge, lang, width - 2, s) : []), [challenge, lang, width, s]);
  return <Panel title={challenge ? `${s.challenge}${s.colon}${challenge.title[lang]}` : s.challenge} width={width} height={height} lines={lines} focused={focused} />;
}

function PlayFlow({ width, height, focused }: { width: number; height: number; focused: boolean }) {
  const { s } = useLook();
  const last = useAppState((st) => st.playLast);
  const focus = useAppState((st) => st.playFocus);
  const seg = useAppState((st) => st.segments.find((x) => x.shmid === focus));
  const choice = useMemo(() => playFlowChoice(last, seg), [last, seg]);
  return <FlowPane width={width} height={height} focused={focused} title={s.flow} choice={choice} />;
}

/** The number of lines of the open challenge at `width`, for the layout (null: none open). */
export function useChallengeRows(width: number): number | null {
  const { lang, s } = useLook();
  const challenge = useAppState((st) => st.challenge);
  return useMemo(() => (challenge ? challengeLines(challenge, lang, width - 2, s).length : null), [challenge, lang, width, s]);
}

export function PlayScreen({ layout }: { layout: Exclude<PlayLayout, { mode: 'small' }> }) {
  const { s } = useLook();
  const side = useAppState((st) => st.playSide);
  const challenge = useAppState((st) => st.challenge !== null);
  if (layout.mode === 'tabs') {
    const { w, h } = layout.side;
    const shown = side === 'challenge' && !challenge ? 'kernel' : side;
    return (
      <Box flexDirection="column">
        <TranscriptPane width={layout.transcript.w} height={layout.transcript.h} />
        <InputLine width={layout.width} />
        {shown === 'kernel' && <KernelPane width={w} height={h} focused={false} title={s.kernelWide} />}
        {shown === 'flow' && <PlayFlow width={w} height={h} focused={false} />}
        {shown === 'challenge' && <ChallengePane width={w} height={h} focused={false} />}
      </Box>
    );
  }
  return (
    <Box flexDirection="row">
      <Box flexDirection="column">
        <TranscriptPane width={layout.transcript.w} height={layout.transcript.h} />
        <InputLine width={layout.transcript.w} />
      </Box>
      <Box flexDirection="column">
        {layout.challenge && <ChallengePane width={layout.challenge.w} height={layout.challenge.h} focused={false} />}
        <PlayFlow width={layout.flow.w} height={layout.flow.h} focused={false} />
        <KernelPane width={layout.kernel.w} height={layout.kernel.h} focused={false} title={s.kernelWide} />
      </Box>
    </Box>
  );
}
