// The newest modification time of the files under a folder: bin/ipclab.mjs compares it
// with the one the build recorded, to know whether dist/ still matches src/. CommonJS, so
// that bin can load it with require at the moment it checks (after a command's parse or the
// tutorial's first frame: src/build-check.ts), not as it starts; kept lean (one stat per
// file, no path module).
'use strict';
const { readdirSync, statSync } = require('node:fs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

module.exports = { newestSource };
