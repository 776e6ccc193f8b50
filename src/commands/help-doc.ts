// The help of ipclab and of each command as a document (title lines, paragraphs, lists
// of terms), chosen from src/commands/specs.ts. `--help` prints it as text (help.ts),
// the man page renders it in roff (man-page.ts): the two say the same by construction.
import { EXIT } from '../exit-codes.js';
import type { Lang } from '../lang.js';
import { COMMANDS, COMMON, COMMON_EXITS, ENVIRONMENT, FILES, namedCommands, OPTIONS, TAGLINE, type Command, type FileName, type OptionName } from './specs.js';

export interface Entry {
  term: string;
  text: string;
}

export interface Section {
  title: string;
  entries: Entry[];
}

export interface Doc {
  /** the synopsis lines */
  usage: string[];
  /** paragraphs under the usage */
  text: string[];
  sections: Section[];
}

const HEADINGS = {
  en: { usage: 'usage', anyCommand: 'ipclab COMMAND [OPTIONS]', commands: 'commands', arguments: 'arguments', options: 'options', tutorial: "the tutorial's options", common: 'options of every command', environment: 'environment', files: 'files', exit: 'exit status', default: 'default: ', more: 'More about one command: `ipclab help COMMAND` or `ipclab COMMAND --help`.' },
  zh: { usage: '用法', anyCommand: 'ipclab 命令 [选项]', commands: '命令', arguments: '参数', options: '选项', tutorial: '教程的选项', common: '所有命令通用的选项', environment: '环境变量', files: '文件', exit: '退出状态', default: '默认：', more: '某个命令的详细说明：`ipclab help 命令` 或 `ipclab 命令 --help`。' },
} as const;

export type Headings = (typeof HEADINGS)[Lang];

export function headings(lang: Lang): Headings {
  return HEADINGS[lang];
}

/** `--lang zh|en`, `-h, --help` */
export function optionTerm(name: OptionName): string {
  const o = OPTIONS[name];
  const long = `--${name}${'value' in o ? ` ${o.value}` : ''}`;
  return 'short' in o ? `-${o.short}, ${long}` : long;
}

function optionEntries(names: readonly OptionName[], lang: Lang): Entry[] {
  return names.map((name) => {
    const o = OPTIONS[name];
    const text = 'default' in o ? `${o.help[lang]}\n${HEADINGS[lang].default}${o.default[lang]}` : o.help[lang];
    return { term: optionTerm(name), text };
  });
}

function fileEntries(names: readonly FileName[], lang: Lang): Entry[] {
  return names.map((name) => ({ term: FILES[name].path, text: FILES[name].help[lang] }));
}

function exitEntries(command: Command, lang: Lang): Entry[] {
  const own = COMMANDS[command].exits;
  return [
    { term: String(EXIT.ok), text: own.ok[lang] },
    ...(own.failed ? [{ term: String(EXIT.failed), text: own.failed[lang] }] : []),
    { term: String(EXIT.usage), text: (own.usage ?? COMMON_EXITS.usage)[lang] },
    { term: String(EXIT.environment), text: (own.environment ?? COMMON_EXITS.environment)[lang] },
    { term: '128+n', text: COMMON_EXITS.signal[lang] },
  ];
}

function environment(lang: Lang): Entry[] {
  return ENVIRONMENT.map((e) => ({ term: e.name, text: e.help[lang] }));
}

/** `ipclab --help`: every command, the tutorial's and the common options, and what
 *  applies to all of them. */
export function overviewDoc(lang: Lang): Doc {
  const h = HEADINGS[lang];
  const tui = COMMANDS.tui;
  return {
    usage: [tui.usage, h.anyCommand],
    text: [`ipclab — ${TAGLINE[lang]}`, tui.about![lang], h.more],
    sections: [
      { title: h.commands, entries: (['tui', ...namedCommands()] as Command[]).map((c) => ({ term: COMMANDS[c].usage, text: COMMANDS[c].summary[lang] })) },
      { title: h.tutorial, entries: optionEntries(tui.options, lang) },
      { title: h.common, entries: optionEntries(COMMON, lang) },
      { title: h.environment, entries: environment(lang) },
      { title: h.files, entries: fileEntries(Object.keys(FILES) as FileName[], lang) },
      { title: h.exit, entries: exitEntries('tui', lang) },
    ],
  };
}

/** One command's help; the tutorial's is the overview. */
export function commandDoc(command: Command, lang: Lang): Doc {
  if (command === 'tui') return overviewDoc(lang);
  const h = HEADINGS[lang];
  const spec = COMMANDS[command];
  const sections: Section[] = [];
  if (spec.args.length) sections.push({ title: h.arguments, entries: spec.args.map((a) => ({ term: a.name, text: a.help[lang] })) });
  if (spec.options.length) sections.push({ title: h.options, entries: optionEntries(spec.options, lang) });
  sections.push({ title: h.common, entries: optionEntries(COMMON, lang) }, { title: h.environment, entries: environment(lang) });
  if (spec.files.length) sections.push({ title: h.files, entries: fileEntries(['state', ...spec.files], lang) });
  sections.push({ title: h.exit, entries: exitEntries(command, lang) });
  return { usage: [spec.usage], text: [spec.summary[lang], ...(spec.about ? [spec.about[lang]] : [])], sections };
}
