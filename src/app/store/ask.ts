// A key that asks before it acts: one question pending at a time, whatever asked it.
// Its kind says what was asked, `again` the key (action) whose second press does it; any
// other key forgets it (store.ts dispatch), Esc saying so and doing nothing else where the
// ask has a word for that (`cancelled`).
import type { StoreAction } from '../keymap.js';
import { ERRATA } from '../../lessons/errata.js';
import type { Strings } from '../strings.js';

export type Ask =
  /** Space (or Enter) at a question with no answer picked (fix14f#1): a second runs the step without one */
  | { kind: 'run'; again: 'run' }
  /** r (fix14f#5): a second r resets the lesson, removing what it made */
  | { kind: 'reset'; again: 'reset' }
  /** Enter on an erratum (index) whose step is elsewhere: a second goes there, running the steps before it */
  | { kind: 'erratum'; again: 'menuOpen'; index: number }
  /** Enter on the menu's "start over": a second forgets every lesson's progress */
  | { kind: 'startOver'; again: 'menuOpen' }
  /** Enter on another lesson in the menu while questions of this one are unanswered (fix15a#5): a second opens it */
  | { kind: 'leave'; again: 'menuOpen'; index: number };

export const ASK_RUN: Ask = { kind: 'run', again: 'run' };
export const ASK_RESET: Ask = { kind: 'reset', again: 'reset' };
export const ASK_START_OVER: Ask = { kind: 'startOver', again: 'menuOpen' };
export const askErratum = (index: number): Ask => ({ kind: 'erratum', again: 'menuOpen', index });
export const askLeave = (index: number): Ask => ({ kind: 'leave', again: 'menuOpen', index });

/** Whether `action` is the second press of `ask` (then it acts; else the ask is forgotten). */
export function answers(ask: Ask, action: StoreAction): boolean {
  return ask.again === action;
}

/** What the status line says when Esc forgets `ask` (Esc doing nothing else), or null: Esc
 *  does what it does (the menu's start over: Esc closes the menu, as before it asked). */
export function cancelled(ask: Ask): ((s: Strings) => string) | null {
  switch (ask.kind) {
    case 'run':
    case 'reset':
      return (s) => s.confirmCancelled(ask.kind as 'run' | 'reset');
    case 'erratum':
      return (s) => s.erratumCancelled(ERRATA[ask.index]?.id ?? '');
    case 'leave':
      return (s) => s.leaveCancelled;
    case 'startOver':
      return null;
  }
}
