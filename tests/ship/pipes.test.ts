// ipclab in pipes: a reader that leaves early (`| head -1`) ends the output quietly,
// on every command and on stderr too: nothing on stderr, exit 0 (or 141, SIGPIPE's),
// never a stack trace; a run cut off so still removes what it made.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Tmux } from '../helpers/tmux.js';
import { ROOT, segmentsCreatedBy } from '../lessons/helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';

const bin = join(ROOT, 'bin', 'ipclab.mjs');

interface Closed {
  code: number | null;
  signal: NodeJS.Signals | null;
  pid: number;
  stderr: string;
}

/** Runs ipclab with the reading end of its stdout (and of stderr when asked) closed
 *  before it writes a byte: every write it makes there meets EPIPE. */
function withClosedOutput(args: string[], opts: { closeStderr?: boolean } = {}): Promise<Closed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    if (opts.closeStderr) child.stderr.destroy();
    else child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, pid: child.pid!, stderr });
    });
  });
}

const COMMANDS = [['lessons'], ['lessons', '--json'], ['run', 'shmget'], ['run', 'shmget', '--json'], ['ipcs'], ['ipcs', '--json'], ['diagram', 'overview-lifecycle'], ['--help'], ['--version'], ['run', '--help']];

describe('a closed pipe', () => {
  for (const args of COMMANDS) {
    it(`ipclab ${args.join(' ')}: stdout closed, stderr empty, exit 0 or 141`, async () => {
      const r = await withClosedOutput(args);
      expect(r.stderr).toBe('');
      expect(r.signal).toBeNull();
      expect([0, 141]).toContain(r.code);
      expect(segmentsCreatedBy(r.pid)).toEqual([]);
    });
  }

  it('a usage error with stdout and stderr closed still exits 2, not 1 (an uncaught EPIPE)', async () => {
    const r = await withClosedOutput(['no-such-command'], { closeStderr: true });
    expect(r.code).toBe(2);
  });

  it('`lessons | head -1` and `run shmget --json | head -1` in a shell: one line, nothing on stderr', () => {
    for (const [args, first] of [
      ['lessons', /^ *1 +overview /],
      ['run shmget --json', /^\{"type":"lesson","id":"shmget"/],
    ] as const) {
      const r = spawnSync('bash', ['-c', `"$0" "$1" ${args} | head -1; exit \${PIPESTATUS[0]}`, process.execPath, bin], { cwd: ROOT, encoding: 'utf8', timeout: 25_000 });
      expect(r.stderr, args).toBe('');
      expect([0, 141], args).toContain(r.status);
      expect(r.stdout.split('\n'), args).toHaveLength(2);
      expect(r.stdout, args).toMatch(first);
    }
  });
});

describe('the terminal is given back on stdout', () => {
  const tmux = new Tmux();
  const dir = testTempDir('ipclab-ship-');
  afterAll(() => {
    tmux.killServer();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the tutorial with stderr into a file: after q the file is empty (no cursor-show code there)', async () => {
    const err = join(dir, 'stderr');
    const session = tmux.start(['sh', '-c', `exec "$0" "$1" --lang en --lesson shmget 2>"$2"`, process.execPath, bin, err], {
      width: 100,
      height: 30,
      env: { XDG_STATE_HOME: dir, LANG: 'C.UTF-8', TERM: 'xterm-256color' },
      unset: ['CI', 'NO_COLOR'],
    });
    await tmux.waitFor(session, (s) => s.includes('shmget'), 'the first frame', 30_000);
    tmux.send(session, 'q');
    expect(await tmux.waitForExit(session)).toBe(0);
    expect(readFileSync(err, 'utf8')).toBe('');
  });
});
