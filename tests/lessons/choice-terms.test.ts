// A glossary term a checkpoint's choice is the first to use is said in the choice, since the
// "New terms" line holds it back until the answer (serv-clnt's "its row, dest"); every errno
// and IPC flag a result text names has a glossary entry (msg's "E2BIG … no MSG_NOERROR").
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { explainedInChoice, validateLessons } from '../../src/lessons/validate.js';

describe('terms of choices and results (fix15f)', () => {
  it('a choice says in place what a term it is the first to use means', () => {
    expect(explainedInChoice('dest', 'its row, dest (removed, still mapped)')).toBe(true);
    expect(explainedInChoice('dest', '它那一行，dest（已删除、仍被映射）')).toBe(true);
    expect(explainedInChoice('EIDRM', 'EIDRM: removed while it waited')).toBe(true);
    expect(explainedInChoice('dest', 'its row, dest')).toBe(false);
    expect(explainedInChoice('EIDRM', 'fails with EIDRM')).toBe(false);
  });

  it("the check finds serv-clnt's bare 'its row, dest' for a learner who starts there, and passes the lessons as they are", () => {
    const problems = (lessons: typeof LESSONS) => validateLessons(lessons).filter((p) => p.includes('shows only after the answer'));
    expect(problems(LESSONS)).toEqual([]);
    const lessons = LESSONS.map((l) => {
      if (l.id !== 'serv-clnt') return l;
      const last = l.checkpoints!.last!;
      const choices = last.choices.map((c, i) => (i === 1 ? { ...c, en: 'its row, dest', zh: '它那一行，dest' } : c));
      return { ...l, checkpoints: { ...l.checkpoints, last: { ...last, choices } } };
    });
    const found = problems(lessons);
    expect(found.some((p) => p.startsWith("lesson 'serv-clnt' step 'last' choice 2 (en, a learner starting here): uses 'dest'"))).toBe(true);
    expect(found.some((p) => p.startsWith("lesson 'serv-clnt' step 'last' choice 2 (zh"))).toBe(true);
  });

  it("for a learner in order a choice never explains its own term: shmat's EIDRM is said before its question, and the check finds it when it is not (fix18b)", () => {
    const problems = (lessons: typeof LESSONS) => validateLessons(lessons).filter((p) => p.includes('a learner in order') && p.includes('shows only after the answer'));
    expect(problems(LESSONS)).toEqual([]);
    const shmat = LESSONS.find((l) => l.id === 'shmat')!;
    const create = shmat.steps[0]!;
    for (const lang of ['en', 'zh'] as const) expect(create.notice[lang]).toContain('EIDRM');
    // without step 1's sentence, "EIDRM (the id was removed)" is where the learner meets EIDRM
    const notice = { en: create.notice.en.replace(/ A call under way.*$/, ''), zh: create.notice.zh.replace(/调用进行中.*$/, '') };
    const lessons = LESSONS.map((l) => (l.id === 'shmat' ? { ...l, steps: [{ ...create, notice }, ...l.steps.slice(1)] } : l));
    const found = problems(lessons);
    expect(found.some((p) => p.startsWith("lesson 'shmat' step 'bad-id' choice 4 (en, a learner in order): uses 'EIDRM'"))).toBe(true);
    expect(found.some((p) => p.startsWith("lesson 'shmat' step 'bad-id' choice 4 (zh, a learner in order): uses 'EIDRM'"))).toBe(true);
  });

  it("msg 7/7's choices are alike, each errno said by its name's meaning, and step 6's notice names neither (nc203/nc204: nothing was removed there, and its New terms pointed at choice 1)", () => {
    const msg = LESSONS.find((l) => l.id === 'msg')!;
    const rmid = msg.checkpoints!.rmid!;
    expect(rmid.choices.map((c) => c.en)).toEqual(['fails with EIDRM (identifier removed)', 'fails with EINVAL (invalid argument)', 'sleeps on']);
    const blocked = msg.steps.find((s) => s.id === 'blocked')!;
    for (const lang of ['en', 'zh'] as const) for (const errno of ['EIDRM', 'EINVAL']) expect(blocked.notice[lang]).not.toContain(errno);
  });

  it('every errno and IPC flag of a result text is a glossary term: without E2BIG, MSG_NOERROR the check says so', () => {
    const terms = GLOSSARY.flatMap((e) => e.terms);
    for (const t of ['E2BIG', 'MSG_NOERROR', 'ERANGE', 'EFBIG', 'ENOTDIR', 'SHM_HUGETLB']) expect(terms).toContain(t);
    const without = GLOSSARY.filter((e) => e.id !== 'E2BIG');
    const found = validateLessons(LESSONS, undefined, without).filter((p) => p.startsWith('turn/errno-why.ts'));
    expect(found).toContain('turn/errno-why.ts msgrcv E2BIG: names E2BIG, MSG_NOERROR, which the glossary (src/lessons/glossary.ts) does not explain');
  });
});
