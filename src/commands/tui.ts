// `ipclab` with no command: the tutorial in the terminal. Checks what it can before
// drawing anything (a known --lesson, a terminal on both ends), then mounts the app.
import type { Options } from '../cli.js';

export async function run(options: Options): Promise<number> {
  const { LESSONS, lessonById } = await import('../lessons/index.js');
  if (options.lesson !== undefined && !lessonById(options.lesson)) {
    process.stderr.write(`ipclab: no lesson '${options.lesson}'; the lessons are ${LESSONS.map((l) => l.id).join(', ')}\n`);
    return 2;
  }
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write(
      'ipclab: the tutorial needs a terminal; without one, `ipclab run ID` runs a lesson and prints its trace (`ipclab lessons` lists the ids, `ipclab run shmat --json` gives JSON lines)\n',
    );
    return 2;
  }
  const [{ installCleanup }, { startLesson }, { runTui }] = await Promise.all([
    import('../native/index.js'),
    import('../lessons/engine.js'),
    import('../app/main.js'),
  ]);
  installCleanup();
  await runTui(options, LESSONS, startLesson);
  return 0;
}
