// Argument parsing and dispatch. Each subcommand lives in src/commands/<name>.ts
// and is imported only when used, so start-up loads nothing it does not need.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { detectLang, utf8Locale } from './lang.js';
import type { Options } from './options.js';
import { COLOR_MODES, decideColor, type ColorMode } from './text/color.js';

type Command = 'tui' | 'lessons' | 'run' | 'check' | 'errata' | 'glossary' | 'ipcs' | 'diagram' | 'serv' | 'clnt' | 'clean' | 'doctor' | '_peer';

interface CommandSpec {
  usage: string;
  options: string[];
  /** how many positionals: exact count, or [min, max] */
  positionals: number;
  summary: string;
  /** internal: left out of --help */
  hidden?: boolean;
}

const COMMON = ['lang', 'ascii', 'color', 'help', 'version'];

const COMMANDS: Record<Command, CommandSpec> = {
  tui: { usage: 'ipclab [--lesson ID] [--present] [--restart]', options: ['lesson', 'present', 'restart'], positionals: 0, summary: 'the tutorial; resumes where you left off' },
  lessons: { usage: 'ipclab lessons [--json]', options: ['json'], positionals: 0, summary: 'list lesson ids and titles' },
  run: { usage: 'ipclab run ID [--json]', options: ['json'], positionals: 1, summary: "run a lesson's steps without the TUI, printing the trace" },
  check: { usage: 'ipclab check', options: [], positionals: 0, summary: 'check the lessons, their C files and diagrams' },
  errata: { usage: 'ipclab errata [--json]', options: ['json'], positionals: 0, summary: 'where the notes are wrong, and the step that shows it' },
  glossary: { usage: 'ipclab glossary [--json]', options: ['json'], positionals: 0, summary: 'the terms the lessons use, explained' },
  ipcs: { usage: 'ipclab ipcs [--json]', options: ['json'], positionals: 0, summary: 'segments as ipclab sees them (all, ours marked)' },
  diagram: { usage: 'ipclab diagram NAME|FILE|- [--ascii] [--width N] [--highlight IDS]', options: ['width', 'highlight'], positionals: 1, summary: 'draw a flowchart as text' },
  serv: { usage: 'ipclab serv [--path P] [--message TEXT]... [--timeout S]', options: ['path', 'message', 'timeout'], positionals: 0, summary: 'the server side of the serv-clnt exchange' },
  clnt: { usage: 'ipclab clnt [--path P] [--timeout S]', options: ['path', 'timeout'], positionals: 0, summary: 'the client side of the serv-clnt exchange' },
  clean: { usage: 'ipclab clean [--dry-run]', options: ['dry-run'], positionals: 0, summary: 'remove what a killed ipclab run left in the kernel' },
  doctor: { usage: 'ipclab doctor', options: [], positionals: 0, summary: 'check what ipclab needs here, each problem with its fix (exit 1 if any)' },
  _peer: { usage: 'ipclab _peer JSON', options: [], positionals: 1, summary: "a lesson's other process (internal)", hidden: true },
};

const OPTION_TYPES = {
  lang: { type: 'string' },
  ascii: { type: 'boolean' },
  color: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  width: { type: 'string' },
  highlight: { type: 'string', multiple: true },
  path: { type: 'string' },
  message: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  present: { type: 'boolean' },
  lesson: { type: 'string' },
  restart: { type: 'boolean' },
} as const;

export class UsageError extends Error {
  constructor(message: string, readonly command: Command | null) {
    super(message);
  }
}

export function helpText(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  const lines = Object.values(COMMANDS).filter((c) => !c.hidden).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return [
    'ipclab — learn System V shared memory by doing it, live against the kernel',
    '',
    'usage:',
    ...lines,
    '',
    'common options:',
    '  --lang zh|en   language of the lessons (default from LANG)',
    '  --ascii        plain ASCII drawing (the default without a UTF-8 locale)',
    '  --color WHEN   auto (default), always or never',
    '  --help, -h     this help',
    '  --version, -V  the version',
    'FORCE_COLOR=0 turns colour off and 1-3 on (even into a pipe);',
    'otherwise NO_COLOR or TERM=dumb turns it off.',
  ].join('\n');
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** An option that takes a value takes the next word, even one starting with '-', as
 *  getopt does (`--message -1`, `--timeout -1`); parseArgs would call it ambiguous. */
function attachValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') return [...out, ...argv.slice(i)];
    const name = /^--([a-z-]+)$/.exec(word)?.[1];
    const spec = name && name in OPTION_TYPES ? OPTION_TYPES[name as keyof typeof OPTION_TYPES] : null;
    if (spec?.type === 'string' && i + 1 < argv.length && argv[i + 1].startsWith('-')) out.push(`${word}=${argv[++i]}`);
    else out.push(word);
  }
  return out;
}

/** parseArgs' message as one short line in our words. */
function parseArgsProblem(message: string): string {
  const first = message.split('\n')[0].replace(/\. To specify a positional.*$/, '');
  const missing = /^Option '(-[-\w]+)(?: <value>)?' argument missing/.exec(first);
  if (missing) return `option ${missing[1]} needs a value`;
  const extra = /^Option '(-[-\w]+)' does not take an argument/.exec(first);
  if (extra) return `option ${extra[1]} takes no value`;
  return first.replace(/^Unknown option/, 'unknown option').replace(/^Option/, 'option');
}

export function parse(argv: string[], env: NodeJS.ProcessEnv = process.env, stdoutIsTTY = process.stdout.isTTY === true): { command: Command; options: Options; help: boolean; version: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: attachValues(argv), options: OPTION_TYPES, allowPositionals: true, strict: true });
  } catch (err) {
    const first = argv.find((a) => !a.startsWith('-'));
    const command = first && first in COMMANDS && first !== 'tui' ? (first as Command) : null;
    throw new UsageError(parseArgsProblem((err as Error).message), command);
  }
  const { values, positionals } = parsed;
  let command: Command = 'tui';
  const rest = [...positionals];
  if (rest.length > 0) {
    const name = rest.shift()!;
    if (!(name in COMMANDS) || name === 'tui') throw new UsageError(`unknown command '${name}'`, null);
    command = name as Command;
  }
  const spec = COMMANDS[command];
  const help = values.help === true;
  const showVersion = values.version === true;
  if (!help && !showVersion) {
    for (const key of Object.keys(values)) {
      if (!COMMON.includes(key) && !spec.options.includes(key)) {
        throw new UsageError(command === 'tui' ? `option --${key} needs a command` : `option --${key} does not apply to '${command}'`, command);
      }
    }
    if (rest.length !== spec.positionals) {
      throw new UsageError(
        rest.length < spec.positionals ? `'${command}' needs ${spec.usage.split(' ')[2]}` : `unexpected argument '${rest[spec.positionals]}'`,
        command,
      );
    }
  }
  const lang = values.lang ?? detectLang(env);
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang takes zh or en, not '${lang}'`, command);
  let width: number | undefined;
  if (values.width !== undefined) {
    width = Number(values.width);
    if (!/^\d+$/.test(values.width) || width < 20 || width > 1000) throw new UsageError(`--width takes a whole number of columns from 20 to 1000, not '${values.width}'`, command);
  }
  let timeout = 30;
  if (values.timeout !== undefined) {
    timeout = Number(values.timeout);
    if (!/^(\d+\.?\d*|\.\d+)$/.test(values.timeout) || !(timeout > 0)) throw new UsageError(`--timeout takes a number of seconds above 0, not '${values.timeout}'`, command);
  }
  const colorMode = (values.color ?? 'auto') as ColorMode;
  if (!COLOR_MODES.includes(colorMode)) throw new UsageError(`--color takes auto, always or never, not '${values.color}'`, command);
  if (values.path === '') throw new UsageError('--path takes the path of a file, not an empty string', command);
  return {
    command,
    help,
    version: showVersion,
    options: {
      lang,
      ascii: values.ascii === true || !utf8Locale(env),
      colorMode,
      color: decideColor(colorMode, env, stdoutIsTTY).on,
      json: values.json === true,
      dryRun: values['dry-run'] === true,
      width,
      highlight: (values.highlight ?? []).flatMap((h) => h.split(',')).map((h) => h.trim()).filter(Boolean),
      path: values.path,
      messages: values.message,
      timeout,
      present: values.present === true,
      lesson: values.lesson,
      restart: values.restart === true,
      positionals: rest,
    },
  };
}

const LOADERS: Record<Command, () => Promise<{ run(options: Options): Promise<number> }>> = {
  tui: () => import('./commands/tui.js'),
  lessons: () => import('./commands/lessons.js'),
  run: () => import('./commands/run.js'),
  check: () => import('./commands/check.js'),
  errata: () => import('./commands/errata.js'),
  glossary: () => import('./commands/glossary.js'),
  ipcs: () => import('./commands/ipcs.js'),
  diagram: () => import('./commands/diagram.js'),
  serv: () => import('./commands/serv.js'),
  clnt: () => import('./commands/clnt.js'),
  clean: () => import('./commands/clean.js'),
  doctor: () => import('./commands/doctor.js'),
  _peer: () => import('./commands/peer.js'),
};

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`ipclab: ${err.message}\nusage: ${err.command ? COMMANDS[err.command].usage : 'ipclab [COMMAND] [OPTIONS] (ipclab --help lists them)'}\n`);
    return 2;
  }
  if (parsed.version) {
    process.stdout.write(`ipclab ${version()}\n`);
    return 0;
  }
  if (parsed.help) {
    process.stdout.write(parsed.command === 'tui' ? `${helpText()}\n` : `usage: ${COMMANDS[parsed.command].usage}\n${COMMANDS[parsed.command].summary}\n`);
    return 0;
  }
  const mod = await LOADERS[parsed.command]();
  return mod.run(parsed.options);
}
