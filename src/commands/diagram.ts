// `ipclab diagram NAME|FILE|- [--ascii] [--width N] [--highlight IDS] [--lang en|zh]`: draws
// a flowchart with its labels in the language asked for (a file's `%% en` comments give the
// English ones). The picture goes to stdout, with the key to its line styles under it when
// something is highlighted; notes and warnings go to stderr, one line each.
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { Options } from '../options.js';
import { packageRoot } from '../paths.js';
import { markingFor } from '../text/color.js';
import { diagramNames, diagramSource, FlowSyntaxError, FlowTooLargeError, legend, localize, modelIds, parseFlowchart, renderFlow, type FlowModel, type StyledLine, type Tone } from '../flow/index.js';
import { EXIT } from '../exit-codes.js';

/** ANSI styles per tone: bold yellow for what just happened, green for what is done. */
const COLOUR: Record<Tone, string> = { plain: '', frame: '', title: '\x1b[1m', label: '\x1b[36m', active: '\x1b[1;33m', done: '\x1b[32m' };
/** Colour off on a terminal (src/text/color.ts): still bold; the heavier lines mark the rest. */
const MONO: Record<Tone, string> = { plain: '', frame: '', title: '\x1b[1m', label: '', active: '\x1b[1m', done: '' };
/** Into a pipe or a file: the characters alone. */
const PLAIN: Record<Tone, string> = { plain: '', frame: '', title: '', label: '', active: '', done: '' };

function styled(lines: StyledLine[], styles: Record<Tone, string>): string {
  return lines
    .map((runs) => {
      let out = '';
      for (const run of runs) out += styles[run.tone] ? `${styles[run.tone]}${run.text}\x1b[0m` : run.text;
      return out.replace(/ +$/, '');
    })
    .join('\n');
}

/** More than any diagram (Mermaid stops at 50000 characters); reading stops here, so
 *  /dev/zero or a huge log given by mistake ends at once. */
const MAX_BYTES = 1 << 20;

/** Reads a file descriptor to its end, or null past MAX_BYTES. */
function readCapped(fd: number): Buffer | null {
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(64 * 1024);
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EOF') break;
      // a non-blocking stdin with nothing yet: wait a little for the writer
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw err;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
    if (total > MAX_BYTES) return null;
  }
  return Buffer.concat(chunks);
}

/** UTF-8, or UTF-16 when a byte order mark says so (Windows editors save that as 'Unicode'). */
function decode(bytes: Buffer): string {
  // a cut-off last byte of UTF-16 is dropped (swap16 needs whole pairs)
  const pairs = () => Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return pairs().toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return pairs().swap16().toString('utf16le');
  return bytes.toString('utf8');
}

function readSource(path: string | 0): string | null {
  const fd = path === 0 ? 0 : openSync(path, 'r');
  try {
    const bytes = readCapped(fd);
    return bytes && decode(bytes);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

function load(arg: string): { file: string; source: string } | string {
  const tooBig = (what: string) => `${what}: larger than 1 MB, which is no diagram (Mermaid reads at most 50000 characters)`;
  if (arg === '-') {
    try {
      const source = readSource(0);
      return source === null ? tooBig('<stdin>') : { file: '<stdin>', source };
    } catch (err) {
      return `cannot read stdin: ${(err as Error).message}`;
    }
  }
  if (diagramNames().includes(arg)) return { file: join(packageRoot(), 'assets', 'diagrams', `${arg}.mmd`), source: diagramSource(arg) };
  try {
    const source = readSource(arg);
    return source === null ? tooBig(arg) : { file: arg, source };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such diagram or file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    return `${arg}: ${why} (known diagrams: ${diagramNames().join(', ')})`;
  }
}

export async function run(options: Options): Promise<number> {
  const loaded = load(options.positionals[0]);
  if (typeof loaded === 'string') {
    process.stderr.write(`ipclab: ${loaded}\n`);
    return EXIT.failed;
  }
  let model: FlowModel;
  try {
    model = localize(parseFlowchart(loaded.source), loaded.source, options.lang);
  } catch (err) {
    const e = err as FlowSyntaxError;
    process.stderr.write(`${loaded.file}:${e.line}:${e.col}: ${e.reason}\n`);
    return EXIT.failed;
  }
  // --highlight ID marks an element active; done:ID marks it done
  const known = modelIds(model);
  const highlight: { active: string[]; done: string[] } = { active: [], done: [] };
  const unknown: string[] = [];
  for (const raw of options.highlight) {
    const done = raw.startsWith('done:');
    const id = done ? raw.slice(5) : raw;
    if (!known.has(id)) unknown.push(raw);
    else (done ? highlight.done : highlight.active).push(id);
  }
  if (unknown.length) {
    process.stderr.write(`ipclab: warning: no element ${unknown.map((u) => `'${u}'`).join(', ')} in this diagram (ids: ${[...known].join(', ')})\n`);
  }
  const tty = process.stdout.isTTY === true;
  const width = options.width ?? (tty && process.stdout.columns ? process.stdout.columns : undefined);
  let rendered: ReturnType<typeof renderFlow>;
  try {
    rendered = renderFlow(model, { ascii: options.ascii, width });
  } catch (err) {
    if (!(err instanceof FlowTooLargeError)) throw err;
    process.stderr.write(`ipclab: ${loaded.file}: ${err.message}\n`);
    return EXIT.failed;
  }
  const lit = highlight.active.length + highlight.done.length > 0;
  const lines = [...rendered.lines(highlight), ...(lit ? [[], legend(options.lang, options.ascii === true)] : [])];
  const marking = markingFor(options.color, process.env, tty);
  const picture = styled(lines, marking === 'plain' ? PLAIN : marking === 'color' ? COLOUR : MONO);
  process.stdout.write(`${picture}\n`);
  for (const note of rendered.notes) process.stderr.write(`ipclab: note: ${note}\n`);
  return EXIT.ok;
}
