// Bundles src/ into dist/ with esbuild: the program as one CommonJS file, cli.cjs (run
// by src/code-cache.ts with V8's code cache, which Node 20 has only for scripts), its
// JavaScript dependencies inlined, koffi left external for its native binary; and that
// loader as a small ES module, code-cache.js.
// Writes into a fresh folder and swaps it in, so a running ipclab never sees half a build.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

// CommonJS has no top-level await. yoga-layout's entry awaits its WebAssembly: Ink gets
// src/app/layout-engine.ts instead, filled before Ink lays out.
const layoutEngine = {
  name: 'layout-engine',
  setup(b) {
    b.onResolve({ filter: /^yoga-layout$/ }, () => ({ path: join(root, 'src/app/layout-engine.ts') }));
  },
};

// Ink's reconciler awaits at the top level only when DEV=true (React devtools, which
// ipclab does not ship: react-devtools-core is left out): build it as if DEV were unset.
const inkWithoutDevtools = {
  name: 'ink-without-devtools',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replaceAll('isDev()', 'false');
      if (contents === source) throw new Error(`ink-without-devtools: no isDev() in ${args.path} (Ink changed; look again)`);
      return { contents, loader: 'js' };
    });
  },
};

// Ink's screen buffer joins styled characters with @alcalzone/ansi-tokenize's
// styledCharsToString, which diffs the styles of every pair: it gets
// src/text/styled-chars.ts, the package with that function skipping pairs of one style.
const fastStyledChars = {
  name: 'fast-styled-chars',
  setup(b) {
    const shim = join(root, 'src/text/styled-chars.ts');
    b.onResolve({ filter: /^@alcalzone\/ansi-tokenize$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
  },
};

// Ink's tokenizer (@alcalzone/ansi-tokenize) and slice-ansi cut text into grapheme
// clusters, each with an Intl.Segmenter of its own made as it loads (ICU's break data,
// ~13 ms): they get the segmenter of src/text/cells.ts, which cuts text of
// single-character clusters itself and makes ICU's only for other text.
const ownSegmenters = [
  [/[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/, 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });', 'segmenter'],
  [/[\\/]slice-ansi[\\/]tokenize-ansi\.js$/, "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", 'segmenter as GRAPHEME_SEGMENTER'],
];
const sharedSegmenter = {
  name: 'shared-segmenter',
  setup(b) {
    for (const [filter, own, shared] of ownSegmenters) {
      b.onLoad({ filter }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const contents = source.replace(own, `import { ${shared} } from ${JSON.stringify(join(root, 'src/text/cells.ts'))};`);
        if (contents === source) throw new Error(`shared-segmenter: no segmenter of its own in ${args.path} (the package changed; look again)`);
        return { contents, loader: 'js' };
      });
    }
  },
};

// Ink keeps the tokenized lines and widths of a frame for that frame only, and a key
// press redraws the whole screen: a language switch back, a lesson opened again, even an
// unchanged pane tokenize every line anew (bench/startup.md, "Keys"). Its styled
// characters are never changed once made, so one set of caches serves every frame,
// made anew when it grows past a bound.
const inkCachesAcrossFrames = {
  name: 'ink-caches-across-frames',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace('caches = new OutputCaches();', 'caches = keptCaches();');
      if (contents === source) throw new Error(`ink-caches-across-frames: no per-frame caches in ${args.path} (Ink changed; look again)`);
      const kept = `
let kept;
function keptCaches() {
  if (!kept || kept.styledChars.size > 1000 || kept.widths.size + kept.blockWidths.size > 20000) kept = new OutputCaches();
  return kept;
}
`;
      return { contents: contents + kept, loader: 'js' };
    });
  },
};

export async function buildDist({ quiet = false } = {}) {
  // the sources' time as the build starts: an edit made while it runs leaves dist/ stale
  const sources = newestSource(join(root, 'src'));
  const tmp = mkdtempSync(join(root, '.dist-'));
  try {
    const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: quiet ? 'error' : 'warning' };
    await build({
      ...common,
      entryPoints: [join(root, 'src/cli.ts')],
      outfile: join(tmp, 'cli.cjs'),
      format: 'cjs',
      external: ['koffi', 'react-devtools-core'],
      // the package folder is found from import.meta.url (src/paths.ts): a script's own file
      banner: { js: "var __ipclabUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__ipclabUrl' },
      plugins: [cursorOnStdout, lazyStringWidth, layoutEngine, inkWithoutDevtools, inkCachesAcrossFrames, fastStyledChars, sharedSegmenter],
    });
    await build({ ...common, entryPoints: [join(root, 'src/code-cache.ts')], outfile: join(tmp, 'code-cache.js'), format: 'esm' });
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
