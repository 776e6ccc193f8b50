// What the C files ipclab shows print, in Chinese. The programs stay English: they are what a
// learner compiles. Each file that prints has a table, examples/c/zh/FILE.out.txt, of every text
// it can print (a print call's format, a text a function hands back to be printed, a macro's
// text) as a C string, `en: "…"` exactly as the file has it and `zh: "…"` its Chinese with the
// same conversions (%d, %s …) in the same order (or numbered, %2$s). In Chinese the C pane shows
// each text under the line that prints it (printedGlosses in src/app/components/code-view.ts),
// for every file a lesson shows; the trace shows a line one of the programs ipclab runs
// (C_PROGRAMS) printed through the format it matches, its values put back where the Chinese has
// them. `ipclab check` fails when a text of any C file has no entry, or an entry matches no text
// of the file (cOutputProblems, outputTablesProblems).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { commentSpans, parsePairTable, type PairForm } from '../text/comment-spans.js';
import { libcWordsChinese } from '../text/errno.js';

/** The examples/c programs a lesson compiles and runs, without `.c`. */
export const C_PROGRAMS = ['serv', 'clnt', 'inherit'] as const;
export type CProgram = (typeof C_PROGRAMS)[number];

/** The C library's printing calls and which argument is the text: printf's first, fprintf's second. */
const PRINTERS: Record<string, number> = { printf: 0, fprintf: 1, dprintf: 1, puts: 0, fputs: 0, perror: 0 };

/** A C string literal's text as the program has it (`\"` a quote, `\n` a newline). */
export function unescapeC(body: string): string {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' };
  return body.replace(/\\(x[0-9a-fA-F]+|[0-7]{1,3}|.)/g, (_, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e) && e !== '0') return String.fromCharCode(parseInt(e, 8));
    return simple[e] ?? e;
  });
}

/** The source with its comments blanked (lines and columns kept), so no literal of a comment counts. */
function codeOnly(source: string): string {
  return commentSpans(source.split('\n'))
    .map((spans) => spans.map((s) => (s.comment ? ' '.repeat(s.text.length) : s.text)).join(''))
    .join('\n');
}

/** The literals at the top level of an expression ("a" or c ? "a" : "b"; not strtok(l, "\n")'s),
 *  adjacent ones joined as C joins them. */
function topLiterals(expr: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let last = -1;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === "'") i = skipQuoted(expr, i);
    else if (ch === '"') {
      const end = skipQuoted(expr, i);
      const body = expr.slice(i + 1, end);
      if (depth === 0) {
        // "abc" "def" is one literal
        if (last >= 0 && expr.slice(last, i).trim() === '') out[out.length - 1] += body;
        else out.push(body);
        last = end + 1;
      }
      i = end;
    }
  }
  return out;
}

/** The index of the closing quote of the literal opening at `i`. */
function skipQuoted(text: string, i: number): number {
  const q = text[i];
  let j = i + 1;
  while (j < text.length && text[j] !== q) j += text[j] === '\\' ? 2 : 1;
  return j;
}

/** The arguments of the call whose `(` is at `open`, split at its top-level commas, and where it ends. */
function callArgs(code: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let from = open + 1;
  for (let i = open; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"' || ch === "'") i = skipQuoted(code, i);
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) {
        args.push(code.slice(from, i));
        return { args, end: i };
      }
    } else if (ch === ',' && depth === 1) {
      args.push(code.slice(from, i));
      from = i + 1;
    }
  }
  return { args, end: code.length };
}

/** Every text C file `source` can print, as its literals are written (escapes kept), each once,
 *  with the line it is first on: the literals of a print call's arguments (the C library's, the
 *  file's own printf-like functions, `format(printf, N, M)`, and a function that hands one of its
 *  parameters to a printer, msg.c's expect()), of a `return` and of a `#define`. */
export function printedTexts(source: string, printers: Readonly<Record<string, number>> = printersOf([source])): { text: string; line: number }[] {
  const code = codeOnly(source);
  const lineAt = (i: number) => code.slice(0, i).split('\n').length;
  const found = new Map<string, number>();
  const add = (texts: string[], at: number) => texts.forEach((t) => found.has(t) || found.set(t, lineAt(at)));
  for (const m of code.matchAll(/(?<![\w.>])(\w+)\s*\(/g)) {
    if (!(m[1] in printers)) continue;
    const { args } = callArgs(code, m.index + m[0].length - 1);
    // a declaration or definition (`const char *fmt, ...`) holds no literal
    add(args.flatMap(topLiterals), m.index);
  }
  for (const m of code.matchAll(/\breturn\b([^;]*);/g)) add(topLiterals(m[1]), m.index);
  for (const m of code.matchAll(/^[ \t]*#[ \t]*define[ \t]+\w+[ \t]+("(?:[^"\\\n]|\\.)*")[ \t]*$/gm)) add(topLiterals(m[1]), m.index);
  return [...found].map(([text, line]) => ({ text, line }));
}

/** The printing functions of a program's files and which argument is the text: the C
 *  library's, the files' own printf-like ones (`__attribute__((format(printf, N, M)))`,
 *  before or after the name: rv.h's say() and fail(), which serv.c and clnt.c call), and
 *  a function that hands a parameter to one of these (msg.c's expect(cond, what)). */
export function printersOf(sources: readonly string[]): Record<string, number> {
  const printers = { ...PRINTERS };
  for (const code of sources.map(codeOnly)) {
    for (const m of code.matchAll(/\b(\w+)\s*\([^;{]*?\)\s*__attribute__\s*\(\(\s*format\s*\(\s*printf\s*,\s*(\d+)/g)) printers[m[1]] = Number(m[2]) - 1;
    for (const m of code.matchAll(/__attribute__\s*\(\(\s*format\s*\(\s*printf\s*,\s*(\d+)[^;{]*?\b(\w+)\s*\(/g)) printers[m[2]] = Number(m[1]) - 1;
  }
  // a function that hands one of its parameters to a printer prints what it is given: msg.c's
  // expect(cond, "type 2: the first message of type 2") through printf("NOT AS EXPECTED: %s\n", what)
  const defs = sources.map(codeOnly).flatMap((code) =>
    [...code.matchAll(/^[ \t]*(?:static[ \t]+)?(?:const[ \t]+)?\w+[\w \t*]*?\b(\w+)[ \t]*\(([^;{()]*)\)\s*\{/gm)].map((m) => {
      const params = m[2].split(',').map((p) => /(\w+)\s*(?:\[\s*\])?\s*$/.exec(p.trim())?.[1] ?? '');
      const open = m.index + m[0].length - 1;
      return { name: m[1], params, body: code.slice(open, bodyEnd(code, open)) };
    }),
  );
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of defs) {
      if (d.name in printers) continue;
      const at = printedParam(d.body, d.params, printers);
      if (at >= 0) {
        printers[d.name] = at;
        grew = true;
      }
    }
  }
  return printers;
}

/** Where the block opening at `open` ends (after its closing brace). */
function bodyEnd(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"' || ch === "'") i = skipQuoted(code, i);
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return code.length;
}

/** The first of `params` that `body` hands whole to a printer, or -1. */
function printedParam(body: string, params: readonly string[], printers: Readonly<Record<string, number>>): number {
  for (const m of body.matchAll(/(?<![\w.>])(\w+)\s*\(/g)) {
    if (!(m[1] in printers)) continue;
    const { args } = callArgs(body, m.index + m[0].length - 1);
    for (const a of args) {
      const i = params.indexOf(a.trim());
      if (i >= 0 && a.trim() !== '') return i;
    }
  }
  return -1;
}

/** A conversion of a format: %d, %08x, %zu, %.3f, %s, %p; %2$s names its argument. */
const CONVERSION = /%(?:(\d+)\$)?([-+ #0]*)(\d*|\*)(?:\.(\d*|\*))?(hh|h|ll|l|L|q|j|z|t)?([diouxXeEfFgGaAcspn%])/g;

interface Conversion {
  /** the argument it prints, 0-based */
  arg: number;
  kind: string;
  at: number;
  length: number;
}

function conversions(format: string): Conversion[] {
  const out: Conversion[] = [];
  let next = 0;
  for (const m of format.matchAll(CONVERSION)) {
    if (m[6] === '%') continue;
    const arg = m[1] ? Number(m[1]) - 1 : next++;
    out.push({ arg, kind: m[6], at: m.index, length: m[0].length });
  }
  return out;
}

/** What a value of a conversion looks like printed. */
function valuePattern(kind: string): string {
  if ('di'.includes(kind)) return '-?\\d+';
  if ('ou'.includes(kind)) return '\\d+';
  if ('xX'.includes(kind)) return '[0-9a-fA-F]+';
  if (kind === 'p') return '0x[0-9a-f]+|\\(nil\\)';
  if (kind === 'c') return '[^]';
  if (kind === 's') return '.*?';
  return '[-+]?(?:[0-9.]+(?:e[-+]?\\d+)?|inf|nan)';
}

export interface OutputEntry {
  /** the texts as the program prints them (escapes undone) */
  en: string;
  zh: string;
  /** matches a whole line the format prints, a group per conversion */
  match: RegExp;
  convs: Conversion[];
  /** its literal characters: a longer one is tried first (`= %s` last, `= %s; retrying …` before it) */
  weight: number;
}

function entryOf(en: string, zh: string): OutputEntry {
  const convs = conversions(en);
  let pattern = '';
  let from = 0;
  for (const c of convs) {
    pattern += escape(en.slice(from, c.at).replace(/%%/g, '%')) + `(${valuePattern(c.kind)})`;
    from = c.at + c.length;
  }
  pattern += escape(en.slice(from).replace(/%%/g, '%'));
  // a line is read without its newline
  return { en, zh, match: new RegExp(`^${pattern.replace(/(?:\\n)+$/, '')}$`, 'u'), convs, weight: en.length - convs.reduce((n, c) => n + c.length, 0) };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\n/g, '\\n');
}

/** An output table's values: a C string in double quotes, as the file writes it. */
const C_STRING: PairForm = {
  read: (rest) => /^ "((?:[^"\\]|\\.)*)"$/.exec(rest)?.[1] ?? null,
  form: `neither 'en: "…"' nor 'zh: "…"' (a C string in double quotes)`,
  quote: (text) => `"${text}"`,
};

/** A table examples/c/zh/FILE.out.txt: pairs `en: "…"` and `zh: "…"` (C strings as the file
 *  writes them); `#` lines and blank lines are notes. Keys are the literals as written. Read
 *  by the comment tables' reader (parsePairTable). */
export function parseOutputTable(text: string): { table: Map<string, string>; problems: string[] } {
  return parsePairTable(text, C_STRING);
}

/** The local headers a C file includes (`#include "rv.h"`), theirs too, the file first. */
export function filesOf(path: string, read: (path: string) => string | null): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    if (out.includes(p)) return;
    const text = read(p);
    if (text === null) return;
    out.push(p);
    for (const m of text.matchAll(/^\s*#\s*include\s+"([^"]+)"/gm)) visit(m[1]);
  };
  visit(path);
  return out;
}

/** The letters a Chinese text may not lose or gain: the conversions, kinds by argument. */
function kindsByArg(format: string): string {
  return conversions(format)
    .sort((a, b) => a.arg - b.arg)
    .map((c) => `${c.arg}:${c.kind}`)
    .join(' ');
}

/** What is wrong with the table of C file `path` (`tableText`, null when it has none) against
 *  the texts the file prints: each has its entry, each entry its text, and the Chinese prints
 *  the same values; a call's line (`shmat(%d, NULL, 0) = %p …`) keeps the call as it is. */
export function cOutputProblems(path: string, source: string, tableText: string | null, printers?: Readonly<Record<string, number>>): string[] {
  const texts = printedTexts(source, printers);
  const where = `examples/c/zh/${path}.out.txt`;
  if (tableText === null) return texts.length ? [`${where}: missing; examples/c/${path} prints ${texts.length} texts (first "${texts[0].text}", line ${texts[0].line}) that the Chinese C pane shows through it`] : [];
  const { table, problems } = parseOutputTable(tableText);
  const out = problems.map((p) => `${where}: ${p}`);
  for (const t of texts) if (!table.has(t.text)) out.push(`${where}: no entry for "${t.text}" (examples/c/${path}:${t.line})`);
  const known = new Set(texts.map((t) => t.text));
  for (const [en, zh] of table) {
    if (!known.has(en)) {
      out.push(`${where}: "${en}" is printed nowhere in examples/c/${path} (the text changed?)`);
      continue;
    }
    const [e, z] = [unescapeC(en), unescapeC(zh)];
    if (kindsByArg(e) !== kindsByArg(z)) out.push(`${where}: "${zh}" prints other values than "${en}" (${kindsByArg(e) || 'none'} against ${kindsByArg(z) || 'none'})`);
    const call = e.indexOf(') = ');
    if (/^\w+\(/.test(e) && call > 0 && !z.startsWith(e.slice(0, call + 4))) out.push(`${where}: "${zh}" does not keep the call "${e.slice(0, call + 4)}" of "${en}" as it is`);
    if (/\n$/.test(e) !== /\n$/.test(z)) out.push(`${where}: "${zh}" and "${en}" differ in ending a line`);
  }
  return out;
}

/** The entries of a C file's tables (its own and the headers' it includes), most literal first. */
export function outputEntries(path: string): OutputEntry[] {
  const dir = join(packageRoot(), 'examples', 'c');
  const read = (p: string) => (existsSync(join(dir, p)) ? readFileSync(join(dir, p), 'utf8') : null);
  const entries: OutputEntry[] = [];
  for (const file of filesOf(path, read)) {
    const table = join(dir, 'zh', `${file}.out.txt`);
    if (!existsSync(table)) continue;
    for (const [en, zh] of parseOutputTable(readFileSync(table, 'utf8')).table) entries.push(entryOf(unescapeC(en), unescapeC(zh)));
  }
  return entries.sort((a, b) => b.weight - a.weight);
}

const cache = new Map<string, OutputEntry[]>();

/** A line the program printed (without its stamp and "[clnt 4242] " tag), in Chinese; null when
 *  no text of its table prints it. A value a format put in with %s is given in Chinese too where
 *  it is one of the table's plain texts (rv.h's " (woken by SIGUSR2)"). Two-part lines: perror's
 *  "serv: reading stdin: Broken pipe" (the C library's words after the colon in Chinese as an
 *  errno's meaning is, src/text/errno.ts: "断开的管道") and fail()'s "clnt: no server on
 *  /tmp/x within the timeout" (its role, then a format). */
export function chineseOf(line: string, entries: readonly OutputEntry[]): string | null {
  const whole = translate(line, entries);
  if (whole !== null) return whole;
  for (let at = line.indexOf(': '); at > 0; at = line.indexOf(': ', at + 1)) {
    const [head, rest] = [line.slice(0, at), line.slice(at + 2)];
    const zhRest = /^\w+$/.test(head) ? translate(rest, entries) : null;
    if (zhRest !== null) return `${head}：${zhRest}`;
    const zhHead = translate(head, entries);
    if (zhHead !== null) return `${zhHead}：${libcWordsChinese(rest)}`;
  }
  return null;
}

function translate(line: string, entries: readonly OutputEntry[]): string | null {
  for (const e of entries) {
    // a format of conversions alone ("%s") has no words of its own to give in Chinese
    if (e.weight === 0) continue;
    const m = e.match.exec(line);
    if (!m) continue;
    // each value by the argument it prints: the Chinese may put them in another order (%2$s)
    const values: string[] = [];
    e.convs.forEach((c, i) => {
      const v = m[i + 1];
      const plain = c.kind === 's' ? entries.find((p) => p.convs.length === 0 && p.en === v && p !== e) : undefined;
      // strerror(errno) put in with %s ("cannot create %s: %s") reads as an errno's meaning does
      values[c.arg] = plain ? plain.zh : c.kind === 's' && v !== undefined ? libcWordsChinese(v) : v;
    });
    let next = 0;
    return e.zh.replace(CONVERSION, (all: string, n: string | undefined, ...rest: string[]) => (rest[4] === '%' ? '%' : (values[n ? Number(n) - 1 : next++] ?? all))).replace(/\n$/, '');
  }
  return null;
}

/** A line program `program` printed, in Chinese (null: no entry prints it). */
export function cProgramChinese(program: CProgram, line: string): string | null {
  return cFileChinese(`${program}.c`, line);
}

/** A line C file `path` (ftok.c) or the headers it includes could print, in Chinese (null: no
 *  entry prints it). */
export function cFileChinese(path: string, line: string): string | null {
  if (!cache.has(path)) cache.set(path, outputEntries(path));
  return chineseOf(line, cache.get(path)!);
}

/** What is wrong with the output tables of every C file in `dir` (examples/c: each file the C
 *  pane can show, the programs ipclab runs among them), each file checked once with the
 *  printf-like functions of every file it goes with (rv.h's say() in serv.c); a program ipclab
 *  runs that is missing; and a table no C file has. */
export function outputTablesProblems(dir = join(packageRoot(), 'examples', 'c')): string[] {
  const read = (p: string) => (existsSync(join(dir, p)) ? readFileSync(join(dir, p), 'utf8') : null);
  const problems: string[] = [];
  for (const program of C_PROGRAMS) if (read(`${program}.c`) === null) problems.push(`examples/c/${program}.c: missing, yet ipclab runs it (C_PROGRAMS in src/lessons/c-output.ts)`);
  const files = readdirSync(dir).filter((f) => /\.[ch]$/.test(f)).sort();
  const closures = files.map((f) => filesOf(f, read));
  for (const file of files) {
    const printers = printersOf([...new Set(closures.filter((c) => c.includes(file)).flat())].map((f) => read(f)!));
    problems.push(...cOutputProblems(file, read(file)!, read(`zh/${file}.out.txt`), printers));
  }
  const tables = existsSync(join(dir, 'zh')) ? readdirSync(join(dir, 'zh')).filter((f) => f.endsWith('.out.txt')) : [];
  for (const t of tables) if (!files.includes(t.slice(0, -'.out.txt'.length))) problems.push(`examples/c/zh/${t}: no C file examples/c/${t.slice(0, -'.out.txt'.length)} prints through it`);
  return problems;
}
