// A result a step gets (an errno, SIGSEGV) is drawn as "?" in the flow until that step has
// run: a checkpoint's answer is not on screen before the learner answers (lit.ts unrevealed).
import { describe, expect, it } from 'vitest';
import { flowChoice } from '../../src/app/components/flow-view.js';
import { renderDiagram } from '../../src/flow/index.js';
import { lessonById } from '../../src/lessons/index.js';

/** The flow of lesson `id` as the pane draws it with `view` shown and `done` steps run. */
function flowText(id: string, view: number, done: number, lang: 'en' | 'zh'): string {
  const choice = flowChoice(lessonById(id)!, view, done);
  return renderDiagram(choice.diagram!, { width: 78, lang }).text({ active: choice.active, done: choice.done, masked: choice.masked });
}

describe('results in the flow wait for their step', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`shmat: the EINVAL of shmat(-1, …) shows only once its step ran (${lang})`, () => {
      const steps = lessonById('shmat')!.steps;
      const bad = steps.findIndex((s) => s.id === 'bad-id');
      for (let done = 0; done <= bad; done++) expect(flowText('shmat', bad, done, lang), `${done} steps run`).not.toContain('EINVAL');
      expect(flowText('shmat', bad, bad, lang)).toContain('shmat(-1, …)');
      expect(flowText('shmat', bad, bad + 1, lang)).toContain('EINVAL');
    });

    it(`shmdt: the second shmdt's EINVAL and the child's SIGSEGV show once their steps ran (${lang})`, () => {
      const steps = lessonById('shmdt')!.steps;
      const again = steps.findIndex((s) => s.id === 'again');
      const before = flowText('shmdt', again, again, lang);
      expect(before).not.toContain('EINVAL');
      expect(before).toContain('SIGSEGV');
      expect(flowText('shmdt', again, again + 1, lang)).toContain('EINVAL');
      expect(flowText('shmdt', 0, 0, lang)).not.toContain('SIGSEGV');
    });
  }
});
