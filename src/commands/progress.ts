// `ipclab progress [--json]`: what the learner did in each lesson, from the progress file
// (src/app/progress.ts): steps run, checkpoints right of answered (the skipped and the
// not graded counted apart, as the menu and the closing screen do), the
// end-of-lesson check right of its questions. `ipclab --restart` clears it.
import type { Options } from '../options.js';
import { LESSONS } from '../lessons/index.js';
import { loadProgress, scoreOf } from '../app/progress.js';
import { EXIT } from '../exit-codes.js';
import { SCHEMA } from '../schema.js';

export async function run(options: Options): Promise<number> {
  const saved = loadProgress();
  const lessons = LESSONS.map((l) => ({
    id: l.id,
    done: saved.completed.includes(l.id),
    steps: { ran: Math.min(saved.ran[l.id] ?? 0, l.steps.length), of: l.steps.length },
    ...scoreOf(saved.answers[l.id], l.check?.length ?? 0),
  }));
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ schema: SCHEMA.progress, lessons })}\n`);
    return EXIT.ok;
  }
  const zh = options.lang === 'zh';
  const width = Math.max(...lessons.map((l) => l.id.length));
  for (const l of lessons) {
    const mark = l.done ? (options.ascii ? '*' : '✓') : ' ';
    const { right, answered, skipped, aside } = l.checkpoints;
    const c = l.check;
    const line = zh
      ? `${l.steps.ran}/${l.steps.of} 步  预测 答了 ${answered} 题、答对 ${right}（跳过 ${skipped}${aside ? `，${aside} 题不计分` : ''}）  小测 ${c.of} 题 答了 ${c.answered} 题、答对 ${c.right}（跳过 ${c.skipped}）`
      : `${l.steps.ran}/${l.steps.of} steps  checkpoints ${right} right of ${answered} answered (${skipped} skipped${aside ? `, ${aside} not graded` : ''})  check of ${c.of}: ${c.right} right of ${c.answered} answered (${c.skipped} skipped)`;
    process.stdout.write(`${mark} ${l.id.padEnd(width)}  ${line}\n`);
  }
  process.stdout.write(zh ? '\n清除进度：ipclab --restart\n' : '\nto clear it: ipclab --restart\n');
  return EXIT.ok;
}
