import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package folder (holding package.json, assets/, examples/, bin/), found from
 *  this module whether it runs from src/ (tests, tsx) or from the bundle in dist/. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('ipclab: cannot find its package folder');
    dir = up;
  }
  return (root = dir);
}

/** ipclab's one state folder, for ownership records and progress alike:
 *  $XDG_STATE_HOME/ipclab, or ~/.local/state/ipclab. A relative XDG_STATE_HOME is
 *  ignored, as the XDG Base Directory spec says (it would move with the working folder). */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : join(env.HOME || homedir(), '.local', 'state');
  return join(base, 'ipclab');
}

/** mkdir -p, one level at a time. Node's own `recursive: true` never returns where mkdir
 *  answers ENOENT for a parent that exists (under /proc, e.g. XDG_STATE_HOME=/proc/1/x):
 *  it loops for ever, on Node 20 and 24 alike. Throws the first error other than EEXIST. */
export function makeDirs(path: string, mode: number): void {
  const up = dirname(path);
  if (up !== path && !existsSync(up)) makeDirs(up, mode);
  try {
    mkdirSync(path, { mode });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}
