// `ipclab errata [--json]`: where the study notes are wrong, what is true, and the
// lesson step that shows it live (`ipclab --lesson ID`, or e in the tutorial, goes there).
import type { Options } from '../options.js';
import { ERRATA } from '../lessons/errata.js';
import { wrap } from '../lessons/format.js';
import { LESSONS } from '../lessons/index.js';
import { lessonName } from '../lessons/lesson-name.js';
import { cells } from '../text/cells.js';
import { SHARED } from '../text/strings.js';

const WIDTH = 78;
const INDENT = '    ';

/** Each erratum with its step's number and title, as the JSON gives it. */
function withSteps() {
  return ERRATA.map((e) => {
    const lesson = LESSONS.find((l) => l.id === e.lesson);
    const n = lesson?.steps.findIndex((s) => s.id === e.step) ?? -1;
    return { ...e, stepNumber: n + 1, stepTitle: lesson?.steps[n]?.title ?? null };
  });
}

export async function run(options: Options): Promise<number> {
  const list = withSteps();
  if (options.json) {
    process.stdout.write(`${JSON.stringify(list)}\n`);
    return 0;
  }
  const s = SHARED[options.lang];
  const out: string[] = [];
  // a label starts its paragraph; the lines after it align under the text
  const para = (label: string, text: string) => {
    const pad = ' '.repeat(cells(label));
    wrap(text, WIDTH - cells(INDENT) - cells(label)).forEach((l, i) => out.push(`${INDENT}${i ? pad : label}${l}`));
  };
  for (const e of list) {
    out.push(e.id);
    para(`${e.kind === 'belief' ? s.commonBelief : s.notesSay}${s.colon}`, e.notes[options.lang]);
    para(`${s.inFact}${s.colon}`, e.truth[options.lang]);
    const lesson = LESSONS.find((l) => l.id === e.lesson);
    if (e.stepTitle && lesson) para('', s.seenLive(LESSONS.indexOf(lesson) + 1, lessonName(lesson)[options.lang], e.stepNumber, e.stepTitle[options.lang]));
    out.push('');
  }
  process.stdout.write(out.join('\n'));
  return 0;
}
