// Small tools the lesson steps share: checking a call's outcome, taking what an earlier
// step left in the lesson's state, and touching attached memory with the access written into the trace.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, SegmentError, type CallRecord, type Segment, type SegmentRecord } from '../native/index.js';
import type { StepContext, Text } from './types.js';
import type { Lang } from '../lang.js';
import { both } from '../text/strings.js';
import { now } from '../native/clock.js';

/** The lesson's own process as the process table names it: its calls are in the trace
 *  ("18992 ftok(…)", "spawn server"), so the table names its pid too (the engine adds it
 *  to a lesson's list that leaves it out). */
export const LESSON_PROCESS: Text = { en: 'lesson', zh: '本课' };


/** A step's problems: what a helper returns instead of its value when the call it made failed. */
export type Problems = string[];

/** A value an earlier step left in the lesson's state; throws (failing the step plainly) when that step did not. */
export function need<S, K extends keyof S & string>(state: S, name: K): Exclude<S[K], undefined> {
  const value = state[name];
  if (value === undefined) throw new Error(`this step needs ${name} from an earlier step, which did not provide it`);
  return value as Exclude<S[K], undefined>;
}

/** Problems when a call did not succeed. */
export function expectOk(call: CallRecord): string[] {
  return call.errno === null ? [] : [`${call.c} failed with ${call.errno} (${call.message}); it should succeed`];
}

/** Problems when a call did not fail with exactly this errno. */
export function expectErrno(call: CallRecord, errno: string): string[] {
  if (call.errno === errno) return [];
  return [call.errno === null ? `${call.c} returned ${call.ret}; it should fail with ${errno}` : `${call.c} failed with ${call.errno}; ${errno} was expected`];
}

/** The text of `data` in the language the learner reads as the step runs (ctx.lang; English
 *  in a context made by hand): what a step writes or sends as data (a segment's text, a
 *  message), so an English run shows no Chinese and a Chinese run no English. */
export function inLang<T>(ctx: StepContext, data: Record<Lang, T>): T {
  return data[ctx.lang?.() ?? 'en'];
}

/** Adds a line of explanation to the trace, in both languages. */
export function explain(ctx: StepContext, en: string, zh: string): void {
  ctx.trace({ type: 'event', pid: ctx.sys.getpid(), text: { en, zh } satisfies Text, at: now() });
}

/** The kernel's row for a segment right now (from /proc/sysvipc/shm), or undefined when it is gone. */
export function row(ctx: StepContext, shmid: number): SegmentRecord | undefined {
  return ctx.sys.readSegments().find((s) => s.shmid === shmid);
}

/** Problems when the segment is still in the kernel (after it was removed, or freed at the last detach). */
export function expectGone(ctx: StepContext, shmid: number): string[] {
  return row(ctx, shmid) ? [`segment ${shmid} is still in the kernel`] : [];
}

/** Problems when the kernel's row does not show these values. */
export function expectRow(ctx: StepContext, shmid: number, want: Partial<Pick<SegmentRecord, 'key' | 'nattch' | 'perms' | 'size' | 'lpid'>> & { dest?: boolean }): string[] {
  const seg = row(ctx, shmid);
  if (!seg) return [`segment ${shmid} should be in the kernel, and it is not`];
  const problems: string[] = [];
  for (const [field, value] of Object.entries(want)) {
    const actual = field === 'dest' ? seg.status.includes('dest') : seg[field as keyof SegmentRecord];
    if (actual !== value) problems.push(`segment ${shmid}: ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(value)}`);
  }
  return problems;
}

/** shmget(IPC_PRIVATE, 4096, 0600), the lessons' usual segment, shown in the state panel.
 *  Returns the shmid, or the problems when shmget failed. */
export function createPrivate(ctx: StepContext): number | Problems {
  const call = ctx.sys.shmget(ctx.sys.IPC_PRIVATE, 4096, 0o600);
  if (call.errno !== null) return expectOk(call);
  const shmid = call.ret as number;
  ctx.focus(shmid);
  return shmid;
}

/** shmat(shmid, NULL, flags). Returns the mapping, or the problems when shmat failed. */
export function attach(ctx: StepContext, shmid: number, flags = 0): Segment | Problems {
  const { call, segment } = ctx.sys.shmat(shmid, flags);
  return segment ?? expectOk(call);
}

/** A 0700 folder for the lesson's files (nobody else can swap a file in it), removed at
 *  reset; recorded, so that a killed run cannot leave it behind. */
export function privateFolder(ctx: StepContext, prefix: string): string {
  const dir = makeTempDir(prefix);
  // the trace shows the mkdir the folder came from, as removeFolder shows its rmdir (issue 16:
  // ftok 1 said "a private folder (0700)" with no call that made it)
  ctx.trace({ type: 'call', pid: ctx.sys.getpid(), call: 'mkdir', c: `mkdir(${JSON.stringify(dir)}, 0700)`, ret: 0, errno: null, message: null, at: now() });
  ctx.onReset(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** shmctl(shmid, IPC_SET, &ds) with `change` put in ds first, each field on the trace line
 *  before the call as C assigns it (issue 16: shmctl 4's IPC_SET gave the segment to uid 65534
 *  with no line saying so): the fields of buf the call takes are shown, like msgsnd's mtext. */
export function setPerms(ctx: StepContext, shmid: number, change: { mode?: number; uid?: number; gid?: number }): CallRecord {
  // the IPC_STAT that fills ds first, in the trace as in the C (nc1, s36: IPC_SET alone read as
  // setting a ds left from another segment); shmctlSet reads it again for the values it sends
  const stat = ctx.sys.shmctlStat(shmid);
  if (stat.call.errno) return stat.call;
  const fields = Object.entries(change).map(([field, value]) => `ds.shm_perm.${field} = ${field === 'mode' ? `0${value.toString(8).padStart(3, '0')}` : value};`);
  explain(ctx, fields.join(' '), fields.join(' '));
  return ctx.sys.shmctlSet(shmid, change);
}

/** Removes a lesson's folder as a program would, each call in the trace: unlink for each
 *  file in it, then rmdir. `first` names files in the order the lesson's C unlinks them, so the
 *  Trace reads as the C pane does (issue 16: ftok's C unlinked path, linked, while the Trace went
 *  by the directory's order); the rest follow by name. What does not go that way (a folder
 *  inside) goes at reset. */
export function removeFolder(ctx: StepContext, dir: string, first: readonly string[] = []): Problems {
  const problems: Problems = [];
  const files = readdirSync(dir, { withFileTypes: true }).filter((e) => !e.isDirectory()).map((e) => e.name);
  const rank = (name: string) => (first.includes(name) ? first.indexOf(name) : first.length);
  for (const name of files.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))) problems.push(...expectOk(ctx.sys.unlink(join(dir, name))));
  return [...problems, ...expectOk(ctx.sys.rmdir(dir))];
}

/** A new segment (from `create`: createPrivate unless given), attached as state.seg with
 *  `text` written at its start: how the shmdt and shmctl lessons begin. Returns the shmid,
 *  or the problems of the call that failed. */
export function createWithText(ctx: StepContext, state: { shmid?: number; seg?: Segment }, text: string, create: (ctx: StepContext) => number | Problems = createPrivate): number | Problems {
  const shmid = create(ctx);
  if (Array.isArray(shmid)) return shmid;
  state.shmid = shmid;
  const seg = attach(ctx, shmid);
  if (Array.isArray(seg)) return seg;
  state.seg = seg;
  writeText(ctx, seg, 0, text);
  return shmid;
}

/** A throw-away child (crashInChild) is a new program, not a fork: it inherits no mapping, so
 *  it attaches the segment itself before its forbidden access, and its attach and detach (its
 *  own shmdt when its calls show one, else the kernel's as it died) change lpid, atime and
 *  dtime. The trace says so after `inC`, what a C program's forked child does there (testers
 *  could not tell whether the child inherited the mapping: issue 16), naming the detach that
 *  happened and which set which (fix28d#11), or the Kernel pane would change with no cause in
 *  sight. */
export function childAttached(ctx: StepContext, shmid: number, child: { pid: number; calls?: readonly { call: string }[] }, inC: Text): void {
  const own = child.calls?.some((c) => c.call === 'shmdt') ?? false;
  explain(
    ctx,
    `${inC.en} This child, a new program, inherited no mapping. Its own shmat set atime; ${own ? 'its shmdt' : 'the kernel, detaching it as it died,'} set dtime; each set lpid to its pid, ${child.pid}.`,
    `${inC.zh}这个子进程是新启动的程序，没有继承映射：它自己的 shmat 更新了 atime，${own ? '它的 shmdt 更新了 dtime' : '它死时内核替它解除映射，更新了 dtime'}，两次都把 lpid 设为它的 pid ${child.pid}。`,
  );
}

/** Why the guard said no, in both languages, from the refusal's facts: what was tried and
 *  why not (the trace writes "ipclab refused: " before it, so no "refused" again). */
export function refusalText(err: SegmentError): Text {
  const { shmid, address, size, offset, length } = err.facts;
  switch (err.code) {
    case 'READ_ONLY':
      return {
        en: `a write to segment ${shmid}, attached read-only (SHM_RDONLY) at ${address}, so nothing was written; a real write there dies of SIGSEGV`,
        zh: `写入共享内存段 ${shmid}：它在 ${address} 是只读映射（SHM_RDONLY），所以什么也没写；真的写下去会被 SIGSEGV 杀死`,
      };
    case 'DETACHED':
      return {
        en: `an access to ${address}: segment ${shmid} is no longer attached there; that address is not ours to touch`,
        zh: `访问 ${address}：共享内存段 ${shmid} 已不再映射在那里，这个地址不能再碰`,
      };
    case 'OUT_OF_RANGE':
      return {
        en: `${length} bytes from +${offset} pass the end of segment ${shmid} (${size} bytes, offsets 0 to ${size - 1})`,
        zh: `从 +${offset} 起的 ${length} 字节越过了共享内存段 ${shmid} 的末尾（共 ${size} 字节，偏移 0 到 ${size - 1}）`,
      };
    case 'MISALIGNED':
      return {
        en: `an atomic operation needs an offset that is a multiple of 4, not ${offset}`,
        zh: `原子操作的偏移必须是 4 的倍数，${offset} 不是`,
      };
  }
}

/** Runs an access to `seg`; a refusal by ipclab's guard goes into the trace and is returned. */
export function guarded(ctx: StepContext, access: () => void): SegmentError | null {
  try {
    access();
    return null;
  } catch (err) {
    if (!(err instanceof SegmentError)) throw err;
    ctx.trace({ type: 'refused', pid: ctx.sys.getpid(), text: err.message, reason: refusalText(err), at: now() });
    return err;
  }
}

function at(seg: Segment, offset: number): string {
  return offset === 0 ? seg.address : `${seg.address}+${offset}`;
}

/** Writes NUL-terminated UTF-8 text into the segment, as strcpy would, and traces it. */
export function writeText(ctx: StepContext, seg: Segment, offset: number, text: string): number {
  const bytes = seg.writeText(offset, text);
  ctx.trace({
    type: 'event',
    pid: ctx.sys.getpid(),
    text: both((s) => s.copied(`strcpy(${at(seg, offset)}, ${JSON.stringify(text)})`, bytes - 1, seg.shmid)),
    at: now(),
  });
  return bytes;
}

/** Reads NUL-terminated text from the segment, as printf("%s") would, and traces it. */
export function readText(ctx: StepContext, seg: Segment, offset: number): string {
  const text = seg.readText(offset);
  ctx.trace({
    type: 'event',
    pid: ctx.sys.getpid(),
    text: { en: `read at ${at(seg, offset)}: ${JSON.stringify(text)}`, zh: `从 ${at(seg, offset)} 读出：${JSON.stringify(text)}` },
    at: now(),
  });
  return text;
}

/** 'rw-------' for 0600: who may do what. */
export function rwx(mode: number): string {
  const bits = 'rwxrwxrwx';
  return [...bits].map((ch, i) => (mode & (0o400 >> i) ? ch : '-')).join('');
}

/** The columns of the `ipcs -m` line for this shmid, or undefined when it lists none. */
export function ipcsLine(output: string, shmid: number): string[] | undefined {
  return output
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find((cols) => cols[1] === String(shmid) && /^0x[0-9a-f]+$/i.test(cols[0] ?? ''));
}
