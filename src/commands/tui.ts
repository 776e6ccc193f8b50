// `ipclab` with no command: the tutorial in the terminal. Checks what it can before
// drawing anything (a known --lesson, a terminal on both ends), then mounts the app
// (src/app/launch.ts).
import type { Options } from '../options.js';
import { buildIsStale } from '../build-check.js';
import { EXIT } from '../exit-codes.js';
import { noLesson, USAGE_ERRORS } from '../usage-errors.js';

export async function run(options: Options): Promise<number> {
  const { LESSONS, lessonById } = await import('../lessons/index.js');
  // a refusal is said by a fresh build: a stale one stops first (src/build-check.ts); the
  // tutorial itself asks after its first frame
  const refuse = () => buildIsStale();
  if (options.lesson !== undefined && !lessonById(options.lesson)) {
    if (refuse()) return EXIT.ok;
    process.stderr.write(`ipclab: ${noLesson(options.lang, options.lesson, LESSONS.map((l) => l.id))}\n`);
    return EXIT.usage;
  }
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    if (refuse()) return EXIT.ok;
    process.stderr.write(`ipclab: ${USAGE_ERRORS[options.lang].needsTerminal}\n`);
    return EXIT.usage;
  }
  const { launchTui } = await import('../app/launch.js');
  await launchTui(options);
  return EXIT.ok;
}
