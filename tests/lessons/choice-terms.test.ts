// A glossary term a checkpoint's choice is the first to use is met before the answer, since the
// "New terms" line holds it back until then (serv-clnt's "its row, dest"); every errno
// and IPC flag a result text names has a glossary entry (msg's "E2BIG … no MSG_NOERROR").
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { listedChoice } from '../../src/lessons/checkpoint-kit.js';
import { choicesAlike, explainedInChoice, validateLessons } from '../../src/lessons/validate.js';

describe('terms of choices and results (fix15f)', () => {
  it('a choice says in place what a term it is the first to use means', () => {
    expect(explainedInChoice('dest', 'its row, dest (removed, still mapped)')).toBe(true);
    expect(explainedInChoice('dest', '它那一行，dest（已删除、仍被映射）')).toBe(true);
    expect(explainedInChoice('EIDRM', 'EIDRM: removed while it waited')).toBe(true);
    expect(explainedInChoice('dest', 'its row, dest')).toBe(false);
    expect(explainedInChoice('EIDRM', 'fails with EIDRM')).toBe(false);
  });

  it("the check finds serv-clnt 4's dest, for a learner who starts there, when only a lone choice says what it means, and passes the lessons as they are (fix26a#2)", () => {
    const problems = (lessons: typeof LESSONS) => validateLessons(lessons).filter((p) => p.includes('shows only after the answer'));
    expect(problems(LESSONS)).toEqual([]);
    const servClnt = LESSONS.find((l) => l.id === 'serv-clnt')!;
    // the question names dest, so the "New terms" line shows it above the question
    for (const lang of ['en', 'zh'] as const) expect(servClnt.checkpoints!.last!.question[lang]).toContain('dest');
    // as main had it: a question without dest, one choice saying in brackets what dest is
    const lessons = LESSONS.map((l) => {
      if (l.id !== 'serv-clnt') return l;
      const last = l.checkpoints!.last!;
      const question = { en: 'The server calls IPC_RMID, the client may still map it. Once both have exited, ipcs -m shows…', zh: '服务端调用了 IPC_RMID，客户端可能还映射着它。双方都退出之后，ipcs -m 显示……' };
      const choices = last.choices.map((c, i) => (i === 1 ? { ...c, en: 'its row, dest (removed, still mapped)', zh: '它那一行，dest（已删除、仍被映射）' } : c));
      return { ...l, checkpoints: { ...l.checkpoints, last: { ...last, question, choices } } };
    });
    const found = problems(lessons);
    expect(found.some((p) => p.startsWith("lesson 'serv-clnt' step 'last' choice 2 (en, a learner starting here): uses 'dest'"))).toBe(true);
    expect(found.some((p) => p.startsWith("lesson 'serv-clnt' step 'last' choice 2 (zh, a learner starting here): uses 'dest'"))).toBe(true);
  });

  it("for a learner in order a choice says its term's meaning in brackets only while every choice does: shmctl 7 asks by behaviour, and the check finds a lone self-explaining EIDRM (fix18h)", () => {
    expect(choicesAlike(['EINVAL (invalid argument)', 'EIDRM (the id was removed)'])).toBe(true);
    expect(choicesAlike(['写入成功（照常存入）', '它被 SIGSEGV（段错误）杀死'])).toBe(true);
    expect(choicesAlike(['EINVAL', 'EIDRM (the id was removed)'])).toBe(false);
    expect(choicesAlike(['EINVAL (invalid argument)', 'EIDRM (because the id was removed)'])).toBe(false);
    const problems = (lessons: typeof LESSONS) => validateLessons(lessons).filter((p) => p.includes('a learner in order') && p.includes('shows only after the answer'));
    expect(problems(LESSONS)).toEqual([]);
    const shmat = LESSONS.find((l) => l.id === 'shmat')!;
    // no earlier step names them only to meet the rule: step 1 has no call under way, step 5's SIGSEGV gave step 6 away
    for (const lang of ['en', 'zh'] as const) {
      expect(shmat.steps[0]!.notice[lang]).not.toContain('EIDRM');
      expect(shmat.steps[4]!.notice[lang]).not.toContain('SIGSEGV');
    }
    // shmat 7 offers no EIDRM: its "New terms" line would name it only after the answer (newcomers, fix22d2)
    expect(shmat.checkpoints!['bad-id']!.choices.map((c) => c.value)).not.toContain('EIDRM');
    // shmctl 7 asks by what happens (issue 16: "EIDRM (id removed)" under "shmat after IPC_RMID"
    // pointed at itself); as it once was, with the other choices bare, "EIDRM (id removed)" is the
    // one choice that explains itself
    const dest = LESSONS.find((l) => l.id === 'shmctl')!.checkpoints!['attach-dest']!;
    for (const lang of ['en', 'zh'] as const) expect(dest.choices.map((c) => c[lang]).join(' ')).not.toContain('EIDRM');
    const bare = dest.choices.map((c) => (c.value === 'EIDRM' ? { ...c, en: 'EIDRM (id removed)', zh: 'EIDRM（id 已删除）' } : { ...c, en: 'bare', zh: 'bare' }));
    const lessons = LESSONS.map((l) => (l.id === 'shmctl' ? { ...l, checkpoints: { ...l.checkpoints, 'attach-dest': { ...dest, choices: bare } } } : l));
    const found = problems(lessons);
    expect(found.some((p) => p.startsWith("lesson 'shmctl' step 'attach-dest' choice 2 (en, a learner in order): uses 'EIDRM'"))).toBe(true);
    expect(found.some((p) => p.startsWith("lesson 'shmctl' step 'attach-dest' choice 2 (zh, a learner in order): uses 'EIDRM'"))).toBe(true);
  });

  it("msg 7/7's choices say what the reader does, no errno (issue 16: an errno's meaning answered), and step 6's notice names neither (nc203/nc204: nothing was removed there, and its New terms pointed at choice 1)", () => {
    const msg = LESSONS.find((l) => l.id === 'msg')!;
    const rmid = msg.checkpoints!.rmid!;
    expect(rmid.choices.map((c) => c.en)).toEqual(['wakes at once with an error', 'sleeps on (nothing wakes it)', 'is killed with the queue']);
    const blocked = msg.steps.find((s) => s.id === 'blocked')!;
    for (const lang of ['en', 'zh'] as const) for (const errno of ['EIDRM', 'EINVAL']) expect(blocked.notice[lang]).not.toContain(errno);
  });

  it('every errno and IPC flag of a result text is a glossary term: without E2BIG, MSG_NOERROR the check says so', () => {
    const terms = GLOSSARY.flatMap((e) => e.terms);
    for (const t of ['E2BIG', 'MSG_NOERROR', 'ERANGE', 'EFBIG', 'ENOTDIR', 'SHM_HUGETLB']) expect(terms).toContain(t);
    const without = GLOSSARY.filter((e) => e.id !== 'E2BIG');
    const found = validateLessons(LESSONS, undefined, without).filter((p) => p.startsWith('text/errno.ts'));
    expect(found).toContain('text/errno.ts (ERRNO_FOR_CALL) msgrcv E2BIG: its why names E2BIG, MSG_NOERROR, which the glossary (src/lessons/glossary.ts) does not explain');
  });

  it("for a learner who starts at the lesson too, a choice explains its term only while every choice is alike: ftok no-creat's and shmdt use-after's bare choices as main had them are found (fix27a#1; msg rmid's choices name no errno since issue 16)", () => {
    const problems = (lessons: typeof LESSONS) => validateLessons(lessons).filter((p) => p.includes('a learner starting here') && p.includes('shows only after the answer'));
    expect(problems(LESSONS)).toEqual([]);
    // every choice of those questions carries its own bracketed meaning now, as listed (an errno's from ERRNO_SHORT)
    const asked = [['ftok', 'no-creat'], ['shmdt', 'use-after']] as const;
    for (const [id, step] of asked) {
      const checkpoint = LESSONS.find((l) => l.id === id)!.checkpoints![step]!;
      for (const lang of ['en', 'zh'] as const) expect(choicesAlike(checkpoint.choices.map((_, i) => listedChoice(checkpoint.choices, i, lang)))).toBe(true);
    }
    // as main had them: one choice bare in each, beside choices that explain their errno or signal
    const bare: Record<string, { step: string; index: number; en: string; zh: string }> = {
      ftok: { step: 'no-creat', index: 0, en: 'a shmid', zh: '一个 shmid' },
      shmdt: { step: 'use-after', index: 0, en: 'it reads the text', zh: '它读到那行文字' },
    };
    const lessons = LESSONS.map((l) => {
      const b = bare[l.id];
      if (!b) return l;
      const checkpoint = l.checkpoints![b.step]!;
      const choices = checkpoint.choices.map((c, i) => (i === b.index ? { ...c, en: b.en, zh: b.zh } : c));
      return { ...l, checkpoints: { ...l.checkpoints, [b.step]: { ...checkpoint, choices } } };
    });
    const found = problems(lessons);
    expect(found).toHaveLength(8);
    for (const lang of ['en', 'zh'] as const) {
      for (const [id, step, c, word] of [['ftok', 'no-creat', 2, 'ENOENT'], ['ftok', 'no-creat', 3, 'EEXIST'], ['ftok', 'no-creat', 4, 'EACCES'], ['shmdt', 'use-after', 3, 'SIGSEGV']] as const) {
        expect(found.some((p) => p.startsWith(`lesson '${id}' step '${step}' choice ${c} (${lang}, a learner starting here): uses '${word}'`))).toBe(true);
      }
    }
  });
});
