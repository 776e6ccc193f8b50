// Checks lessons as data before anyone runs them (as rustlings checks its info.toml):
// unique ids, both languages, text that fits the lesson pane, diagrams with labels in both
// languages and highlights that exist, C files that exist and are what the lesson says
// they are, each step's C anchor in them, every code-like term in the glossary, no erratum named by its bare code, and
// every erratum's step there.
// src/lessons/orphans.ts checks the other way round: every file on disk has a lesson.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagramIds, diagramLabelProblems, diagramModel, resultWords } from '../flow/index.js';
import { commentEndProblems, commentTableProblems } from '../text/comment-spans.js';
import { untagged } from '../text/answer-comments.js';
import { packageRoot } from '../paths.js';
import { cells } from '../text/cells.js';
import { SHARED } from '../text/strings.js';
import { rejectedTerms, segmentProblems, TERMS } from '../text/terms.js';
import { anchorText, anchorsOf } from './code-anchor.js';
import { outputTablesProblems } from './c-output.js';
import { mayLight, unrevealed } from './lit.js';
import { restatesAnswer, spaceBeforeBracket, styleProblems, textStyleProblems } from './text-style.js';
import { diagramWordProblems } from './diagram-words.js';
import { ERRATA, type Erratum } from './errata.js';
import { traceLines, wrap } from './format.js';
import { asksSurvival, CLEANS, pointsAtChoice, REMOVES } from './giveaway.js';
import { namesField, paneWords, RECORD_NAMED } from './pane-words.js';
import { possibleResultPanes, tabPointers, unbackedClaim } from './result-pane.js';
import { glossaryGiveaways, lessonTextGiveaways, turnGiveaways } from './glossary-giveaway.js';
import { openScreenGiveaways, unmaskedOutcomes } from './open-screens.js';
import { earlyTerms, entriesUsed, entryFor, entryText, EVERY_LESSON, firstUses, GLOSSARY, newTerms, newTermWords, noticeTermWords, outsideBrackets, splitPhrases, stepTermWords, termsIn, textsByStep, traceTerms, type GlossaryEntry } from './glossary.js';
import { ERRNO_WHY } from './turn/errno-why.js';
import { ERRNO_SHORT, errnosIn, withErrnoMeanings } from '../text/errno.js';
import { defaultTyped, parseField, parseTurn, type Turn } from './turn/fields.js';
import type { CFile, Checkpoint, Choice, Decoded, Lesson, Text, TraceEntry } from './types.js';
import { decodedRows } from '../proto/layout.js';
import type { Segment } from '../native/index.js';
import { decodeInts } from './race.js';

const LANGS = ['en', 'zh'] as const;

/** Terminal cells per line of lesson text at 80 columns (the step list takes the rest),
 *  and how many lines each text may take there. */
export const PANE_WIDTH = 48;
export const MAX_LINES = { say: 4, notice: 3, aside: 4, question: 3, choice: 1, hint: 3, explain: 4 } as const;
/** At least this many checkpoints per lesson, and exactly this many check questions. */
export const MIN_CHECKPOINTS = 2;
export const CHECK_QUESTIONS = 3;
/** a digit chooses: 1 to 9 */
const MAX_CHOICES = 9;
/** Whether a notice points into the Trace pane (names it), in either language. */
export function namesTrace(notice: Text): boolean {
  return /\btrace\b/i.test(notice.en) || /跟踪/.test(notice.zh);
}

/** The pane shows a notice and an aside behind their labels, so they are measured with them. */
const label = (word: 'notice' | 'aside' | 'question'): Text => ({ en: `${SHARED.en[word]}${SHARED.en.colon}`, zh: `${SHARED.zh[word]}${SHARED.zh.colon}` });
const NOTICE_LABEL = label('notice');
const ASIDE_LABEL = label('aside');
const QUESTION_LABEL = label('question');
/** a choice is drawn as "▶ 9) text"; the check's question as "Check 3/3: text" */
const CHOICE_LABEL: Text = { en: '▶ [9] ', zh: '▶ [9] ' };
const CHECK_LABEL: Text = { en: 'Check 3/3: ', zh: '小测 3/3：' };
const HINT_LABEL: Text = { en: 'Hint: ', zh: '提示：' };
/** Latin letters and digits stand a space apart from Chinese characters ("带 SEM_UNDO 取得"),
 *  as every Chinese text here writes them; code in backticks is left as it is. */
const LATIN_CJK = /[A-Za-z0-9_][\u4e00-\u9fff]|[\u4e00-\u9fff][A-Za-z0-9_]/;
/** Chinese punctuation as the lesson pane shows it (backticks dropped, code kept): no ASCII ;
 *  straight before full-width punctuation (";，"), and no ASCII comma beside a Chinese
 *  character: a Chinese list is written with 、 or ，. (No space after full-width punctuation
 *  is a rule of prose, text-style.ts.) */
const ZH_PUNCTUATION = /;[，。；：]|[\u4e00-\u9fff][ \t]*,[ \t]*[\u4e00-\u9fff“"]/;
/** An erratum's code alone ("(E5)", "勘误 E6") tells a learner nothing: lesson text says it in words. */
const ERRATUM_CODE = /(?<![A-Za-z0-9_])E[1-9][0-9]?(?![A-Za-z0-9_])/;

/** A step's short title: a text like any, and shorter than the title it stands for. */
function checkShort(where: string, title: Text, short: Text, problems: string[]): void {
  checkText(`${where} short title`, short, problems);
  for (const lang of LANGS) {
    if (typeof short[lang] === 'string' && cells(short[lang]) > cells(title[lang])) problems.push(`${where}: the short title (${lang}) is longer than the title`);
  }
}

function checkText(where: string, text: Text | undefined, problems: string[], maxLines?: number, label?: Text): void {
  if (!text) {
    problems.push(`${where}: missing`);
    return;
  }
  for (const lang of LANGS) {
    const value = text[lang];
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${where}: the ${lang} text is missing or empty`);
      continue;
    }
    if (lang === 'zh') {
      for (const word of [...rejectedTerms(value), ...(typeof text.en === 'string' ? segmentProblems({ en: text.en, zh: value }) : [])]) problems.push(`${where}: the zh text says ${word}`);
      const glued = LATIN_CJK.exec(value.replace(/`[^`]*`/g, ''))?.[0];
      if (glued) problems.push(`${where}: the zh text writes "${glued}" with no space between Latin and Chinese`);
      const punct = ZH_PUNCTUATION.exec(value.replaceAll('`', ''))?.[0];
      if (punct) problems.push(`${where}: the zh text writes "${punct}": no ; before Chinese punctuation, no ASCII comma between Chinese words`);
    }
    if (maxLines) {
      // measured as the lesson pane draws it: inline code without its backticks, held together
      const lines = wrap(`${label?.[lang] ?? ''}${value}`, PANE_WIDTH, { code: true }).length;
      if (lines > maxLines) problems.push(`${where}: the ${lang} text takes ${lines} lines of ${PANE_WIDTH} cells, more than ${maxLines}`);
    }
  }
}

/** Chinese spacing as every text here writes it, in one text a lesson shows, static or built
 *  while it runs: a space between Latin (a word, a number) and Chinese ("shmdt 使", not
 *  "shmdt使"), none after full-width punctuation ("映射。权限", not "映射。 权限"), none before
 *  a full-width opening bracket ("/tmp/clnt （对接", text-style.ts). Code in backticks is left
 *  as it is. One phrase each. */
export function zhSpacingProblems(text: string): string[] {
  const prose = text.replace(/`[^`]*`/g, HOLE);
  const problems: string[] = [];
  const glued = LATIN_CJK.exec(prose);
  if (glued) problems.push(`writes "${prose.slice(Math.max(0, glued.index - 6), glued.index + 6)}" with no space between Latin and Chinese`);
  const spaced = ZH_SPACE_AFTER_STOP.exec(prose);
  if (spaced) problems.push(`has a space after full-width punctuation ("${prose.slice(Math.max(0, spaced.index - 6), spaced.index + 6)}")`);
  const bracket = spaceBeforeBracket(prose);
  if (bracket) problems.push(bracket);
  return problems;
}
const ZH_SPACE_AFTER_STOP = /[。，：；！？、] /;

/** The Chinese a template or string of lesson source shows, in the ways it can come out: each
 *  `${…}` left empty, and, one at a time, as each string it holds (`${own ? 'shmdt' : '…'}使`
 *  gives "shmdt使"; `${cause.zh}`, with `known` naming what `const cause` holds, as each of
 *  those). Escapes undone. */
export function sourceRenderings(literal: string, known: ReadonlyMap<string, readonly string[]> = new Map()): string[] {
  const body = literal.slice(1, -1).replace(/\\([`'"\\])/g, '$1');
  const holes: { at: number; end: number; strings: string[] }[] = [];
  for (let i = body.indexOf('${'); i >= 0; i = body.indexOf('${', i + 2)) {
    let depth = 0;
    let end = i + 1;
    for (; end < body.length; end++) {
      if (body[end] === '{') depth++;
      else if (body[end] === '}' && --depth === 0) break;
    }
    const inner = body.slice(i + 2, end);
    // the strings a branch gives (`a ? 'x' : 'y'`, `a || 'x'`), not a call's arguments
    const outside = (at: number) => [...inner.slice(0, at)].reduce((d, c) => d + (c === '(' ? 1 : c === ')' ? -1 : 0), 0) === 0;
    const named = /^\s*([A-Za-z_$][\w$]*)\.zh\s*$/.exec(inner);
    const strings = named && known.has(named[1]!) ? [...known.get(named[1]!)!] : [...inner.matchAll(/(?:\?|:|\|\|)\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`[^`$]*`)/g)].filter((m) => outside(m.index)).map((m) => m[1]!.slice(1, -1));
    holes.push({ at: i, end: end + 1, strings });
    i = end;
  }
  // a value not known here stands as ◇: neither Latin, nor Chinese, nor a space
  const render = (pick: number, value: string) => holes.reduceRight((text, h, k) => text.slice(0, h.at) + (k === pick ? value : HOLE) + text.slice(h.end), body);
  return [render(-1, ''), ...holes.flatMap((h, k) => h.strings.map((v) => render(k, v)))];
}

const HOLE = '◇';

/** zhSpacingProblems over every string and template of the lessons' source (src/lessons, in a
 *  checkout; an installed package has none): the texts built while a lesson runs (a notice of
 *  the run, an explanation, a trace note), which no check of the lessons as data reads. */
function checkSourceSpacing(problems: string[]): void {
  const dirs = ['src/lessons', 'src/lessons/turn'].map((d) => join(packageRoot(), d)).filter((d) => existsSync(d));
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'validate.ts' && f !== 'text-style.ts')) {
      const source = readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(?:\/\/|\*|\/\*\*)/.test(line))
        .join('\n');
      const known = zhOfConsts(source);
      for (const literal of source.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? []) {
        // Chinese, and words rather than an id (a diagram's 'IPC对象->pb': no space, no punctuation)
        if (!/[\u4e00-\u9fff]/.test(literal) || !/[\s\u3000-\u303f\uff00-\uffef]/.test(literal)) continue;
        const found = new Set(sourceRenderings(literal, known).flatMap(zhSpacingProblems));
        for (const p of found) problems.push(`${dir.slice(packageRoot().length + 1)}/${file}: the zh text ${literal.length > 50 ? `${literal.slice(0, 50)}…` : literal} ${p}`);
      }
    }
  }
}

/** What each `const NAME = …;` of a source holds in Chinese: the `zh:` strings of its
 *  statement (a Text, or a choice of Texts: `const cause = a ? { en, zh: 'id 不同' } : …`),
 *  whole strings only (a template's holes left out), so that a template that puts
 *  `${cause.zh}` after Chinese ("因为${cause.zh}") is read with each of them. */
export function zhOfConsts(source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of source.matchAll(/\bconst\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=([^;]*);/g)) {
    const zh = [...m[2]!.matchAll(/\bzh:\s*(?:'((?:[^'\\\n]|\\.)*)'|`([^`$]*)`)/g)].map((z) => z[1] ?? z[2]!);
    if (zh.length) out.set(m[1]!, zh);
  }
  return out;
}

/** What is wrong with the comments of C file `path` (`text`) in either language: each ends on
 *  its words (src/text/comment-spans.ts `commentEndProblems`); and the C pane shows each comment
 *  line in Chinese in zh mode, from the file's table (examples/c/zh/FILE.txt, `tableText`): every
 *  comment line has its Chinese, every entry its comment, and the Chinese keeps the line's
 *  columns, fits, and ends its comments on their words too. Neither names an erratum by its
 *  code: the C pane is read as the lessons are. */
export function cCommentProblems(path: string, text: string, tableText: string | null): string[] {
  const key = [path, text, tableText ?? ''].join('\u0000');
  let known = C_COMMENT_PROBLEMS.get(key);
  if (known === undefined) C_COMMENT_PROBLEMS.set(key, (known = readCommentProblems(path, text, tableText)));
  return [...known];
}

// kept per file and table: a validation of the whole course read every C file's comments again
// (an eighth of its time), and the tests validate it some hundred times with one text changed
const C_COMMENT_PROBLEMS = new Map<string, readonly string[]>();

function readCommentProblems(path: string, text: string, tableText: string | null): string[] {
  const codes = ([[`examples/c/${path}`, text], [`examples/c/zh/${path}.txt`, tableText ?? '']] as const).flatMap(([file, t]) => {
    const code = ERRATUM_CODE.exec(t)?.[0];
    return code ? [`${file}: names erratum ${code} by its code; say in words what the notes get wrong`] : [];
  });
  return [
    ...commentEndProblems(text.split('\n')).map((p) => `examples/c/${path}: ${p}`),
    ...commentTableProblems(text, tableText, cells).map((p) => `examples/c/zh/${path}.txt: ${p}`),
    ...codes,
  ];
}

/** The functions a lesson's header `path` (`text`) documents for the lesson's other files
 *  (`CFile.helpers`): each function the header defines (a body, not a prototype such as rv.h's
 *  `cleanup`, which serv.c and clnt.c define) is listed, each listed name is one it defines,
 *  and the header's opening comment, which the C pane shows once at the top, gives each its
 *  one-line purpose ("say(): one line of the trace on stderr"). Calls of these need no comment
 *  of their own (`helperCallProblems`): rv.h's say() and fail() are called ~60 times in serv.c
 *  and clnt.c, where a comment at each said the same thing again. */
export function documentedHelperProblems(path: string, text: string, names: readonly string[]): string[] {
  const bodies = [...text.matchAll(/^(?:static\s+)?(?:inline\s+)?(?:const\s+)?(?:unsigned\s+)?(?:struct\s+)?\w+[\s*]+(\w+)\(([^)]*)\)\s*$/gm)].map((m) => m[1]!).filter((n) => n !== 'main');
  const opening = /^\s*\/\*[\s\S]*?\*\//.exec(text)?.[0] ?? '';
  const out: string[] = [];
  for (const n of bodies) if (!names.includes(n)) out.push(`examples/c/${path}: ${n}() is not among the helpers the lesson declares for it (CFile.helpers)`);
  for (const n of names) {
    if (!bodies.includes(n)) out.push(`examples/c/${path}: declared helper ${n}() is not a function it defines`);
    else if (!new RegExp(`^\\s*\\*\\s*${n}\\(\\):\\s*\\S`, 'm').test(opening)) out.push(`examples/c/${path}: its opening comment has no line "${n}(): what it is for"`);
  }
  return out;
}

/** The functions C source `text` defines or declares at file scope (`static int name(`), main aside. */
export function cDefined(text: string): string[] {
  return [...text.matchAll(/^(?:static\s+)?(?:inline\s+)?(?:const\s+)?(?:unsigned\s+)?(?:struct\s+)?\w+[\s*]+(\w+)\(/gm)].map((m) => m[1]!).filter((n) => n !== 'main');
}

/** Calls in C file `path` (`text`) of `helpers`, functions another C file of the lesson
 *  defines (cleanup.h's cleanup_forget, stamp.h's stamp): ours, not libc's, and the C pane
 *  shows the call far from the header that says so. Each has a comment on its line or on the
 *  line above saying why it is there (issue 16: ftok.c's bare cleanup_forget(...) read as a
 *  System V call). The string literals and comments of a line are no calls. */
export function helperCallProblems(path: string, text: string, helpers: ReadonlySet<string>): string[] {
  const own = new Set(cDefined(text));
  const lines = text.split('\n');
  const code = lines.map((l) => l.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""'));
  const commented = (i: number) => i >= 0 && /\/\*|\*\/|\/\/|^\s*\*/.test(code[i] ?? '');
  const out: string[] = [];
  code.forEach((line, i) => {
    const bare = line.replace(/\/\*.*?(?:\*\/|$)|\/\/.*$/g, '').replace(/^\s*\*.*$/, '');
    for (const m of bare.matchAll(/(?<![\w.>])(\w+)\s*\(/g)) {
      const name = m[1]!;
      if (!helpers.has(name) || own.has(name) || commented(i) || commented(i - 1)) continue;
      out.push(`examples/c/${path}, line ${i + 1}: ${name}() is ours, not libc's, with no comment on its line or the line above saying why it is called`);
    }
  });
  return out;
}

/** A header is included, never built; a .c file is a program. */
function kindFits(file: CFile): boolean {
  return file.path.endsWith('.h') ? file.kind === 'header' : file.path.endsWith('.c') && file.kind !== 'header';
}

function checkCode(at: string, lesson: Lesson, problems: string[]): void {
  if (lesson.code.length === 0) problems.push(`${at}: declares no C file`);
  else if (lesson.cFile !== lesson.code[0].path) problems.push(`${at}: cFile ${lesson.cFile} is not its first C file, ${lesson.code[0].path}`);
  for (const file of lesson.code) {
    if (!existsSync(join(packageRoot(), 'examples', 'c', file.path))) problems.push(`${at}: C file examples/c/${file.path} does not exist`);
    else if (!kindFits(file)) problems.push(`${at}: C file examples/c/${file.path} cannot be of kind '${file.kind}'`);
  }
  // each step's anchor (Step.code) is where the C pane opens: it must be in one of the files
  // (judged only against files all there: a missing one is said above)
  const paths = lesson.code.map((f) => f.path);
  const files = paths.map((p) => join(packageRoot(), 'examples', 'c', p));
  if (files.length === 0 || !files.every((f) => existsSync(f))) return;
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  // f offers the lesson's files, and only those: every local header a shown file includes
  // (`#include "x.h"`, a header's own includes too) is one of them, or the pane says "file 1/1"
  // of a program whose cleanup.h the learner cannot open
  texts.forEach((text, i) => {
    for (const m of text.matchAll(/^\s*#\s*include\s+"([^"]+)"/gm)) {
      if (!paths.includes(m[1])) problems.push(`${at}: ${paths[i]} includes "${m[1]}", which is not in the lesson's code list: add { path: '${m[1]}', kind: 'header' }`);
    }
  });
  // the lesson's own helpers, defined in one of its files and called from another
  // but those a header documents (CFile.helpers), whose calls need no comment
  const documented = new Set(lesson.code.flatMap((f) => f.helpers ?? []));
  const helpers = new Set(texts.flatMap(cDefined).filter((n) => !documented.has(n)));
  paths.forEach((p, i) => {
    const table = join(packageRoot(), 'examples', 'c', 'zh', `${p}.txt`);
    problems.push(...cCommentProblems(p, untagged(texts[i]), existsSync(table) ? readFileSync(table, 'utf8') : null));
    problems.push(...helperCallProblems(p, texts[i]!, helpers).map((q) => `${at}: ${q}`));
    const declared = lesson.code.find((f) => f.path === p)?.helpers;
    if (declared) problems.push(...(p.endsWith('.h') ? documentedHelperProblems(p, texts[i]!, declared) : [`examples/c/${p}: only a header documents helpers`]).map((q) => `${at}: ${q}`));
  });
  for (const step of lesson.steps) for (const anchor of anchorsOf(step.code)) {
    const found = paths.some((p, i) => {
      const text = anchorText(anchor, p, paths);
      return !!text && texts[i].includes(text);
    });
    if (!found) problems.push(`${at}, step ${step.id}: its C anchor '${anchor}' is in none of the lesson's C files (${paths.join(', ')})`);
  }
}

/** The code-like terms of a lesson text that the glossary does not hold, and a bare erratum code. */
function checkWords(where: string, text: Text | undefined, glossary: readonly GlossaryEntry[], problems: string[]): void {
  for (const lang of LANGS) {
    const value = text?.[lang];
    if (typeof value !== 'string') continue;
    const unknown = termsIn(value).filter((term) => !entryFor(term, glossary));
    if (unknown.length) problems.push(`${where}: the ${lang} text uses ${unknown.join(', ')}, which the glossary (src/lessons/glossary.ts) does not explain`);
    const code = ERRATUM_CODE.exec(value)?.[0];
    if (code) problems.push(`${where}: the ${lang} text names erratum ${code} by its code; say in words what the notes get wrong`);
  }
}

/** The text a table of screen strings shows: each string, and the literal parts of each
 *  function that builds one (its quoted and template text, without what it fills in). The
 *  build (esbuild) writes a function's Chinese as \u escapes: read back as the characters,
 *  or no rule on Chinese would see them ("${pane}页里的" passed as "\u9875\u91CC\u7684"). */
function shownText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'function') return '';
  const source = String(value).replace(/\\u\{([0-9A-Fa-f]+)\}|\\u([0-9A-Fa-f]{4})/g, (_, long: string | undefined, short: string | undefined) => String.fromCodePoint(parseInt(long ?? short!, 16)));
  const literals = source.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
  return literals.map((l) => l.slice(1, -1).replace(/\$\{[^}]*\}/g, ' ')).join('\n');
}

/** The code-like terms that a table of the screen's own strings (headings, the key bar, the
 *  Kernel pane's labels, the trace's words: src/app/strings.ts) shows and the glossary does
 *  not explain, one line per string. `where` names the table and its language. */
export function stringTermProblems(where: string, table: Readonly<Record<string, unknown>>, glossary: readonly GlossaryEntry[] = GLOSSARY): string[] {
  return Object.entries(table).flatMap(([key, value]) => {
    const unknown = termsIn(shownText(value)).filter((term) => !entryFor(term, glossary));
    return unknown.length ? [`${where} '${key}' uses ${unknown.join(', ')}, which the glossary (src/lessons/glossary.ts) does not explain`] : [];
  });
}

/** Words the screen shows of its own, together: the Flow's legend, the Kernel pane's record
 *  labels, where an aside folded away shows. */
export interface ScreenWords {
  where: string;
  lang: 'en' | 'zh';
  words: readonly string[];
}

/** Each group of the screen's own words that no one glossary entry holds whole: a newcomer
 *  searched g for "┄", "已做", "changed:" and "review" and found nothing (issue 16). One entry
 *  holds a group, in its heading or text, so the search for any of them lands where all are
 *  explained, and an entry that quotes the screen is changed with it. */
export function screenWordProblems(groups: readonly ScreenWords[], glossary: readonly GlossaryEntry[] = GLOSSARY): string[] {
  return groups.flatMap(({ where, lang, words }) => {
    const wanted = words.map((w) => w.trim().replace(/[:：]$/u, '')).filter((w) => w !== '');
    const holds = (e: GlossaryEntry) => wanted.every((w) => e.name[lang].includes(w) || entryText(e, lang).includes(w));
    return glossary.some(holds) ? [] : [`${where} (${lang}): no glossary entry holds all of ${wanted.map((w) => `"${w}"`).join(', ')}, so g finds no one place that explains them (src/lessons/glossary.ts)`];
  });
}

/** A table of the screen's own strings, in its language: the rules of style (text-style.ts)
 *  over each string and the literal parts of each function that builds one. */
export function stringStyleProblems(where: string, table: Readonly<Record<string, unknown>>, lang: 'en' | 'zh'): string[] {
  return Object.entries(table).flatMap(([key, value]) => {
    const text = shownText(value);
    // the screen names its panes as lesson text does; its 键 is a key of the keyboard
    const words = lang === 'zh' ? rejectedTerms(text, [TERMS.pane, TERMS.trace, TERMS.pendingSignal, TERMS.removed]).map((w) => `says ${w}`) : [];
    return [...styleProblems(text, lang), ...words].map((p) => `${where} '${key}' ${p}`);
  });
}

/** The glossary: ids and terms once each, both languages. */
/** The widest glossary heading that one row of the glossary holds at 80 columns. */
const HEADING_CELLS = 74;

function checkGlossary(glossary: readonly GlossaryEntry[], problems: string[]): void {
  for (const id of duplicates(glossary.map((e) => e.id))) problems.push(`glossary entry '${id}' is used more than once`);
  for (const term of duplicates(glossary.flatMap((e) => e.terms))) problems.push(`glossary term '${term}' is in more than one entry`);
  for (const entry of glossary) {
    checkText(`glossary entry '${entry.id}' name`, entry.name, problems);
    // the heading is one row of the glossary at 80 columns: "▶ " and the frame leave 74 cells
    for (const lang of LANGS) if (cells(entry.name[lang]) > HEADING_CELLS) problems.push(`glossary entry '${entry.id}' name: the ${lang} heading takes ${cells(entry.name[lang])} cells, more than ${HEADING_CELLS}: it would be cut at 80 columns`);
    checkText(`glossary entry '${entry.id}' text`, entry.text, problems);
    checkWords(`glossary entry '${entry.id}'`, entry.text, glossary, problems);
  }
}

/** The errata: each once, both languages, and the step that proves it there. */
function checkErrata(errata: readonly Erratum[], lessons: Lesson[], glossary: readonly GlossaryEntry[], problems: string[]): void {
  for (const id of duplicates(errata.map((e) => e.id))) problems.push(`erratum ${id} is listed more than once`);
  for (const erratum of errata) {
    const at = `erratum ${erratum.id}`;
    for (const part of ['notes', 'truth'] as const) {
      checkText(`${at} ${part}`, erratum[part], problems);
      checkWords(`${at} ${part}`, erratum[part], glossary, problems);
    }
    const lesson = lessons.find((l) => l.id === erratum.lesson);
    if (!lesson) problems.push(`${at}: lesson '${erratum.lesson}' does not exist`);
    else if (!lesson.steps.some((s) => s.id === erratum.step)) problems.push(`${at}: lesson '${erratum.lesson}' has no step '${erratum.step}'`);
    else seenThere(erratum, lesson, problems);
    subjectWords(erratum, lessons, problems);
  }
}

/** An erratum's words name its subject: they are in its own text (what the notes say or what
 *  is true) in both languages, and few steps say them: a word most lessons say ('key') is
 *  found in a step that shows nothing of the erratum (E3 pointed at ftok 7, whose FIFO
 *  analogy had gone, by 'key'). */
export function subjectWords(erratum: Erratum, lessons: readonly Lesson[], problems: string[]): void {
  const steps = lessons.flatMap((l) => l.steps.map((s) => [s.title, s.say, s.notice, s.aside].map((t) => t?.en ?? '').join(' ')));
  for (const word of erratum.words) {
    for (const lang of LANGS) {
      if (!`${erratum.notes[lang]} ${erratum.truth[lang]}`.includes(word)) problems.push(`erratum ${erratum.id}: its word '${word}' is not in its own text (${lang}): name its subject`);
    }
    const saying = steps.filter((t) => t.includes(word)).length;
    if (saying * SUBJECT_SHARE > steps.length) problems.push(`erratum ${erratum.id}: its word '${word}' is said by ${saying} of ${steps.length} steps: too common to show that its step is about it; pick the erratum's own subject`);
  }
}

/** An erratum's word is said by at most one step in this many. */
const SUBJECT_SHARE = 5;

/** The step an erratum opens at shows or says what the erratum is about: its words are in
 *  the step's own text, in both languages (E12 named volatile, its step never did). */
function seenThere(erratum: Erratum, lesson: Lesson, problems: string[]): void {
  const step = lesson.steps.find((s) => s.id === erratum.step)!;
  if (erratum.words.length === 0) problems.push(`erratum ${erratum.id}: no words for its step to show`);
  const question = lesson.checkpoints?.[step.id]?.question;
  for (const lang of LANGS) {
    const text = [step.title, step.say, step.notice, step.aside, question].map((t) => t?.[lang] ?? '').join(' ') + ` ${anchorsOf(step.code).join(' ')}`;
    for (const word of erratum.words) {
      if (!text.includes(word)) problems.push(`erratum ${erratum.id}: ${lesson.id} step '${step.id}', where it is seen live, never says '${word}' (${lang}): say it there, or point the erratum at the step that does`);
    }
  }
}

/** A number field's unit, as every one of its errors repeats it: a word or two */
const UNIT_CELLS = 16;

/** Words that are no unit of a number field: C types, and "type" itself. */
/** The most bytes a text field may state: what a form's line shows (a longer one is a buffer, not a field). */
const TEXT_MAX_BYTES = 1024;

const NOT_UNITS = /^(?:types?|(?:unsigned |signed )?(?:int|short|long|char)|size_t|ssize_t|key_t|pid_t|value)$/i;
const NOT_UNITS_ZH = /^(?:类型|(?:unsigned |signed )?(?:int|short|long|char)|size_t|ssize_t|key_t|pid_t|值)$/i;

/** A comparison operator with a plain space on a side, in a field's help: a line may break there. */
const COMPARISON_APART = /(?:^| )(?:<=|>=|==|!=|<|>)(?= )|(?<![-=<>!])(?:<=|>=|==|!=|<|>) (?=\S)/;

/** A your-turn form: texts in both languages, every field with limits that hold its
 *  default, a default its own parser accepts, rules on its own fields that its defaults keep. */
function checkTurn(where: string, turn: Turn, problems: string[]): void {
  checkText(`${where} turn say`, turn.say, problems, MAX_LINES.say);
  if (turn.ownSaid) checkText(`${where} turn ownSaid`, turn.ownSaid, problems);
  if (turn.yours) checkText(`${where} turn yours`, turn.yours, problems);
  if (turn.fields.length === 0) problems.push(`${where}: its turn has no fields`);
  for (const id of duplicates(turn.fields.map((f) => f.name))) problems.push(`${where}: turn field '${id}' is used more than once`);
  for (const field of turn.fields) {
    const at = `${where} turn field '${field.name}'`;
    checkText(`${at} label`, field.label, problems);
    const k = field.kind;
    if (k.kind === 'number') {
      if (k.unit) {
        checkText(`${at} unit`, k.unit, problems);
        // every error of the field names the unit: a reason in it would be said again and again
        if ([k.unit.en, k.unit.zh].some((u) => /[;；(（]/.test(u) || cells(u) > UNIT_CELLS)) problems.push(`${at}: its unit '${k.unit.en}' / '${k.unit.zh}' says more than what it counts: put the reason in the field's help`);
        // a unit is what the number counts (bytes): a C type or "type" is none ("（单位：类型）")
        if (NOT_UNITS.test(k.unit.en) || NOT_UNITS_ZH.test(k.unit.zh)) problems.push(`${at}: its unit '${k.unit.en}' / '${k.unit.zh}' is no unit (a type, not what the number counts): leave it out, and say the type in the field's help`);
      }
      if (!Number.isSafeInteger(k.min) || !Number.isSafeInteger(k.max) || k.min > k.max) problems.push(`${at}: limits ${k.min}..${k.max} are not whole numbers in order`);
    }
    if (k.kind === 'flags' && (k.maxMode < 0 || k.maxMode > 0o7777)) problems.push(`${at}: maxMode 0${k.maxMode.toString(8)} is no mode`);
    if (k.kind === 'text' && (!Number.isSafeInteger(k.maxBytes) || k.maxBytes < 1 || k.maxBytes > TEXT_MAX_BYTES)) problems.push(`${at}: maxBytes ${k.maxBytes} is no limit`);
    if (k.kind === 'choice') {
      if (k.choices.length < 2) problems.push(`${at}: a choice needs at least two values`);
      for (const c of k.choices) checkText(`${at} choice '${c.value}'`, c.label, problems);
      // a label is named inside the values' list, in brackets and between commas ("(shmid …, shmflg 0)"):
      // brackets or a comma of its own would nest or split that list
      for (const c of k.choices)
        if (/[(),（），]/.test(c.label.en + c.label.zh)) problems.push(`${at} choice '${c.value}': its label '${c.label.en}' / '${c.label.zh}' holds a bracket or comma, which would nest or split the list of values it is named in`);
    }
    if (field.help) checkText(`${at} help`, field.help, problems);
    // an expression stays on one line: "N > 0" split as "…; N" / "> 0: …" reads as two things
    for (const lang of ['en', 'zh'] as const)
      if (field.help && COMPARISON_APART.test(field.help[lang])) problems.push(`${at} help (${lang}): a comparison ("${COMPARISON_APART.exec(field.help[lang])![0].trim()}") has plain spaces, where a line may break: join it with NO_BREAK spaces (src/text/cells.ts)`);
    const parsed = parseField(field, field.default);
    if (!parsed.ok) problems.push(`${at}: its default '${field.default}' is refused: ${parsed.error.en}`);
  }
  for (const rule of turn.rules ?? []) {
    if (!turn.fields.some((f) => f.name === rule.field)) problems.push(`${where}: a turn rule names '${rule.field}', not a field of the form`);
  }
  // the lesson's own values keep its own rules
  const own = parseTurn(turn, defaultTyped(turn));
  if (!own.ok && turn.fields.every((f) => parseField(f, f.default).ok)) problems.push(`${where}: its defaults break a turn rule: ${own.error.en}`);
}

/** A step whose learner's values stay in the kernel (Turn.yoursStay) runs only theirs, and its
 *  checkpoint is graded on that run (engine.ts): the question and its choices must fit any
 *  values, so they may not quote the lesson's own (a field's default, "0640" or "640"). */
function checkStayingQuestion(where: string, turn: Turn, checkpoint: Checkpoint | undefined, problems: string[]): void {
  if (!turn.yoursStay || !checkpoint) return;
  const texts = [checkpoint.question, ...checkpoint.choices].flatMap((t) => [t.en, t.zh]);
  for (const field of turn.fields) {
    const forms = [field.default, field.default.replace(/^0+(?=\d)/, '')].filter((f) => f.trim().length >= 2);
    for (const form of new Set(forms)) {
      const quoted = new RegExp(`(?<![0-9A-Za-z])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9A-Za-z])`);
      if (texts.some((t) => quoted.test(t))) problems.push(`${where}: its learner's values stay (yoursStay), so its checkpoint is graded on their run and must fit any values: it quotes the lesson's own ${field.name} '${form}'`);
    }
  }
}

/** A choice that is a bare number reads as the option number beside it ("[2] 1": press 2
 *  for nattch 2?): it is worded with what it counts ("nattch 1", checkpoint-kit `counts`). */
const BARE_NUMBER = /^[-+]?\d+$/;

/** The answer a choice's text stands for, so two spellings of one answer are found: as C
 *  values NULL, 0 and (void *) 0 are one pointer, 0x10 and 16 one number; other text as it
 *  reads, whatever its case. */
function answerOf(text: string): string {
  const t = text.trim().replace(/^\(\s*void\s*\*\s*\)\s*/, '');
  if (t === 'NULL') return '0';
  const n = /^([-+]?)(0x[0-9a-f]+|\d+)$/i.exec(t);
  if (n) return String(Number(n[2]) * (n[1] === '-' ? -1 : 1) || 0);
  return text.trim().toLowerCase();
}

/** A list of choices: 2 to 9 (a digit picks one), each in both languages on one line, in
 *  words (no bare number), no two the same answer. */
function checkChoices(where: string, choices: readonly Choice[] | undefined, problems: string[]): void {
  if (!Array.isArray(choices) || choices.length < 2 || choices.length > MAX_CHOICES) {
    problems.push(`${where}: needs 2 to ${MAX_CHOICES} choices`);
    return;
  }
  // measured as drawn: an errno with its meaning (listedChoice)
  const shown = (c: Choice): Text => ({ en: typeof c?.en === 'string' ? withErrnoMeanings(c.en, 'en') : c?.en, zh: typeof c?.zh === 'string' ? withErrnoMeanings(c.zh, 'zh') : c?.zh });
  choices.forEach((c, i) => checkText(`${where} choice ${i + 1}`, shown(c), problems, MAX_LINES.choice, CHOICE_LABEL));
  for (const lang of LANGS) {
    const texts = choices.map((c) => (typeof c?.[lang] === 'string' ? c[lang].trim() : ''));
    texts.forEach((t, i) => {
      for (const problem of choiceErrnoProblems(t, lang)) problems.push(`${where} choice ${i + 1} (${lang}): ${problem}`);
      if (BARE_NUMBER.test(t)) problems.push(`${where} choice ${i + 1} (${lang}): '${t}' is a bare number, read as an option's own number: say what it counts ("nattch ${t}")`);
      const same = texts.findIndex((u, j) => j < i && u !== '' && answerOf(u) === answerOf(t));
      if (same >= 0) problems.push(`${where} (${lang}): choices ${same + 1} '${texts[same]}' and ${i + 1} '${t}' are the same answer: make every choice a different one`);
    });
  }
}

/** What keeps an errno in choice `text` from being drawn with its meaning, one way everywhere
 *  (listedChoice, withErrnoMeanings): a name ERRNO_SHORT lacks, a name inside a bracket ("fails
 *  (EFAULT)", whose meaning would make a bracket in a bracket), or words after it other than
 *  the table's ("EACCES (denied)" beside "EACCES (access denied)"). */
export function choiceErrnoProblems(text: string, lang: 'en' | 'zh'): string[] {
  return errnosIn(text).flatMap(({ name, meaning, bracketed }) => {
    const short = Object.hasOwn(ERRNO_SHORT, name) ? ERRNO_SHORT[name]![lang] : undefined;
    if (short === undefined) return [`${name} would show with no meaning: give it a row in ERRNO_SHORT (src/text/errno.ts)`];
    if (bracketed) return [`${name} stands in a bracket, where its meaning cannot follow it: say it outside ("fails with ${name}")`];
    if (meaning !== null && meaning !== short) return [`${name} is followed by "${meaning}", not its meaning "${short}" (ERRNO_SHORT): leave the words out, the screen adds them`];
    return [];
  });
}

/** The aside's label and the words of how ipclab is built stand only in an aside (Lesson.aside,
 *  Step.aside), which the pane sets apart: in the lesson's own text newcomers read them as the
 *  lesson (s28b#2). Its reasons count too: a wait in ipclab's own process freezes the screen. */
const ASIDE_ONLY: readonly RegExp[] = [
  new RegExp(SHARED.en.aside, 'i'),
  new RegExp(SHARED.zh.aside),
  /\bNode(?:\.js)?\b/,
  /\b(?:koffi|TypeScript|JavaScript|ink)\b/i,
  /\bfreez\w* the screen\b/i,
  /界面[^。；]*卡住|卡住界面/,
];

/** Each text of `lesson` but its asides, named for a problem: what the lesson pane, a form or a
 *  question shows as the lesson's own words. */
function lessonOwnTexts(lesson: Lesson): [string, Text | undefined][] {
  const out: [string, Text | undefined][] = [['title', lesson.title], ['introduction', lesson.intro], ['closing text', lesson.outro]];
  for (const st of lesson.steps) {
    const at = `step '${st.id}'`;
    out.push([`${at} title`, st.title], [`${at} short title`, st.short], [`${at} text`, st.say], [`${at} notice`, st.notice]);
    if (st.turn) out.push([`${at} form's line`, st.turn.say], [`${at} form's y`, st.turn.yours], [`${at} form's own values`, st.turn.ownSaid]);
    const cp = lesson.checkpoints?.[st.id];
    if (cp) out.push([`${at} question`, cp.question], [`${at} hint`, cp.hint], ...cp.choices.flatMap((c, k): [string, Text | undefined][] => [[`${at} choice ${k + 1}`, c], [`${at} choice ${k + 1} why not`, c.whyNot]]));
  }
  (lesson.check ?? []).forEach((q, i) => out.push([`check question ${i + 1}`, q.question], [`check question ${i + 1} explanation`, q.explain], ...q.choices.map((c, k): [string, Text | undefined] => [`check question ${i + 1} choice ${k + 1}`, c])));
  return out;
}

/** The words ASIDE_ONLY finds in `lesson`'s own texts, as problems. */
export function asideWordProblems(lesson: Lesson): string[] {
  return lessonOwnTexts(lesson).flatMap(([where, text]) =>
    LANGS.flatMap((lang) => {
      const value = text?.[lang];
      const found = typeof value === 'string' ? ASIDE_ONLY.map((re) => re.exec(value)?.[0]).find((w) => w !== undefined) : undefined;
      return found ? [`lesson '${lesson.id}' ${where}: the ${lang} text says "${found}", which belongs in an aside ("${SHARED[lang].aside}"): move it to the step's aside`] : [];
    }),
  );
}

/** A choice's whyNot (Choice.whyNot) is one short sentence: at most this many cells in each language. */
export const WHY_NOT_CELLS = { en: 125, zh: 140 } as const;
/** what the screen puts before a whyNot: "Why not: " */
const WHY_NOT_LABEL: Text = { en: `${SHARED.en.notHere}${SHARED.en.colon}`, zh: `${SHARED.zh.notHere}${SHARED.zh.colon}` };

/** A text as compared for sameness: no case, spaces, punctuation or backticks. */
function bare(text: string): string {
  return text.toLowerCase().replace(/[\s`.,:;!?()'"，。：；！？、（）“”]/g, '');
}

/** Every choice says why it is not the answer when a learner picks it wrongly (Choice.whyNot),
 *  in both languages, short, in the style of prose after its label ("Why not: …"), saying
 *  something its question's explanation, its hint and its other choices do not. A check
 *  question's answer is never a wrong pick: it has none (it would never be shown). `answer`:
 *  the check question's; undefined for a checkpoint, any of whose choices the run may make
 *  the answer. `said`: the texts a whyNot must not repeat. */
export function checkWhyNots(where: string, choices: readonly Choice[] | undefined, answer: number | undefined, said: readonly (Text | undefined)[], glossary: readonly GlossaryEntry[], problems: string[]): void {
  if (!Array.isArray(choices)) return;
  const seen = new Map<string, number>();
  choices.forEach((c, i) => {
    const at = `${where} choice ${i + 1}`;
    if (i === answer) {
      if (c?.whyNot) problems.push(`${at}: is the answer, so its whyNot would never be shown: remove it`);
      return;
    }
    if (!c?.whyNot) {
      problems.push(`${at} ('${c?.en}'): has no whyNot: say in one sentence, en and zh, ${answer === undefined ? 'when it would be the answer' : 'why it is not the answer'}`);
      return;
    }
    checkText(`${at} whyNot`, c.whyNot, problems);
    checkWords(`${at} whyNot`, c.whyNot, glossary, problems);
    for (const lang of LANGS) {
      const text = c.whyNot[lang];
      if (typeof text !== 'string' || text.trim() === '') continue;
      if (cells(text) > WHY_NOT_CELLS[lang]) problems.push(`${at} whyNot: the ${lang} text takes ${cells(text)} cells, more than ${WHY_NOT_CELLS[lang]}: one short sentence`);
      for (const p of styleProblems(`${WHY_NOT_LABEL[lang]}${text}`, lang, { prose: true })) problems.push(`${at} whyNot: the ${lang} text ${p}`);
      const b = bare(text);
      const same = said.find((t) => typeof t?.[lang] === 'string' && bare(t[lang]) !== '' && (bare(t[lang]) === b || bare(t[lang]).includes(b) || b.includes(bare(t[lang]))));
      if (same) problems.push(`${at} whyNot: the ${lang} text repeats its question's explanation or hint ("${same[lang].slice(0, 40)}"): say why this choice is not the answer`);
      const other = seen.get(`${lang}\0${b}`);
      if (other !== undefined) problems.push(`${at} whyNot: the ${lang} text is choice ${other + 1}'s again: each choice its own reason`);
      else seen.set(`${lang}\0${b}`, i);
      if (bare(text) === bare(c[lang] ?? '')) problems.push(`${at} whyNot: the ${lang} text only repeats the choice`);
    }
  });
}

/** The errno a choice names ("EINVAL", "an error: EEXIST"), if any. */
const ERRNO_WORD = /(?<![A-Za-z0-9_])E[A-Z]{2,}(?![A-Za-z0-9_])/g;

/** A choice as a title might say it: lower case, no leading article ("the same key" -> "same key"). */
function choicePhrase(text: string): string {
  return text.toLowerCase().replace(/^(?:a|an|the)\s+/, '').trim();
}

/** A checkpoint is asked under its step's title and text: neither may name an errno one of
 *  its choices names (the easy giveaway, "shmdt twice: EINVAL"), and the title, always in
 *  sight, names no choice's text ("'A' and 'A'+256: same key"); the notice, after the run, does. */
function checkNoGiveaway(where: string, step: Lesson['steps'][number], choices: readonly Choice[], problems: string[]): void {
  const errnos = new Set(choices.flatMap((c) => c.en.match(ERRNO_WORD) ?? []));
  for (const part of ['title', 'short', 'say'] as const) {
    for (const lang of ['en', 'zh'] as const) {
      const named = (step[part]?.[lang].match(ERRNO_WORD) ?? []).filter((w) => errnos.has(w));
      for (const w of new Set(named)) problems.push(`${where}: the step's ${part} (${lang}) names ${w}, one of its choices: say it in the notice, after the run`);
    }
  }
  for (const lang of ['en', 'zh'] as const) {
    const title = `${step.title[lang]}\n${step.short?.[lang] ?? ''}`.toLowerCase();
    for (const c of choices) {
      // a single word ("yes", "the parent" acting in "Parent writes") is no giveaway on its own
      const words = choicePhrase(c[lang]);
      const phrase = /^[\x20-\x7e]*$/.test(words) ? words.includes(' ') : [...words].length >= 4;
      if (phrase && title.includes(words)) problems.push(`${where}: the step's title (${lang}) names the choice '${c[lang]}': say it in the notice, after the run`);
    }
  }
}

/** Words a title shares with a choice in a row (ANSWER_RUN of them, two of them words of
 *  prose), when the question does not say them: the answer's phrase, a word or two left out. */
const ANSWER_RUN = 3;
function answerRun(title: string, choice: string, asked: string): string | undefined {
  // a call is what the step makes ("ftok(path, 'S')"), not what comes of it
  const words = (t: string) => t.replace(/[A-Za-z_]\w*\([^)]*\)/g, ' ').toLowerCase().match(/[a-z0-9_]+/g) ?? [];
  const runs = (ws: string[]) => ws.slice(0, Math.max(0, ws.length - ANSWER_RUN + 1)).map((_, i) => ws.slice(i, i + ANSWER_RUN));
  const said = new Set(runs(words(title)).map((r) => r.join(' ')));
  const askedText = ` ${words(asked).join(' ')} `;
  return runs(words(choice))
    .filter((r) => r.filter((w) => /^[a-z]{4,}$/.test(w) && !/^(with|from|into|that|this|then|than|each)$/.test(w)).length >= 2)
    .map((r) => r.join(' '))
    .find((r) => said.has(r) && !askedText.includes(` ${r} `));
}

/** The step list is on screen the whole time, while every question of the lesson is asked:
 *  no step's title or short title, in either language, names what a question answers -- an
 *  errno its answer names, or its answer's words (fix16f: msg 5 "…: EAGAIN" answered msg 4's
 *  ENOMSG-or-EAGAIN by elimination, shmat 6 "a write kills the writer" the check's "kills the
 *  writer with SIGSEGV"). A
 *  check question's answer is its `answer`; a checkpoint's is the run's, so any of its
 *  choices. What the question itself names, or every choice does, points at none. The step's
 *  own checkpoint is checkNoGiveaway's. */
function checkTitlesAnswerNothing(at: string, lesson: Lesson, problems: string[]): void {
  const questions = [
    ...Object.entries(lesson.checkpoints ?? {}).flatMap(([stepId, cp]) => (cp ? [{ where: `checkpoint '${stepId}'`, own: stepId, q: cp.question, choices: cp.choices ?? [], answers: (cp.choices ?? []).map((_, i) => i) }] : [])),
    ...(lesson.check ?? []).map((q, i) => ({ where: `check question ${i + 1}`, own: null, q: q.question, choices: q.choices ?? [], answers: [q.answer] })),
  ];
  for (const { where, own, q, choices, answers } of questions) {
    const asked = lesson.steps.findIndex((st) => st.id === own);
    lesson.steps.forEach((step, i) => {
      // a word the question says itself tells nothing (overview 6 asks with "no one has run ipcrm
      // yet", and step 7 is named by its tool: issue 16, "another IPC shell tool" named none)
      const news = (r: RegExp) => [...[step.title.en, step.short?.en ?? ''].join('\n').matchAll(new RegExp(r.source, 'g'))].some((m) => !new RegExp(`\\b${m[0]}\\b`, 'i').test(q.en ?? ''));
      if (own !== null && i > asked && asksSurvival(q.en ?? '', choices) && [REMOVES, CLEANS].some(news))
        problems.push(`${at} step '${step.id}': its title (en) removes the object, which says it outlived step '${own}', the question of ${where}: name what the step does without removing or cleaning up (its call: "Last call: shmctl")`);
    });
    for (const step of lesson.steps) {
      if (step.id === own) continue;
      for (const lang of LANGS) {
        const title = [step.title[lang], step.short?.[lang] ?? ''].join('\n');
        const named: string[] = title.match(ERRNO_WORD) ?? [];
        const asked = q[lang] ?? '';
        for (const a of answers) {
          const choice = choices[a]?.[lang];
          if (typeof choice !== 'string') continue;
          // an errno of the answer, the question not naming it and not every choice
          for (const errno of new Set(choice.match(ERRNO_WORD) ?? [])) {
            const pointed = !asked.includes(errno) && !choices.every((c) => c[lang]?.includes(errno));
            if (pointed && named.includes(errno)) problems.push(`${at} step '${step.id}': its title (${lang}) names ${errno}, the answer '${choice}' of ${where}: say what the step does, not what comes of it`);
          }
          // the answer's words as a title might say them (a phrase, not one word the step's call is)
          const words = choicePhrase(choice);
          const phrase = /^[\x20-\x7e]*$/.test(words) ? words.includes(' ') : [...words].length >= 4;
          if (phrase && !asked.toLowerCase().includes(words) && title.toLowerCase().includes(words)) problems.push(`${at} step '${step.id}': its title (${lang}) names '${choice}', the answer of ${where}: say what the step does, not what comes of it`);
          // in English, a run of the answer's words ("kills the writer" of "kills the writer with SIGSEGV")
          const run = lang === 'en' ? answerRun(title, choice, asked) : undefined;
          if (run) problems.push(`${at} step '${step.id}': its title (en) says '${run}' of '${choice}', the answer of ${where}: say what the step does, not what comes of it`);
        }
      }
    }
  }
}

/** A checkpoint is asked beside its step's flow, which may not show some of the results its
 *  choices name (an errno, SIGSEGV) and not the others before any step got them: that points
 *  at the answer (shmat(-1, …) --EINVAL-->). The flow draws a result a step lights as "?" until
 *  one lighting it has run (lit.ts unrevealed), and then it is the learner's to know; one no
 *  step lights is always shown. */
function checkFlowGiveaway(where: string, lesson: Lesson, index: number, choices: readonly Choice[], problems: string[]): void {
  const asked = new Set(choices.flatMap((c) => resultWords(c.en ?? '')));
  if (asked.size === 0) return;
  const { diagram } = lesson.steps[index];
  const masked = new Set(unrevealed(lesson, diagram, 0));
  for (const lang of LANGS) {
    let m: ReturnType<typeof diagramModel>;
    try {
      m = diagramModel(diagram, lang);
    } catch {
      return; // a diagram that does not load is reported with the step's ids
    }
    const shown = [...m.nodes, ...m.edges].flatMap((p) => (masked.has(p.id) ? [] : resultWords(p.label ?? '').filter((w) => asked.has(w)).map((w) => ({ w, id: p.id }))));
    const named = new Set(shown.map((x) => x.w));
    if (named.size === 0 || named.size === asked.size) continue;
    for (const { w, id } of shown) {
      problems.push(`${where}: its flow '${diagram}' (${lang}) always shows ${w} (${id}), one of its choices, but not ${[...asked].filter((a) => !named.has(a)).join(', ')}: light ${id} in the step that gets it, so the flow shows "?" until it has run`);
    }
  }
}

/** A name in capitals a question may ask about: a signal (SIGUSR1), a flag (SEM_UNDO), a command. */
const ASKED_NAME = /\b[A-Z][A-Z0-9]*_?[A-Z0-9_]{2,}\b/g;

/** A checkpoint asking what comes of something it names (a SIGUSR1, a kill with SEM_UNDO) is
 *  answered by an edge so labelled that its step is the first to light: where it leads is the
 *  answer (parent --SIGUSR1--> child). Such an edge is `%% hide`n (src/flow/hidden.ts), or
 *  the box it leads to is, until the step has run; a "?" box is enough only for a label that
 *  says no more than the question (shmctl's "IPC_RMID"): serv-clnt 3 showed "shmdt, IPC_RMID"
 *  a step before step 4 asked what IPC_RMID leaves, the story told beside the line (issue 16). */
function checkEdgeGiveaway(where: string, lesson: Lesson, index: number, question: string, problems: string[]): void {
  const asked = new Set(question.match(ASKED_NAME) ?? []);
  if (asked.size === 0) return;
  const { diagram } = lesson.steps[index];
  let m: ReturnType<typeof diagramModel>;
  try {
    m = diagramModel(diagram, 'en');
  } catch {
    return; // a diagram that does not load is reported with the step's ids
  }
  const before = new Set(unrevealed(lesson, diagram, index));
  const after = new Set(unrevealed(lesson, diagram, index + 1));
  const hidden = new Set(m.hidden ?? []);
  for (const e of m.edges) {
    // lit first by this step: waiting before it, not after
    if (!before.has(e.id) || after.has(e.id) || hidden.has(e.id)) continue;
    const named = (e.label?.match(ASKED_NAME) ?? []).filter((w) => asked.has(w));
    const more = named.reduce((rest, w) => rest.replace(w, ''), e.label ?? '').replace(/[\s,.:;]/g, '') !== '';
    if (named.length && (more || !hidden.has(e.to))) problems.push(`${where}: its flow '${diagram}' shows where ${named[0]} leads (${e.id}) before the step runs: mark it '%% hide ${e.id}' so it is "?" until then`);
  }
}

/** A part `%% hide`s its label until a step lighting it has run (src/flow/hidden.ts): on a
 *  part no step of the lesson lights, the label would never be hidden at all. */
function checkHiddenRevealed(at: string, lesson: Lesson, diagram: string, problems: string[]): void {
  const waiting = new Set(unrevealed(lesson, diagram, 0));
  for (const id of diagramModel(diagram).hidden ?? []) {
    if (!waiting.has(id)) problems.push(`${at}: '${id}' of '${diagram}' is marked '%% hide', but no step lights it, so it is always shown: light it in the step that answers it`);
  }
}

/** Checkpoints (at least MIN_CHECKPOINTS, on steps that exist, read live: a function) and the
 *  check (CHECK_QUESTIONS questions, each answer one of its choices), every text fitting the pane.
 *  That a checkpoint's choices hold what the kernel may answer is checked where it runs: an
 *  answer that is no choice is a problem of the step (grade.ts), so `ipclab run` fails on it. */
function checkQuiz(at: string, lesson: Lesson, glossary: readonly GlossaryEntry[], problems: string[]): void {
  const checkpoints = Object.entries(lesson.checkpoints ?? {});
  if (checkpoints.length < MIN_CHECKPOINTS) problems.push(`${at}: has ${checkpoints.length} checkpoint(s), at least ${MIN_CHECKPOINTS} are needed`);
  for (const [stepId, cp] of checkpoints) {
    const where = `${at} checkpoint '${stepId}'`;
    if (!lesson.steps.some((s) => s.id === stepId)) problems.push(`${where}: the lesson has no step '${stepId}'`);
    if (!cp) continue;
    checkText(`${where} question`, cp.question, problems, MAX_LINES.question, QUESTION_LABEL);
    checkText(`${where} hint`, cp.hint, problems, MAX_LINES.hint, HINT_LABEL);
    for (const part of ['question', 'hint'] as const) checkWords(`${where} ${part}`, cp[part], glossary, problems);
    checkChoices(where, cp.choices, problems);
    // the run's explanation is a function: grade.ts holds a whyNot to it after the run
    checkWhyNots(where, cp.choices, undefined, [cp.hint], glossary, problems);
    const step = lesson.steps.find((s) => s.id === stepId);
    if (step) checkNoGiveaway(where, step, cp.choices ?? [], problems);
    if (step) checkFlowGiveaway(where, lesson, lesson.steps.indexOf(step), cp.choices ?? [], problems);
    if (step) checkEdgeGiveaway(where, lesson, lesson.steps.indexOf(step), cp.question.en, problems);
    if (typeof cp.answer !== 'function' || typeof cp.explain !== 'function') problems.push(`${where}: answer and explain must read the step's live result (functions)`);
  }
  const check = lesson.check ?? [];
  if (check.length !== CHECK_QUESTIONS) problems.push(`${at}: its check has ${check.length} question(s), not ${CHECK_QUESTIONS}`);
  check.forEach((q, i) => {
    const where = `${at} check question ${i + 1}`;
    checkText(`${where} question`, q.question, problems, MAX_LINES.question, CHECK_LABEL);
    checkText(`${where} explanation`, q.explain, problems, MAX_LINES.explain);
    for (const part of ['question', 'explain'] as const) checkWords(`${where} ${part}`, q[part], glossary, problems);
    checkChoices(where, q.choices, problems);
    checkWhyNots(where, q.choices, q.answer, [q.explain], glossary, problems);
    if (!Number.isInteger(q.answer) || q.answer < 0 || q.answer >= (q.choices?.length ?? 0)) problems.push(`${where}: its answer ${q.answer} is none of its choices`);
    for (const lang of LANGS) {
      const answer = q.choices?.[q.answer]?.[lang];
      const again = answer ? restatesAnswer(q.explain[lang], answer) : undefined;
      if (again) problems.push(`${where}: the ${lang} explanation ${again} on its answer "${answer}" again, which the line before it shows`);
    }
  });
  checkTitlesAnswerNothing(at, lesson, problems);
}

/** A step's "new terms" line lists the glossary entries its text is the first to use
 *  (firstUses). The two languages tell the same lesson, so they meet the same terms at
 *  the same step: an entry announced in one language only is a word that matched
 *  without meaning the term ("nobody has mapped it" is no user nobody) or a term one
 *  language spells in words the glossary does not hold. */
function checkNewTerms(lessons: Lesson[], glossary: readonly GlossaryEntry[], problems: string[]): void {
  // each entry's first use in the course (every word of it is new where first seen: the later ones are the same entry)
  const [en, zh] = LANGS.map((lang) => {
    const met = new Set<GlossaryEntry>();
    return firstUses(lessons, lang, glossary).map((steps) => steps.map((entries) => entries.filter((e) => !met.has(e) && (met.add(e), true))));
  });
  lessons.forEach((lesson, l) =>
    lesson.steps.forEach((step, i) => {
      const ids = (lang: 0 | 1) => new Set(([en, zh][lang][l]?.[i] ?? []).map((e) => e.id));
      const [inEn, inZh] = [ids(0), ids(1)];
      for (const [only, other, lang] of [[inEn, inZh, 'en'], [inZh, inEn, 'zh']] as const) {
        for (const id of only) if (!other.has(id)) problems.push(`lesson '${lesson.id}' step '${step.id}': announces glossary entry '${id}' as new in ${lang} only; the other language meets it at another step (src/lessons/glossary.ts terms)`);
      }
    }),
  );
}

/** The words of a step's "New terms" line (what its texts name first and, once it ran, what
 *  its trace showed first: traceTerms) that neither the step's text (title, say, question and
 *  choices; the first step's with the lesson's intro, the last's with its outro) nor its
 *  notice or aside says, nor the Kernel pane's headings over what its calls made, nor the
 *  step's Trace lines (each listed with its pane, "O_WRONLY in the Trace"), per language: a
 *  word nothing on screen shows points the learner to the glossary for a word the step never
 *  uses (fix16g#4: serv-clnt's ENOENT, msg's wchan, before the line named the Trace). `run` is a lesson's run, or none (the texts alone: `ipclab check`);
 *  its `outcomes` give the notice each step showed (noticeBy). */
export function newTermsUnsaid(
  lessons: readonly Lesson[],
  index: number,
  run: { trace: readonly TraceEntry[]; stepStarts: readonly number[]; outcomes?: readonly { notice?: Text }[] } = { trace: [], stepStarts: [] },
  glossary: readonly GlossaryEntry[] = GLOSSARY,
): string[] {
  const lesson = lessons[index];
  if (!lesson) return [];
  return lesson.steps.flatMap((step, i) =>
    LANGS.flatMap((lang) => {
      const cp = lesson.checkpoints?.[step.id];
      // the first step is read with the lesson's title and intro, the last with its outro
      const around = [...(i === 0 ? [lesson.title[lang], lesson.intro[lang], lesson.aside?.[lang] ?? ''] : []), i === lesson.steps.length - 1 ? lesson.outro[lang] : ''];
      const said = [...around, step.title[lang], step.say[lang], step.notice[lang], step.aside?.[lang] ?? '', run.outcomes?.[i]?.notice?.[lang] ?? '', cp?.question[lang] ?? '', ...(cp?.choices.map((c) => c[lang]) ?? [])].join('\n').toLowerCase();
      // the Kernel pane says the headings over what the step's calls made (pane-words.ts)
      const ran = run.trace.slice(run.stepStarts[i] ?? run.trace.length, run.stepStarts[i + 1] ?? run.trace.length);
      const pane = new Set(ran.flatMap(paneWords));
      // the Trace shows its lines' words, which the line names with that pane ("O_WRONLY in the
      // Trace"): every word on screen is listed where first seen (issue 16 item 5)
      const traced = ran.flatMap((e) => traceLines(e, lang)).join('\n').toLowerCase();
      const words = [...stepTermWords(lessons, lang, index, i, run, glossary), ...traceTerms(lessons, lang, index, i, run, glossary).words];
      return words.filter((w) => !said.includes(w.toLowerCase()) && !pane.has(w) && !traced.includes(w.toLowerCase())).map((w) => `lesson '${lesson.id}' step '${step.id}': its New terms line names '${w}' (${lang}), which neither its text nor its notice says`);
    }),
  );
}

/** The code-like words of a choice (an errno, a flag): what a glossary entry could name. */
function choiceWords(choices: readonly Choice[] | undefined): Set<string> {
  return new Set((choices ?? []).flatMap((c) => [...(c.en.match(ERRNO_WORD) ?? []), ...termsIn(c.en)]));
}

/** A checkpoint is asked under its step's "New terms" line, and that line is one key from
 *  the glossary, which opens at the entry: an entry announced there whose terms or heading
 *  name one of the choices gives the answer away (msg's "New terms: IPC_NOWAIT", g, the
 *  heading "IPC_NOWAIT: ENOMSG, EAGAIN" above "ENOMSG or EAGAIN?"). The term belongs to an
 *  earlier step's text, or to the notice of a later one. A choice the step's text or
 *  question is the first to use is new there by its own word (EIDRM offered as a choice):
 *  the pane holds such a word back until the question is answered when only some choices
 *  name it (giveaway.ts pointsAtChoice, lesson-view.ts beforeAnswer), and a word every
 *  choice or the question names points at none. What the step's text says of the answer
 *  is found on a real run (tests/lessons/answer-giveaway.test.ts). */
function checkTermsGiveaway(lessons: Lesson[], glossary: readonly GlossaryEntry[], problems: string[]): void {
  for (const lang of LANGS) {
    lessons.forEach((lesson, l) => {
      const fresh = newTerms(lessons, lang, l, glossary);
      const freshWords = newTermWords(lessons, lang, l, glossary);
      lesson.steps.forEach((step, i) => {
        const words = choiceWords(lesson.checkpoints?.[step.id]?.choices);
        if (!words.size) return;
        for (const [j, entry] of (fresh[i] ?? []).entries()) {
          if (words.has(freshWords[i]![j]!)) continue;
          const named = [...words].filter((w) => entry.terms.includes(w) || new RegExp(`(?<![A-Za-z0-9_])${w}(?![A-Za-z0-9_])`).test(entry.name[lang]));
          if (named.length) problems.push(`lesson '${lesson.id}' step '${step.id}': its "New terms" line (${lang}) names ${named.join(', ')} (glossary entry '${entry.id}'), a choice of its checkpoint: let the learner meet the term at another step`);
        }
      });
    });
  }
}

/** Whether a choice says in place what `word` means: the word followed by a colon or a
 *  bracket ("EIDRM: the queue was removed while it waited", "dest (removed, still mapped)"). */
export function explainedInChoice(word: string, choice: string): boolean {
  const w = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9_])${w}(?:: |：| \\(|（)`).test(choice);
}

/** A meaning said in brackets after a word, in either language's brackets. */
const BRACKETED = / \(([^)]+)\)|（([^）]+)）/;

/** Whether a question's choices are alike in form: each carries a bracketed meaning of its
 *  own ("EINVAL (invalid argument)", "the write goes through (stored)"), none of them a
 *  reason ("(because …)"), so no choice stands out by explaining itself. */
export function choicesAlike(choices: readonly string[]): boolean {
  return choices.every((c) => {
    const said = c.match(BRACKETED);
    return !!said && !/^(?:because|since|as|so)\b|^(?:因为|由于|所以)/i.test(said[1] ?? said[2]!);
  });
}

/** An errno name or an IPC flag (IPC_*, SHM_*, MSG_*, SEM_*), as a learner reads it in a
 *  lesson's text or a call's result. */
const ERRNO_OR_FLAG = /(?<![A-Za-z0-9_])(?:E[A-Z]{3,}|E2BIG|(?:IPC|SHM|MSG|SEM)_[A-Z0-9_]*[A-Z0-9])(?![A-Za-z0-9_])/g;

/** Every errno name and IPC flag a result text names (ERRNO_WHY: why a call of the learner's
 *  failed, by errno) is a glossary term, as the lesson texts' are (checkWords): msg's
 *  "E2BIG … no MSG_NOERROR" had no entry (fix15f#4). */
function checkResultTerms(glossary: readonly GlossaryEntry[], problems: string[]): void {
  for (const [call, byErrno] of Object.entries(ERRNO_WHY)) {
    for (const [errno, why] of Object.entries(byErrno)) {
      const words = new Set([errno, ...[why.en, why.zh].flatMap((t) => t.match(ERRNO_OR_FLAG) ?? [])]);
      const unknown = [...words].filter((w) => !entryFor(w, glossary));
      if (unknown.length) problems.push(`text/errno.ts (ERRNO_FOR_CALL) ${call} ${errno}: its why names ${unknown.join(', ')}, which the glossary (src/lessons/glossary.ts) does not explain`);
    }
  }
}

/** A glossary term a checkpoint's choice uses is met before the learner answers: in an
 *  earlier step's (or lesson's) texts, or in this step's "New terms" line shown above the
 *  question. A term only some choices name is held back there until the answer (giveaway.ts
 *  pointsAtChoice), so an earlier step (or lesson) introduces it, neutrally, or the choice
 *  says in brackets what it means while every choice of the question is alike in form
 *  (choicesAlike): a lone self-explaining choice points at itself, and a sentence put in an
 *  earlier step only to meet the term misled (shmat 1's EIDRM, 5's SIGSEGV: fix18h). A
 *  learner who starts at the lesson (`--lesson ID`, from the menu) met nothing before it,
 *  and the same holds for them: a choice that is the first to use the term says in place
 *  what it means (explainedInChoice) only where every choice is alike. Only some choices
 *  explaining themselves read as terms met after the answer: serv-clnt 4's "its row, dest
 *  (removed, still mapped)" beside two bare choices (fix26a#2; its question now names dest),
 *  ftok no-creat's three errnos beside a bare "a shmid", shmdt use-after's SIGSEGV beside
 *  "it reads the text", msg rmid's two beside "sleeps on" (newcomers, fix27a#1). */
function checkChoiceTermsMet(lessons: Lesson[], glossary: readonly GlossaryEntry[], problems: string[]): void {
  for (const lang of LANGS) {
    // for a learner going through the course in order, and for one who starts at this lesson
    lessons.forEach((lesson, l) => [l, { index: l, ran: [] }].forEach((at) => {
      const fresh = newTerms(lessons, lang, at, glossary);
      const freshWords = newTermWords(lessons, lang, at, glossary);
      const who = typeof at === 'number' ? 'in order' : 'starting here';
      lesson.steps.forEach((step, i) => {
        const checkpoint = lesson.checkpoints?.[step.id];
        if (!checkpoint) return;
        (fresh[i] ?? []).forEach((entry, j) => {
          const word = freshWords[i]![j]!;
          if (!pointsAtChoice(word, checkpoint, lang)) return;
          for (const [c, choice] of checkpoint.choices.entries()) {
            // as drawn: an errno with its meaning (listedChoice)
            const all = checkpoint.choices.map((ch) => withErrnoMeanings(ch[lang], lang));
            const explained = explainedInChoice(word, all[c]!) && choicesAlike(all);
            if (!entriesUsed(choice[lang], glossary).get(entry)?.includes(word) || explained) continue;
            const how = `introduce it at an earlier step${typeof at === 'number' ? ' or lesson, neutrally' : ' or in the question'}, or say in brackets what it means ('${word} (…)') with every choice alike, each with its own bracketed meaning`;
            problems.push(`lesson '${lesson.id}' step '${step.id}' choice ${c + 1} (${lang}, a learner ${who}): uses '${word}' (glossary entry '${entry.id}'), which its "New terms" line shows only after the answer: ${how}`);
          }
        });
      });
    }));
  }
}

/** An entry the texts take for known (EVERY_LESSON: the notes) is found by its terms: a text
 *  that refers to it otherwise ("the study notes'") would leave a learner who did not run
 *  the lessons before without the "New terms" pointer. */
function checkEveryLessonMentions(lessons: Lesson[], glossary: readonly GlossaryEntry[], problems: string[]): void {
  for (const entry of glossary.filter((e) => EVERY_LESSON.has(e.id))) {
    const mentions = EVERY_LESSON.get(entry.id)!;
    for (const lang of LANGS) {
      for (const lesson of lessons) {
        textsByStep(lesson, lang).forEach(({ before, after }, i) => {
          for (const text of [before, after]) {
            if (mentions.test(text) && !entry.terms.some((t) => text.includes(t))) {
              problems.push(`lesson '${lesson.id}' step '${lesson.steps[i].id}': its ${lang} text refers to ${entry.name.en} without one of the words glossary entry '${entry.id}' answers to (${entry.terms.join(', ')}): use one, so the "New terms" line points to it`);
            }
          }
        });
      }
    }
  }
}

/** A "New terms" line names an entry by the word the text used ("owner"), and g opens the
 *  glossary there: the entry's heading shows that word first, not in brackets, so the learner
 *  scanning the headings finds it (an alias in brackets, such as 设备号（device）, is how an entry
 *  answers to a second name). A word the search alone finds (st_dev under "inode, device")
 *  is not enough: the learner reads the headings, not the search (issue 16, s26d#1). Held for
 *  the course in order and for each lesson started from the menu, whose lines name more. */
function checkTermsFindable(lessons: Lesson[], glossary: readonly GlossaryEntry[], problems: string[]): void {
  const seen = new Set<string>();
  for (const lang of LANGS) {
    lessons.forEach((lesson, l) => {
      for (const at of [l, { index: l, ran: [] }]) {
        const before = newTerms(lessons, lang, at, glossary);
        const words = newTermWords(lessons, lang, at, glossary);
        const after = noticeTermWords(lessons, lang, at, glossary);
        lesson.steps.forEach((step, i) => {
          const named = [...(before[i] ?? []).map((entry, j) => ({ entry, word: words[i]![j]! })), ...(after[i]?.entries ?? []).map((entry, j) => ({ entry, word: after[i]!.words[j]! }))];
          for (const { entry, word } of named) {
            const problem = `lesson '${lesson.id}' step '${step.id}': its "New terms" line (${lang}) names '${word}', which the heading of glossary entry '${entry.id}' ("${entry.name[lang]}") does not show before any bracket: put the word the text uses first, the other name in brackets`;
            // a call is shown by its name: fork() by "fork, exec, exit", exit(0) by exit
            const shown = word.replace(/\([^()]*\)$/, '').toLowerCase();
            if (!outsideBrackets(entry.name[lang]).toLowerCase().includes(shown) && !seen.has(problem)) problems.push((seen.add(problem), problem));
          }
        });
      }
    });
  }
}

/** A text that says an entry's heading ("System V IPC") is the first use of that entry as
 *  one term: when the entry knows only its parts ("System V", "IPC"), the "New terms" line
 *  names them apart ("System V, IPC"), not in the glossary's form (fix15h#1). */
function checkPhrasesWhole(lessons: Lesson[], glossary: readonly GlossaryEntry[], problems: string[]): void {
  for (const lang of LANGS) {
    for (const lesson of lessons) {
      textsByStep(lesson, lang).forEach(({ before, after }, i) => {
        for (const { entry, phrase } of [before, after].flatMap((text) => splitPhrases(text, lang, glossary))) {
          problems.push(`lesson '${lesson.id}' step '${lesson.steps[i].id}': its ${lang} text says '${phrase}', the heading of glossary entry '${entry}', which knows it only by its parts: add '${phrase}' to the entry's terms, so the "New terms" line names it as one`);
        }
      });
    }
  }
}

/** A term read with a step before the step whose text announces it ("New terms"): a hint, a
 *  whyNot, a your-turn form, the check (earlyTerms). Said where it is first read, or not used
 *  before. */
function checkEarlyTerms(lessons: Lesson[], glossary: readonly GlossaryEntry[], problems: string[]): void {
  for (const lang of LANGS) {
    for (const t of earlyTerms(lessons, lang, glossary)) {
      problems.push(`lesson '${t.lesson}' ${t.step === 'check' ? 'check' : `step '${t.step}'`} ${t.part}: its ${lang} text uses '${t.word}' (glossary entry '${t.entry}') before any step's text announces it ("New terms"): name it in a text shown at or before this step, or say it otherwise`);
    }
  }
}


/** The segment's record under its row shows IPC_STAT's fields from the step that made it. Which
 *  of them its line holds at a step follows from the pane's rows and width and from what the step
 *  changed and names (kernel-view.ts statLines): known only once drawn, so whether a text named a
 *  field before it showed is not decided here. What the texts alone decide: the first lesson to
 *  make a segment names every field a text may name (RECORD_NAMED), in both languages, so none
 *  stays unexplained through it (issue 16: overview's record showed uid, gid, cuid and cgid from
 *  step 5 at 80x24, and no text of it named them). */
function checkRecordNamed(lessons: Lesson[], problems: string[]): void {
  const first = lessons.find((l) => l.steps.some((step) => [step.code ?? []].flat().some((c) => /\bshmget\(/.test(c))));
  if (!first) return;
  for (const lang of ['en', 'zh'] as const) {
    const said = textsByStep(first, lang).map((t) => `${t.saidBefore}\n${t.saidAfter}`).join('\n');
    const unnamed = RECORD_NAMED.filter((f) => !namesField(said, f));
    if (unnamed.length) problems.push(`lesson '${first.id}', the first to make a segment: no ${lang} text names the record's ${unnamed.join(', ')}`);
  }
}
/** The structures the Kernel pane decodes beside a segment's dump (a lesson's setDecoded), each
 *  as its decoder names its fields, read from zero bytes: serv-clnt's struct ipclab_rv (its peers'
 *  events, peer-process.ts) and race's two ints. tests/lessons/decoded-glossary.test.ts runs every
 *  lesson and fails on a structure the pane shows that is not here. */
export function KERNEL_STRUCTS(): Pick<Decoded, 'title' | 'fields'>[] {
  const zeros = { read: (_at: number, n: number) => new Uint8Array(n), shmid: 0 } as unknown as Segment;
  return [
    { title: 'struct ipclab_rv', fields: decodedRows({ magic: 0, server_pid: 0, client_pid: 0, seq: 0, ack: 0, len: 0, flags: 0, reserved: 0, data: '' }) },
    decodeInts(zeros, 0),
  ];
}

const asWord = (word: string) => new RegExp(`(^|[^\\w])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w])`);

/** Each field of a structure the Kernel pane decodes has the glossary's word on it, found by
 *  the glossary's search (g, then /) of the word as the pane writes it: an entry whose heading
 *  holds the word, or one whose heading names the structure ("struct ipclab_rv") and whose text
 *  holds the word (issue 16: race's `started`, explained only in a Kernel note and an aside, found
 *  nothing). */
export function decodedFieldProblems(decoded: Pick<Decoded, 'title' | 'fields'>, glossary: readonly GlossaryEntry[] = GLOSSARY): string[] {
  const struct = /^struct\s+\w+$/.test(decoded.title) ? decoded.title : null;
  const headings = (e: GlossaryEntry) => [e.name.en, e.name.zh];
  const missing = decoded.fields
    .map((f) => f.name)
    .filter((name) => !glossary.some((e) => headings(e).some((h) => asWord(name).test(h)) || (struct !== null && headings(e).some((h) => asWord(struct).test(h)) && LANGS.every((lang) => asWord(name).test(e.text[lang])))));
  return missing.map((name) => `the Kernel pane decodes '${decoded.title}' with the field ${name}, which no glossary entry (src/lessons/glossary.ts) names in its heading${struct ? ` nor in the text of the entry on ${struct}` : ''}: the glossary's search finds nothing for it`);
}

function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

/** The lit edges of `path` whose end (a node, not a subgraph) is not lit with them: a path drawn
 *  as just run is whole, or the box the step reached shows as done while its arrow is lit. */
function loosePathEnds(diagram: string, path: readonly string[]): string[] {
  const m = diagramModel(diagram);
  const nodes = new Set(m.nodes.map((n) => n.id));
  return m.edges.flatMap((e) => (path.includes(e.id) ? [e.from, e.to].filter((end) => nodes.has(end) && !path.includes(end)).map((end) => `'${e.id}' but not its end '${end}'`) : []));
}

/** Problems found, one line each; empty when the lessons, the glossary and the errata are sound. */
export function validateLessons(lessons: Lesson[], errata: readonly Erratum[] = ERRATA, glossary: readonly GlossaryEntry[] = GLOSSARY): string[] {
  const problems: string[] = [];
  checkGlossary(glossary, problems);
  checkErrata(errata, lessons, glossary, problems);
  checkNewTerms(lessons, glossary, problems);
  checkTermsGiveaway(lessons, glossary, problems);
  problems.push(...glossaryGiveaways(lessons, glossary), ...turnGiveaways(lessons), ...lessonTextGiveaways(lessons));
  checkChoiceTermsMet(lessons, glossary, problems);
  checkResultTerms(glossary, problems);
  checkTermsFindable(lessons, glossary, problems);
  checkPhrasesWhole(lessons, glossary, problems);
  checkEveryLessonMentions(lessons, glossary, problems);
  checkEarlyTerms(lessons, glossary, problems);
  checkRecordNamed(lessons, problems);
  for (const decoded of KERNEL_STRUCTS()) problems.push(...decodedFieldProblems(decoded, glossary));
  lessons.forEach((_, index) => problems.push(...newTermsUnsaid(lessons, index, undefined, glossary)));
  checkSourceSpacing(problems);
  // in Chinese the C pane (and the trace, for the programs ipclab runs) shows what a C file prints
  // through its table (examples/c/zh/FILE.out.txt): every text a file can print has its Chinese,
  // every entry its text
  problems.push(...outputTablesProblems());
  // the rules of style over every text a lesson, the glossary and the errata hold
  const style = { lessons: lessons.map((l) => l.id), numbers: true, prose: true };
  for (const lesson of lessons) problems.push(...textStyleProblems(`lesson '${lesson.id}'`, lesson, style));
  for (const lesson of lessons) problems.push(...asideWordProblems(lesson));
  // an aside is shown after its label and a colon ("How ipclab does this: a C program…")
  for (const lesson of lessons) {
    for (const [where, aside] of [[`lesson '${lesson.id}' aside`, lesson.aside] as const, ...lesson.steps.map((st) => [`lesson '${lesson.id}' step '${st.id}' aside`, st.aside] as const)]) {
      if (aside) for (const lang of LANGS) problems.push(...styleProblems(`${ASIDE_LABEL[lang]}${aside[lang]}`, lang, { prose: true }).map((p) => `${where}: the ${lang} text ${p}`));
    }
  }
  problems.push(...textStyleProblems('glossary', glossary, style), ...textStyleProblems('errata', errata, style));
  for (const id of duplicates(lessons.map((l) => l.id))) problems.push(`lesson id '${id}' is used more than once`);
  // a program is one lesson's; a header (cleanup.h) is every lesson's whose C includes it
  for (const path of duplicates(lessons.flatMap((l) => l.code.filter((f) => f.kind !== 'header').map((f) => f.path)))) problems.push(`C file examples/c/${path} is declared more than once`);
  for (const l of lessons) for (const path of duplicates(l.code.filter((f) => f.kind === 'header').map((f) => f.path))) problems.push(`lesson '${l.id}': C file examples/c/${path} is declared more than once`);
  const known = new Map<string, Set<string> | null>();
  const idsOf = (name: string): Set<string> | null => {
    if (!known.has(name)) {
      try {
        known.set(name, diagramIds(name));
      } catch {
        known.set(name, null);
      }
    }
    return known.get(name)!;
  };
  for (const name of new Set(lessons.flatMap((l) => l.diagrams))) {
    if (idsOf(name)) for (const p of [...diagramLabelProblems(name), ...diagramWordProblems(name)]) problems.push(`assets/diagrams/${name}.mmd: ${p}`);
  }
  // the C files several lessons show (cleanup.h): how every program cleans up (open-screens.ts)
  const shared = new Set(lessons.flatMap((l) => l.code.map((f) => f.path)).filter((p, k, all) => all.indexOf(p) !== k));
  for (const lesson of lessons) {
    const at = `lesson '${lesson.id}'`;
    if (!/^[a-z][a-z0-9-]*$/.test(lesson.id)) problems.push(`${at}: the id should be lowercase letters, digits and dashes`);
    checkText(`${at} title`, lesson.title, problems);
    if (lesson.short) checkText(`${at} short title`, lesson.short, problems);
    // the title bar's short form is the start of the menu's title, so a learner knows the lesson in both
    for (const lang of ['en', 'zh'] as const) {
      const short = lesson.short?.[lang];
      if (typeof short === 'string' && (short.length >= lesson.title[lang].length || !lesson.title[lang].startsWith(short)))
        problems.push(`${at}: the short title (${lang}) should be the start of the title, cut where it still reads ('${short}' of '${lesson.title[lang]}')`);
    }
    checkText(`${at} intro`, lesson.intro, problems);
    // a learner may start at any lesson (the menu, --lesson, an erratum's jump): its introduction
    // (or title) says the API is System V's, not POSIX's shm_open, mq_open, sem_open (nc13#4)
    for (const lang of ['en', 'zh'] as const) {
      if (!`${lesson.title[lang]} ${lesson.intro[lang]}`.includes('System V')) problems.push(`${at} intro (${lang}): should say System V, for a learner who starts here (not POSIX shm_open)`);
    }
    checkText(`${at} outro`, lesson.outro, problems);
    if (lesson.aside) checkText(`${at} aside`, lesson.aside, problems);
    for (const part of ['title', 'short', 'intro', 'aside', 'outro'] as const) checkWords(`${at} ${part}`, lesson[part], glossary, problems);
    if (!lesson.summary?.trim() || lesson.summary.includes('\n') || lesson.summary.includes('|')) {
      problems.push(`${at}: the summary should be one line of text without '|' (it is a row of the README's table)`);
    }
    for (const name of lesson.diagrams) {
      if (!idsOf(name)) problems.push(`${at}: diagram '${name}' does not exist in assets/diagrams`);
      else if (!lesson.steps.some((s) => s.diagram === name)) problems.push(`${at}: diagram '${name}' is among its diagrams, but no step shows it`);
      else checkHiddenRevealed(at, lesson, name, problems);
    }
    checkCode(at, lesson, problems);
    checkQuiz(at, lesson, glossary, problems);
    for (const p of [...openScreenGiveaways(lesson, shared), ...unmaskedOutcomes(lesson)]) problems.push(`${at} ${p}`);
    if (lesson.steps.length === 0) problems.push(`${at}: has no steps`);
    for (const id of duplicates(lesson.steps.map((s) => s.id))) problems.push(`${at}: step id '${id}' is used more than once`);
    for (const step of lesson.steps) {
      const where = `${at} step '${step.id}'`;
      checkText(`${where} title`, step.title, problems);
      if (step.short) checkShort(where, step.title, step.short, problems);
      checkText(`${where} say`, step.say, problems, MAX_LINES.say);
      checkText(`${where} notice`, step.notice, problems, MAX_LINES.notice, NOTICE_LABEL);
      if (step.aside) checkText(`${where} aside`, step.aside, problems, MAX_LINES.aside, ASIDE_LABEL);
      for (const part of ['title', 'short', 'say', 'notice', 'aside'] as const) checkWords(`${where} ${part}`, step[part], glossary, problems);
      if (namesTrace(step.notice) && !step.traceFocus?.length) problems.push(`${where}: its notice points into the Trace, so it declares traceFocus (the lines the Trace shows after the run)`);
      // after the run the pane of the step's result is shown (result-pane.ts): no key to reach it
      const shown = possibleResultPanes(step);
      for (const pane of tabPointers(step.notice)) if (shown.has(pane)) problems.push(`${where}: its notice tells the learner to press Tab (跳到) for the ${pane} pane, which ipclab shows after the run: name the pane without the key`);
      const unbacked = unbackedClaim(step);
      if (unbacked) problems.push(`${where}: its notice speaks of what only the ${unbacked.claims} pane shows while the ${unbacked.shown} pane is shown after the run: declare alsoIn, show it in the pane shown (resultPane), or drop the claim`);
      if (typeof step.run !== 'function') problems.push(`${where}: has no action`);
      if (step.turn) checkTurn(where, step.turn, problems);
      if (step.turn) checkStayingQuestion(where, step.turn, lesson.checkpoints?.[step.id], problems);
      if (!lesson.diagrams.includes(step.diagram)) problems.push(`${where}: diagram '${step.diagram}' is not among the lesson's diagrams`);
      const ids = idsOf(step.diagram);
      if (!ids) {
        problems.push(`${where}: diagram '${step.diagram}' does not exist in assets/diagrams`);
        continue;
      }
      if (step.highlight.length === 0) problems.push(`${where}: lights nothing in '${step.diagram}'`);
      for (const id of step.highlight) if (!ids.has(id)) problems.push(`${where}: highlight '${id}' is not a node, edge or subgraph of '${step.diagram}'`);
      // a part drawn "?" only where the diagram marks it '%% hide' (src/flow/hidden.ts)
      for (const id of step.reveals ?? []) if (!(diagramModel(step.diagram).hidden ?? []).includes(id)) problems.push(`${where}: reveals '${id}', not a '%% hide'n part of '${step.diagram}'`);
      // a decision on a path already lit is never drawn "?" (shmget's "<  ?  >" above its lit "no")
      const earlier = lesson.steps.slice(0, lesson.steps.indexOf(step)).filter((s) => s.diagram === step.diagram);
      for (const id of step.reveals ?? [])
        if (diagramModel(step.diagram).nodes.some((n) => n.id === id && n.shape === 'diamond') && earlier.some((s) => mayLight(s).includes(id)))
          problems.push(`${where}: reveals the decision '${id}', lit by an earlier step: a decision on a lit path is never masked; word it so it gives no answer away and hide its branch instead`);
      for (const [result, path] of Object.entries(step.litBy?.paths ?? {})) {
        if (!path || path.length === 0) problems.push(`${where}: lights nothing in '${step.diagram}' when ${step.litBy!.call} gives ${result}`);
        for (const id of path ?? []) if (!ids.has(id)) problems.push(`${where}: the path for ${result} names '${id}', not a node, edge or subgraph of '${step.diagram}'`);
      }
      for (const [result, path] of [['its highlight', step.highlight] as const, ...Object.entries(step.litBy?.paths ?? {}).map(([r, p]) => [`the path for ${r}`, p ?? []] as const)]) {
        for (const p of loosePathEnds(step.diagram, path)) problems.push(`${where}: ${result} lights ${p}`);
      }
    }
  }
  return problems;
}
