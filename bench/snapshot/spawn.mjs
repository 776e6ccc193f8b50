// EXPERIMENT (fix17g): what bin/ipclab.mjs would do with a snapshot: start a second node
// with the blob (SNAP_BLOB), the terminal inherited, signals passed on, its status kept.
//   SNAP_BLOB=/tmp/ipclab.blob node bench/snapshot/spawn.mjs --lang en --lesson shmget
import { spawn } from 'node:child_process';

const child = spawn(process.execPath, ['--snapshot-blob', process.env.SNAP_BLOB, '--', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT']) process.on(s, () => child.kill(s));
child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code)));
