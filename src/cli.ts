// Argument parsing and dispatch, from the table of commands in src/commands/specs.ts.
// Each command's module is imported only when used, so start-up loads nothing it does
// not need. Errors are one line in the learner's language, then the usage line; exit 2.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { COMMANDS, COMMON, namedCommands, OPTIONS, type Command, type OptionName } from './commands/specs.js';
import { EXIT } from './exit-codes.js';
import { NativeUnavailable } from './native/libc.js';
import { setLaunchParent } from './launch-parent.js';
import { buildIsStale, setBuildCheck } from './build-check.js';
import { keptWords, setBundleKey } from './app/kept-layout.js';
import { keepFound } from './lessons/glossary.js';
import { setLayoutWasm } from './app/layout-wasm.js';
import { type FirstFrame, setFirstFrame } from './first-frame.js';
import { detectLang, utf8Locale, type Lang } from './lang.js';
import type { Options } from './options.js';
import { closest } from './text/closest.js';
import { COLOR_MODES, decideColor, type ColorMode } from './text/color.js';
import { USAGE_ERRORS } from './usage-errors.js';

export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: Command | null,
    readonly lang: Lang,
  ) {
    super(message);
  }
}

const PARSE_OPTIONS = Object.fromEntries(
  Object.entries(OPTIONS).map(([name, o]) => [name, { type: o.type, ...('short' in o ? { short: o.short } : {}), ...('multiple' in o ? { multiple: o.multiple } : {}) }]),
) as Record<OptionName, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

type Values = { [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'string' ? ((typeof OPTIONS)[K] extends { multiple: true } ? string[] : string) : boolean };

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Every command word the parser takes: the named commands and the internal ones. */
const COMMAND_WORDS = (Object.keys(COMMANDS) as Command[]).filter((c) => c !== 'tui');

function isOption(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

/** An option that takes a value takes the next word, even one starting with '-', as
 *  getopt does (`--message -1`, `--timeout -1`); parseArgs would take it for an option. */
function attachValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') return [...out, ...argv.slice(i)];
    const name = /^--([a-z-]+)$/.exec(word)?.[1];
    if (name && isOption(name) && OPTIONS[name].type === 'string' && i + 1 < argv.length && argv[i + 1].startsWith('-')) out.push(`${word}=${argv[++i]}`);
    else out.push(word);
  }
  return out;
}

/** The options `command` takes, as --name. */
function optionWords(command: Command): string[] {
  return [...COMMANDS[command].options, ...COMMON].map((o) => `--${o}`);
}

export function parse(argv: string[], env: NodeJS.ProcessEnv = process.env, stdoutIsTTY = process.stdout.isTTY === true): { command: Command; options: Options; help: boolean; version: boolean } {
  const { values: raw, positionals, tokens } = parseArgs({ args: attachValues(argv), options: PARSE_OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const values = raw as Values;
  // the language of the errors too: a good --lang, else the locale
  const lang: Lang = values.lang === 'zh' || values.lang === 'en' ? values.lang : detectLang(env);
  const say = USAGE_ERRORS[lang];
  const first = positionals[0];
  const named = first !== undefined && (COMMAND_WORDS as string[]).includes(first) ? (first as Command) : null;
  const fail = (message: string, command: Command | null = named): never => {
    throw new UsageError(message, command, lang);
  };
  const near = (word: string | null) => (word ? say.didYouMean(word) : '');

  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!isOption(token.name)) {
      const words = optionWords(named ?? 'tui').concat(named ? [] : Object.keys(OPTIONS).map((o) => `--${o}`));
      fail(say.unknownOption(token.rawName) + near(token.rawName.startsWith('--') ? closest(token.rawName, [...new Set(words)]) : null));
    }
    const spec = OPTIONS[token.name as OptionName];
    if (spec.type === 'string' && token.value === undefined) fail(say.needsValue(token.rawName));
    if (spec.type === 'boolean' && token.inlineValue) fail(say.takesNoValue(token.rawName));
  }
  let command: Command = 'tui';
  const rest = positionals.slice(1);
  if (first !== undefined) {
    if (!named) fail(say.unknownCommand(first) + near(closest(first, namedCommands())), null);
    command = named!;
  }
  const spec = COMMANDS[command];
  const help = values.help === true;
  const showVersion = values.version === true;
  if (!help && !showVersion) {
    for (const key of Object.keys(values) as OptionName[]) {
      if (!COMMON.includes(key) && !spec.options.includes(key)) fail(command === 'tui' ? say.needsCommand(key) : say.notFor(key, command));
    }
    const required = spec.args.filter((a) => !a.optional).length;
    if (rest.length < required) fail(say.needsArgument(command, spec.args[rest.length].name));
    if (rest.length > spec.args.length) fail(say.unexpected(rest[spec.args.length]));
    // an argument from a closed set is checked here, in the learner's language
    rest.forEach((value, i) => {
      const { complete } = spec.args[i];
      if (complete === 'commands' && !(namedCommands() as string[]).includes(value)) fail(say.unknownCommand(value) + near(closest(value, namedCommands())));
      if (Array.isArray(complete) && !complete.includes(value)) fail(say.takes(`'${command}'`, complete, value) + near(closest(value, complete)));
    });
  }
  if (values.lang !== undefined && values.lang !== lang) fail(say.takes('--lang', OPTIONS.lang.complete, values.lang));
  let width: number | undefined;
  if (values.width !== undefined) {
    width = Number(values.width);
    if (!/^\d+$/.test(values.width) || width < 20 || width > 1000) fail(say.width(values.width));
  }
  let timeout = 30;
  if (values.timeout !== undefined) {
    timeout = Number(values.timeout);
    if (!/^(\d+\.?\d*|\.\d+)$/.test(values.timeout) || !(timeout > 0)) fail(say.timeout(values.timeout));
  }
  if (values.path === '') fail(say.emptyPath);
  const colorMode = (values.color ?? 'auto') as ColorMode;
  if (!COLOR_MODES.includes(colorMode)) fail(say.takes('--color', COLOR_MODES, values.color!));
  return {
    command,
    help,
    version: showVersion,
    options: {
      lang,
      // without a UTF-8 locale, box drawing would come out as mojibake
      ascii: values.ascii === true || !utf8Locale(env),
      colorMode,
      color: decideColor(colorMode, env, stdoutIsTTY).on,
      json: values.json === true,
      all: values.all === true,
      dryRun: values['dry-run'] === true,
      width,
      highlight: (values.highlight ?? []).flatMap((h) => h.split(',')).map((h) => h.trim()).filter(Boolean),
      path: values.path,
      messages: values.message,
      timeout,
      present: values.present === true,
      quiz: values['no-quiz'] !== true,
      lesson: values.lesson,
      restart: values.restart === true,
      challenge: values.challenge,
      keepGoing: values['keep-going'] === true,
      allowForeign: values['allow-foreign'] === true,
      positionals: rest,
    },
  };
}

/** Runs the command line; resolves to the exit status (src/exit-codes.ts). */
/** bin/ipclab.mjs reads it: this bundle asks the checkout's build check itself (buildCheck
 *  below), so bin need not ask before it starts the bundle. */
export const checksBuild = true;

export async function main(
  argv: string[],
  launch: { parent?: number; bundle?: string; layout?: Promise<WebAssembly.Module | undefined>; buildCheck?: () => boolean; firstFrame?: FirstFrame } = {},
): Promise<number> {
  if (launch.parent !== undefined) setLaunchParent(launch.parent);
  // a stale build stops here, having done nothing (bin rebuilds and starts again); the
  // tutorial asks after its first frame instead (src/build-check.ts). An internal command
  // (`_peer`) is not asked: ipclab started it and holds its pid (the lesson's kill, lpid,
  // process list), and bin's restart would run it on as a child, another pid (issue 16:
  // serv-clnt 2's "lpid is 11557, expected 11168" after src/ changed mid-lesson)
  const internal = argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) && COMMANDS[argv[0] as Command].hidden === true;
  if (launch.buildCheck !== undefined && !internal) setBuildCheck(launch.buildCheck);
  if (launch.bundle !== undefined) {
    setBundleKey(launch.bundle);
    keepFound(keptWords);
  }
  if (launch.layout !== undefined) setLayoutWasm(launch.layout);
  if (launch.firstFrame !== undefined) setFirstFrame(launch.firstFrame);
  let parsed;
  try {
    parsed = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (buildIsStale()) return EXIT.ok;
    const say = USAGE_ERRORS[err.lang];
    process.stderr.write(`ipclab: ${err.message}\n${say.usage}${err.command ? COMMANDS[err.command].usage : say.anyCommand}\n`);
    return EXIT.usage;
  }
  if ((parsed.command !== 'tui' || parsed.version || parsed.help) && buildIsStale()) return EXIT.ok;
  if (parsed.version) {
    process.stdout.write(`ipclab ${version()}\n`);
    return EXIT.ok;
  }
  if (parsed.help) {
    const { helpText } = await import('./commands/help.js');
    process.stdout.write(`${helpText(parsed.options.lang, parsed.command)}\n`);
    return EXIT.ok;
  }
  const cannotRun = (err: unknown) => {
    process.stderr.write(`ipclab: ${USAGE_ERRORS[parsed.options.lang].cannotRun(String((err as Error).message).split('\n')[0])}\n`);
    return EXIT.environment;
  };
  let mod;
  try {
    mod = await COMMANDS[parsed.command].load();
  } catch (err) {
    // what fails as a command's modules load is the machine, not the input
    return cannotRun(err);
  }
  try {
    return await mod.run(parsed.options);
  } catch (err) {
    // koffi loads on the first libc call (src/native/libc.ts)
    if (err instanceof NativeUnavailable) return cannotRun(err);
    throw err;
  }
}
