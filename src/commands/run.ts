// `ipclab run ID [--json]`: a lesson's steps without the TUI, printing the trace as
// text (in --lang) or as the JSON lines of docs/PROTOCOL.md. Exit 0 when every step behaved
// as the lesson expects and nothing of the run is left in the kernel.
import { join } from 'node:path';
import type { Options } from '../options.js';
import type { Lang } from '../lang.js';
import { startLesson } from '../lessons/engine.js';
import { queueLine, segmentLine, semaphoreSetLine, traceLines, wrap } from '../lessons/format.js';
import { LESSONS, lessonById } from '../lessons/index.js';
import type { Checkpoint, Lesson, Step, StepOutcome, Text, TraceEntry } from '../lessons/types.js';
import { answerLabel, listedChoice } from '../lessons/checkpoint-kit.js';
import { packageRoot } from '../paths.js';
import { cleanupNow, installCleanup, readQueues, readSegments, readSemaphores, runIpcIds, type SegmentRecord } from '../native/index.js';
import type { QueueRecord, SemaphoreRecord } from '../native/types.js';
import { NO_BREAK, cells } from '../text/cells.js';
import { SHARED } from '../text/strings.js';
import { EXIT } from '../exit-codes.js';
import { noLesson } from '../usage-errors.js';
import { SCHEMA } from '../schema.js';

const WIDTH = 78;

/** A checkpoint and how this run answered it. */
interface Graded {
  checkpoint: Checkpoint;
  answer: number;
  explanation: Text;
}

/** What a run left in the kernel: its segments, queues and semaphore sets. */
export interface Left {
  segments: SegmentRecord[];
  queues: QueueRecord[];
  semaphores: SemaphoreRecord[];
}

/** What a run prints; the text and JSON forms share the order of events. */
interface Printer {
  lesson(lesson: Lesson): void;
  stepStart(n: number, step: Step): void;
  /** the step's checkpoint, graded by the run that just happened: before the step's calls */
  checkpoint(lesson: Lesson, step: Step, graded: Graded): void;
  entries(entries: readonly TraceEntry[], step: string | null): void;
  stepEnd(outcome: StepOutcome, segments: SegmentRecord[]): void;
  end(ok: boolean, outcomes: readonly StepOutcome[], left: Left): void;
}

// `ipclab run x | head` closes stdout early: bin/ipclab.mjs takes the EPIPE, writes
// after it go nowhere, and the run still finishes and cleans up
function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A trace entry as its JSON line: a measure exactly as PROTOCOL.md gives it, the rest
 *  with the step it belongs to. */
function jsonEntry(entry: TraceEntry, step: string | null): object {
  if (entry.type === 'measure') {
    const { type, what, lock, value, of, ms } = entry;
    return { type, what, lock, value, of, ms };
  }
  return step ? { ...entry, step } : entry;
}

/** The last JSON line (docs/PROTOCOL.md): the segments left, and the queues and sets only
 *  when some are left, so a clean run ends {"type":"end","ok":true,"leaked":[]}. */
export function endLine(ok: boolean, left: Left): object {
  return {
    type: 'end',
    ok,
    leaked: left.segments,
    ...(left.queues.length ? { leakedQueues: left.queues } : {}),
    ...(left.semaphores.length ? { leakedSemaphores: left.semaphores } : {}),
  };
}

function jsonPrinter(): Printer {
  return {
    lesson: (lesson) => write(JSON.stringify({ type: 'lesson', id: lesson.id, schema: SCHEMA.run, title: lesson.title, steps: lesson.steps.length })),
    stepStart: () => undefined,
    // a count as the number it is (docs/PROTOCOL.md: each choice {en, zh} or a number)
    checkpoint: (lesson, step, { checkpoint, answer, explanation }) =>
      write(JSON.stringify({ type: 'checkpoint', lesson: lesson.id, step: step.id, question: checkpoint.question, choices: checkpoint.choices.map((c) => (typeof c.value === 'number' ? c.value : { en: c.en, zh: c.zh })), answer, explanation })),
    entries: (entries, step) => entries.forEach((entry) => write(JSON.stringify(jsonEntry(entry, step)))),
    stepEnd: (outcome, segments) => {
      write(JSON.stringify({ type: 'step', id: outcome.step.id, title: outcome.step.title, ok: outcome.ok, problems: outcome.problems }));
      write(JSON.stringify({ type: 'state', segments }));
    },
    end: (ok, _outcomes, left) => write(JSON.stringify(endLine(ok, left))),
  };
}

/** A NO_BREAK space tells wrap where not to break; written, it is a plain space. */
const plain = (line: string) => line.replaceAll(NO_BREAK, ' ');

function textPrinter(lang: Lang, ascii: boolean): Printer {
  // the prefix starts the first line; the rest align under the text
  const indent = (text: string, prefix = '  ') => {
    const width = cells(prefix);
    wrap(text, WIDTH - width).forEach((line, i) => write(`${i ? ' '.repeat(width) : prefix}${plain(line)}`));
  };
  // how ipclab does it, under its label, after the text it belongs to
  const aside = (text: Text | undefined) => {
    if (text) indent(text[lang], `  ${SHARED[lang].aside}${SHARED[lang].colon}`);
  };
  const mark = (ok: boolean) => (ascii ? (ok ? '[ok]' : '[FAILED]') : ok ? '✓' : '✗');
  let current: Lesson;
  let pending: Graded | null = null;
  return {
    lesson(lesson) {
      current = lesson;
      write(`${lesson.id}: ${lesson.title[lang]}`);
      indent(lesson.intro[lang]);
      aside(lesson.aside);
    },
    stepStart(n, step) {
      write('');
      write(`[${n}/${current.steps.length}] ${step.title[lang]}`);
      indent(step.say[lang]);
    },
    checkpoint(_lesson, _step, graded) {
      pending = graded;
      indent(graded.checkpoint.question[lang], `  ${SHARED[lang].question}${SHARED[lang].colon}`);
      graded.checkpoint.choices.forEach((_, i) => write(`    ${plain(listedChoice(graded.checkpoint.choices, i, lang))}`));
    },
    entries(entries) {
      for (const entry of entries) {
        const lines = traceLines(entry, lang, ascii);
        // explanations wrap under their text; calls and command output stay as they are
        if (entry.type !== 'event' && entry.type !== 'refused' && entry.type !== 'measure') lines.forEach((line) => write(`  ${line}`));
        else {
          const pid = `${entry.pid} `;
          lines.forEach((line) => wrap(line.slice(pid.length), WIDTH - 2 - pid.length).forEach((part, i) => write(`  ${i ? ' '.repeat(pid.length) : pid}${part}`)));
        }
      }
    },
    stepEnd(outcome, segments) {
      for (const s of segments) write(`  ${lang === 'zh' ? '内核：' : 'kernel: '}${segmentLine(s, lang)}`);
      if (pending) {
        const { checkpoint, answer, explanation } = pending;
        indent(`${listedChoice(checkpoint.choices, answer, lang)}${SHARED[lang].stop}${explanation[lang]}`, `  ${answerLabel(checkpoint, lang)}${SHARED[lang].colon}`);
        pending = null;
      }
      indent((outcome.notice ?? outcome.step.notice)[lang], `  ${SHARED[lang].notice}${SHARED[lang].colon}`);
      aside(outcome.step.aside);
      if (outcome.ok) write(`  ${mark(true)} ${lang === 'zh' ? '符合预期' : 'as expected'}`);
      else outcome.problems.forEach((problem) => write(`  ${mark(false)} ${problem}`));
    },
    end(ok, outcomes, left) {
      const good = outcomes.filter((o) => o.ok).length;
      write('');
      indent(current.outro[lang]);
      const source = join(packageRoot(), 'examples', 'c', current.cFile);
      write(`  ${lang === 'zh' ? 'C 语言版本：' : 'the same in C: '}${source}`);
      write('');
      const lines = [...left.segments.map((s) => segmentLine(s, lang)), ...left.queues.map(queueLine), ...left.semaphores.map(semaphoreSetLine)];
      lines.forEach((line) => write(`${lang === 'zh' ? '遗留' : 'left behind'}${SHARED[lang].colon}${line}`));
      const counts = leftCounts(left, lang);
      write(
        lang === 'zh'
          ? `${ok ? mark(true) : mark(false)} ${outcomes.length} 步中 ${good} 步符合预期；${counts.length ? `内核里遗留了 ${counts.join('、')}` : '内核里没有留下任何东西'}`
          : `${ok ? mark(true) : mark(false)} ${good} of ${outcomes.length} steps as expected; ${counts.length ? `${counts.join(', ')} left in the kernel` : 'nothing left in the kernel'}`,
      );
    },
  };
}

/** "1 segment, 2 queues" / "1 个共享内存段、2 个消息队列": the kinds a run left, empty when none */
function leftCounts(left: Left, lang: Lang): string[] {
  return (lang === 'zh'
    ? [[left.segments.length, '个共享内存段'], [left.queues.length, '个消息队列'], [left.semaphores.length, '个信号量集']]
    : [[left.segments.length, 'segment'], [left.queues.length, 'queue'], [left.semaphores.length, 'semaphore set']]
  ).filter(([n]) => n).map(([n, what]) => `${n} ${what}${lang === 'en' && n !== 1 ? 's' : ''}`);
}

/** Why a run fails, a line each: every problem of a step not as expected, naming the step,
 *  and what it left in the kernel. The run's status is 1 exactly when there is one, so a
 *  status 1 never comes without its reason: `--json` writes these to stderr (stdout is the
 *  wire), where a person or a test's message reads them (docs/PROTOCOL.md). */
export function failureLines(lesson: Lesson, outcomes: readonly StepOutcome[], left: Left, lang: Lang): string[] {
  const of = lesson.steps.length;
  const steps = outcomes.flatMap((o, i) =>
    o.problems.map((problem) => (lang === 'zh' ? `ipclab run ${lesson.id}：第 ${i + 1}/${of} 步（${o.step.id}）不符合预期：${problem}` : `ipclab run ${lesson.id}: step ${i + 1}/${of} (${o.step.id}) not as expected: ${problem}`)),
  );
  const counts = leftCounts(left, lang);
  const leaked = counts.length === 0 ? [] : [lang === 'zh' ? `ipclab run ${lesson.id}：内核里遗留了 ${counts.join('、')}` : `ipclab run ${lesson.id}: ${counts.join(', ')} left in the kernel`];
  return [...steps, ...leaked];
}

/** Segments this process created that the kernel still holds (including ones marked dest). */
function mine(): SegmentRecord[] {
  return readSegments().filter((s) => s.cpid === process.pid);
}

/** All this run left: its segments, and its queues and sets (the kernel records no
 *  creator pid for those: the run's own record says which are its, src/native/cleanup.ts). */
export function leftInKernel(): Left {
  const msg = new Set(runIpcIds('msg'));
  const sem = new Set(runIpcIds('sem'));
  return {
    segments: mine(),
    queues: msg.size ? readQueues().filter((q) => msg.has(q.msqid)) : [],
    semaphores: sem.size ? readSemaphores().filter((set) => sem.has(set.semid)) : [],
  };
}

export async function run(options: Options): Promise<number> {
  const id = options.positionals[0];
  const lesson = lessonById(id);
  if (!lesson) {
    process.stderr.write(`ipclab: ${noLesson(options.lang, id, LESSONS.map((l) => l.id))}\n`);
    return EXIT.usage;
  }
  installCleanup();
  const printer = options.json ? jsonPrinter() : textPrinter(options.lang, options.ascii);
  const lessonRun = startLesson(lesson, () => options.lang);
  let printed = 0;
  const flush = (step: string | null) => {
    printer.entries(lessonRun.trace.slice(printed), step);
    printed = lessonRun.trace.length;
  };
  printer.lesson(lesson);
  for (let n = 1; n <= lesson.steps.length; n++) {
    const step = lesson.steps[n - 1];
    // the text form shows the step's title and what to expect before its calls
    printer.stepStart(n, step);
    const outcome = await lessonRun.runNext();
    const checkpoint = lesson.checkpoints?.[step.id];
    // graded by the run, printed before the calls that answer it
    if (options.quiz && checkpoint && outcome.checkpoint) printer.checkpoint(lesson, step, { checkpoint, ...outcome.checkpoint });
    flush(step.id);
    printer.stepEnd(outcome, mine());
  }
  await lessonRun.close();
  flush(null);
  // the process-wide safety net: anything the lesson itself failed to remove
  printer.entries(cleanupNow(), null);
  const leaked = leftInKernel();
  const failures = failureLines(lesson, lessonRun.outcomes, leaked, options.lang);
  const ok = failures.length === 0;
  printer.end(ok, lessonRun.outcomes, leaked);
  // the text form said each of them on stdout already
  if (options.json) failures.forEach((line) => process.stderr.write(`${line}\n`));
  return ok ? EXIT.ok : EXIT.failed;
}
