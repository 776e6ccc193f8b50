// sem 7's text says its P is made with IPC_NOWAIT ("a wait in it would freeze the screen"); its
// question asked "Then this process makes a P. That P…" and offered "is stuck until some process
// does V", which that P never is (issue 16). The question says IPC_NOWAIT as the text does, and
// no choice has that P wait.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';

describe("sem 7: the question and choices agree with the text's IPC_NOWAIT", () => {
  const sem = LESSONS.find((l) => l.id === 'sem')!;
  const step = sem.steps.find((s) => s.id === 'no-undo')!;
  const cp = sem.checkpoints!['no-undo']!;
  it('the question says IPC_NOWAIT where the text does', () => {
    for (const lang of ['en', 'zh'] as const) {
      expect(step.say[lang]).toContain('IPC_NOWAIT');
      expect(cp.question[lang]).toContain('IPC_NOWAIT');
    }
  });
  it('no choice has the IPC_NOWAIT P wait', () => {
    for (const c of cp.choices) {
      expect(c.en).not.toMatch(/\b(?:stuck|waits?|sleeps?|blocks?)\b/);
      expect(c.zh).not.toMatch(/卡住|等待|睡眠|阻塞/);
    }
  });
});
