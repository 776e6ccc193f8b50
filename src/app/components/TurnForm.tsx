// The your-turn form of the step Space runs next, and what steps run with the learner's
// values gave, for the lesson pane: the pane draws and scrolls lines, so the form is lines
// too (turn-view.ts) rather than boxes of its own.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Text } from '../../lessons/types.js';
import { useAppState, useLook } from '../context.js';
import { keyFor } from '../keymap.js';
import type { Line } from '../styled.js';
import { shownTurn, typedFor } from '../store/turn.js';
import { turnFormLines } from './turn-view.js';

export interface TurnFormLines {
  lines(width: number): Line[];
  alone: boolean;
}

/** The form's lines when the step shown next has a turn; undefined otherwise. */
export function useTurnForm(): TurnFormLines | undefined {
  const { lang, s, ascii } = useLook();
  const turn = useAppState(shownTurn);
  // the raw fields, not typedFor's object: a selector must give the same value for the same state
  const turnTyped = useAppState((st) => st.turnTyped);
  const lessonIndex = useAppState((st) => st.lessonIndex);
  const done = useAppState((st) => st.done);
  const focus = useAppState((st) => st.turnFocus);
  const error = useAppState((st) => st.turnError);
  return useMemo(() => {
    if (!turn) return undefined;
    const typed = typedFor({ turnTyped, lessonIndex, done }, turn);
    const keys = { edit: keyFor('turn', ascii), next: keyFor('turnNext', ascii) };
    return { lines: (width: number) => turnFormLines({ turn, typed, focus, error, lang, ascii, s, keys }, width), alone: focus !== null };
  }, [turn, turnTyped, lessonIndex, done, focus, error, lang, ascii, s]);
}

/** Per step run with the learner's values, the trace's explanation of what came back.
 *  The selector gives the texts, never the trace: a hook holding the trace would keep a
 *  lesson's whole trace alive after the learner left it (tests/app/memory.test.ts). */
export function useTurnResults(): Record<number, Text> {
  const texts = useAppState(
    useShallow((st) =>
      st.stepStarts.map((from, i) => {
        const entry = st.trace.slice(from, st.stepStarts[i + 1] ?? st.trace.length).find((e) => e.type === 'event' && e.turn);
        return entry?.type === 'event' ? entry.text : null;
      }),
    ),
  );
  return useMemo(() => Object.fromEntries(texts.flatMap((t, i) => (t ? [[i, t]] : []))), [texts]);
}
