// EXPERIMENT (fix17g): `node bench/snapshot/time.mjs RUNS label=CMD...`: issue 12's tmux wall time
// to "shmget" (or "READY"), interleaved, in the checkout ($ROOT); median, then each run.
// node time.mjs runs label=cmd ... : interleaved tmux wall time to text 'shmget' (or READY)
import { execFileSync } from 'node:child_process';
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const runs = Number(process.argv[2]);
const cmds = process.argv.slice(3).map((s) => { const i = s.indexOf('='); return [s.slice(0, i), s.slice(i + 1)]; });
const cwd = process.env.ROOT || process.cwd();
const env = { ...process.env }; for (const n of ['NODE_EXTRA_CA_CERTS','NODE_OPTIONS','CI','TMUX','TMUX_PANE']) delete env[n];
function one(cmd) {
  const text = cmd.includes('READY') ? 'READY' : 'shmget';
  const sock = `ipclab-snapshot-${process.pid}-${Math.random().toString(36).slice(2,7)}`;
  const tmux = (...a) => execFileSync('tmux', ['-L', sock, ...a], { env, encoding: 'utf8', stdio: ['ignore','pipe','pipe'] });
  const t0 = performance.now();
  tmux('new-session', '-d', '-x', '100', '-y', '30', '-c', cwd, `${cmd}; sleep 3`);
  try { for (;;) { const s = tmux('capture-pane', '-p'); const t = performance.now() - t0; if (s.includes(text)) return t; if (t > 10000) throw new Error(s); pause(5); } }
  finally { try { tmux('kill-server'); } catch {} pause(400); }
}
const res = Object.fromEntries(cmds.map(([l]) => [l, []]));
for (let i = 0; i < runs; i++) for (const [l, c] of cmds) res[l].push(one(c));
const med = (xs) => { const s = [...xs].sort((a,b)=>a-b); return s[s.length>>1]; };
for (const [l] of cmds) console.log(l.padEnd(10), med(res[l]).toFixed(0), res[l].map((x) => x.toFixed(0)).join(' '));
