// The your-turn form of the step Space runs next, and what steps run with the learner's
// values gave, for the lesson pane: the pane draws and scrolls lines, so the form is lines
// too (turn-view.ts) rather than boxes of its own.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isCustom, parseTurn } from '../../lessons/turn/fields.js';
import type { Text } from '../../lessons/types.js';
import { useAppState, useLook } from '../context.js';
import type { AppState } from '../store.js';
import { keyFor } from '../keymap.js';
import type { Line } from '../styled.js';
import { formWaitsForAnswer, shownTurn, typedFor } from '../store/turn.js';
import { turnFormLines } from './turn-view.js';

export interface TurnFormLines {
  lines(width: number): Line[];
  alone: boolean;
  /** the form holds values other than the lesson's (or ones that do not parse): a run with them is not graded */
  custom: boolean;
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
  const cursor = useAppState((st) => st.turnCursor);
  const error = useAppState((st) => st.turnError);
  const waits = useAppState(formWaitsForAnswer);
  return useMemo(() => {
    if (!turn) return undefined;
    const typed = typedFor({ turnTyped, lessonIndex, done }, turn);
    const keys = { edit: keyFor('turn', ascii), next: keyFor('turnNext', ascii), waits };
    const parsed = parseTurn(turn, typed);
    const custom = !parsed.ok || isCustom(turn, parsed.values);
    return { lines: (width: number) => turnFormLines({ turn, typed, focus, cursor, error, lang, ascii, s, keys }, width), alone: focus !== null, custom };
  }, [turn, turnTyped, lessonIndex, done, focus, cursor, error, waits, lang, ascii, s]);
}

/** Per step run with the learner's values, the trace's explanations of what came back (and per later
 *  step, its line setting the lesson's own values back).
 *  The selectors give the texts and their step numbers, never the trace: a hook holding the
 *  trace would keep a lesson's whole trace alive after the learner left it
 *  (tests/app/memory.test.ts). Both are flat arrays of stable values, for useShallow. */
export function useTurnResults(): Record<number, readonly Text[]> {
  const turnEvents = (st: AppState) => st.trace.flatMap((e, at) => (e.type === 'event' && (e.turn || e.pane) ? [{ text: e.text, at }] : []));
  const texts = useAppState(useShallow((st: AppState) => turnEvents(st).map((e) => e.text)));
  const steps = useAppState(useShallow((st: AppState) => turnEvents(st).map((e) => st.stepStarts.filter((from) => from <= e.at).length - 1)));
  return useMemo(() => {
    const out: Record<number, Text[]> = {};
    texts.forEach((text, i) => (out[steps[i]] ??= []).push(text));
    return out;
  }, [texts, steps]);
}
