// Every step shows what its text says, and says what its screen shows (issue 16 items 5, 7, 8,
// 20): each lesson runs for real, and its trace holds the lines the texts lean on.
import { afterAll, describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/engine.js';
import { LESSONS } from '../../src/lessons/index.js';
import { lateStart } from '../../src/lessons/race.js';
import type { LessonRun, TraceEntry } from '../../src/lessons/types.js';
import { decodedRows } from '../../src/proto/layout.js';

const runs = new Map<string, LessonRun>();
afterAll(async () => {
  for (const run of runs.values()) await run.close().catch(() => undefined);
});

/** The lesson `id` run to its end, once for this file. */
async function ran(id: string): Promise<LessonRun> {
  const known = runs.get(id);
  if (known) return known;
  const lesson = LESSONS.find((l) => l.id === id)!;
  const run = startLesson(lesson);
  runs.set(id, run);
  while (run.done < lesson.steps.length) expect((await run.runNext()).ok, id).toBe(true);
  return run;
}

/** Step `id`'s entries of the run. */
function stepEntries(run: LessonRun, lessonId: string, id: string): TraceEntry[] {
  const i = LESSONS.find((l) => l.id === lessonId)!.steps.findIndex((s) => s.id === id);
  return run.trace.slice(run.stepStarts[i], run.stepStarts[i + 1] ?? run.trace.length);
}

const events = (entries: readonly TraceEntry[], lang: 'en' | 'zh') => entries.flatMap((e) => (e.type === 'event' ? [e.text[lang]] : []));

describe('the trace shows what the text says', () => {
  // a call that takes a buf the lesson filled shows the fields it put there, as C assigns them
  // (shmctl 4 gave the segment to uid 65534 with no line saying so)
  it('every IPC_SET of every lesson follows the lines that fill its ds', async () => {
    const bare: string[] = [];
    for (const lesson of LESSONS) {
      const run = await ran(lesson.id);
      run.trace.forEach((e, i) => {
        if (e.type !== 'call' || !/, IPC_SET, &/.test(e.c)) return;
        const before = run.trace.slice(0, i).reverse().find((b) => b.pid === e.pid);
        if (!(before?.type === 'event' && /^ds\.\w+(\.\w+)? = [^;]+;/.test(before.text.en))) bare.push(`${lesson.id}: ${e.c} after ${JSON.stringify(before)}`);
      });
    }
    expect(bare).toEqual([]);
    const shmctl = await ran('shmctl');
    const set = events(stepEntries(shmctl, 'shmctl', 'perms-owner'), 'en');
    if (process.getuid?.() === 0) expect(set).toContain('ds.shm_perm.uid = 65534; ds.shm_perm.gid = 65534;');
    expect(events(stepEntries(shmctl, 'shmctl', 'set'), 'en')).toContain('ds.shm_perm.mode = 0640;');
  }, 300_000);

  // ftok 1 said "a private folder (0700)" and showed no call that made it
  it('every folder a call names under /tmp/ipclab-… was made by a mkdir the trace shows first', async () => {
    const unmade: string[] = [];
    for (const lesson of LESSONS) {
      const run = await ran(lesson.id);
      const made = new Set<string>();
      for (const e of run.trace) {
        if (e.type !== 'call') continue;
        if (e.call === 'mkdir') made.add(/^mkdir\("([^"]+)", 0700\)$/.exec(e.c)?.[1] ?? '');
        for (const [, dir] of e.c.matchAll(/"(\/tmp\/ipclab-[^/"]+)\//g)) if (!made.has(dir!)) unmade.push(`${lesson.id}: ${e.c}`);
      }
    }
    expect(unmade).toEqual([]);
  }, 300_000);

  // the kernel lists no message of a queue: the learner saw none while they waited
  it('msg: after the sends, one line lists each waiting message, type, text and size, as ipclab\'s own record', async () => {
    const run = await ran('msg');
    for (const lang of ['en', 'zh'] as const) {
      const entries = stepEntries(run, 'msg', 'send');
      const last = entries.map((e) => e.type === 'call' && e.call === 'msgsnd').lastIndexOf(true);
      const list = events(entries.slice(last), lang).find((t) => /ipclab/.test(t));
      expect(list, lang).toBeDefined();
      const sent = entries.flatMap((e) => (e.type === 'event' && e.text.en.startsWith('msg.mtype = ') ? [/^msg\.mtype = (\d+); msg\.mtext = (".*")$/.exec(e.text.en)!] : []));
      expect(sent.length).toBe(4);
      // in order, each with its type and its quoted text
      let from = 0;
      for (const [, type, text] of sent) {
        const at = list!.indexOf(`${type} ${text}`, from);
        expect(at, `${lang}: type ${type} ${text} in ${list}`).toBeGreaterThan(from - 1);
        from = at + 1;
      }
    }
  }, 120_000);

  // msg 7's reader "exited with code 2" and nothing said what 2 is
  it('a process that exits with a code other than 0 has the code said as its own, with its others', async () => {
    const bare: string[] = [];
    let codes = 0;
    for (const id of ['msg', 'sem']) {
      const run = await ran(id);
      for (const lang of ['en', 'zh'] as const) {
        for (const text of events(run.trace, lang)) {
          const code = /(?:exited with code|退出码) ([1-9]\d*)/.exec(text)?.[1];
          if (code) codes++;
          if (code && !text.includes(lang === 'en' ? `${code} is its code for` : `${code} 是它约定的退出码`)) bare.push(`${id} ${lang}: ${text}`);
        }
      }
    }
    expect(bare).toEqual([]);
    // msg 7's reader exits 2, in both languages
    expect(codes).toBeGreaterThanOrEqual(2);
  }, 120_000);

  // serv-clnt's Kernel pane shows "(== RV_MAGIC)", flags and reserved: the struct's line says each
  it('serv-clnt 1: the line that lays out struct ipclab_rv names every field the Kernel pane shows, and RV_MAGIC', async () => {
    const run = await ran('serv-clnt');
    const names = decodedRows({ magic: 0, server_pid: 0, client_pid: 0, seq: 0, ack: 0, len: 0, flags: 0, reserved: 0, data: '' }).map((r) => r.name).filter((n) => n !== 'data');
    for (const lang of ['en', 'zh'] as const) {
      const layout = events(stepEntries(run, 'serv-clnt', 'server'), lang).find((t) => t.includes('struct ipclab_rv'));
      expect(layout, lang).toBeDefined();
      // the fields the pane lists one by one are named with the ipcs' words they come with
      for (const word of ['magic', 'RV_MAGIC', 'flags', 'reserved']) expect(layout, `${lang} ${word}`).toContain(word);
      expect(names).toEqual(expect.arrayContaining(['magic', 'server_pid', 'flags', 'reserved']));
    }
  }, 120_000);

  // shmctl 2: ipcs -m -i prints det_time=Not set, which is no number
  it('shmctl 2: every value of ipcs -m -i that is not a number or a date is said in the line under it', async () => {
    const run = await ran('shmctl');
    const entries = stepEntries(run, 'shmctl', 'stat');
    const out = entries.find((e) => e.type === 'output');
    expect(out).toBeDefined();
    const words = [...(out as Extract<TraceEntry, { type: 'output' }>).text.matchAll(/(\w+)=([A-Z][a-z]+ [a-z]+)\s*$/gm)].map((m) => `${m[1]}=${m[2]}`);
    expect(words).toContain('det_time=Not set');
    for (const lang of ['en', 'zh'] as const) {
      const under = events(entries, lang)[0]!;
      for (const w of words) expect(under, lang).toContain(w);
    }
  }, 120_000);
});

describe("race: a round's time said where it is longer than both loops", () => {
  it('names the worker whose loop began late and by how much, and that start-up is not counted', () => {
    const late = lateStart([{ start: 0, end: 19.5 }, { start: 33.2, end: 103 }]);
    expect(late?.en).toMatch(/^The round's 103.ms run from the first loop's start to the last one's end: worker 2's loop began 33\.2.ms after worker 1's .*Start-up is not counted\.$/);
    expect(late?.zh).toMatch(/工作进程 2 的循环比工作进程 1 的晚 33\.2.ms 开始.*启动的时间不算在内/);
    // a round about as long as its longer loop needs no word
    expect(lateStart([{ start: 0, end: 40 }, { start: 0.4, end: 41 }])).toBeUndefined();
  });
});
