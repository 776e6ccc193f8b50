// What the command line asked for, as every subcommand receives it. A module of its own
// so that src/commands and src/proto can name it without importing src/cli.ts, which
// imports them: imports go one way (docs/ARCHITECTURE.md).
import type { Lang } from './lang.js';
import type { ColorMode } from './text/color.js';

export interface CommonOptions {
  lang: Lang;
  /** --ascii, or a locale without UTF-8 */
  ascii: boolean;
  /** --color as given (auto unless asked) */
  colorMode: ColorMode;
  /** colour on stdout, as src/text/color.ts decides it from colorMode, the environment and the terminal */
  color: boolean;
}

export interface Options extends CommonOptions {
  json: boolean;
  /** errata: what is true of every erratum, whatever steps the learner ran */
  all: boolean;
  dryRun: boolean;
  width?: number;
  highlight: string[];
  path?: string;
  messages?: string[];
  timeout: number;
  present: boolean;
  /** checkpoints and end-of-lesson checks; off with --no-quiz */
  quiz: boolean;
  lesson?: string;
  restart: boolean;
  /** play: grade or open this challenge */
  challenge?: string;
  /** play: go on after a statement that could not run */
  keepGoing: boolean;
  /** play: lift the look-only rule for segments the playground did not make */
  allowForeign: boolean;
  positionals: string[];
}
