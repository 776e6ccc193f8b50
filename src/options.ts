// What the command line asked for, as every subcommand receives it. A module of its own
// so that src/commands and src/proto can name it without importing src/cli.ts, which
// imports them: imports go one way (docs/ARCHITECTURE.md).
import type { Lang } from './lang.js';

export interface CommonOptions {
  lang: Lang;
  ascii: boolean;
  /** false when NO_COLOR is set (https://no-color.org) */
  color: boolean;
}

export interface Options extends CommonOptions {
  json: boolean;
  dryRun: boolean;
  width?: number;
  highlight: string[];
  path?: string;
  messages?: string[];
  timeout: number;
  present: boolean;
  lesson?: string;
  restart: boolean;
  positionals: string[];
}
