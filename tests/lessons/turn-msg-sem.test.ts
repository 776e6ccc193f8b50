// "Your turn" in the msg and sem lessons on the real kernel: msgsnd's mtype and text,
// msgrcv's msgtyp (0, a type, a negative type) and msgsz, SETVAL's value, semop's sem_op
// and sem_flg. Each run: the call with the learner's values in the trace, a line saying
// what the kernel did and why, the lesson's own values after (the checkpoint graded on
// them), the lesson to its end without problems, and no queue or set left behind.
import { afterEach, describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/engine.js';
import { lessonById } from '../../src/lessons/index.js';
import { defaultTyped, parseTurn, type TurnValues } from '../../src/lessons/turn/fields.js';
import type { LessonRun, StepOutcome, TraceEntry } from '../../src/lessons/types.js';
import type { CallRecord } from '../../src/native/types.js';
import type { Lang } from '../../src/lang.js';
import { readQueues, readSemaphores } from '../../src/native/index.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

function values(id: string, stepId: string, typed: Record<string, string>, form = true): TurnValues {
  const turn = lessonById(id)!.steps.find((s) => s.id === stepId)!.turn!;
  const parsed = parseTurn(form ? turn : { ...turn, rules: [] }, { ...defaultTyped(turn), ...typed });
  if (!parsed.ok) throw new Error(parsed.error.en);
  return parsed.values;
}

/** Runs the whole lesson with `typed` in step `stepId`'s form; that step's entries and outcome. */
async function runWith(id: string, stepId: string, typed: Record<string, string>, form = true, lang: Lang = 'en'): Promise<{ entries: TraceEntry[]; outcome: StepOutcome }> {
  const run = startLesson(lessonById(id)!, () => lang);
  runs.push(run);
  const index = run.lesson.steps.findIndex((s) => s.id === stepId);
  const yours = values(id, stepId, typed, form);
  let entries: TraceEntry[] = [];
  let outcome: StepOutcome | undefined;
  for (let i = 0; i < run.lesson.steps.length; i++) {
    const done = await run.runNext(i === index ? yours : undefined);
    expect(done.problems, `${id} step ${i + 1}`).toEqual([]);
    if (i === index) {
      entries = run.trace.slice(run.stepStarts[i]);
      outcome = done;
    }
  }
  // what the run made is gone at its end
  const made = run.trace.flatMap((e) => (e.type === 'call' && (e.call === 'msgget' || e.call === 'semget') && e.errno === null ? [e.ret as number] : []));
  await run.close();
  expect(made.length).toBeGreaterThan(0);
  expect(readQueues().filter((q) => made.includes(q.msqid) && q.ours)).toEqual([]);
  expect(readSemaphores().filter((s) => made.includes(s.semid) && s.ours)).toEqual([]);
  return { entries, outcome: outcome! };
}

const calls = (entries: TraceEntry[], name: string) => entries.filter((e): e is CallRecord => e.type === 'call' && e.call === name);
/** the learner's line: what the call did and why */
const yourLine = (entries: TraceEntry[]) => {
  const line = entries.find((e) => e.type === 'event' && e.turn && e.text.en.startsWith('Your values:'));
  return line?.type === 'event' ? line.text : { en: '', zh: '' };
};
const ownIndex = (entries: TraceEntry[]) => entries.findIndex((e) => e.type === 'event' && e.text.en.startsWith("Now the lesson's own values"));

describe('your turn in msg and sem, on the real kernel', () => {
  it('msg: the forms refuse a text past the buffer, msgsz past it and an mtype below 1, naming the range from 1; empty text goes to the kernel', () => {
    const steps = lessonById('msg')!.steps;
    const send = steps.find((s) => s.id === 'send')!.turn!;
    const byType = steps.find((s) => s.id === 'by-type')!.turn!;
    expect(parseTurn(send, { ...defaultTyped(send), text: '' }).ok).toBe(true);
    // the range offered is the one msgsnd takes (fix28a#10: it offered -2147483648, then said only > 0)
    for (const mtype of ['0', '-2']) {
      const r = parseTurn(send, { ...defaultTyped(send), mtype });
      expect(r.ok, mtype).toBe(false);
      if (!r.ok) expect(r.error.en).toMatch(/from 1 to 2147483647/);
    }
    // an error names no unit that is none ("（单位：类型）")
    const notLong = parseTurn(send, { ...defaultTyped(send), mtype: 'x' });
    expect(!notLong.ok && notLong.error.zh).not.toContain('单位');
    const refused = [
      parseTurn(send, { ...defaultTyped(send), text: '醒'.repeat(86) }),
      parseTurn(byType, { ...defaultTyped(byType), msgsz: '257' }),
      parseTurn(byType, { ...defaultTyped(byType), msgsz: '-1' }),
    ];
    for (const r of refused) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.zh).not.toBe(r.error.en);
    }
    expect(parseTurn(byType, { msgtyp: '-2', msgsz: '0' }).ok).toBe(true);
  });

  it('msg: an empty text is a message of 0 bytes', async () => {
    const empty = await runWith('msg', 'send', { text: '', mtype: '3' });
    const first = calls(empty.entries, 'msgsnd')[0];
    expect([first.c.replace(/^msgsnd\(\d+, /, ''), first.errno]).toEqual(['&msg, 0, 0)', null]);
    expect(yourLine(empty.entries).en).toContain('messages 1, used-bytes 0');
  });

  it('msg: your message is sent, counted in used-bytes by its text alone, taken back; the four follow', async () => {
    const { entries } = await runWith('msg', 'send', { mtype: '7', text: 'hi 你好' });
    const sends = calls(entries, 'msgsnd');
    // 'hi 你好' is 9 bytes: the call names them; then the lesson's four, in English: "one", "two", "one again", "three"
    expect(sends.map((c) => c.c.replace(/^msgsnd\(\d+, /, ''))).toEqual(['&msg, 9, 0)', '&msg, 3, 0)', '&msg, 3, 0)', '&msg, 9, 0)', '&msg, 5, 0)']);
    expect(entries.some((e) => e.type === 'event' && e.text.en === 'msg.mtype = 7; msg.mtext = "hi 你好"')).toBe(true);
    const line = yourLine(entries);
    expect(line.en).toContain('messages 1, used-bytes 9');
    expect(line.zh).toContain('used-bytes 为 9');
    const back = calls(entries, 'msgrcv');
    expect(back.map((c) => c.c.replace(/^msgrcv\(\d+, /, ''))).toEqual(['&msg, 256, 7, IPC_NOWAIT)']);
    expect(back[0].ret).toBe(9);
    expect(ownIndex(entries)).toBeGreaterThan(entries.indexOf(back[0]));
  });

  // the four queued (an English run): type 1 "one", 2 "two", 1 "one again", 3 "three"
  const picks: [string, number, string][] = [
    ['0', 1, 'one'],
    ['3', 3, 'three'],
    ['-2', 1, 'one'],
  ];
  for (const [msgtyp, type, text] of picks) {
    it(`msg: msgtyp ${msgtyp} takes type ${type} ${text}, by its rule; the lesson's own 0, 2, -3 then meet the queue of step 2 and grade the question`, async () => {
      const { entries, outcome } = await runWith('msg', 'by-type', { msgtyp });
      const rcv = calls(entries, 'msgrcv');
      expect(rcv[0].c).toMatch(new RegExp(`^msgrcv\\(\\d+, &msg, 256, ${msgtyp}, IPC_NOWAIT\\)$`));
      const line = yourLine(entries);
      expect(line.en).toContain(`It took type ${type} "${text}": msgtyp ${msgtyp} takes`);
      expect(line.zh).toContain(`取到类型 ${type} 的 "${text}"`);
      // the queue is made again, then the lesson's own three calls, the -3 graded: type 1
      const own = ownIndex(entries);
      expect(own).toBeGreaterThan(0);
      expect(calls(entries.slice(own), 'msgrcv').map((c) => c.c.replace(/^msgrcv\(\d+, &msg, 256, /, ''))).toEqual(['0, 0)', '2, 0)', '-3, 0)']);
      expect(outcome.checkpoint?.answer).toBe(0);
      expect(outcome.checkpoint?.explanation.en).toContain('It took type 1');
    });
  }

  it('msg in Chinese: the lesson sends its four texts in Chinese, each counted in its own bytes, and says so', async () => {
    const { entries } = await runWith('msg', 'send', { mtype: '7', text: 'hi' }, true, 'zh');
    // "一", "二", "又是一", "三": 3 bytes a character (UTF-8), no English in them
    const sends = calls(entries, 'msgsnd').slice(1);
    expect(sends.map((c) => c.c.replace(/^msgsnd\(\d+, /, ''))).toEqual(['&msg, 3, 0)', '&msg, 3, 0)', '&msg, 9, 0)', '&msg, 3, 0)']);
    const written = entries.filter((e) => e.type === 'event' && e.text.zh.startsWith('msg.mtype = ')).map((e) => (e.type === 'event' ? e.text.zh : ''));
    expect(written.slice(1)).toEqual(['msg.mtype = 1；msg.mtext = "一"', 'msg.mtype = 2；msg.mtext = "二"', 'msg.mtype = 1；msg.mtext = "又是一"', 'msg.mtype = 3；msg.mtext = "三"']);
    const notice = lessonById('msg')!.steps.find((st) => st.id === 'send')!.notice;
    expect(notice.zh).toContain('3 + 3 + 9 + 3 = 18');
    expect(notice.en).toContain('3 + 3 + 9 + 5 = 20');
    expect(notice.en).not.toMatch(/\p{Script=Han}/u);
  });

  it('msg: msgtyp -5 with msgsz 0 gives E2BIG and names the message it picked, still queued; type 4 gives ENOMSG', async () => {
    const big = await runWith('msg', 'by-type', { msgtyp: '-5', msgsz: '0' });
    expect(calls(big.entries, 'msgrcv')[0].errno).toBe('E2BIG');
    expect(yourLine(big.entries).en).toMatch(/failed with E2BIG: .{20,}/);
    expect(big.entries.some((e) => e.type === 'event' && e.turn && e.text.en.startsWith('The kernel picks type 1 "one": msgtyp -5 takes') && e.text.en.endsWith('Its 3 bytes are more than msgsz 0, so it is still queued.') && e.text.zh.includes('仍在队列里'))).toBe(true);
    // nothing was taken: no refill before the lesson's own calls
    expect(calls(big.entries, 'msgsnd')).toEqual([]);
    const none = await runWith('msg', 'by-type', { msgtyp: '4' });
    expect(calls(none.entries, 'msgrcv')[0].errno).toBe('ENOMSG');
    expect(yourLine(none.entries).zh).toMatch(/errno 为 ENOMSG：队列里没有类型为 4 的消息/);
    // and what the queue held, against the rule of msgtyp 4
    expect(none.entries.some((e) => e.type === 'event' && e.turn && e.text.en === 'The queue holds types 1, 2, 1 and 3, and msgtyp 4 takes the first message of type 4: none fits.')).toBe(true);
  });

  it('sem: SETVAL 5 holds 5 until the lesson sets its 1; SETVAL -1 and 32768 give ERANGE, explained', async () => {
    const five = await runWith('sem', 'create', { val: '5' });
    const sets = calls(five.entries, 'semctl').map((c) => c.c.replace(/^semctl\(\d+, /, ''));
    expect(sets).toEqual(['0, GETVAL)', '0, SETVAL, 5)', '0, GETVAL)', '0, SETVAL, 1)', '0, GETVAL)']);
    expect(calls(five.entries, 'semctl')[2].ret).toBe(5);
    expect(yourLine(five.entries).en).toContain('semval is now 5');
    for (const val of ['-1', '32768']) {
      const bad = await runWith('sem', 'create', { val });
      expect(calls(bad.entries, 'semctl')[1].errno).toBe('ERANGE');
      const line = yourLine(bad.entries);
      expect(line.en).toContain('SEMVMX (32767)');
      expect(line.zh).toMatch(/errno 为 ERANGE：.{8,}/);
    }
  });

  it('sem: the form wants IPC_NOWAIT for a sem_op that may wait; +3 on semval 0 is taken back; -2 gives EAGAIN; 0 returns at once', async () => {
    const turn = lessonById('sem')!.steps.find((s) => s.id === 'nowait')!.turn!;
    const wait = parseTurn(turn, { op: '-1', flg: '0' });
    expect(wait.ok).toBe(false);
    if (!wait.ok) expect(turn.fields[wait.field].name).toBe('flg');
    expect(parseTurn(turn, { op: '3', flg: '0' }).ok).toBe(true);
    // semval is 0 here: sem_op 0 returns at once, with or without IPC_NOWAIT
    expect(parseTurn(turn, { op: '0', flg: '0' }).ok).toBe(true);
    // SEM_UNDO is a real flag: said so, with why this form does not take it
    const undo = parseTurn(turn, { op: '1', flg: 'IPC_NOWAIT|SEM_UNDO' });
    expect(!undo.ok && undo.error.en).toMatch(/^sem_flg: SEM_UNDO is a real flag of semop, not offered here because .{20,}$/);
    expect(!undo.ok && undo.error.en).not.toContain('no flag');
    const none = parseTurn(turn, { op: '1', flg: 'SEM_UNDONE' });
    expect(!none.ok && none.error.en).toContain("no flag is named 'SEM_UNDONE'");
    const other = parseTurn(turn, { op: '1', flg: 'IPC_CREAT' });
    expect(!other.ok && other.error.en).toContain('IPC_CREAT is a flag of shmget/msgget/semget, not of semop');
    expect(parseTurn(turn, { op: '32768', flg: 'IPC_NOWAIT' }).ok).toBe(false);

    const v = await runWith('sem', 'nowait', { op: '3', flg: '0' });
    expect(calls(v.entries, 'semop').map((c) => `${c.c.replace(/^semop\(\d+, /, '')} ${c.errno}`)).toEqual([
      '&(struct sembuf){0, 3, 0}, 1) null',
      '&(struct sembuf){0, -3, IPC_NOWAIT}, 1) null',
      '&(struct sembuf){0, -1, IPC_NOWAIT}, 1) EAGAIN',
    ]);
    expect(yourLine(v.entries).en).toContain('semval 0 + 3 = 3');
    const p = await runWith('sem', 'nowait', { op: '-2' });
    expect(calls(p.entries, 'semop')[0].errno).toBe('EAGAIN');
    expect(yourLine(p.entries).en).toMatch(/failed with EAGAIN: semval is below the 2 that sem_op -2 takes away/);
    const zero = await runWith('sem', 'nowait', { op: '0' });
    expect(calls(zero.entries, 'semop')[0].errno).toBeNull();
    // past the form, a wait is not made: ipclab must not sleep
    const past = await runWith('sem', 'nowait', { op: '-1', flg: '0' }, false);
    expect(calls(past.entries, 'semop')).toHaveLength(1);
  });

  it('sem: sem_op 0 without IPC_NOWAIT on semval 0 is made, and returns at once', async () => {
    const zero = await runWith('sem', 'nowait', { op: '0', flg: '0' });
    expect(calls(zero.entries, 'semop')[0].c).toMatch(/\(struct sembuf\)\{0, 0, 0\}, 1\)/);
    expect(calls(zero.entries, 'semop')[0].errno).toBeNull();
    expect(yourLine(zero.entries).en).toContain('returns at once');
  });
});
