// "Your turn" on the real kernel: every single-process lesson's turn step runs with a
// value the kernel refuses and with one it accepts; the errno is explained in both
// languages, the lesson goes on to its end without problems, and nothing stays behind.
import { afterEach, describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/engine.js';
import { lessonById } from '../../src/lessons/index.js';
import { litPath } from '../../src/lessons/lit.js';
import { defaultTyped, parseTurn, type TurnValues } from '../../src/lessons/turn/fields.js';
import type { LessonRun, TraceEntry } from '../../src/lessons/types.js';
import type { CallRecord } from '../../src/native/types.js';
import { getpid, peekAttached } from '../../src/native/index.js';
import { segmentsCreatedBy } from './helpers.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
  expect(segmentsCreatedBy(getpid())).toEqual([]);
});

/** The lesson's turn step and the values typed into its form (the rest its defaults). */
function turnOf(id: string, typed: Record<string, string>, form: boolean): { index: number; values: TurnValues } {
  const lesson = lessonById(id)!;
  const index = lesson.steps.findIndex((s) => s.turn);
  const turn = lesson.steps[index].turn!;
  // past the form: each field parsed alone, the rules between them not checked
  const parsed = parseTurn(form ? turn : { ...turn, rules: [] }, { ...defaultTyped(turn), ...typed });
  if (!parsed.ok) throw new Error(parsed.error.en);
  return { index, values: parsed.values };
}

/** Runs the whole lesson with `typed` in its turn (through the form's rules unless `form`
 *  is false); the turn step's trace entries. */
async function runWith(id: string, typed: Record<string, string>, form = true): Promise<{ run: LessonRun; entries: TraceEntry[] }> {
  const run = startLesson(lessonById(id)!);
  runs.push(run);
  const { index, values } = turnOf(id, typed, form);
  let entries: TraceEntry[] = [];
  for (let i = 0; i < run.lesson.steps.length; i++) {
    const outcome = await run.runNext(i === index ? values : undefined);
    expect(outcome.problems, `${id} step ${i + 1}`).toEqual([]);
    if (i === index) entries = run.trace.slice(run.stepStarts[i]);
  }
  await run.close();
  return { run, entries };
}

const calls = (entries: TraceEntry[], name: string) => entries.filter((e): e is CallRecord => e.type === 'call' && e.call === name);
const said = (entries: TraceEntry[]) => entries.flatMap((e) => (e.type === 'event' ? [e.text] : []));

/** The learner's call failed with `errno` and a line explains it in both languages. */
function explainedFailure(entries: TraceEntry[], name: string, errno: string): void {
  expect(calls(entries, name).map((c) => c.errno)).toContain(errno);
  const line = said(entries).find((t) => t.en.startsWith('Your values:') && t.en.includes(errno));
  expect(line?.en).toMatch(new RegExp(`failed with ${errno}: .{20,}`));
  expect(line?.zh).toMatch(new RegExp(`errno 为 ${errno}：.{8,}`));
}

function explainedSuccess(entries: TraceEntry[]): void {
  const line = said(entries).find((t) => t.en.startsWith('Your values:'));
  expect(line?.en).toContain('succeeded');
  expect(line?.zh).toContain('成功');
  // the value the call returned, as its trace line has it: the Trace may open below the call's line
  const call = entries.find((e): e is CallRecord => e.type === 'call' && line!.en.startsWith(`Your values: ${e.c} `))!;
  const value = call.retText ?? String(call.ret);
  expect(line?.en).toContain(`${call.c} succeeded, returning ${value}.`);
  expect(line?.zh).toContain(`${call.c} 成功，返回 ${value}。`);
}

describe('your turn on the real kernel', () => {
  it('shmget: IPC_EXCL with size 0 gives EINVAL, explained; 8192 bytes with 0640 makes a segment the last step removes', async () => {
    explainedFailure((await runWith('shmget', { size: '0', flags: 'IPC_CREAT|IPC_EXCL|0600' })).entries, 'shmget', 'EINVAL');
    const good = await runWith('shmget', { size: '8192', flags: '0640' });
    explainedSuccess(good.entries);
    // the lesson's own size 0 runs after the learner's values, as the notice and the check describe it
    expect(calls(good.entries, 'shmget').map((c) => `${c.c} ${c.errno}`)).toEqual(['shmget(IPC_PRIVATE, 8192, 0640) null', 'shmget(IPC_PRIVATE, 0, 0600) EINVAL']);
    expect(said(good.entries).some((t) => t.en.startsWith("Now the lesson's own values, size 0, shmflg 0600,") && t.zh.includes('大小为 0，shmflg 为 0600'))).toBe(true);
    // the step asks a question (size 0 with IPC_PRIVATE): the line names it with the notice
    const own = said(good.entries).find((t) => t.en.startsWith("Now the lesson's own values"))!;
    expect(own.en).toContain('which the notice and the question are about');
    expect(own.zh).toContain('“注意”和题目说的都是它');
    expect(lessonById('shmget')!.checkpoints?.['size-zero']).toBeDefined();
    const made = calls(good.entries, 'shmget')[0].ret as number;
    const removed = good.run.trace.filter((e) => e.type === 'call' && e.c === `shmctl(${made}, IPC_RMID, NULL)`);
    expect(removed).toHaveLength(1);
  });

  it('ftok: a deleted file gives ENOENT and the lesson goes on with a new file; another id gives another key', async () => {
    const bad = await runWith('ftok', { id: 'S', file: 'delete' });
    explainedFailure(bad.entries, 'ftok', 'ENOENT');
    // the file's deletion and re-creation are lines of their own; whether the freed inode came back, the trace says
    const lines = said(bad.entries).map((t) => t.en);
    expect(lines.some((t) => /^The file \(inode \d+\) is deleted\.$/.test(t))).toBe(true);
    expect(lines.some((t) => t.startsWith('The lesson makes the file again: ') && /inode \d+/.test(t))).toBe(true);
    // the key the new file gives for 'S', new or (the inode's low 16 bits alike) the old one, is said
    // once, under the lesson's own ftok(path, 'S'): no third call of it (issue 16)
    expect(lines.filter((t) => t.startsWith("That is the new file's key with 'S': ") && t.endsWith('The next steps use it.'))).toHaveLength(1);
    expect(calls(bad.entries, 'ftok').filter((c) => /rendezvous", 'S'\)$/.test(c.c))).toHaveLength(2);
    const good = await runWith('ftok', { id: 'x', file: 'keep' });
    explainedSuccess(good.entries);
    expect(calls(good.entries, 'ftok')[0].c).toContain("'x'");
  });

  it("ftok: the id as a number, as C's int takes it; the trace writes what C would ('A' for 65, 200 as 200, -1 as -1), the key's top byte is its low 8 bits, and an id past them says what it became", async () => {
    for (const [typed, c, top, became] of [['65', "'A')", 0x41, null], ['0xc8', ', 200)', 0xc8, null], ['321', ', 321)', 0x41, "With the id 321, the key's top byte is 0x41 (65, 'A')"], ['-1', ', -1)', 0xff, "With the id -1, the key's top byte is 0xff (255)"]] as const) {
      const { entries } = await runWith('ftok', { id: typed, file: 'keep' });
      const call = calls(entries, 'ftok')[0];
      expect(call.c.endsWith(c), call.c).toBe(true);
      expect(((call.ret as number) >>> 24) & 0xff).toBe(top);
      // what it became, not why (step 3's question, asked after: issue 16)
      const lowBits = said(entries).filter((t) => t.en.includes("the key's top byte is"));
      expect(said(entries).map((t) => t.en).join('\n')).not.toContain('low 8 bits');
      if (became) expect(lowBits.map((t) => t.en).join('\n')).toContain(became);
      else expect(lowBits).toEqual([]);
    }
  });

  it("ftok: an id with 'S''s low byte (339) gives the first step's key, and says why in plain figures (issue 16 item 8)", async () => {
    const { entries } = await runWith('ftok', { id: '339', file: 'keep' });
    const text = said(entries).map((t) => t.en).join('\n');
    expect(text).toContain("only the id's low 8 bits count (339 & 0xff = 0x53 = 'S')");
    expect(text).not.toContain('is not');
  });

  it('ftok: every file operation a step does is a trace line, as C names it (open/write/close, link, rename, unlink)', async () => {
    const { run } = await runWith('ftok', { id: 'S', file: 'recreate' });
    const step = (id: string) => {
      const i = run.lesson.steps.findIndex((st) => st.id === id);
      return run.trace.slice(run.stepStarts[i], run.stepStarts[i + 1]);
    };
    const names = (entries: TraceEntry[]) => entries.flatMap((e) => (e.type === 'call' ? [e.call] : []));
    // step 1 makes the lesson's folder (mkdir 0700) and in it the file it takes the key of
    expect(names(step('make-key')).slice(0, 4)).toEqual(['mkdir', 'open', 'close', 'ftok']);
    expect(calls(step('make-key'), 'open')[0].c).toMatch(/^open\(".*\/rendezvous", O_WRONLY\|O_CREAT\|O_TRUNC, 0600\)$/);
    // step 2: the learner's replaced file (open, close, rename), then the hard link before ftok on it
    const same = names(step('same-key'));
    expect(same.slice(0, 4)).toEqual(['open', 'close', 'rename', 'ftok']);
    expect(same.slice(-2)).toEqual(['link', 'ftok']);
    expect(calls(step('same-key'), 'link')[0].c).toMatch(/^link\(".*\/rendezvous", ".*\/another-name"\)$/);
    expect(calls(step('same-key'), 'ftok').at(-1)!.c).toContain('another-name');
    // step 4 writes the C file it compiles
    expect(calls(step('no-creat'), 'write')[0].c).toContain('IPC_CREATE');
    // step 8: "open a new file, rename it over the old" before ftok
    expect(names(step('new-file')).slice(0, 4)).toEqual(['open', 'close', 'rename', 'ftok']);
    expect(calls(step('new-file'), 'rename')[0].c).toMatch(/^rename\(".*\/rendezvous\.new", ".*\/rendezvous"\)$/);
  });

  it('shmat: SHM_REMAP without an address gives EINVAL; the segment SHM_RDONLY maps and is detached again', async () => {
    const remap = await runWith('shmat', { shmid: 'segment', flags: 'SHM_REMAP' });
    explainedFailure(remap.entries, 'shmat', 'EINVAL');
    // the shmid was valid: the why names SHM_REMAP only, and the flow lights the failure, not the box of shmat(-1, …)
    const why = said(remap.entries).find((t) => t.en.startsWith('Your values:'))!;
    expect(why.en).toContain('SHM_REMAP');
    expect(why.en).not.toContain('names no segment');
    expect(why.zh).not.toContain('不指向任何段');
    const step = remap.run.lesson.steps.find((st) => st.turn)!;
    const shmats = calls(remap.entries, 'shmat');
    expect(litPath(step, shmats.slice(0, 1))).toEqual(['fail']);
    // the lesson's own shmat(-1, …) runs after the learner's and is lit too (docs/ARCHITECTURE.md, litBy)
    expect(litPath(step, shmats)).toEqual(['fail', 'bad', 'bad->fail']);
    const own = await runWith('shmat', {});
    expect(said(own.entries).some((t) => t.en.startsWith('Your values:'))).toBe(false);
    expect(litPath(step, calls(own.entries, 'shmat'))).toEqual(step.highlight);
    const good = await runWith('shmat', { shmid: 'seg', flags: 'SHM_RDONLY' });
    explainedSuccess(good.entries);
    expect(calls(good.entries, 'shmdt').map((c) => c.errno)).toEqual([null]);
  });

  it("shmat: SHM_EXEC on the 0600 segment: EACCES for a user, and for root a line saying root skipped the mode check", async () => {
    const { entries } = await runWith('shmat', { shmid: 'segment', flags: 'SHM_EXEC' });
    if (process.getuid?.() === 0) {
      explainedSuccess(entries);
      expect(entries.some((e) => e.type === 'event' && e.turn && e.text.en.includes('CAP_IPC_OWNER') && e.text.zh.includes('CAP_IPC_OWNER'))).toBe(true);
    } else explainedFailure(entries, 'shmat', 'EACCES');
  });

  it('shmdt: the form refuses text that passes the end (offset named, the largest offset given); past the form the write is refused, then the lesson writes its own; text at +100 is read back after reattaching', async () => {
    const turn = lessonById('shmdt')!.steps[0].turn!;
    const form = parseTurn(turn, { ...defaultTyped(turn), text: 'too far 太远', offset: '4090' });
    expect(form.ok).toBe(false);
    if (!form.ok) {
      expect(turn.fields[form.field].name).toBe('offset');
      // 'too far 太远' is 14 bytes, 15 with its NUL: 4081 is the last offset that fits
      expect(form.error.en).toContain('up to 4081');
      expect(form.error.zh).toContain('不超过 4081');
    }
    expect(parseTurn(turn, { ...defaultTyped(turn), text: 'too far 太远', offset: '4081' }).ok).toBe(true);
    const bad = await runWith('shmdt', { text: 'too far 太远', offset: '4090' }, false);
    expect(bad.entries.some((e) => e.type === 'refused')).toBe(true);
    // explained as a your-turn line (the lesson pane shows it), in both languages, refusal included
    expect(bad.entries.some((e) => e.type === 'event' && e.turn && e.text.en.includes('strcpy would write beyond') && e.text.zh.includes('越过'))).toBe(true);
    // then the lesson's own values, as every step with a form does after the learner's
    const own = bad.entries.findIndex((e) => e.type === 'event' && e.text.en.startsWith("Now the lesson's own values"));
    expect(own).toBeGreaterThan(-1);
    expect(bad.entries.slice(own).some((e) => e.type === 'event' && e.text.en.startsWith('strcpy(') && e.text.en.includes('"still stored"'))).toBe(true);
    const refused = bad.entries.find((e) => e.type === 'refused');
    expect(refused?.type === 'refused' && refused.reason?.zh).toContain('越过了共享内存段');
    const good = await runWith('shmdt', { text: 'mine 我的', offset: '100' });
    expect(good.run.trace.some((e) => e.type === 'event' && e.text.en.startsWith('read at') && e.text.en.endsWith('+100: "mine 我的"'))).toBe(true);
    // reattached, the segment says what it holds at +100, its hex beside it as the dump numbers rows, under the step in the lesson pane (pane)
    expect(good.run.trace.some((e) => e.type === 'event' && e.pane && e.text.en.includes('at +100 (0x64) it holds "mine 我的", as you wrote it'))).toBe(true);
    // +100 is past the 64 bytes the Kernel pane dumps: the learner is told where the text is
    expect(good.entries.some((e) => e.type === 'event' && e.turn && e.text.en.includes('past the first 64 bytes'))).toBe(true);
  });

  it("shmdt with offset 100: the lesson's own text is at +0 too, so the dump and the texts of steps 1 to 5 agree; the form refuses text the lesson's own would cover", async () => {
    const run = startLesson(lessonById('shmdt')!);
    runs.push(run);
    const { values } = turnOf('shmdt', { text: 'mine 我的', offset: '100' }, true);
    const note = Buffer.from('still stored\0');
    const mine = Buffer.from('mine 我的\0');
    const bytes = (at: number) => peekAttached(run.focus!, 64, at)!.bytes;
    expect((await run.runNext(values)).problems).toEqual([]);
    // the Kernel pane's dump from 0000 holds the lesson's text, and +100 the learner's
    expect(bytes(0).subarray(0, note.length)).toEqual(note);
    expect(bytes(64).subarray(100 - 64, 100 - 64 + mine.length)).toEqual(mine);
    for (let i = 1; i < 5; i++) expect((await run.runNext()).problems, `step ${i + 1}`).toEqual([]);
    // step 5 ("the text is back") read the lesson's text at +0, and says what +100 holds
    const reattach = run.trace.slice(run.stepStarts[4]);
    expect(said(reattach).some((t) => t.en.startsWith('read at') && t.en.endsWith(': "still stored"'))).toBe(true);
    expect(bytes(0).subarray(0, note.length)).toEqual(note);
    expect(said(reattach).some((t) => t.en.includes('at +100 (0x64) it holds "mine 我的"') && t.zh.includes('+100 (0x64) 处现在是“mine 我的”'))).toBe(true);
    await run.close();
    // 'still stored' (or '还在这里', 12 bytes too) and its NUL take +0 to +12, written after the
    // learner's text: the form refuses an offset under 13 (the report that found it: "overflow"
    // at +16, then covered, when the text was longer), and its default and its stated range are
    // valid: 13 to 4095 (a newcomer met 0 pre-filled, then refused)
    const turn = lessonById('shmdt')!.steps[0].turn!;
    for (const offset of ['0', '5', '11', '12']) {
      const form = parseTurn(turn, { ...defaultTyped(turn), text: 'overflow', offset });
      expect(form.ok, `offset ${offset}`).toBe(false);
      if (!form.ok) {
        expect(turn.fields[form.field].name).toBe('offset');
        expect(form.error.en).toContain('from 13 to 4095');
        expect(form.error.zh).toContain('13 到 4095');
      }
    }
    expect(defaultTyped(turn).offset).toBe('13');
    expect(parseTurn(turn, { ...defaultTyped(turn), text: 'x' }).ok).toBe(true);
    expect(parseTurn(turn, { ...defaultTyped(turn), text: 'overflow', offset: '13' }).ok).toBe(true);
    // the lesson's own values pass, and the form says where the learner's text may go
    expect(parseTurn(turn, defaultTyped(turn)).ok).toBe(true);
    expect(turn.say.en).toContain('+0 to +12');
    expect(turn.say.zh).toContain('+0 到 +12');
    const clear = await runWith('shmdt', { text: 'overflow', offset: '13' });
    expect(said([...clear.run.trace]).some((t) => t.en.includes('at +13 (0xd) it holds "overflow", as you wrote it'))).toBe(true);
  });

  it("shmctl: after the learner's 0666 the lesson gives the segment its own 0640, so the later steps show what their notices say", async () => {
    // runWith fails on any step's problem: with 0666 left, another user's shmat would succeed
    const { run } = await runWith('shmctl', { mode: '0666' });
    const other = run.lesson.steps.findIndex((st) => st.id === 'perms-other');
    const after = run.trace.slice(run.stepStarts[other], run.stepStarts[other + 1]);
    expect(said(after).some((t) => t.en.includes('your mode 666') && t.zh.includes('你设的权限 666'))).toBe(true);
    expect(calls(after, 'shmctl').map((c) => c.c)).toContainEqual(expect.stringContaining('IPC_SET'));
    // the lesson pane shows it under step 5 (pane), and step 3 said step 5 sets 0640 (a your-turn line)
    expect(after.some((e) => e.type === 'event' && e.pane && e.text.en.includes('your mode 666'))).toBe(true);
    const set = run.trace.slice(run.stepStarts[other - 2], run.stepStarts[other - 1]);
    // in one line with the call's result (fix16h#2: three near-identical lines before)
    const stays = said(set).filter((t) => t.en.includes("step 5 gives this one the lesson's 0640"));
    expect(stays).toHaveLength(1);
    expect(stays[0].en).toMatch(/^Your values: shmctl\(.*IPC_SET.*\) succeeded, returning 0\. perms are 666/);
    expect(said(set).filter((t) => t.en.includes('stay'))).toEqual([]);
    // what 0640 would give is the notice's alone (under "the lesson's own would show"): said once
    expect(said(set).some((t) => t.en.includes('perms 640') || t.en.includes('rw-r-----'))).toBe(false);
    // with the lesson's own mode nothing is set back
    const own = await runWith('shmctl', { mode: '0640' });
    expect(said([...own.run.trace]).some((t) => t.en.includes('your mode'))).toBe(false);
  });

  it("shmctl step 3's checkpoint fits any mode: graded on the run that happened, the learner's mode or the lesson's (nc: 'not graded' with yours)", async () => {
    const lesson = lessonById('shmctl')!;
    const index = lesson.steps.findIndex((st) => st.id === 'set');
    expect(lesson.steps[index].turn?.yoursStay).toBe(true);
    for (const mode of ['0640', '0600', '0777', '0']) {
      const run = startLesson(lesson);
      runs.push(run);
      for (let i = 0; i < index; i++) expect((await run.runNext()).problems).toEqual([]);
      const outcome = await run.runNext(turnOf('shmctl', { mode }, true).values);
      expect(outcome.problems, mode).toEqual([]);
      const perms = mode.padStart(4, '0').slice(1);
      // the kernel took the mode given: choice 1, "the mode IPC_SET was given", and the Kernel pane
      // (no ipcs runs at this step, fix24c) says which
      expect(outcome.checkpoint?.answer, mode).toBe(0);
      expect(outcome.checkpoint?.explanation.en).toContain(`the Kernel pane shows perms ${perms}`);
      expect(outcome.checkpoint?.explanation.zh).toContain(`内核窗格显示 perms ${perms}`);
      await run.close();
    }
  });

  it('shmctl: IPC_SET with mode 0 and with 0604 both succeed for the owner, explained, and the Kernel pane shows the mode', async () => {
    for (const mode of ['0', '0604']) {
      const { entries } = await runWith('shmctl', { mode });
      explainedSuccess(entries);
      expect(said(entries).find((t) => t.en.startsWith('Your values:'))?.en).toContain(`perms are ${mode.padStart(4, '0').slice(1)}`);
    }
  });
});
