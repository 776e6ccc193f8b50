#!/usr/bin/env node
// Entry point: runs the prebuilt bundle in dist/ (built before packing, by the
// prepack script). In a checkout, a missing or stale build is rebuilt when esbuild
// is at hand, otherwise named in one line with the command that fixes it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// who started ipclab, read before anything else: a run that later finds another parent
// was orphaned while it started (docs/ARCHITECTURE.md, "Two ways out")
const parent = process.ppid;

// A reader that goes away (`ipclab lessons | head -1`) is no error for a Unix tool:
// EPIPE on stdout or stderr ends the writing there, without a word; the command
// still finishes (a run removes what it made) and exits as it would have.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', 'BUILT');
// an installed package has no src/ (nor the build scripts): its dist/ is the one packed
const checkout = existsSync(join(root, 'src'));

// a build that is missing and cannot be made: an environment that cannot run lessons
// (status 3 of src/exit-codes.ts, which is inside that build)
const ENVIRONMENT = 3;

async function rebuild(state) {
  let buildDist;
  try {
    ({ buildDist } = await import('../scripts/build.mjs'));
  } catch {
    process.stderr.write(
      checkout
        ? `ipclab: the build in dist/ is ${state}; run \`npm install\` (or \`npm run build\`) in ${root}\n`
        : `ipclab: this installation in ${root} has no dist/ (the program itself); install the package again\n`,
    );
    process.exit(ENVIRONMENT);
  }
  try {
    await buildDist({ quiet: true });
  } catch (err) {
    process.stderr.write(`ipclab: the build in dist/ is ${state} and rebuilding failed: ${err.message.split('\n')[0]}\n`);
    process.exit(ENVIRONMENT);
  }
}

if (!existsSync(stamp)) await rebuild('missing');

// A checkout's dist/ is stale when a source is newer than the build (the sources' time the
// build recorded as it started). Checking stats every file of src/ (~5 ms of CPU, more
// under load): the bundle asks it where that costs the start nothing (src/build-check.ts),
// a command after its parse, the tutorial after its first frame; a stale build stops
// there and this starts again from a new one. An installed package has nothing to check.
// The scanner is loaded when asked (require: synchronous, and no module loaded at start).
let stale = false;
const buildCheck = checkout
  ? () => {
      // a folder that cannot be read now (moved away while the tutorial started) is no
      // reason to end a run: the next start checks again
      try {
        const { newestSource } = createRequire(import.meta.url)('../scripts/sources.cjs');
        return (stale = newestSource(join(root, 'src')) > Number(readFileSync(stamp, 'utf8')));
      } catch {
        return false;
      }
    }
  : undefined;

// The tutorial's first frame as the last start with this key drew it (src/first-frame.ts):
// written now, before the bundle loads, and taken over by the TUI once it has drawn its own
// (the same bytes: nothing more is written). Only on a terminal; no kept frame, none drawn.
let firstFrame;
if (process.stdout.isTTY) {
  try {
    const { drawKept } = await import(pathToFileURL(join(root, 'dist', 'first-frame.js')).href);
    firstFrame = drawKept(join(root, 'dist', 'cli.cjs'), process.argv.slice(2));
  } catch {
    firstFrame = undefined;
  }
}

// yoga's WebAssembly (Ink's layout): compiled on V8's threads while the bundle loads, not
// after it (src/app/layout-wasm.ts); a build without the file compiles the bundle's own copy
let layout;
try {
  layout = WebAssembly.compile(readFileSync(join(root, 'dist', 'yoga.wasm'))).catch(() => undefined);
} catch {
  layout = undefined;
}
const { runBundle } = await import(pathToFileURL(join(root, 'dist', 'code-cache.js')).href);
const bundle = runBundle(join(root, 'dist', 'cli.cjs'));
// a bundle built before it asked the check itself: asked here, before it runs
if (buildCheck && !bundle.checksBuild && buildCheck()) {
  await rebuild('stale');
  await restart();
}
process.exitCode = await bundle.main(process.argv.slice(2), { parent, bundle: bundle.key, layout, buildCheck, firstFrame });
if (stale) {
  await rebuild('stale');
  process.stderr.write('ipclab: src/ changed after dist/ was built: rebuilt it, and started again\n');
  await restart();
}

/** Runs ipclab again, from the new build, as this one was run; ends with its status. */
async function restart() {
  // child_process only here: the start loads no builtin it does not use (tests/build.test.ts)
  const { spawnSync } = await import('node:child_process');
  const again = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (again.signal) process.kill(process.pid, again.signal);
  process.exit(again.status ?? ENVIRONMENT);
}
