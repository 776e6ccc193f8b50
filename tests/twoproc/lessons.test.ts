// The parent-child and serv-clnt lessons through `ipclab run ID --json`: the calls of
// both processes in order, two distinct pids, the messages intact, nothing left; and the
// order of every lesson with several processes (msg, sem, race too).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as native from '../../src/native/index.js';
import { peerGone } from '../../src/proto/liveness.js';
import { answerFor, CATCHES } from '../../src/proto/child.js';
import { HAS_CC, ipclab, reap, waitFor } from './helpers.js';
import { startLesson } from '../../src/lessons/engine.js';
import { parentChild } from '../../src/lessons/parent-child.js';
import { servClnt } from '../../src/lessons/serv-clnt.js';

afterEach(reap);

interface Row {
  type: string;
  pid?: number;
  call?: string;
  c?: string;
  ret?: number | string;
  errno?: string | null;
  text?: { en: string; zh: string };
  ok?: boolean;
  id?: string;
  problems?: string[];
  leaked?: unknown[];
  at?: number;
}

async function runJson(id: string, lang: 'en' | 'zh' = 'en'): Promise<{ rows: Row[]; code: number; stderr: string }> {
  const p = ipclab(['run', id, '--json', '--lang', lang]);
  const code = await p.done;
  const rows = p.stdout().toString().trim().split('\n').map((l) => JSON.parse(l) as Row);
  return { rows, code, stderr: p.stderr() };
}

const calls = (rows: Row[]) => rows.filter((r) => r.type === 'call');
const texts = (rows: Row[], pid: number) => rows.filter((r) => r.type === 'event' && r.pid === pid).map((r) => r.text!.en);

/** What is out of causal order in a lesson's trace (docs/PROTOCOL.md: one trace clock):
 *  lines in time order, each process's own in the order it made them, a process's lines
 *  after the line that starts it and none after its end, no signal arriving (or waking a
 *  waiter, "(woken by SIGUSR2)") before a kill() sent it; with the processes started and ended. */
function causalProblems(rows: Row[]): { wrong: string[]; started: Set<number>; ended: Set<number> } {
  const lines = rows.filter((r) => r.type === 'call' || r.type === 'event');
  const text = (r: Row) => (r.type === 'call' ? r.c! : r.text!.en);
  const started = new Set([lines[0].pid!]);
  const ended = new Set<number>();
  const sent = new Map<string, number>();
  const got = new Map<string, number>();
  const wrong: string[] = [];
  lines.forEach((r, i) => {
    const pid = r.pid!;
    if (i > 0 && r.at! < lines[i - 1].at!) wrong.push(`"${text(r)}" is listed after "${text(lines[i - 1])}", which came later`);
    if (!started.has(pid)) wrong.push(`"${text(r)}" of ${pid} before the line that starts ${pid}`);
    if (ended.has(pid)) wrong.push(`"${text(r)}" of ${pid} after its end`);
    const start = r.type === 'event' && /^started .*: pid (\d+)/.exec(text(r));
    if (start) started.add(Number(start[1]));
    if (r.type === 'call' && r.call === 'fork' && typeof r.ret === 'number' && r.ret > 0) started.add(r.ret);
    // an end is seen by the parent, on its line: the ended process's pid is in the text
    const end = r.type === 'event' && /\(pid (\d+)\) (exited with code|was killed by) /.exec(text(r));
    if (end) ended.add(Number(end[1]));
    const kill = r.type === 'call' && r.errno === null && /^kill\((\d+), (SIG\w+)\)/.exec(text(r));
    if (kill) sent.set(`${kill[1]} ${kill[2]}`, (sent.get(`${kill[1]} ${kill[2]}`) ?? 0) + 1);
    // a signal's arrival: "SIGUSR1 arrived", or a waiter's line "(woken by SIGUSR2)"
    const arrived = r.type === 'event' && (/^(SIG\w+) arrived/.exec(text(r)) ?? /\(woken by (SIG\w+)\)$/.exec(text(r)));
    if (arrived) {
      const key = `${pid} ${arrived[1]}`;
      got.set(key, (got.get(key) ?? 0) + 1);
      if (got.get(key)! > (sent.get(key) ?? 0)) wrong.push(`"${text(r)}" of ${pid} before the kill() that sent it`);
    }
  });
  return { wrong, started, ended };
}

describe('lessons with two processes', () => {
  it('parent-child: both processes, the exchange both ways, nothing left', async () => {
    const { rows, code, stderr } = await runJson('parent-child');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(rows.filter((r) => r.type === 'step').map((r) => [r.id, r.ok, r.problems])).toEqual(
      ['segments', 'child', 'attach', 'write', 'read', 'answer', 'read-answer', 'finish'].map((id) => [id, true, []]),
    );
    expect(rows.at(-1)).toEqual({ type: 'end', ok: true, leaked: [] });

    const parent = calls(rows)[0].pid!;
    const child = calls(rows).find((r) => r.pid !== parent)!.pid!;
    expect(child).not.toBe(parent);
    const seq = calls(rows).map((r) => `${r.pid === parent ? 'parent' : 'child'} ${r.call} ${r.errno ?? 'ok'}`);
    expect(seq).toEqual([
      'parent shmget ok', 'parent shmget ok',
      'child shmat ok', 'child shmat ok',
      'parent shmat ok', 'parent shmat ok',
      'parent kill ok', // SIGUSR1: there is text
      'child kill ok', // SIGUSR2: read it
      'child kill ok', // SIGUSR1: an answer in "up"
      'parent kill ok', // SIGUSR2: read the answer
      'child shmdt ok', 'child shmdt ok',
      'parent shmdt ok', 'parent shmdt ok',
      'parent shmctl ok', 'parent shmctl ok',
    ]);
    const kills = calls(rows).filter((r) => r.call === 'kill').map((r) => r.c);
    expect(kills).toEqual([`kill(${child}, SIGUSR1)`, `kill(${parent}, SIGUSR2)`, `kill(${parent}, SIGUSR1)`, `kill(${child}, SIGUSR2)`]);
    // the text arrived intact each way, and each signal was seen by the other side
    expect(texts(rows, child)).toContain('SIGUSR1 arrived');
    expect(texts(rows, child)).toContain('read at ' + calls(rows).filter((r) => r.pid === child && r.call === 'shmat')[0].ret + ': "hello, child"');
    // what step 2 says happens is in the trace: both handle the signals before the child says "ready"
    expect(texts(rows, parent)).toContain(CATCHES.en);
    expect(texts(rows, child).slice(0, 2)).toEqual([CATCHES.en, 'tells the parent "ready" (a line on its standard output, a pipe)']);
    // and step 8's lpid, after the child's shmdt, then the parent's
    expect(texts(rows, parent).filter((t) => t.startsWith('lpid '))).toEqual([
      `lpid ${child} (the child), nattch 1 on both: the child's shmdt came last`,
      `lpid ${parent} (the parent), nattch 0 on both: nobody maps them now`,
    ]);
    expect(texts(rows, parent)).toContain('read at ' + calls(rows).filter((r) => r.pid === parent && r.call === 'shmat')[1].ret + ': "got 12 bytes: hello, child"');
    expect(texts(rows, parent)).toContain('SIGUSR2 arrived: the child has read the text');
    // the child's end is the parent's line: it saw it (waitpid)
    expect(texts(rows, parent)).toContain(`child (pid ${child}) exited with code 0 (waitpid)`);
    // the trace in time order across both processes, and every signal's arrival after the
    // kill() that sent it (a call is stamped when it is entered)
    const timed = rows.filter((r) => r.type === 'call' || r.type === 'event');
    const late = timed.flatMap((r, i) => (i > 0 && r.at! < timed[i - 1].at! ? [`entry ${i} is ${(timed[i - 1].at! - r.at!).toFixed(3)} ms before the one above`] : []));
    expect(late).toEqual([]);
    const where = (pid: number, line: string) => timed.findIndex((r) => r.pid === pid && (r.c ?? r.text?.en ?? '').startsWith(line));
    expect(where(parent, `kill(${child}, SIGUSR1)`)).toBeLessThan(where(child, 'SIGUSR1 arrived'));
    expect(where(child, `kill(${parent}, SIGUSR2)`)).toBeLessThan(where(parent, 'SIGUSR2 arrived'));
    expect(where(child, `kill(${parent}, SIGUSR1)`)).toBeLessThan(where(parent, 'SIGUSR1 arrived'));
    expect(where(parent, `kill(${child}, SIGUSR2)`)).toBeLessThan(where(child, 'SIGUSR2 arrived'));
    // the child is started where the C program forks, and the line says so (ipclab itself never
    // calls fork()): the parent's line comes before the child's first
    expect(texts(rows, parent).find((t) => t.startsWith('started the child'))).toMatch(new RegExp(`^started the child, given shmids \\d+ and \\d+: pid ${child} \\(a C program would fork\\(\\) here\\)$`));
    expect(where(parent, 'started the child')).toBeLessThan(where(child, CATCHES.en));
    // nothing left: neither the child nor either segment
    expect(peerGone(child)).toBe(true);
    const ids = calls(rows).filter((r) => r.call === 'shmget').map((r) => r.ret);
    expect(native.readSegments().filter((s) => ids.includes(s.shmid))).toEqual([]);
  });

  it("parent-child's child answers in its text's language, counting the text's own bytes (a Chinese run shows no English)", () => {
    expect(answerFor('hello, child')).toBe('got 12 bytes: hello, child');
    // 你好，子进程: six characters of 3 bytes each in UTF-8
    expect(answerFor('你好，子进程')).toBe('收到 18 字节：你好，子进程');
  });

  it('parent-child names its segments "down" and "up" (the Kernel pane shows the names)', async () => {
    const run = startLesson(parentChild);
    try {
      expect((await run.runNext()).problems).toEqual([]);
      const [down, up] = run.trace.flatMap((e) => (e.type === 'call' && e.call === 'shmget' ? [e.ret as number] : []));
      expect(run.labels).toEqual([
        { kind: 'shm', id: down, label: { en: 'down', zh: 'down' } },
        { kind: 'shm', id: up, label: { en: 'up', zh: 'up' } },
      ]);
      await run.reset();
      expect(run.labels).toEqual([]);
    } finally {
      await run.close();
    }
  });

  it('serv-clnt: server and client processes follow the protocol; nothing left', async () => {
    const { rows, code, stderr } = await runJson('serv-clnt');
    expect(stderr).toBe('');
    expect(rows.filter((r) => r.type === 'step' && !r.ok)).toEqual([]);
    expect(code).toBe(0);
    expect(rows.at(-1)).toEqual({ type: 'end', ok: true, leaked: [] });

    const spawned = rows.filter((r) => r.type === 'event' && /^started ipclab (server|client) [12]: pid \d+ \(a second program started on its own, as from another terminal\)$/.test(r.text!.en));
    const [server, client] = spawned.slice(0, 2).map((r) => Number(/: pid (\d+)/.exec(r.text!.en)![1]));
    expect(new Set([server, client, process.pid]).size).toBe(3);
    // the lesson's private folder first (mkdir 0700, the lesson's own), then the server's calls
    // before the client's: it creates the rendezvous file (a real open, traced as a call), then ftok
    expect(calls(rows)[0]).toMatchObject({ call: 'mkdir', errno: null });
    expect(calls(rows).find((r) => r.pid === server || r.pid === client)).toMatchObject({ pid: server, call: 'open', errno: null });
    const byServer = calls(rows).filter((r) => r.pid === server).map((r) => r.call);
    // the rendezvous file is opened to make it and closed at once, as serv.c does (issue 16: the trace left the fd open)
    expect(byServer).toEqual(['open', 'close', 'ftok', 'shmget', 'shmat', 'kill', 'kill', 'shmdt', 'shmctl']);
    const byClient = calls(rows).filter((r) => r.pid === client).map((r) => r.call);
    expect(byClient).toEqual(['ftok', 'shmget', 'shmctl', 'shmat', 'kill', 'kill', 'kill', 'shmdt']);
    expect(texts(rows, client)).toEqual(expect.arrayContaining([
      'printed "hello, client"',
      'printed "goodbye, client"',
    ]));
    // the compare-and-swap as the code makes it, then in plain words on the line under it (issue 16)
    const cas = texts(rows, client).findIndex((t) => t === '__atomic_compare_exchange_n(&rv->client_pid, &expected, ' + client + ', 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) = 1');
    expect(cas).toBeGreaterThanOrEqual(0);
    expect(texts(rows, client)[cas + 1]).toBe('compare-and-swap: client_pid was still 0, so it now holds this pid');
    // the messages are the learner's language's: an English run sends no Chinese (its texts
    // quote what was sent, so none of them holds a Chinese character)
    expect(rows.filter((r) => r.type === 'event' && /[\u4e00-\u9fff]/.test(r.text!.en)).map((r) => r.text!.en)).toEqual([]);
    expect(texts(rows, server)).toContain(`rv->server_pid = ${server}`);
    // what rv is, said between the server's start and its memset(rv, …), the first line to use
    // rv (said before the start, it explained an event not yet shown: s28j)
    const at = (test: (r: (typeof rows)[number]) => boolean) => rows.findIndex(test);
    const rvSaid = at((r) => r.type === 'event' && r.text!.en.startsWith('rv, below, is the address the server\'s shmat returns'));
    const memset = at((r) => r.type === 'event' && r.pid === server && r.text!.en.startsWith('memset(rv, '));
    expect([rows.indexOf(spawned[0]) < rvSaid, rvSaid < memset]).toEqual([true, true]);
    // their ends are ipclab's lines, which started both and saw them end (waitpid)
    expect(texts(rows, spawned[0].pid!)).toEqual(expect.arrayContaining([`ipclab server 1 (pid ${server}) exited with code 0 (waitpid)`, `ipclab client 1 (pid ${client}) exited with code 0 (waitpid)`]));
    // the ack line says how the server saw it: woken by the client's SIGUSR2, at its poll (then
    // before the kill), or there already when it looked; never nothing
    expect(texts(rows, server).filter((t) => /^rv->ack == 2( \(woken by SIGUSR2\)| \(seen at its 100 ms poll\)| \(already set when it looked: no wait\))$/.test(t))).toHaveLength(1);
    // every line that saw the peer's store says how, in both languages, on both sides (C's too)
    const seen = rows.filter((r) => r.type === 'event' && /^rv->(ack == \d+|seq == \d+: read|client_pid == \d+)/.test(r.text!.en));
    expect(seen.length).toBeGreaterThanOrEqual(4 + (HAS_CC ? 4 : 0));
    for (const r of seen) {
      expect(r.text!.en).toMatch(/ \((woken by SIGUSR2|seen at its 100 ms poll|already set when it looked: no wait)\)$/);
      expect(r.text!.zh).toMatch(/（(被 SIGUSR2 唤醒|在每 100 ms 一次的轮询中看到|查看时已经写好，无需等待)）$/);
    }
    // a line seen at a poll has the lesson's word on why the signal woke nothing right under it (issue 16)
    rows.forEach((r, i) => {
      if (r.type === 'event' && r.text!.en.endsWith(' (seen at its 100 ms poll)')) expect(rows[i + 1]?.text?.en).toMatch(/^why not the signal: the 100 ms timer came first/);
    });
    // one event, one wording on either side: what a client printed, a client joined, an ack seen (issue 16)
    expect(texts(rows, server).some((t) => /^rv->client_pid == \d+ \(a client joined\) \(/.test(t))).toBe(true);
    if (HAS_CC) {
      expect(rows.some((r) => r.type === 'event' && r.text!.en === 'printed "from ipclab to C"')).toBe(true);
      expect(rows.some((r) => r.type === 'event' && r.text!.en === 'printed "from C to ipclab"')).toBe(true);
      const joined = rows.filter((r) => r.type === 'event' && /^rv->client_pid == \d+/.test(r.text!.en)).map((r) => r.text!.en.replace(/\d+/, 'N'));
      expect(new Set(joined.map((t) => t.replace(/ \((woken|seen|already).*$/, ''))).size).toBe(1);
    }
    const pids = spawned.map((r) => Number(/: pid (\d+)/.exec(r.text!.en)![1]));
    for (const pid of pids) expect(peerGone(pid)).toBe(true);
    const shmids = calls(rows).filter((r) => r.call === 'shmget' && r.errno === null).map((r) => r.ret);
    expect(native.readSegments().filter((s) => shmids.includes(s.shmid))).toEqual([]);
  });

  it('serv-clnt in Chinese: the messages sent are Chinese, the byte counts their own', async () => {
    const { rows, code, stderr } = await runJson('serv-clnt', 'zh');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const zh = rows.filter((r) => r.type === 'event').map((r) => r.text!.zh);
    expect(zh).toEqual(expect.arrayContaining(['打印出 "你好，客户端"', '打印出 "再见，客户端"', '"再见，客户端"：18 字节 UTF-8，原样穿过了共享内存']));
    // the length the server wrote is the text's own: 18 bytes of UTF-8 and its NUL
    expect(zh.some((t) => t.startsWith('memcpy(rv->data, "你好，客户端", 19); rv->len = 18;'))).toBe(true);
    if (HAS_CC) expect(zh.some((t) => t.includes('"从 ipclab 到 C"'))).toBe(true);
    // no English message left: the quoted data holds no Latin word but the names ipclab and C
    const quoted = zh.flatMap((t) => t.match(/"[^"]*"/g) ?? []).filter((q) => !/[%\\/]/.test(q));
    expect(quoted.filter((q) => /[A-Za-z]{2,}/.test(q.replace(/\bipclab\b/g, '')))).toEqual([]);
  });

  it.skipIf(!HAS_CC)('serv-clnt steps 5 and 6: the process list shows the C program and its partner, not the earlier pair', async () => {
    const run = startLesson(servClnt);
    for (let i = 0; i < 4; i++) expect((await run.runNext()).problems).toEqual([]);
    // the lesson's own process (its ftok and its starts are in the trace), then the pair
    expect(run.processes.map((p) => p.role.en)).toEqual(['lesson', 'ipclab server 1', 'ipclab client 1']);
    const earlier = run.processes.map((p) => p.pid).filter((pid) => pid !== process.pid);
    expect(earlier.length).toBe(2);
    // every process list the lesson showed while the step ran
    const seen: { pid: number; role: string; attached: boolean; alive: boolean }[][] = [];
    const off = run.subscribe(() => seen.push(run.processes.map((p) => ({ pid: p.pid, role: `${p.role.en}/${p.role.zh}`, attached: p.attached, alive: p.alive }))));
    for (const [step, cRole, partner, printed] of [
      [4, 'C client/C 客户端', 'ipclab server 2/ipclab 服务端 2', 'printed "from ipclab to C"'],
      [5, 'C server/C 服务端', 'ipclab client 2/ipclab 客户端 2', null],
    ] as const) {
      seen.length = 0;
      const from = run.trace.length;
      expect((await run.runNext()).problems).toEqual([]);
      const [own, ...listed] = seen.at(-1)!;
      expect(own).toMatchObject({ pid: process.pid, role: 'lesson/本课', alive: true });
      // the pair of this step first; the processes of the steps before stay after it, ended
      // (fix16b#5: the counts say every process the steps started)
      const last = listed.slice(0, 2);
      expect(last.map((p) => [p.role, p.alive, p.attached])).toEqual([[cRole, false, false], [partner, false, false]]);
      expect(listed.slice(2).every((p) => !p.alive && !p.attached && !last.some((q) => q.pid === p.pid))).toBe(true);
      expect(listed.slice(2).map((p) => p.pid)).toEqual(expect.arrayContaining(earlier));
      const cPid = last[0].pid;
      expect(earlier).not.toContain(cPid);
      expect(earlier).not.toContain(last[1].pid);
      // the C program's own trace lines carry the pid the list shows
      const mine = run.trace.slice(from).filter((e) => e.pid === cPid);
      // its calls are calls (no •), its other lines events
      expect(mine.some((e) => e.type === 'call' && /^shmat\(\d+, NULL, 0\)$/.test(e.c) && String(e.retText ?? e.ret).startsWith('0x'))).toBe(true);
      if (printed) expect(mine.map((e) => (e.type === 'event' ? e.text.en : ''))).toContain(printed);
      // while it ran, the list showed it alive and attached
      expect(seen.some((list) => list.some((p) => p.pid === cPid && p.role === cRole && p.alive && p.attached))).toBe(true);
    }
    off();
    await run.close();
  });

  // causes before effects, every lesson with more than one process (docs/PROTOCOL.md: one
  // trace clock): lines in time order, each process's own in the order it made them, a
  // process's lines after the line that starts it and none after its end, no signal
  // arriving before a kill() sent it
  it.each(['parent-child', 'serv-clnt', 'msg', 'sem', 'race'])('%s: every line after its cause, across the processes', async (id) => {
    const { rows, code } = await runJson(id);
    expect(code).toBe(0);
    const { wrong, started, ended } = causalProblems(rows);
    expect(wrong).toEqual([]);
    // the lesson has more than one process, and each one's end is shown
    expect(started.size).toBeGreaterThan(1);
    expect(ended.size).toBeGreaterThan(0);
  });

  // under load a waiter's poll may see a store before the kill() that follows it: its line
  // then says "(seen at its 100 ms poll)", never "(woken by SIGUSR2)" before that kill
  it('serv-clnt under load (two busy loops): every line after its cause, a wake-up after its kill(); each waiter says how it saw the change', { timeout: 120_000 }, async () => {
    const loops = [0, 1].map(() => spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' }));
    try {
      // the loops are running before the lesson starts
      await waitFor(() => loops.every((l) => l.pid !== undefined && readFileSync(`/proc/${l.pid}/stat`, 'utf8').includes(') R ')), 'the busy loops to run', 5000);
      const { rows, code } = await runJson('serv-clnt');
      expect(code).toBe(0);
      expect(causalProblems(rows).wrong).toEqual([]);
      const waits = rows.filter((r) => r.type === 'event' && /^rv->(ack == \d+|seq == \d+: read)/.test(r.text!.en)).map((r) => r.text!.en);
      expect(waits.length).toBeGreaterThan(0);
      for (const w of waits) expect(w).toMatch(/ \((woken by SIGUSR2|seen at its 100 ms poll|already set when it looked: no wait)\)$/);
    } finally {
      for (const l of loops) l.kill('SIGKILL');
    }
  });

  it.each(['parent-child', 'serv-clnt'])('%s: SIGINT in the middle leaves no process and no segment', async (id) => {
    const p = ipclab(['run', id, '--json']);
    const pidsOf = () =>
      p
        .stdout()
        .toString()
        .split('\n')
        .flatMap((l) => [...l.matchAll(/"pid":(\d+)/g)].map((m) => Number(m[1])));
    // once the second step has ended the other process is running
    await waitFor(() => /"type":"step","id":"(child|client)"/.test(p.stdout().toString()), 'the second step');
    p.child.kill('SIGINT');
    const code = await p.done;
    expect([0, 130]).toContain(code);
    const pids = [...new Set(pidsOf())].filter((pid) => pid !== p.pid);
    expect(pids.length).toBeGreaterThan(0);
    await waitFor(() => pids.every(peerGone), 'every process of the lesson to end', 5000);
    const shmids = p.stdout().toString().split('\n').flatMap((l) => [...l.matchAll(/"call":"shmget","c":"[^"]*","ret":(\d+)/g)].map((m) => Number(m[1])));
    await waitFor(() => !native.readSegments().some((s) => shmids.includes(s.shmid)), 'every segment of the lesson to go', 5000);
  });

  it.each([
    [parentChild, 4],
    [servClnt, 2],
  ] as const)('$id: reset in the middle ends the other processes and removes the segments; it runs again after', async (lesson, upTo) => {
    const run = startLesson(lesson);
    for (let i = 0; i < upTo; i++) expect((await run.runNext()).problems).toEqual([]);
    const others = run.processes.map((p) => p.pid).filter((pid) => pid !== process.pid);
    expect(others.length).toBeGreaterThan(0);
    const shmids = run.trace.flatMap((e) => (e.type === 'call' && e.call === 'shmget' && e.errno === null ? [e.ret as number] : []));
    expect(shmids.length).toBeGreaterThan(0);
    await run.reset();
    await waitFor(() => others.every(peerGone), 'the other processes to end', 5000);
    await waitFor(() => !native.readSegments().some((s) => shmids.includes(s.shmid)), 'the segments to go', 5000);
    const outcomes = [];
    for (let i = 0; i < lesson.steps.length; i++) outcomes.push(await run.runNext());
    expect(outcomes.flatMap((o) => o.problems)).toEqual([]);
    await run.close();
  });
});
