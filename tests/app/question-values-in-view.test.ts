// A question that needs values of an earlier step's Trace has them in view when it is asked:
// shmget 4 asks what 2^62 bytes gives against SHMMAX and SHMALL, which step 3's last Trace line
// holds; that line was below the 80x24 Trace's window, "↓ 2 more (z: step 3 whole)" (issue 16).
// Step 3 run for real; the Trace's window as TracePane opens it after the run (stepTop), at
// 80x24 (the 5 rows a question leaves it) and 120x34, en and zh.
import { afterEach, describe, expect, it } from 'vitest';
import { stepTop, traceView } from '../../src/app/components/trace-view.js';
import { layoutFor } from '../../src/app/layout.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { startLesson } from '../../src/lessons/engine.js';
import { lessonById } from '../../src/lessons/index.js';
import type { LessonRun } from '../../src/lessons/types.js';
import { readShmLimits } from '../../src/native/index.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

describe('values a question needs', () => {
  it('shmget 4: SHMMAX and SHMALL of step 3\'s Trace are in the window its question is asked under', async () => {
    const lesson = lessonById('shmget')!;
    const run = startLesson(lesson);
    runs.push(run);
    for (let i = 0; i < 3; i++) expect((await run.runNext()).ok).toBe(true);
    const { shmmax, shmall } = readShmLimits();
    const wide = layoutFor(120, 34, 10) as { trace: { w: number; h: number } };
    for (const lang of ['en', 'zh'] as const) {
      for (const { width, rows } of [{ width: 80, rows: 5 }, { width: wide.trace.w, rows: wide.trace.h - 2 }]) {
        const view = traceView(run.trace, run.stepStarts, lesson, lang, width - 2, strings(lang), false);
        const top = stepTop(view, 2, rows)!;
        const shown = view.lines.slice(top, top + rows).map(lineText).join(' ').replace(/\s+/g, ' ');
        for (const value of [`SHMMAX = ${shmmax}`, `SHMALL = ${shmall}`]) expect(shown, `${lang}, ${width} wide, ${rows} rows`).toContain(value);
      }
    }
  });
});
