// `ipclab help [COMMAND]` and `--help`: the help document as text for a terminal of 80
// columns, in the learner's language. Wide (CJK) text is measured in cells.
import type { Lang } from '../lang.js';
import type { Options } from '../options.js';
import { EXIT } from '../exit-codes.js';
import { cells, wrap } from '../text/cells.js';
import { commandDoc, headings, type Doc, type Entry } from './help-doc.js';
import type { Command } from './specs.js';

export const HELP_WIDTH = 80;
/** where the text of a term starts; a longer term stands on a line of its own */
const TEXT_COLUMN = 22;
const INDENT = '  ';

function entryLines({ term, text }: Entry): string[] {
  const body = wrap(text, HELP_WIDTH - TEXT_COLUMN).map((line) => `${' '.repeat(TEXT_COLUMN)}${line}`);
  const head = `${INDENT}${term}`;
  if (cells(head) + 2 > TEXT_COLUMN) return [head, ...body];
  return [`${head}${' '.repeat(TEXT_COLUMN - cells(head))}${body[0].trimStart()}`, ...body.slice(1)];
}

export function renderText(doc: Doc, lang: Lang): string {
  const h = headings(lang);
  const colon = lang === 'zh' ? '：' : ':';
  const usage = doc.usage.length === 1 ? [`${h.usage}${colon}${lang === 'zh' ? '' : ' '}${doc.usage[0]}`] : [`${h.usage}${colon}`, ...doc.usage.map((u) => `${INDENT}${u}`)];
  const lines = [...usage, ''];
  for (const para of doc.text) lines.push(...wrap(para, HELP_WIDTH), '');
  for (const section of doc.sections) lines.push(`${section.title}${colon}`, ...section.entries.flatMap(entryLines), '');
  return lines.join('\n').trimEnd();
}

export function helpText(lang: Lang, command: Command): string {
  return renderText(commandDoc(command, lang), lang);
}

export async function run(options: Options): Promise<number> {
  // the parser has checked that a given COMMAND is one (specs.ts: complete 'commands')
  process.stdout.write(`${helpText(options.lang, (options.positionals[0] as Command | undefined) ?? 'tui')}\n`);
  return EXIT.ok;
}
