// Lesson 2: shmget with IPC_PRIVATE. Two identical calls make two segments (E2, E3);
// bad sizes fail for real, and the huge one is explained by this machine's limits.
import { readFileSync } from 'node:fs';
import { createPrivate, expectErrno, expectGone, expectOk, expectRow, explain, need, row, rwx } from './kit.js';
import { defineLesson } from './define.js';
import { IPC_CREAT, IPC_EXCL } from '../native/index.js';
import { explainOwnRun, explainTurnCall } from './turn/explain.js';
import { numberValue } from './turn/fields.js';
import type { LitBy, StepContext, Text } from './types.js';
import { choice, choiceOf, lastCall, outcomeOf, word } from './checkpoint-kit.js';

const HUGE_CHOICES = [
  choice('EINVAL', { en: 'EINVAL would mean 2^62 is above SHMMAX; this machine\'s SHMMAX is larger.', zh: 'EINVAL 表示 2^62 超过了 SHMMAX；本机的 SHMMAX 比它大。' }),
  choice('ENOSPC', { en: 'ENOSPC would mean its pages are above SHMALL; this machine\'s SHMALL has room for them.', zh: 'ENOSPC 表示页数超过了 SHMALL；本机的 SHMALL 容得下这些页。' }),
  choice('ENOMEM', { en: 'ENOMEM comes when the memory must be reserved; a limit refused first, or this kernel grants any size unreserved.', zh: 'ENOMEM 出现在要预留内存时；这次要么先被上限拒绝，要么这个内核对任何大小都不预留就批准。' }),
  choice({ en: 'a shmid', zh: '一个 shmid' }, { en: 'only a kernel set to grant any size unreserved gives 4 EiB; this kernel refused.', zh: '只有设成不预留、什么大小都批准的内核才会给出 4 EiB；这个内核拒绝了。' }),
];
/** Why this kernel answered what it did to 2^62 bytes, by errno ('none': it granted it). */
const HUGE_WHY: Record<string, Text> = {
  EINVAL: { en: '2^62 is above this machine\'s SHMMAX, the first check.', zh: '2^62 超过了本机的 SHMMAX，第一道检查就没过。' },
  ENOSPC: { en: 'Under SHMMAX but above SHMALL, the pages of all segments together.', zh: '没超过 SHMMAX，却超过了 SHMALL（所有共享内存段合计的页数）。' },
  ENOMEM: { en: 'Both limits allow it here, so the kernel goes on to reserve the memory, and 4 EiB is not there (vm.overcommit_memory 1 would grant it unreserved).', zh: '这里两个上限都允许，于是内核接着预留内存，而 4 EiB 根本不存在（若 vm.overcommit_memory 为 1，则不预留就批准）。' },
  none: { en: 'vm.overcommit_memory is 1 here, so nothing is reserved; ipclab removed it at once.', zh: '这里 vm.overcommit_memory 为 1，不预留内存；ipclab 随即删除了它。' },
};

/** shmget(IPC_PRIVATE, 0, 0600) while two key-0 segments exist: size 0 opens by key, and IPC_PRIVATE never opens */
const ZERO = [
  choice({ en: 'one of the two shmids', zh: '那两个 shmid 之一' }, { en: 'size 0 is for opening a segment a key names; IPC_PRIVATE names none, so nothing is opened.', zh: 'size 0 用于打开 key 指向的共享内存段；IPC_PRIVATE 不指向任何段，所以什么也打不开。' }),
  choice({ en: 'a new shmid, 0 bytes', zh: '一个新的 shmid，0 字节' }, { en: 'a new segment needs at least SHMMIN bytes; 0 is too few.', zh: '新的共享内存段至少要 SHMMIN 字节；0 不够。' }),
  choice({ en: 'an error: EINVAL', zh: '错误：EINVAL', value: 'EINVAL' }, { en: 'EINVAL is Linux\'s answer for a new segment below SHMMIN; this kernel said otherwise.', zh: '新的共享内存段小于 SHMMIN 时，Linux 回答 EINVAL；这个内核说的却不同。' }),
  choice({ en: 'an error: ENOENT', zh: '错误：ENOENT', value: 'ENOENT' }, { en: 'ENOENT is for a key with no segment and no IPC_CREAT; IPC_PRIVATE creates instead.', zh: 'ENOENT 是 key 下没有共享内存段、又没带 IPC_CREAT 时的错误；IPC_PRIVATE 则直接新建。' }),
];

const CREATE = 'shmget-private';
/** The path a shmget(IPC_PRIVATE, …) takes through CREATE for each result it can give. */
const CHECKED = ['call', 'call->size', 'size', 'size->max', 'max', 'max->all', 'all', 'all->reserve', 'reserve'];
const MADE = [...CHECKED, 'reserve->seg', 'seg'];
const BY_RESULT: LitBy = {
  call: 'shmget',
  paths: {
    ok: MADE,
    // size 0 and a size above SHMMAX are two checks, each with its own EINVAL box (shmget-private.mmd)
    zero: ['call', 'call->size', 'size', 'size->EINVAL', 'EINVAL'],
    EINVAL: ['call', 'call->size', 'size', 'size->max', 'max', 'max->huge', 'huge'],
    ENOSPC: ['call', 'call->size', 'size', 'size->max', 'max', 'max->all', 'all', 'all->ENOSPC', 'ENOSPC'],
    ENOMEM: [...CHECKED, 'reserve->ENOMEM', 'ENOMEM'],
  },
  result: (call) => (call.errno === 'EINVAL' && /^shmget\([^,]*, 0,/.test(call.c) ? 'zero' : undefined),
};
const HUGE = 2 ** 62;
const PAGE = 4096;

/** vm.overcommit_memory: 0 heuristic, 1 always grant, 2 strict; null when unreadable. */
function overcommitMode(): number | null {
  try {
    return Number(readFileSync('/proc/sys/vm/overcommit_memory', 'utf8').trim());
  } catch {
    return null;
  }
}

/** What this kernel should answer to shmget(IPC_PRIVATE, 2^62, 0600), following the order of its checks. */
function predictHuge(shmmax: bigint, shmall: bigint): { errno: string | null; en: string; zh: string } {
  const size = BigInt(HUGE);
  if (size > shmmax) {
    return { errno: 'EINVAL', en: `2^62 is above SHMMAX (${shmmax}): the size check fails first.`, zh: `2^62 超过了 SHMMAX（${shmmax}），大小检查首先不通过。` };
  }
  const pages = size / BigInt(PAGE);
  if (pages > shmall) {
    return { errno: 'ENOSPC', en: `2^62 bytes are ${pages} pages, above SHMALL (${shmall} pages in all).`, zh: `2^62 字节是 ${pages} 页，超过了 SHMALL（总共 ${shmall} 页）。` };
  }
  if (overcommitMode() === 1) {
    return {
      errno: null,
      en: 'Both limits allow it and vm.overcommit_memory is 1 (always grant): the kernel creates it without reserving anything. Pages would be allocated only when touched.',
      zh: '两个上限都允许，而且 vm.overcommit_memory 为 1（总是批准）：内核直接建出这个共享内存段，不预留任何东西，页面要等到被访问时才分配。',
    };
  }
  // whether the memory is reserved, and so whether 4 EiB fails, is vm.overcommit_memory's choice
  const mode = overcommitMode();
  const set = mode === null ? { en: 'not 1', zh: '不是 1' } : { en: `${mode}`, zh: `${mode}` };
  return {
    errno: 'ENOMEM',
    en: `Both limits allow it (they are practically unlimited here), so the size passes. vm.overcommit_memory is ${set.en} (0: refuse what plainly exceeds RAM and swap; 1: grant anything, reserving nothing; 2: refuse past the commit limit, swap plus part of RAM), so the kernel reserves the memory up front (no SHM_NORESERVE), and 4 EiB is not there: ENOMEM.`,
    zh: `两个上限都允许（在这里几乎等于不设限），大小检查通过了。vm.overcommit_memory 为 ${set.zh}（0：明显超过内存加交换区就拒绝；1：什么都批准，不预留；2：超过提交上限，即交换区加一部分内存，就拒绝），所以内核要先为它预留这么多内存（没有 SHM_NORESERVE），而 4 EiB 根本不存在，于是返回 ENOMEM。`,
  };
}

function hugeStep(ctx: StepContext): string[] {
  // the limits are step 3's last trace line (its question's); said once (issue 16)
  const limits = ctx.sys.readShmLimits();
  const shmmax = BigInt(limits.shmmax);
  const shmall = BigInt(limits.shmall);
  const want = predictHuge(shmmax, shmall);
  const call = ctx.sys.shmget(ctx.sys.IPC_PRIVATE, HUGE, 0o600);
  explain(ctx, want.en, want.zh);
  if (want.errno === null) {
    if (call.errno !== null) return [`shmget of 2^62 bytes failed with ${call.errno}; with overcommit 1 it should succeed`];
    // a segment that large must not stay around even for a moment longer than needed
    return expectOk(ctx.sys.shmctlRmid(call.ret as number));
  }
  return expectErrno(call, want.errno);
}

/** Size 0 (EINVAL), after the learner's size and flags when they set others: whatever
 *  those give is explained, and a segment they made stays for the last step to remove (as
 *  `mine`); then size 0 runs as the notice, the question and the check say. */
/** How step 3's line of this machine's limits starts: a Trace focus of its step, so that step 4's
 *  question, asked under that window, has the values it needs in view. */
const LIMITS: Text = { en: 'Limits here', zh: '本机上限' };

function sizeStep(ctx: StepContext, state: { mine?: number }): string[] {
  const { values, custom } = ctx.turn;
  if (custom) {
    const flags = numberValue(values, 'flags');
    const call = ctx.sys.shmget(ctx.sys.IPC_PRIVATE, numberValue(values, 'size'), flags);
    // a mode of 000 (shmflg 0, or IPC_CREAT alone) shuts out even the creator: said, not left to
    // guess; as root the lesson cannot show the EACCES, so it says whose it would be (issue 16)
    const shut: Text = (flags & 0o777) === 0
      ? process.getuid?.() === 0
        ? {
            en: ' Its perms are 000: as root this process may still attach it and read its status (CAP_IPC_OWNER skips the mode); a normal user, its owner too, would get EACCES, yet may change the mode (IPC_SET) or remove it.',
            zh: '它的权限是 000：本进程以 root 运行，仍能映射它、读它的状态（CAP_IPC_OWNER 跳过权限检查）；普通用户即使是属主也会得到 EACCES，不过属主仍可改它的权限（IPC_SET）或删除它。',
          }
        : {
            en: ' Its perms are 000: no one may attach it or read its status, not even you (EACCES), except a process with CAP_IPC_OWNER, such as root; you, its owner, may still change the mode (IPC_SET) or remove it.',
            zh: '它的权限是 000：谁都不能映射它、也不能读它的状态，连你也不行（EACCES），除非进程有 CAP_IPC_OWNER（比如 root）；不过你是属主，仍可改它的权限（IPC_SET）或删除它。',
          }
      : { en: '', zh: '' };
    explainTurnCall(ctx, call, {
      en: `A new segment: the Kernel pane shows it beside the other two; the last step removes it with them.${shut.en}`,
      zh: `新建了一个共享内存段：内核窗格里它和另外两个段并列；最后一步会把它和它们一起删除。${shut.zh}`,
    });
    if (call.errno === null) {
      state.mine = call.ret as number;
      ctx.focus(state.mine);
    }
    explainOwnRun(ctx, 'question');
  }
  const problems = expectErrno(ctx.sys.shmget(ctx.sys.IPC_PRIVATE, 0, 0o600), 'EINVAL');
  // the limits step 4's question is about, the last line of this step's trace, which the
  // Trace shows until step 4 runs: read before its question is answered (issue 16). SHMMAX and
  // SHMALL first and the line short (SHMMIN, a constant, before the path the rest come from), so that with the EINVAL line it fits an 80x24 Trace
  // (LIMITS is a traceFocus: step 4's text named these values while they were out of view)
  const limits = ctx.sys.readShmLimits();
  explain(
    ctx,
    `${LIMITS.en}: SHMMAX = ${limits.shmmax} bytes a segment, SHMALL = ${limits.shmall} pages of ${PAGE} bytes in all, SHMMNI = ${limits.shmmni} segments, SHMMIN = 1 byte (built in; the rest: /proc/sys/kernel).`,
    `${LIMITS.zh}：SHMMAX = ${limits.shmmax} 字节（单个段），SHMALL = ${limits.shmall} 页（每页 ${PAGE} 字节，所有段合计），SHMMNI = ${limits.shmmni} 个段，SHMMIN = 1 字节（内核写死；其余来自 /proc/sys/kernel）。`,
  );
  return problems;
}

export const shmget = defineLesson<{ a?: number; b?: number; mine?: number }>({
  id: 'shmget',
  title: { en: 'shmget — create a private segment', zh: 'shmget——创建私有的共享内存段' },
  intro: {
    en: '`int shmget(key_t key, size_t size, int shmflg)` creates a System V shared memory segment or opens an existing one and returns its shmid. A shmid is a bit like a file descriptor, but it is valid in every process on the machine, not just yours. On failure shmget returns -1 and sets errno. This lesson creates, with the key IPC_PRIVATE; opening an existing segment by a key made by ftok is the next lesson.',
    zh: '`int shmget(key_t key, size_t size, int shmflg)` 创建一个 System V 共享内存段或打开已有的一个段，返回它的 shmid。shmid 有点像文件描述符，不同的是它在整台机器的所有进程里都有效，而不只在你的进程里。失败时返回 -1 并设置 errno。本课用 IPC_PRIVATE 作 key 来创建；用 ftok 生成的 key 打开已有的段，是下一课的内容。',
  },
  outro: {
    en: 'IPC_PRIVATE always makes a new segment, which no key finds: programs reach it by its shmid. Unrelated programs need a key both compute: ftok, next.',
    zh: 'IPC_PRIVATE 每次都新建一个共享内存段，任何 key 都找不到它，程序要凭 shmid 使用它。无亲缘关系的程序需要一个双方都能算出的 key：下一课的 ftok。',
  },
  diagrams: [CREATE],
  summary: '`shmget(IPC_PRIVATE, …)` twice: two segments, both with key 0; the errors a bad size gives',
  code: [
    { path: 'shmget.c', kind: 'check' },
    { path: 'cleanup.h', kind: 'header' },
  ],
  state: () => ({}),
  steps: [
    {
      id: 'first',
      code: 'int a = shmget(IPC_PRIVATE, 4096, 0600)',
      title: { en: 'shmget(IPC_PRIVATE, 4096, 0600)', zh: '第一次 shmget(IPC_PRIVATE, 4096, 0600)' },
      say: {
        en: 'Ask for a private segment of 4096 bytes, far below the limits SHMMAX (per segment) and SHMALL (all segments), that only your user (and root) may read and write: 0600, as for open().',
        zh: '申请一个 4096 字节的私有共享内存段（远低于上限 SHMMAX 和 SHMALL：单段字节数、所有段合计页数），只有你这个用户（及 root）能读写：0600，和 open() 用的权限位含义相同。',
      },
      notice: {
        en: 'Key 0x00000000 is IPC_PRIVATE. 4096 bytes, perms 600, nattch 0, and cpid, the creator, is the lesson process.',
        zh: 'key 为 0x00000000，就是 IPC_PRIVATE。大小 4096 字节，权限 600，nattch 为 0，cpid（创建者）就是本课进程。',
      },
      diagram: CREATE,
      highlight: MADE,
      run(ctx, state) {
        const shmid = createPrivate(ctx);
        if (Array.isArray(shmid)) return shmid;
        state.a = shmid;
        const problems = expectRow(ctx, shmid, { key: '0x00000000', size: 4096, perms: '600', nattch: 0 });
        if (row(ctx, shmid)?.cpid !== ctx.sys.getpid()) problems.push(`cpid of ${shmid} is not this process`);
        return problems;
      },
    },
    {
      id: 'second',
      code: 'int b = shmget(IPC_PRIVATE, 4096, 0600)',
      title: { en: 'The very same call again', zh: '原样再调用一次' },
      say: {
        en: 'The notes (the study notes ipclab follows) claim any process can open an IPC_PRIVATE segment with that key. Test it: the same call again.',
        zh: 'ipclab 沿用的学习笔记说，任何进程用这个 key 调用 shmget 都能打开 IPC_PRIVATE 的共享内存段。验证一下：原样再调用一次。',
      },
      notice: {
        en: 'Two segments, key 0 each (Trace: both shmids): IPC_PRIVATE always creates; the notes are wrong. No key finds either.',
        zh: '两个共享内存段（两个 shmid 见“跟踪”窗格），key 都是 0：IPC_PRIVATE 总是新建，笔记说错了。没有哪个 key 能找到它们。',
      },
      // the Kernel pane may list one of the two below its window: the Trace's line names both (issue 16)
      traceFocus: [{ en: 'Same arguments, two segments', zh: '参数完全相同' }],
      diagram: CREATE,
      highlight: MADE,
      run(ctx, state) {
        const a = need(state, 'a');
        const b = createPrivate(ctx);
        if (Array.isArray(b)) return b;
        state.b = b;
        explain(
          ctx,
          `Same arguments, two segments: ${a} and ${b}. Key 0 names no segment, so shmget never returns either again; their shmids are no secret (ipcs -m lists them to anyone), their perms (600 in ipcs) guard them.`,
          `参数完全相同，却得到两个共享内存段：${a} 和 ${b}。key 0 不指向任何一个段，shmget 不会再返回它们；它们的 shmid 并不保密（ipcs -m 对谁都列出），守住它们的是权限位（ipcs 的 perms 列，这里是 600）。`,
        );
        // shmids grow and now and then jump by ~32768: Linux ipc/util.c ipc_idr_alloc takes
        // slots with idr_alloc_cyclic below max(in_use * 3 / 2, 64) and bumps ids->seq each
        // time the slot it gets is not above the last one; id = seq << 15 | slot
        // the slot and the sequence said by what they are, and the bound that keeps slots small
        // (issue 16: "0 to 63 while few objects exist" gave a bare 63)
        explain(
          ctx,
          `Why such numbers: on Linux a shmid packs two numbers. The slot is the segment's place in the kernel's table of segments; the sequence number counts the times the kernel went back to the table's start. shmid = slot + 32768 × sequence (${b} is slot ${b % 32768} + 32768 × ${Math.floor(b / 32768)}). The kernel gives the free slot after the last one it gave, below a bound that grows with the segments in use, every program's (64 while there are few); past it, it goes back to the lowest free slot and adds 1 to the sequence: …, 62, 63, then 32768 (slot 0, sequence 1). So slots stay small, and a shmid kept after its segment is gone does not soon name a new segment by chance.`,
          `为什么是这样的数：在 Linux 上，shmid 由两个数合成。槽位号是这个段在内核段表里的位置；序号记的是内核回到表头重新发放的次数。shmid = 槽位号 + 32768 × 序号（${b} 就是槽位 ${b % 32768} + 32768 × ${Math.floor(b / 32768)}）。内核发放上次发出的槽位之后的空槽位，但不超过一个上界，上界随在用的段数（所有程序的）增大，段不多时是 64；到了上界就回到最小的空槽位，序号加 1：……、62、63，然后 32768（槽位 0，序号 1）。所以槽位号总是不大，而段删掉后留下的旧 shmid 也不会很快碰巧指向新建的段。`,
        );
        const problems = b === a ? [`the second call returned the same shmid ${a}`] : [];
        return [...problems, ...expectRow(ctx, a, { key: '0x00000000' }), ...expectRow(ctx, b, { key: '0x00000000' })];
      },
    },
    {
      id: 'size-zero',
      code: 'int bad = shmget(IPC_PRIVATE, 0, 0600)',
      title: { en: 'Size 0', zh: '大小为 0' },
      say: {
        en: 'Now 0 bytes, same IPC_PRIVATE. y\u00a0(run it with values you type) also offers IPC_CREAT, IPC_EXCL (next lesson): IPC_PRIVATE ignores both.',
        zh: '现在申请 0 字节，key 仍是 IPC_PRIVATE。按 y（用你输入的值运行）还可加下一课的 IPC_CREAT、IPC_EXCL：IPC_PRIVATE 都不理会。',
      },
      notice: {
        // a kernel fact, not ipclab's: a notice, not an aside; check 2 (the least size) recalls it (fixR4)
        // SHMMIN said with its meaning here: this notice is the first text to use it (nc pass)
        // what ipcs lists for a 1-byte segment no step shows: left to check 2's explanation
        en: 'EINVAL: IPC_PRIVATE only creates, and a new segment needs at least SHMMIN bytes, the least size (1 on Linux).',
        zh: 'EINVAL：IPC_PRIVATE 只新建，而新的共享内存段至少要 SHMMIN 字节，即最小大小（Linux 上是 1）。',
      },
      traceFocus: ['EINVAL', LIMITS],
      diagram: CREATE,
      highlight: BY_RESULT.paths.zero!,
      litBy: BY_RESULT,
      turn: {
        // the flags are lesson 3's, offered so the learner sees IPC_PRIVATE ignore them: the step's say says so, once
        say: { en: 'Any size and flags.', zh: '大小和标志任选。' },
        fields: [
          {
            name: 'size',
            label: { en: 'size', zh: '大小' },
            kind: { kind: 'number', min: 0, max: 2 ** 52, unit: { en: 'bytes', zh: '字节' } },
            default: '0',
            help: {
              // the form's own bound (ipclab's numbers are exact to 2^53): the learner needs only the bound
              en: 'this form takes at most 2^52 (4 PiB); the kernel\'s limit is SHMMAX',
              zh: '这个表单最多接受 2^52（4 PiB）；内核的上限是 SHMMAX',
            },
          },
          {
            name: 'flags',
            label: { en: 'shmflg', zh: 'shmflg' },
            kind: { kind: 'flags', bits: [{ name: 'IPC_CREAT', value: IPC_CREAT }, { name: 'IPC_EXCL', value: IPC_EXCL }], maxMode: 0o777 },
            default: '0600',
          },
        ],
      },
      run: sizeStep,
    },
    {
      id: 'size-huge',
      code: 'int huge = shmget(IPC_PRIVATE, (size_t) 1 << 62, 0600)',
      title: { en: 'Size 2^62', zh: '大小为 2^62' },
      say: {
        en: 'Ask for 2^62 bytes (4 EiB). It must pass SHMMAX (bytes per segment) and SHMALL (pages of all), the limits on step 3\'s last Trace line; then the kernel must be able to promise that much memory.',
        zh: '申请 2^62 字节（4 EiB）。新的共享内存段要过 SHMMAX（单段字节数）和 SHMALL（所有段合计页数）这两个上限，本机的数值在第 3 步跟踪的最后一行；之后内核还得拿得出这么多内存来承诺给它。',
      },
      notice: {
        en: 'The errno names the check that failed: EINVAL above SHMMAX, ENOSPC above SHMALL, ENOMEM if the memory cannot be reserved.',
        zh: 'errno 指明是哪项检查没过：超过 SHMMAX 是 EINVAL，超过 SHMALL 是 ENOSPC，上限允许但内存预留不出来是 ENOMEM。',
      },
      diagram: CREATE,
      // the check this kernel failed (or none): its limits decide
      highlight: ['call', 'call->size', 'size'],
      litBy: BY_RESULT,
      run: hugeStep,
    },
    {
      id: 'mode',
      code: 'shmctl(a, IPC_STAT, &ds)',
      // the step reads step 1's 0600 back and makes no 0666 segment: its title says so (newcomer
      // pass 10 predicted a 0666 segment), and what 0666 would do is marked as not shown
      // "perms", as ipcs and the Kernel pane say it; the field's C name, mode, the trace ties to it (issue 16)
      title: { en: 'Read the perms back: IPC_STAT', zh: '读回权限位：IPC_STAT' },
      say: {
        en: 'The low nine bits of shmflg are permissions, as for files: owner, group, others. IPC_STAT reads them back from the kernel for step 1\'s segment, made with 0600.',
        zh: 'shmflg 的低 9 位是权限位，和文件一样分为属主、同组用户、其他人三组。用 IPC_STAT 从内核读回第 1 步那个共享内存段的权限位，它是用 0600 建的。',
      },
      notice: {
        en: 'rw-------: only owner, creator or root (lesson 6, shmctl) may attach. IPC_PRIVATE hides nothing: with 0666 (not shown), anyone could.',
        zh: 'rw-------：只有属主、创建者和 root 能映射，root 见第 6 课（shmctl）。IPC_PRIVATE 不等于保密：若用 0666（没演示），谁都能映射。',
      },
      diagram: CREATE,
      // IPC_STAT's mode as rw------- is a line of the Trace; the Kernel pane's perms read 600 (issue 16, fixS)
      traceFocus: ['rw-------'],
      highlight: ['seg', 'seg->me', 'me'],
      run(ctx, state) {
        const a = need(state, 'a');
        ctx.focus(a);
        const { call, ds } = ctx.sys.shmctlStat(a);
        if (!ds) return expectOk(call);
        const mode = ds.mode & 0o777;
        explain(
          ctx,
          // the first &ds on screen: what ds is; mode is the C name of what ipcs calls perms (issue 16)
          `ds, a struct shmid_ds, now holds the segment's record. shm_perm.mode = 0${mode.toString(8)} = ${rwx(mode)}, what ipcs shows as perms ${mode.toString(8)} (owner uid ${ds.uid}). 0666 would be ${rwx(0o666)}: read and write for everyone.`,
          `ds 是一个 struct shmid_ds，现在装着这个共享内存段的记录。shm_perm.mode = 0${mode.toString(8)} = ${rwx(mode)}，ipcs 显示为 perms ${mode.toString(8)}（属主 uid ${ds.uid}）。0666 则是 ${rwx(0o666)}：所有人都能读写。`,
        );
        return mode === 0o600 ? [] : [`mode is 0${mode.toString(8)}, expected 0600`];
      },
    },
    {
      id: 'remove',
      code: ['if (a != -1) shmctl(a, IPC_RMID, NULL)', 'if (b != -1) shmctl(b, IPC_RMID, NULL)'],
      title: { en: 'Remove the segments', zh: '删除建好的共享内存段' },
      say: {
        en: 'A segment outlives its creator, so a tidy program removes it: shmctl(id, IPC_RMID, NULL) for the segments of steps 1 and 2. If your values in step 3 made one, it goes too.',
        zh: '共享内存段比创建者活得久，所以规矩的程序会删除它：对第 1、2 步的两个段各调用一次 shmctl(id, IPC_RMID, NULL)。如果你第 3 步的取值建出了段，本课也删除它。',
      },
      notice: {
        en: "The lesson's two segments are gone (and yours from step 3, if any). Had the program just exited, they would still be there.",
        zh: '本课的两个共享内存段都从列表里消失了；你在第 3 步建的段（如果有）也一样。如果程序直接退出而不删除，它们会一直留在内核里。',
      },
      // whether the form of step 3 made a segment is this run's: say the third row by name
      noticeBy: (live) =>
        live.state.mine === undefined
          ? undefined
          : {
              en: `All three segments are gone: the lesson's two and shmid ${live.state.mine}, made by your form in step 3. Had the program just exited, they would still be there.`,
              zh: `三个共享内存段都消失了：本课的两个，加上你在第 3 步用表单建的 shmid ${live.state.mine}。如果程序直接退出而不删除，它们会一直留在内核里。`,
            },
      diagram: CREATE,
      highlight: ['me', 'me->seg', 'seg'],
      run(ctx, state) {
        ctx.focus(null);
        // with the segment the learner made in step 3, if any
        const ids = [need(state, 'a'), need(state, 'b'), ...(state.mine === undefined ? [] : [state.mine])];
        const problems = ids.flatMap((id) => expectOk(ctx.sys.shmctlRmid(id)));
        return [...problems, ...ids.flatMap((id) => expectGone(ctx, id))];
      },
    },
  ],
  checkpoints: {
    second: {
      question: { en: 'The very same call again: what comes back?', zh: '原样再调用一次，会得到什么？' },
      choices: [
        { en: 'the same shmid', zh: '同一个 shmid', whyNot: { en: 'shmget returns an existing segment only for a key that names one; IPC_PRIVATE names none.', zh: '只有 key 指向已有的共享内存段时 shmget 才返回它；IPC_PRIVATE 不指向任何段。' } },
        { en: 'a new shmid', zh: '一个新的 shmid', whyNot: { en: 'IPC_PRIVATE gives one whenever the kernel can make a segment; this time the call failed.', zh: '只要内核建得出共享内存段，IPC_PRIVATE 就得到新的 shmid；这次调用却失败了。' } },
        { en: 'an error: -1', zh: '错误：返回 -1', whyNot: { en: 'shmget refuses a key only when a segment has it and the next lesson\'s flags ask for a new one; not IPC_PRIVATE.', zh: '只有 key 下已有共享内存段、又用下一课的标志要求新建时，shmget 才拒绝；IPC_PRIVATE 不是这样的 key。' } },
      ],
      answer: (live) => {
        const call = lastCall(live, 'shmget');
        if (call.errno !== null) return 2;
        return call.ret === need(live.state, 'a') ? 0 : 1;
      },
      hint: { en: 'IPC_PRIVATE is not a name to look up.', zh: 'IPC_PRIVATE 不是一个可供查找的名字。' },
      explain: (live) => ({
        en: `${outcomeOf(lastCall(live, 'shmget')).en}, and the first was ${need(live.state, 'a')}: IPC_PRIVATE always creates.`,
        zh: `${outcomeOf(lastCall(live, 'shmget')).zh}，第一次是 ${need(live.state, 'a')}：IPC_PRIVATE 总是新建。`,
      }),
    },
    'size-zero': {
      question: { en: 'Two key-0 segments exist. shmget(IPC_PRIVATE, 0, 0600) gives…', zh: 'key 为 0 的已有两个，shmget(IPC_PRIVATE, 0, 0600) 得到……' },
      choices: ZERO,
      answer: (live) => {
        // the lesson's own call is the step's last, after the learner's (if any)
        const call = lastCall(live, 'shmget');
        if (call.errno !== null) return choiceOf(ZERO, call.errno);
        return call.ret === need(live.state, 'a') || call.ret === need(live.state, 'b') ? 0 : 1;
      },
      hint: { en: 'Step 2 showed that IPC_PRIVATE always creates. What does size 0 then ask for?', zh: '第 2 步已经看到：IPC_PRIVATE 总是新建。那么 size 0 是在要什么？' },
      explain: (live) => ({
        en: `${outcomeOf(lastCall(live, 'shmget')).en}. IPC_PRIVATE opens nothing, so size 0 asks for a new segment of no bytes.`,
        zh: `${outcomeOf(lastCall(live, 'shmget')).zh}。IPC_PRIVATE 不打开已有的共享内存段，所以 size 0 是要新建一个 0 字节的段。`,
      }),
    },
    'size-huge': {
      question: { en: 'shmget(IPC_PRIVATE, 2^62, 0600): what will it answer?', zh: 'shmget(IPC_PRIVATE, 2^62, 0600) 会得到什么？' },
      choices: HUGE_CHOICES,
      answer: (live) => choiceOf(HUGE_CHOICES, lastCall(live, 'shmget').errno, 3),
      hint: { en: 'Compare 2^62 with SHMMAX and SHMALL in step 3\'s last Trace line. If both pass, which check is left?', zh: '把 2^62 和第 3 步跟踪最后一行的 SHMMAX、SHMALL 比一比。两个都过了，还剩哪项检查？' },
      explain: (live) => HUGE_WHY[lastCall(live, 'shmget').errno ?? 'none'] ?? outcomeOf(lastCall(live, 'shmget')),
    },
  },
  // what the steps showed, asked of other cases (steps 2 and 3 asked the two calls themselves):
  // another program with the shmid of an IPC_PRIVATE segment, the least size, a group's bits
  check: [
    {
      question: { en: 'A program makes a segment with IPC_PRIVATE and prints its shmid. Can a program started later attach it by that shmid?', zh: '一个程序用 IPC_PRIVATE 建了共享内存段并打印出 shmid。后来启动的另一个程序能凭这个 shmid 映射它吗？' },
      choices: [
        { en: 'no: only its creator may', zh: '不能：只有创建者能用', whyNot: { en: 'private means no key finds it; the shmid works in every process.', zh: '私有指任何 key 都找不到它；shmid 在每个进程里都有效。' } },
        { en: 'yes, if the mode lets it in', zh: '能，只要权限位允许' },
        { en: 'only after its own shmget(IPC_PRIVATE, …)', zh: '要先自己调用一次 shmget(IPC_PRIVATE, …)', whyNot: { en: 'that call would make another segment, not open this one.', zh: '那次调用会另建一个共享内存段，而不是打开这个。' } },
      ],
      answer: 1,
      explain: { en: 'A shmid is valid in every process of the machine; IPC_PRIVATE only means no key leads to it, and the mode decides who may attach.', zh: 'shmid 在本机每个进程里都有效；IPC_PRIVATE 只表示没有 key 能找到它，谁能映射由权限位决定。' },
    },
    {
      // step 3 ran size 0 and its trace gave SHMMIN: this asks what that showed (issue 16: "does
      // ipcs show 1 or 4096 bytes" for size 1 asked what no step ran)
      question: { en: 'On Linux, what is the least size a new segment may have (step 3\'s size 0 failed)?', zh: '在 Linux 上，新的共享内存段最小可以是多大（第 3 步的 size 0 失败了）？' },
      choices: [
        { en: '1 byte', zh: '1 字节' },
        { en: '4096 bytes, one page', zh: '4096 字节，即一页', whyNot: { en: 'the kernel gives a segment whole pages of memory, but the least size it accepts is SHMMIN.', zh: '内核按整页给共享内存段分配内存，但它接受的最小大小是 SHMMIN。' } },
        { en: 'SHMMAX bytes', zh: 'SHMMAX 字节', whyNot: { en: 'SHMMAX is the most one segment may have, not the least.', zh: 'SHMMAX 是单个共享内存段的上限，不是下限。' } },
      ],
      answer: 0,
      // true whatever the learner ran at step 3: a y with size 1 showed "bytes 1", so "not shown
      // here" was false for them (issue 16); the page is the kernel's, which no pane shows, and
      // said so: beside ipcs's bytes 1 it read as a claim of the screen (s36)
      explain: { en: 'SHMMIN, the least size, is 1 on Linux (step 3\'s trace). ipcs lists a 1-byte segment as 1 byte; the kernel still gives it a whole page, which no pane shows.', zh: '最小大小 SHMMIN 在 Linux 上是 1（见第 3 步的跟踪）。1 字节的共享内存段，ipcs 列出的 bytes 是 1；但内核仍给它整整一页内存，这一点没有哪个窗格显示。' },
    },
    {
      question: { en: 'shmget(IPC_PRIVATE, 4096, 0640): what may a user of the segment\'s group, not its owner, do with it?', zh: 'shmget(IPC_PRIVATE, 4096, 0640)：和共享内存段同组、但不是属主的用户能对它做什么？' },
      choices: [
        { en: 'nothing', zh: '什么都不能', whyNot: { en: 'the middle digit, 4 (r--), is the group\'s.', zh: '中间一位 4（r--）属于同组用户。' } },
        { en: 'read its bytes, not change them', zh: '能读其中的字节，不能改' },
        { en: 'read and change its bytes', zh: '能读，也能改其中的字节', whyNot: { en: 'that needs a 6 (rw-) in the middle digit, the group\'s; 4 is r--.', zh: '那要中间一位（同组用户的）是 6（rw-）；4 是 r--。' } },
      ],
      answer: 1,
      // reading needs a read-only attach, which lesson 4 teaches: said here, not assumed (newcomer pass 10)
      explain: { en: '0640 is rw- for the owner, r-- for the group, --- for others. The group may read, not write: it attaches read-only (a flag of lesson 4, shmat).', zh: '0640 即属主 rw-、同组 r--、其他人 ---。同组用户能读，不能写：它要以只读方式映射，用的是第 4 课（shmat）的一个标志。' },
    },
  ],
});
