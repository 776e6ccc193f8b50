// Lesson 4: shmat maps a segment; data written stays after reading (unlike a pipe);
// two mappings show one memory; SHM_RDONLY is enforced by the CPU (a child dies of
// SIGSEGV); a failed shmat returns (void *) -1, not NULL (E4); a C program's mapping
// is inherited by fork, dropped by exec and by exit (examples/c/inherit.c, run live).
import { readFileSync } from 'node:fs';
import type { Segment } from '../native/index.js';
import { attach, childAttached, createPrivate, expectErrno, expectGone, expectOk, expectRow, explain, guarded, inLang, need, privateFolder, readText, row, writeText } from './kit.js';
import { defineLesson } from './define.js';
import { SHM_EXEC, SHM_RDONLY, SHM_REMAP, SHM_RND } from '../native/index.js';
import { explainOwnRun, explainTurnCall } from './turn/explain.js';
import { numberValue, textValue } from './turn/fields.js';
import { accessAnswer, choice, choiceOf, counts, type ChildEnd, lastCall, liveRow, outcomeOf, word } from './checkpoint-kit.js';

// no EIDRM among them: no step before the question says what it means (shmctl 7 asks about it)
const BAD_ID = [
  choice({ en: 'EINVAL', zh: 'EINVAL', value: 'EINVAL' }, { en: 'EINVAL is Linux\'s answer for an id that names no segment; this kernel said otherwise.', zh: '对不指向任何共享内存段的 id，Linux 的回答是 EINVAL；这个内核说的却不同。' }),
  choice({ en: 'ENOENT', zh: 'ENOENT', value: 'ENOENT' }, { en: 'ENOENT is shmget\'s, for a key with no segment; shmat takes an id and never gives it.', zh: 'ENOENT 是 shmget 的，表示 key 下没有共享内存段；shmat 接受的是 id，从不给出它。' }),
  choice({ en: 'EACCES', zh: 'EACCES', value: 'EACCES' }, { en: 'EACCES needs a real segment whose mode refuses you; -1 names no segment at all.', zh: 'EACCES 要有一个真实存在、权限位拒绝你的共享内存段；-1 根本不指向任何段。' }),
];
const FORKED = counts('nattch', [0, 1, 2, 3], [
  { en: 'it stays 0 only when no C program ran (no cc); it ran, and parent and child both map the segment.', zh: '没有 cc、C 程序没运行时才停在 0；这次它运行了，父子进程都映射着共享内存段。' },
  { en: 'one would mean the child did not inherit the mapping; fork copies it to the child, and each mapping counts.', zh: '1 意味着子进程没有继承映射；而 fork 会把映射复制给子进程，每个映射都计数。' },
  { en: 'two is the parent\'s mapping and the child\'s copy; this run counted otherwise (no cc, or more mappings).', zh: '2 是父进程的映射加上子进程复制的那个；这次计数不同（没有 cc，或有更多映射）。' },
  { en: 'three needs a third mapping; one shmat and one fork make two.', zh: '3 需要第三个映射；一次 shmat 加一次 fork 只有两个。' },
]);
/** what a child's store through a SHM_RDONLY mapping does: a store is no call, so no errno;
 *  each choice says its meaning in brackets, so SIGSEGV's is no giveaway (validate.ts choicesAlike) */
const RDONLY_WRITE = [
  choice({ en: 'the write goes through (stored)', zh: '写入成功（照常存入）' }, { en: 'SHM_RDONLY maps the pages read-only, and the CPU checks every store.', zh: 'SHM_RDONLY 把页映射成只读，CPU 会检查每一次写入。' }),
  choice({ en: 'its write gets EACCES', zh: '写入失败，得到 EACCES' }, { en: 'a store is no call, so nothing returns an errno. EACCES is shmat\'s, when the mode refuses.', zh: '写内存不是调用，没有东西返回 errno。EACCES 是 shmat 的，权限位拒绝时才有。' }),
  choice({ en: 'it dies of SIGSEGV (segmentation fault)', zh: '它被 SIGSEGV（段错误）杀死' }, { en: 'SIGSEGV is what Linux sends for a store the page refuses; this child ended otherwise.', zh: '页拒绝写入时，Linux 发 SIGSEGV；这个子进程却是别的结局。' }),
];
const AFTER_EXIT = [
  { en: 'nattch 0, still listed', zh: 'nattch 为 0，还在列表里', whyNot: { en: 'it stays listed at nattch 0 unless removed or still mapped by another process; this run differs.', zh: '除非被删除或还有别的进程映射它，否则它会以 nattch 0 留在列表里；这次不是这样。' } },
  { en: 'gone from the list', zh: '从列表里消失', whyNot: { en: 'exit only detaches; a segment goes after IPC_RMID (or ipcrm) and its last detach.', zh: 'exit 只解除映射；共享内存段要经过 IPC_RMID（或 ipcrm），并在最后一次解除映射后才消失。' } },
  { en: 'still attached', zh: '仍有映射', whyNot: { en: 'at exit the kernel detaches every mapping of the process, shmdt or not.', zh: '不管调没调 shmdt，进程退出时内核都解除它的所有映射。' } },
];
import { peerEnded, settleTrace } from './peer-process.js';
import { compileC, type CRun, hasCc, runC } from './serv-clnt-c.js';
import type { StepContext, Text } from './types.js';
import type { Lang } from '../lang.js';

const MAP = 'shmat-map';
const INHERIT = 'shmat-inherit';
/** what the steps write, in the learner's language as the step runs (inLang): an English run
 *  shows no Chinese and a Chinese run no English; the notices count each one's own bytes */
const GREETING: Record<Lang, string> = { en: 'hello, world', zh: '你好，世界' };
const VIEWS: Record<Lang, string> = { en: 'two views', zh: '两个映射' };
const bytesOf = (text: string): number => Buffer.byteLength(text);

interface ShmatState {
  shmid?: number;
  seg?: Segment;
  seg2?: Segment;
  /** examples/c/inherit.c, run on the segment, and the child it forked */
  c?: CRun;
  kid?: number;
  execd?: boolean;
  /** how the child that wrote through its SHM_RDONLY mapping ended */
  rdonly?: ChildEnd;
}

/** a role, as the process list names it (the file is inherit.c) */
const C_PROGRAM: Text = { en: 'inherit (C)', zh: 'C 程序 inherit' };
const ITS_CHILD: Text = { en: 'its child', zh: '它的子进程' };
/** the child once its exec made it another program (s36: "its child" alone still read as inherit) */
const ITS_CHILD_EXECD: Text = { en: 'its child, now sleep (exec)', zh: '它的子进程，已 exec 成 sleep' };
/** how long a step waits for the C program's line */
const WAIT_MS = 10_000;

/** Problems unless the C program has printed `n` lines (one per stage it did). */
async function printed(c: CRun, n: number): Promise<string[]> {
  const ok = await c.printed(n, WAIT_MS);
  await settleTrace();
  return ok ? [] : [`inherit.c printed ${c.lines.length} lines, not ${n}, within ${WAIT_MS / 1000} s`];
}

/** The running command of a process (/proc/PID/comm), or null when it is gone. */
function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

/** The C program and its child as the state panel lists them. */
function showProcesses(ctx: StepContext, state: ShmatState): void {
  const { c, kid } = state;
  if (!c) return;
  ctx.setProcesses([
    { pid: c.pid, role: C_PROGRAM, attached: c.attached(), alive: c.alive() },
    ...(kid ? [{ pid: kid, role: state.execd ? ITS_CHILD_EXECD : ITS_CHILD, attached: !state.execd && c.alive(), alive: c.alive() && commandOf(kid) !== null }] : []),
  ]);
}

/** The learner's shmat: the failed shmget's -1 or the lesson's shmid, with their flags.
 *  A mapping it makes is detached at once, so the next step detaches just the two it expects. */
function shmatTurn(ctx: StepContext, state: ShmatState): string[] {
  const shmid = textValue(ctx.turn.values, 'shmid') === 'segment' ? need(state, 'shmid') : -1;
  const flags = numberValue(ctx.turn.values, 'flags');
  const { call, segment } = ctx.sys.shmat(shmid, flags);
  // the segment's mode 0600 has no x: SHM_EXEC passes only by root's CAP_IPC_OWNER
  const exec = segment && flags & SHM_EXEC && process.getuid?.() === 0
    ? { en: ' SHM_EXEC passed although mode 600 has no x: ipclab runs as root, and root\'s CAP_IPC_OWNER skips the mode check. Lesson 6, shmctl, shows it at step 4.', zh: '权限 600 没有 x，SHM_EXEC 却通过了：ipclab 以 root 运行，root 的 CAP_IPC_OWNER 跳过权限检查。第 6 课（shmctl）的第 4 步会演示这一点。' }
    : { en: '', zh: '' };
  explainTurnCall(ctx, call, {
    en: `A third mapping of the segment: the lesson detaches it again at once, so that the next step (8) detaches just the two it made.${exec.en}`,
    zh: `这是这个共享内存段的第三个映射：本课马上把它解除，这样下一步（第 8 步）解除的正好是本课建的那两个映射。${exec.zh}`,
  });
  return segment ? expectOk(ctx.sys.shmdt(segment)) : [];
}

export const shmat = defineLesson<ShmatState>({
  id: 'shmat',
  title: { en: 'shmat — map a segment and use it', zh: 'shmat——映射共享内存段并读写' },
  intro: {
    en: '`void *shmat(int shmid, const void *shmaddr, int shmflg)` maps a System V shared memory segment into your address space and returns where it landed. After that, reading and writing it are plain memory accesses: no read() or write(), no copying through the kernel. With shmaddr NULL the kernel picks the address.',
    zh: '`void *shmat(int shmid, const void *shmaddr, int shmflg)` 把一个 System V 共享内存段映射进进程的地址空间，返回映射到的地址。此后读写它就是普通的内存访问：不用 read()/write()，也不必经内核来回拷贝。shmaddr 传 NULL 时由内核挑选地址。',
  },
  outro: {
    en: 'The bytes at shmat\'s address are the segment, shared by every mapping; reading leaves them. The hardware enforces SHM_RDONLY; a failed shmat returns (void *) -1. fork copies mappings; exec and exit drop them.',
    zh: 'shmat 返回一个地址，那里的字节就是共享内存段本身，所有映射看到的都是它，读取也不会把数据取走。SHM_RDONLY 由硬件强制执行；shmat 失败时返回 (void *) -1。fork 复制映射，exec 和 exit 则去掉映射。下一课 shmdt：解除映射。',
  },
  diagrams: [MAP, INHERIT],
  summary: 'map a segment, write and read it twice, map it again, a read-only mapping that kills a writer; a C program\'s mapping across fork, exec and exit',
  code: [
    { path: 'shmat.c', kind: 'check' },
    { path: 'inherit.c', kind: 'check' },
    { path: 'cleanup.h', kind: 'header' },
    { path: 'stamp.h', kind: 'header' },
  ],
  state: () => ({}),
  steps: [
    {
      id: 'create',
      code: 'shmat.c: int shmid = shmget(IPC_PRIVATE, 4096, 0600)',
      title: { en: 'A segment to work with', zh: '先建一个共享内存段' },
      say: {
        en: '`shmget(IPC_PRIVATE, 4096, 0600)` makes the segment this lesson maps, read-write and then read-only (SHM_RDONLY). Every byte is 0 at first (00), shown in the Kernel pane from step 2.',
        zh: '`shmget(IPC_PRIVATE, 4096, 0600)` 建出本课要映射的共享内存段：先读写映射，再只读映射（SHM_RDONLY）。每个字节起初都是 0（全是 00），第 2 步映射之后“内核”窗格会显示这些字节。',
      },
      notice: {
        en: 'nattch 0, lpid 0 and atime 0: no process has attached it yet.',
        zh: 'nattch 为 0，lpid 为 0，atime 也是 0：还没有任何进程映射过它。',
      },
      diagram: MAP,
      highlight: ['shm'],
      run(ctx, state) {
        const shmid = createPrivate(ctx);
        if (Array.isArray(shmid)) return shmid;
        state.shmid = shmid;
        return expectRow(ctx, shmid, { nattch: 0, lpid: 0 });
      },
    },
    {
      id: 'attach',
      code: 'shmat.c: char *p = shmat(shmid, NULL, 0)',
      title: { en: 'shmat(id, NULL, 0): an address', zh: 'shmat(id, NULL, 0)：得到一个地址' },
      say: {
        en: 'Attach it for reading and writing and let the kernel choose the address.',
        zh: '以读写方式映射，地址交给内核挑选。',
      },
      notice: {
        en: 'Mapped at an address like 0x7f… in the lesson process. Kernel pane: nattch 1; lpid (last to attach or detach) ours; atime now.',
        zh: '映射在本课进程形如 0x7f… 的地址。“内核”窗格：nattch 为 1；lpid（最近映射或解除映射的）是本课进程；atime 是此刻。',
      },
      // the Kernel pane is shown and named: nattch, lpid and atime are its fields (issue 16: the
      // notice read them with the Trace shown); the address, the Trace's, said with its value (s27a)
      resultPane: 'kernel',
      noticeBy: (live) => {
        const seg = liveRow(live, need(live.state, 'shmid'));
        const at = live.calls.find((c) => c.call === 'shmat')?.ret;
        if (!seg || typeof at !== 'string') return undefined;
        const d = new Date(seg.atime * 1000);
        const when = [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
        return {
          en: `Mapped at ${at} in the lesson process. Kernel pane: nattch 1; lpid = ${seg.lpid}, ours (last to attach or detach); atime ${when}.`,
          zh: `映射在本课进程的 ${at}。“内核”窗格：nattch 为 1；lpid = ${seg.lpid}，本课进程（最近映射或解除映射的）；atime = ${when}。`,
        };
      },
      diagram: MAP,
      // the address shmat returned, the step's title, is the Trace's line, shown beside the
      // Kernel pane at 120x34 (issue 16, fixS); the notice says its value
      traceFocus: ['shmat('],
      highlight: ['a1', 'a1->shm', 'shm'],
      run(ctx, state) {
        const shmid = need(state, 'shmid');
        const segment = attach(ctx, shmid);
        if (Array.isArray(segment)) return segment;
        state.seg = segment;
        const problems = expectRow(ctx, shmid, { nattch: 1, lpid: ctx.sys.getpid() });
        if (!(row(ctx, shmid)?.atime ?? 0)) problems.push('atime is still 0 after shmat');
        return problems;
      },
    },
    {
      id: 'write',
      code: 'shmat.c: strcpy(p, "hello, world")',
      title: { en: 'Write a line of text', zh: '写入一行文字' },
      say: {
        en: `Write "${GREETING.en}" at the start, as a C string: UTF-8 bytes and a NUL at the end.`,
        zh: `在开头写入“${GREETING.zh}”，按 C 字符串的方式：UTF-8 字节，末尾一个 NUL。`,
      },
      notice: {
        en: `In the dump, 68 65 6c 6c 6f is "hello": each of these characters is one byte of UTF-8, ${bytesOf(GREETING.en)} bytes and the NUL.`,
        zh: `转储里每个汉字占 3 个字节（e4 bd a0 就是“你”），全角的“，”也是：共 ${bytesOf(GREETING.zh)} 字节，再加一个 NUL。`,
      },
      diagram: MAP,
      highlight: ['a1', 'shm'],
      run(ctx, state) {
        const seg = need(state, 'seg');
        const greeting = inLang(ctx, GREETING);
        writeText(ctx, seg, 0, greeting);
        const want = Buffer.from(`${greeting}\0`, 'utf8');
        const got = seg.read(0, want.length);
        explain(ctx, `bytes at +0: ${got.toString('hex').replace(/(..)(?!$)/g, '$1 ')}`, `+0 处的字节：${got.toString('hex').replace(/(..)(?!$)/g, '$1 ')}`);
        return got.equals(want) ? [] : [`the segment holds ${got.toString('hex')}, not ${want.toString('hex')}`];
      },
    },
    {
      id: 'read-twice',
      code: 'shmat.c: read again: %s',
      title: { en: 'Read it, then read it again', zh: '读一次，再读一次' },
      say: {
        en: 'Read the text back, then read it a second time.',
        zh: '把文字读出来，然后再读一次。',
      },
      notice: {
        en: 'Both reads find it: reading memory takes nothing away, unlike read() on a pipe (a byte stream). It stays until overwritten.',
        zh: '两次都读到了同样的文字：读内存不取走任何东西。管道（进程间的字节流）不同，它的 read() 会把字节取走。数据一直留着，直到被覆盖或删除。',
      },
      diagram: MAP,
      highlight: ['a1', 'shm'],
      run(ctx, state) {
        const seg = need(state, 'seg');
        const reads = [readText(ctx, seg, 0), readText(ctx, seg, 0)];
        return reads.every((r) => r === inLang(ctx, GREETING)) ? [] : [`the reads gave ${JSON.stringify(reads)}`];
      },
    },
    {
      id: 'second-attach',
      code: 'shmat.c: q = shmat(shmid, NULL, 0)',
      title: { en: 'Attach the same segment again', zh: '对同一个共享内存段再映射一次' },
      say: {
        en: 'Attach the same shmid a second time. Write through the new address, then read through the first one.',
        zh: '对同一个 shmid 再映射一次。通过新地址写入，再通过第一个地址读取。',
      },
      notice: {
        en: 'Two addresses, one memory: a write shows in both at once; nattch 2. Past the NUL, the old text\'s tail: a C string ends at its NUL.',
        zh: '两个地址，同一块内存：一边写入，另一个映射立刻看到；nattch 为 2。转储里 NUL 之后是旧文字的尾巴，C 字符串到 NUL 为止。',
      },
      diagram: MAP,
      highlight: ['a2', 'a2->shm', 'a1', 'shm'],
      run(ctx, state) {
        const shmid = need(state, 'shmid');
        const first = need(state, 'seg');
        const segment = attach(ctx, shmid);
        if (Array.isArray(segment)) return segment;
        state.seg2 = segment;
        const problems = segment.address === first.address ? [`both mappings are at ${first.address}`] : [];
        writeText(ctx, segment, 0, inLang(ctx, VIEWS));
        if (readText(ctx, first, 0) !== inLang(ctx, VIEWS)) problems.push('the first mapping does not see the write through the second');
        return [...problems, ...expectRow(ctx, shmid, { nattch: 2 })];
      },
    },
    {
      id: 'rdonly',
      code: 'shmat.c: child_ro[0] = \'X\'',
      title: { en: 'SHM_RDONLY, then a write', zh: 'SHM_RDONLY 映射，再写入' },
      say: {
        // the child's end is the question: why a child writes, never how it ends (issue 16);
        // ipclab's own write is refused (its trace line): said before it runs, why in the notice
        // whose address the child writes through: its own, from its own shmat, said before the run
        // (newcomer pass 10 could not tell which address)
        en: 'Map SHM_RDONLY, read, detach; ipclab\'s guard (g) stops its own write. A throw-away child (a C program would fork() here; ipclab starts a separate program) maps it so and writes.',
        zh: '用 SHM_RDONLY 映射、读取、解除映射；ipclab 的写入被访问检查拦下（按 g 查）。再由临时子进程（C 程序在这里会 fork()；ipclab 另起一个独立程序）自己只读映射并写入。',
      },
      notice: {
        // waitpid, which the Trace's line of the child's end names, said where it first shows (issue 16)
        en: 'Reading works. SIGSEGV (read-only page) killed the writer: a child, not ipclab, which saw it by waitpid and would have died writing.',
        zh: '读取没问题。SIGSEGV（页是只读的）杀死了写入的子进程，ipclab 经 waitpid 得知；ipclab 自己写就会死，所以才让子进程写。',
      },
      traceFocus: ['waitpid'],
      diagram: MAP,
      highlight: ['a3', 'a3->shm', 'child', 'child->shm', 'shm'],
      async run(ctx, state) {
        const shmid = need(state, 'shmid');
        const { call, segment } = ctx.sys.shmat(shmid, ctx.sys.SHM_RDONLY);
        if (!segment) return expectOk(call);
        const problems: string[] = [];
        if (readText(ctx, segment, 0) !== inLang(ctx, VIEWS)) problems.push('the read-only mapping does not read the text');
        const refusal = guarded(ctx, () => writeText(ctx, segment, 0, 'no'));
        if (refusal?.code !== 'READ_ONLY') problems.push('ipclab did not refuse the write through a SHM_RDONLY mapping');
        expectOk(ctx.sys.shmdt(segment)).forEach((p) => problems.push(p));
        const death = await ctx.sys.crashInChild({ shmid, op: 'write-rdonly' });
        state.rdonly = { signal: death.signal, code: death.code };
        childAttached(ctx, shmid, death, { en: 'A C fork() child would inherit both mappings (nattch +2).', zh: 'C 里 fork() 出的子进程会继承两个映射（nattch 加 2）。' });
        if (death.signal !== 'SIGSEGV') problems.push(`the child ended with ${death.signal ?? `exit code ${death.code}`}, not SIGSEGV`);
        return problems;
      },
    },
    {
      id: 'bad-id',
      code: 'shmat.c: void *bad = shmat(-1, NULL, 0)',
      title: { en: 'shmat(-1, NULL, 0): what comes back', zh: 'shmat(-1, NULL, 0)：返回什么' },
      say: {
        en: 'Pass shmat the -1 of a failed shmget, as unchecked code would. y\u00a0(run it with values you type) also offers SHM_EXEC, SHM_RND, SHM_REMAP.',
        zh: '把 shmget 失败时的 -1 传给 shmat，像不查错的程序那样。y（用你输入的值运行）还可加 SHM_EXEC、SHM_RND、SHM_REMAP。',
      },
      notice: {
        en: '(void *) -1 with EINVAL, not NULL as the notes (the study notes ipclab follows) say. Test `p == (void *) -1`: a NULL test misses it.',
        zh: '返回 (void *) -1，errno 为 EINVAL，而不是 ipclab 沿用的学习笔记说的 NULL。C 里要判断 `p == (void *) -1`，判断 NULL 会把错误放过去。',
      },
      diagram: MAP,
      highlight: ['bad', 'bad->fail', 'fail'],
      // with the learner's values shmat may map the segment once more, or fail on a valid
      // shmid (SHM_REMAP without an address): then the -1 box is not the call made
      litBy: { call: 'shmat', paths: { ok: ['shm'], 'valid-shmid': ['fail'] }, result: (call) => (call.errno !== null && !call.c.startsWith('shmat(-1,') ? 'valid-shmid' : undefined) },
      turn: {
        say: { en: 'Answer the question below first, then press Space or y.', zh: '先回答下面的问题，再按空格或 y。' },
        fields: [
          {
            name: 'shmid',
            label: { en: 'shmid', zh: 'shmid' },
            kind: {
              kind: 'choice',
              choices: [
                { value: 'failed', label: { en: 'a failed shmget\'s -1', zh: 'shmget 失败返回的 -1' } },
                { value: 'segment', label: { en: 'the lesson\'s segment', zh: '本课的这个共享内存段' } },
              ],
            },
            default: 'failed',
          },
          {
            name: 'flags',
            label: { en: 'shmflg', zh: 'shmflg' },
            kind: {
              kind: 'flags',
              bits: [
                { name: 'SHM_RDONLY', value: SHM_RDONLY },
                { name: 'SHM_EXEC', value: SHM_EXEC },
                { name: 'SHM_RND', value: SHM_RND },
                { name: 'SHM_REMAP', value: SHM_REMAP },
              ],
              maxMode: 0,
            },
            default: '0',
          },
        ],
      },
      run(ctx, state) {
        const yours = ctx.turn.custom ? shmatTurn(ctx, state) : [];
        if (ctx.turn.custom) explainOwnRun(ctx, 'question');
        const { call, segment } = ctx.sys.shmat(-1, 0);
        const problems = [...yours, ...expectErrno(call, 'EINVAL')];
        if (segment || call.ret !== '(void *) -1') problems.push(`shmat(-1) returned ${call.ret}`);
        return problems;
      },
    },
    {
      id: 'hand-over',
      code: 'inherit.c: char *p = shmat(shmid, NULL, 0)',
      title: { en: 'Detach; a C program attaches', zh: '解除映射，交给一个 C 程序' },
      say: {
        en: 'The lesson process detaches (shmdt, next lesson); then inherit.c, built now (c shows it), maps it. Steps 9 to 11 follow it: fork, exec (run another program), exit.',
        zh: '本课进程解除自己的两个映射（shmdt，下一课讲），再现场编译 inherit.c（按 c 查看），由它映射这个共享内存段。第 9 到 11 步跟着它：fork、exec（换成另一个程序）、exit。',
      },
      notice: {
        en: 'nattch 1: the lesson process detached both of its own mappings; only the C program maps it now. Its pid and calls are in the trace.',
        zh: 'nattch 为 1：本课进程解除了自己的两个映射，现在只有这个 C 程序映射着这个共享内存段，它的进程号和调用都在跟踪里。',
      },
      traceFocus: ['attached at', '已映射到'], // inherit.c's line, shown in zh from its table (examples/c/zh/inherit.c.out.txt)
      diagram: INHERIT,
      highlight: ['prog', 'prog->shm', 'shm'],
      async run(ctx, state) {
        const shmid = need(state, 'shmid');
        const problems = [need(state, 'seg'), need(state, 'seg2')].flatMap((s) => expectOk(ctx.sys.shmdt(s)));
        if (!hasCc()) {
          explain(ctx, 'cc is not installed here: install gcc (or clang) to watch fork, exec and exit live; inherit.c, in the C pane (press c), shows them.', '这台机器没有安装 cc：安装 gcc（或 clang）后即可现场观看 fork、exec 和 exit；C 窗格（按 c）里的 inherit.c 演示了它们。');
          return problems;
        }
        const built = await compileC(ctx, 'inherit', privateFolder(ctx, 'ipclab-inherit-'));
        if (built.problems.length) return [...problems, ...built.problems];
        const c = runC(ctx, built.bin, [String(shmid)], C_PROGRAM, () => showProcesses(ctx, state));
        state.c = c;
        return [...problems, ...(await printed(c, 1)), ...expectRow(ctx, shmid, { nattch: 1 })];
      },
    },
    {
      id: 'fork',
      code: 'inherit.c: pid_t child = fork()',
      title: { en: 'fork() with a mapping', zh: '带着映射 fork()' },
      say: {
        en: 'The C program, still attached, calls fork(). The child starts as a copy of the parent: what of its mapping of the segment?',
        zh: 'C 程序仍映射着共享内存段，此时调用 fork()。子进程一开始是父进程的副本；那它对这个段的映射呢？',
      },
      notice: {
        // the kernel's attach at fork (shm_open, as dup_mmap copies the mapping) runs in the parent:
        // it sets atime and lpid, lpid to the parent's pid (fixR4: why lpid is not the child's), which
        // step 8's shmat had set already: the same value, so the Kernel pane marks no change there;
        // said as the kernel's doing, as nobody called shmat (issue 16)
        en: 'One shmat, nattch 2: the kernel counts fork()\'s copy as an attach. It set atime (*), and lpid to the parent\'s pid, as before (no *).',
        zh: '一次 shmat，nattch 却是 2：内核把 fork() 复制的映射也算作映射。atime 更新（*）；lpid 设为父进程 pid，与原值相同（没有 *）。',
      },
      diagram: INHERIT,
      highlight: ['prog', 'prog->kid', 'kid', 'kid->shm', 'shm'],
      async run(ctx, state) {
        const c = state.c;
        if (!c) return [];
        c.send('fork');
        const problems = await printed(c, 2);
        state.kid = Number(/child (\d+)/.exec(c.lines[1] ?? '')?.[1] ?? 0) || undefined;
        showProcesses(ctx, state);
        return [...problems, ...expectRow(ctx, need(state, 'shmid'), { nattch: 2 })];
      },
    },
    {
      id: 'exec',
      code: 'inherit.c: execlp("sleep", "sleep", "600", (char *) NULL)',
      title: { en: 'exec with a mapping', zh: '带着映射 exec' },
      say: {
        en: 'The child calls `execlp("sleep", …)`: the same process becomes another program, which keeps running.',
        zh: '子进程调用 `execlp("sleep", …)`：同一个进程换成了另一个程序，并继续运行。',
      },
      notice: {
        en: 'nattch 1: exec replaced the child\'s memory, mapping too; the parent\'s stays. That detach set lpid (the child) and dtime.',
        zh: 'nattch 为 1：exec 换掉了子进程的整个内存，映射也在其中。这次解除映射让 lpid 成了子进程，dtime 也更新了；父进程的映射还在。',
      },
      diagram: INHERIT,
      highlight: ['kid', 'kid->execd', 'execd', 'shm'],
      // the child's inherited mapping is gone with its memory
      async run(ctx, state) {
        const c = state.c;
        if (!c) return [];
        c.send('exec');
        const problems = await printed(c, 3);
        state.execd = true;
        showProcesses(ctx, state);
        const kid = need(state, 'kid');
        if (commandOf(kid) !== 'sleep') problems.push(`the child ${kid} is not running sleep after its exec`);
        return [...problems, ...expectRow(ctx, need(state, 'shmid'), { nattch: 1 })];
      },
    },
    {
      id: 'exit',
      code: 'inherit.c: tell("about to exit(0) without shmdt',
      title: { en: 'exit without shmdt', zh: '不调 shmdt 就 exit' },
      say: {
        en: 'The C program ends its child (which maps nothing now) with SIGTERM, then calls exit(0), without shmdt.',
        zh: 'C 程序用 SIGTERM 结束它的子进程（子进程已没有映射），然后不调 shmdt，直接 exit(0)。',
      },
      notice: {
        en: 'nattch 0: the kernel detached it at exit, as after a crash. The segment stays: exit detaches, it removes nothing.',
        zh: 'nattch 为 0：进程退出时内核替它解除了映射，进程崩溃时也是这样。共享内存段还在：exit 只解除映射，不删除任何东西。',
      },
      diagram: INHERIT,
      highlight: ['prog', 'prog->ended', 'ended', 'ended->shm', 'shm'],
      // exit detached the program's own mapping
      async run(ctx, state) {
        const c = state.c;
        if (!c) return [];
        c.send('exit');
        const { code, signal } = await peerEnded(c, () => showProcesses(ctx, state));
        const problems = code === 0 ? [] : [`inherit ended with ${signal ?? `exit code ${code}`}, not 0`];
        return [...problems, ...expectRow(ctx, need(state, 'shmid'), { nattch: 0 })];
      },
    },
    {
      id: 'cleanup',
      code: 'shmat.c: shmctl(shmid, IPC_RMID, NULL)',
      // says what it does (issue 16: "a control call" named nothing); step 11's question says no
      // one has called IPC_RMID yet, so the title acting on the segment tells nothing new (giveaway.ts ACTS_ON)
      title: { en: 'IPC_RMID on the segment', zh: '对这个共享内存段调用 IPC_RMID' },
      say: {
        en: 'Nobody maps it, yet it stays until removed: shmctl(IPC_RMID), which the shmctl lesson explains.',
        zh: '已经没有人映射它，但它会一直留着，直到被删除：shmctl(IPC_RMID)，shmctl 一课细讲。',
      },
      notice: {
        en: 'The segment is gone.',
        zh: '这个共享内存段已经不在了。',
      },
      diagram: INHERIT,
      highlight: ['shm', 'shm->gone', 'gone'],
      run(ctx, state) {
        const shmid = need(state, 'shmid');
        ctx.focus(null);
        ctx.setProcesses([]);
        return [...expectOk(ctx.sys.shmctlRmid(shmid)), ...expectGone(ctx, shmid)];
      },
    },
  ],
  checkpoints: {
    rdonly: {
      // names no outcome: SIGSEGV, new here and named by one choice alone, is held back from the
      // New terms line until the answer (giveaway.ts pointsAtChoice); its choice says what it means
      question: { en: 'The child writes through its read-only mapping. What happens?', zh: '子进程通过只读映射写入，会怎样？' },
      choices: RDONLY_WRITE,
      answer: (live) => accessAnswer(need(live.state, 'rdonly')),
      hint: { en: 'A write to memory is an instruction, not a system call. Who checks it?', zh: '写内存是一条指令，不是系统调用。谁来检查它？' },
      explain: (live) => {
        const { signal } = need(live.state, 'rdonly');
        return signal
          ? { en: `The page is read-only: the CPU faulted on the store, and the kernel sent the child ${signal}, which ended it. No call returned an error.`, zh: `那一页是只读的：写入时 CPU 报了异常，内核给子进程发了 ${signal}，结束了它。没有哪个调用返回错误。` }
          : { en: 'The child wrote and exited 0: this machine let a store through a read-only mapping.', zh: '子进程写入后以 0 退出：这台机器放过了对只读映射的写入。' };
      },
    },
    'bad-id': {
      question: { en: 'shmat(-1, NULL, 0): which errno?', zh: 'shmat(-1, NULL, 0) 的 errno 是什么？' },
      choices: BAD_ID,
      answer: (live) => choiceOf(BAD_ID, lastCall(live, 'shmat').errno),
      hint: { en: 'No segment ever has a negative id: the argument is invalid.', zh: '没有共享内存段的 id 是负数：这个参数本身无效。' },
      explain: (live) => ({
        en: `${outcomeOf(lastCall(live, 'shmat')).en}, returning (void *) -1: check against that, not NULL.`,
        zh: `${outcomeOf(lastCall(live, 'shmat')).zh}，返回 (void *) -1：要和它比较，而不是 NULL。`,
      }),
    },
    fork: {
      question: { en: 'The C program forks. nattch after fork()?', zh: 'C 程序调用 fork()。fork() 之后 nattch 是多少？' },
      choices: FORKED,
      answer: (live) => choiceOf(FORKED, liveRow(live, need(live.state, 'shmid'))?.nattch ?? -1),
      hint: { en: 'The child is a copy of the parent, mappings included.', zh: '子进程是父进程的副本，映射也复制了。' },
      explain: (live) => {
        const nattch = liveRow(live, need(live.state, 'shmid'))?.nattch;
        return live.state.c
          ? { en: `nattch ${nattch} after one shmat: fork gave the child the parent's mapping, and each mapping counts.`, zh: `只调用过一次 shmat，nattch 却是 ${nattch}：fork 把父进程的映射给了子进程，每个映射都计数。` }
          : { en: `nattch ${nattch}: no C program ran here (no cc), so nothing forked. With cc, the child's copy of the mapping makes it 2.`, zh: `nattch 为 ${nattch}：这里没有 cc，C 程序没运行，也就没有 fork。有 cc 时，子进程复制来的映射会让它变成 2。` };
      },
    },
    exit: {
      question: { en: 'The C program exits without shmdt; no one has called IPC_RMID yet. The segment…', zh: 'C 程序不调用 shmdt 就退出，也还没有人调用 IPC_RMID。这个共享内存段……' },
      choices: AFTER_EXIT,
      answer: (live) => {
        const seg = liveRow(live, need(live.state, 'shmid'));
        return !seg ? 1 : seg.nattch === 0 ? 0 : 2;
      },
      hint: { en: 'What does exit end: the process\'s mappings, or segments too?', zh: 'exit 结束的是什么：进程的映射，还是连共享内存段也一起？' },
      explain: (live) => {
        const seg = liveRow(live, need(live.state, 'shmid'));
        const ran = live.state.c !== undefined;
        if (!seg) return { en: 'Gone: something removed it.', zh: '不见了：有进程把它删除了。' };
        return ran
          ? { en: 'The kernel detached it at exit. It stays until IPC_RMID removes it (or the machine restarts).', zh: '进程退出时内核解除了映射。它一直留着，直到 IPC_RMID 删除它（或机器重启）。' }
          : { en: 'No C program ran here (no cc); with cc, its exit detaches and removes nothing.', zh: '这里没有 cc，C 程序没运行；有 cc 时，它退出只解除映射，不删除任何东西。' };
      },
    },
  },
  check: [
    {
      question: { en: 'What does shmat return when it fails?', zh: 'shmat 失败时返回什么？' },
      choices: [
        choice('NULL', { en: 'malloc fails with NULL, shmat does not; a NULL test lets every shmat failure through.', zh: 'malloc 失败返回 NULL，shmat 不是；判断 NULL 会放过 shmat 的每一次失败。' }),
        word('(void *) -1'),
        { en: 'an errno such as EINVAL', zh: 'errno 本身，如 EINVAL', whyNot: { en: 'shmat, like other system call wrappers, returns its error value and sets errno beside it.', zh: 'shmat 和其他系统调用的封装一样，返回出错值，同时另设 errno。' } },
      ],
      answer: 1,
      explain: { en: 'shmat returns (void *) -1 and puts the reason in errno; NULL is never its error.', zh: 'shmat 返回 (void *) -1，原因放在 errno 里；NULL 从不表示它出错。' },
    },
    {
      // step 6 asked what a write through the SHM_RDONLY mapping does: this asks whose protection it is
      question: { en: 'One process maps a segment twice: with SHM_RDONLY, and with shmflg 0. A write through the second mapping…', zh: '一个进程把同一个共享内存段映射两次：一次用 SHM_RDONLY，一次 shmflg 为 0。通过第二个映射写入……' },
      choices: [
        { en: 'is stored', zh: '照常存入' },
        { en: 'kills the writer with SIGSEGV', zh: '写入者被 SIGSEGV 杀死', whyNot: { en: 'SHM_RDONLY protects the pages of its own mapping only; the segment and its other mappings keep their access.', zh: 'SHM_RDONLY 只保护它自己那个映射的页；共享内存段本身和它的其他映射不受影响。' } },
        { en: 'fails with EACCES', zh: '以 EACCES 失败', whyNot: { en: 'a store is no call and returns nothing; EACCES is shmat\'s, when the mode refuses the mapping asked for.', zh: '往内存里写不是系统调用，没有返回值；EACCES 是 shmat 的错误码，在权限位不允许所要的映射时返回。' } },
      ],
      answer: 0,
      // what the other mappings then see is check 3's question: not said here (issue 16)
      explain: { en: 'SHM_RDONLY is a property of one mapping, not of the segment: a mapping made without it writes as usual.', zh: 'SHM_RDONLY 是某一个映射的属性，不是共享内存段的：不带它建的映射照常写入。' },
    },
    {
      question: { en: 'Two mappings of one segment in one process share…', zh: '同一进程里同一个共享内存段的两个映射共享……' },
      choices: [
        { en: 'nothing: each is a copy', zh: '什么也不共享：各是一份拷贝', whyNot: { en: 'shmat maps the kernel\'s pages and copies nothing; that is what makes shared memory fast.', zh: 'shmat 映射的是内核的页，什么也不拷贝；共享内存快就快在这里。' } },
        { en: 'the same memory', zh: '同一块内存' },
      ],
      answer: 1,
      explain: { en: 'Different addresses, one memory: a write shows through both at once.', zh: '地址不同，内存相同：写入在两个映射里同时可见。' },
    },
  ],
});
