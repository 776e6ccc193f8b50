// The playground's history: play-history in the state folder (paths.ts), one statement
// a line, the newest last, at most HISTORY_LIMIT lines. A line too long to be worth
// recalling (a pasted megabyte) is not kept; a missing or unreadable file is an empty history.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeDirs, stateDir } from '../../paths.js';

export const HISTORY_LIMIT = 500;
/** longer lines are run but not kept */
export const HISTORY_LINE_MAX = 2000;

export function historyPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), 'play-history');
}

/** Whether a line belongs in the history file: one line, not blank, not too long. */
export function keepable(line: string): boolean {
  return line.trim() !== '' && line.length <= HISTORY_LINE_MAX && !/[\r\n]/.test(line);
}

export function loadHistory(path = historyPath()): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter(keepable).slice(-HISTORY_LIMIT);
  } catch {
    return [];
  }
}

/** Writes the newest HISTORY_LIMIT lines atomically; a state folder that cannot be written loses the history, never the session. */
export function saveHistory(lines: readonly string[], path = historyPath()): void {
  try {
    makeDirs(dirname(path), 0o700);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, lines.filter(keepable).slice(-HISTORY_LIMIT).map((l) => `${l}\n`).join(''), { mode: 0o600 });
    renameSync(tmp, path);
  } catch {
    // the history is a convenience: the playground goes on without it
  }
}
