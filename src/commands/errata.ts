// `ipclab errata [--all] [--json]`: where the study notes are wrong, what is true, and the
// lesson step that shows it live (`ipclab --lesson ID`, or e in the tutorial, goes there).
// As the tutorial's errata screen (errata-view.ts), what is true is said only once the
// learner ran that step (the progress file): before, it would answer the step's question
// ahead of it. --all says it of every erratum; the JSON keeps every field, with `ran`.
import type { Options } from '../options.js';
import { loadProgress } from '../app/progress.js';
import { stepsRan } from '../app/store/steps-ran.js';
import { ERRATA } from '../lessons/errata.js';
import { wrap } from '../lessons/format.js';
import { LESSONS } from '../lessons/index.js';
import { lessonName } from '../lessons/lesson-name.js';
import { cells } from '../text/cells.js';
import { SHARED } from '../text/strings.js';

const WIDTH = 78;
const INDENT = '    ';

/** Each erratum with its step's number and title, and whether the learner ran that step. */
function withSteps() {
  const saved = loadProgress();
  const ran = stepsRan({ lessons: LESSONS, ran: saved.ran, completed: saved.completed, lessonIndex: -1, done: 0 });
  return ERRATA.map((e) => {
    const lesson = LESSONS.find((l) => l.id === e.lesson);
    const n = lesson?.steps.findIndex((s) => s.id === e.step) ?? -1;
    return { ...e, stepNumber: n + 1, stepTitle: lesson?.steps[n]?.title ?? null, ran: n >= 0 && ran(e.lesson, n) };
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
  let held = 0;
  for (const e of list) {
    out.push(e.id);
    para(`${e.kind === 'belief' ? s.commonBelief : s.notesSay}${s.colon}`, e.notes[options.lang]);
    const lesson = LESSONS.find((l) => l.id === e.lesson);
    const number = lesson ? LESSONS.indexOf(lesson) + 1 : 0;
    const name = lesson ? lessonName(lesson)[options.lang] : '';
    if (lesson && e.stepTitle && !e.ran && !options.all) {
      held += 1;
      para(`${s.inFact}${s.colon}`, s.truthAhead(number, name, e.stepNumber, lesson.id));
    } else {
      para(`${s.inFact}${s.colon}`, e.truth[options.lang]);
      if (e.stepTitle && lesson) para('', s.seenLive(number, name, e.stepNumber, e.stepTitle[options.lang]));
    }
    out.push('');
  }
  if (held) out.push(...wrap(s.truthHeld(held), WIDTH), '');
  process.stdout.write(out.join('\n'));
  return 0;
}
