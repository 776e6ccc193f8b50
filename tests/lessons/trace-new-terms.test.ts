// "New terms" points to the glossary where a term is first shown, the trace included: a
// flag or a word that only a step's trace lines (its calls, notes, command output) show
// is new at that step, once. Real lessons run against the real kernel.
import { afterEach, describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/engine.js';
import { pointsAtChoice } from '../../src/lessons/giveaway.js';
import { newTermWords, stepTermWords, traceTerms } from '../../src/lessons/glossary.js';
import { paneNewTerms } from '../../src/app/components/lesson-view.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun, TraceEntry } from '../../src/lessons/types.js';
import { SHARED } from '../../src/text/strings.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

const at = (id: string) => LESSONS.findIndex((l) => l.id === id);
const stepOf = (id: string, step: string) => LESSONS[at(id)].steps.findIndex((s) => s.id === step);

/** A run's trace as the lesson pane reads it, from made-up entries: one list per step. */
function fakeRun(steps: TraceEntry[][]): { trace: TraceEntry[]; stepStarts: number[] } {
  const stepStarts: number[] = [];
  const trace: TraceEntry[] = [];
  for (const entries of steps) {
    stepStarts.push(trace.length);
    trace.push(...entries);
  }
  return { trace, stepStarts };
}
const note = (en: string, zh: string): TraceEntry => ({ type: 'event', pid: 1, text: { en, zh }, at: 0 });

describe('New terms from the trace', () => {
  it("shmget's 2^62 step: SHM_NORESERVE, named by its trace's note only, is new from the trace", async () => {
    const index = at('shmget');
    const huge = stepOf('shmget', 'size-huge');
    expect(huge).toBeGreaterThan(0);
    const run = startLesson(LESSONS[index]);
    runs.push(run);
    while (run.done <= huge) await run.runNext();
    for (const lang of ['en', 'zh'] as const) {
      // the text no longer names it (it pointed at the answer, fixR4): the trace's note does, so it is new from the trace
      expect(newTermWords(LESSONS, lang, index)[huge]).not.toContain('SHM_NORESERVE');
      expect(run.trace.slice(run.stepStarts[huge]).some((e) => e.type === 'event' && e.text[lang].includes('SHM_NORESERVE'))).toBe(true);
      expect(traceTerms(LESSONS, lang, index, huge, run).words).toContain('SHM_NORESERVE');
      // step 1's adds at most the Kernel pane's headings no text before named (zh: perms), not
      // its record's fields (cgid, ctime: new where a text first names them, ARCHITECTURE's
      // terms rule, issue 16), never SHM_NORESERVE
      const first = traceTerms(LESSONS, lang, index, 0, run);
      expect(first.where.every((w) => w === 'kernel'), lang).toBe(true);
      for (const word of ['cgid', 'ctime', 'SHM_NORESERVE']) expect(first.words, lang).not.toContain(word);
    }
  });

  it("a call a note names as C makes it (the start line's fork()) is new where that line is first shown", () => {
    const index = at('shmat');
    const start = (pid: number) => note(SHARED.en.forked(pid, 'the child'), SHARED.zh.forked(pid, '子进程'));
    const run = fakeRun([[start(7)], [start(8)]]);
    for (const lang of ['en', 'zh'] as const) {
      // under step 1's notice, which names no new term: the trace's
      expect(traceTerms(LESSONS, lang, index, 0, run).words).toEqual(['fork()']);
      expect(traceTerms(LESSONS, lang, index, 1, run).words).toEqual([]);
    }
  });

  it('a term once: not when the texts met it already, nor after an earlier step of the trace showed it; none before the step ran', () => {
    const index = at('shmat');
    const run = fakeRun([[note('killed by SIGTERM', '被 SIGTERM 杀死')], [note('SIGTERM again; IPC_PRIVATE; /proc/7/wchan', '又是 SIGTERM；IPC_PRIVATE；/proc/7/wchan')]]);
    for (const lang of ['en', 'zh'] as const) {
      expect(traceTerms(LESSONS, lang, index, 0, run).words).toEqual(['SIGTERM']);
      // IPC_PRIVATE is met in the texts of earlier lessons; SIGTERM in step 0's trace
      expect(traceTerms(LESSONS, lang, index, 1, run).words).toEqual(['wchan']);
      expect(traceTerms(LESSONS, lang, index, 2, run).words).toEqual([]);
    }
  });
  it("a term a step's trace showed first is not new again where a later step's text names it (shmat as before fix21d: fork() at step 6, fork at step 8)", () => {
    const index = at('shmat');
    const ran = LESSONS[index].steps.findIndex((s) => s.id === 'rdonly');
    // step 6's text and aside name fork now (fix21d, issue 16); without them, its trace is where fork() is met first
    const unnamed = { en: 'Then a throw-away child process writes through a read-only mapping.', zh: '接着一个临时子进程通过只读映射写入。' };
    const asBefore = LESSONS.map((l, i) => (i !== index ? l : { ...l, steps: l.steps.map((s, j) => (j === ran ? { ...s, say: unnamed, aside: undefined } : s)) }));
    const later = newTermWords(asBefore, 'en', index).findIndex((words, i) => i > ran && words.includes('fork'));
    expect(later).toBeGreaterThan(ran);
    const start = (pid: number) => note(SHARED.en.forked(pid, 'the child'), SHARED.zh.forked(pid, '子进程'));
    const steps = Array.from({ length: later + 1 }, (_, i) => (i === ran ? [start(7)] : []));
    const run = fakeRun(steps);
    for (const lang of ['en', 'zh'] as const) {
      expect(traceTerms(asBefore, lang, index, ran, run).words).toContain('fork()');
      expect(stepTermWords(asBefore, lang, index, later, run)).not.toContain('fork');
      // with no run of the earlier step, the text is where it is met first
      expect(stepTermWords(asBefore, lang, index, later, fakeRun([]))).toContain('fork');
    }
    // as shipped, step 6's own "New terms" line names fork before its run, as its text says it
    // since newcomer pass 6: "(a C program would fork() here)", the trace's words
    expect(newTermWords(LESSONS, 'en', index)[ran]).toContain('fork()');
  });

  it("a term a question offers as an answer is held back until the answer (EIDRM: shmctl 7 asks by what happens now, issue 16; shmat 7 no longer offers it, fix22d2; shmat 1 never names it, fix18h)", () => {
    const shmat = LESSONS[at('shmat')]!;
    const dest = LESSONS[at('shmctl')]!.checkpoints!['attach-dest']!;
    expect(shmat.checkpoints!['bad-id']!.choices.some((c) => c.en.includes('EIDRM'))).toBe(false);
    for (const lang of ['en', 'zh'] as const) {
      expect(shmat.steps[0]!.notice[lang]).not.toContain('EIDRM');
      // shmctl 7's choices say what happens ("-1: a dest segment is refused"), naming no errno
      // whose meaning ("id removed") echoes its title "shmat after IPC_RMID"
      expect(dest.choices.some((c) => c[lang].includes('EIDRM'))).toBe(false);
      expect(pointsAtChoice('EIDRM', dest, lang)).toBe(false);
      // so no step of the shared memory lessons has it on its "New terms" line
      const above = LESSONS.flatMap((lesson, index) => newTermWords(LESSONS, lang, index).flatMap((words, step) => (words.includes('EIDRM') ? [`${lesson.id} ${step + 1}`] : [])));
      expect(above.filter((w) => /^(overview|shmget|ftok|shmat|shmdt|shmctl) /.test(w))).toEqual([]);
    }
  });

  it("serv-clnt 1, run: the trace's IPC_CREAT, IPC_EXCL and inode are earlier lessons' words, counted with them from the menu, new to no learner (s36: IPC_CREAT new here, IPC_EXCL \"from lesson 2\")", async () => {
    const index = at('serv-clnt');
    const run = startLesson(LESSONS[index]);
    runs.push(run);
    await run.runNext();
    for (const lang of ['en', 'zh'] as const) {
      const shown = run.trace.slice(run.stepStarts[0]).flatMap((e) => (e.type === 'call' ? [e.c] : e.type === 'event' ? [e.text[lang]] : [])).join('\n');
      expect(shown).toMatch(/IPC_CREAT\|IPC_EXCL/);
      expect(shown).toMatch(/inode/);
      // the menu's learner, no lesson before run: the three counted under the introduction, each
      // with a lesson before this one; the course in order: met there
      const menu = paneNewTerms(LESSONS, lang, { index, ran: [] }, 1, 1, run, 'g', false);
      for (const word of ['IPC_CREAT', 'IPC_EXCL', 'inode']) {
        const k = menu.earlier!.words.indexOf(word);
        expect(k, `${lang} ${word}: ${menu.earlier!.words.join(', ')}`).toBeGreaterThanOrEqual(0);
        expect(menu.earlier!.lessons[k]).toBeLessThan(index);
      }
      for (const learner of [{ index, ran: [] }, index]) {
        const { justRun } = paneNewTerms(LESSONS, lang, learner, 1, 1, run, 'g', false);
        for (const word of ['IPC_CREAT', 'IPC_EXCL', 'inode']) expect(justRun, `${lang} ${JSON.stringify(learner)}`).not.toContain(word);
      }
    }
  });
});
