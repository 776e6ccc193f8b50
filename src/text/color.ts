// The one decision about colour, for everything ipclab prints: the TUI (and Ink's
// chalk, through FORCE_COLOR), `diagram`, and `doctor`, which explains it. In order:
// --color, then the environment (FORCE_COLOR, NO_COLOR, TERM=dumb), then whether the
// stream is a terminal. FORCE_COLOR comes before NO_COLOR, as in Node and chalk.

export const COLOR_MODES = ['auto', 'always', 'never'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/** Why colour is on or off: doctor prints it, with how to change it. */
export type ColorReason = 'option' | 'force' | 'force-off' | 'no-color' | 'dumb' | 'terminal' | 'not-terminal';

export interface ColorDecision {
  on: boolean;
  reason: ColorReason;
}

/** Whether to colour what goes to a stream that is (or is not) a terminal. */
export function decideColor(mode: ColorMode, env: NodeJS.ProcessEnv, isTTY: boolean): ColorDecision {
  if (mode !== 'auto') return { on: mode === 'always', reason: 'option' };
  const force = env.FORCE_COLOR;
  // FORCE_COLOR=0 (or false) turns colour off; any other value, even empty, on (levels 1-3)
  if (force !== undefined) return force === '0' || force === 'false' ? { on: false, reason: 'force-off' } : { on: true, reason: 'force' };
  // https://no-color.org: set and not empty
  if (env.NO_COLOR) return { on: false, reason: 'no-color' };
  if (env.TERM === 'dumb') return { on: false, reason: 'dumb' };
  return { on: isTTY, reason: isTTY ? 'terminal' : 'not-terminal' };
}

/** How to mark text on a stream: colours; bold and inverse only (a terminal with colour
 *  turned off still shows what is lit); or nothing at all (a pipe, a file, TERM=dumb). */
export type Marking = 'color' | 'mono' | 'plain';

export function markingFor(color: boolean, env: NodeJS.ProcessEnv, isTTY: boolean): Marking {
  if (color) return 'color';
  return isTTY && env.TERM !== 'dumb' ? 'mono' : 'plain';
}
