// Lesson 7: a parent and its child share two IPC_PRIVATE segments. The parent writes
// and sends SIGUSR1; the child reads and answers SIGUSR2; then the same the other way
// over the second segment. The child is a real second process (spawned Node, since
// fork() through koffi kills the child), paced step by step by the lesson. What a text
// says happened, the trace shows: the handlers, "ready", lpid after each shmdt, the exit.
import type { Segment } from '../native/index.js';
import { SHARED } from '../text/strings.js';
import { now, type Phase } from '../proto/events.js';
import { isAttached, peerEnded, peerReached, said, settleTrace, startPeer } from './peer-process.js';
import { peerGone } from '../proto/liveness.js';
import { describeExit, type PeerProcess } from '../proto/spawn.js';
import { Wakeups, type WakeSignal } from '../proto/wakeups.js';
import { answerFor, CATCHES } from '../proto/child.js';
import { attach, expectOk, expectRow, explain, inLang, need, readText, row, writeText } from './kit.js';
import { defineLesson } from './define.js';
import type { StepContext, Text } from './types.js';
import type { Lang } from '../lang.js';
import { choiceOf, counts, lastCall, liveRow } from './checkpoint-kit.js';

const NATTCH = counts('nattch', [1, 2, 3], [
  { en: 'the parent\'s shmat adds a mapping to the child\'s; one would be the child\'s alone.', zh: '父进程的 shmat 在子进程的映射之外又加了一个；1 只是子进程自己的。' },
  { en: 'this run counted otherwise, as the rows show; two would be the child\'s mapping and the parent\'s.', zh: '这次计数不同，见那几行；2 本是子进程和父进程各一个映射。' },
  { en: 'a third mapping needs a third shmat of that segment; the child and the parent made one each.', zh: '第三个映射需要对那个共享内存段第三次 shmat；子进程和父进程各映射一次。' },
]);

/** What the parent's write and kill do to down's row (fix28a#4: "how does the text reach the
 *  child?" was answered by step 1's "down (parent to child)" and the intro): the row read
 *  before and after the step, by the column that moved. */
const ROW = [
  { en: 'no column changes', zh: '哪一列都不变', value: 'same', whyNot: { en: 'this run\'s row changed, as the Kernel pane shows; a write through a mapping alone changes none of it.', zh: '这次那一行变了，见“内核”窗格；单是通过映射写入，哪一列也不会变。' } },
  // by the column's name, as the pane heads it (issue 16: "大小" where the column is bytes)
  { en: 'its size grows by the text\'s length', zh: 'bytes 一列增加文字的长度', value: 'size', whyNot: { en: 'the size (the bytes column) is fixed by shmget; the text fills bytes that were already there.', zh: '共享内存段的大小（bytes 一列）由 shmget 定下；文字只是填进本来就有的字节。' } },
  { en: 'nattch rises by one', zh: 'nattch 加 1', value: 'nattch', whyNot: { en: 'nattch counts mappings; the parent writes through the one it made in step 3.', zh: 'nattch 数的是映射；父进程用的是第 3 步做好的那个映射。' } },
];

const WRITE = 'parent-child-write';
const REPLY = 'parent-child-reply';
const ANSWER = 'parent-child-answer';
const ACK = 'parent-child-ack';
const FINISH = 'parent-child-finish';
/** the parent's text, in the learner's language as the step runs (inLang): an English run
 *  shows no Chinese and a Chinese run no English; the child's answer counts its bytes
 *  (answerFor, in the text's own language) */
const MESSAGE: Record<Lang, string> = { en: 'hello, child', zh: '你好，子进程' };
/** how long a step waits for the other process before it reports a problem */
const WAIT_MS = 10_000;
/** how long step 2 waits for the child's "ready": a Node process's start, which on a loaded
 *  machine (two busy loops on two CPUs, a test suite) took over 10 s in 7 of 75 runs */
const START_MS = 30_000;

const PARENT: Text = { en: 'parent', zh: '父进程' };
const CHILD: Text = { en: 'child', zh: '子进程' };

/** What the steps carry: the two segments ("down" to the child, "up" back), the
 *  parent's mappings of them, its signal listener and the child. */
interface ParentChildState {
  down?: number;
  up?: number;
  downSeg?: Segment;
  upSeg?: Segment;
  wake?: Wakeups;
  child?: PeerProcess;
  /** down's row before step 4 wrote to it, for its question */
  downBefore?: { size: number; nattch: number; lpid: number };
}

/** Both processes as the state panel lists them. */
function showProcesses(ctx: StepContext, state: ParentChildState): void {
  const { child } = state;
  const mine = [state.downSeg, state.upSeg].some((seg) => seg?.attached);
  ctx.setProcesses([
    { pid: ctx.sys.getpid(), role: PARENT, attached: mine, alive: true },
    ...(child ? [{ pid: child.pid, role: CHILD, attached: isAttached(child), alive: !child.exit }] : []),
  ]);
}

/** Waits for the n-th `sig` from the child and traces its arrival at the time it came. */
async function awaitSignal(ctx: StepContext, state: ParentChildState, sig: WakeSignal, n: number, meaning: Text): Promise<string[]> {
  const wake = need(state, 'wake');
  const child = need(state, 'child');
  const deadline = now() + WAIT_MS;
  try {
    await wake.until(
      () => wake.count(sig) >= n,
      () => {
        if (peerGone(child.pid) || child.exit) throw new Error(`the child (pid ${child.pid}) ended before sending ${sig}`);
        if (now() >= deadline) throw new Error(`no ${sig} from the child within ${WAIT_MS / 1000} s`);
      },
      deadline,
    );
  } catch (err) {
    return [(err as Error).message];
  }
  said(ctx, ctx.sys.getpid(), { en: `${sig} arrived: ${meaning.en}`, zh: `收到 ${sig}：${meaning.zh}` }, wake.lastAt(sig) ?? now());
  await settleTrace();
  return [];
}

/** Lets the paced child take its next action and waits until it reports `phase`. */
async function childDoes(state: ParentChildState, phase: 'read' | 'wrote' | 'done', seq?: number): Promise<{ problems: string[]; text?: string }> {
  const child = need(state, 'child');
  child.go();
  const problems = await peerReached(child, phase, seq, WAIT_MS);
  const e = child.events.find((x) => x.type === 'phase' && x.phase === phase);
  return { problems, text: e?.type === 'phase' ? e.text : undefined };
}

/** kill(child, sig), then waits until the child reports `phase`: it took the signal and acted on it. */
async function signalChild(ctx: StepContext, child: PeerProcess, sig: 'SIGUSR1' | 'SIGUSR2', phase: Phase): Promise<string[]> {
  const problems = expectOk(ctx.sys.kill(child.pid, ctx.sys[sig]));
  return [...problems, ...(await peerReached(child, phase, 1, WAIT_MS))];
}

export const parentChild = defineLesson<ParentChildState>({
  id: 'parent-child',
  title: { en: 'parent, child — segments, signals', zh: '父子进程——用共享内存段和信号通信' },
  // each term where a step first needs it: the segments' (step 1), the child's start and
  // the signals (step 2), nattch and lpid (step 2's notice); not all in the introduction
  intro: {
    en: 'A parent and its child pass text both ways, with two System V shared memory segments and two signals. The parent is the lesson process, the one drawing this screen ("lesson" in the later lessons\' lists of processes); the child is a second process it starts. communicate_with_child.c of the notes (the study notes ipclab follows) does it in C.',
    zh: '父进程和子进程互相传文字，用到两个 System V 共享内存段和两个信号。父进程就是本课进程，也就是绘制这个界面的进程（后面几课的进程列表里叫“本课”）；子进程是它另起的第二个进程。本课程依据的学习笔记里，communicate_with_child.c 用 C 做的就是这件事。',
  },
  outro: {
    en: 'Data goes in the segments; a signal only says "look now", so the two take strict turns. Lesson 8 (server and client) numbers its messages instead. C pane (c): the same in C; its real fork() is higher up in the file.',
    zh: '数据走共享内存段，信号只说“现在去看”，所以双方严格轮流。第 8 课（服务端与客户端）则给消息编号。C 窗格（按 c）里是 C 版本，真正的 fork() 在文件靠前的地方。',
  },
  diagrams: [WRITE, REPLY, ANSWER, ACK, FINISH],
  summary: 'a parent and its child exchange text with two segments and SIGUSR1/SIGUSR2',
  code: [{ path: 'communicate_with_child.c', kind: 'program' }],
  state: () => ({}),
  steps: [
    {
      id: 'segments',
      // both shmgets (and the trace line between them): the step makes the two
      code: 'int down_id = shmget(IPC_PRIVATE, SEG_SIZE, 0600);\n    trace("parent", "shmget(IPC_PRIVATE, 4096, 0600) = %d  (down: parent -> child)", down_id);\n    int up_id = shmget(IPC_PRIVATE, SEG_SIZE, 0600)',
      title: { en: 'Two IPC_PRIVATE segments', zh: '两个 IPC_PRIVATE 共享内存段' },
      short: { en: 'Two private segments', zh: '两个私有共享内存段' },
      say: {
        en: 'shmget(IPC_PRIVATE, 4096, 0600) twice: two segments, which this lesson calls "down" (parent to child) and "up" (child to parent).',
        zh: '调用两次 shmget(IPC_PRIVATE, 4096, 0600)：得到两个共享内存段，本课称它们为“down”（父进程到子进程）和“up”（子进程到父进程）。',
      },
      // says where the Kernel pane's words are, which a learner starting here gets as New terms
      // after this run; in sentences (issue 16: "status dest once marked; ▸'s IPC_STAT below" was cryptic)
      notice: {
        // the child is the next step's: no child yet (issue 16: "the child is given" before a fork)
        en: 'Key 0x00000000: no key finds them; step 2\'s child gets their shmids. Kernel pane: a row each, the ▸ row\'s record (IPC_STAT) below.',
        zh: 'key 为 0，凭 key 找不到它们，要把 shmid 交给下一步的子进程。“内核”窗格：每个共享内存段一行；行下面是 ▸ 那一行的记录（IPC_STAT）。',
      },
      diagram: WRITE,
      highlight: ['down', 'up'],
      run(ctx, state) {
        const problems: string[] = [];
        for (const name of ['down', 'up'] as const) {
          const call = ctx.sys.shmget(ctx.sys.IPC_PRIVATE, 4096, 0o600);
          problems.push(...expectOk(call));
          if (call.errno === null) {
            state[name] = call.ret as number;
            ctx.label('shm', call.ret as number, { en: name, zh: name });
          }
        }
        if (state.down !== undefined) ctx.focus(state.down);
        showProcesses(ctx, state);
        return problems;
      },
    },
    {
      id: 'child',
      code: ['pid_t child = fork()', 'char *down = shmat(down_id, NULL, 0), *up = shmat(up_id, NULL, 0)'],
      title: { en: 'Start the child; it attaches both', zh: '启动子进程，它映射两个共享内存段' },
      short: { en: 'Start the child', zh: '启动子进程并映射' },
      say: {
        // what both programs do, then what only the C does, said as the C's (issue 16: "installs
        // handlers" here, "waits with sigtimedwait" at step 4; s36: "The parent blocks" read as ipclab's
        // parent, whose Trace says it catches them with handlers): communicate_with_child.c blocks both
        // before fork and takes each with sigtimedwait
        en: 'The parent starts the child with both shmids; it attaches both, says "ready", waits for SIGUSR1. In C (c) the parent blocks SIGUSR1 and SIGUSR2 before fork; the child waits in sigtimedwait.',
        zh: '父进程启动子进程，交给它两个 shmid；子进程映射两个共享内存段，报告“就绪”，等 SIGUSR1。C 版本（按 c）里父进程在 fork 前阻塞 SIGUSR1 和 SIGUSR2，子进程在 sigtimedwait 里等。',
      },
      notice: {
        // what the block is for, said whole (nc: "No signal before "ready": unhandled, ..." was read as a rule of the kernel's);
        // each program's way as its own, the C pane's block and the Trace's handlers line (the aside says
        // why handlers): s36, "stays pending: blocked" was said as seen where the Trace showed handlers
        en: 'nattch 1, lpid (last to attach or detach): the child. An early signal is kept: blocked in C, caught by ipclab\'s handlers.',
        zh: 'nattch 为 1，lpid（最近映射或解除映射它的进程）是子进程。早到的信号不会丢：C 里它被阻塞，ipclab 里由处理函数接住。',
      },
      // why ipclab's two catch the signals with handlers where the C blocks them (the Trace's line says so)
      aside: {
        en: 'the child is a new ipclab given both shmids (forking threaded Node.js may crash). Both catch the signals with handlers, as sigtimedwait would stall Node.js\'s event loop.',
        zh: '子进程是另启的 ipclab，命令行传入两个 shmid（Node.js 多线程，fork 可能崩溃）。在 sigtimedwait 里等会卡住 Node.js 的事件循环，所以两者改用处理函数接收信号。',
      },
      diagram: WRITE,
      highlight: ['child', 'child->kernel', 'kernel', 'down', 'up'],
      async run(ctx, state) {
        const down = need(state, 'down');
        const up = need(state, 'up');
        const wake = new Wakeups(['SIGUSR1', 'SIGUSR2']);
        state.wake = wake;
        said(ctx, ctx.sys.getpid(), CATCHES);
        // registered before the child's own hook, so it runs after the child has ended
        ctx.onReset(() => wake.close());
        const spec = { role: 'child', down, up, parent: ctx.sys.getpid(), rounds: 1, answer: true, gated: true } as const;
        // the child's start as every start is said, with the shmids it is given (a C child inherits them)
        const forked = (pid: number): Text => ({
          en: SHARED.en.forked(pid, `the child, given shmids ${down} and ${up}`),
          zh: SHARED.zh.forked(pid, '子进程', `传给它 shmid ${down} 和 ${up}`),
        });
        const child = startPeer(ctx, spec, CHILD, () => showProcesses(ctx, state), forked);
        state.child = child;
        const problems = await peerReached(child, 'ready', undefined, START_MS);
        if (problems.length) return problems;
        showProcesses(ctx, state);
        return [down, up].flatMap((id) => expectRow(ctx, id, { nattch: 1, lpid: child.pid }));
      },
    },
    {
      id: 'attach',
      code: ['char *down = child_ready ? shmat(down_id, NULL, 0)', 'char *up = child_ready ? shmat(up_id, NULL, 0)'],
      title: { en: 'The parent attaches both', zh: '父进程映射两个共享内存段' },
      short: { en: 'Parent attaches both', zh: '父进程映射两者' },
      // why the parent's addresses are not the child's, said where the two first stand in the
      // Trace (issue 16: nothing said it until step 5's "two mappings, one memory")
      say: {
        en: 'The parent maps both segments too, as the child did. shmat returns an address in the caller\'s own memory, so the parent\'s differ from the child\'s: two addresses, one segment.',
        zh: '父进程也像子进程那样映射这两个共享内存段。shmat 返回的是调用者自己内存里的地址，所以父进程得到的地址和子进程的不同：两个地址，同一个段。',
      },
      notice: {
        en: 'nattch 2 on both; lpid (last to attach or detach) is now the parent.',
        zh: '两个共享内存段的 nattch 都是 2；lpid（最近映射或解除映射它的进程）变成了父进程。',
      },
      diagram: WRITE,
      highlight: ['parent', 'parent->kernel', 'kernel', 'down', 'up'],
      run(ctx, state) {
        const problems = (['down', 'up'] as const).flatMap((name) => {
          const seg = attach(ctx, need(state, name));
          if (Array.isArray(seg)) return seg;
          state[`${name}Seg` as const] = seg;
          return [];
        });
        showProcesses(ctx, state);
        const me = ctx.sys.getpid();
        return [...problems, ...expectRow(ctx, need(state, 'down'), { nattch: 2, lpid: me }), ...expectRow(ctx, need(state, 'up'), { nattch: 2, lpid: me })];
      },
    },
    {
      id: 'write',
      code: ['strcpy(down, text)', 'int k = kill(child, SIGUSR1)'],
      title: { en: 'Parent: text for the child, SIGUSR1', zh: '父进程：给子进程的文字，SIGUSR1' },
      short: { en: 'Parent: text, SIGUSR1', zh: '父进程：文字、SIGUSR1' },
      // neither the calls nor their order: where the text goes is the checkpoint's question; where the
      // child waits, said before the notice's "only woke" (issue 16: nothing said it was asleep)
      say: {
        en: `The child has been waiting for SIGUSR1 since "ready" (sigtimedwait in C). The parent has "${MESSAGE.en}" for it, and sends it SIGUSR1 by kill(child, SIGUSR1).`,
        zh: `子进程报告“就绪”后一直在等 SIGUSR1（C 里用 sigtimedwait）。父进程有文字“${MESSAGE.zh}”要交给它，并用 kill(child, SIGUSR1) 给它发 SIGUSR1。`,
      },
      notice: {
        en: `The kill only woke the child; the text is in the segment: in the Kernel pane's dump, its ${Buffer.byteLength(MESSAGE.en)} bytes and a NUL.`,
        zh: 'kill 只是叫醒了子进程，文字在共享内存段里。转储里“你”占 3 个字节，画出来 2 格宽，“·”补上第三个字节那一列。',
      },
      diagram: WRITE,
      highlight: ['parent', 'parent->down', 'down', 'parent->child', 'child'],
      async run(ctx, state) {
        const child = need(state, 'child');
        ctx.focus(need(state, 'down'));
        const before = row(ctx, need(state, 'down'));
        if (before) state.downBefore = { size: before.size, nattch: before.nattch, lpid: before.lpid };
        writeText(ctx, need(state, 'downSeg'), 0, inLang(ctx, MESSAGE));
        return signalChild(ctx, child, 'SIGUSR1', 'woken');
      },
    },
    {
      id: 'read',
      code: 'int k = kill(parent, SIGUSR2)',
      title: { en: 'Child reads, kill(parent, SIGUSR2)', zh: '子进程读取，kill(parent, SIGUSR2)' },
      short: { en: 'Child reads, SIGUSR2', zh: '子进程读，SIGUSR2' },
      say: {
        en: 'The child reads the text through its own mapping and answers SIGUSR2, "read it". The parent waits for that signal.',
        zh: '子进程通过自己的映射读出文字，然后回一个 SIGUSR2，意思是“已读”。父进程等着这个信号。',
      },
      notice: {
        // which pane shows it (issue 16: "another address" named no place): the child's "read at" line
        // nc: "another process: one memory" and "may write again" said neither whose address nor who tells the parent
        en: 'Trace pane, "read at" line: the parent\'s bytes at the child\'s address. Two mappings, one memory. SIGUSR2: the parent may write again.',
        zh: '“跟踪”窗格“读出”那行：子进程在自己映射的地址读到父进程写的字节。两个映射，同一块内存。SIGUSR2 让父进程可以再写。',
      },
      // the line as each language writes it (src/proto/child.ts): "read at 0x…", "从 0x… 读出"
      traceFocus: [{ en: 'read at', zh: '读出' }],
      diagram: REPLY,
      highlight: ['down', 'down->child', 'child', 'child->parent', 'parent'],
      async run(ctx, state) {
        const { problems, text } = await childDoes(state, 'read', 1);
        const message = inLang(ctx, MESSAGE);
        if (!problems.length && text !== message) problems.push(`the child read ${JSON.stringify(text)}, not ${JSON.stringify(message)}`);
        return [...problems, ...(await awaitSignal(ctx, state, 'SIGUSR2', 1, { en: 'the child has read the text', zh: '子进程已读完' }))];
      },
    },
    {
      id: 'answer',
      code: ['strcpy(up, answer)', 'k = kill(parent, SIGUSR1)'],
      title: { en: 'The other way: child writes "up", SIGUSR1', zh: '反方向：子进程写“up”，发 SIGUSR1' },
      short: { en: 'Child writes "up"', zh: '子进程写“up”' },
      say: {
        en: 'Roles swapped over the second segment: the child writes its answer into "up" and sends the parent SIGUSR1.',
        zh: '换到第二个共享内存段，角色对调：子进程把回答写进“up”，给父进程发 SIGUSR1。',
      },
      notice: {
        en: 'The same exchange as step 4 with the roles swapped, as the notes suggest for two-way talk: one segment per direction.',
        zh: '和第 4 步一样的交接（文字写进共享内存段，再发信号），角色互换。这正是笔记建议的双向通信办法：每个方向一个共享内存段。',
      },
      diagram: ANSWER,
      // the child's "up" in its segment, the dump's: whether the Kernel pane saw its bytes change
      // while the step ran decided it by timing (issue 16, fixS)
      resultPane: 'kernel',
      highlight: ['child', 'child->up', 'up', 'child->parent', 'parent'],
      async run(ctx, state) {
        ctx.focus(need(state, 'up'));
        const { problems } = await childDoes(state, 'wrote', 1);
        return [...problems, ...(await awaitSignal(ctx, state, 'SIGUSR1', 1, { en: 'the child has written an answer', zh: '子进程写好了回答' }))];
      },
    },
    {
      id: 'read-answer',
      // the parent's whole turn (wait, read, ack), so the pane opens on it, not on step 8's cleanup below it
      code: ['if ((r = wait_for(SIGUSR1)) != 0) goto out', 'trace("parent", "SIGUSR1 arrived; read \\"%s\\" from up", up)', 'k = kill(child, SIGUSR2)'],
      title: { en: 'Parent reads "up", kill(child, SIGUSR2)', zh: '父进程读“up”，kill(child, SIGUSR2)' },
      short: { en: 'Parent reads "up"', zh: '父进程读“up”' },
      say: {
        en: 'The parent reads the answer and acknowledges it with SIGUSR2, as the child did.',
        zh: '父进程读出回答，并像子进程那样用 SIGUSR2 确认。',
      },
      notice: {
        // the glossary's SIGUSR and pending entries tell the same story (issue 16: "is lost" here, "merges" there)
        en: 'SIGUSR1 says text waits, SIGUSR2 that it was read. Not shown here: a signal sent while one of its kind is pending merges with it.',
        zh: 'SIGUSR1 表示有数据，SIGUSR2 表示已读。这里看不到：同一种信号还待处理时再发一个，两者合并为一个。',
      },
      diagram: ACK,
      highlight: ['up', 'up->parent', 'parent', 'parent->child', 'child'],
      async run(ctx, state) {
        const child = need(state, 'child');
        const got = readText(ctx, need(state, 'upSeg'), 0);
        const problems = got === answerFor(inLang(ctx, MESSAGE)) ? [] : [`the parent read ${JSON.stringify(got)}, not the child's answer`];
        return [...problems, ...(await signalChild(ctx, child, 'SIGUSR2', 'acked'))];
      },
    },
    {
      id: 'finish',
      code: ['if (child > 0) waitpid(child, &ws, 0)', 'if (down != (void *)-1) shmdt(down)', 'if (up != (void *)-1) shmdt(up)'],
      title: { en: 'Both detach; IPC_RMID on both', zh: '双方解除映射，再调用 IPC_RMID' },
      say: {
        // IPC_RMID marks, the kernel frees at the last detach (errata E5): no "deletes" (issue 16)
        // nattch as the pane shows it before the run, 2 (issue 16: "nattch 0" read against the pane's 2)
        en: 'The child detaches and exits; the parent waits, detaches, and marks both segments with IPC_RMID. Both sides detached first, so the kernel frees each at once.',
        zh: '子进程解除映射后退出；父进程等它退出后解除映射，再用 IPC_RMID 把两个共享内存段标记为待删。每段的最后一个映射一解除，内核就释放它：双方先解除了映射，所以立刻释放。',
      },
      notice: {
        // sentences, not the explain lines' words in quotes (issue 16: the zh read as a telegram)
        en: 'Trace: lpid is the child\'s after waitpid (its shmdt came last), the parent\'s after its own shmdt. Child exit 0; nattch 0: both freed.',
        zh: '跟踪：waitpid 后 lpid 是子进程，因为它最后 shmdt；父进程 shmdt 后是父进程。子进程退出码 0；nattch 为 0，两个共享内存段都释放了。',
      },
      traceFocus: ['lpid', 'IPC_RMID'],
      diagram: FINISH,
      highlight: ['child', 'child->kernel', 'kernel', 'down', 'up', 'child->parent', 'parent', 'parent->kernel', 'kernel->gone', 'gone'],
      // the child's end and the segments' are this run's: where it went otherwise, say so
      noticeBy(live) {
        const exit = live.state.child?.exit ?? null;
        const listed = [live.state.down, live.state.up].some((id) => live.segments.some((s) => s.shmid === id));
        if (exit && exit.code === 0 && !exit.signal && !listed) return undefined;
        const how: Text = !exit ? { en: 'has not ended', zh: '还没有结束' } : exit.signal ? { en: `was killed by ${exit.signal}`, zh: `被 ${exit.signal} 杀死` } : { en: `exited with code ${exit.code}`, zh: `以退出码 ${exit.code} 结束` };
        return {
          en: `This run went otherwise: the child ${how.en}${listed ? ', and a segment is still listed' : ''}. The problems below say where; reset (r) to run it again.`,
          zh: `这次运行出了岔子：子进程${how.zh}${listed ? '，还有共享内存段没有删除' : ''}。下面的问题说明了出在哪里；按 r 重置后再运行。`,
        };
      },
      async run(ctx, state) {
        const child = need(state, 'child');
        const down = need(state, 'down');
        const up = need(state, 'up');
        const { problems } = await childDoes(state, 'done');
        if (!problems.length) {
          const exit = await peerEnded(child);
          if (exit.code !== 0) problems.push(`the child ended with ${describeExit(exit)}`);
        }
        for (const id of [down, up]) problems.push(...expectRow(ctx, id, { nattch: 1, lpid: child.pid }));
        explain(ctx, `lpid ${child.pid} (the child), nattch 1 on both: the child's shmdt came last`, `lpid 为 ${child.pid}（子进程），两段的 nattch 都是 1：最近一次 shmdt 是子进程的`);
        for (const name of ['downSeg', 'upSeg'] as const) problems.push(...expectOk(ctx.sys.shmdt(need(state, name))));
        const me = ctx.sys.getpid();
        for (const id of [down, up]) problems.push(...expectRow(ctx, id, { nattch: 0, lpid: me }));
        explain(ctx, `lpid ${me} (the parent), nattch 0 on both: nobody maps them now`, `lpid 为 ${me}（父进程），两段的 nattch 都是 0：现在没有人映射它们`);
        ctx.focus(null);
        for (const id of [down, up]) problems.push(...expectOk(ctx.sys.shmctlRmid(id)));
        showProcesses(ctx, state);
        return problems;
      },
    },
  ],
  checkpoints: {
    attach: {
      question: { en: 'The child has both mapped. The parent attaches: nattch of each?', zh: '子进程已映射两个共享内存段，父进程也来映射：每个段的 nattch 是多少？' },
      choices: NATTCH,
      answer: (live) => choiceOf(NATTCH, liveRow(live, need(live.state, 'down'))?.nattch ?? -1),
      hint: { en: 'Count the processes that have each segment mapped.', zh: '数一数有几个进程映射了每一个共享内存段。' },
      explain: (live) => ({
        en: 'One mapping is the child\'s, one the parent\'s.',
        zh: '子进程一个映射，父进程一个映射。',
      }),
    },
    write: {
      question: { en: 'The parent puts its text in "down" and calls kill(child, SIGUSR1). down\'s row in the Kernel pane then…', zh: '父进程把文字放进“down”，再调用 kill(child, SIGUSR1)。“内核”窗格里 down 那一行随后……' },
      choices: ROW,
      answer: (live) => {
        const before = need(live.state, 'downBefore');
        const after = liveRow(live, need(live.state, 'down'));
        if (after && after.size !== before.size) return 1;
        if (after && after.nattch !== before.nattch) return 2;
        return after && after.lpid === before.lpid ? 0 : -1;
      },
      hint: { en: 'Which of the row\'s columns does a system call change? Is a write to mapped memory one?', zh: '那一行的哪些列由系统调用改变？往映射的内存里写，算系统调用吗？' },
      explain: (live) => {
        const after = liveRow(live, need(live.state, 'down'));
        const before = need(live.state, 'downBefore');
        if (!after || after.size !== before.size || after.nattch !== before.nattch || after.lpid !== before.lpid) return { en: 'This run\'s row changed, as the Kernel pane shows: something other than the write and the kill acted on down.', zh: '这次那一行变了，见“内核”窗格：除了写入和 kill，还有别的操作作用在 down 上。' };
        return {
          en: `nattch ${after.nattch}, lpid ${after.lpid}, as before: the text went in through the parent's mapping, no system call, and ${lastCall(live, 'kill').c} passes a pid and a signal number only.`,
          zh: `nattch ${after.nattch}、lpid ${after.lpid}，和之前一样：文字是通过父进程的映射写进去的，不是系统调用；${lastCall(live, 'kill').c} 也只传了 pid 和信号编号。`,
        };
      },
    },
  },
  check: [
    {
      question: { en: 'Why a signal after writing to the segment?', zh: '为什么写完共享内存段还要发信号？' },
      choices: [
        { en: 'it completes the write', zh: '不发信号写入就没完成', whyNot: { en: 'the text is in the segment as soon as strcpy returns; nothing is left to finish. Memory lacks a way to tell the child.', zh: 'strcpy 一返回，文字就已在共享内存段里，没有什么还要“完成”；内存只是没法通知子进程。' } },
        { en: 'memory cannot say "look now"', zh: '内存本身不会通知对方“现在去看”' },
      ],
      answer: 1,
      explain: { en: 'Shared memory has no wake-up of its own; the signal is the doorbell.', zh: '共享内存不会叫醒谁，信号就是门铃。' },
    },
    {
      question: { en: 'Why two segments here, one for each direction?', zh: '这里为什么用两个共享内存段，一个方向一个段？' },
      choices: [
        { en: 'a reply need not overwrite the message', zh: '这样回复就不会盖掉原来的消息' },
        { en: 'a segment is one-way, like a pipe', zh: '共享内存段像管道一样只能单向传', whyNot: { en: 'both processes map each segment read-write; one could carry both ways, the reply then overwriting the message.', zh: '两个进程都以可读写方式映射每个共享内存段；一个段也能双向传，只是回复会覆盖消息。' } },
      ],
      answer: 0,
      explain: { en: 'In one segment the reply would go into the bytes the message is in. Two keep a message and its reply in different bytes: writing the reply leaves the message there to read.', zh: '只用一个共享内存段，回复就要写进消息所在的字节。用两个段，消息和回复各在各的字节里：写回复不会动到消息，它一直留着可读。' },
    },
    {
      // answerable from this lesson: an exit detaches as shmdt does, and step 8's Trace showed its four
      // (issue 16: "the two shmdt" where the Trace listed four; tests/lessons/call-counts), both
      // segments at nattch 0, detached by both, before IPC_RMID (issue 16: it pointed to the
      // overview's step 6, which a learner starting at this lesson never ran)
      question: { en: 'Both processes exit with no IPC_RMID; an exit detaches, as step 8\'s four shmdt did (two each) before IPC_RMID. ipcs -m then lists…', zh: '假如两个进程不调用 IPC_RMID 就退出。退出会解除映射，如同第 8 步 IPC_RMID 前的四次 shmdt（每个进程两次）。ipcs -m 这时列出……' },
      choices: [
        { en: 'neither segment', zh: '两个共享内存段都不列出', whyNot: { en: 'an exit detaches and nothing more; the kernel frees a segment only after IPC_RMID.', zh: '进程退出只是解除映射；内核要等 IPC_RMID 之后才释放共享内存段。' } },
        { en: 'both segments, nattch 0', zh: '两个共享内存段都在，nattch 为 0' },
      ],
      answer: 1,
      explain: { en: 'Segments outlive the processes that made them; until someone calls IPC_RMID, or the machine restarts, they stay.', zh: '共享内存段比建它的进程活得久；除非有人调用 IPC_RMID 或机器重启，它们一直都在。' },
    },
  ],
});
