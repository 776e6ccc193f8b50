// EXPERIMENT (fix17g): `node --require bench/snapshot/mark.cjs ...` with MARK_OUT=FILE appends, at the
// first write with "shmget", the marks taken: CPU ms, ms since start, minor page faults, at
// this preload, at vm.Script (the bundle compiled) or the snapshot's main, at the frame.
const fs = require('fs');
const out = process.env.MARK_OUT;
const now = () => { const c = process.cpuUsage(); return [(c.user + c.system) / 1000, performance.now(), process.resourceUsage().minorPageFault]; };
const marks = [now()];
globalThis.__mark = () => marks.push(now());
const w = process.stdout.write;
let done = false;
process.stdout.write = function (chunk, ...rest) {
  if (!done && String(chunk).includes('shmget')) {
    done = true;
    marks.push(now());
    fs.appendFileSync(out, marks.map((m) => m.map((x) => x.toFixed(1)).join(' ')).join(' | ') + '\n');
  }
  return w.call(this, chunk, ...rest);
};
const vm = require('vm');
const S = vm.Script;
vm.Script = function (...a) { globalThis.__mark(); return new S(...a); };
