// Bundles src/ into dist/ with esbuild: ESM entries plus lazily loaded chunks,
// JavaScript dependencies inlined, koffi left external for its native binary.
// Writes into a fresh folder and swaps it in, so a running ipclab never sees half a build.
import { build } from 'esbuild';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newestSource } from './sources.mjs';
import { readableByAll } from './readable.mjs';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Ink's cli-cursor hides the cursor on stdout, and its restore-cursor would show it
// on stderr at exit: bundle ipclab's own, which writes to stdout and only to a terminal.
const cursorOnStdout = {
  name: 'restore-cursor-on-stdout',
  setup(b) {
    b.onResolve({ filter: /^restore-cursor$/ }, () => ({ path: join(root, 'src/app/restore-cursor.ts') }));
  },
};

// string-width 8 costs ~45 ms to load (its emoji regexes): every import of it, Ink's
// included, gets src/text/string-width.ts, which measures plain text itself and loads the
// real one (its own import, left alone here) only for text that needs it.
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    const shim = join(root, 'src/text/string-width.ts');
    b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
  },
};

export async function buildDist({ quiet = false } = {}) {
  // the sources' time as the build starts: an edit made while it runs leaves dist/ stale
  const sources = newestSource(join(root, 'src'));
  const tmp = mkdtempSync(join(root, '.dist-'));
  try {
    await build({
      // compile-cache is loaded by bin/ipclab.mjs before cli, so cli is cached too
      entryPoints: { cli: join(root, 'src/cli.ts'), 'compile-cache': join(root, 'src/compile-cache.ts') },
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['koffi', 'react-devtools-core'],
      // Bundled CommonJS (react, ...) calls require(); give ESM output one.
      banner: { js: "import { createRequire as __ipclabRequire } from 'node:module'; const require = __ipclabRequire(import.meta.url);" },
      define: { 'process.env.NODE_ENV': '"production"' },
      chunkNames: 'chunks/[name]-[hash]',
      legalComments: 'none',
      plugins: [cursorOnStdout, lazyStringWidth],
      logLevel: quiet ? 'error' : 'warning',
    });
    writeFileSync(join(tmp, 'BUILT'), `${sources}\n`);
    // mkdtemp made the folder 0700 and the umask may narrow what esbuild wrote
    readableByAll(tmp);
    // several ipclab processes may rebuild at once: whichever dist/ lands last is as good
    const dist = join(root, 'dist');
    const old = `${tmp}-old`;
    try {
      renameSync(dist, old);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    try {
      renameSync(tmp, dist);
    } catch (err) {
      // another build put its dist/ in place between our two renames: keep that one
      if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
      rmSync(tmp, { recursive: true, force: true });
    }
    rmSync(old, { recursive: true, force: true });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildDist();
}
