// The newest modification time under a folder: bin/ipclab.mjs compares it with the
// one the build recorded, to know whether dist/ still matches src/.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}
