// Rules of style every text ipclab shows follows, in both languages: `ipclab check` applies
// them to lesson texts, the glossary, the errata (src/lessons/validate.ts) and the screen's
// string tables (src/commands/check.ts).
import type { Lang } from '../lang.js';

/** English is written with the ASCII apostrophe ("the lesson's"), never a curly one. */
const CURLY = /[‘’]/;

/** A lesson named as if it were a step of a call: "shmctl step 4", "shmctl 第 4 步".
 *  A lesson is named as a lesson: "lesson 6 (shmctl), step 4", "第 6 课（shmctl）第 4 步". */
function bareStep(ids: readonly string[], lang: Lang): RegExp | undefined {
  if (ids.length === 0) return undefined;
  const names = ids.map((id) => id.replace(/[-]/g, '\\-')).join('|');
  return lang === 'en' ? new RegExp(`(?<![A-Za-z0-9_(-])(?:${names})\\s+steps?\\s+\\d`) : new RegExp(`(?<![A-Za-z0-9_-])(?:${names})\\s*第\\s*\\d+\\s*步`);
}

/** A lesson by its number alone ("lesson 7", "第 7 课") tells a learner little: its name
 *  follows ("lesson 7 (parent and child)", "lesson 7, parent and child,", "第 7 课（父子进程）"). */
const BARE_NUMBER = { en: /\blesson \d+(?!\d)(?!\s*[(,])/, zh: /第 ?\d+ ?课(?!（)/ } as const;

/** After ": " an English text goes on in lower case ("the notes' errata: a key is…"), unless
 *  the word is a name: a capitalised word there reads as a new sentence glued to a label. */
const CAPITAL_AFTER_COLON = /: ([A-Z][a-z]*)(?= [A-Za-z0-9]|'s )/g;
const NAMES = new Set([
  // P and V of a semaphore, programs and languages
  ...['P', 'V', 'C', 'Node', 'Linux', 'JavaScript', 'Chinese', 'English', 'System', 'Mermaid'],
  // keys and the panes of the screen
  ...['Ctrl', 'Enter', 'Esc', 'Tab', 'Space', 'Home', 'End', 'PgUp', 'PgDn', 'Flow', 'Kernel', 'Trace', 'Challenge'],
]);

export interface StyleOptions {
  /** lesson ids, for the step rule */
  lessons?: readonly string[];
  /** also require a lesson number to come with its name (lesson text, not the menu's "lesson 1") */
  numbers?: boolean;
}

/** What departs from the rules in one text of language `lang`, one phrase each. */
export function styleProblems(text: string, lang: Lang, options: StyleOptions = {}): string[] {
  const problems: string[] = [];
  if (lang === 'en') {
    const curly = CURLY.exec(text);
    if (curly) problems.push(`writes a curly ${curly[0]} ("${text.slice(Math.max(0, curly.index - 12), curly.index + 3)}"): use the ASCII apostrophe '`);
    const capital = [...text.matchAll(CAPITAL_AFTER_COLON)].find((m) => !NAMES.has(m[1]!));
    if (capital) problems.push(`goes on after a colon with a capital ("${text.slice(Math.max(0, capital.index - 12), capital.index + 8)}"): lower case unless a name`);
  }
  const step = bareStep(options.lessons ?? [], lang)?.exec(text);
  if (step) problems.push(`names a lesson as a step of a call ("${step[0]}"): write ${lang === 'en' ? '"lesson N (name), step M"' : '"第 N 课（名称）第 M 步"'}`);
  const number = options.numbers ? BARE_NUMBER[lang].exec(text) : null;
  if (number) problems.push(`names "${number[0]}" by its number alone: add its name, ${lang === 'en' ? '"lesson N (name)"' : '"第 N 课（名称）"'}`);
  return problems;
}

/** Every text of both languages ({ en, zh } of strings) inside `value`, however deep:
 *  a lesson, the glossary, the errata, the key bindings, the commands' help. Functions
 *  (a checkpoint's live explanation) are not looked into. */
export function textsIn(value: unknown, seen = new Set<object>()): { en: string; zh: string }[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const record = value as Record<string, unknown>;
  if (typeof record.en === 'string' && typeof record.zh === 'string') return [{ en: record.en, zh: record.zh }];
  return Object.values(record).flatMap((v) => textsIn(v, seen));
}

/** styleProblems of every text inside `value` (textsIn), one line each, led by `where`. */
export function textStyleProblems(where: string, value: unknown, options: StyleOptions = {}): string[] {
  return textsIn(value).flatMap((text) =>
    (['en', 'zh'] as const).flatMap((lang) => styleProblems(text[lang], lang, options).map((p) => `${where}: the ${lang} text "${clip(text[lang])}" ${p}`)),
  );
}

/** The start of a text, to find it by. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
