// The newest modification time of the files under a folder: bin/ipclab.mjs compares it
// with the one the build recorded, to know whether dist/ still matches src/. It runs
// before every start in a checkout, so it is kept lean (one stat per file, no path module).
import { readdirSync, statSync } from 'node:fs';

export function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}
