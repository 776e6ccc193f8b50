// The Flow's labels are read with a step like its text: a term the Flow is the first to show
// is new on the "New terms" line of the step whose screen shows it (src/lessons/flow-words.ts),
// and a part still masked ("?") shows nothing of its result.
import { describe, expect, it } from 'vitest';
import { flowTextBefore, flowTextsByStep, labelsShown } from '../../src/lessons/flow-words.js';
import { newTermWords, noticeTermWords } from '../../src/lessons/glossary.js';
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

  it("sem step 1 lists what it teaches: the Flow names P and V, holder and kill -9 only once their steps ran (issue 16: six new terms at sem 1)", () => {
    const sem = LESSONS[at('sem')]!;
    const step = (id: string) => sem.steps.findIndex((s) => s.id === id);
    for (const lang of ['en', 'zh'] as const) {
      const before = newTermWords(LESSONS, lang, at('sem'));
      // sempid with SETVAL, which sets it on Linux and brings its column (issue 16: legend "last semop's pid" at step 1)
      expect(before[0], lang).toEqual(['semval', 'semid', 'SETVAL', 'sempid']);
      expect(noticeTermWords(LESSONS, lang, at('sem'))[0]!.words, lang).toEqual([]);
      // each where its step's text says it
      expect(before[step('p')], lang).toContain('P');
      // sem_flg where step 3 sets IPC_NOWAIT in it, not among step 2's (issue 16: 11 terms in steps 1-2)
      expect(before[step('nowait')], lang).toEqual([lang === 'en' ? 'holder' : '持有者', 'sem_flg']);
      expect(before[step('p')], lang).not.toContain('sem_flg');
      expect(before[step('undo')], lang).toEqual(expect.arrayContaining(['kill -9', 'SEM_UNDO']));
    }
    // the Flow before step 2 runs, and before step 6 runs: none of them yet; after step 6, its holder and kill
    const holder = /holder|持有者|kill -9|semop|\bP\b/;
    expect(flowTextBefore(sem, 'en', step('p'))).not.toMatch(holder);
    expect(flowTextBefore(sem, 'zh', step('p'))).not.toMatch(holder);
    expect(flowTextBefore(sem, 'en', step('undo'))).toMatch(/semop/);
    expect(flowTextBefore(sem, 'en', step('undo'))).not.toMatch(/holder|kill -9/);
    expect(flowTextBefore(sem, 'en', step('no-undo'))).toMatch(/holder 1[\s\S]*kill -9/);
    expect(flowTextBefore(sem, 'en', step('no-undo'))).not.toMatch(/holder 2/);
  });
});
