// Lesson 8: two unrelated processes meet through an ftok key. A server and a client,
// each a process of its own (the same code as `ipclab serv` and `ipclab clnt`),
// follow the rendezvous protocol (docs/PROTOCOL.md) one stage per step; then ipclab's side
// talks to the C programs of examples/c when a C compiler is installed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatKey } from '../native/index.js';
import { isAttached, peerEnded, peerReached, said, startPeer } from './peer-process.js';
import { wokenText } from '../proto/wakeups.js';
import { describeExit, type PeerExit, type PeerProcess } from '../proto/spawn.js';
import { compileC, hasCc, runC } from './serv-clnt-c.js';
import { expectGone, explain, expectRow, need, privateFolder } from './kit.js';
import { defineLesson } from './define.js';
import type { LiveResult, ProcessInfo, StepContext, Text, TraceEntry, TraceMark } from './types.js';
import type { Lang } from '../lang.js';
import { choice, choiceOf, counts, liveRow } from './checkpoint-kit.js';

const NATTCH = counts('nattch', [1, 2, 3], [
  { en: 'one would be the server alone; the client\'s shmat adds a second mapping.', zh: '1 只是服务端自己；客户端的 shmat 加了第二个映射。' },
  { en: 'this run counted otherwise, as the row shows; two would be one each for server and client.', zh: '这次计数不同，见那一行；2 本是服务端和客户端各一个。' },
  { en: 'three needs a third mapping; only the server and one client have the segment mapped.', zh: '3 需要第三个映射；只有服务端和一个客户端映射着这个共享内存段。' },
]);

/** What the server sends in steps 1-4 and the C programs in steps 5-6, in the learner's
 *  language as the step runs (ctx.lang): data is bytes (docs/PROTOCOL.md), so an English run
 *  shows no Chinese and a Chinese run no English in the client's printed lines. */
const MESSAGES: Record<Lang, readonly [string, string]> = { en: ['hello, client', 'goodbye, client'], zh: ['你好，客户端', '再见，客户端'] };
const CROSS: Record<Lang, Record<'serv' | 'clnt', string>> = {
  en: { clnt: 'from ipclab to C', serv: 'from C to ipclab' },
  zh: { clnt: '从 ipclab 到 C', serv: '从 C 到 ipclab' },
};
const langOf = (ctx: StepContext): Lang => ctx.lang?.() ?? 'en';

/** What rv is, said right after the server's start line and before its trace's memset(rv, …),
 *  the first line to name rv (a newcomer pass: said before the start, it explained an event not
 *  yet shown); only what the step's lines need (memset's 32): the fields one by one are the
 *  glossary's (struct ipclab_rv, magic) and the Kernel pane's; magic's role, set last, the step's
 *  text and its own line say (3 rows at 80x24, not 5: issue 16 item 11, the step's Trace). */
const LAYOUT: Text = {
  en: 'rv, below, is the address the server\'s shmat returns, used as rv.h\'s struct ipclab_rv (C pane: c, then f): eight 4-byte fields, magic first (RV_MAGIC, rv.h\'s 0x4C425631, once ready), flags (1: the last message) and reserved (unused, 0) last, data at byte 32; memset(rv, 0, 32) clears the fields',
  zh: '下面的 rv 是服务端的 shmat 返回的地址，按 rv.h 里的 struct ipclab_rv 使用（C 窗格：c 打开，f 换文件）：8 个各 4 字节的字段，magic 在最前（就绪后为 RV_MAGIC，即 rv.h 定义的 0x4C425631），最后是 flags（1 表示最后一条消息）和 reserved（不用，总是 0），data 从第 32 字节开始；memset(rv, 0, 32) 把这些字段清零',
};
/** the learner paces the steps: the peers wait for as long as the lesson lives */
const PEER_TIMEOUT_S = 3600;
/** a bound on a hang, not a pace (as blocked.ts BLOCK_WAIT_MS): a peer just started may be slow on a loaded machine */
const WAIT_MS = 30_000;

/** Steps 5-6's trace lines that redo steps 1-4's (Step.traceRoutine): the server's setup after its
 *  shmget, the client's checks after its own (IPC_STAT, magic, the compare-and-swap), then the
 *  exchange, each side's signals, the message written and read, the acks and detaches (issue 16
 *  item 11: 31-34 rows from the step's start, its result read only with z). What a step names
 *  stays: the client's shmget, the line that printed the message, IPC_RMID and the exits (its
 *  traceFocus, never folded), the ipcs -m line of a dest. */
const ROUTINE: TraceMark[] = [
  'ftok(', 'shmat(', 'memset(rv', 'rv->server_pid =', 'rv->magic', 'IPC_STAT', 'ds.shm_segsz', '__atomic_compare_exchange_n', { en: 'compare-and-swap: client_pid', zh: '比较并交换：client_pid' },
  'kill(', 'rv->client_pid ==', 'memcpy(rv->data', 'rv->seq ==', 'rv->ack', 'shmdt(',
];
const AS_IN_1_4: Text = { en: 'as in steps 1-4', zh: '同第 1-4 步' };

const C_SERVER: Text = { en: 'C server', zh: 'C 服务端' };
const C_CLIENT: Text = { en: 'C client', zh: 'C 客户端' };
/** ipclab's program on a side: one name from step 1 on, told apart from the C programs of steps
 *  5 and 6 (issue 16: steps 1-4's "服务端 pid 31634" read as the same kind as step 5's "ipclab 服务端
 *  pid 7604"), and numbered, as sem's holders: steps 1-4's pair is the first, steps 5 and 6 start a
 *  second of each, and the Kernel pane's ended line lists them all (issue 16: "server pid 12400,
 *  server pid 11678"). "ipclab server" as the texts say it, short enough for the process list's
 *  16-cell role column ("ipclab's server 1" was cut to "…clab's server 1") */
const IPCLAB_SERVER: Text = { en: 'ipclab server 1', zh: 'ipclab 服务端 1' };
const IPCLAB_CLIENT: Text = { en: 'ipclab client 1', zh: 'ipclab 客户端 1' };
const IPCLAB_SERVER_2: Text = { en: 'ipclab server 2', zh: 'ipclab 服务端 2' };
const IPCLAB_CLIENT_2: Text = { en: 'ipclab client 2', zh: 'ipclab 客户端 2' };

/** How a side's line ends when its 100 ms timer, not the other side's SIGUSR2, showed it the
 *  change (wakeups.ts; rv.h's pause_once prints the same) */
const SEEN_AT_POLL = wokenText('poll').en;
/** Said right under such a line (issue 16: "kill(…, SIGUSR2) = 0", then "rv->ack == 2 (seen at its
 *  100 ms poll)", and nothing said why the signal woke nothing). True of both kinds of side: Node
 *  runs a signal's handler from its event loop, after a timer that came due with it, and rv.h's
 *  sigtimedwait may time out just before the signal is sent; either way the look is made first.
 *  One row at 80 columns: two made serv-clnt 2 taller than the zoomed Trace when the poll came first. */
const WHY_POLL: Text = {
  en: 'why not the signal: the 100 ms timer came first and found it stored',
  zh: '为什么不是信号：100 ms 定时器先到，查看时值已写好',
};
/** WHY_POLL's line an instant after the line it explains, in the trace's time order */
const JUST_AFTER_MS = 0.001;

/** Said once, at the first line of a process whose pid is below one the lesson showed before
 *  (issue 16: serv-clnt 5's pids fell to 302, 333, 335 after 13665 and 28282, and a newcomer was
 *  puzzled): the pids of a busy machine wrap */
function pidsWrap(pid: number, before: number): Text {
  return {
    en: `pid ${pid}, below pid ${before} before it: the kernel hands out pids counting up to a limit, then again from low numbers no process holds`,
    zh: `pid ${pid} 比前面的 pid ${before} 小：内核递增地分配 pid，到上限后再从没有进程占用的小号开始`,
  };
}

/** The lesson's context as the sides get it (startPeer, runC): every line they add is traced as it
 *  is; a line seen at a poll gets WHY_POLL under it, the first line of a pid lower than one
 *  before it pidsWrap, each under the pid of the line it is about (a newcomer read the lesson's pid
 *  there as that process doing something). One per run's context: the peers' end lines keep their order per context
 *  (peer-process.ts endsOf), whichever step started them. */
const watching = new WeakMap<StepContext, StepContext>();
export function sides(ctx: StepContext): StepContext {
  let watched = watching.get(ctx);
  if (!watched) {
    const pids = new Set([process.pid]);
    let wrapped = false;
    const trace = (entry: TraceEntry) => {
      ctx.trace(entry);
      if (entry.type === 'event' && entry.text.en.endsWith(SEEN_AT_POLL)) said(ctx, entry.pid, WHY_POLL, entry.at + JUST_AFTER_MS);
      if (pids.has(entry.pid)) return;
      const highest = Math.max(...pids);
      pids.add(entry.pid);
      if (wrapped || entry.pid > highest) return;
      wrapped = true;
      said(ctx, entry.pid, pidsWrap(entry.pid, highest), entry.at + JUST_AFTER_MS);
    };
    // the rest as it is, its getters too (turn)
    watched = Object.assign(Object.create(ctx) as StepContext, { trace });
    watching.set(ctx, watched);
  }
  return watched;
}

/** What the steps carry: the rendezvous folder, the two peers and the server's segment. */
interface ServClntState {
  dir?: string;
  server?: PeerProcess;
  client?: PeerProcess;
  shmid?: number;
  /** what step 1's server was given to send (MESSAGES in the language then) */
  messages?: readonly string[];
}

/** step 4's notice, kept whole before what lastNotice adds */
const LAST_NOTICE: Text = {
  en: 'Both exited, code 0; the client printed both messages. On that ack the server did shmdt and IPC_RMID: the segment is gone.',
  zh: '双方都以退出码 0 结束，客户端打印了两条消息。服务端收到那个确认后做了 shmdt 和 IPC_RMID：共享内存段已经消失。',
};

/** steps 5 and 6's notices, kept whole before what destNotice adds */
const C_CLIENT_NOTICE: Text = {
  en: 'clnt.c printed the message; both exited 0. Trace: shmget failed till the server came. clnt.c\'s top (c): its path, how to build it.',
  zh: 'clnt.c 打印了消息，双方退出码都是 0。跟踪：服务端来之前 shmget 一直失败。clnt.c 的路径和编译方法：见它开头的注释（按 c）。',
};
const C_SERVER_NOTICE: Text = {
  en: 'The ipclab client printed the C server\'s message; both exited 0. Either side may be any language: they share file, key, layout.',
  zh: 'ipclab 客户端打印出了 C 服务端的消息，双方退出码都是 0。任一方都可以用任何语言来写：双方只共享文件、key 和结构体的布局。',
};

function showProcesses(ctx: StepContext, state: ServClntState): void {
  const list = (['server', 'client'] as const).flatMap((name) => {
    const peer = state[name];
    return peer ? [{ pid: peer.pid, role: name === 'server' ? IPCLAB_SERVER : IPCLAB_CLIENT, attached: isAttached(peer), alive: !peer.exit }] : [];
  });
  ctx.setProcesses(list);
}

/** A private folder for the rendezvous file, removed with the lesson. */
function rendezvous(ctx: StepContext, state: ServClntState): string {
  if (state.dir === undefined) {
    state.dir = privateFolder(ctx, 'ipclab-serv-clnt-');
  }
  return join(need(state, 'dir'), 'rendezvous');
}

function exitedOk(exit: PeerExit, who: string): string[] {
  return exit.code === 0 ? [] : [`the ${who} ended with ${describeExit(exit)}`];
}

/** The shmid the server reported with its fields. */
function serverShmid(server: PeerProcess): number | null {
  const e = server.events.find((x) => x.type === 'fields');
  return e && e.type === 'fields' ? e.shmid : null;
}

/** The texts a client peer received, in order. */
function received(client: PeerProcess): string[] {
  return client.events.flatMap((e) => (e.type === 'message' ? [Buffer.from(e.base64, 'base64').toString('utf8')] : []));
}

export const servClnt = defineLesson<ServClntState>({
  id: 'serv-clnt',
  title: { en: 'server and client — meet by a key', zh: '服务端与客户端——凭 key 会合' },
  intro: {
    // which signal means what, before any step sends one (issue 16: step 3's "look now" ("read it"
    // in lesson 7 …) read as a contradiction, lesson 7's "look now" being SIGUSR1)
    // and the 100 ms look, before any step's Trace can show one (issue 16: step 4's "seen at its 100 ms
    // poll" came after an introduction that named SIGUSR2 alone; step 2's wait can show it already)
    en: 'Programs started apart share only a file and the id \'S\'; a struct in a System V segment does the rest. SIGUSR2 means "look now", both ways; each also looks every 100 ms in case one is lost or early.',
    zh: '分别启动的程序没有共同的变量，只共知一个文件（会合文件）和 id \'S\'；其余都在 System V 共享内存段里的一个结构体中。SIGUSR2 双向都表示“现在去看”；每一方还每 100 ms 自己看一次，以防信号丢了或来早了。',
  },
  outro: {
    en: 'Either side may be any program that follows rv.h (f): its struct fixes every byte. A signal means only what the programs agree: SIGUSR2 meant "read it" in lesson 7 (parent and child), "look now" here.',
    zh: '遵守 rv.h（按 f）的任何程序都能担任任一方：它的结构体规定了每一个字节。信号的含义只由程序约定：SIGUSR2 在第 7 课（父子进程）表示“已读”，在本课表示“现在去看”。',
  },
  diagrams: ['serv-clnt-1', 'serv-clnt-2', 'serv-clnt-3', 'serv-clnt-c1', 'serv-clnt-c2'],
  summary: 'two unrelated processes meet through an `ftok` key, with ipclab\'s and C\'s server and client',
  code: [
    { path: 'serv.c', kind: 'program' },
    { path: 'clnt.c', kind: 'program' },
    // their opening comments say what each function is for; serv.c and clnt.c call them bare
    { path: 'rv.h', kind: 'header', helpers: ['say', 'err_text', 'ret_text', 'now_ms', 'peer_gone', 'wait_signal', 'fail', 'rv_block_signals', 'pause_once', 'rv_default_path', 'parse_timeout'] },
    { path: 'stamp.h', kind: 'header', helpers: ['stamp_ms', 'stamp_now', 'stamp'] },
  ],
  state: () => ({}),
  steps: [
    {
      id: 'server',
      code: 'serv.c: shmid = shmget(key, RV_SIZE, IPC_CREAT | IPC_EXCL | 0600)',
      title: { en: 'The server creates the segment, marks it ready', zh: '服务端建立共享内存段并标记就绪' },
      short: { en: 'Server makes segment', zh: '服务端建共享内存段' },
      // "rendezvous" said in place: a learner who met the word in ftok's trace path gets no New term for it here
      say: {
        en: 'The server makes the rendezvous file (meeting place) and under ftok(file, \'S\')\'s key a segment for struct ipclab_rv. It sets server_pid, then magic last ("ready").',
        zh: '服务端建会合文件（双方约定的会合地点），在 ftok(文件, \'S\') 的 key 下建 4096 字节的共享内存段，即 struct ipclab_rv。它先写 server_pid，最后写 magic（表示“就绪”的数字）。',
      },
      notice: {
        // where to look, and who "sees" it (issue 16: "see it" read as "go and look"); where the
        // trace's flags are (issue 16: its "New terms" named O_WRONLY, IPC_CREAT, IPC_EXCL "in the
        // Trace", whose lines the pane had scrolled past, to magic's)
        // the Trace's lines by what they start with (issue 16: "IPC_EXCL on top" said of what?)
        // the trace's inode and IPC_CREAT named too, as IPC_EXCL is: what lessons 2 and 3 taught, so the
        // "New terms" line counts them with the words of those lessons, not as new here (s36: IPC_CREAT
        // was new at this step while IPC_EXCL was "from lesson 2", and the inode the trace shows was neither)
        en: 'A key from the file\'s inode, not 0: any process with the file finds it. Trace: shmget has IPC_CREAT|IPC_EXCL; rv->magic is set last.',
        zh: 'key 由文件的 inode 算出，不是 0：有这个文件就能找到共享内存段。“跟踪”窗格里：shmget 那行带 IPC_CREAT|IPC_EXCL；rv->magic 最后写入。',
      },
      aside: {
        // said where the process list first shows (issue 16 pass 6: the introduction named it before any list);
        // the trace's open(…) = 22 against C's 3 in words (issue 16: "open: 3 in C, more here" was
        // cryptic); why, the glossary's fd entry says
        en: 'in steps 1-4 ipclab\'s program plays serv.c and clnt.c (open() returns it a higher number than C\'s 3); 5-6 run the C ones. The list\'s "lesson" is the lesson process.',
        zh: '第 1-4 步由 ipclab 的程序做 serv.c、clnt.c 的事（它的 open() 返回的编号比 C 程序的 3 大）；第 5、6 步运行 C 程序。进程列表里的“本课”是本课进程。',
      },
      // shmget's line to magic's fits the Trace's 6 rows at 80x24; open's, one more line up, did not
      // (issue 16 pass 8: magic 5 Downs away): the focus starts at shmget's flags
      traceFocus: ['IPC_CREAT|IPC_EXCL', 'rv->magic'],
      diagram: 'serv-clnt-1',
      highlight: ['server', 'server->shm', 'shm'],
      async run(ctx, state) {
        const path = rendezvous(ctx, state);
        state.messages = MESSAGES[langOf(ctx)];
        const server = startPeer(sides(ctx), { role: 'serv', path, messages: [...state.messages], timeout: PEER_TIMEOUT_S, gated: true }, IPCLAB_SERVER, () => showProcesses(ctx, state));
        // stamped now, after the start line's stamp and before the server's own first line (a
        // process that has yet to boot): between the server's start and its memset(rv, …)
        explain(ctx, LAYOUT.en, LAYOUT.zh);
        state.server = server;
        const problems = await peerReached(server, 'ready', undefined, WAIT_MS);
        const shmid = serverShmid(server);
        if (problems.length || shmid === null) return problems.length ? problems : ['the server did not report its segment'];
        state.shmid = shmid;
        ctx.focus(shmid);
        showProcesses(ctx, state);
        const key = ctx.sys.ftok(path, 'S'.charCodeAt(0));
        // the lesson process is neither side: it computes the key only to show it, the call's line
        // just above giving it (one row at 80x24: issue 16 item 11)
        explain(ctx, 'the lesson process, neither side, gets the same key from the file', '本课进程（不是任何一方）从这个文件得到同一个 key');
        return expectRow(ctx, shmid, { nattch: 1, lpid: server.pid, perms: '600', size: 4096, key: formatKey(key.ret as number) });
      },
    },
    {
      id: 'client',
      code: 'clnt.c: __atomic_compare_exchange_n(&rv->client_pid',
      title: { en: 'Client: read server_pid, claim client_pid, SIGUSR2', zh: '客户端：读 server_pid，占用 client_pid，发 SIGUSR2' },
      short: { en: 'Client: server_pid, claim client_pid', zh: '客户端：读 server_pid，占用 client_pid' },
      say: {
        en: 'The client opens it with shmget(key, 0, 0) (size 0: it makes none), maps it, checks magic, reads server_pid, claims client_pid if 0 (compare-and-swap), sends SIGUSR2 ("look now").',
        zh: '客户端凭 key 打开共享内存段：shmget(key, 0, 0) 只打开，所以大小给 0。它映射这个段，检查 magic，读 server_pid，用比较并交换占用 client_pid（仍为 0 才写入），发 SIGUSR2（“现在去看”）。',
      },
      // only what this step shows (issue 16: poll, named pipe, FIFO came with shm_segsz and
      // __ATOMIC_SEQ_CST, five new terms at once): the poll is the introduction's, how a line ends step 3's; the
      // FIFO stays, erratum E3's word where a key is seen found live. Each new term said in a few
      // words (issue 16: named pipe, FIFO, shm_segsz, __ATOMIC_SEQ_CST unexplained, at once): FIFO
      // without its other name, __ATOMIC_SEQ_CST by what it asks; shm_segsz's line says it in words
      // ("room for struct ipclab_rv"); the claim and the wake-up the lines say in words too
      notice: {
        // (issue 16 item 8: "as a FIFO ... is by path" read as the segment being a FIFO)
        en: 'Found by key alone; a FIFO (a pipe with a path) is found by path. Trace: __ATOMIC_SEQ_CST asks for strict memory order.',
        zh: '客户端只凭 key 就找到了共享内存段，就像程序凭路径找到 FIFO（有路径的管道）。跟踪：__ATOMIC_SEQ_CST 要求最严格的内存顺序。',
      },
      // the notice's lines: the compare-and-swap (its __ATOMIC_SEQ_CST just above) said plainly, the SIGUSR2, the server woken
      traceFocus: [{ en: 'compare-and-swap: client_pid', zh: '比较并交换：client_pid' }, 'rv->client_pid =='],
      diagram: 'serv-clnt-2',
      // the Trace: the notice's __ATOMIC_SEQ_CST and the compare-and-swap are only there (issue 16
      // pass 10: the Kernel was shown, declared for the question's nattch, fixS)
      resultPane: 'trace',
      highlight: ['client', 'shm', 'shm->client', 'client->shm', 'client->server', 'server'],
      async run(ctx, state) {
        const server = need(state, 'server');
        const client = startPeer(sides(ctx), { role: 'clnt', path: rendezvous(ctx, state), timeout: PEER_TIMEOUT_S }, IPCLAB_CLIENT, () => showProcesses(ctx, state));
        state.client = client;
        const problems = [...(await peerReached(client, 'joined', undefined, WAIT_MS)), ...(await peerReached(server, 'joined', undefined, WAIT_MS))];
        showProcesses(ctx, state);
        return problems.length ? problems : expectRow(ctx, need(state, 'shmid'), { nattch: 2, lpid: client.pid });
      },
    },
    {
      id: 'message',
      code: 'serv.c: memcpy(rv->data, messages[i], len + 1)',
      title: { en: 'Server writes message 1, SIGUSR2; client acks', zh: '服务端写第 1 条消息并发 SIGUSR2；客户端确认' },
      short: { en: 'Message 1, SIGUSR2; client acks', zh: '写第 1 条消息并发 SIGUSR2；客户端确认' },
      say: {
        // each field's meaning said here, where first used (issue 16: "last seq" read as "the last seq")
        // flags' 1 said where flags first shows (issue 16: steps 4-6's "flags = 1" never said "last")
        en: 'The server writes data (the text), len, flags (1 if last), then, last of all, `seq = ack + 1`, and sends SIGUSR2. The client sees seq pass ack, prints data, sets `ack = seq`, sends SIGUSR2 back.',
        zh: '服务端写入 data（文字）、len、flags（为 1 表示最后一条），最后才写 `seq = ack + 1`（消息编号），再发 SIGUSR2。客户端看到 seq 超过 ack，打印 data，令 `ack = seq`，再发 SIGUSR2 回去。',
      },
      // what the trace shows when kill() = 0 is followed by "seen at its 100 ms poll" (issue 16 pass 10:
      // read as the doorbell failing): the signal came, the poll had read first; which call and which
      // way (issue 16 pass 11: "its call" named neither). Why a poll at all
      // (signals of one kind merge) is the glossary's pending and poll, and check 2's
      // every way a waiting side's line ends (wakeups.ts wokenText; issue 16: the server's "already
      // set when it looked" was left unsaid); the aside says why a poll may win over a signal sent
      notice: {
        en: 'A waiter\'s line says how it saw the change: woken by SIGUSR2, seen at its 100 ms poll, or already set when it looked (no wait).',
        zh: '等待的一方在它那行写明怎么看到变化：被 SIGUSR2 唤醒、在每 100 ms 一次的轮询中看到，或查看时已经写好（无需等待）。',
      },
      aside: {
        // issue 16: "only between other work … finds nothing new to read" made no sense to a newcomer
        en: 'both sides run Node.js, which runs a signal\'s handler after the work at hand. If that was the 100 ms look, it saw the new value first; the signal had nothing new.',
        zh: '双方是 Node.js 程序，信号不会打断手头的事，处理函数等它做完才运行。如果手头正是 100 ms 的那次查看，它已先看到新值，信号就没有新东西可报了。',
      },
      diagram: 'serv-clnt-3',
      highlight: ['server', 'server->shm', 'shm', 'shm->client', 'server->client', 'client', 'client->shm', 'client->server'],
      async run(ctx, state) {
        const server = need(state, 'server');
        server.go();
        return [...(await peerReached(server, 'acked', 1, WAIT_MS)), ...(await peerReached(need(state, 'client'), 'received', 1, WAIT_MS))];
      },
    },
    {
      id: 'last',
      code: 'clnt.c: if (flags & RV_LAST) break',
      title: { en: 'The last message; both leave', zh: '最后一条消息；双方退出' },
      say: {
        en: 'Message 2, flagged last (flags = 1): the client prints it, acks, detaches, exits. On that ack the server detaches, calls IPC_RMID, exits.',
        zh: '第 2 条消息标明是最后一条（flags = 1）：客户端打印、确认、解除映射、退出。服务端收到确认就解除映射、调用 IPC_RMID、退出。',
      },
      notice: LAST_NOTICE,
      noticeBy: lastNotice,
      // the end the notice speaks of, as steps 5-6's: IPC_RMID and both exits, the shmdt lines just
      // above (the part's first rows, message 2 sent and printed, stood in view without them); each
      // side's shmdt too took 6-7 rows, over the 5 the Trace has at 80x24 zh
      traceFocus: ['IPC_RMID', { en: 'exited with code', zh: '退出码' }],
      diagram: 'serv-clnt-3',
      // message 2 goes as message 1 did (ack and SIGUSR2 back too); then the end the trace shows,
      // each side's shmdt and exit, the server's IPC_RMID and the segment freed: lit here, so the
      // Flow changes from step 3's (issue 16: it lit a part of step 3's, nothing new)
      highlight: ['server', 'server->shm', 'shm', 'shm->client', 'server->client', 'client', 'client->shm', 'client->server', 'server->freed', 'client->freed', 'freed'],
      async run(ctx, state) {
        const server = need(state, 'server');
        const client = need(state, 'client');
        const shmid = need(state, 'shmid');
        server.go();
        const [sExit, cExit] = await Promise.all([peerEnded(server), peerEnded(client)]);
        ctx.focus(null);
        ctx.setDecoded?.(null);
        showProcesses(ctx, state);
        const problems = [...exitedOk(sExit, 'server'), ...exitedOk(cExit, 'client')];
        const got = received(client);
        const sent = need(state, 'messages');
        if (JSON.stringify(got) !== JSON.stringify(sent)) problems.push(`the client received ${JSON.stringify(got)}, not ${JSON.stringify(sent)}`);
        else {
          const bytes = Buffer.byteLength(sent[1]);
          explain(ctx, `"${sent[1]}": ${bytes} bytes of UTF-8, passed through the segment unchanged`, `"${sent[1]}"：${bytes} 字节 UTF-8，原样穿过了共享内存`);
        }
        return [...problems, ...expectGone(ctx, shmid)];
      },
    },
    {
      id: 'c-client',
      code: 'rv.h: struct ipclab_rv {',
      title: { en: 'The ipclab server against the C client', zh: 'ipclab 服务端对接 C 客户端' },
      // the step list at 80x24 cut the title ("ipclab's server against the C client …", issue 16)
      short: { en: 'ipclab server, C client', zh: 'ipclab 服务端对 C 客户端' },
      say: {
        // ftok in each try, which is why the Trace shows it twice (issue 16: the folded run's second ftok
        // read as unexplained); what this run's tries give, as the Trace shows them: step 1's file is still
        // there ("step 1's rendezvous file stays"), so one key; the notice says shmget failed till the
        // server came (s36: "a new file: a new key" had a learner expect another key, or a failing ftok)
        en: 'The C client clnt.c (C pane: c, then f), built by the compiler cc, starts first. Every 100 ms it calls ftok (step 1\'s file: the same key) and shmget(key, 0, 0) till it finds a segment.',
        zh: 'C 客户端 clnt.c（C 窗格：c 打开，f 换文件）由编译器 cc 编译，先于 ipclab 服务端启动。它每 100 ms 调用 ftok（第 1 步的文件还在，key 不变）和 shmget(key, 0, 0)，直到找到共享内存段。',
      },
      notice: C_CLIENT_NOTICE,
      // why a "server" process appears where ipclab plays the server (issue 16); what `ipclab serv`
      // is, a command clnt.c's top names (issue 16 pass 10)
      aside: {
        en: 'the ipclab server is the command ipclab serv (its client: ipclab clnt; more: ipclab help serv), a process of its own as in steps 1-4. The lesson process watches.',
        zh: 'ipclab 服务端就是命令 ipclab serv（ipclab 客户端是 ipclab clnt；详见 ipclab help serv），和第 1-4 步一样是单独的进程。本课进程只旁观。',
      },
      // the exchange's end, which fits the Trace's 5 rows at 80x24: the detaches, IPC_RMID (destNotice
      // speaks of its order with the client's shmdt) and both exits; the message printed, above
      // them, is said in the notice (issue 16 pass 8: 3 Downs to the IPC_RMID and shmdt lines)
      traceFocus: ['IPC_RMID', { en: 'exited with code', zh: '退出码' }],
      // what steps 1-4 showed line by line, one line per run of a side's: the C client's retried
      // shmget and its found one stay (issue 16: 47 lines from the step's start to its result)
      traceRoutine: { like: AS_IN_1_4, lines: [...ROUTINE, 'IPC_CREAT|IPC_EXCL'] },
      diagram: 'serv-clnt-c1',
      highlight: ['server', 'server->shm', 'shm', 'shm->client', 'server->client', 'client', 'client->shm', 'client->server'],
      noticeBy: destNotice(C_CLIENT_NOTICE),
      async run(ctx, state) {
        const cc = hasCc();
        // no commands to run it by hand here: with the checkout's paths and npm they were no
        // part of the exchange (issue 16); the notice says how to try it
        if (!cc) explain(ctx, 'cc is not installed here, so no C client ran: install gcc (or clang) and reset (r) to see it join.', '这台机器没有安装 cc，所以没有运行 C 客户端：安装 gcc（或 clang）后按 r 重置，就能看到它加入。');
        return cc ? await crossRun(ctx, state, 'clnt') : [];
      },
    },
    {
      id: 'c-server',
      code: 'serv.c: STORE(rv->magic, RV_MAGIC)',
      title: { en: 'The C server against the ipclab client', zh: 'C 服务端对接 ipclab 客户端' },
      short: { en: 'C server, ipclab client', zh: 'C 服务端对 ipclab 客户端' },
      say: {
        en: 'And the reverse: the C server serv.c (the C pane\'s first file, c) creates the segment and sends; the ipclab client receives. Without cc this step only explains.',
        zh: '反过来：C 服务端 serv.c（C 窗格的第一个文件，按 c）创建共享内存段并发送，ipclab 的客户端接收。没有 cc 时这一步只做说明。',
      },
      notice: C_SERVER_NOTICE,
      // the exchange is the result: the notice's "key" is no figure to look up, though the
      // Kernel pane lists the C server's segment (result-pane.ts rule 0)
      resultPane: 'trace',
      // as step 5's: the exchange's end in view
      traceFocus: ['IPC_RMID', { en: 'exited with code', zh: '退出码' }],
      // as step 5's, but the C server's shmget, which makes the segment this step is about, stays
      traceRoutine: { like: AS_IN_1_4, lines: [...ROUTINE, ', 0, 0) = ', 'expected = 0'] },
      aside: {
        en: 'here the server is serv.c, built by cc. In steps 1-4 both sides were ipclab\'s Node.js code, which calls the same C functions.',
        zh: '这一步的服务端是 cc 编译的 serv.c。第 1-4 步的双方都是 ipclab 的 Node.js 代码，调用的是同样的 C 函数。',
      },
      // the same exchange again, by the C server and the ipclab client
      diagram: 'serv-clnt-c2',
      noticeBy: destNotice(C_SERVER_NOTICE),
      highlight: ['server', 'server->shm', 'shm', 'shm->client', 'server->client', 'client', 'client->shm', 'client->server'],
      async run(ctx, state) {
        if (!hasCc()) {
          explain(ctx, 'cc is not installed here: install gcc (or clang) to run serv.c, the C pane\'s first file.', '这台机器没有安装 cc：安装 gcc（或 clang）后即可运行 C 窗格的第一个文件 serv.c。');
          return [];
        }
        return crossRun(ctx, state, 'serv');
      },
    },
  ],
  checkpoints: {
    server: {
      question: {
        en: 'Then a client calls shmget(ftok(file, \'S\'), 0, 0). It gets…',
        zh: '之后客户端调用 shmget(ftok(文件, \'S\'), 0, 0)，得到……',
      },
      choices: [
        { en: 'that segment', zh: '那个共享内存段', whyNot: { en: 'this run\'s segment shows key 0, which no key finds, so shmget would fail.', zh: '这次的共享内存段显示 key 0，凭 key 找不到它，shmget 会失败。' } },
        { en: 'a failure', zh: '失败', whyNot: { en: 'that is before a server made the segment; ftok gives every process the same key for the same file and id.', zh: '那是服务端建共享内存段之前的情形；同一个文件和 id，ftok 给每个进程的 key 都一样。' } },
        { en: 'a new segment', zh: '一个新的共享内存段', whyNot: { en: 'without IPC_CREAT, shmget never makes a segment; it finds one or fails.', zh: '没有 IPC_CREAT，shmget 从不新建共享内存段，要么找到，要么失败。' } },
      ],
      // the key the server's row shows: non-zero, ftok's, which any process with the file computes
      answer: (live) => (liveRow(live, need(live.state, 'shmid'))?.key === '0x00000000' ? 1 : 0),
      hint: { en: 'What does ftok\'s key depend on? Would a client\'s ftok, on the same file and \'S\', give the server\'s key?', zh: 'ftok 算出的 key 取决于什么？客户端对同一个文件和 \'S\' 调用 ftok，得到的会是服务端用的那个 key 吗？' },
      // what step 1 shows (the server's row, the lesson's own ftok in the trace); no client has run yet
      explain: (live) => {
        const key = liveRow(live, need(live.state, 'shmid'))?.key;
        const shmid = need(live.state, 'shmid');
        return {
          en: `Key ${key}: ftok gives it to any process for this file and 'S'. A client's shmget(${key}, 0, 0) finds shmid ${shmid} (step 2).`,
          zh: `key ${key}：任何进程对这个文件和 'S' 调用 ftok 都得到它。客户端的 shmget(${key}, 0, 0) 会找到 shmid ${shmid}（第 2 步）。`,
        };
      },
    },
    client: {
      question: { en: 'The client attaches. What will nattch be?', zh: '客户端映射之后，nattch 是多少？' },
      choices: NATTCH,
      answer: (live) => choiceOf(NATTCH, liveRow(live, need(live.state, 'shmid'))?.nattch ?? -1),
      hint: { en: 'Count the processes that map it now. The lesson process maps none.', zh: '数一数现在映射着它的进程。本课进程没有映射任何共享内存段。' },
      explain: (live) => ({
        en: 'One mapping each, the server\'s and the client\'s.',
        zh: '服务端和客户端各一个映射。',
      }),
    },
    last: {
      // dest said in the question, so the "New terms" line shows it before the answer (newcomers, fix26a#2);
      // as a condition, true whichever side detached first (issue 16 item 8: the run may show no dest)
      question: { en: 'The server calls IPC_RMID; were the client still mapping it, ipcs\'s status would be dest. Once both have exited, ipcs -m shows…', zh: '服务端调用 IPC_RMID；如果那时客户端还映射着它，ipcs 的 status 列会显示 dest。双方都退出之后，ipcs -m 显示……' },
      choices: [
        { en: 'no row', zh: '没有它那一行', whyNot: { en: 'this run it stayed, so the kernel did not free it at the last detach.', zh: '这次它留下了，说明内核没有在最后一次解除映射时释放它。' } },
        { en: 'its row, dest', zh: '它那一行，dest', whyNot: { en: 'that is while some process still maps it; an exit detaches, so at the last exit the kernel freed it.', zh: '那是还有进程映射着它的时候；进程退出会解除映射，所以最后一个进程退出时内核释放了它。' } },
        { en: 'its row, unchanged', zh: '它那一行，状态不变', whyNot: { en: 'IPC_RMID was called; a removed segment stays only while some process maps it.', zh: '服务端调用了 IPC_RMID；删除了的共享内存段只在还有进程映射它时才留着。' } },
      ],
      answer: (live) => {
        const row = liveRow(live, need(live.state, 'shmid'));
        return row ? (row.status.includes('dest') ? 1 : 2) : 0;
      },
      hint: { en: 'IPC_RMID frees a segment nobody maps at once, else at its last detach; an exit detaches.', zh: 'IPC_RMID：没有进程映射的共享内存段立即释放，否则在最后一次解除映射时释放；进程退出也会解除映射。' },
      explain: (live) => {
        const row = liveRow(live, need(live.state, 'shmid'));
        if (!row) return { en: 'Gone: after IPC_RMID the kernel frees the segment as soon as no process maps it. Both sides exited, and an exit detaches, so nothing maps it now.', zh: '不见了：调用 IPC_RMID 之后，一旦没有进程映射这个共享内存段，内核就释放它。双方都已退出，退出会解除映射，所以现在没有进程映射它。' };
        return row.status.includes('dest')
          ? { en: `Still there, status dest: nattch ${row.nattch}, some process still maps it.`, zh: `还在，状态 dest：nattch 为 ${row.nattch}，还有进程映射着它。` }
          : { en: 'Still there: this run the server did not remove it.', zh: '还在：这次服务端没有删除它。' };
      },
    },
  },
  check: [
    {
      question: { en: 'A server writes magic first, then server_pid. A client that checks the segment between the two writes…', zh: '假如服务端先写 magic，再写 server_pid。客户端恰好在两次写之间检查共享内存段，它会……' },
      choices: [
        { en: 'takes server_pid 0 for the server\'s pid', zh: '把 0 当成服务端的 pid' },
        { en: 'waits, seeing no magic yet', zh: '看不到 magic，于是等待', whyNot: { en: 'in this order magic is already there; the client believes it and reads a server_pid not yet written.', zh: '按这个顺序，magic 已经写好了；客户端信了它，去读还没写的 server_pid。' } },
      ],
      answer: 0,
      explain: {
        // STORE and LOAD (plain stores may be reordered) are said in the glossary's magic entry,
        // not here: the lesson's texts before this answer never show them (newcomers, fix26a#1)
        en: 'Written first, it says "ready" while server_pid is still 0. So the server writes it last, after every field it vouches for.',
        zh: 'magic 先写，server_pid 还是 0 时就宣布了“就绪”。所以服务端最后才写它，在它担保的每个字段都写好之后。',
      },
    },
    {
      // not "what does the client wait for", which step 3's say answers (nc, fix28a#5): what follows from it
      question: { en: 'The server writes a message, but its SIGUSR2 merges with one still pending and the client gets no new signal. That message…', zh: '服务端写了一条消息，但它的 SIGUSR2 与一个尚待处理的合并了，客户端没有收到新的信号。这条消息……' },
      choices: [
        { en: 'waits unread until another SIGUSR2 comes', zh: '一直没人读，直到再来一个 SIGUSR2', whyNot: { en: 'the client also looks every 100 ms (rv.h, C pane); it reads when it sees seq past ack, signal or not.', zh: '客户端还每 100 ms 看一次（见 C 窗格的 rv.h）；只要看到 seq 超过 ack 就读，不管有没有信号。' } },
        { en: 'is read when the client next looks anyway', zh: '客户端下次照常去看时读到' },
      ],
      answer: 1,
      explain: { en: 'The fields are the truth; the signal only says "look now".', zh: '字段才是依据，信号只是说“现在去看”。' },
    },
    {
      question: { en: 'The client is rebuilt with seq and ack swapped in its struct ipclab_rv; the server keeps the old one. The client then…', zh: '客户端重新编译时，struct ipclab_rv 里 seq 和 ack 的偏移对调了；服务端还用原来的结构体。这时客户端……' },
      choices: [
        { en: 'reads seq as ack and ack as seq', zh: '把 seq 读成 ack，把 ack 读成 seq' },
        { en: 'reads each field as before', zh: '照常读到每个字段', whyNot: { en: 'names live only in each program\'s source; in the segment a field is 4 bytes at an offset.', zh: '名字只在各自的源代码里；在共享内存段里，字段就是某个偏移处的 4 个字节。' } },
      ],
      answer: 0,
      explain: { en: 'The segment holds bytes, not names: each side finds a field at the offset its own copy of the struct gives, so both must use one layout.', zh: '共享内存段里只有字节，没有名字：每一方按自己那份结构体给的偏移找字段，所以双方必须用同一个布局。' },
    },
  ],
});

/** Which came first in the step's trace, the server's IPC_RMID or the other side's shmdt:
 *  'dest' when IPC_RMID did (the segment was removed while still mapped, until that shmdt),
 *  'freed' when the shmdt did (IPC_RMID found it unmapped and freed it at once); null when
 *  the trace holds no IPC_RMID, or no shmdt of the other side. */
function detachOrder(live: LiveResult<ServClntState>): 'dest' | 'freed' | null {
  const calls = live.entries.flatMap((e) => (e.type === 'call' && e.errno === null ? [e] : []));
  const rmid = calls.findIndex((c) => c.call === 'shmctl' && c.c.includes('IPC_RMID'));
  if (rmid < 0) return null;
  const server = calls[rmid]!.pid;
  const other = (c: (typeof calls)[number]) => c.call === 'shmdt' && c.pid !== server;
  if (calls.slice(rmid + 1).some(other)) return 'dest';
  return calls.slice(0, rmid).some(other) ? 'freed' : null;
}

/** Step 4's notice and what this run's order showed: the Kernel pane cannot show a dest that
 *  lasts from one call to the next, so the text says which order came and what it meant, in
 *  the calls the Trace shows (issue 16: "status dest", "no time as dest" named what no pane showed). */
function lastNotice(live: LiveResult<ServClntState>): Text | undefined {
  const order = detachOrder(live);
  if (order === 'dest') {
    return {
      en: `${LAST_NOTICE.en} This run IPC_RMID came before the client's shmdt: still mapped, it was dest until that shmdt freed it (Trace).`,
      zh: `${LAST_NOTICE.zh}这一次 IPC_RMID 在客户端的 shmdt 之前：它仍被映射，是 dest，到那次 shmdt 才释放（见跟踪）。`,
    };
  }
  if (order === 'freed') {
    return {
      en: `${LAST_NOTICE.en} This run the client detached first, so IPC_RMID freed it at once, never dest (Trace).`,
      zh: `${LAST_NOTICE.zh}这一次客户端先解除了映射，所以 IPC_RMID 立即释放了它，从没有 dest（见跟踪）。`,
    };
  }
  return undefined;
}

/** A cross run's notice, `notice` and then, when its trace shows the server's IPC_RMID before
 *  the client's shmdt, what the kernel did then: the segment stayed, dest and still mapped, until
 *  that shmdt freed it. The ipclab client reads its row just before its shmdt (client.ts cleanup)
 *  and the Trace shows it with status dest (issue 16: the quiz named dest and no pane showed it);
 *  where its read came before the IPC_RMID, no line shows dest, and the notice says so. Said by
 *  the Trace, the pane shown after the run. Undefined, the fixed notice, otherwise. */
function destNotice(notice: Text): (live: LiveResult<ServClntState>) => Text | undefined {
  return (live) => {
    if (detachOrder(live) !== 'dest') return undefined;
    const shown = live.entries.some((e) => e.type === 'event' && /status dest/.test(e.text.en));
    return shown
      ? {
          // the line is the client's • note of its row (client.ts cleanup), no $ command (issue 16)
          en: `${notice.en} This run IPC_RMID came before the client's shmdt: the client's • line just before it shows the segment's row dest, still mapped, until that shmdt freed it.`,
          zh: `${notice.zh}这一次 IPC_RMID 在客户端的 shmdt 之前：客户端 shmdt 前那行 • 显示共享内存段那一行为 dest，仍被映射，到那次 shmdt 才释放。`,
        }
      : {
          en: `${notice.en} This run IPC_RMID came before the client's shmdt (Trace), but after the client's last look at its row: dest till that shmdt, no line shows it.`,
          zh: `${notice.zh}这一次 IPC_RMID 在客户端的 shmdt 之前（见跟踪），但在客户端最后一次查看那一行之后：到那次 shmdt 前它是 dest，没有哪一行显示出来。`,
        };
  };
}

/** One exchange with a C program on `cSide` and ipclab's code on the other side. */
async function crossRun(ctx: StepContext, state: ServClntState, cSide: 'serv' | 'clnt'): Promise<string[]> {
  const dir = need(state, 'dir');
  const path = rendezvous(ctx, state);
  // the file step 1's server made stays, as a rendezvous file should: both sides meet on it again
  // (one row: its path is in the C program's --path just below)
  explain(
    ctx,
    existsSync(path) ? 'step 1\'s rendezvous file stays: both sides find it again' : `no rendezvous file yet at ${path}: the server makes it, open(…, O_CREAT|O_EXCL)`,
    existsSync(path) ? '第 1 步的会合文件还在：双方再次凭它会合' : `${path} 还没有会合文件：由服务端用 open(…, O_CREAT|O_EXCL) 建立`,
  );
  const built = await compileC(ctx, cSide, dir);
  if (built.problems.length) return built.problems;
  const message = CROSS[langOf(ctx)][cSide];
  const args = ['--path', path, '--timeout', '10'];
  // the process list shows this exchange's pair, the C program and ipclab's side
  let peer: PeerProcess | null = null;
  const show = () => {
    const list: ProcessInfo[] = [{ pid: c.pid, role: cSide === 'serv' ? C_SERVER : C_CLIENT, attached: c.attached(), alive: c.alive() }];
    if (peer) list.push({ pid: peer.pid, role: cSide === 'serv' ? IPCLAB_CLIENT_2 : IPCLAB_SERVER_2, attached: isAttached(peer), alive: !peer.exit });
    ctx.setProcesses(list);
  };
  const c = runC(sides(ctx), built.bin, cSide === 'serv' ? [...args, '--message', message] : args, cSide === 'serv' ? C_SERVER : C_CLIENT, show);
  peer = startPeer(
    sides(ctx),
    cSide === 'serv' ? { role: 'clnt', path, timeout: 10 } : { role: 'serv', path, messages: [message], timeout: 10, gated: false },
    cSide === 'serv' ? IPCLAB_CLIENT_2 : IPCLAB_SERVER_2,
    show,
  );
  show();
  const [cExit, pExit] = await Promise.all([c.exited, peerEnded(peer)]);
  show();
  const problems = [...exitedOk(cExit, `C ${cSide}`), ...exitedOk(pExit, cSide === 'serv' ? 'ipclab client' : 'ipclab server')];
  const got = cSide === 'clnt' ? c.lines : received(peer);
  if (JSON.stringify(got) !== JSON.stringify([message])) problems.push(`the ${cSide === 'clnt' ? 'C client' : 'ipclab client'} received ${JSON.stringify(got)}`);
  return problems;
}
