// EXPERIMENT (fix17g): `node bench/snapshot/cpu2.mjs RUNS label=CMD...`: each CMD (with
// mark.cjs preloaded) in a fresh tmux 100x30, interleaved; medians of each mark.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync } from 'node:fs';
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const runs = Number(process.argv[2]);
const cmds = process.argv.slice(3).map((s) => { const i = s.indexOf('='); return [s.slice(0, i), s.slice(i + 1)]; });
const env = { ...process.env }; for (const n of ['NODE_EXTRA_CA_CERTS','NODE_OPTIONS','CI','TMUX','TMUX_PANE']) delete env[n];
const out = '/tmp/ipclab-snapshot-mark.txt';
env.MARK_OUT = out;
function one(cmd) {
  rmSync(out, { force: true });
  const sock = `ipclab-snapshot-${process.pid}`;
  const tmux = (...a) => execFileSync('tmux', ['-L', sock, ...a], { env, encoding: 'utf8', stdio: ['ignore','pipe','pipe'] });
  tmux('new-session', '-d', '-x', '100', '-y', '30', '-c', process.env.ROOT || process.cwd(), `${cmd}; sleep 5`);
  const t0 = performance.now();
  try { while (!existsSync(out) || !readFileSync(out, 'utf8').endsWith('\n')) { if (performance.now() - t0 > 15000) throw new Error(tmux('capture-pane','-p')); pause(20); } }
  finally { pause(300); try { tmux('kill-server'); } catch {} pause(500); }
  return readFileSync(out, 'utf8').trim().split(' | ').map((m) => m.split(' ').map(Number));
}
const res = Object.fromEntries(cmds.map(([l]) => [l, []]));
for (let i = 0; i < runs; i++) for (const [l, c] of cmds) res[l].push(one(c));
const med = (xs) => { const s = [...xs].sort((a,b)=>a-b); return s[s.length>>1]; };
for (const [l] of cmds) {
  const n = res[l][0].length;
  const cols = [];
  for (let k = 0; k < n; k++) cols.push(`cpu ${med(res[l].map(r=>r[k][0])).toFixed(0)} ms ${med(res[l].map(r=>r[k][1])).toFixed(0)} pf ${med(res[l].map(r=>r[k][2]))}`);
  console.log(l.padEnd(8), cols.join('  |  '));
}
