import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
