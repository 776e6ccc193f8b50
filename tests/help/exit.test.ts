// The exit statuses are a contract (docs/PROTOCOL.md "Exit status"): their numbers, and
// status 3 where the machine cannot run lessons — here a koffi that does not load, made
// so by a module hook, as on a system without glibc or of another architecture.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/exit-codes.js';
import { tempDir } from '../native/helpers.js';
import { BIN, reap, ROOT, start } from '../twoproc/helpers.js';

afterEach(reap);

// The bundle is CommonJS (scripts/build.mjs) and loads koffi with require(): the hook
// is on CommonJS's loader.
const HOOK = `import Module from 'node:module';
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'koffi') throw new Error('koffi: its native module does not load here');
  return load.call(this, request, ...rest);
};`;
const NO_KOFFI = `data:text/javascript,${encodeURIComponent(HOOK)}`;

async function withoutKoffi(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const p = start(process.execPath, ['--import', NO_KOFFI, BIN, ...args], { env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
  const code = await p.done;
  return { code, stdout: p.stdout().toString(), stderr: p.stderr() };
}

describe('exit statuses', () => {
  it('keep their numbers, each in the table of docs/PROTOCOL.md', () => {
    expect(EXIT).toEqual({ ok: 0, failed: 1, usage: 2, environment: 3 });
    const doc = readFileSync(join(ROOT, 'docs', 'PROTOCOL.md'), 'utf8');
    for (const status of [...Object.values(EXIT).map(String), '128+n']) expect(doc).toMatch(new RegExp(`^\\| ${status.replace('+', '\\+')} \\|`, 'm'));
  });

  it('3 when the native layer does not load: one line, no stack; help still works', async () => {
    // a lesson always calls libc; ipcs needs koffi only for other users' rows (owner names), so it is no probe
    const [runEn, run, help] = await Promise.all([withoutKoffi(['run', 'shmget']), withoutKoffi(['run', 'shmget', '--lang', 'zh']), withoutKoffi(['help', 'ipcs'])]);
    expect(runEn).toEqual({ code: EXIT.environment, stdout: '', stderr: 'ipclab: this system cannot run ipclab: koffi: its native module does not load here\n' });
    expect(run).toEqual({ code: EXIT.environment, stdout: '', stderr: 'ipclab: 本系统无法运行 ipclab：koffi: its native module does not load here\n' });
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout).toMatch(/^usage: ipclab ipcs/);
  });

  // the tutorial loads koffi after its first frame (docs/ARCHITECTURE.md, "Running")
  it('3 from the tutorial too: its first frame, then the screen given back and the one line', { timeout: 60_000 }, () => {
    const PTY = `import json, os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
out = b''
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    out += data
_, status = os.waitpid(pid, 0)
print(json.dumps({'status': os.waitstatus_to_exitcode(status), 'out': out.decode('utf8', 'replace')}))`;
    const r = spawnSync('python3', ['-c', PTY, process.execPath, '--import', NO_KOFFI, BIN, '--lang', 'en', '--lesson', 'shmget'], {
      env: { ...process.env, CI: '', TERM: 'xterm-256color', XDG_STATE_HOME: tempDir('ipclab-state-') },
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const { status, out } = JSON.parse(r.stdout) as { status: number; out: string };
    expect(status).toBe(EXIT.environment);
    const given = out.lastIndexOf('\x1b[?1049l');
    expect(out.slice(0, given)).toContain('shmget — create a private segment');
    expect(out.slice(given + '\x1b[?1049l'.length).trim()).toBe('ipclab: this system cannot run ipclab: koffi: its native module does not load here');
  });
});
