// Lesson 6: shmctl's three jobs. IPC_STAT beside the real `ipcs -m -i`, IPC_SET of the
// mode, the mode checked at shmat (EACCES; root tries through a child of uid nobody), IPC_RMID while attached (dest, and the segment's ftok key drops to 0: E5),
// attaching the dest segment by shmid (Linux only), freed at the last detach.
import { join } from 'node:path';
import type { AttemptOp, AttemptResult, Segment, ShmidDs } from '../native/index.js';
import { SHARED } from '../text/strings.js';
import type { Lang } from '../lang.js';
import { said } from './peer-process.js';
import { now } from '../native/clock.js';
import { userName } from '../native/users.js';
import { attach, createWithText, expectErrno, expectGone, expectOk, expectRow, explain, inLang, need, privateFolder, type Problems, readText, removeFolder, row, rwx, setPerms, writeText } from './kit.js';
import { defineLesson } from './define.js';

/** What the steps write in the segment, in the learner's language as the step runs (inLang):
 *  an English run shows no Chinese and a Chinese run no English. */
const TEXTS: Record<'first' | 'afterRmid' | 'destMapped', Record<Lang, string>> = {
  first: { en: 'an example', zh: '示例文字' },
  afterRmid: { en: 'after IPC_RMID', zh: '删除之后' },
  destMapped: { en: 'dest, yet mapped', zh: '已标记删除，仍可映射' },
};
import type { LiveResult, StepContext, Text } from './types.js';
import { withOthers } from './others-rows.js';
import { explainBack, explainTurnCall } from './turn/explain.js';
import { numberValue } from './turn/fields.js';
import { choice, choiceOf, firstCall, lastCall, liveRow, outcomeOf, word } from './checkpoint-kit.js';

/** step 8's notice, which its ipcs -m's others' rows, on a shared machine, are added to */
const LAST_DETACH: Text = {
  en: 'Gone at the last detach; the old id now gives EINVAL.',
  zh: '最后一次解除映射时它被删除了；对旧 id 再 IPC_RMID 得到 EINVAL。',
};

/** IPC_SET's checkpoint fits any mode, the lesson's 0640 or the learner's (whose stays: Turn.yoursStay),
 *  so it is graded on the run that happened: the mode given, the old one, or an error. */
const SET_PERMS = [
  choice(
    { en: 'the mode IPC_SET was given', zh: 'IPC_SET 收到的那个权限' },
    { en: 'the kernel stores the mode in buf only when IPC_SET succeeds; the call\'s result says it did not store it this time.', zh: '只有 IPC_SET 成功，内核才存下 buf 里的权限；调用的结果说明这次没有存。' },
  ),
  choice(
    { en: 'still 600, as shmget made it', zh: '仍是 600，和 shmget 创建时一样' },
    { en: 'IPC_SET sets uid, gid and mode (the low 9 bits) from buf, so perms show the mode buf held, whatever shmget made.', zh: 'IPC_SET 按 buf 设置 uid、gid 和权限（低 9 位），所以 perms 显示 buf 里的权限，不管 shmget 当初建的是什么。' },
  ),
  choice(
    { en: 'EPERM; perms stay 600', zh: 'EPERM，perms 仍是 600' },
    { en: 'the owner, the creator or root may always IPC_SET, whatever the mode; the lesson process made the segment.', zh: '属主、创建者或 root 总能做 IPC_SET，与权限位无关；这个共享内存段正是本课进程创建的。' },
  ),
];
const RMID_AGAIN = [
  choice({ en: '0, success', zh: '0，成功' }, { en: 'IPC_RMID succeeds on a segment that still exists, dest or not; a freed one is gone.', zh: 'IPC_RMID 只对还存在的共享内存段成功，不管是否 dest；已删除的段不在了。' }),
  choice('EINVAL', { en: 'a freed shmid names nothing, and Linux answers EINVAL for that; this kernel said otherwise.', zh: '已删除的共享内存段，其 shmid 不指向任何东西，Linux 对此回答 EINVAL；这个内核说的却不同。' }),
  choice('EPERM', { en: 'EPERM is for a caller neither owner, creator nor root; the lesson process made the segment.', zh: 'EPERM 是给既非属主、创建者也非 root 的调用者的；这个共享内存段正是本课进程建的。' }),
];
const OWNER_RW = [
  choice('EACCES', { en: 'EACCES is for a process without a capability such as CAP_IPC_OWNER; this one has it.', zh: 'EACCES 是给没有 CAP_IPC_OWNER 这类能力的进程的；这个进程有。' }),
  choice({ en: 'it works', zh: '成功' }, { en: 'the owner\'s bits are r--, and a read-write shmat needs w too; only CAP_IPC_OWNER skips that.', zh: '属主的权限位是 r--，读写方式的 shmat 还要 w；只有 CAP_IPC_OWNER 能跳过这项检查。' }),
  choice('EPERM', { en: 'shmat has no EPERM; that is shmctl\'s, when someone not the owner tries IPC_SET or IPC_RMID.', zh: 'shmat 没有 EPERM；那是 shmctl 的，非属主试图 IPC_SET 或 IPC_RMID 时才有。' }),
];
// Linux attaches a dest segment by its shmid (do_shmat checks only that it is not being
// torn down: EIDRM in that race alone); a freed id is EINVAL
const DEST = [
  choice({ en: 'a mapping (nattch 2)', zh: '一个映射（nattch 为 2）' }, { en: 'Linux attaches a dest segment by its shmid; this kernel refused.', zh: 'Linux 允许按 shmid 映射 dest 状态的共享内存段；这个内核却拒绝了。' }),
  choice({ en: '-1: a dest segment is refused', zh: '-1：dest 状态的共享内存段一律拒绝', value: 'EIDRM' }, { en: 'Linux attaches a dest segment like any other; it refuses only if the segment is freed during the call itself, a rare race.', zh: 'Linux 照常映射 dest 状态的共享内存段；只有段恰好在这次调用期间被删除（罕见的竞争）才拒绝。' }),
  choice({ en: '-1: the shmid is no longer valid', zh: '-1：这个 shmid 已经失效', value: 'EINVAL' }, { en: 'the segment is still there, attached, so its shmid still names it.', zh: '共享内存段还在、还被映射着，它的 shmid 仍指向它。' }),
];

const LIFE = 'shmctl-life';
const FUNCS = 'shmctl-functions';
const C = 'C'.charCodeAt(0);
/** the unprivileged uid (and gid) a root ipclab's child drops to: nobody */
const NOBODY = 65534;

/** the mode IPC_SET gives the lesson's segment, which the steps after it show at work */
const LESSON_MODE = 0o640;

/** After "your turn" at IPC_SET the segment has the learner's mode; the steps after it
 *  show what the lesson's does (another user refused, the owner attaching again), so the
 *  lesson sets its own back first, and says so under the step and in the trace. */
function lessonMode(ctx: StepContext, shmid: number): string[] {
  const perms = row(ctx, shmid)?.perms;
  const own = LESSON_MODE.toString(8);
  if (perms === undefined || perms === own) return [];
  // the call first, then the line that says what it did (a trace reads cause, then effect)
  const problems = expectOk(setPerms(ctx, shmid, { mode: LESSON_MODE }));
  explainBack(ctx, {
    en: `Step 1's segment had your mode ${perms} (${rwx(parseInt(perms, 8))}) from step 3; this step shows what the lesson's 0${own} does, so it set that first: perms are ${own} (${rwx(LESSON_MODE)}) from here on.`,
    zh: `第 3 步之后，第 1 步的共享内存段是你设的权限 ${perms}（${rwx(parseInt(perms, 8))}）；这一步要演示本课的 0${own} 的效果，所以先设上它：从这里起 perms 是 ${own}（${rwx(LESSON_MODE)}）。`,
  });
  return problems;
}

function asRoot(): boolean {
  return process.getuid?.() === 0;
}

/** The uid the child of attempt() runs as. */
function attemptUid(): number | undefined {
  return asRoot() ? NOBODY : process.getuid?.();
}

/** `ops` on `shmid` tried by a child: as NOBODY when ipclab is root (whose CAP_IPC_OWNER
 *  skips the mode check), else as ipclab's own user. Its calls go into the trace under
 *  its pid; returns them, or why the child could not try. */
async function attempt(ctx: StepContext, shmid: number, ops: AttemptOp[]): Promise<AttemptResult[] | string> {
  const tried = await ctx.sys.attemptAs({ shmid, ops, ...(asRoot() ? { uid: NOBODY, gid: NOBODY } : {}) });
  // the child's calls are calls like ipclab's own, under the child's pid (the glossary's
  // "trace"), after the line that shows it start, as for every process the trace names
  if (tried.pid > 0) {
    const uid = attemptUid();
    said(ctx, process.pid, { en: SHARED.en.forked(tried.pid, `a child running as uid ${uid}`), zh: SHARED.zh.forked(tried.pid, '子进程', `让它以 uid ${uid} 运行`) });
  }
  for (const r of tried.results) {
    const at = now();
    ctx.trace({ type: 'call', pid: tried.pid, call: r.c.slice(0, r.c.indexOf('(')), c: r.c, ret: /^-?\d+$/.test(r.ret) ? Number(r.ret) : r.ret, errno: r.errno, message: r.message || null, at });
  }
  return tried.failure ?? tried.results;
}

/** shmget(ftok(file, 'C'), 4096, IPC_CREAT|IPC_EXCL|0600) on a new file in `dir`: a segment
 *  with a real key, so that IPC_RMID has a key to drop. The file stays until step 8: a file
 *  made after it is gone can take its inode, and so its key (concurrent runs collided).
 *  Returns the shmid, or the problems. */
function createKeyed(ctx: StepContext, dir: string): number | Problems {
  const path = join(dir, 'key');
  // made as a C program makes it, so the trace shows the file ftok reads
  const made = ctx.sys.writeFile(path, 0o600).flatMap(expectOk);
  if (made.length) return made;
  const key = ctx.sys.ftok(path, C);
  if (key.errno !== null) return expectOk(key);
  const call = ctx.sys.shmget(key.ret as number, 4096, ctx.sys.IPC_CREAT | ctx.sys.IPC_EXCL | 0o600);
  // two files can give one key: another segment has it, and it is not ours to use
  if (call.errno === 'EEXIST') return [`key ${ctx.sys.formatKey(key.ret as number)} already names another segment (ftok keys can collide); r resets the lesson with a new file`];
  if (call.errno !== null) return expectOk(call);
  ctx.focus(call.ret as number);
  return call.ret as number;
}

function when(seconds: number, lang: Lang): string {
  return seconds === 0 ? `0${SHARED[lang].remark(lang === 'en' ? 'never' : '从未')}` : `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Every field of the shmid_ds, a few per trace line so each fits the trace pane. */
function showDs(ctx: StepContext, ds: ShmidDs): void {
  const mode = `0${(ds.mode & 0o7777).toString(8)}`;
  const perm = `shm_perm: key ${ctx.sys.formatKey(ds.key)}  uid ${ds.uid}  gid ${ds.gid}  cuid ${ds.cuid}  cgid ${ds.cgid}  mode ${mode}`;
  explain(ctx, perm, perm);
  const counts = `shm_segsz ${ds.size}  shm_nattch ${ds.nattch}  shm_cpid ${ds.cpid}  shm_lpid ${ds.lpid}`;
  explain(ctx, counts, counts);
  explain(
    ctx,
    `shm_atime ${when(ds.atime, 'en')}  shm_dtime ${when(ds.dtime, 'en')}  shm_ctime ${when(ds.ctime, 'en')}`,
    `shm_atime ${when(ds.atime, 'zh')}  shm_dtime ${when(ds.dtime, 'zh')}  shm_ctime ${when(ds.ctime, 'zh')}`,
  );
}

/** Compares `ipcs -m -i ID` (key=value pairs) with IPC_STAT's numbers. */
function ipcsDisagrees(text: string, ds: ShmidDs): string[] {
  const pairs = new Map([...text.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
  const want: Record<string, string> = {
    uid: String(ds.uid),
    gid: String(ds.gid),
    cuid: String(ds.cuid),
    cgid: String(ds.cgid),
    access_perms: `0${(ds.mode & 0o777).toString(8)}`,
    bytes: String(ds.size),
    lpid: String(ds.lpid),
    cpid: String(ds.cpid),
    nattch: String(ds.nattch),
  };
  return Object.entries(want)
    .filter(([field, value]) => pairs.get(field) !== value)
    .map(([field, value]) => `ipcs -m -i says ${field}=${pairs.get(field) ?? '(missing)'}, IPC_STAT says ${value}`);
}

/** The lesson's state; `owner`: what the owner's child got on the 0400 segment, `ownerUid`: the uid it ran as. */
type ShmctlState = { dir?: string; shmid?: number; seg?: Segment; again?: Segment; ctime?: number; key?: string; owner?: AttemptResult[]; ownerUid?: number; setMode?: number };

/** The owner's read-write shmat of the 0400 segment, as its child reported it. */
function ownerRw(state: ShmctlState): AttemptResult {
  const rw = need(state, 'owner')[0];
  if (!rw) throw new Error('the child reported no shmat');
  return rw;
}

/** The step's IPC_SET: an IPC_STAT fills ds before it, another reads ctime after (kit.ts
 *  setPerms); the IPC_STAT's own call where that one failed and no IPC_SET was made. */
const setCall = (live: LiveResult<unknown>) => live.calls.find((c) => c.call === 'shmctl' && c.c.includes('IPC_SET')) ?? firstCall(live, 'shmctl');

export const shmctl = defineLesson<ShmctlState>({
  id: 'shmctl',
  // step 4's IPC_SET gives the 0400 segment to nobody where ipclab is root
  owners: () => (asRoot() ? [userName(NOBODY)] : []),
  title: { en: 'shmctl — look, change, remove', zh: 'shmctl——查看、修改、删除' },
  intro: {
    en: '`int shmctl(int shmid, int cmd, struct shmid_ds *buf)` does what cmd names to a System V segment. A program uses three commands: IPC_STAT copies the segment\'s attributes into buf, IPC_SET sets its uid, gid and mode (the low 9 bits) from buf (never the creator\'s cuid and cgid), IPC_RMID asks for its removal (pass NULL as buf). Each returns 0, or -1 with errno.',
    zh: '`int shmctl(int shmid, int cmd, struct shmid_ds *buf)` 对 System V 共享内存段执行 cmd 指定的命令。程序常用三种：IPC_STAT 把共享内存段的属性复制到 buf，IPC_SET 按 buf 设置它的 uid、gid 和权限（低 9 位；创建者的 cuid、cgid 从不改），IPC_RMID 请求删除它（buf 传 NULL）。成功时返回 0，出错时返回 -1 并设置 errno。',
  },
  outro: {
    en: 'shmget creates a segment, shmat maps it and shmdt unmaps it; shmctl does the rest: IPC_STAT reads its attributes, IPC_SET sets its uid, gid and mode (the low 9 bits), IPC_RMID marks it for removal, and the kernel frees it once nattch is 0 (at once if nothing maps it, else at the last detach by shmdt, exit or exec).',
    zh: 'shmget 创建共享内存段，shmat 和 shmdt 映射和解除映射；其余的事归 shmctl：IPC_STAT 读取它的属性，IPC_SET 设置它的 uid、gid 和权限（低 9 位），IPC_RMID 把它标记为待删，nattch 为 0 时内核释放它（无人映射就立刻释放，否则等到 shmdt、exit 或 exec 最后一次解除映射时）。',
  },
  diagrams: [LIFE, FUNCS],
  summary: '`IPC_STAT` beside `ipcs -m -i`, `IPC_SET`, `EACCES` at attach for a 0400 owner and another user, `IPC_RMID` while attached (`dest`, key 0), attaching a `dest` segment (Linux only)',
  code: [
    { path: 'shmctl.c', kind: 'check' },
    { path: 'cleanup.h', kind: 'header' },
  ],
  state: () => ({}),
  steps: [
    {
      id: 'setup',
      code: 'key_t key = ftok(path, \'C\')',
      title: { en: 'A segment with a key, attached', zh: '一个有 key 的共享内存段，已映射' },
      say: {
        en: "A key from ftok(file, 'C') on a new file, then shmget(key, 4096, IPC_CREAT|IPC_EXCL|0600), shmat, and a line of text: IPC_STAT (step 2) then shows a key and an attach, no detach yet.",
        zh: "对新文件调用 ftok(file, 'C') 得到 key，再 shmget(key, 4096, IPC_CREAT|IPC_EXCL|0600)、shmat，写入一行文字：第 2 步的 IPC_STAT 就能读到 key 和一次映射，还没有解除映射。",
      },
      // the C's reason to differ said with it, as its comment says it (issue 16: a learner
      // comparing the C with the steps saw them disagree)
      aside: {
        en: 'the C version (c shows it) deletes its key file right after ftok, so a Ctrl-C leaves none (the segment keeps the key, not the file). ipclab deletes its own in step 8.',
        zh: 'C 版本（按 c 查看）在 ftok 之后马上删掉 key 文件，免得 Ctrl-C 把它留下（共享内存段记着的是 key，不是文件）。ipclab 在第 8 步删掉这个文件。',
      },
      notice: {
        en: 'A key from ftok, not IPC_PRIVATE\'s 0x00000000; nattch 1: the program maps it. shmctl works on the segment itself, by shmid.',
        zh: '这次 key 来自 ftok，不是 IPC_PRIVATE 的 0x00000000；nattch 为 1。程序手里有一个映射；而 shmctl 通过 shmid 直接操作共享内存段本身。',
      },
      diagram: LIFE,
      highlight: ['created', 'created->attached', 'attached'],
      run(ctx, state) {
        const dir = privateFolder(ctx, 'ipclab-shmctl-');
        state.dir = dir;
        const shmid = createWithText(ctx, state, inLang(ctx, TEXTS.first), () => createKeyed(ctx, dir));
        if (Array.isArray(shmid)) return shmid;
        state.key = row(ctx, shmid)?.key;
        const problems = expectRow(ctx, shmid, { nattch: 1 });
        if (state.key === undefined || state.key === '0x00000000') problems.push(`segment ${shmid} has key ${state.key ?? '(none)'}, not the ftok key`);
        return problems;
      },
    },
    {
      id: 'stat',
      code: 'snprintf(cmd, sizeof cmd, "ipcs -m -i %d", shmid)',
      title: { en: 'IPC_STAT into buf', zh: 'IPC_STAT 读入 buf' },
      say: {
        en: 'ipclab runs the real `ipcs -m -i ID`, then calls IPC_STAT itself and prints every field of struct shmid_ds.',
        zh: 'ipclab 先运行真正的 `ipcs -m -i ID`（它向内核问的是同一件事），再亲自调用 IPC_STAT，打印 struct shmid_ds 的每个字段。',
      },
      notice: {
        // mode beside access_perms read as two settings (newcomer pass 10): said once, where both show
        // the flags named, as the status column shows them (issue 16: "less its flags" named none)
        en: 'ipcs -m -i (Trace) prints IPC_STAT\'s record. access_perms: mode less the status flags SHM_DEST 01000, SHM_LOCKED 02000 (none here).',
        zh: 'ipcs -m -i（跟踪）打印 IPC_STAT 的记录。access_perms 即 mode 去掉状态标志 SHM_DEST 01000 和 SHM_LOCKED 02000（这里都没有）。',
      },
      traceFocus: ['$ ipcs -m -i', 'IPC_STAT', 'shm_atime'],
      diagram: FUNCS,
      highlight: ['program', 'program->shmctl', 'shmctl', 'shmctl->共享内存', 'kernel', '共享内存', 'shmctl->功能', '获取属性'],
      async run(ctx, state) {
        const shmid = need(state, 'shmid');
        const ipcs = await ctx.exec('ipcs', ['-m', '-i', String(shmid)]);
        // under ipcs -m -i's record, above the struct's fields: where a second name for a field first
        // shows, the three tools' names are paired once; the glossary's entries say the same (issue 16)
        explain(
          ctx,
          'Each field has three names: att_time (ipcs -m -i) = atime (Kernel pane) = shm_atime; det_time = dtime, change_time = ctime likewise; bytes = shm_segsz. det_time=Not set: no detach yet (dtime 0).',
          '字段各有三种叫法：att_time（ipcs -m -i）= atime（“内核”窗格）= shm_atime；det_time = dtime、change_time = ctime 同理；bytes = shm_segsz。det_time=Not set：还没有解除过映射。',
        );
        const { call, ds } = ctx.sys.shmctlStat(shmid);
        if (!ds) return expectOk(call);
        state.ctime = ds.ctime;
        // the trace's &ds is the prototype's buf: what it is, said above its fields (issue 16)
        explain(ctx, 'ds, the buf IPC_STAT filled, is a struct shmid_ds; its fields:', 'ds 就是 IPC_STAT 填好的 buf，类型为 struct shmid_ds；它的字段：');
        showDs(ctx, ds);
        const problems = ds.nattch === 1 && ds.size === 4096 && ds.cpid === ctx.sys.getpid() ? [] : [`IPC_STAT gave nattch ${ds.nattch}, size ${ds.size}, cpid ${ds.cpid}`];
        // ipclab's attachments are MADV_DONTFORK: starting ipcs must not make it the last attacher
        if (ds.lpid !== ctx.sys.getpid()) problems.push(`shm_lpid ${ds.lpid} is not this process (${ctx.sys.getpid()})`);
        if (ipcs.exitCode === 0) problems.push(...ipcsDisagrees(ipcs.text, ds));
        else if (ipcs.exitCode !== null) problems.push(`ipcs -m -i ${shmid} exited with ${ipcs.exitCode}`);
        return problems;
      },
    },
    {
      id: 'set',
      code: 'shmctl(shmid, IPC_SET, &ds)',
      title: { en: 'IPC_SET with a mode in buf', zh: 'IPC_SET：把权限放进 buf' },
      say: {
        en: 'Put a mode in buf and pass it to IPC_SET on step 1\'s segment. The lesson\'s 0640 lets the group read. IPC_SET may also change the owner (uid, gid); the creator (cuid) stays.',
        zh: '把一个权限放进 buf，交给 IPC_SET，设到第 1 步的共享内存段上。本课用 0640：同组用户可读。IPC_SET 也能换属主（uid、gid），创建者（cuid）则不变。',
      },
      notice: {
        en: 'Mode 0640 makes perms 640 (rw-r-----). IPC_SET also sets ctime to now (see the Kernel pane); cpid and lpid stay.',
        zh: '权限 0640 让 perms 变成 640（rw-r-----）。IPC_SET 还把 ctime 设为此刻（见“内核”窗格）；cpid 和 lpid 不变。',
      },
      diagram: FUNCS,
      highlight: ['program', 'program->shmctl', 'shmctl', 'shmctl->共享内存', 'kernel', '共享内存', 'shmctl->功能', '设置属性'],
      turn: {
        // in the order the learner acts: the question comes first, whichever values run (fix23c)
        say: { en: 'Answer the question below first, then press Space or y.', zh: '先回答下面的问题，再按空格或 y。' },
        fields: [{ name: 'mode', label: { en: 'mode', zh: '权限' }, kind: { kind: 'flags', bits: [], maxMode: 0o777 }, default: `0${LESSON_MODE.toString(8)}` }],
        yoursStay: true,
        // unlike other forms, y runs the learner's mode alone (no 0640 after it): one sentence
        // on how long it stays (step 5 is the next to use this segment)
        yours: {
          // (issue 16 item 8: how long it stays, said as a condition, was misread)
          en: 'your mode, set by IPC_SET instead of 0640; step 5 puts 0640 back before its test',
          zh: 'IPC_SET 设成你的权限，而不是 0640；第 5 步测试前会改回 0640',
        },
      },
      run(ctx, state) {
        const shmid = need(state, 'shmid');
        const mode = numberValue(ctx.turn.values, 'mode');
        state.setMode = mode;
        // what goes into buf, before the call that takes it (as msg shows mtext before msgsnd)
        const call = setPerms(ctx, shmid, { mode });
        // read back before the line that says what perms are now
        const { ds } = ctx.sys.shmctlStat(shmid);
        if (ctx.turn.custom) {
          // running the lesson's 0640 now would undo the learner's mode in the Kernel pane: not run
          // (Turn.yoursStay); what 0640 would give is the notice's. One line says how long the mode stays.
          const own = `0${LESSON_MODE.toString(8)}`;
          explainTurnCall(ctx, call, {
            en: `perms are ${mode.toString(8).padStart(3, '0')} (${rwx(mode)}) now; step 4 makes a second segment, and step 5 gives this one the lesson's ${own} to show what that mode does. Whatever the mode, the owner and root may still change or remove the segment.`,
            zh: `权限现在是 ${mode.toString(8).padStart(3, '0')}（${rwx(mode)}）；第 4 步另建一个段，第 5 步再把这个段改成本课的 ${own}，演示这个权限的效果。无论权限如何，属主和 root 仍可修改或删除这个共享内存段。`,
          });
        }
        const problems = expectOk(call);
        const before = need(state, 'ctime');
        if (!ds || ds.ctime < before) problems.push(`ctime went from ${before} to ${ds?.ctime}`);
        return [...problems, ...expectRow(ctx, shmid, { perms: mode.toString(8).padStart(3, '0'), nattch: 1 })];
      },
    },
    {
      id: 'perms-owner',
      code: 'expect_errno("owner: shmat(0400 segment, NULL, 0)"',
      title: { en: 'Mode 0400 on a second segment', zh: '第二个共享内存段：权限 0400' },
      say: {
        en: 'A new IPC_PRIVATE segment, 0400 (r--------); step 1\'s waits. If ipclab is root, IPC_SET gives it to uid 65534 (nobody). A child as the owner tries shmat read-write, SHM_RDONLY, IPC_RMID.',
        zh: '另建一个：IPC_PRIVATE，权限 0400（r--------），第 1 步的留着不动。root 运行时先用 IPC_SET 让 uid 65534（nobody）当属主。属主身份的子进程试：读写 shmat、SHM_RDONLY、IPC_RMID。',
      },
      aside: {
        en: "why nobody under root? root's CAP_IPC_OWNER skips mode checks, and uid 65534 has no such capability.",
        zh: '以 root 运行时为什么用 nobody？root 有 CAP_IPC_OWNER，不受权限位限制，而 uid 65534 没有这种能力。',
      },
      notice: {
        // (read-write EACCES, SHM_RDONLY works: the question's explanation says it, with the owner's bits)
        // CAP_IPC_OWNER named here, not only in the aside (which gives way at 80x24) and the
        // explanation, so a New terms line lists it (issue 16 pass 12)
        en: 'shmat checks the mode (CAP_IPC_OWNER, root\'s, skips it). IPC_RMID ignores the mode; it checks who calls: the child, as owner.',
        zh: 'shmat 检查权限位（root 的 CAP_IPC_OWNER 可跳过）。IPC_RMID 不看权限位，只看调用者是谁：这里是属主身份的子进程。',
      },
      // the child's three calls are the result (the Trace), from its read-write shmat's EACCES
      resultPane: 'trace',
      traceFocus: ['EACCES'],
      diagram: LIFE,
      highlight: ['created', 'created->EACCES', 'EACCES', 'created->attached', 'attached', 'created->freed', 'freed'],
      async run(ctx, state) {
        const call = ctx.sys.shmget(ctx.sys.IPC_PRIVATE, 4096, 0o400);
        if (call.errno !== null) return expectOk(call);
        const locked = call.ret as number;
        ctx.focus(locked);
        const problems: string[] = [];
        if (asRoot()) {
          problems.push(...expectOk(setPerms(ctx, locked, { uid: NOBODY, gid: NOBODY })));
          explain(ctx, `ipclab runs as root: the owner of ${locked} is now uid ${NOBODY} (nobody), and a child running as that uid makes the calls.`, `ipclab 以 root 运行：${locked} 的属主改为 uid ${NOBODY}（nobody），由一个以该 uid 运行的子进程来调用。`);
        }
        const tried = await attempt(ctx, locked, ['rw', 'rdonly', 'rmid']);
        ctx.focus(need(state, 'shmid'));
        if (typeof tried === 'string') return [...problems, tried];
        state.owner = tried;
        state.ownerUid = attemptUid();
        const [rw, rdonly, , rmid] = tried;
        if (rw?.errno !== 'EACCES') problems.push(`the owner's read-write shmat of a 0400 segment gave ${rw?.errno ?? rw?.ret}, not EACCES`);
        if (rdonly?.errno !== null) problems.push(`the owner's SHM_RDONLY shmat of a 0400 segment failed with ${rdonly?.errno}`);
        if (rmid?.errno !== null) problems.push(`the owner's IPC_RMID of a 0400 segment failed with ${rmid?.errno}`);
        return [...problems, ...expectGone(ctx, locked)];
      },
    },
    {
      id: 'perms-other',
      code: 'expect_errno("uid 65534: shmat(another user\'s 0640 segment, NULL, 0)"',
      title: { en: 'Another user maps it', zh: '别的用户来映射它' },
      say: {
        en: "Back to step 1's segment, your user's, with the lesson's 0640 (rw-r-----): set now if you gave your own mode in step 3. uid 65534 (nobody), not its owner, tries to attach it.",
        zh: '回到第 1 步的共享内存段，它属于你的用户，权限是本课的 0640（rw-r-----）：第 3 步若设了你自己的权限，这里先改回 0640。uid 65534（nobody）不是这个段的属主：它尝试映射这个段。',
      },
      notice: {
        // by the child's ids, which the step set, not "not in the group", which no pane shows
        en: 'EACCES: uid 65534 (gid 65534) is neither the owner nor of the segment\'s group, so others\' bits, ---, apply, as for a file.',
        zh: 'EACCES：uid 65534（gid 65534）既不是属主，也不属于这个共享内存段的组，所以适用其他人的权限位 ---，和文件一样。',
      },
      // the child's EACCES is the result (the Trace); its uid and gid are said with their values
      resultPane: 'trace',
      // not root (a lab server's learner): no child of another uid ran, so no EACCES to point at
      noticeBy: () =>
        asRoot()
          ? undefined
          : {
              en: 'Not run: only root can start a process as uid 65534. Had it run, others\' bits (---) would apply: EACCES.',
              zh: '没有运行：只有 root 能以 uid 65534 启动进程。若运行，适用其他人的权限位 ---：EACCES。',
            },
      diagram: LIFE,
      highlight: ['attached', 'attached->EACCES', 'EACCES'],
      async run(ctx, state) {
        const shmid = need(state, 'shmid');
        const restored = lessonMode(ctx, shmid);
        if (restored.length) return restored;
        if (!asRoot()) {
          explain(ctx, `ipclab runs as uid ${process.getuid?.()}, not root, so it cannot start a process of another user. Run it as root (sudo) to see the kernel answer EACCES.`, `ipclab 以 uid ${process.getuid?.()} 运行，不是 root，无法启动别的用户的进程。以 root（sudo）运行即可看到内核回答 EACCES。`);
          return [];
        }
        const tried = await attempt(ctx, shmid, ['rw']);
        if (typeof tried === 'string') return [tried];
        return tried[0]?.errno === 'EACCES' ? expectRow(ctx, shmid, { nattch: 1 }) : [`uid ${NOBODY}'s shmat of a 0640 segment of another user gave ${tried[0]?.errno ?? tried[0]?.ret}, not EACCES`];
      },
    },
    {
      id: 'rmid',
      code: '/* while attached: only marked, not removed */\n    shmctl(shmid, IPC_RMID, NULL)',
      title: { en: 'IPC_RMID while attached', zh: '映射还在时 IPC_RMID' },
      say: {
        en: 'Remove the segment while the lesson process still has it mapped, then read and write through the mapping. The notes (the study notes ipclab follows) say IPC_RMID deletes it.',
        zh: '在本课进程还映射着它的时候删除这个共享内存段，然后继续通过映射读写。ipclab 沿用的那份学习笔记说 IPC_RMID 会删除它。',
      },
      notice: {
        en: 'Not yet: marked for removal (status dest), key now 0x00000000. No key finds it, yet the mapping works. Last detach frees it.',
        zh: '还没删：只是标记待删（状态 dest），key 降为 0x00000000，再也没人能按 key 找到它，但现有映射照常可用。最后一次解除映射时它才真正删除。',
      },
      diagram: LIFE,
      // dest and the key in the Kernel pane; "the mapping works", its write and read, in the Trace
      alsoIn: { pane: 'trace', shows: { en: 'the write and read after it', zh: '之后经映射的写入和读取' } },
      highlight: ['attached', 'attached->dest', 'dest'],
      run(ctx, state) {
        const shmid = need(state, 'shmid');
        const seg = need(state, 'seg');
        const problems = expectOk(ctx.sys.shmctlRmid(shmid));
        problems.push(...expectRow(ctx, shmid, { dest: true, key: '0x00000000', nattch: 1 }));
        const key = need(state, 'key');
        explain(ctx, `key ${key} → 0x00000000, status dest: marked for removal, not removed`, `key ${key} → 0x00000000，状态 dest：只是标记待删，并未删除`);
        writeText(ctx, seg, 0, inLang(ctx, TEXTS.afterRmid));
        if (readText(ctx, seg, 0) !== inLang(ctx, TEXTS.afterRmid)) problems.push('the mapping does not read back what was written after IPC_RMID');
        return problems;
      },
    },
    {
      id: 'attach-dest',
      code: 'char *again = shmat(shmid, NULL, 0)',
      title: { en: 'shmat after IPC_RMID', zh: 'IPC_RMID 之后再映射' },
      say: {
        en: 'The segment is dest, its key 0x00000000. This program calls shmat with the shmid it has kept, and shows what comes back.',
        zh: '这个共享内存段已是 dest，key 为 0x00000000。本程序用它一直留着的 shmid 调用 shmat，看看得到什么。',
      },
      notice: {
        en: 'nattch 2; the old mapping reads a write through the new. No key finds it, but its shmid is no secret: the mode says who may attach.',
        zh: 'nattch 为 2：通过新映射写入的，旧映射读得到。现在没有 key 能找到它，但 shmid 并不保密（谁都能列出）：权限允许的进程都能映射它。',
      },
      diagram: LIFE,
      highlight: ['dest', 'dest->again', 'again'],
      run(ctx, state) {
        const shmid = need(state, 'shmid');
        const again = attach(ctx, shmid);
        if (Array.isArray(again)) return again;
        state.again = again;
        writeText(ctx, again, 0, inLang(ctx, TEXTS.destMapped));
        const problems = readText(ctx, need(state, 'seg'), 0) === inLang(ctx, TEXTS.destMapped) ? [] : ['the first mapping does not see the write through the second'];
        return [...problems, ...expectRow(ctx, shmid, { dest: true, nattch: 2 })];
      },
    },
    {
      id: 'last-detach',
      code: ['shmdt(again)', 'shmdt(p);', 'run_shell("ipcs -m")', 'int gone = shmctl(shmid, IPC_RMID, NULL)'],
      title: { en: 'The last shmdt', zh: '最后一次 shmdt' },
      say: {
        en: 'Detach the new mapping, then the first; the lesson removes its key file; then look with `ipcs -m` and try IPC_RMID on the old shmid.',
        zh: '先解除新映射，再解除第一个；本课删掉自己的 key 文件；然后用 `ipcs -m` 看一看，再对旧的 shmid 调用 IPC_RMID。',
      },
      notice: LAST_DETACH,
      noticeBy: (live) => withOthers(LAST_DETACH, live),
      traceFocus: ['EINVAL'],
      diagram: LIFE,
      highlight: ['dest', 'again', 'again->freed', 'dest->freed', 'freed'],
      async run(ctx, state) {
        const shmid = need(state, 'shmid');
        const problems = expectOk(ctx.sys.shmdt(need(state, 'again')));
        // one mapping left: the segment waits for it
        problems.push(...expectRow(ctx, shmid, { dest: true, nattch: 1 }));
        problems.push(...expectOk(ctx.sys.shmdt(need(state, 'seg'))));
        if (row(ctx, shmid)) problems.push(`segment ${shmid} is still in the kernel after the last detach`);
        ctx.focus(null);
        problems.push(...removeFolder(ctx, need(state, 'dir')));
        const { text, exitCode } = await ctx.exec('ipcs', ['-m']);
        if (exitCode === 0 && text.split('\n').some((line) => line.trim().split(/\s+/)[1] === String(shmid))) problems.push(`ipcs -m still lists ${shmid}`);
        return [...problems, ...expectErrno(ctx.sys.shmctlRmid(shmid), 'EINVAL')];
      },
    },
  ],
  checkpoints: {
    set: {
      // about the mode in buf, whichever ran (the step runs only the learner's when they give one)
      question: { en: 'After IPC_SET with buf\'s mode, the Kernel pane\'s perms are…', zh: '用 buf 里的权限做 IPC_SET 之后，“内核”窗格的 perms 显示什么？' },
      choices: SET_PERMS,
      answer: (live) => {
        if (setCall(live).errno !== null) return 2;
        const perms = liveRow(live, need(live.state, 'shmid'))?.perms;
        return perms === (need(live.state, 'setMode') & 0o777).toString(8).padStart(3, '0') ? 0 : 1;
      },
      hint: { en: 'IPC_SET copies the mode from buf, and you are the owner.', zh: 'IPC_SET 从 buf 中取出权限来设置，而你是属主。' },
      explain: (live) => {
        const perms = liveRow(live, need(live.state, 'shmid'))?.perms ?? '?';
        return {
          en: `${outcomeOf(setCall(live)).en}; the Kernel pane shows perms ${perms}: the owner may change the mode.`,
          zh: `${outcomeOf(setCall(live)).zh}；内核窗格显示 perms ${perms}：属主可以修改权限。`,
        };
      },
    },
    rmid: {
      // what the key is for, so that its fate can be reasoned out (issue 16)
      // no step has shown a removal while attached: the question says so, the hint gives the ground (issue 16)
      question: { en: 'IPC_RMID on it, still attached: no step has shown this. Reason it out: shmget(key, …) finds a segment by its key. Its row…', zh: '映射还在时对它调用 IPC_RMID，还没有哪一步演示过。请由此推理：shmget(key, …) 靠 key 找到共享内存段。“内核”窗格里它的那一行……' },
      choices: [
        { en: 'is gone at once, key and all', zh: '马上消失，连同它的 key', whyNot: { en: 'only a segment nobody has mapped goes at once; this one is still attached.', zh: '只有没人映射的共享内存段才会马上消失；这个段还被映射着。' } },
        { en: 'stays, key now 0x00000000', zh: '还在，key 变为 0x00000000', whyNot: { en: 'an attached segment stays, dest with key 0; this one was not attached, or IPC_RMID failed.', zh: '被映射着的共享内存段会留下，标为 dest、key 变为 0；这个段没有被映射，或者 IPC_RMID 失败了。' } },
        { en: 'stays, key as it was', zh: '还在，key 保持原样', whyNot: { en: 'a segment marked for removal must not be found by shmget(key, …) again, so IPC_RMID sets its key to 0, mapped or not.', zh: '标记待删的共享内存段不能再被 shmget(key, …) 找到，所以不管是否还被映射，IPC_RMID 都把它的 key 改成 0。' } },
      ],
      answer: (live) => {
        const seg = liveRow(live, need(live.state, 'shmid'));
        if (!seg) return 0;
        return seg.status.includes('dest') ? 1 : 2;
      },
      hint: { en: 'nattch is 1: someone still uses it. And should a later shmget(key, …) find a segment that is to go?', zh: 'nattch 为 1：还有人在用它。再想想：之后的 shmget(key, …) 还该找到一个要删的共享内存段吗？' },
      explain: (live) => {
        const seg = liveRow(live, need(live.state, 'shmid'));
        return seg
          ? { en: `Still listed, status ${seg.status || '-'}, key ${seg.key}: marked, and freed at the last detach. Key 0 finds nothing, so no new shmget(key, …) gets a segment on its way out.`, zh: `仍在列表里，状态 ${seg.status || '-'}，key ${seg.key}：已标记，最后一次解除映射时才释放。key 0 找不到任何段，所以新的 shmget(key, …) 拿不到这个要删的段。` }
          : { en: 'Gone at once: nothing was attached any more.', zh: '马上消失了：已经没有映射。' };
      },
    },
    'perms-owner': {
      question: { en: 'Its owner, not root, attaches it read-write: shmat gives…', zh: '属主（不是 root）以读写方式 shmat，得到……' },
      choices: OWNER_RW,
      answer: (live) => choiceOf(OWNER_RW, ownerRw(live.state).errno, 1),
      hint: { en: 'shmat checks the mode bits against the access asked for, owner or not; only root skips that check.', zh: 'shmat 按要求的访问方式检查权限位，属主也不例外；只有 root 能跳过这项检查。' },
      explain: (live) => {
        const rw = ownerRw(live.state);
        const uid = need(live.state, 'ownerUid');
        return rw.errno === null
          ? { en: `${rw.c} by uid ${uid} returned ${rw.ret}: this process skipped the mode check (it has a capability such as CAP_IPC_OWNER).`, zh: `uid ${uid} 的 ${rw.c} 返回 ${rw.ret}：这个进程跳过了权限检查（它有 CAP_IPC_OWNER 这样的能力）。` }
          : {
              en: `${rw.c} by uid ${uid}: ${rw.errno}. The owner's bits are r--, no w: no read-write attach (SHM_RDONLY needs only r). Root's CAP_IPC_OWNER would skip the check.`,
              zh: `uid ${uid} 的 ${rw.c}：${rw.errno}。属主的权限位是 r--，没有 w：不能以读写方式映射（SHM_RDONLY 只要 r）。root 的 CAP_IPC_OWNER 会跳过这项检查。`,
            };
      },
    },
    'attach-dest': {
      // a guess, said as one (the pane labels it Predict): the row shows the segment still there, not whether a dest one attaches,
      // which is a Linux rule (issue 16: "reason it out from its row" asked what no row shows)
      question: { en: 'The segment is dest, key 0, yet still listed. No step has shown this yet, so a guess is fair: shmat by its shmid gives…', zh: '共享内存段已是 dest，key 为 0，但仍在列表里。还没有哪一步演示过，猜一猜就好：按 shmid 调用 shmat 得到……' },
      choices: DEST,
      answer: (live) => choiceOf(DEST, lastCall(live, 'shmat').errno, 0),
      // points where to look, answers nothing (issue 16: "Linux asks only that the shmid names a segment" was the answer)
      hint: { en: 'Look at its row: what did dest change, the key or the shmid? Is the segment still there?', zh: '看它那一行：dest 改掉的是 key 还是 shmid？这个共享内存段还在吗？' },
      explain: (live) => {
        const seg = liveRow(live, need(live.state, 'shmid'));
        return {
          en: `${outcomeOf(lastCall(live, 'shmat')).en}; nattch ${seg?.nattch ?? '-'}, ${seg?.status || '-'}. Linux attaches a dest segment by a shmid the caller knows; other Unix systems refuse.`,
          zh: `${outcomeOf(lastCall(live, 'shmat')).zh}；nattch 为 ${seg?.nattch ?? '-'}，状态 ${seg?.status || '-'}。Linux 允许按调用者知道的 shmid 映射 dest 状态的共享内存段；别的 Unix 系统会拒绝。`,
        };
      },
    },
    'last-detach': {
      question: { en: 'After both shmdt, IPC_RMID on the old shmid gives…', zh: '两次 shmdt 之后，对旧 shmid 再调用 IPC_RMID 得到……' },
      choices: RMID_AGAIN,
      answer: (live) => choiceOf(RMID_AGAIN, lastCall(live, 'shmctl').errno, 0),
      hint: { en: 'The id no longer names anything.', zh: '这个 id 已经不指向任何东西了。' },
      explain: (live) => ({
        en: `${outcomeOf(lastCall(live, 'shmctl')).en}: the id names no segment now.`,
        zh: `${outcomeOf(lastCall(live, 'shmctl')).zh}：这个 id 已不指向任何共享内存段。`,
      }),
    },
  },
  check: [
    {
      question: { en: 'Which command reads every field of struct shmid_ds?', zh: '哪个命令读取 struct shmid_ds 的所有字段？' },
      choices: [
        word('IPC_STAT'),
        choice('IPC_SET', { en: 'IPC_SET writes fields of buf into the kernel\'s record; it reads nothing back.', zh: 'IPC_SET 把 buf 里的字段写进内核的记录；它不读回任何东西。' }),
        choice('IPC_RMID', { en: 'IPC_RMID removes (or marks) the segment and ignores buf.', zh: 'IPC_RMID 删除（或标记）共享内存段，不理会 buf。' }),
      ],
      answer: 0,
      explain: { en: 'IPC_STAT copies the kernel\'s record into buf.', zh: 'IPC_STAT 把内核的记录复制到 buf 里。' },
    },
    {
      // step 3 said who may IPC_SET; this asks what IPC_SET leaves of the creator (step 2 showed cuid)
      question: { en: 'Your process made a segment, then IPC_SET gave it to uid 1001. What will IPC_STAT show as uid and cuid?', zh: '你的进程建了一个共享内存段，随后用 IPC_SET 把它交给 uid 1001。IPC_STAT 会显示什么 uid 和 cuid？' },
      choices: [
        { en: 'uid 1001, cuid 1001', zh: 'uid 1001，cuid 1001', whyNot: { en: 'IPC_SET sets uid, gid and mode from buf; cuid, the creator, is not among them.', zh: 'IPC_SET 按 buf 设置的是 uid、gid 和权限；cuid（创建者）不在其中。' } },
        { en: 'uid 1001, cuid still yours', zh: 'uid 1001，cuid 仍是你的' },
        { en: 'uid still yours, cuid 1001', zh: 'uid 仍是你的，cuid 1001', whyNot: { en: 'IPC_SET gave the owner, uid, to 1001, and it never sets cuid.', zh: 'IPC_SET 把属主 uid 改成了 1001，而它从不设置 cuid。' } },
      ],
      answer: 1,
      explain: { en: 'IPC_SET sets uid, gid and mode (the low 9 bits), never cuid: the creator stays on record, and keeps the right to IPC_SET and IPC_RMID.', zh: 'IPC_SET 设置 uid、gid 和权限（低 9 位），从不改 cuid：创建者一直记录在案，也始终可以做 IPC_SET 和 IPC_RMID。' },
    },
    {
      // "marked while attached": one nobody maps goes at once (overview's ipcrm), which is no mark
      question: { en: 'IPC_RMID while a process still has the segment mapped: when is it freed?', zh: '还有进程映射着共享内存段时调用 IPC_RMID：它什么时候释放？' },
      choices: [
        { en: 'at once', zh: '立即', whyNot: { en: 'only when nothing has it mapped; an attached segment is marked dest and lives on.', zh: '只在没有映射时才如此；被映射着的共享内存段只被标为 dest，继续存在。' } },
        { en: 'at the last detach (shmdt, exit or exec)', zh: '最后一次解除映射时（shmdt、exit 或 exec）' },
        { en: 'at reboot', zh: '重启时', whyNot: { en: 'a segment never removed lasts until reboot; one marked by IPC_RMID goes sooner.', zh: '从没删除过的共享内存段才会留到重启；被 IPC_RMID 标记的段会更早释放。' } },
      ],
      answer: 1,
      explain: { en: 'Marked dest, it lives on while something still has it mapped.', zh: '标记为 dest 后，只要 nattch 大于 0 它就还在。' },
    },
  ],
});
