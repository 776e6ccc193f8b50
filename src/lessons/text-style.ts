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

/** A lesson by its id alone ("numbered messages in serv-clnt", "serv-clnt 则给消息编号") is
 *  a name from the command line, not one the learner met: "lesson 8 (server and client)",
 *  "第 8 课（服务端与客户端）". Only the ids with a hyphen: the others are also the names of
 *  calls (shmget) or words (race). A file (serv-clnt.c), a diagram (serv-clnt-2), code in
 *  backticks and an id in quotes (the source's 'serv-clnt') are not lessons. */
function bareId(ids: readonly string[]): RegExp | undefined {
  const names = ids.filter((id) => id.includes('-')).map((id) => id.replace(/[-]/g, '\\-'));
  return names.length ? new RegExp(`(?<![A-Za-z0-9_.\`/'"-])(?:${names.join('|')})(?![A-Za-z0-9_\`/"-]|'(?![a-z])|\\.[a-z])`) : undefined;
}

/** After ": " an English text goes on in lower case ("the notes' errata: a key is…"), unless
 *  the word is a name: a capitalised word there reads as a new sentence glued to a label. */
const CAPITAL_AFTER_COLON = /: ([A-Z][a-z]*)(?= [A-Za-z0-9]|'s )/g;
const NAMES = new Set([
  // P and V of a semaphore, programs and languages
  ...['P', 'V', 'C', 'Node', 'Linux', 'JavaScript', 'Chinese', 'English', 'System', 'Mermaid'],
  // keys and the panes of the screen
  ...['Ctrl', 'Enter', 'Esc', 'Tab', 'Space', 'Home', 'End', 'PgUp', 'PgDn', 'Flow', 'Kernel', 'Trace', 'Challenge'],
]);

/** A text put after a template's colon mid-sentence ("…they show: same arguments…"): its
 *  first word in lower case, by the rule above, unless a name. */
export function afterColon(text: string, lang: Lang): string {
  if (lang !== 'en') return text;
  const first = /^([A-Z][a-z]*)(?= [A-Za-z0-9]|'s )/.exec(text);
  return first && !NAMES.has(first[1]!) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** A sentence that strings clauses on colons ("failed with ENOENT: the file does not exist:
 *  ftok needs…") makes the reader work out which colon explains which: one colon a clause.
 *  A list's items after semicolons ("●: made here; ○: another's") are clauses of their own;
 *  code in backticks, what brackets hold ("(e: errata, g: glossary)") and clock times aside. */
function colonChain(text: string, lang: Lang): string | undefined {
  let prose = text.replace(/`[^`]*`/g, '`…`').replace(/\d:\d/g, '');
  // innermost brackets first: "(and root: lesson 6 (shmctl), step 4)"
  for (let last = ''; last !== prose; ) [last, prose] = [prose, prose.replace(/\([^()]*\)|（[^（）]*）/g, '')];
  const sentences = lang === 'en' ? prose.split(/(?<=[.!?])\s+|[;\n]/) : prose.split(/[。！？；;\n]/);
  return sentences.find((sentence) => (sentence.match(/[:：]/g) ?? []).length >= 2);
}

/** Brackets inside brackets ("（以及 root，见第 6 课（shmctl）第 4 步）", "(and root, as lesson 6
 *  (shmctl), step 4 shows)") make the reader hold two asides at once: one level, the rest a
 *  sentence of its own. A call's own brackets (shmctl(id, IPC_RMID, NULL), f(g(x))) and code
 *  in backticks are no aside: an ASCII bracket is one only after a space, the start or
 *  full-width punctuation; a full-width one always is. */
function nestedBrackets(text: string): string | undefined {
  const prose = text.replace(/`[^`]*`/g, '`…`');
  const open: { aside: boolean; at: number }[] = [];
  for (let i = 0; i < prose.length; i++) {
    const c = prose[i]!;
    if (c === '(' || c === '（') {
      const aside = c === '（' || i === 0 || /[\s\u3000-\u303f\uff00-\uffef]/.test(prose[i - 1]!);
      if (aside && open.some((o) => o.aside)) return prose.slice(open.find((o) => o.aside)!.at, i + 12);
      open.push({ aside, at: i });
    } else if ((c === ')' || c === '）') && open.length) open.pop();
  }
  return undefined;
}

/** Chinese spacing: no half-width space after full-width punctuation ("映射。 权限"), none
 *  between two Chinese characters ("文件 不动"), none between Chinese and a full-width
 *  opening quote ("好让 “内核”窗格"), and none before a full-width opening bracket, whatever
 *  comes before it ("IPC_PRIVATE （key 为 0）", "见第 6 课 （shmctl）": the bracket brings its
 *  own space); a space between Chinese and Latin is the writer's choice. */
const ZH_SPACE_AFTER_PUNCT = /[，。：；！？、）】」』”] /;
const ZH_SPACE_BETWEEN = /[\u4e00-\u9fff] +[\u4e00-\u9fff]/;
const ZH_SPACE_BEFORE_QUOTE = /[\u4e00-\u9fff] +[“‘]/;
const ZH_SPACE_BEFORE_BRACKET = / +[（【「『《〈〔]/;

/** A half-width space before a full-width opening bracket in a Chinese text, code in
 *  backticks aside: `ipclab check` holds every zh text of every lesson to it, those built
 *  while a lesson runs too (validate.ts zhSpacingProblems). The phrase, or undefined. */
export function spaceBeforeBracket(text: string): string | undefined {
  const prose = text.replace(/`[^`]*`/g, '``');
  const space = ZH_SPACE_BEFORE_BRACKET.exec(prose);
  return space ? `has a half-width space before a full-width opening bracket ("${prose.slice(Math.max(0, space.index - 6), space.index + space[0].length + 4)}"): remove it` : undefined;
}

/** Three dots are C's variadic "..." only in C code (the C pane, a step's `code`): prose
 *  writes the ellipsis "…". */
const THREE_DOTS = /\.\.\./;

export interface StyleOptions {
  /** lesson ids, for the step rule */
  lessons?: readonly string[];
  /** also require a lesson number to come with its name (lesson text, not the menu's "lesson 1") */
  numbers?: boolean;
  /** also the rules of prose a learner reads in a lesson, the glossary and the errata: one
   *  colon a clause, Chinese spacing, the ellipsis (not the screen's templates and key labels) */
  prose?: boolean;
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
  const chain = options.prose ? colonChain(text, lang) : undefined;
  if (chain) problems.push(`chains colons in one sentence ("${clip(chain.trim())}"): one colon a sentence; make the rest sentences or brackets`);
  const nested = options.prose ? nestedBrackets(text) : undefined;
  if (nested) problems.push(`puts brackets inside brackets ("${clip(nested)}"): one level; make the rest a sentence of its own`);
  if (options.prose && lang === 'zh') {
    for (const [rule, where] of [[ZH_SPACE_AFTER_PUNCT, 'after full-width punctuation'], [ZH_SPACE_BETWEEN, 'between Chinese characters'], [ZH_SPACE_BEFORE_QUOTE, 'before a full-width opening quote']] as const) {
      const space = rule.exec(text);
      if (space) problems.push(`has a half-width space ${where} ("${text.slice(Math.max(0, space.index - 6), space.index + space[0].length + 4)}"): remove it`);
    }
    const bracket = spaceBeforeBracket(text);
    if (bracket) problems.push(bracket);
  }
  const dots = options.prose ? THREE_DOTS.exec(text) : null;
  if (dots) problems.push(`writes "..." ("${text.slice(Math.max(0, dots.index - 12), dots.index + 6)}"): prose writes the ellipsis …`);
  const step = bareStep(options.lessons ?? [], lang)?.exec(text);
  if (step) problems.push(`names a lesson as a step of a call ("${step[0]}"): write ${lang === 'en' ? '"lesson N (name), step M"' : '"第 N 课（名称）第 M 步"'}`);
  const number = options.numbers ? BARE_NUMBER[lang].exec(text) : null;
  if (number) problems.push(`names "${number[0]}" by its number alone: add its name, ${lang === 'en' ? '"lesson N (name)"' : '"第 N 课（名称）"'}`);
  const id = options.numbers ? bareId(options.lessons ?? [])?.exec(text.replace(/`[^`]*`/g, '``')) : null;
  if (id) problems.push(`names the lesson "${id[0]}" by its id: write ${lang === 'en' ? '"lesson N (name)"' : '"第 N 课（名称）"'}`);
  return problems;
}

/** The parts of an answer or of an explanation's lead, as a set: "nattch 0, still listed"
 *  and "Still listed, nattch 0" are the same answer. */
function answerParts(text: string): string {
  return text
    .toLowerCase()
    .split(/[,，、]\s*|\s+and\s+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .sort()
    .join('|');
}

/** Whether an explanation, shown after "Answer: 1) nattch 0, still listed.", gives that
 *  answer again: 'starts' when its first clause is the answer in other order ("Still listed,
 *  nattch 0: …"), 'ends' when it ends on it ("…at least SHMMIN bytes (1): EINVAL.",
 *  "…所以是 EINVAL。"); undefined when it does neither. */
export function restatesAnswer(explain: string, answer: string): 'starts' | 'ends' | undefined {
  const text = explain.trim().replace(/[.。]$/, '');
  const lead = /^[^:：.。;；]*/.exec(text)![0];
  if (lead !== text && answerParts(lead) === answerParts(answer)) return 'starts';
  if (text.endsWith(answer) && /(?:[:：，,]|所以是|就是)\s*$/.test(text.slice(0, -answer.length))) return 'ends';
  return undefined;
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
