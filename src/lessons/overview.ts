// Lesson 1: IPC objects live in the kernel. Create a segment, see it with the real
// ipcs beside ipclab's own view, use it from two mappings, remove it with the real ipcrm.
import type { Segment } from '../native/index.js';
import { attach, createPrivate, expectOk, expectRow, explain, inLang, ipcsLine, need, readText, row, writeText } from './kit.js';
import { defineLesson } from './define.js';
import type { StepContext, Text } from './types.js';
import { OUR_ROW } from './types.js';
import type { Lang } from '../lang.js';
import { choice, choiceOf, counts, liveRow } from './checkpoint-kit.js';
import { OTHERS_ROWS, withOthers } from './others-rows.js';

const NATTCH = counts('nattch', [1, 2, 3], [
  { en: 'one mapping would be A alone; A is still attached when B attaches, so both count.', zh: '只有 A 单独映射时才是 1；B 映射时 A 还没解除，所以两个都算。' },
  { en: 'that counts A and B once each; this time the kernel counted one more, or one was already gone.', zh: '那是 A 和 B 各算一次；这次内核多算了一个，或者少了一个。' },
  { en: 'a third mapping needs a third shmat; A and B made one each, and ipcs attaches nothing.', zh: '第三个映射需要第三次 shmat；A 和 B 各映射一次，ipcs 本身不映射。' },
]);

/** nattch right after shmget: what no screen shows before the call (others' rows say nothing of a new one) */
const MADE_NATTCH = counts('nattch', [0, 1, 2], [
  { en: 'shmget maps nothing; a mapping here would be another process\'s shmat.', zh: 'shmget 不做映射；这里若有映射，只能来自别的进程的 shmat。' },
  { en: 'shmget only makes the segment; mapping it is shmat\'s, a later call (step 4).', zh: 'shmget 只建共享内存段；映射是 shmat 的事，是之后的调用（第 4 步）。' },
  { en: 'the kernel keeps the segment but maps it nowhere; nattch counts shmat\'s mappings only.', zh: '内核保管这个共享内存段，但不映射它；nattch 只数 shmat 建的映射。' },
]);

const LIFECYCLE = 'overview-lifecycle';
/** what A writes, in the learner's language as the step runs (inLang): an English run shows
 *  no Chinese and a Chinese run no English */
const HELLO: Record<Lang, string> = { en: 'hello', zh: '你好' };

/** Runs `ipcs -m` and checks what it says about the segment against the kernel's row. */
async function ipcsAgrees(ctx: StepContext, shmid: number, listed: boolean): Promise<string[]> {
  const { text, exitCode } = await ctx.exec('ipcs', ['-m']);
  if (exitCode === null) return [];
  if (exitCode !== 0) return [`ipcs -m exited with ${exitCode}`];
  const line = ipcsLine(text, shmid);
  if (!listed) return line ? [`ipcs -m still lists shmid ${shmid}`] : [];
  const seg = row(ctx, shmid);
  if (!line || !seg) return [`ipcs -m does not list shmid ${shmid}`];
  const [key, , , perms, bytes, nattch] = line;
  const theirs = { key, perms, size: Number(bytes), nattch: Number(nattch) };
  const ours = { key: seg.key, perms: seg.perms, size: seg.size, nattch: seg.nattch };
  return JSON.stringify(theirs) === JSON.stringify(ours) ? [] : [`ipcs -m says ${JSON.stringify(theirs)}, ipclab read ${JSON.stringify(ours)}`];
}

// the notices of the steps that run ipcs -m, which a shared machine's others' rows are added to
const SAME_ROW: Text = {
  en: 'ipcs -m\'s ● row (Trace) is the segment ipclab read: the same key, shmid, perms, bytes, nattch 0. ● this lesson\'s, ○ an earlier one\'s.',
  zh: '“跟踪”窗格里 ipcs -m 带 ● 的行就是 ipclab 读到的共享内存段：key、shmid、权限、bytes 相同，nattch 为 0。● 是本课的，○ 是之前的。',
};
// freed at once because nothing mapped it (said without nattch, the Kernel pane's: the Trace is
// on show): the errata (e) list "IPC_RMID deletes the object" as the notes' mistake
// said as the Trace shows it (ipcs -m lists no row of it); the Kernel pane's "-" row, shown once,
// its legend says (naming that pane here, with the Trace on show, sent the learner away)
const ROW_GONE: Text = {
  en: 'ipcs -m lists no ● row now. IPC_RMID marked the segment; nothing had it mapped, so the kernel freed it at once.',
  zh: 'ipcs -m 不再列出带 ● 的行。IPC_RMID 把这个共享内存段标记为待删；没有进程映射着它，内核就立刻释放了它。',
};

/** What the kernel held at step 1, by kind: all rows, and how many of them ipclab made. */
interface Held {
  shm: { all: number; ours: number };
  msg: { all: number; ours: number };
  sem: { all: number; ours: number };
}

// after the run the Trace shows `ipcs -m` from its command line (traceFocus); -q's and -s's rows
// are below it, so the notice says what they hold rather than send the learner scrolling (issue 16)
const OWNER: Text = { en: 'ipcs -m\'s rows are in the Trace; owner is the user a row belongs to.', zh: 'ipcs -m 列出的行在“跟踪”窗格里；owner 是这一行所属的用户。' };

/** Step 1's notice for what this machine holds: only headers on an empty one, else the
 *  others' rows counted (the machine is not the learner's alone). */
function heldNotice(held: Held): Text | undefined {
  const all = held.shm.all + held.msg.all + held.sem.all;
  if (all === 0) return undefined;
  const mine = held.shm.ours + held.msg.ours + held.sem.ours;
  const en = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const list = {
    en: `${en(held.shm.all, 'segment', 'segments')}, ${en(held.msg.all, 'queue', 'queues')}, ${en(held.sem.all, 'set', 'sets')}`,
    zh: `${held.shm.all} 个共享内存段、${held.msg.all} 个消息队列、${held.sem.all} 个信号量集`,
  };
  // only what is known of whose: in this ipclab's records (○) or not, said by OTHERS_ROWS; a root
  // key-0 segment outside them may be another ipclab run's (issue 16: "none ipclab's" was untrue)
  const whose = mine === 0
    ? { en: ', none of them marked', zh: '，都没有标记' }
    : { en: ` (${mine} in this ipclab's records, ○)`, zh: `，其中 ${mine} 个在本 ipclab 的记录里（○）` };
  // others' rows (key 0, owner root) look like the lesson's: said whose they are, and that
  // they come and go (issue 16: "Already here: 1 segment", then seven at step 3)
  const others: Text = mine < all ? OTHERS_ROWS : { en: 'The Kernel pane lists only the rows in its records.', zh: '“内核”窗格只列记录里有的行。' };
  return { en: `${OWNER.en} Already here: ${list.en}${whose.en}. ${others.en}`, zh: `${OWNER.zh}内核里已有 ${list.zh}${whose.zh}。${others.zh}` };
}

export const overview = defineLesson<{ shmid?: number; a?: Segment; b?: Segment; held?: Held }>({
  id: 'overview',
  // named "overview" as the menu's id is, like every lesson's title before its dash
  title: { en: 'overview — the kernel\'s objects', zh: '概览——内核保管的对象' },
  // what the notes are and that ipclab corrects them, in the one sentence that first names them
  // (issue 16: "follows Chinese study notes" alone was unclear until e)
  intro: {
    en: 'Processes share data through a System V IPC object the kernel keeps: a shared memory segment, a message queue or a semaphore set. You make one, use it and remove it. ipclab follows Chinese study notes on shared memory and corrects the notes\' errors (e: errata, g: glossary). A Trace line of a call starts with the caller\'s pid.',
    zh: '进程看不到彼此的内存，要交换数据就得用内核保管的 System V IPC 对象：共享内存段、消息队列、信号量集。本课创建一个，查看、使用，再删除它。ipclab 沿用一份讲共享内存的中文学习笔记，并纠正笔记里的错误：按 e 看勘误，笔记的每条说法在相应步骤运行后显示更正；按 g 看术语表。“跟踪”窗格里，调用或命令所在的行以发出它的进程的 pid 开头；命令打印出的行排在它下面，没有 pid。',
  },
  outro: {
    en: 'Create, use, delete. A segment keeps its bytes for every reader, as a file does; a message queue does not: its reader takes each message out. Next, shmget up close: the key IPC_PRIVATE, and its size argument.',
    zh: '创建、使用、删除。共享内存段像文件一样把字节留给每个读者；消息队列却不是这样：读者会把消息取走。下一课细看 shmget：key 为 IPC_PRIVATE 时会怎样，以及它的 size 参数。',
  },
  diagrams: ['overview-objects', LIFECYCLE],
  summary: 'list the kernel\'s IPC objects with the real `ipcs`; create a segment, use it, remove it with `ipcrm`',
  code: [
    { path: 'overview.c', kind: 'check' },
    { path: 'cleanup.h', kind: 'header' },
  ],
  state: () => ({}),
  steps: [
    {
      id: 'ipcs',
      code: 'show_and_run("ipcs -m; ipcs -q; ipcs -s")',
      title: { en: 'What the kernel holds now: ipcs', zh: '内核里现在有什么：ipcs' },
      say: {
        en: '`ipcs` lists the kernel\'s System V objects, a row each (`-m` shared memory, `-q` queues, `-s` semaphore sets, headed "Semaphore Arrays"): key names it, id numbers it. g: each column, owner too.',
        zh: '`ipcs` 列出内核里的 System V IPC 对象，每个一行（`-m` 共享内存，`-q` 消息队列，`-s` 信号量集，ipcs 的标题写作 "Semaphore Arrays"）：key 是它的名字，id 是它的编号。按 g 看每列的解释，包括 owner。',
      },
      // the fixed notice is true of an empty machine; one that holds others' objects is said
      notice: {
        en: 'ipcs -m printed only headers (Trace): no segments (-q, -s: none). A row names its owner; ● marks this lesson\'s (step 3).',
        zh: 'ipcs -m 只打印了表头（见“跟踪”窗格）：没有共享内存段；-q、-s 也是。每行会写明 owner；本课建的行标 ●（见第 3 步）。',
      },
      noticeBy: (live) => heldNotice(need(live.state, 'held')),
      traceFocus: ['$ ipcs -m'],
      diagram: 'overview-objects',
      highlight: ['kernel', '共享内存', '消息队列', '信号灯'],
      async run(ctx, state) {
        const problems: string[] = [];
        let missing = false;
        // ipcs's rows, by the key each starts with: ipclab's own read comes a moment later
        const listed: number[] = [];
        for (const flag of ['-m', '-q', '-s']) {
          const { text, exitCode } = await ctx.exec('ipcs', [flag]);
          if (exitCode === null) missing = true;
          else if (exitCode !== 0) problems.push(`ipcs ${flag} exited with ${exitCode}`);
          listed.push(text.split('\n').filter((l) => /^0x[0-9a-f]+\s/i.test(l)).length);
        }
        const count = (rows: readonly { ours: boolean }[]) => ({ all: rows.length, ours: rows.filter((r) => r.ours).length });
        // the sets' values are not needed to count them
        const held = { shm: count(ctx.sys.readSegments()), msg: count(ctx.sys.readQueues()), sem: count(ctx.sys.readSemaphores(() => false)) };
        state.held = held;
        // ipclab's first line of the Trace, under the ipcs lines' pids: whose each pid is, said
        // where the learner first sees both (newcomers took ipclab's for another program's)
        const self = ctx.sys.getpid();
        explain(
          ctx,
          `ipclab, pid ${self} (each ipcs above has its own), read /proc/sysvipc/{shm,msg,sem}: ${held.shm.all} shared memory segment(s) (${held.shm.ours} in its records), ${held.msg.all} message queue(s), ${held.sem.all} semaphore set(s).${missing ? ' Without ipcs, this is the view to trust.' : ''}`,
          `ipclab（pid ${self}；上面每个 ipcs 有自己的 pid）读取 /proc/sysvipc/{shm,msg,sem}：共享内存 ${held.shm.all} 段（其中 ${held.shm.ours} 段在它的记录里），消息队列 ${held.msg.all} 个，信号量集 ${held.sem.all} 个。${missing ? '没有 ipcs 时，就以这个视图为准。' : ''}`,
        );
        if (!missing) {
          const same = listed[0] === held.shm.all && listed[1] === held.msg.all && listed[2] === held.sem.all;
          // a busy machine: another program's object made or removed between the two reads
          explain(
            ctx,
            same
              ? 'ipcs reads these same files, so both views list the same objects; the two reads are a moment apart, so on a busy machine another program\'s object can appear in one only.'
              : `ipcs reads these same files, but a moment earlier: it listed ${listed.join(', ')} (segments, queues, sets), ipclab ${held.shm.all}, ${held.msg.all}, ${held.sem.all}. Another program made or removed an object in between.`,
            same
              ? 'ipcs 读的也是这几个文件，所以两边列出的对象相同；不过两次读取相隔片刻，机器忙时，别的程序的对象可能只出现在其中一边。'
              : `ipcs 读的也是这几个文件，只是早了片刻：它列出 ${listed.join('、')} 个（共享内存段、消息队列、信号量集），ipclab 读到 ${held.shm.all}、${held.msg.all}、${held.sem.all} 个。其间有别的程序新建或删除了对象。`,
          );
        }
        return problems;
      },
    },
    {
      id: 'create',
      code: 'int shmid = shmget(IPC_PRIVATE, 4096, 0600)',
      title: { en: 'Create a segment: shmget', zh: '创建一个共享内存段：shmget' },
      say: {
        // 0600 shuts out other users, not root, which the learner may be (issue 16)
        en: '`shmget(IPC_PRIVATE, 4096, 0600)` makes a 4096-byte segment for your user only (and root) and returns its shmid. The key IPC_PRIVATE: no name, shown as 0x00000000.',
        zh: '`shmget(IPC_PRIVATE, 4096, 0600)` 新建 4096 字节、只有你这个用户（及 root）能读写的共享内存段。key 是找到它的名字，IPC_PRIVATE 即不要名字，所以“内核”窗格里它的 key 是 0x00000000。返回 shmid。',
      },
      // the Kernel pane reads /proc/sysvipc/shm (src/native/proc.ts), not IPC_STAT, which the
      // trace would show: the record is named by its fields (step 3 names the file)
      notice: {
        // only the fields the learner needs here, the record's others named where a text needs
        // them (issue 16: ten new terms at once); cpid is a process, the lesson's, not the user
        // (the zh said "owner、cuid、cpid 都是你")
        en: 'nattch, atime, dtime 0: never attached; ctime: when made. In its record (what IPC_STAT reads), cpid, its maker, is the lesson process.',
        zh: 'nattch、atime、dtime 为 0：从未映射；ctime 是建立的时间。它的记录（IPC_STAT 读的就是它）里，cpid（建它的进程）是本课进程。',
      },
      diagram: LIFECYCLE,
      highlight: ['pa', 'pa->创建', '创建', '创建->IPC对象', 'IPC对象'],
      run(ctx, state) {
        const shmid = createPrivate(ctx);
        if (Array.isArray(shmid)) return shmid;
        state.shmid = shmid;
        // the first shmid a learner meets, often large: said as the kernel's number for the
        // segment; how it is made is shmget 2's and the glossary's (issue 16)
        explain(
          ctx,
          `shmid ${shmid}: the kernel's number for this segment, by which every later call (shmat, shmctl, ipcrm) names it. g: shmid says how it is made.`,
          `shmid ${shmid}：内核给这个共享内存段的编号，之后的每个调用（shmat、shmctl、ipcrm）都用它指明这个段。它是怎么来的，按 g 查 shmid。`,
        );
        return expectRow(ctx, shmid, { key: '0x00000000', size: 4096, perms: '600', nattch: 0 });
      },
    },
    {
      id: 'ipcs-m',
      code: 'show_and_run("ipcs -m");',
      title: { en: 'The same row in ipcs -m', zh: 'ipcs -m 里的同一行' },
      say: {
        // check 2 asks what ipcs -m reads: the file is named here first, not in the check (issue 16)
        en: 'Run the real `ipcs -m` again. It reads the kernel\'s table of segments, the file /proc/sysvipc/shm, which ipclab\'s Kernel pane shows too.',
        zh: '再运行一次真正的 `ipcs -m`。它读的是内核的共享内存段表，即文件 /proc/sysvipc/shm；ipclab 的“内核”窗格显示的也是这张表。',
      },
      notice: SAME_ROW,
      noticeBy: (live) => withOthers(SAME_ROW, live),
      traceFocus: [OUR_ROW],
      diagram: LIFECYCLE,
      highlight: ['kernel', 'IPC对象'],
      run: (ctx, state) => ipcsAgrees(ctx, need(state, 'shmid'), true),
    },
    {
      id: 'write',
      code: 'char *a = shmat(shmid',
      title: { en: 'Program A attaches and writes', zh: '程序 A 映射并写入' },
      say: {
        en: 'Two programs, A and B, share it; ipclab plays both in one process: one pid for A and B in the trace. A maps it into its memory with `shmat`, then writes "hello" with ordinary stores.',
        zh: `两个程序 A 和 B 共用它，都由 ipclab 在同一个进程里扮演：跟踪里 A 和 B 是同一个 pid。A 先用 \`shmat\` 把它映射进自己的内存，再像写普通变量一样写入“${HELLO.zh}”。`,
      },
      notice: {
        en: 'nattch 1; lpid (last to attach or detach: the lesson process) and atime changed. A writes with plain stores, not write().',
        zh: 'nattch 变成 1；lpid（最近映射或解除映射它的进程，即本课进程）和 atime 也变了。A 用普通的内存写入，不是调用 write()。',
      },
      diagram: LIFECYCLE,
      // nattch, lpid and atime in the Kernel pane; the stores the notice speaks of in the Trace
      alsoIn: { pane: 'trace', shows: { en: "the shmat and A's stores", zh: 'shmat 和 A 的写入' } },
      highlight: ['pa', 'pa->IPC对象', 'IPC对象'],
      run(ctx, state) {
        const shmid = need(state, 'shmid');
        const segment = attach(ctx, shmid);
        if (Array.isArray(segment)) return segment;
        state.a = segment;
        // the first shmat a learner sees: its NULL and 0 said here, not left to lesson 4 (issue 16)
        explain(ctx, 'NULL: the kernel picks the address; 0: no flags, so A may read and write.', 'NULL：由内核挑选地址；0：不带标志，A 可读可写。');
        writeText(ctx, segment, 0, inLang(ctx, HELLO));
        return expectRow(ctx, shmid, { nattch: 1 });
      },
    },
    {
      id: 'read',
      code: 'char *b = shmat(shmid',
      title: { en: 'Program B attaches and reads', zh: '程序 B 映射并读取' },
      say: {
        // the record's uid, gid, cuid and cgid show from here at 80x24 (the record's line holds
        // more fields once the dump under it is shorter): named where first seen (issue 16)
        en: 'B attaches the segment too, while A\'s mapping is still there, and reads through its own. Its record (Kernel pane) names its owner\'s user and group (uid, gid) and its creator\'s (cuid, cgid).',
        zh: 'A 的映射还在，B 也来映射这个共享内存段，然后通过自己的映射读取。它的记录（见“内核”窗格）写着属主的用户和组（uid、gid），以及创建者的（cuid、cgid）。',
      },
      notice: {
        // "its own mapping" backed by the Trace's line under the read, B's address and A's (s36),
        // which alsoIn's status line points to: naming the Trace here, with the Kernel pane shown
        // for nattch, sent the learner between two panes (s27a)
        en: 'B reads A\'s text at another address: two mappings, one object. nattch 2 from one process: it counts mappings, not processes.',
        zh: 'B 在另一个地址读到 A 写的内容：一个内核对象，两个映射。nattch 为 2，都出自一个进程：它数的是映射，不是进程。',
      },
      diagram: LIFECYCLE,
      // the question is nattch (the Kernel pane); B's read, a line of the Trace, the notice says
      // without sending the learner there too (issue 16, fixS, s27a)
      resultPane: 'kernel',
      alsoIn: { pane: 'trace', shows: { en: 'the two addresses', zh: '两个地址' } },
      traceFocus: [{ en: 'read at', zh: '读出：' }],
      highlight: ['pb', 'pb->IPC对象', 'IPC对象->pb', 'IPC对象'],
      run(ctx, state) {
        const shmid = need(state, 'shmid');
        const segment = attach(ctx, shmid);
        if (Array.isArray(segment)) return segment;
        state.b = segment;
        const text = readText(ctx, segment, 0);
        // A's address is a line of step 4, likely scrolled away: both said where the notice points
        const a = need(state, 'a').address;
        explain(ctx, `B's mapping is at ${segment.address}, A's at ${a}: two addresses, one segment behind both.`, `B 的映射在 ${segment.address}，A 的在 ${a}：两个地址，背后是同一个共享内存段。`);
        const problems = expectRow(ctx, shmid, { nattch: 2 });
        const hello = inLang(ctx, HELLO);
        if (text !== hello) problems.push(`B read ${JSON.stringify(text)}, not ${JSON.stringify(hello)}`);
        return problems;
      },
    },
    {
      id: 'detach',
      code: 'shmdt(a);\n    shmdt(b);',
      title: { en: 'Both programs detach', zh: '两个程序都解除映射' },
      say: {
        en: '`shmdt` undoes a mapping. Both programs detach now, as they would when they finish.',
        zh: '`shmdt` 解除映射。现在两个程序都解除映射，就像它们运行结束时那样。',
      },
      notice: {
        // only what the Kernel pane shows: it draws no contents, so kept bytes are lesson 5's to
        // show (issue 16 item 5: "A's bytes stay till removal" stood beside "contents not shown")
        en: 'nattch 0; dtime (last detach) changed. The row is still listed: detaching does not remove a segment.',
        zh: 'nattch 回到 0；dtime（最近一次解除映射的时间）变了。这一行仍在列表里：解除映射不会删除共享内存段。',
      },
      diagram: LIFECYCLE,
      highlight: ['pa', 'pa->闲置', 'pb', 'pb->闲置', 'IPC对象', 'IPC对象->闲置', '闲置'],
      run(ctx, state) {
        const problems = [need(state, 'a'), need(state, 'b')].flatMap((seg) => expectOk(ctx.sys.shmdt(seg)));
        return [...problems, ...expectRow(ctx, need(state, 'shmid'), { nattch: 0 })];
      },
    },
    {
      id: 'ipcrm',
      code: ['snprintf(cmd, sizeof cmd, "ipcrm -m %d", shmid)', 'show_and_run("ipcs -m");                      /* its row is gone'],
      // the tool by name (issue 16: "another IPC shell tool" named nothing): step 6's question says
      // no one has run ipcrm yet, so the title tells nothing it does not (answer-giveaway)
      title: { en: 'ipcrm -m ID, then ipcs -m', zh: 'ipcrm -m ID，再运行 ipcs -m' },
      say: {
        // what ipcrm calls inside, the Trace does not show (only `$ ipcrm …`): said as the request a
        // program makes, which a later lesson's Trace shows (s36)
        en: '`ipcrm -m ID` asks removal by shmid, as shmctl(ID, IPC_RMID, NULL) does in lesson 2 (shmget). Its owner, creator or root may (g: root), with no mapping. ipclab runs it, then `ipcs -m`.',
        zh: '`ipcrm -m ID` 按 shmid 请求删除，和第 2 课（shmget）里的 shmctl(ID, IPC_RMID, NULL) 一样。属主、创建者或 root（按 g 查 root）的进程都能删，不必先映射。ipclab 运行它，再运行 `ipcs -m`。',
      },
      notice: ROW_GONE,
      noticeBy: (live) => withOthers(ROW_GONE, live),
      // the Trace's ipcs -m, which its text reads, whether or not the run's notice adds a word on
      // others' ipcs rows (withOthers: that word made the pane depend on what else the kernel held)
      resultPane: 'trace',
      diagram: LIFECYCLE,
      highlight: ['IPC对象', 'IPC对象->删除', '删除'],
      async run(ctx, state) {
        const shmid = need(state, 'shmid');
        const problems: string[] = [];
        const { exitCode } = await ctx.exec('ipcrm', ['-m', String(shmid)]);
        if (exitCode === null) {
          explain(ctx, 'Without ipcrm, ipclab makes the same call itself.', '没有 ipcrm，ipclab 就自己做同样的调用。');
          problems.push(...expectOk(ctx.sys.shmctlRmid(shmid)));
        } else if (exitCode !== 0) problems.push(`ipcrm -m ${shmid} exited with ${exitCode}`);
        if (row(ctx, shmid)) problems.push(`segment ${shmid} is still in the kernel`);
        else ctx.focus(null);
        return [...problems, ...(await ipcsAgrees(ctx, shmid, false))];
      },
    },
  ],
  checkpoints: {
    create: {
      question: { en: 'Right after shmget, how many mappings (the segment placed in a process\'s memory) will it have, its nattch?', zh: 'shmget 刚返回时，这个新的共享内存段有几个映射（段被放进某个进程的内存），即 nattch？' },
      choices: MADE_NATTCH,
      answer: (live) => choiceOf(MADE_NATTCH, liveRow(live, need(live.state, 'shmid'))?.nattch ?? -1),
      hint: { en: 'Making a segment and mapping it into a process: one call, or two?', zh: '建共享内存段，和把它映射进进程：是一个调用，还是两个？' },
      explain: (live) => ({
        en: `nattch is ${liveRow(live, need(live.state, 'shmid'))?.nattch}: shmget makes the segment and maps it nowhere; shmat, at step 4, maps it.`,
        zh: `nattch 为 ${liveRow(live, need(live.state, 'shmid'))?.nattch}：shmget 只建共享内存段，不映射到任何地方；第 4 步的 shmat 才映射它。`,
      }),
    },
    read: {
      question: { en: 'B attaches while A is still attached. What will nattch be?', zh: 'A 还映射着，B 也来映射。nattch 会是多少？' },
      choices: NATTCH,
      answer: (live) => choiceOf(NATTCH, liveRow(live, need(live.state, 'shmid'))?.nattch ?? -1),
      hint: { en: 'A and B are one process here (step 4 said so). Does nattch count processes, or each shmat still in force?', zh: '这里 A 和 B 是同一个进程（第 4 步说过）。nattch 数的是进程，还是每个还没解除的 shmat？' },
      explain: (live) => {
        const n = liveRow(live, need(live.state, 'shmid'))?.nattch;
        return { en: `nattch is ${n}: one mapping each, A's and B's.`, zh: `nattch 为 ${n}：A 和 B 各有一个映射。` };
      },
    },
    detach: {
      question: { en: 'Both detach; no one has run ipcrm yet. Will the segment still be in the kernel?', zh: '两边都解除了映射，还没有人运行 ipcrm。这个共享内存段还在内核里吗？' },
      choices: [
        { en: 'yes, with nattch 0', zh: '在，nattch 为 0', whyNot: { en: 'only while nobody removes it; this time it was removed before the last detach.', zh: '只在没人删除它时才这样；这次它在最后一次解除映射之前就被删除了。' } },
        { en: 'no, it is freed', zh: '不在，已删除', whyNot: { en: 'only a removed segment (ipcrm, the next step) is freed at its last detach; detaching alone frees nothing.', zh: '只有已删除（用 ipcrm，下一步就做）的共享内存段才在最后一次解除映射时释放；光解除映射什么也不释放。' } },
      ],
      answer: (live) => (liveRow(live, need(live.state, 'shmid')) ? 0 : 1),
      hint: { en: 'shmdt takes an address: what does it end, the mapping or the segment?', zh: 'shmdt 的参数是一个地址：它结束的是映射，还是共享内存段？' },
      explain: (live) =>
        liveRow(live, need(live.state, 'shmid'))
          ? { en: 'Still listed: detaching only ends a mapping. The segment stays until removed.', zh: '仍在列表里：解除映射只是结束一个映射，这个共享内存段要等到被删除才会消失。' }
          : { en: 'Gone: someone removed it before the last detach.', zh: '不见了：在最后一次解除映射之前，有人删除了它。' },
    },
  },
  check: [
    {
      // a case no step showed: the creator gone, the segment not removed (the Kernel pane
      // says what the lesson's segment became, so a question about it answers itself)
      question: { en: 'A program writes to a new segment and exits, not removing it. Later another program attaches it by its shmid. What does it find?', zh: '一个程序往新建的共享内存段里写了数据，没删除就退出了。后来另一个程序凭 shmid 映射它。会看到什么？' },
      choices: [
        { en: 'nothing: it went with its creator', zh: '什么也没有：它随创建者一起消失了', whyNot: { en: 'the segment is the kernel\'s, not the program\'s; cpid only records who made it.', zh: '共享内存段属于内核，不属于那个程序；cpid 只记录是谁建的。' } },
        { en: 'the segment, bytes and all', zh: '那个共享内存段，连同其中的字节' },
        { en: 'the segment, its bytes zeroed', zh: '那个共享内存段，但字节已清零', whyNot: { en: 'nothing clears it; the bytes stay as written, as "hello" stayed with no mapping.', zh: `没有谁去清空它，字节保持写入时的样子，就像没人映射时“${HELLO.zh}”也还在。` } },
      ],
      answer: 1,
      explain: {
        en: 'The kernel holds it until someone removes it (or the machine restarts), whoever made it. ipcs\'s owner column is the user it belongs to, not a process.',
        zh: '不管是谁建的，内核都一直保存它，直到有人删除（或机器重启）。ipcs 的 owner 列是它所属的用户，不是某个进程。',
      },
    },
    {
      question: { en: 'What does ipcs -m read?', zh: 'ipcs -m 读取的是什么？' },
      choices: [
        { en: 'the memory of each process', zh: '各进程的内存', whyNot: { en: 'ipcs reads no process\'s memory; a segment with nattch 0 is in no process, and it is listed all the same.', zh: 'ipcs 不读任何进程的内存；nattch 为 0 的共享内存段不在任何进程里，照样列出。' } },
        { en: 'the kernel\'s table, /proc/sysvipc/shm', zh: '内核的表 /proc/sysvipc/shm' },
        { en: 'a log file ipclab writes', zh: 'ipclab 写的日志文件', whyNot: { en: 'ipcs comes with util-linux and knows nothing of ipclab; it lists other programs\' segments too.', zh: 'ipcs 来自 util-linux，对 ipclab 一无所知；别的程序的共享内存段它也列出。' } },
      ],
      answer: 1,
      explain: { en: 'ipcs and ipclab read the same kernel table, so they agree.', zh: 'ipcs 和 ipclab 读的是内核的同一张表，所以两边一致。' },
    },
    {
      // step 7 said who may remove; this asks it of someone who may not
      question: { en: 'Another user (not root) sees your segment\'s shmid in ipcs -m and runs ipcrm -m with it. What happens?', zh: '另一个用户（不是 root）在 ipcs -m 里看到你的共享内存段的 shmid，用它运行 ipcrm -m。结果如何？' },
      choices: [
        { en: 'the segment is removed', zh: '共享内存段被删除', whyNot: { en: 'the shmid is no key to it; the kernel checks who asks.', zh: 'shmid 不是钥匙，内核要看是谁在要求删除。' } },
        { en: 'it is removed once nobody maps it', zh: '等没人映射时再删除', whyNot: { en: 'only an allowed removal waits for the last detach; this one the kernel refuses at once.', zh: '只有内核准许的删除才会等到最后一次解除映射；这一次内核当场就拒绝了。' } },
        { en: 'ipcrm fails: that user may not', zh: 'ipcrm 失败：这个用户无权删除' },
      ],
      answer: 2,
      // said as a fact: no step runs ipcrm as another user (issue 16)
      explain: { en: 'Only a process of the owner or the creator, or of root, may remove a segment; knowing its shmid is not enough. Another user\'s ipcrm fails; no step shows that, as every step runs as you.', zh: '只有属主、创建者或 root 的进程才能删除共享内存段；光知道 shmid 不够。别的用户运行 ipcrm 会失败；本课每一步都以你的身份运行，所以没有演示这一点。' },
    },
  ],
});
