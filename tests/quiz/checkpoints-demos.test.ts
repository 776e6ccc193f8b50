// The checkpoints of issue 17's demonstration steps are graded by what the kernel did:
// each lesson runs on the real kernel and each answer is compared with the reading of
// tests/quiz/demo-readers.ts, and its explanation fits the pane. shmat's fork and exit are
// graded without cc too: then no C program runs, and the answer follows what the kernel
// holds (nattch 0, the segment listed).
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/engine.js';
import { wrap } from '../../src/lessons/format.js';
import { lessonById } from '../../src/lessons/index.js';
import { MAX_LINES, PANE_WIDTH } from '../../src/lessons/validate.js';
import type { Choice, LessonRun, TraceEntry } from '../../src/lessons/types.js';
import type { CallRecord, SegmentRecord } from '../../src/native/types.js';
import { ROOT } from '../lessons/helpers.js';
import { DEMO_READERS } from './demo-readers.js';
import { wrongCalls } from './explained-calls.js';
import { testTempDir } from '../helpers/temp-dir.js';

const calls = (entries: readonly TraceEntry[]) => entries.filter((e): e is CallRecord => e.type === 'call');

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close();
});

describe("issue 17's checkpoints are graded by what the kernel did", () => {
  for (const [id, readers] of Object.entries(DEMO_READERS)) {
    it(`${id}: ${Object.keys(readers).join(', ')} (read back independently)`, async () => {
      const lesson = lessonById(id)!;
      for (const step of Object.keys(readers)) expect(lesson.checkpoints?.[step], `${id} has a checkpoint at ${step}`).toBeDefined();
      const run = startLesson(lesson);
      runs.push(run);
      const checked: string[] = [];
      for (const step of lesson.steps) {
        const start = run.trace.length;
        const outcome = await run.runNext();
        expect(outcome.problems, `${id}/${step.id}`).toEqual([]);
        const reader = readers[step.id];
        if (!reader) continue;
        const entries = run.trace.slice(start);
        const kernel = reader({ calls: calls(entries), all: calls(run.trace), focus: run.focus }, lesson.checkpoints![step.id]!.choices);
        expect(kernel, `${id}/${step.id}: the kernel's record is one of the choices`).toBeGreaterThanOrEqual(0);
        expect(outcome.checkpoint?.answer, `${id}/${step.id}`).toBe(kernel);
        // this run's explanation fits the lesson pane as `ipclab check` measures the fixed texts
        // and names only calls this step made
        for (const lang of ['en', 'zh'] as const) {
          expect(wrap(outcome.checkpoint!.explanation[lang], PANE_WIDTH).length, `${id}/${step.id} ${lang}`).toBeLessThanOrEqual(MAX_LINES.explain);
          expect(wrongCalls(outcome.checkpoint!.explanation[lang], lesson.checkpoints![step.id]!.question[lang], calls(entries)), `${id}/${step.id}: the ${lang} explanation's calls`).toEqual([]);
        }
        checked.push(step.id);
      }
      expect(checked.sort()).toEqual(Object.keys(readers).sort());
    }, 60_000);
  }
});

interface Line {
  type: string;
  step?: string;
  id?: string;
  answer?: number;
  choices?: Choice[];
  explanation?: { en: string; zh: string };
  segments?: SegmentRecord[];
  text?: { en: string };
}

describe('shmat without a C compiler', () => {
  it('fork and exit are graded by the kernel: no C program ran, nattch 0, the segment still listed', async () => {
    // an empty PATH: no cc (ipclab itself runs from process.execPath)
    const empty = testTempDir('ipclab-nocc-');
    try {
      const result = await promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'ipclab.mjs'), 'run', 'shmat', '--json'], {
        cwd: ROOT,
        env: { ...process.env, PATH: empty },
        timeout: 30_000,
      });
      const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
      expect(lines.at(-1), result.stderr).toEqual({ type: 'end', ok: true, leaked: [] });
      expect(lines.some((l) => l.type === 'event' && l.step === 'hand-over' && l.text!.en.startsWith('cc is not installed'))).toBe(true);
      const shmid = (lines.find((l) => l.type === 'call' && (l as unknown as CallRecord).call === 'shmget') as unknown as CallRecord).ret;
      /** the kernel's row of the lesson's segment in the state line after `step` */
      const rowAfter = (step: string) => lines[lines.findIndex((l) => l.type === 'step' && l.id === step) + 1].segments!.find((s) => s.shmid === shmid);
      const graded = (step: string) => lines.find((l) => l.type === 'checkpoint' && l.step === step)!;

      const fork = graded('fork');
      expect(rowAfter('fork')?.nattch).toBe(0);
      expect(fork.choices![fork.answer!]).toBe(rowAfter('fork')!.nattch);
      expect(fork.explanation!.en).toContain('no cc');

      const exit = graded('exit');
      expect(rowAfter('exit')).toMatchObject({ nattch: 0 });
      expect(exit.answer).toBe(0);
      expect(exit.explanation!.en).toContain('no cc');
      for (const said of [fork, exit]) for (const text of [said.explanation!.en, said.explanation!.zh]) expect(wrap(text, PANE_WIDTH).length).toBeLessThanOrEqual(MAX_LINES.explain);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);
});
