// EXPERIMENT (fix17g, bench/startup.md "Thirteenth round"): a V8 start-up snapshot of the
// bundle, built and run by hand, not by ipclab:
//   FORCE_COLOR=1 IPCLAB_BUNDLE=$PWD/dist/cli.cjs node --snapshot-blob /tmp/ipclab.blob --build-snapshot bench/snapshot/entry.cjs
//   node --snapshot-blob /tmp/ipclab.blob -- --lang en --lesson shmget
// EAGER=1 compiles every function of the bundle before the snapshot (--no-lazy).
// The snapshot holds the bundle run and the modules of the tutorial's first frame
// evaluated (the bundle's prepareSnapshot); yoga's WebAssembly and koffi load at run time.
const fs = require('node:fs');
const vm = require('node:vm');
const path = require('node:path');
const v8 = require('node:v8');
const { createRequire, isBuiltin } = require('node:module');

const file = process.env.IPCLAB_BUNDLE;
const source = `(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(file, 'latin1')}\n})`;
// a snapshot's builder may require builtins only: koffi is required after deserializing
let runtimeRequire;
const bundleRequire = (id) => (isBuiltin(id) ? require(id) : runtimeRequire(id));
const mod = { exports: {} };
if (process.env.EAGER) v8.setFlagsFromString('--no-lazy');
const wrapper = vm.runInThisContext(source, { filename: file });
if (process.env.EAGER) v8.setFlagsFromString('--lazy');
wrapper(mod.exports, bundleRequire, mod, file, path.dirname(file));
// the builder runs the event loop empty before it writes the snapshot
mod.exports.prepareSnapshot();

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // the measuring preload's mark (bench/snapshot/mark.cjs), when there is one
  globalThis.__mark?.();
  runtimeRequire = createRequire(file);
  // argv is [node, ...the words after `--`]
  mod.exports.main(process.argv.slice(1), { parent: process.ppid }).then((code) => {
    process.exitCode = code;
  });
});
