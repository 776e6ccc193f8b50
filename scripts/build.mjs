// Bundles src/ into dist/ with esbuild: the program as one CommonJS file, cli.cjs (run
// by src/code-cache.ts with V8's code cache, which Node 20 has only for scripts), its
// JavaScript dependencies inlined, koffi left external for its native binary; and that
// loader as a small ES module, code-cache.js.
// Writes into a fresh folder and moves each file into dist/ whole, so a starting ipclab
// never sees half a file nor a missing dist/.
import { build, transform } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { newestSource } from './sources.cjs';
import { readableByAll } from './readable.mjs';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A plugin that gives every import of `pkg` the file `shim` of src/ instead, except the
 *  shim's own import of it (a shim that wraps the real package). */
function redirect(name, pkg, shim) {
  const path = join(root, shim);
  const filter = new RegExp(`^${pkg.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&')}$`);
  return {
    name,
    setup(b) {
      b.onResolve({ filter }, (args) => (args.importer === path ? undefined : { path }));
    },
  };
}

/** A plugin that edits the source of the package files matching `filter`; an edit that
 *  changes nothing means the package changed, and fails the build. */
function patch(name, filter, edit) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const contents = edit(source);
        if (contents === source) throw new Error(`${name}: ${args.path} is not what this edit expects (the package changed; look again)`);
        return { contents, loader: 'js' };
      });
    },
  };
}

// Ink's cli-cursor hides the cursor on stdout, and its restore-cursor would show it
// on stderr at exit: bundle ipclab's own, which writes to stdout and only to a terminal.
const cursorOnStdout = redirect('restore-cursor-on-stdout', 'restore-cursor', 'src/app/restore-cursor.ts');

// string-width 8 costs ~45 ms to load (its emoji regexes): every import of it, Ink's
// included, gets src/text/string-width.ts, which measures plain text itself and loads the
// real one (its own import, left alone here) only for text that needs it.
const lazyStringWidth = redirect('lazy-string-width', 'string-width', 'src/text/string-width.ts');

// CommonJS has no top-level await. yoga-layout's entry awaits its WebAssembly: Ink gets
// src/app/layout-engine.ts instead, filled before Ink lays out.
const layoutEngine = redirect('layout-engine', 'yoga-layout', 'src/app/layout-engine.ts');

// Ink's screen buffer joins styled characters with @alcalzone/ansi-tokenize's
// styledCharsToString, which diffs the styles of every pair: it gets
// src/text/styled-chars.ts, the package with that function skipping pairs of one style.
const fastStyledChars = redirect('fast-styled-chars', '@alcalzone/ansi-tokenize', 'src/text/styled-chars.ts');

// Ink's reconciler awaits at the top level only when DEV=true (React devtools, which
// ipclab does not ship: react-devtools-core is left out): build it as if DEV were unset.
const inkWithoutDevtools = patch('ink-without-devtools', /[\\/]ink[\\/]build[\\/]reconciler\.js$/, (source) => source.replaceAll('isDev()', 'false'));

// Ink's tokenizer (@alcalzone/ansi-tokenize) and slice-ansi cut text into grapheme
// clusters, each with an Intl.Segmenter of its own made as it loads (ICU's break data,
// ~13 ms): they get the segmenter of src/text/cells.ts, which cuts text of
// single-character clusters itself and makes ICU's only for other text.
const cells = JSON.stringify(join(root, 'src/text/cells.ts'));
const sharedSegmenter = [
  patch('shared-segmenter', /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/, (source) =>
    source.replace('const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });', `import { segmenter } from ${cells};`)),
  patch('shared-segmenter', /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/, (source) =>
    source.replace("const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", `import { segmenter as GRAPHEME_SEGMENTER } from ${cells};`)),
];

// Node's own modules that the first frame does not use load ~5 ms of builtins at start
// (child_process brings dgram and net's handle passing; readline its interface; crypto
// a dozen modules): every import of them gets an object whose properties load the
// builtin on first use (a lesson's helper spawned, a temp folder named).
const LAZY_BUILTINS = ['child_process', 'readline', 'crypto'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const names = Object.keys(createRequire(import.meta.url)(`node:${args.path}`));
      const contents = `let loaded;
const builtin = () => (loaded ??= require(${JSON.stringify(`node:${args.path}`)}));
for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { get: () => builtin()[name], enumerable: true });`;
      return { contents, loader: 'js' };
    });
  },
};

// Ink's screen buffer (ink/build/output.js), two edits. Ink keeps the tokenized lines and
// widths of a frame for that frame only, and a key press redraws the whole screen: a
// language switch back, a lesson opened again, even an unchanged pane tokenize every line
// anew (bench/startup.md, "Keys"). Its styled characters are never changed once made, so
// one set of caches serves every frame, made anew when it grows past a bound. And its
// `get`, which turns the frame into text cell by cell, is src/text/screen-output.ts: the
// same rows, each made once and kept by what was written into it (bench/startup.md,
// "Seventh round"). Each edit must find what it replaces, or the build stops.
const screenOutput = JSON.stringify(join(root, 'src/text/screen-output.ts'));
const inkOutput = patch('ink-output', /[\\/]ink[\\/]build[\\/]output\.js$/, (source) => {
  const kept = source.replace('caches = new OutputCaches();', 'caches = keptCaches();');
  // `get` is the class's last method
  const get = kept.indexOf('\n    get() {');
  const end = kept.lastIndexOf('\n    }\n}');
  if (kept === source || get < 0 || end < get || kept.slice(end).replace(/\/\/.*/g, '').trim() !== '}\n}') return source;
  return `import { screenOutput } from ${screenOutput};
${kept.slice(0, get)}
    get() {
        return screenOutput(this);
    }
}
let kept;
function keptCaches() {
  if (!kept || kept.styledChars.size > 1000 || kept.widths.size + kept.blockWidths.size > 20000) kept = new OutputCaches();
  return kept;
}
`;
});

// yoga-layout's WebAssembly is in its entry as base64, turned into bytes by a loop over
// each character of atob's string (72 KB, run cold: 5-10 ms of the first frame's CPU, on
// its way as Ink waits for yoga): Node's Buffer decodes it in well under a millisecond.
const YOGA_BYTES = 'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c';
// And the module bin/ipclab.mjs started compiling from dist/yoga.wasm (written below) is
// used when there is one (src/app/layout-wasm.ts): its compile runs beside the bundle's loading.
const YOGA_ENTRY = join(root, 'node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js');
const YOGA_INSTANTIATE = 'ya().then(function(f){return WebAssembly.instantiate(f,d)})';
const layoutWasm = JSON.stringify(join(root, 'src/app/layout-wasm.ts'));
const yogaBytes = patch('yoga-bytes', /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, (source) => {
  const edited = source
    .replace(YOGA_BYTES, 'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))')
    .replace(YOGA_INSTANTIATE, `(layoutWasm() ?? Promise.resolve()).then(function(m){return m ? WebAssembly.instantiate(m,d).then(function(i){return {instance:i}}) : ${YOGA_INSTANTIATE}})`);
  return edited.includes('layoutWasm()') && !edited.includes('charCodeAt(a)') ? `import { layoutWasm } from ${layoutWasm};\n${edited}` : source;
});
/** yoga's WebAssembly, the bytes its entry holds as base64 */
function yogaWasm() {
  const base64 = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/.exec(readFileSync(YOGA_ENTRY, 'utf8'));
  if (!base64) throw new Error(`${YOGA_ENTRY}: no WebAssembly where the build expects it (yoga-layout changed; look again)`);
  return Buffer.from(base64[1], 'base64');
}

// Ink's frame pacing: src/app/frame-throttle.ts instead of es-toolkit's throttle, which
// held a frame back to the end of Ink's interval whenever one was written in the
// interval before it (a step's result after the key's own frame; bench/startup.md).
const framePacing = JSON.stringify(join(root, 'src/app/frame-throttle.ts'));
const inkFramePacing = patch('ink-frame-pacing', /[\\/]ink[\\/]build[\\/]ink\.js$/, (source) =>
  source.replace("import { throttle } from 'es-toolkit/compat';", `import { frameThrottle as throttle } from ${framePacing};`),
);

// signal-exit (Ink's exit hook) loads Node's assert, ~5 ms of CPU at start, for one
// argument check: it loads it only when the check fails, which then throws as before.
const lazyAssert = patch('signal-exit-lazy-assert', /[\\/]signal-exit[\\/]index\.js$/, (source) =>
  source.replace("var assert = require('assert')", "var assert = { equal: function (actual, expected, message) { if (actual != expected) require('assert').equal(actual, expected, message) } }"),
);

// Ink sanitizes every text node's text (a tokenizer run over each character, keeping only
// colour codes) when it measures it for the layout and again when it writes it: every
// frame, for every pane's body. Kept by text (a pure function), made anew past a bound.
const inkSanitizeKept = patch('ink-sanitize-kept', /[\\/]ink[\\/]build[\\/]sanitize-ansi\.js$/, (source) =>
  source.replace(
    'export default sanitizeAnsi;',
    `let sanitized = new Map();
export default (text) => {
    let kept = sanitized.get(text);
    if (kept === undefined) {
        if (sanitized.size >= 500) sanitized = new Map();
        kept = sanitizeAnsi(text);
        sanitized.set(text, kept);
    }
    return kept;
};`,
  ),
);

// The bundle in ASCII, so that src/code-cache.ts reads it as latin1: a one-byte string,
// half the memory of the two-byte one UTF-8 gives and ~10 ms less CPU to read and compile
// at every start (bench/startup.md, "Sixth round"). esbuild escapes what is not ASCII in
// strings, templates and names, but not in regular expression literals and comments; there
// a character is written as \uXXXX (an astral one as its surrogate pair, which a /u or /v
// expression reads as one code point), `\中` as `\u4E2D`. Anywhere else (a tagged
// template's raw text) an escape would change the program: the build stops there.
const REGEX_LITERAL = /(?<=[=(,:;!&|?{}[\]+\-*%~^<>]\s*|\breturn\s+|^\s*)\/(?![*/])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+\/[dgimsuyv]*/g;
const COMMENT_LINE = /^\s*(\/\/|\*|\/\*)/;
const escapeUnit = (unit) => `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`;

export function asciiBundle(code) {
  return code
    .split('\n')
    .map((line, row) => {
      if (!/[^\x00-\x7f]/.test(line)) return line;
      const literals = COMMENT_LINE.test(line) ? [[0, line.length]] : [...line.matchAll(REGEX_LITERAL)].map((m) => [m.index, m.index + m[0].length]);
      return line.replace(/(\\*)([^\x00-\x7f])/gu, (all, slashes, char, at) => {
        const where = at + slashes.length;
        if (!literals.some(([start, end]) => where > start && where < end)) {
          throw new Error(`dist/cli.cjs line ${row + 1}: a character that is not ASCII outside a regular expression literal or a comment: ${line.trim().slice(0, 80)}`);
        }
        // an identity escape (\中) becomes the escape of that character
        const kept = slashes.length % 2 ? slashes.slice(1) : slashes;
        return kept + Array.from({ length: char.length }, (_, i) => escapeUnit(char.charCodeAt(i))).join('');
      });
    })
    .join('\n');
}

// esbuild gives every `import ... from` of a CommonJS package (React above all: 43 files)
// a wrapper of its own, made by __toESM as the importing file loads: a getter defined per
// export, ~100 wrappers of 15 packages before the first frame. The wrappers of one
// package are alike (getters onto its exports), so one is made per package and import
// mode, and made again only if the package's exports grew since (a require cycle).
const TO_ESM_ONCE = `var __toESMAnew = __toESM, __toESMKept = new WeakMap();
__toESM = (mod, isNodeMode) => {
  if (mod === null || (typeof mod !== "object" && typeof mod !== "function")) return __toESMAnew(mod, isNodeMode);
  const names = __getOwnPropNames(mod).length;
  const kept = __toESMKept.get(mod) ?? [];
  __toESMKept.set(mod, kept);
  const made = kept[isNodeMode ? 1 : 0];
  if (made && made.names === names) return made.wrapper;
  const wrapper = __toESMAnew(mod, isNodeMode);
  kept[isNodeMode ? 1 : 0] = { wrapper, names };
  return wrapper;
};
`;

function toESMOnce(code) {
  const at = code.indexOf('\nvar __toCommonJS = ');
  if (at < 0 || !code.slice(0, at).includes('\nvar __toESM = ')) throw new Error("dist/cli.cjs: esbuild's __toESM helper is not where toESMOnce expects it (esbuild changed; look again)");
  return `${code.slice(0, at + 1)}${TO_ESM_ONCE}${code.slice(at + 1)}`;
}

// The bundle without its indentation, line breaks and comments (names kept: profiles and
// stack traces read as before): 2.28 -> 1.76 MB, which every start reads and turns into a
// string before V8 takes its code cache (bench/startup.md, "Tenth round"). Done last, on
// the ASCII bundle (esbuild keeps it ASCII), so that the edits above find the text they expect.
async function lean(code) {
  const { code: out } = await transform(code, { minifyWhitespace: true, charset: 'ascii', loader: 'js', legalComments: 'none' });
  if (/[^\x00-\x7f]/.test(out)) throw new Error('dist/cli.cjs: a character that is not ASCII after minifying (esbuild changed; look again)');
  return out;
}

// what a build writes into dist/, in the order it lands there: BUILT, the stamp a start
// reads first, last
const BUILD_FILES = ['cli.cjs', 'code-cache.js', 'first-frame.js', 'yoga.wasm', 'BUILT'];

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
      plugins: [lazyBuiltins, cursorOnStdout, lazyStringWidth, layoutEngine, inkWithoutDevtools, inkOutput, inkSanitizeKept, inkFramePacing, yogaBytes, lazyAssert, fastStyledChars, ...sharedSegmenter],
    });
    const bundle = join(tmp, 'cli.cjs');
    writeFileSync(bundle, await lean(asciiBundle(toESMOnce(readFileSync(bundle, 'utf8')))));
    await build({ ...common, entryPoints: [join(root, 'src/code-cache.ts')], outfile: join(tmp, 'code-cache.js'), format: 'esm' });
    await build({ ...common, entryPoints: [join(root, 'src/first-frame.ts')], outfile: join(tmp, 'first-frame.js'), format: 'esm' });
    writeFileSync(join(tmp, 'yoga.wasm'), yogaWasm());
    writeFileSync(join(tmp, 'BUILT'), `${sources}\n`);
    // mkdtemp made the folder 0700 and the umask may narrow what esbuild wrote
    readableByAll(tmp);
    // Several ipclab processes may rebuild at once, and others may be starting from
    // dist/ meanwhile: dist/ itself is never moved away (a start between two renames
    // would find no dist/ at all), each file is renamed over its old one, whole, and
    // BUILT last, so a start that reads BUILT finds the files it names. Builds of the
    // same sources are alike, so whichever file lands last is as good.
    const dist = join(root, 'dist');
    mkdirSync(dist, { recursive: true });
    readableByAll(dist);
    for (const name of BUILD_FILES) renameSync(join(tmp, name), join(dist, name));
    rmSync(tmp, { recursive: true, force: true });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildDist();
}
