// What newcomers to System V IPC stumbled on in the shared memory lessons' texts (issue 16,
// fixZ5), held so it stays fixed: a file a question names that no text named before (overview
// check 2's /proc/sysvipc/shm), a throw-away child whose end read as ipclab crashing (shmat 6,
// shmdt 3), and the tab bar's "lesson pid N + 1 (0 alive)" left unexplained.
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/app/strings.js';
import { startLesson } from '../../src/lessons/engine.js';
import { LESSONS, lessonById } from '../../src/lessons/index.js';
import type { Lesson } from '../../src/lessons/types.js';
import { getpid } from '../../src/native/index.js';
import { segmentsCreatedBy } from './helpers.js';

const LANGS = ['en', 'zh'] as const;
/** A path as a text names it: /proc/sysvipc/shm, /tmp/x. */
const PATH = /(?<![\w.])\/(?:[\w.{},-]+\/)*[\w.{},-]+/g;

/** The paths a question (a checkpoint's or the check's, with its choices) names that the
 *  lesson's intro and the steps' texts before it (the step's own text for a checkpoint) never did. */
function unsaidPaths(lesson: Lesson): string[] {
  const asked = [
    ...Object.entries(lesson.checkpoints ?? {}).map(([id, cp]) => ({ where: `checkpoint '${id}'`, q: cp!, upto: lesson.steps.findIndex((s) => s.id === id) })),
    ...(lesson.check ?? []).map((q, k) => ({ where: `check ${k + 1}`, q, upto: lesson.steps.length })),
  ];
  return asked.flatMap(({ where, q, upto }) =>
    LANGS.flatMap((lang) => {
      const said = [lesson.intro[lang], ...lesson.steps.slice(0, upto).flatMap((s) => [s.say[lang], s.notice[lang]]), lesson.steps[upto]?.say[lang] ?? ''].join('\n');
      const paths = [q.question[lang], ...q.choices.map((c) => c[lang])].join('\n').match(PATH) ?? [];
      return paths.filter((p) => !said.includes(p)).map((p) => `${lesson.id} ${where} (${lang}) names ${p}, which no text before it said`);
    }),
  );
}

describe('a question names no file the lesson has not shown before it', () => {
  it('the path finder finds overview check 2\'s file', () => {
    expect('the kernel\'s table, /proc/sysvipc/shm'.match(PATH)).toEqual(['/proc/sysvipc/shm']);
    expect('a shmid: 3, and 2^62 / 4096'.match(PATH)).toBeNull();
  });
  for (const lesson of LESSONS) it(lesson.id, () => expect(unsaidPaths(lesson)).toEqual([]));
});

const SHM = ['overview', 'shmget', 'ftok', 'shmat', 'shmdt', 'shmctl'];

/** Per step of `lesson` run in this process: the processes the tab bar counts after it
 *  (beside the lesson's own) and how many of them run, and whether a child died in it. */
async function processesBySteps(lesson: Lesson): Promise<{ others: number; running: number; died: boolean }[]> {
  const run = startLesson(lesson, () => 'en');
  const out: { others: number; running: number; died: boolean }[] = [];
  try {
    for (let i = 0; i < lesson.steps.length; i++) {
      await run.runNext();
      const rest = run.processes.filter((p) => p.pid !== getpid());
      const died = run.trace.slice(run.stepStarts[i]).some((e) => e.type === 'death');
      out.push({ others: rest.length, running: rest.filter((p) => p.alive).length, died });
    }
  } finally {
    await run.close();
  }
  return out;
}

describe('the shared memory lessons say what their extra processes are', () => {
  for (const id of SHM) {
    it(id, async () => {
      const lesson = lessonById(id)!;
      const steps = await processesBySteps(lesson);
      const problems: string[] = [];
      // where the tab bar first counts another process, the notice says its words and what they mean
      const first = steps.findIndex((s) => s.others > 0);
      if (first >= 0) {
        const { others, running } = steps[first]!;
        const step = lesson.steps[first]!;
        for (const lang of LANGS) {
          const bar = strings(lang).morePids(others, running, null);
          if (!step.notice[lang].includes(bar)) problems.push(`step ${first + 1} (${lang}): the tab bar first reads "${bar}", which its notice does not explain`);
        }
      }
      // a throw-away child that dies: its step says beforehand that ipclab goes on whatever becomes
      // of it (never how it ends: the question asks that), its notice that its end was planned
      steps.forEach((s, i) => {
        if (!s.died) return;
        const step = lesson.steps[i]!;
        if (!/throw-away child/.test(step.say.en) || !/however it ends, ipclab goes on/.test(step.say.en)) problems.push(`step ${i + 1} (en): its text does not say the child is a throw-away one that ipclab goes on without`);
        if (!/临时子进程/.test(step.say.zh) || !/怎样结束都不影响 ipclab/.test(step.say.zh)) problems.push(`step ${i + 1} (zh): its text does not say the child is a throw-away one that ipclab goes on without`);
        if (!/As planned/.test(step.notice.en)) problems.push(`step ${i + 1} (en): its notice does not say the child's end was planned`);
        if (!/如预期/.test(step.notice.zh)) problems.push(`step ${i + 1} (zh): its notice does not say the child's end was planned`);
      });
      expect(segmentsCreatedBy(getpid())).toEqual([]);
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
