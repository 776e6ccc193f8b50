// `ipclab lessons [--json]`: the lesson ids and titles, in order. The JSON also gives
// each lesson's diagrams by name (for `ipclab diagram NAME`) and its C files, from which
// examples/c/Makefile takes what `make check` runs: each as docs/PROTOCOL.md gives it, path and
// kind only (a header's `helpers`, read by `ipclab check`, stays inside: tests/contract/schema).
import type { Options } from '../options.js';
import { LESSONS } from '../lessons/index.js';
import { EXIT } from '../exit-codes.js';
import { SCHEMA } from '../schema.js';

export async function run(options: Options): Promise<number> {
  if (options.json) {
    const list = LESSONS.map((l) => ({ id: l.id, schema: SCHEMA.lessons, title: l.title, steps: l.steps.map((s) => ({ id: s.id, title: s.title })), diagrams: l.diagrams, code: l.code.map(({ path, kind }) => ({ path, kind })) }));
    process.stdout.write(`${JSON.stringify(list)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(...LESSONS.map((l) => l.id.length));
  LESSONS.forEach((l, i) => {
    const steps = options.lang === 'zh' ? `（${l.steps.length} 步）` : `(${l.steps.length} steps)`;
    process.stdout.write(`${String(i + 1).padStart(2)}  ${l.id.padEnd(width)}  ${l.title[options.lang]}  ${steps}\n`);
  });
  process.stdout.write(options.lang === 'zh' ? '\n运行其中一课：ipclab run ID\n' : '\nrun one: ipclab run ID\n');
  return EXIT.ok;
}
