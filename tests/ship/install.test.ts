// The package as a new user gets it: `npm pack`, then `npm install -g` of the tarball
// into a temporary prefix under a umask of 077 (an administrator's), and ipclab run
// from there by this user and by another, unprivileged one (nobody). Everything
// installed is readable by all, and running writes nothing into the package folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lessons/helpers.js';
import { tempDir } from '../native/helpers.js';

const NOBODY = 65534;
let top: string;
let prefix: string;
let pkg: string;

/** path -> mode and mtime of everything under dir (symlinks not followed). */
function snapshot(dir: string, into = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    into.set(path, `${(stat.mode & 0o7777).toString(8)} ${stat.mtimeMs}`);
    if (stat.isDirectory()) snapshot(path, into);
  }
  return into;
}

function sh(command: string, args: string[], opts: SpawnSyncOptions = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...opts });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

beforeAll(() => {
  // in /tmp itself (journalled, so a killed run's sweep still finds it), not in the run's
  // folder (0700): the other user must reach the prefix
  top = tempDir('ipclab-install-');
  chmodSync(top, 0o755); // the other user must reach the prefix
  prefix = join(top, 'prefix');
  // a prefix as a system has it: its folders exist, open to all
  for (const dir of [prefix, join(prefix, 'lib'), join(prefix, 'lib', 'node_modules'), join(prefix, 'bin')]) mkdirSync(dir, { mode: 0o755 });
  const npm = (args: string) => sh('sh', ['-c', `umask 077 && npm ${args}`], { cwd: ROOT, env: { ...process.env, npm_config_update_notifier: 'false' } });
  const packed = npm(`pack --silent --pack-destination ${top}`);
  expect(packed.status, packed.stderr).toBe(0);
  const tgz = join(top, packed.stdout.trim().split('\n').pop()!);
  const installed = npm(`install -g --prefix ${prefix} --prefer-offline --no-audit --no-fund ${tgz}`);
  expect(installed.status, installed.stderr).toBe(0);
  pkg = join(prefix, 'lib', 'node_modules', 'ipclab');
}, 240_000);

afterAll(() => {
  if (top) rmSync(top, { recursive: true, force: true });
});

const ipclab = (args: string[], opts: SpawnSyncOptions = {}) =>
  sh(join(prefix, 'bin', 'ipclab'), args, { cwd: top, ...opts, env: { ...process.env, PATH: `${join(process.execPath, '..')}:${process.env.PATH}`, ...opts.env } });

describe('the packed tarball, installed globally', () => {
  it('holds what runs and no sources', () => {
    const names = readdirSync(pkg).sort();
    expect(names).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'assets', 'bin', 'dist', 'examples', 'package.json']));
    expect(names).not.toContain('src');
    // the help and the man page send a reader of --json to docs/PROTOCOL.md: it comes with the package
    expect(readdirSync(join(pkg, 'docs'))).toEqual(['PROTOCOL.md']);
    expect(names).not.toContain('tests');
    // koffi (and what it brings itself) is all that is installed; the rest is inside the bundle
    const modules = join(pkg, 'node_modules');
    const installed = readdirSync(modules).flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((sub) => `${name}/${sub}`) : [name]));
    const koffi = JSON.parse(readFileSync(join(modules, 'koffi', 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const allowed = ['koffi', ...Object.keys({ ...koffi.dependencies, ...koffi.optionalDependencies })];
    expect(installed).toContain('koffi');
    for (const name of installed) expect(allowed, name).toContain(name);
  });

  it('is readable by all, the bin executable by all, though installed under umask 077', () => {
    for (const [path, info] of snapshot(pkg)) {
      const mode = parseInt(info.split(' ')[0], 8);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) continue;
      expect(mode & (stat.isDirectory() ? 0o555 : 0o444), path).toBe(stat.isDirectory() ? 0o555 : 0o444);
    }
    expect(lstatSync(join(pkg, 'bin', 'ipclab.mjs')).mode & 0o111).toBe(0o111);
  });

  const users = [{ who: 'this user', uid: undefined }, { who: 'nobody, another unprivileged uid', uid: NOBODY }];
  for (const { who, uid } of users) {
    it(`runs --version, run shmget and lessons as ${who}, writing nothing into the package`, (ctx) => {
      if (uid !== undefined && process.getuid!() !== 0) ctx.skip(); // only root may start a process as another uid
      const home = mkdtempSync(join(top, 'home-'));
      if (uid !== undefined) chmodSync(home, 0o777);
      const before = snapshot(pkg);
      const opts: SpawnSyncOptions = { env: { HOME: home, XDG_STATE_HOME: '', LANG: 'C.UTF-8' }, ...(uid === undefined ? {} : { uid, gid: NOBODY }) };
      const version = ipclab(['--version'], opts);
      expect(version.stdout, version.stderr).toMatch(/^ipclab \d+\.\d+\.\d+\n$/);
      const run = ipclab(['run', 'shmget'], opts);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/6 of 6 steps as expected; nothing left in the kernel/);
      const lessons = ipclab(['lessons'], opts);
      expect(lessons.status, lessons.stderr).toBe(0);
      expect(lessons.stdout).toMatch(/^ *1 +overview /);
      expect(snapshot(pkg)).toEqual(before);
      // the run's records went to the user's own state folder
      expect(readdirSync(join(home, '.local', 'state', 'ipclab'))).toContain('runs');
    }, 120_000);
  }

  it('installs the man page where man finds it, and the help runs', () => {
    // npm links it into PREFIX/share/man/man1, which man searches beside PREFIX/bin
    const page = join(prefix, 'share', 'man', 'man1', 'ipclab.1');
    expect(realpathSync(page)).toBe(realpathSync(join(pkg, 'man', 'ipclab.1')));
    const man = spawnSync('man', ['-w', 'ipclab'], { encoding: 'utf8', env: { ...process.env, MANPATH: join(prefix, 'share', 'man') } });
    if (!man.error) expect(man.stdout.trim()).toBe(realpathSync(page));
    const help = ipclab(['help', 'run'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^用法：ipclab run ID \[--json\] \[--no-quiz\]\n/);
  });

  it('an installation that lost its dist/ says so in one line, exit 3 (the environment), and builds nothing', () => {
    const copy = join(top, 'no-dist');
    cpSync(pkg, copy, { recursive: true, filter: (src) => src !== join(pkg, 'dist') });
    const r = sh(process.execPath, [join(copy, 'bin', 'ipclab.mjs'), 'lessons']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^ipclab: this installation in .* has no dist\/ \(the program itself\); install the package again\n$/);
    expect(readdirSync(copy)).not.toContain('dist');
  });
});
