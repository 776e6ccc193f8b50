// A result a step gets (an errno, SIGSEGV) is drawn as "?" in the flow until that step has
// run: a checkpoint's answer is not on screen before the learner answers (lit.ts unrevealed).
import { describe, expect, it } from 'vitest';
import { flowChoice } from '../../src/app/components/flow-view.js';
import { renderDiagram } from '../../src/flow/index.js';
import { LESSONS, lessonById } from '../../src/lessons/index.js';
import { unrevealed } from '../../src/lessons/lit.js';

/** The flow of lesson `id` as the pane draws it with `view` shown and `done` steps run. */
function flowText(id: string, view: number, done: number, lang: 'en' | 'zh'): string {
  const choice = flowChoice(lessonById(id)!, view, done);
  return renderDiagram(choice.diagram!, { width: 78, lang }).text({ active: choice.active, done: choice.done, masked: choice.masked });
}

describe('results in the flow wait for their step', () => {
  it('no "?" outlives the steps that could answer it: a result only a step already run might have got (shmget\'s above SHMMAX, a branch step 4 did not take here) is drawn, and a finished lesson masks nothing (nc212#13)', () => {
    for (const lesson of LESSONS)
      for (const diagram of new Set(lesson.steps.map((s) => s.diagram).filter((d): d is string => !!d))) {
        // every step run, each lighting only its highlight (none of its other results)
        expect(unrevealed(lesson, diagram, lesson.steps.length), `${lesson.id} ${diagram}`).toEqual([]);
      }
  });
  for (const lang of ['en', 'zh'] as const) {
    it(`shmat: the EINVAL of shmat(-1, …) shows only once its step ran (${lang})`, () => {
      const steps = lessonById('shmat')!.steps;
      const bad = steps.findIndex((s) => s.id === 'bad-id');
      for (let done = 0; done <= bad; done++) expect(flowText('shmat', bad, done, lang), `${done} steps run`).not.toContain('EINVAL');
      expect(flowText('shmat', bad, bad, lang)).toContain('shmat(-1, …)');
      expect(flowText('shmat', bad, bad + 1, lang)).toContain('EINVAL');
    });

    // issue 16, pass 10: the id's edge was "?" until step 3 ran, though step 1's trace already
    // said 'S' = 0x53 is the key's top byte; a mask ends with the step that shows the answer.
    // Its label says only that (bits 31..24), not which of the id's bits: step 3's question
    // (where the id goes, bits 31..24, waits for step 3 too: a newcomer read it as its question's
    // answer, that only 8 bits of the id count: s35f)
    it(`ftok: where the id goes is drawn once step 3 ran, and no label says step 3's answer, its low 8 bits (${lang})`, () => {
      const ftok = lessonById('ftok')!;
      const idBits = ftok.steps.findIndex((s) => s.id === 'id-bits');
      const where = lang === 'en' ? 'bits 31..24' : '位 31..24';
      expect(flowText('ftok', 1, 1, lang)).not.toContain(where);
      expect(flowText('ftok', idBits, idBits + 1, lang)).toContain(where);
      for (let done = 0; done <= idBits; done++) expect(flowText('ftok', Math.min(done, idBits), done, lang)).not.toMatch(lang === 'en' ? /its low 8 bits/ : /低 8 位作/);
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

  // a part marked `%% hide ID` in its .mmd (src/flow/hidden.ts) is the answer itself: its label
  // is a "?" (an edge's line blank too) until the step that lights it has run
  const HIDDEN: { lesson: string; step: string; en: string; zh: string }[] = [
    { lesson: 'parent-child', step: 'write', en: 'SIGUSR1', zh: 'SIGUSR1' },
    { lesson: 'sem', step: 'undo', en: 'given back', zh: '内核归还' },
    { lesson: 'sem', step: 'no-undo', en: 'nothing given back', zh: '没有归还' },
    { lesson: 'shmctl', step: 'rmid', en: 'key 0', zh: 'key 变 0' },
    { lesson: 'shmctl', step: 'attach-dest', en: 'Linux only', zh: '仅 Linux' },
  ];
  for (const lang of ['en', 'zh'] as const) {
    it(`labels that answer a step's question wait for that step (${lang})`, () => {
      for (const { lesson, step, ...words } of HIDDEN) {
        const at = lessonById(lesson)!.steps.findIndex((s) => s.id === step);
        const where = `${lesson} step ${step}`;
        expect(at, where).toBeGreaterThanOrEqual(0);
        for (let done = 0; done <= at; done++) expect(flowText(lesson, at, done, lang), `${where}, ${done} steps run`).not.toContain(words[lang]);
        expect(flowText(lesson, at, at + 1, lang), where).toContain(words[lang]);
      }
    });
  }

  it("the child's SIGUSR1 edge is blank, its arrowhead too, until the parent's kill ran", () => {
    const steps = lessonById('parent-child')!.steps;
    const write = steps.findIndex((s) => s.id === 'write');
    const before = flowText('parent-child', write, write, 'en');
    // the parent and child boxes on one row, with nothing between them pointing either way
    const row = before.split('\n').find((l) => l.includes('parent') && l.includes('child'))!;
    expect(row).not.toMatch(/[►◄>]/);
    expect(before).toContain('?');
    expect(flowText('parent-child', write, write + 1, 'en').split('\n').find((l) => l.includes('parent') && l.includes('child'))).toMatch(/►/);
  });
});

