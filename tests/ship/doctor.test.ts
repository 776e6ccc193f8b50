// `ipclab doctor` on this machine and on one made worse on purpose (no cc on PATH, a
// state folder that cannot be made, a C locale): every finding named, each problem
// with its fix, lines of at most 80 columns in both languages, exit 1 only for a fix.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cells } from '../../src/text/cells.js';
import { ROOT } from '../lessons/helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';
import { tempDir } from '../native/helpers.js';

const bin = join(ROOT, 'bin', 'ipclab.mjs');
// in /tmp itself (journalled, so a killed run's sweep still finds it): the report shows this
// path whole on an 80-column line, and one inside the run's folder would wrap
const state = tempDir('ipclab-doctor-');
const emptyPath = testTempDir('ipclab-doctor-path-');
afterAll(() => {
  rmSync(state, { recursive: true, force: true });
  rmSync(emptyPath, { recursive: true, force: true });
});

function doctor(lang: 'en' | 'zh', extra: Record<string, string> = {}): { code: number | null; out: string; err: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_STATE_HOME: state, LANG: 'C.UTF-8', ...extra };
  for (const name of ['LC_ALL', 'LC_CTYPE', 'NO_COLOR', 'FORCE_COLOR']) if (!(name in extra)) delete env[name];
  const r = spawnSync(process.execPath, [bin, 'doctor', '--lang', lang], { env, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const hasCc = spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;
const limit = (name: string) => readFileSync(`/proc/sys/kernel/${name}`, 'utf8').trim();

describe('ipclab doctor', () => {
  it('names each thing a newcomer needs, with the figures of this machine', () => {
    const { code, out, err } = doctor('en');
    expect(err).toBe('');
    for (const label of ['Node', 'kernel', 'shared memory', 'message queues', 'semaphores', '/proc/sysvipc', 'C compiler', 'state folder', 'terminal', 'colour', 'UTF-8']) {
      expect(out).toMatch(new RegExp(`^  (ok|fix) +${label.replace('/', '\\/')} `, 'm'));
    }
    expect(out).toContain(process.version);
    expect(out.replace(/\s+/g, ' ')).toContain(`SHMMAX ${limit('shmmax')} B, SHMALL ${limit('shmall')} pages, SHMMNI ${limit('shmmni')}`);
    expect(out).toContain(`MSGMNI ${limit('msgmni')}`);
    expect(out).toContain(`SEMMNI ${limit('sem').split(/\s+/)[3]}`);
    // the msg, sem and race lessons use these objects: each line says which
    expect(out.replace(/\s+/g, ' ')).toMatch(/MSGMNI \d+ \(used by the msg lesson\)/);
    expect(out.replace(/\s+/g, ' ')).toMatch(/SEMMNI \d+ \(used by the sem and race lessons\)/);
    expect(out).toContain(join(state, 'ipclab'));
    expect(out).toMatch(/^  ok +colour +off \(stdout is not a terminal\)$/m);
    // here only a missing compiler may need a fix
    expect(code).toBe(hasCc ? 0 : 1);
    expect(out.trimEnd().split('\n').at(-1)).toBe(hasCc ? 'All is well.' : '1 thing to fix (exit status 1).');
  });

  it('says what is wrong and how to fix it, and exits 1', () => {
    const { code, out } = doctor('en', { PATH: emptyPath, XDG_STATE_HOME: '/proc/1/ipclab-doctor', LANG: 'C' });
    expect(code).toBe(1);
    const flat = out.replace(/\s+/g, ' ');
    expect(out).toMatch(/^  fix +C compiler +none \(no cc on PATH\)$/m);
    expect(flat).toContain('-> install gcc or clang');
    expect(out).toMatch(/^  fix +state folder +\/proc\/1\/ipclab-doctor\/ipclab \(not writable\)$/m);
    expect(flat).toContain('set XDG_STATE_HOME to an absolute folder you own');
    expect(out).toMatch(/^  fix +UTF-8 +no \(LANG=C\): ipclab draws in ASCII$/m);
    expect(flat).toContain('export LANG=C.UTF-8');
    expect(out.trimEnd().split('\n').at(-1)).toBe('3 things to fix (exit status 1).');
  });

  it.each(['en', 'zh'] as const)('%s: every line at most 80 columns, good machine or bad', (lang) => {
    const cases: Record<string, string>[] = [{}, { PATH: emptyPath, XDG_STATE_HOME: '/proc/1/ipclab-doctor', LANG: 'C' }];
    for (const extra of cases) {
      const { out } = doctor(lang, extra);
      const long = out.split('\n').filter((l) => cells(l) > 80);
      expect(long).toEqual([]);
    }
  });

  it('in Chinese too', () => {
    const { out } = doctor('zh', { PATH: emptyPath });
    expect(out).toMatch(/^  待修 +C 编译器 +没有/m);
    expect(out).toMatch(/^  正常 +共享内存 +SHMMAX/m);
    expect(out.trimEnd().split('\n').at(-1)).toBe('有 1 项需要修复（退出码 1）。');
  });
});
