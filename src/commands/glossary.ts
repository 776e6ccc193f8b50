// `ipclab glossary [QUERY] [--json]`: every term the lessons use, and the marks of the trace
// and the flow, in the language asked for (both in the JSON); with QUERY, only the entries
// whose name or text holds it, in either language, in any case (those named by it first).
// It prints every entry whole: the parts the screen holds back until a step ran too (`shows`).
import type { Options } from '../options.js';
import { wrap } from '../lessons/format.js';
import { entryText, GLOSSARY, glossaryMatches } from '../lessons/glossary.js';
import { EXIT } from '../exit-codes.js';

const WIDTH = 78;
const INDENT = '    ';

export async function run(options: Options): Promise<number> {
  const query = options.positionals[0];
  const entries = query === undefined ? GLOSSARY : glossaryMatches(query);
  if (entries.length === 0) {
    process.stderr.write(options.lang === 'zh' ? `术语表里没有含有“${query}”的条目\n` : `no glossary entry holds "${query}"\n`);
    return EXIT.failed;
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(entries)}\n`);
    return 0;
  }
  const out = entries.flatMap((e) => [e.name[options.lang], ...wrap(entryText(e, options.lang), WIDTH - INDENT.length).map((l) => `${INDENT}${l}`), '']);
  process.stdout.write(out.join('\n'));
  return 0;
}
