// The tutorial's first frame kept for the next start (an "app shell"; docs/ARCHITECTURE.md,
// "Running"). The first screen of a lesson follows from the bundle, the command line, the
// terminal's size, the environment's language and colour, and the progress and run
// journals in the state folder; when the kernel's objects are not on it (the Kernel and
// Trace panes are other tabs), it follows from those alone. The TUI saves the bytes Ink
// wrote for its first frame with all of that as the key, and at a quit the next start's
// first frame, rendered off screen, for that start's key (src/app/main.tsx keepNext); bin/ipclab.mjs, before it loads the
// bundle, writes them at once when the key still matches (the alternate screen, raw mode so
// that keys typed meanwhile wait unechoed for the TUI), and the TUI, once loaded, writes only
// what differs from it (nothing, when the key said all). Small and self-contained: bin
// imports it as dist/first-frame.js; the bundle has its own copy.
import { closeSync, fstatSync, openSync, readSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeDirs, stateDir } from './paths.js';

const MAGIC = 'ipclab first frame 1\n';
/** a frame is ~10-30 KB (120x34, colour): a larger file is no frame of ours */
const MAX_FILE = 256 * 1024;
/** progress.json read into the key; a larger one means no kept frame */
const MAX_PROGRESS = 64 * 1024;
export const ALT_SCREEN_ON = '\x1b[?1049h';
export const ALT_SCREEN_OFF = '\x1b[?1049l';
const SYNC_BEGIN = '\x1b[?2026h';
const SYNC_END = '\x1b[?2026l';
/** what of the environment a first frame may follow: its language, its colour, the terminal */
const ENV = ['LANG', 'LC_ALL', 'LC_CTYPE', 'LC_MESSAGES', 'LANGUAGE', 'TERM', 'COLORTERM', 'NO_COLOR', 'FORCE_COLOR'];

/** Shared by bin and the bundle (passed in main's launch context): the key of this start,
 *  the frame bin wrote (if any), and whether the TUI has taken the screen over. */
export interface FirstFrame {
  key: string;
  shown?: string;
  taken: boolean;
  /** what the key was made of that the bundle does not know: the next start's key is made
   *  of them too (the TUI keeps at quit the frame the next start will draw) */
  bundle: string;
  argv: string[];
}

export const frameFile = (env: NodeJS.ProcessEnv = process.env) => join(stateDir(env), 'first-frame.bin');

/** The file's bytes, if it is a regular file of this user's, 0600, and at most `max` bytes. */
function readSmall(file: string, max: number, own: boolean): Buffer | undefined {
  let fd;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > max) return undefined;
    if (own && (st.uid !== process.getuid?.() || (st.mode & 0o077) !== 0)) return undefined;
    const buf = Buffer.allocUnsafe(st.size);
    let at = 0;
    for (let n; at < st.size && (n = readSync(fd, buf, at, st.size - at, null)) > 0; ) at += n;
    return at === st.size ? buf : undefined;
  } finally {
    closeSync(fd);
  }
}

/** FNV-1a over the bytes: a file cut short or changed by hand is not drawn */
function checksum(buf: Buffer, from: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < buf.length; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return h >>> 0;
}

/** Everything this start's first frame follows from, but the kernel; undefined where one
 *  part cannot be read (no frame kept or drawn then). */
export function frameKey(bundleFile: string, argv: string[], columns: number, rows: number, env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    const { size, mtimeMs } = statSync(bundleFile);
    const dir = stateDir(env);
    let progress: string | null = null;
    const file = join(dir, 'progress.json');
    const buf = readSmall(file, MAX_PROGRESS, false);
    if (buf) progress = buf.toString('utf8');
    else {
      try {
        statSync(file);
        return undefined; // there, but too large or unreadable
      } catch {
        progress = null;
      }
    }
    let runs: string[] = [];
    try {
      runs = readdirSync(join(dir, 'runs')).sort();
    } catch {
      runs = [];
    }
    return JSON.stringify([process.version, process.arch, size, mtimeMs, argv, columns, rows, ENV.map((name) => env[name] ?? null), progress, runs]);
  } catch {
    return undefined;
  }
}

/** The frame kept for `key`, or undefined (none, another key, damaged, not ours). */
export function readFrame(key: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const buf = readSmall(frameFile(env), MAX_FILE, true);
  if (!buf || buf.length < MAGIC.length + 9 || buf.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  const sum = Number.parseInt(buf.toString('latin1', MAGIC.length, MAGIC.length + 8), 16);
  if (sum !== checksum(buf, MAGIC.length + 9)) return undefined;
  const body = buf.toString('utf8', MAGIC.length + 9);
  const cut = body.indexOf('\n');
  if (cut < 0 || body.slice(0, cut) !== key) return undefined;
  return body.slice(cut + 1);
}

/** Keeps `frame` for `key` (0600 in the 0700 state folder, written whole and renamed). */
export function saveFrame(key: string, frame: string, env: NodeJS.ProcessEnv = process.env): void {
  const target = frameFile(env);
  const body = Buffer.from(`${key}\n${frame}`, 'utf8');
  if (body.length + MAGIC.length + 9 > MAX_FILE || key.includes('\n')) return;
  const head = Buffer.from(`${MAGIC}00000000\n`, 'latin1');
  const file = Buffer.concat([head, body]);
  file.write(checksum(file, MAGIC.length + 9).toString(16).padStart(8, '0'), MAGIC.length, 'latin1');
  const tmp = `${target}.${process.pid}`;
  try {
    makeDirs(dirname(target), 0o700);
    writeFileSync(tmp, file, { mode: 0o600 });
    renameSync(tmp, target);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing could be written
    }
  }
}

/** bin, before the bundle loads: draws the kept frame when it is this start's. Returns what
 *  it did for the TUI (undefined: not a terminal, or no key). The screen is given back at
 *  exit unless the TUI took it over (it then gives it back itself). */
export function drawKept(bundleFile: string, argv: string[]): FirstFrame | undefined {
  const { stdin, stdout } = process;
  if (!stdout.isTTY || !stdin.isTTY || !stdout.columns || !stdout.rows) return undefined;
  const key = frameKey(bundleFile, argv, stdout.columns, stdout.rows);
  if (key === undefined) return undefined;
  const state: FirstFrame = { key, taken: false, bundle: bundleFile, argv };
  const frame = readFrame(key);
  if (frame === undefined) return state;
  try {
    // as Ink will: keys typed from now on wait, unechoed, until the TUI reads them
    stdin.setRawMode(true);
  } catch {
    return state;
  }
  stdout.write(ALT_SCREEN_ON + frame);
  state.shown = frame;
  // a start that ends before the TUI takes over (a message on stderr, an exit) gives the
  // screen back first, so that what it says stays on the learner's terminal
  let left = false;
  const leave = () => {
    if (left || state.taken) return;
    left = true;
    stdout.write(ALT_SCREEN_OFF);
  };
  const { stderr } = process;
  const say = stderr.write;
  stderr.write = function (this: typeof stderr, ...args: Parameters<typeof say>) {
    stderr.write = say;
    leave();
    return say.apply(this, args);
  } as typeof say;
  process.once('exit', leave);
  return state;
}

/** What turns the screen bin drew (`shown`) into Ink's first frame (`actual`: the bytes Ink
 *  wrote as it rendered, a frame or two, from where the cursor stood after the alternate
 *  screen came on): nothing when they are the same -- the screen is already what Ink would
 *  have made of it, the cursor where Ink leaves it. Else (the key missed something the frame
 *  follows) the screen cleared and Ink's bytes written from its top left, in one
 *  synchronized update (a terminal that knows it shows no blank screen between). */
export function overdraw(shown: string, actual: string): string {
  if (shown === actual) return '';
  return `\x1b[?2026h\x1b[H\x1b[2J${actual}\x1b[?2026l`;
}

/** Ink's first frame in what it wrote as it rendered: up to the end of its first
 *  synchronized update. A commit made while mounting (a layout effect's, e.g. the App
 *  telling the store whether the panes are tabs) renders a second frame, which Ink's frame
 *  throttle writes either at once (when the first took longer than its interval, as under
 *  load) or a few ms later: the frame kept and compared is the first alone, the same
 *  bytes either way; the rest is written after it. Without synchronized updates (Ink makes
 *  none in CI) all of it. */
export function firstOf(written: string): [first: string, rest: string] {
  const end = written.indexOf(SYNC_END);
  if (written.indexOf(SYNC_BEGIN) !== 0 || end < 0) return [written, ''];
  return [written.slice(0, end + SYNC_END.length), written.slice(end + SYNC_END.length)];
}

let launched: FirstFrame | undefined;
/** the bundle: what bin did before it loaded (src/cli.ts) */
export function setFirstFrame(frame: FirstFrame): void {
  launched = frame;
}
export const firstFrame = (): FirstFrame | undefined => launched;

/** Set by the App as it draws: the frame shows what the kernel holds (the Kernel or Trace
 *  pane, the playground), which a kept frame must not show as fact: such a frame is not kept. */
export const frameShows = { kernel: false };
