// `ipclab` with no command: the tutorial in the terminal. Checks what it can before
// drawing anything (a known --lesson, a terminal on both ends), then mounts the app
// (src/app/launch.ts).
import type { Options } from '../options.js';
import { EXIT } from '../exit-codes.js';
import { noLesson, USAGE_ERRORS } from '../usage-errors.js';

export async function run(options: Options): Promise<number> {
  const { LESSONS, lessonById } = await import('../lessons/index.js');
  if (options.lesson !== undefined && !lessonById(options.lesson)) {
    process.stderr.write(`ipclab: ${noLesson(options.lang, options.lesson, LESSONS.map((l) => l.id))}\n`);
    return EXIT.usage;
  }
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write(`ipclab: ${USAGE_ERRORS[options.lang].needsTerminal}\n`);
    return EXIT.usage;
  }
  const { launchTui } = await import('../app/launch.js');
  await launchTui(options);
  return EXIT.ok;
}
