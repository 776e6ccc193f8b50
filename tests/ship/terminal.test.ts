// Terminal conventions, through a real pty (tests/ship/pty-run.py) and through pipes:
// NO_COLOR, FORCE_COLOR=0, TERM=dumb and --color=never give no colour; TERM=dumb no
// escape sequence at all; a C locale ASCII drawing; FORCE_COLOR=1 and --color=always
// give colour even into a pipe. The same for the TUI and for `diagram`.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lessons/helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';

const bin = join(ROOT, 'bin', 'ipclab.mjs');
const PTY = join(ROOT, 'tests', 'ship', 'pty-run.py');
const state = testTempDir('ipclab-terminal-');
afterAll(() => rmSync(state, { recursive: true, force: true }));

/** A learner's terminal: UTF-8, colour, no CI (with CI set Ink draws only its last frame).
 *  PYTHONCOERCECLOCALE=0: in a C locale, python3 would otherwise set LC_CTYPE=C.UTF-8
 *  for itself and so for ipclab under it (PEP 538). */
function terminalEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_STATE_HOME: state, LANG: 'C.UTF-8', TERM: 'xterm-256color', PYTHONCOERCECLOCALE: '0', ...extra };
  for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR', 'LC_ALL', 'LC_CTYPE']) if (!(name in extra)) delete env[name];
  return env;
}

/** What the command wrote to a pty; with `quitOn`, q is typed once that text shows. */
function onPty(args: string[], extra: Record<string, string>, quitOn = ''): string {
  const r = spawnSync('python3', [PTY, quitOn, 'q', process.execPath, bin, ...args], { env: terminalEnv(extra), encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  const { output, code, typed } = JSON.parse(r.stdout) as { output: string; code: number; typed: boolean };
  expect(typed, output).toBe(true);
  expect(code, output).toBe(0);
  return output;
}

function inPipe(args: string[], extra: Record<string, string>): string {
  const r = spawnSync(process.execPath, [bin, ...args], { env: terminalEnv(extra), encoding: 'utf8', timeout: 30_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/** An SGR sequence that sets a colour (foreground or background, 16, 256 or RGB). */
const COLOUR = /\x1b\[(?:[\d;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[\d;]*)?m/;
const ESCAPE = /\x1b/;
/** Box drawing, arrows, symbols: anything past ASCII but CJK text (diagram labels, the 中文 of the language switch). */
const NOT_ASCII = /[^\x00-\x7f\u3000-\u9fff\uff00-\uffef]/;

const TUI = { args: ['--lang', 'en', '--lesson', 'shmget'], quitOn: 'shmget' };
const DIAGRAM = { args: ['diagram', 'overview-lifecycle', '--highlight', 'IPC对象'], quitOn: '' };

describe.each([
  ['the TUI', TUI],
  ['diagram', DIAGRAM],
])('%s on a pty', (_name, cmd) => {
  const run = (extra: Record<string, string>) => onPty(cmd.args, extra, cmd.quitOn);

  it('colour and Unicode drawing in a UTF-8 terminal (what the cases below take away)', () => {
    const out = run({});
    expect(out).toMatch(COLOUR);
    expect(out).toMatch(/[┌│─]/);
  });

  it.each([[{ NO_COLOR: '1' }], [{ FORCE_COLOR: '0' }], [{ TERM: 'dumb' }]])('%o: no colour', (extra) => {
    expect(run(extra)).not.toMatch(COLOUR);
  });

  it('--color=never: no colour', () => {
    expect(onPty([...cmd.args, '--color=never'], {}, cmd.quitOn)).not.toMatch(COLOUR);
  });

  it.each([[{ LANG: 'C' }], [{ LANG: 'C.UTF-8', LC_ALL: 'POSIX' }], [{ LANG: 'C.UTF-8', LC_CTYPE: 'en_US.ISO-8859-1' }]])('%o: ASCII drawing', (extra) => {
    expect(run(extra)).not.toMatch(NOT_ASCII);
  });

  it('FORCE_COLOR=1 beats NO_COLOR, as in Node and chalk', () => {
    expect(run({ NO_COLOR: '1', FORCE_COLOR: '1' })).toMatch(COLOUR);
  });
});

describe('diagram into a pipe', () => {
  const args = DIAGRAM.args;

  it('is plain text: no escape sequence', () => {
    expect(inPipe(args, {})).not.toMatch(ESCAPE);
  });

  it.each([[{ FORCE_COLOR: '1' }], [{ FORCE_COLOR: '3' }], [{ FORCE_COLOR: '' }]])('%o: colour even so', (extra) => {
    expect(inPipe(args, extra)).toMatch(COLOUR);
  });

  it('--color=always: colour even so', () => {
    expect(inPipe([...args, '--color=always'], {})).toMatch(COLOUR);
  });

  it('TERM=dumb on a pty: no escape sequence at all, as into a pipe', () => {
    expect(onPty(args, { TERM: 'dumb' })).not.toMatch(ESCAPE);
  });
});

describe('--color', () => {
  it('takes auto, always or never; anything else is a usage error in one line', () => {
    const r = spawnSync(process.execPath, [bin, 'lessons', '--color=sometimes'], { env: terminalEnv({}), encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ipclab: --color takes auto, always or never, not 'sometimes'\n/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
