// The Flow's labels are read with a step like its text: a term the Flow is the first to show
// is new on the "New terms" line of the step whose screen shows it (src/lessons/flow-words.ts),
// and a part still masked ("?") shows nothing of its result.
import { describe, expect, it } from 'vitest';
import { flowTextsByStep, labelsShown } from '../../src/lessons/flow-words.js';
import { newTermWords } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';

const at = (id: string) => LESSONS.findIndex((l) => l.id === id);

describe('the Flow in New terms', () => {
  it.each([
    ['serv-clnt', 0, 'magic', 'magic'],
    ['shmget', 0, 'SHMMAX', 'SHMMAX'],
    ['shmat', 0, 'SHM_RDONLY', 'SHM_RDONLY'],
    ['ftok', 0, 'device', '设备号'],
  ])('%s step %i: the Flow shows %s before the step runs, and its line names it', (id, step, en, zh) => {
    expect(newTermWords(LESSONS, 'en', at(id))[step]).toContain(en);
    expect(newTermWords(LESSONS, 'zh', at(id))[step]).toContain(zh);
  });

  it('leaves out a masked part: a `%% hide` label whole, the result words of another', () => {
    expect(labelsShown('shmctl-life', 'en', [])).toMatch(/Linux only/);
    expect(labelsShown('shmctl-life', 'en', ['dest', 'again'])).not.toMatch(/Linux only|key 0/);
    expect(labelsShown('shmget-key', 'en', ['EINVAL', 'ENOENT'])).not.toMatch(/EINVAL|ENOENT/);
    expect(labelsShown('shmget-key', 'en', [])).toMatch(/EINVAL/);
  });

  it('reads the labels in the learner\'s language, the last run step\'s diagram before a step runs', () => {
    const lesson = LESSONS[at('shmget')]!;
    const texts = flowTextsByStep(lesson, 'zh');
    expect(texts).toHaveLength(lesson.steps.length);
    expect(texts[0]!.before).toMatch(/[\u4e00-\u9fff]/);
    lesson.steps.forEach((s, i) => {
      if (i > 0 && s.diagram !== lesson.steps[i - 1]!.diagram) expect(texts[i]!.before).toBe(texts[i - 1]!.after);
    });
  });
});
