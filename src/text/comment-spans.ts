// Where C comments are in a source file, line by line, so the C pane can wrap a
// comment as a comment (its continuation under the comment's text, in the comment's
// tone). A small scanner: strings and character constants are skipped so a "/*" in
// a format string opens nothing; block comments carry over from line to line.

import { HAN, wordStarts } from './zh-words.js';
import { rejectedTerms } from './terms.js';

export interface Span {
  text: string;
  comment: boolean;
}

/** Each line of `lines` cut into code and comment spans (together the whole line). */
export function commentSpans(lines: readonly string[]): Span[][] {
  return scan(lines).spans;
}

/** The spans of each line, and whether a block comment is still open at each line's end. */
function scan(lines: readonly string[]): { spans: Span[][]; open: boolean[] } {
  let inBlock = false;
  const open: boolean[] = [];
  const spans = lines.map((l) => {
    const spans: Span[] = [];
    let start = 0;
    const cut = (end: number, comment: boolean) => {
      if (end > start) spans.push({ text: l.slice(start, end), comment });
      start = end;
    };
    let quote = '';
    for (let i = 0; i < l.length; i++) {
      const two = l.slice(i, i + 2);
      if (inBlock) {
        if (two === '*/') {
          cut(i + 2, true);
          inBlock = false;
          i++;
        }
      } else if (quote) {
        if (l[i] === '\\') i++;
        else if (l[i] === quote) quote = '';
      } else if (l[i] === '"' || l[i] === "'") quote = l[i];
      else if (two === '//') {
        cut(i, false);
        cut(l.length, true);
        break;
      } else if (two === '/*') {
        cut(i, false);
        inBlock = true;
        i++;
      }
    }
    cut(l.length, inBlock);
    open.push(inBlock);
    return spans;
  });
  return { spans, open };
}

/** The runs of lines (two or more) whose words go on from one line to the next inside one
 *  block comment: the comment's last span on a line still open, the next line's first span
 *  the same comment, both with words (a line of no words, ` *`, ends a run). A run is what
 *  the Chinese is laid out across afresh (examples/c/zh), not line by line. */
export function commentRuns(lines: readonly string[]): number[][] {
  const { spans, open } = scan(lines);
  const wordsOf = (span: Span | undefined) => (span?.comment ? commentParts(span.text).words : '');
  const runs: number[][] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length > 1) runs.push(run);
    run = [];
  };
  spans.forEach((line, i) => {
    const goesOn = i > 0 && open[i - 1] && run[run.length - 1] === i - 1 && wordsOf(line[0]) !== '';
    if (goesOn) run.push(i);
    else flush();
    if (open[i] && wordsOf(line[line.length - 1]) !== '') {
      if (run[run.length - 1] !== i) run = [i];
    } else flush();
  });
  if (run.length > 1) runs.push(run);
  return runs;
}

/** The column (in characters) where a comment span's words start: after its opening
 *  mark (`/*`, `//`, a block comment's leading `*`) and the spaces that follow. */
export function commentTextStart(span: string): number {
  return /^\s*(\/\*+|\/\/+|\*(?!\/))?\s*/.exec(span)?.[0].length ?? 0;
}

/** A comment span cut into its opening mark (and the spaces after it), its words, and what
 *  follows them (spaces, a closing `*\/`): the words are what a line's translation is found by. */
export function commentParts(span: string): { before: string; words: string; after: string } {
  const start = commentTextStart(span);
  const tail = /\s*(\*+\/)?\s*$/.exec(span.slice(start))?.[0] ?? '';
  return { before: span.slice(0, start), words: span.slice(start, span.length - tail.length), after: tail };
}

/** The words of each comment span of `lines`, line by line (empty spans left out). */
export function commentWords(lines: readonly string[]): { line: number; words: string }[] {
  const out: { line: number; words: string }[] = [];
  commentSpans(lines).forEach((spans, line) => {
    for (const span of spans) {
      const { words } = commentParts(span.text);
      if (span.comment && words !== '') out.push({ line, words });
    }
  });
  return out;
}

/** How a table of pairs writes its values: `read` takes what follows a line's `en:` or `zh:`
 *  (null: not a value of this table), `form` names the line's form in a problem, `quote`
 *  gives a value back as the table writes it. */
export interface PairForm {
  read(rest: string): string | null;
  form: string;
  quote(value: string): string;
}

/** The one reader of ipclab's tables of pairs (examples/c/zh/FILE.txt, the Chinese of a C
 *  file's comments, and FILE.out.txt, of what it prints): pairs of lines, `en: ` then `zh: `;
 *  `#` lines and blank lines are notes. `problems`: what is not such a pair. */
export function parsePairTable(text: string, form: PairForm): { table: Map<string, string>; problems: string[] } {
  const table = new Map<string, string>();
  const problems: string[] = [];
  let en: { value: string; line: number } | null = null;
  text.split('\n').forEach((raw, i) => {
    const l = raw.trimEnd();
    if (l === '' || l.startsWith('#')) return;
    const m = /^(en|zh):(.*)$/.exec(l);
    const value = m ? form.read(m[2]) : null;
    if (!m || value === null) problems.push(`line ${i + 1}: ${form.form}`);
    else if (m[1] === 'en') {
      if (en) problems.push(`line ${en.line}: 'en: ${form.quote(en.value)}' has no 'zh: ' line after it`);
      en = { value, line: i + 1 };
    } else if (!en) problems.push(`line ${i + 1}: 'zh: ' with no 'en: ' line before it`);
    else {
      if (table.has(en.value)) problems.push(`line ${en.line}: ${form.quote(en.value)} is given twice`);
      table.set(en.value, value);
      en = null;
    }
  });
  if (en) problems.push(`line ${(en as { line: number }).line}: an 'en: ' line with no 'zh: ' line after it`);
  return { table, problems };
}

/** A comment table's values: the words after `en: `, trimmed. */
const COMMENT_WORDS: PairForm = {
  read: (rest) => (rest === '' || rest.startsWith(' ') ? rest.trim() : null),
  form: "neither 'en: ' nor 'zh: '",
  quote: (words) => `'${words}'`,
};

/** A C file's table of Chinese comments (examples/c/zh/FILE.txt): pairs of lines, `en: ` the
 *  words of a comment line as the file has them, `zh: ` its Chinese; `#` lines and blank
 *  lines are notes. `problems`: what is not such a pair. */
export function parseCommentTable(text: string): { table: Map<string, string>; problems: string[] } {
  return parsePairTable(text, COMMENT_WORDS);
}

/** The lines of a file's spans with each comment's words given in Chinese where `table` has
 *  them (the code, the marks and the columns as they were: a comment after code starts where it did). */
export function translatedSpans(spans: Span[][], table: ReadonlyMap<string, string>): Span[][] {
  return spans.map((line) =>
    line.map((span) => {
      if (!span.comment) return span;
      const { before, words, after } = commentParts(span.text);
      const zh = words === '' ? undefined : table.get(words);
      if (zh === undefined) return span;
      return { text: `${before}${zh}${after}`, comment: true };
    }),
  );
}

/** What is wrong with how the comments of `lines` end: a block comment ends on its last words
 *  (`… words *\/`) or with its `*\/` alone on the row after them, as every English comment
 *  does; never on a row of its marks alone (` * *\/`, an empty `/* *\/`), nor with an empty
 *  ` *` row before its closing row (a comment's Chinese laid out over fewer lines than its
 *  English left such rows in the C pane), nor with code after a closing mark alone. */
export function commentEndProblems(lines: readonly string[]): string[] {
  const problems: string[] = [];
  const all = commentSpans(lines);
  all.forEach((spans, i) => {
    const last = spans[spans.length - 1];
    for (const span of spans) {
      if (!span.comment || !/\*\/\s*$/.test(span.text) || span.text.trimStart().startsWith('//')) continue;
      const { before, words } = commentParts(span.text);
      if (words !== '') continue;
      if (before.trim() !== '') problems.push(`line ${i + 1}: the comment ends on a row of its marks alone (${span.text.trim()}): end it on its last words, \`… */\``);
      else if (span !== spans[0] || span !== last) problems.push(`line ${i + 1}: code follows the comment's closing */ on its row`);
      else {
        const above = all[i - 1]?.[all[i - 1]!.length - 1];
        if (above?.comment && commentParts(above.text).words === '') problems.push(`line ${i + 1}: an empty row comes before the comment's closing */ (line ${i}): end it on its last words`);
      }
    }
  });
  return problems;
}

/** A closing mark, which no line of Chinese starts with. */
const CLOSING = /^[，。：；、）」』！？,.:;)!?]/;

/** What is wrong with how a table lays the Chinese of a file's comments across their lines
 *  (commentRuns): the Chinese of a run is one text laid out afresh, so a line of it ends
 *  between words (never 删 | 除), the next starts with no closing mark, and no line is left
 *  empty (a comment's Chinese laid out over fewer lines than its English ended on empty rows,
 *  ` * *\/`: commentEndProblems). */
export function runProblems(lines: readonly string[], table: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const all = commentSpans(lines);
  const zhOf = (i: number): string | undefined => {
    const span = all[i]!.find((s) => s.comment && commentParts(s.text).words !== '');
    return span ? table.get(commentParts(span.text).words) : undefined;
  };
  for (const { line, words } of commentWords(lines)) if (table.get(words) === '') problems.push(`line ${line + 1}: its zh text is empty: lay the comment's Chinese out across all its lines, so it ends on its words as the English does`);
  for (const run of commentRuns(lines)) {
    const zh = run.map(zhOf);
    for (let k = 0; k + 1 < run.length; k++) {
      const [a, b] = [zh[k], zh[k + 1]];
      if (a === undefined || b === undefined) continue;
      if (a === '' || b === '') continue;
      if (CLOSING.test(b) && /[^\x00-\x7f]/.test(b[0]!)) problems.push(`line ${run[k + 1]! + 1}: its Chinese starts with a closing mark: ${b}`);
      const joined = a + b;
      const starts = wordStarts(joined);
      const edge = a.slice(-1) + b[0];
      if (starts && HAN.test(edge) && !starts.has(a.length) && !/\s/.test(edge)) problems.push(`line ${run[k]! + 1}: its Chinese ends mid-word, the next line goes on with the word (${a.slice(-4)} | ${b.slice(0, 4)}): lay the comment's Chinese out across its lines afresh, broken between words`);
    }
  }
  return problems;
}

/** Where a line's text resumes after a gap of two spaces or more, in cells from the line's
 *  start: the columns a comment lines up (an offset table's "12  number of …"). */
function gapColumns(line: string, cellsOf: (s: string) => number): number[] {
  const out: number[] = [];
  const start = line.search(/\S/);
  for (const m of line.slice(Math.max(0, start)).matchAll(/ {2,}(?=\S)/g)) out.push(cellsOf(line.slice(0, start + (m.index ?? 0) + m[0].length)));
  return out;
}

/** The cells a row of the C pane has for a line's text at 120x34 (a pane 72 columns wide: 70
 *  inside, a 3-digit line number and a blank before the text); at 80x24 it has 72. */
export const ZH_COMMENT_ROOM = 66;

/** What is wrong with a C file's table of Chinese comments (null: there is none): each comment
 *  line's words need their Chinese, each entry a comment that has those words; a line in Chinese
 *  keeps its columns (a comment after code, a column inside a comment: CJK characters are two
 *  cells) and is no wider than the English line or `room` columns, whichever is wider. */
export function commentTableProblems(source: string, tableText: string | null, cellsOf: (s: string) => number, room = 80, tabWidth = 4): string[] {
  const lines = source.replace(/\n$/, '').replace(/\t/g, ' '.repeat(tabWidth)).split('\n');
  const words = commentWords(lines);
  if (tableText === null) return words.length === 0 ? [] : ['there is no table of Chinese comments for it'];
  const { table, problems } = parseCommentTable(tableText);
  for (const [en, zh] of table) {
    if (!words.some((w) => w.words === en)) problems.push(`'${en}' is in no comment of the file (was the comment changed?)`);
    // the C pane's Chinese says what the lessons say: 映射, 解除映射, key (src/text/terms.ts)
    for (const word of rejectedTerms(zh)) problems.push(`the Chinese of '${en}' says ${word}`);
  }
  const missing = new Set<number>();
  for (const w of words) if (!table.has(w.words) && !missing.has(w.line)) {
    missing.add(w.line);
    problems.push(`line ${w.line + 1}: the comment '${w.words}' has no zh text`);
  }
  problems.push(...runProblems(lines, table));
  const spans = commentSpans(lines);
  const translated = translatedSpans(spans, table);
  // (what the English has too is the English's problem, said of the .c file)
  const inEnglish = new Set(commentEndProblems(lines));
  for (const problem of commentEndProblems(translated.map((l) => l.map((s) => s.text).join('')))) if (!inEnglish.has(problem)) problems.push(`in Chinese, ${problem}`);
  translated.forEach((zhSpans, i) => {
    if (missing.has(i)) return;
    const en = lines[i];
    const zh = zhSpans.map((s) => s.text).join('');
    if (zh === en) return;
    const wide = Math.max(cellsOf(en), room);
    if (cellsOf(zh) > wide) problems.push(`line ${i + 1}: in Chinese it is ${cellsOf(zh)} columns wide, more than ${wide}: ${zh.trim()}`);
    // a comment line of its own fits the C pane at 120x34, so the pane never wraps its Chinese
    // (newcomers read "都会被 / ↪ 删除"): lay the comment's Chinese out afresh across its lines
    else if (!zhSpans.some((s) => !s.comment && s.text.trim() !== '') && cellsOf(zh) > ZH_COMMENT_ROOM)
      problems.push(`line ${i + 1}: in Chinese it is ${cellsOf(zh)} columns wide, more than the C pane's ${ZH_COMMENT_ROOM} at 120x34 (it would wrap): lay the comment's Chinese out afresh across its lines: ${zh.trim()}`);
    const [a, b] = [gapColumns(en, cellsOf), gapColumns(zh, cellsOf)];
    if (a.join() !== b.join()) problems.push(`line ${i + 1}: in Chinese its columns move (${a.join(', ') || 'none'} in English, ${b.join(', ') || 'none'} in Chinese): ${zh.trim()}`);
  });
  return problems;
}
