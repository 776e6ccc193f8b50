// `ipclab glossary [--json]`: every term the lessons use, and the marks of the trace
// and the flow, in the language asked for (both in the JSON).
import type { Options } from '../options.js';
import { wrap } from '../lessons/format.js';
import { GLOSSARY } from '../lessons/glossary.js';

const WIDTH = 78;
const INDENT = '    ';

export async function run(options: Options): Promise<number> {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(GLOSSARY)}\n`);
    return 0;
  }
  const out = GLOSSARY.flatMap((e) => [e.name[options.lang], ...wrap(e.text[options.lang], WIDTH - INDENT.length).map((l) => `${INDENT}${l}`), '']);
  process.stdout.write(out.join('\n'));
  return 0;
}
