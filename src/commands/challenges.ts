// `ipclab challenges [--json]`: the playground's challenges, with the ones solved
// (progress.json). --json prints {"schema": 1, "challenges": [{id, title, goal, par, solved}]}.
import type { Options } from '../options.js';
import { CHALLENGES } from '../play/challenges.js';
import { loadProgress } from '../app/progress.js';
import { cells } from '../text/cells.js';
import { hang, outputWidth } from '../text/hang.js';
import { EXIT } from '../exit-codes.js';
import { SCHEMA } from '../schema.js';

export async function run(options: Options): Promise<number> {
  const solved = new Set(loadProgress().challenges ?? []);
  if (options.json) {
    const challenges = CHALLENGES.map((c) => ({ id: c.id, title: c.title, goal: c.goal, par: c.par, solved: solved.has(c.id) }));
    process.stdout.write(`${JSON.stringify({ schema: SCHEMA.challenges, challenges })}\n`);
    return EXIT.ok;
  }
  const lang = options.lang;
  const width = Math.max(...CHALLENGES.map((c) => cells(c.id)));
  const mark = (id: string) => (solved.has(id) ? (options.ascii ? '[x]' : '✓') : options.ascii ? '[ ]' : '·');
  const columns = outputWidth();
  for (const c of CHALLENGES) {
    const head = `${mark(c.id)} ${c.id.padEnd(width)}  `;
    const par = lang === 'zh' ? `（目标 ${c.par} 步）` : ` (par ${c.par})`;
    for (const l of hang(head, `${c.title[lang]}${par}`, columns)) process.stdout.write(`${l}\n`);
    for (const l of hang(' '.repeat(cells(head)), c.goal[lang], columns)) process.stdout.write(`${l}\n`);
  }
  const n = CHALLENGES.filter((c) => solved.has(c.id)).length;
  process.stdout.write(lang === 'zh' ? `已完成 ${n}/${CHALLENGES.length}；ipclab play --challenge ID 打开一个\n` : `${n} of ${CHALLENGES.length} solved; ipclab play --challenge ID opens one\n`);
  return EXIT.ok;
}
