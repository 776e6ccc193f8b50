// Script mode over the real kernel: the demo scripts, every challenge's solution, syntax
// errors with line and column, look-only, limits, and nothing left afterwards.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IPC_PRIVATE, shmctlRmid, shmget } from '../../src/native/index.js';
import { CHALLENGES } from '../../src/play/challenges.js';
import { cells } from '../../src/text/cells.js';
import { ROOT, segmentsCreatedBy } from '../lessons/helpers.js';
import { checkChallenges, checkPlay } from '../contract/schema.js';
import { testTempDir } from '../helpers/temp-dir.js';

const state = testTempDir('ipclab-play-test-');
afterAll(() => rmSync(state, { recursive: true, force: true }));

interface Run {
  code: number | null;
  pid: number;
  stdout: string;
  stderr: string;
}

/** `ipclab play ARGS` with `input` on stdin (a pipe, never a terminal). */
function play(args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'ipclab.mjs'), 'play', ...args], {
      cwd: ROOT,
      env: { ...process.env, XDG_STATE_HOME: state, LANG: 'C.UTF-8', LC_ALL: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, pid: child.pid!, stdout, stderr });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

const examples = readdirSync(join(ROOT, 'examples', 'play')).filter((f) => f.endsWith('.play'));

describe('ipclab play FILE', () => {
  it.each(examples)('runs examples/play/%s and leaves nothing', async (file) => {
    const run = await play([join('examples', 'play', file)]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nothing the playground made is left in the kernel');
    expect(segmentsCreatedBy(run.pid)).toEqual([]);
  }, 90_000);

  it('prints calls as the trace does, errnos as results, and @b makes nattch 2 with another lpid', async () => {
    const run = await play(['examples/play/lifecycle.play']);
    const out = run.stdout;
    expect(out).toMatch(/^shmget\(IPC_PRIVATE, 4096, 0600\) = (\d+)$/m);
    const id = /^shmget\(IPC_PRIVATE, 4096, 0600\) = (\d+)$/m.exec(out)![1];
    const helper = Number(/helper process b started: pid (\d+)/.exec(out)![1]);
    expect(helper).not.toBe(run.pid);
    // ipcs as the playground printed it agrees with what /proc/sysvipc/shm said then: nattch 2, lpid of b
    const rows = out.split('\n').filter((l) => l.includes(` ${id} `) && l.trim().startsWith('0x'));
    expect(rows[0].trim().split(/\s+/).slice(5, 8)).toEqual(['2', String(run.pid), String(helper)]);
    // after IPC_RMID while attached: still there, marked dest, key 0
    expect(rows[1].trim().split(/\s+/).slice(0, 7)).toEqual(['0x00000000', id, expect.any(String), '600', '4096', '2', 'dest']);
    expect(out).toMatch(/^@b shmat\(\d+, NULL, SHM_RDONLY\) = 0x[0-9a-f]+$/m);
    expect(out).toMatch(/^ {2}hello from a$/m);
    expect(out).toContain('0600 | SHM_DEST');
    expect(out).toMatch(/shmctl\(\d+, IPC_STAT, &ds\) = -1 EINVAL \(no segment has this shmid\)/);
  }, 90_000);

  it('refuses a write through SHM_RDONLY with the guard, and shows the real SIGSEGV in a child', async () => {
    const run = await play(['examples/play/errors.play']);
    expect(run.stdout).toMatch(/refused by the guard: segment \d+ is attached read-only/);
    // the child's line under its pid; its end as this process saw it, with the child's pid in it
    const child = /^(\d+) shmat\(\d+, NULL, SHM_RDONLY\) = 0x[0-9a-f]+; then writes one byte there$/m.exec(run.stdout)?.[1];
    expect(Number(child)).not.toBe(run.pid);
    // a comment of this process (no pid first), wrapped at 80 columns with `//` on each piece: read as one line
    expect(run.stdout).toContain(`\n  // the child (pid ${child}) that writes`);
    expect(run.stdout.replace(/\n {2}\/\/ /g, ' ')).toContain(` the child (pid ${child}) that writes to a read-only mapping was killed by SIGSEGV (waitpid)\n`);
    expect(run.stdout).toMatch(/= -1 ENOENT \(no segment has this key; perror: "No such file or directory"\)/);
    expect(run.stdout).toMatch(/= -1 EEXIST \(a segment with this key exists; perror: "File exists"\)/);
    expect(run.code).toBe(0);
  }, 90_000);

  it('--json prints the lines docs/PROTOCOL.md describes: call lines as run --json, the end line last', async () => {
    const run = await play(['--json', '-'], 'id = shmget(IPC_PRIVATE, 4096, 0600)\nshmget(IPC_PRIVATE, 0, 0600)\np = shmat(id, NULL, SHM_RDONLY)\nstrcpy(p, "x")\n@b puts(p)\n');
    expect(checkPlay(run.stdout)).toEqual([]);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ type: 'play', schema: 1, source: '<stdin>', challenge: null });
    const calls = lines.filter((l) => l.type === 'call');
    expect(calls[0]).toMatchObject({ type: 'call', pid: run.pid, call: 'shmget', c: 'shmget(IPC_PRIVATE, 4096, 0600)', errno: null, line: 1 });
    expect(calls[1]).toMatchObject({ type: 'call', ret: -1, errno: 'EINVAL', line: 2 });
    expect(lines).toContainEqual(expect.objectContaining({ type: 'error', line: 4, refused: true }));
    expect(lines).toContainEqual(expect.objectContaining({ type: 'error', line: 5, message: expect.stringContaining('p is a pointer of the other process') }));
    expect(lines.at(-1)).toEqual({ type: 'end', ok: false, leaked: [] });
    expect(run.code).toBe(1);
  }, 60_000);

  it('challenges --json as docs/PROTOCOL.md describes it, with what is solved', async () => {
    const run = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'ipclab.mjs'), 'challenges', '--json'], { env: { ...process.env, XDG_STATE_HOME: state } });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.on('close', () => resolve(out));
    });
    const value = JSON.parse(run);
    expect(checkChallenges(value)).toEqual([]);
    expect(value.challenges.map((c: { id: string }) => c.id)).toEqual(CHALLENGES.map((c) => c.id));
  }, 60_000);
});

describe('bad input', () => {
  it('a syntax error: FILE:LINE:COL, the line and a caret, exit 1, nothing run', async () => {
    const dir = testTempDir('ipclab-play-src-');
    const file = join(dir, 'bad.play');
    writeFileSync(file, 'id = shmget(IPC_PRIVATE, 4096, 0600)\nshmat(id, NULL 0)\n');
    const run = await play([file]);
    rmSync(dir, { recursive: true });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/shmget\(/);
    const [head, line, caret] = run.stderr.split('\n');
    expect(head).toBe(`${file}:2:16: expected , or ) in the arguments of shmat, found 0`);
    expect(line).toBe('  shmat(id, NULL 0)');
    expect(caret).toBe(`  ${' '.repeat(15)}^`);
  }, 60_000);

  it('--keep-going runs the rest; unknown names get a suggestion', async () => {
    const run = await play(['--keep-going', '-'], 'shmgte(IPC_PRIVATE, 4096, 0600)\nid = shmget(IPC_PRIVATE, 4096 0600)\nid = shmget(IPC_PRIVATE, 4096, 0600)\nshmat(id, NULL)\n');
    expect(run.stderr).toContain('<stdin>:1: there is no call shmgte (did you mean shmget?)');
    expect(run.stderr).toContain('<stdin>:2:31:');
    expect(run.stderr).toContain('<stdin>:4: shmat takes 3 arguments, not 2');
    expect(run.stdout).toMatch(/^shmget\(IPC_PRIVATE, 4096, 0600\) = \d+$/m);
    expect(run.code).toBe(1);
    expect(segmentsCreatedBy(run.pid)).toEqual([]);
  }, 60_000);

  it('a 10,000-line script runs and leaves nothing; a 1 MB line is refused plainly', async () => {
    const many = `${'id = shmget(IPC_PRIVATE, 4096, 0600)\nshmctl(id, IPC_RMID)\n'.repeat(5000)}`;
    const long = await play(['--json', '-'], many);
    expect(long.code).toBe(0);
    expect(JSON.parse(long.stdout.trim().split('\n').at(-1)!)).toEqual({ type: 'end', ok: true, leaked: [] });
    const huge = await play(['-'], `strcpy(p, "${'x'.repeat(1024 * 1024)}")\n`);
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/^<stdin>:1:65537: the line is too long/);
    const over = await play(['-'], 'ipcs\n'.repeat(10_001));
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('more than 10000 lines');
  }, 180_000);

  it('segments it did not make are look-only; --allow-foreign lifts it with a warning', async () => {
    // a segment of another process: this test's own, made through the native layer
    const made = shmget(IPC_PRIVATE, 4096, 0o600);
    const id = Number(made.ret);
    try {
      const refused = await play(['--keep-going', '-'], `shmctl(${id}, IPC_RMID)\nipcrm -m ${id}\nshmctl(${id}, IPC_SET, 0777)\nshmat(${id}, NULL, 0)\np = shmat(${id}, NULL, SHM_RDONLY)\n`);
      expect(refused.stdout).toContain(`segment ${id} was not made by this playground (creator pid ${process.pid}): it is look-only, so IPC_RMID is refused`);
      expect(refused.stdout).toContain('so IPC_SET is refused');
      expect(refused.stdout).toContain('so a writable attach (SHM_RDONLY is allowed) is refused');
      expect(refused.stdout).toMatch(new RegExp(`^shmat\\(${id}, NULL, SHM_RDONLY\\) = 0x`, 'm'));
      expect(refused.code).toBe(0);
      expect(readFileSync('/proc/sysvipc/shm', 'utf8')).toMatch(new RegExp(`\\s${id}\\s`));
      const allowed = await play(['--allow-foreign', '-'], `shmctl(${id}, IPC_RMID)\n`);
      expect(allowed.stderr).toContain('warning: --allow-foreign');
      expect(allowed.stdout).toContain(`shmctl(${id}, IPC_RMID, NULL) = 0`);
    } finally {
      shmctlRmid(id);
    }
  }, 60_000);
});

describe('challenges', () => {
  it.each(CHALLENGES.map((c) => c.id))('the solution of %s solves it (exit 0), and it is kept in progress', async (id) => {
    const challenge = CHALLENGES.find((c) => c.id === id)!;
    const run = await play(['--challenge', id, '-'], `${challenge.solution.join('\n')}\n`);
    // said once, by the statement that solved it, not again in the summary at the end
    const solved = run.stdout.split('\n').filter((l) => /\bsolved\b/.test(l));
    expect(solved).toEqual([`challenge ${id} solved in ${challenge.solution.length} counted statement(s), par ${challenge.par}`]);
    expect(run.code).toBe(0);
    expect(segmentsCreatedBy(run.pid)).toEqual([]);
    expect(JSON.parse(readFileSync(join(state, 'ipclab', 'progress.json'), 'utf8')).challenges).toContain(id);
  }, 90_000);

  it('an unsolved script exits 1 saying what is missing', async () => {
    const run = await play(['--challenge', 'ftok-two-readers', '-'], 'id = shmget(IPC_PRIVATE, 8192, 0640)\n');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('challenge ftok-two-readers: not solved yet; still missing:');
    expect(run.stdout).toContain('a segment made here with a key from ftok, 8192 bytes, mode 0640, nattch 2, attached read-only by a process');
  }, 60_000);

  it('more statements than par still solves, and says so; only calls that worked count', async () => {
    // help, ipcs, a plain assignment, a failed ftok, a typo and an unknown call are free
    const script = ['help', 'x = 1', 'k = ftok("/no/such/file", 1)', 'IPC_CREATE', 'printf("x")', 'id = shmget(IPC_PRIVATE, 4096, 0600)', 'ipcs', 'shmctl(id, IPC_STAT)', 'p = shmat(id, NULL, 0)'];
    const run = await play(['--challenge', 'first-segment', '--keep-going', '-'], `${script.join('\n')}\n`);
    expect(run.stdout).toContain('challenge first-segment solved in 3 counted statement(s), par 2 (1 over par)');
    // a misspelled constant is named as a typo, not as a variable waiting for a value
    expect(run.stderr).toContain('<stdin>:4: unknown name IPC_CREATE: did you mean IPC_CREAT?');
    // solved, but the lines that failed make the script fail
    expect(run.code).toBe(1);
    // not a terminal: each meaning wraps to 80 columns, `//` on every line
    const meanings = run.stdout.split('\n').filter((l) => l.startsWith('  //'));
    expect(meanings.length).toBeGreaterThan(3);
    for (const l of meanings) expect(cells(l)).toBeLessThanOrEqual(80);
  }, 60_000);
});
