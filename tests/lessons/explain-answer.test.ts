// A checkpoint's explanation is shown under "Answer: 1) nattch 0, still listed.": it neither
// starts nor ends by giving that answer again ("Still listed, nattch 0: …"). The explanations
// read the run (functions), so every lesson runs for real and each graded checkpoint is held
// to the rule `ipclab check` applies to the check's explanations (restatesAnswer).
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { restatesAnswer } from '../../src/lessons/text-style.js';
import type { Text } from '../../src/lessons/types.js';
import { cli } from './helpers.js';

interface CheckpointLine {
  type: 'checkpoint';
  lesson: string;
  step: string;
  answer: number;
  explanation: Text;
}

describe('checkpoint explanations', () => {
  // the lessons run two at a time (the alone project's maxConcurrency, vitest.config.ts): a run
  // mostly waits on its peers and the kernel, and the alone project's one worker leaves a CPU idle
  it.concurrent.each(LESSONS.map((l) => l.id))('%s: none restates the answer it explains', async (id) => {
    const run = await cli(['run', id, '--json'], 60_000);
    expect(run.code, run.stderr).toBe(0);
    const graded = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { type: string })
      .filter((l): l is CheckpointLine => l.type === 'checkpoint');
    const lesson = LESSONS.find((l) => l.id === id)!;
    expect(graded.length).toBe(Object.keys(lesson.checkpoints ?? {}).length);
    const found = graded.flatMap(({ step, answer, explanation }) =>
      (['en', 'zh'] as const).flatMap((lang) => {
        const chosen = lesson.checkpoints![step]!.choices[answer]![lang];
        const again = restatesAnswer(explanation[lang], chosen);
        return again ? [`${step} (${lang}) ${again} on "${chosen}": ${explanation[lang]}`] : [];
      }),
    );
    expect(found).toEqual([]);
  }, 90_000);
});
