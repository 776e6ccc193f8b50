// `ipclab diagram NAME|FILE|- [--ascii] [--width N] [--highlight IDS]`: draws a flowchart.
// The picture goes to stdout; notes and warnings go to stderr, one line each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Options } from '../cli.js';
import { packageRoot } from '../paths.js';
import { diagramNames, diagramSource, FlowSyntaxError, modelIds, parseFlowchart, renderFlow, type FlowModel, type Highlight, type StyledLine, type Tone } from '../flow/index.js';

/** ANSI styles per tone: bold yellow for what just happened, green for what is done. */
const COLOUR: Record<Tone, string> = { plain: '', frame: '', title: '\x1b[1m', label: '\x1b[36m', active: '\x1b[1;33m', done: '\x1b[32m' };
/** Without colour (NO_COLOR) a terminal still shows bold; the heavier lines mark the rest. */
const MONO: Record<Tone, string> = { plain: '', frame: '', title: '\x1b[1m', label: '', active: '\x1b[1m', done: '' };

function styled(lines: StyledLine[], styles: Record<Tone, string>): string {
  return lines
    .map((runs) => {
      let out = '';
      for (const run of runs) out += styles[run.tone] ? `${styles[run.tone]}${run.text}\x1b[0m` : run.text;
      return out.replace(/ +$/, '');
    })
    .join('\n');
}

function load(arg: string): { file: string; source: string } | string {
  if (arg === '-') {
    try {
      return { file: '<stdin>', source: readFileSync(0, 'utf8') };
    } catch (err) {
      return `cannot read stdin: ${(err as Error).message}`;
    }
  }
  if (diagramNames().includes(arg)) return { file: join(packageRoot(), 'assets', 'diagrams', `${arg}.mmd`), source: diagramSource(arg) };
  try {
    return { file: arg, source: readFileSync(arg, 'utf8') };
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
    return 1;
  }
  let model: FlowModel;
  try {
    model = parseFlowchart(loaded.source);
  } catch (err) {
    const e = err as FlowSyntaxError;
    process.stderr.write(`${loaded.file}:${e.line}:${e.col}: ${e.reason}\n`);
    return 1;
  }
  // --highlight ID marks an element active; done:ID marks it done
  const known = modelIds(model);
  const highlight: Required<Highlight> = { active: [], done: [] };
  const unknown: string[] = [];
  for (const raw of options.highlight) {
    const done = raw.startsWith('done:');
    const id = done ? raw.slice(5) : raw;
    if (!known.has(id)) unknown.push(raw);
    else (done ? (highlight.done as string[]) : (highlight.active as string[])).push(id);
  }
  if (unknown.length) {
    process.stderr.write(`ipclab: warning: no element ${unknown.map((u) => `'${u}'`).join(', ')} in this diagram (ids: ${[...known].join(', ')})\n`);
  }
  const tty = process.stdout.isTTY === true;
  const width = options.width ?? (tty && process.stdout.columns ? process.stdout.columns : undefined);
  const rendered = renderFlow(model, { ascii: options.ascii, width });
  const picture = tty ? styled(rendered.lines(highlight), options.color ? COLOUR : MONO) : rendered.text(highlight);
  process.stdout.write(`${picture}\n`);
  for (const note of rendered.notes) process.stderr.write(`ipclab: note: ${note}\n`);
  return 0;
}
