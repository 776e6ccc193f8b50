// The words of the command line's own errors, in both languages: what is wrong, in one
// line, and what would be right. src/cli.ts prints them with the usage line after.
import type { Lang } from './lang.js';
import { closest } from './text/closest.js';

const EN = {
  usage: 'usage: ',
  /** the usage line when no command is known */
  anyCommand: 'ipclab [COMMAND] [OPTIONS] (ipclab --help lists them)',
  didYouMean: (word: string) => `; did you mean '${word}'?`,
  unknownCommand: (name: string) => `unknown command '${name}'`,
  unknownOption: (raw: string) => `unknown option '${raw}'`,
  needsValue: (raw: string) => `option ${raw} needs a value`,
  takesNoValue: (raw: string) => `option ${raw} takes no value`,
  needsCommand: (name: string) => `option --${name} needs a command`,
  notFor: (name: string, command: string) => `option --${name} does not apply to '${command}'`,
  needsArgument: (command: string, arg: string) => `'${command}' needs ${arg}`,
  unexpected: (arg: string) => `unexpected argument '${arg}'`,
  takes: (what: string, words: readonly string[], value: string) => `${what} takes ${words.slice(0, -1).join(', ')} or ${words.at(-1)}, not '${value}'`,
  width: (value: string) => `--width takes a whole number of columns from 20 to 1000, not '${value}'`,
  timeout: (value: string) => `--timeout takes a number of seconds above 0, not '${value}'`,
  emptyPath: '--path takes the path of a file, not an empty string',
  cannotRun: (why: string) => `this system cannot run ipclab: ${why}`,
  noLesson: (id: string) => `no lesson '${id}'`,
  theLessons: (ids: readonly string[]) => `; the lessons are ${ids.join(', ')}`,
  needsTerminal:
    'the tutorial needs a terminal; without one, `ipclab run ID` runs a lesson and prints its trace (`ipclab lessons` lists the ids, `ipclab run shmat --json` gives JSON lines)',
};

export type UsageErrors = typeof EN;

const ZH: UsageErrors = {
  usage: '用法：',
  anyCommand: 'ipclab [命令] [选项]（ipclab --help 列出全部）',
  didYouMean: (word) => `；你是想用 '${word}' 吗？`,
  unknownCommand: (name) => `未知的命令 '${name}'`,
  unknownOption: (raw) => `未知的选项 '${raw}'`,
  needsValue: (raw) => `选项 ${raw} 需要一个值`,
  takesNoValue: (raw) => `选项 ${raw} 不接受值`,
  needsCommand: (name) => `选项 --${name} 需要和命令一起用`,
  notFor: (name, command) => `选项 --${name} 不适用于 '${command}'`,
  needsArgument: (command, arg) => `'${command}' 需要参数 ${arg}`,
  unexpected: (arg) => `多余的参数 '${arg}'`,
  takes: (what, words, value) => `${what} 只接受 ${words.slice(0, -1).join('、')} 或 ${words.at(-1)}，不接受 '${value}'`,
  width: (value) => `--width 需要 20 到 1000 之间的整数列数，不接受 '${value}'`,
  timeout: (value) => `--timeout 需要大于 0 的秒数，不接受 '${value}'`,
  emptyPath: '--path 需要一个文件路径，不能为空',
  cannotRun: (why) => `本系统无法运行 ipclab：${why}`,
  noLesson: (id) => `没有课程 '${id}'`,
  theLessons: (ids) => `；现有的课程：${ids.join('、')}`,
  needsTerminal: '教程需要在终端中运行；没有终端时，`ipclab run ID` 运行一课并打印调用记录（`ipclab lessons` 列出课程 ID，`ipclab run shmat --json` 输出 JSON 行）',
};

/** "no lesson 'shmgte'; did you mean 'shmget'?", or the list of lessons when none is near. */
export function noLesson(lang: Lang, id: string, ids: readonly string[]): string {
  const say = USAGE_ERRORS[lang];
  const near = closest(id, ids);
  return say.noLesson(id) + (near ? say.didYouMean(near) : say.theLessons(ids));
}

export const USAGE_ERRORS: Record<Lang, UsageErrors> = { en: EN, zh: ZH };
