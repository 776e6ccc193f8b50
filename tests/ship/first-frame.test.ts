// The tutorial's first frame kept for the next start (src/first-frame.ts): bin draws it
// before the bundle loads, only for the same key, and the TUI writes nothing over it when
// its own first frame is the same bytes; a frame of another size, language or version, a
// damaged or foreign file, falls back to the normal start; keys typed meanwhile all count;
// a quit after a step keeps the frame the next start draws.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { firstOf, frameFile, frameKey, overdraw, readFrame, saveFrame } from '../../src/first-frame.js';
import { strings } from '../../src/app/strings.js';
import { Tmux } from '../helpers/tmux.js';
import { ROOT } from '../lessons/helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';

const top = testTempDir('ipclab-frame-');
const tmux = new Tmux();
afterAll(() => {
  tmux.killServer();
  rmSync(top, { recursive: true, force: true });
});

let fresh = 0;
const stateHome = () => join(top, String(fresh++));
const BUNDLE = join(ROOT, 'dist', 'cli.cjs');
const ARGV = ['--lang', 'en', '--lesson', 'shmget'];

describe('the kept first frame, its file', () => {
  it('is read back only for the key it was kept with, 0600 in the 0700 state folder', () => {
    const home = stateHome();
    const env = { ...process.env, XDG_STATE_HOME: home, LANG: 'en_US.UTF-8' };
    const key = frameKey(BUNDLE, ARGV, 100, 30, env)!;
    expect(key).toBeTruthy();
    saveFrame(key, 'frame\nbytes', env);
    expect(statSync(frameFile(env)).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'ipclab')).mode & 0o777).toBe(0o700);
    expect(readFrame(key, env)).toBe('frame\nbytes');
    // another size, language, command line or environment: another key, no frame
    for (const other of [
      frameKey(BUNDLE, ARGV, 80, 24, env),
      frameKey(BUNDLE, ['--lang', 'zh', '--lesson', 'shmget'], 100, 30, env),
      frameKey(BUNDLE, ARGV, 100, 30, { ...env, LANG: 'zh_CN.UTF-8' }),
      frameKey(BUNDLE, ARGV, 100, 30, { ...env, NO_COLOR: '1' }),
    ]) {
      expect(other).not.toBe(key);
      expect(readFrame(other!, env)).toBeUndefined();
    }
    // progress made since: another key
    mkdirSync(join(home, 'ipclab'), { recursive: true });
    writeFileSync(join(home, 'ipclab', 'progress.json'), '{"lesson":"shmget","step":2}');
    expect(frameKey(BUNDLE, ARGV, 100, 30, env)).not.toBe(key);
  });

  it('the key names node and the bundle: another version or build keeps no frame', () => {
    const env = { ...process.env, XDG_STATE_HOME: stateHome() };
    const key = JSON.parse(frameKey(BUNDLE, ARGV, 100, 30, env)!);
    const { size, mtimeMs } = statSync(BUNDLE);
    expect(key.slice(0, 4)).toEqual([process.version, process.arch, size, mtimeMs]);
  });

  it('a damaged, foreign, loose or oversized file is not drawn', () => {
    const env = { ...process.env, XDG_STATE_HOME: stateHome() };
    const key = frameKey(BUNDLE, ARGV, 100, 30, env)!;
    saveFrame(key, 'the frame', env);
    const file = frameFile(env);
    const good = readFileSync(file);
    const bad = Buffer.from(good);
    bad[bad.length - 2] ^= 0x20;
    writeFileSync(file, bad);
    expect(readFrame(key, env)).toBeUndefined();
    writeFileSync(file, Buffer.concat([Buffer.from('some other format 1\n'), good.subarray(21)]));
    expect(readFrame(key, env)).toBeUndefined();
    writeFileSync(file, good);
    expect(readFrame(key, env)).toBe('the frame');
    chmodSync(file, 0o644);
    expect(readFrame(key, env)).toBeUndefined();
    chmodSync(file, 0o600);
    writeFileSync(file, Buffer.concat([good, Buffer.alloc(300 * 1024, 0x20)]));
    expect(readFrame(key, env)).toBeUndefined();
  });

  it('the TUI writes nothing over a kept frame that is its own first frame, and clears and redraws in one update otherwise', () => {
    expect(overdraw('\x1b[?2026habc\ndef\x1b[?2026l', '\x1b[?2026habc\ndef\x1b[?2026l')).toBe('');
    expect(overdraw('abc\nxyz', 'abc\ndef')).toBe('\x1b[?2026h\x1b[H\x1b[2Jabc\ndef\x1b[?2026l');
  });

  it('the frame kept and compared is Ink\'s first alone: a second frame of the mount, written at once under load or later, is not part of it', () => {
    const one = '\x1b[?2026h\x1b[?25lframe one\x1b[?2026l';
    const two = '\x1b[?2026h\x1b[2J\x1b[3J\x1b[Hframe two\x1b[?2026l';
    // the same first frame whether Ink's throttle let the second out during the render or not
    expect(firstOf(one + two)).toEqual([one, two]);
    expect(firstOf(one)).toEqual([one, '']);
    // no synchronized updates (CI): all of it
    expect(firstOf('frame one\nframe two')).toEqual(['frame one\nframe two', '']);
  });
});

describe('the kept first frame, in a terminal', () => {
  const start = (home: string, width = 100, height = 30, lang = 'en') =>
    tmux.start([process.execPath, join(ROOT, 'bin', 'ipclab.mjs'), '--lang', lang, '--lesson', 'shmget'], { width, height, env: { XDG_STATE_HOME: home }, unset: ['CI'] });
  /** a run until its first frame is out and kept, then q */
  async function keep(home: string, width = 100, height = 30, lang = 'en') {
    const session = start(home, width, height, lang);
    await tmux.waitFor(session, (screen) => screen.includes('Space'), 'the first frame');
    tmux.send(session, 'q');
    expect(await tmux.waitForExit(session)).toBe(0);
  }

  it('is drawn by the next start, and what the TUI draws after is the same screen', async () => {
    const home = stateHome();
    // the first start keeps its frame for the progress it found (none), the second for its own
    await keep(home);
    await keep(home);
    const kept = readFileSync(join(home, 'ipclab', 'first-frame.bin'));
    const session = start(home);
    const shell = await tmux.waitFor(session, (screen) => screen.includes('shmget'), 'the kept frame');
    // the TUI's own frames come after (the Flow's diagram); the lesson pane is as the kept frame drew it
    const full = await tmux.waitFor(session, (screen) => screen.includes('just run'), 'the Flow drawn');
    expect(full.split('\n').slice(0, 16)).toEqual(shell.split('\n').slice(0, 16));
    expect(readFileSync(join(home, 'ipclab', 'first-frame.bin')).equals(kept)).toBe(true);
    tmux.send(session, 'q');
    expect(await tmux.waitForExit(session)).toBe(0);
  });

  it('a session that runs a step keeps at quit the frame the next start draws: that start writes nothing over it', async () => {
    const home = stateHome();
    const file = join(home, 'ipclab', 'first-frame.bin');
    const progress = join(home, 'ipclab', 'progress.json');
    /** the progress.json bytes the kept frame's key names (its ninth part; the file: format line, checksum line, key line, frame) */
    const keyedProgress = () => {
      const body = readFileSync(file, 'utf8');
      return JSON.parse(body.slice(30, body.indexOf('\n', 30)))[8];
    };
    const first = start(home);
    await tmux.waitFor(first, (screen) => screen.includes('Space run 1'), 'the first frame');
    // step 1 run: progress.json changed, and with it the next start's key
    await tmux.runStep(first, (screen) => screen.includes('Space run 2') && !screen.includes('running…'), 'step 1');
    tmux.send(first, 'q');
    expect(await tmux.waitForExit(first)).toBe(0);
    const saved = readFileSync(progress, 'utf8');
    expect(JSON.parse(saved).step).toBe(1);
    // the frame kept is for the progress as saved at quit
    expect(keyedProgress()).toBe(saved);
    const kept = readFileSync(file);
    // the next start draws it before the bundle loads, and the TUI finds its own first
    // frame in it: nothing written over it, nothing kept anew (a miss keeps its own frame)
    const next = start(home);
    const shell = await tmux.waitFor(next, (screen) => screen.includes('shmget'), 'the kept frame');
    const full = await tmux.waitFor(next, (screen) => screen.includes('just run'), 'the Flow drawn');
    expect(full.split('\n').slice(0, 16)).toEqual(shell.split('\n').slice(0, 16));
    expect(readFileSync(file).equals(kept)).toBe(true);
    tmux.send(next, 'q');
    expect(await tmux.waitForExit(next)).toBe(0);
    // that session opened the lesson anew (--lesson: step 0 saved): its quit kept the frame for that
    expect(keyedProgress()).toBe(readFileSync(progress, 'utf8'));
  });

  it('keys typed right after the start all count, none echoed', async () => {
    const home = stateHome();
    await keep(home);
    await keep(home);
    const session = start(home);
    // at once: before the kept frame, before the TUI reads the terminal
    tmux.send(session, 'l');
    tmux.send(session, 'l');
    tmux.send(session, 'l');
    const screen = await tmux.waitFor(session, (s) => s.includes('步骤 1/6'), 'three l: Chinese');
    expect(screen).not.toMatch(/lll|\^\[/);
    // no fourth switch pending
    tmux.send(session, 'l');
    await tmux.waitFor(session, (s) => s.includes('step 1/6'), 'a fourth l: English');
    tmux.send(session, 'q');
    expect(await tmux.waitForExit(session)).toBe(0);
  });

  it('another terminal size, or a damaged file, starts as without one', async () => {
    const home = stateHome();
    await keep(home);
    await keep(home);
    const file = join(home, 'ipclab', 'first-frame.bin');
    const kept = readFileSync(file);
    const small = start(home, 80, 24);
    const screen = await tmux.waitFor(small, (s) => s.includes('shmget') && s.includes('Space'), 'the 80x24 frame');
    expect(Math.max(...screen.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(screen).toContain('└──────');
    tmux.send(small, 'q');
    expect(await tmux.waitForExit(small)).toBe(0);
    // the 80x24 start kept its own frame in place of the 100x30 one
    expect(readFileSync(file).equals(kept)).toBe(false);
    const bad = Buffer.from(readFileSync(file));
    bad.fill(0x41, 40, 60);
    writeFileSync(file, bad);
    const again = start(home, 80, 24);
    await tmux.waitFor(again, (s) => s.includes('shmget') && s.includes('Space'), 'the frame after a damaged file');
    tmux.send(again, 'q');
    expect(await tmux.waitForExit(again)).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).equals(bad)).toBe(false);
  });

  /** The key bar of the frame kept in `home` (its last line, as the terminal shows it). */
  const keptBar = (home: string) => {
    const body = readFileSync(join(home, 'ipclab', 'first-frame.bin'), 'utf8');
    const frame = body.slice(body.indexOf('\n', 30) + 1);
    return frame.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').split('\n').filter((l) => l.trim()).at(-1)!.trimEnd();
  };
  const lastLine = (screen: string) => screen.split('\n').at(-1)!.trimEnd();

  // issue 16 (fixZ3#1): the first frame's bar said "Space run 1" and the next one, a few ms later,
  // "Space step 1's text" (the lesson pane noted its rest below in a layout effect, after Ink had
  // written the frame): a Space pressed on the first frame brought the text it did not name
  it.each(['en', 'zh'])('the first frame\'s key bar is the laid-out lesson\'s, and a Space pressed on it does what it says (shmctl at 80x24 en, 80x21 zh: %s)', async (lang) => {
    const home = stateHome();
    const s = strings(lang as 'en' | 'zh');
    const argv = [process.execPath, join(ROOT, 'bin', 'ipclab.mjs'), '--lang', lang, '--lesson', 'shmctl'];
    const opts = { width: 80, height: lang === 'en' ? 24 : 21, env: { XDG_STATE_HOME: home }, unset: ['CI'] };
    // shmctl's step 1 does not fit the lesson pane: its rest is below, and one Space brings it
    // first (at 80x24 its shorter introduction fits in Chinese since s32m: 80x21 there)
    const rest = lang === 'en' ? "Space step 1's text" : 'Space 第 1 步的说明';
    const first = tmux.start(argv, opts);
    const laid = await tmux.waitFor(first, (screen) => !screen.includes(s.opening) && screen.includes(rest), 'the lesson open and laid out');
    tmux.send(first, 'q');
    expect(await tmux.waitForExit(first)).toBe(0);
    // the frame this start wrote first (kept for the next start, as it is the same key): the same bar
    expect(keptBar(home)).toBe(lastLine(laid));
    // the next start draws it before the bundle loads; a Space pressed at once brings the rest of
    // step 1's text, as the bar said, and runs nothing
    const next = tmux.start(argv, opts);
    tmux.send(next, 'Space');
    const after = await tmux.waitFor(next, (screen) => !screen.includes(s.opening) && !screen.includes(rest) && lastLine(screen).startsWith(' Space'), 'the rest of step 1 shown');
    expect(after).not.toMatch(/step 1 running|第 1 步运行中|Space run 2|运行第 2 步/);
    expect(lastLine(after)).toMatch(lang === 'en' ? /^ Space (run 1|step 1's question)/ : /^ Space (运行第 1 步|第 1 步的问题)/);
    tmux.send(next, 'q');
    expect(await tmux.waitForExit(next)).toBe(0);
  });
});
