// Runs statements in this process over the native layer: every system call through the
// traced functions of src/native (CallRecords), every memory access through the
// bounds-checked Segment. The session runs one Interpreter here (process a) and one in
// the helper (process b); the session owns the set of segments the playground made.
import { constants } from 'node:os';
import type { Lang } from '../lang.js';
import { crashInChild, readSegments, readShmRows, Segment, SegmentError, shmat, shmctlRmid, shmctlSet, shmctlStat, shmdt, shmget, ftok, type CallRecord, type ShmidDs } from '../native/index.js';
import { formatMode } from '../native/format.js';
import { IPC_RMID, IPC_SET, IPC_STAT, SHM_RDONLY } from '../native/constants.js';
import { closest } from '../text/closest.js';
import { callText, seenEndParts } from '../text/results.js';
import { SHARED } from '../text/strings.js';
import { sanitize } from '../text/sanitize.js';
import { table } from '../text/table.js';
import { cells } from '../text/cells.js';
import { dumpTexts } from '../text/dump.js';
import { refusalText } from '../lessons/kit.js';
import { COUNTING_RULE } from './count.js';
import { meaning, type CallContext } from './meaning.js';
import type { Expr, OutputLine, OutputKind, Statement, Text } from './types.js';
import { COMMAND_HELP, CONSTANTS, constantOf, ELSEWHERE, FUNCTIONS, isFunction, isReserved, knownWords, wordHelpOf, type FunctionName, type Param } from './vocabulary.js';

export type Value = { k: 'num'; v: number } | { k: 'str'; v: string } | { k: 'ptr'; seg: Segment; off: number } | { k: 'remote'; shown: string };

/** A value that can cross to the other process (pointers stay where they were attached). */
export type PortableValue = Exclude<Value, { k: 'ptr' }>;

/** What a statement did, for the challenges (kept by the session, in order). */
export type Fact =
  | { k: 'call'; rec: CallRecord; shmid?: number; cmd?: string; key?: number; created?: boolean }
  | { k: 'refused'; code: string }
  | { k: 'crash'; signal: string | null }
  | { k: 'write'; shmid: number; off: number; text: string; pid: number }
  | { k: 'read'; shmid: number; off: number; text: string; pid: number };

export interface StatementResult {
  calls: CallRecord[];
  lines: OutputLine[];
  facts: Fact[];
  /** set when the statement assigned a variable */
  assigned?: { name: string; value: Value };
}

export interface InterpreterOptions {
  lang: Lang;
  allowForeign: boolean;
  /** `dump`'s marks as --ascii draws them (SessionOptions.ascii) */
  ascii: boolean;
  /** the segments the playground made (in either process) */
  ours: () => ReadonlySet<number>;
  /** a segment this process just made */
  onCreated: (shmid: number) => void;
  /** names that hold a pointer of the other process (an unknown name here may be one of those) */
  elsewhere: () => ReadonlySet<string>;
}

/** A refusal of the statement, shown as an error line; `code` names guard and look-only refusals. */
/** A queue or semaphore call, which the playground does not have: says so, with the calls
 *  it has and the lesson that makes that one (no did-you-mean to a shm call alike). */
function elsewhere(name: string): void {
  if (!Object.hasOwn(ELSEWHERE, name)) return;
  const calls = Object.keys(FUNCTIONS).join(', ');
  throw new PlayError({
    en: `the playground has shared-memory calls only (${calls}): no ${name}; the ${ELSEWHERE[name]} lesson makes it live`,
    zh: `练习场只有共享内存的调用（${calls}）：没有 ${name}；${ELSEWHERE[name]} 一课会现场调用它`,
  });
}

export class PlayError extends Error {
  constructor(
    readonly text: Text,
    readonly code?: string,
  ) {
    super(text.en);
  }
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 32 - 1;
const DUMP_MAX = 4096;

export function errnoNumber(name: string | null): number {
  return name && Object.hasOwn(constants.errno, name) ? (constants.errno as Record<string, number>)[name] : 0;
}

export function showValue(value: Value): string {
  switch (value.k) {
    case 'num':
      return String(value.v);
    case 'str':
      return JSON.stringify(value.v);
    case 'ptr':
      return `${pointerText(value)} (segment ${value.seg.shmid}${value.off ? ` + ${value.off}` : ''})`;
    case 'remote':
      return value.shown;
  }
}

function pointerText(value: { seg: Segment; off: number }): string {
  return `0x${(value.seg.addressValue + BigInt(value.off)).toString(16)}`;
}

function describeType(value: Value): Text {
  switch (value.k) {
    case 'num':
      return { en: `the number ${value.v}`, zh: `数 ${value.v}` };
    case 'str':
      return { en: 'a string', zh: '字符串' };
    case 'ptr':
      return { en: 'a pointer', zh: '指针' };
    case 'remote':
      return { en: 'a pointer of the other process', zh: '另一个进程的指针' };
  }
}

export class Interpreter {
  readonly vars = new Map<string, Value>();
  /** the errno of the last call that failed (0 before any) */
  errno = 0;
  /** segments attached here and not detached */
  readonly attached: Segment[] = [];
  #out: StatementResult = { calls: [], lines: [], facts: [] };

  constructor(readonly opts: InterpreterOptions) {}

  #t(text: Text): string {
    return text[this.opts.lang];
  }

  /** `indent`: where a wrapped line's continuation starts (the description column of a two-column row). */
  #line(kind: OutputKind, text: string | Text, indent?: number): void {
    const shown = typeof text === 'string' ? text : this.#t(text);
    for (const part of shown.split('\n')) this.#out.lines.push({ text: part, kind, ...(indent ? { indent } : {}) });
  }

  /** A memory access as the trace would print a call: with the pid that made it. */
  #access(text: string): void {
    this.#out.lines.push({ kind: 'result', text, pid: process.pid });
  }

  #call(rec: CallRecord, context: CallContext, fact: Partial<Fact & { k: 'call' }> = {}): void {
    this.#out.calls.push(rec);
    this.#out.facts.push({ k: 'call', rec, ...fact });
    if (rec.errno) this.errno = errnoNumber(rec.errno);
    this.#line('result', sanitize(callText(rec, this.opts.lang)));
    const said = this.#t(meaning(rec, context));
    if (said) this.#line('meaning', said);
  }

  /** Runs one statement (not `@b`: the session sends those to the helper). Never rejects. */
  async exec(stmt: Statement): Promise<StatementResult> {
    this.#out = { calls: [], lines: [], facts: [] };
    try {
      await this.#statement(stmt);
    } catch (err) {
      if (err instanceof PlayError) {
        this.#out.lines.push({ kind: 'error', text: this.#t(err.text), ...(err.code ? { refused: true } : {}) });
        if (err.code) this.#out.facts.push({ k: 'refused', code: err.code });
      } else {
        this.#line('error', { en: `ipclab could not run this: ${String(err)}`, zh: `ipclab 无法执行这一句：${String(err)}` });
      }
    }
    return this.#out;
  }

  async #statement(stmt: Statement): Promise<void> {
    switch (stmt.k) {
      case 'empty':
        return;
      case 'expr': {
        const value = await this.#eval(stmt.expr);
        if (stmt.expr.k !== 'call') this.#line('result', `${this.#exprText(stmt.expr)} = ${this.#show(stmt.expr, value)}`);
        return;
      }
      case 'assign': {
        if (isReserved(stmt.name)) {
          throw new PlayError({ en: `${stmt.name} is a name of the playground, not a variable: choose another name`, zh: `${stmt.name} 是练习场的名字，不是变量：换一个名字` });
        }
        const value = await this.#eval(stmt.expr);
        this.vars.set(stmt.name, value);
        this.#out.assigned = { name: stmt.name, value };
        if (stmt.expr.k !== 'call') this.#line('result', `${stmt.name} = ${showValue(value)}`);
        return;
      }
      case 'command':
        return this.#command(stmt.name, stmt.args);
      case 'crash':
        return this.#crash(stmt.call);
      case 'peer':
        throw new PlayError({ en: '@b runs in the helper; the helper cannot start another', zh: '@b 在辅助进程里执行；辅助进程不能再启动另一个' });
    }
  }

  #exprText(expr: Expr): string {
    switch (expr.k) {
      case 'num':
        return String(expr.value);
      case 'str':
        return JSON.stringify(expr.value);
      case 'name':
        return expr.name;
      case 'binary':
        return `${this.#exprText(expr.left)} ${expr.op} ${this.#exprText(expr.right)}`;
      case 'call':
        return `${expr.name}(${expr.args.map((a) => this.#exprText(a)).join(', ')})`;
    }
  }

  #show(expr: Expr, value: Value): string {
    if (expr.k === 'name' && expr.name === 'errno' && value.k === 'num' && value.v) {
      const name = Object.entries(constants.errno).find(([, n]) => n === value.v)?.[0];
      return `${value.v}${name ? ` (${name})` : ''}`;
    }
    return showValue(value);
  }

  async #eval(expr: Expr): Promise<Value> {
    switch (expr.k) {
      case 'num':
        return { k: 'num', v: expr.value };
      case 'str':
        return { k: 'str', v: expr.value };
      case 'name':
        return this.#name(expr.name);
      case 'binary':
        return this.#binary(expr.op, await this.#eval(expr.left), await this.#eval(expr.right));
      case 'call':
        return this.#callExpr(expr.name, expr.args);
    }
  }

  #name(name: string): Value {
    if (name.startsWith('&')) return { k: 'num', v: 0 }; // &ds: IPC_STAT's buffer, which the playground keeps itself
    if (name === 'errno') return { k: 'num', v: this.errno };
    const constant = constantOf(name);
    if (constant) return { k: 'num', v: constant.value };
    const value = this.vars.get(name);
    if (value) return value;
    if (this.opts.elsewhere().has(name)) {
      throw new PlayError({ en: `${name} is a pointer of the other process: a pointer is valid only where it was attached (shmat there, or use @b)`, zh: `${name} 是另一个进程的指针：指针只在映射它的进程里有效（在这边也 shmat，或用 @b）` });
    }
    if (isFunction(name)) throw new PlayError({ en: `${name} is a call: write ${name}(…)`, zh: `${name} 是调用：写作 ${name}(…)` });
    const guess = closest(name, [...knownWords(), ...this.vars.keys()]);
    // a near miss of a constant or call is a typo, not a variable waiting for a value
    if (guess && !this.vars.has(guess)) throw new PlayError({ en: `unknown name ${name}: did you mean ${guess}?`, zh: `未知的名字 ${name}：你是不是想写 ${guess}？` });
    throw new PlayError({
      en: `${name} is not set${guess ? ` (did you mean ${guess}?)` : ''}: give it a value first, as in id = shmget(IPC_PRIVATE, 4096, 0600)`,
      zh: `${name} 还没有值${guess ? `（你是不是想写 ${guess}？）` : ''}：先给它赋值，例如 id = shmget(IPC_PRIVATE, 4096, 0600)`,
    });
  }

  #binary(op: '|' | '+' | '-', left: Value, right: Value): Value {
    if (left.k === 'num' && right.k === 'num') {
      if (op === '|' && (left.v < 0 || right.v < 0)) throw new PlayError({ en: '| takes flags (numbers >= 0)', zh: '| 只用于标志（>= 0 的数）' });
      const v = op === '|' ? Number(BigInt(left.v) | BigInt(right.v)) : op === '+' ? left.v + right.v : left.v - right.v;
      if (!Number.isSafeInteger(v)) throw new PlayError({ en: 'the result is too large', zh: '结果太大' });
      return { k: 'num', v };
    }
    if (left.k === 'ptr' && right.k === 'num' && op !== '|') {
      return { k: 'ptr', seg: left.seg, off: op === '+' ? left.off + right.v : left.off - right.v };
    }
    throw new PlayError({
      en: `${op} cannot combine ${describeType(left).en} and ${describeType(right).en} (flags: IPC_CREAT|0600; a pointer and a number: p + 16)`,
      zh: `${op} 不能组合${describeType(left).zh}和${describeType(right).zh}（标志：IPC_CREAT|0600；指针加数：p + 16）`,
    });
  }

  /** Checks the argument count and types against the vocabulary; returns the values. */
  async #args(name: FunctionName, args: Expr[]): Promise<{ values: Value[]; params: Param[] }> {
    const spec = FUNCTIONS[name];
    const params = spec.params.find((p) => p.length === args.length);
    if (!params) {
      const counts = spec.params.map((p) => p.length).join(this.opts.lang === 'zh' ? ' 或 ' : ' or ');
      throw new PlayError({ en: `${name} takes ${counts} arguments, not ${args.length}: ${spec.signature}`, zh: `${name} 需要 ${counts} 个参数，而不是 ${args.length} 个：${spec.signature}` });
    }
    const values: Value[] = [];
    for (let i = 0; i < args.length; i++) {
      const value = await this.#eval(args[i]);
      const want = params[i].type;
      const ok = want === 'number' ? value.k === 'num' : want === 'pointer' ? value.k === 'ptr' : value.k === 'str';
      if (!ok) {
        const hint: Text =
          want === 'pointer' && value.k === 'num' && value.v === -1
            ? { en: ' (-1: the shmat that made it failed)', zh: '（-1：得到它的 shmat 失败了）' }
            : want === 'pointer' && value.k === 'remote'
              ? { en: ' (a pointer is valid only in the process that attached it)', zh: '（指针只在映射它的进程里有效）' }
              : { en: '', zh: '' };
        const wanted: Record<string, Text> = { number: { en: 'a number', zh: '数' }, pointer: { en: 'a pointer from shmat', zh: 'shmat 返回的指针' }, string: { en: 'a string', zh: '字符串' }, path: { en: 'a path in quotes', zh: '带引号的路径' } };
        throw new PlayError({
          en: `argument ${i + 1} of ${name} (${params[i].name}) must be ${wanted[want].en}, not ${describeType(value).en}${hint.en}`,
          zh: `${name} 的第 ${i + 1} 个参数（${params[i].name}）应为${/^[A-Za-z]/.test(wanted[want].zh) ? ' ' : ''}${wanted[want].zh}，而不是${describeType(value).zh}${hint.zh}`,
        });
      }
      values.push(value);
    }
    return { values, params };
  }

  #int(value: Value, what: string, min = INT_MIN, max = INT_MAX): number {
    const v = (value as { v: number }).v;
    if (v < min || v > max) throw new PlayError({ en: `${what} must be between ${min} and ${max}, not ${v}`, zh: `${what} 应在 ${min} 到 ${max} 之间，而不是 ${v}` });
    return v;
  }

  /** Refuses a change to a segment the playground did not make, unless allowed. */
  #mayChange(shmid: number, what: string): void {
    if (this.opts.allowForeign || this.opts.ours().has(shmid)) return;
    const row = readShmRows().find((r) => r.shmid === shmid);
    if (!row) return; // the kernel answers for ids that do not exist
    throw new PlayError(
      {
        en: `segment ${shmid} was not made by this playground (creator pid ${row.cpid}): it is look-only, so ${what} is refused (ipclab play --allow-foreign lifts this)`,
        zh: `段 ${shmid} 不是这个练习场创建的（创建者 pid ${row.cpid}）：只能查看，所以拒绝 ${what}（ipclab play --allow-foreign 可解除）`,
      },
      'FOREIGN',
    );
  }

  #row(shmid: number) {
    return readShmRows().find((r) => r.shmid === shmid) ?? null;
  }

  async #callExpr(name: string, args: Expr[]): Promise<Value> {
    if (!isFunction(name)) {
      elsewhere(name);
      const guess = closest(name, Object.keys(FUNCTIONS));
      throw new PlayError({
        en: `there is no call ${name}${guess ? ` (did you mean ${guess}?)` : ''}; \`help\` lists them`,
        zh: `没有 ${name} 这个调用${guess ? `（你是不是想写 ${guess}？）` : ''}；\`help\` 会列出所有调用`,
      });
    }
    const { values } = await this.#args(name, args);
    const nums = values.map((v) => (v.k === 'num' ? v.v : 0));
    switch (name) {
      case 'ftok': {
        const path = (values[0] as { v: string }).v;
        if (path.includes('\0')) throw new PlayError({ en: 'a path cannot hold a NUL byte', zh: '路径里不能有 NUL 字节' });
        const rec = ftok(path, this.#int(values[1], 'id'));
        this.#call(rec, { path: JSON.stringify(path) });
        return { k: 'num', v: Number(rec.ret) };
      }
      case 'shmget': {
        const key = this.#int(values[0], 'key');
        if (nums[1] < 0) throw new PlayError({ en: `size must be 0 or more, not ${nums[1]}`, zh: `size 应为 0 或更大，而不是 ${nums[1]}` });
        const flags = this.#int(values[2], 'flags');
        const before = new Set(readShmRows().map((r) => r.shmid));
        const rec = shmget(key, nums[1], flags);
        const id = Number(rec.ret);
        const row = rec.errno ? null : this.#row(id);
        const created = row !== null && !before.has(id);
        if (created) this.opts.onCreated(id);
        this.#call(rec, { shmid: id, key: key >>> 0, created, size: row?.size, mode: row?.mode }, { shmid: id, key: key >>> 0, created });
        return { k: 'num', v: id };
      }
      case 'shmat': {
        const shmid = this.#int(values[0], 'shmid');
        if (nums[1] !== 0) throw new PlayError({ en: 'the playground lets the kernel choose the address: pass NULL as the second argument', zh: '练习场让内核选择地址：第二个参数请写 NULL' });
        const flags = this.#int(values[2], 'flags');
        if (!(flags & SHM_RDONLY)) this.#mayChange(shmid, 'a writable attach (SHM_RDONLY is allowed)');
        const { call, segment } = shmat(shmid, flags);
        if (segment) this.attached.push(segment);
        this.#call(call, { shmid, readOnly: segment?.readOnly, nattch: this.#row(shmid)?.nattch ?? null }, { shmid });
        return segment ? { k: 'ptr', seg: segment, off: 0 } : { k: 'num', v: -1 };
      }
      case 'shmdt': {
        const p = values[0] as { seg: Segment; off: number };
        if (p.off !== 0) throw new PlayError({ en: `shmdt takes the address shmat returned, not one ${p.off} bytes into it (the kernel would answer EINVAL)`, zh: `shmdt 要的是 shmat 返回的地址，而不是往后 ${p.off} 字节的地址（内核会返回 EINVAL）` });
        const rec = shmdt(p.seg);
        if (!rec.errno) this.attached.splice(this.attached.indexOf(p.seg), 1);
        this.#call(rec, { shmid: p.seg.shmid, nattch: this.#row(p.seg.shmid)?.nattch ?? null }, { shmid: p.seg.shmid });
        return { k: 'num', v: Number(rec.ret) };
      }
      case 'shmctl':
        return this.#shmctl(values);
      case 'strcpy':
        return this.#guarded(() => this.#strcpy(values[0] as { k: 'ptr'; seg: Segment; off: number }, (values[1] as { v: string }).v));
      case 'puts':
        return this.#guarded(() => this.#puts(values[0] as { k: 'ptr'; seg: Segment; off: number }));
      case 'dump':
        return this.#guarded(() => this.#dump(values[0] as { k: 'ptr'; seg: Segment; off: number }, nums[1]));
    }
  }

  #shmctl(values: Value[]): Value {
    const shmid = this.#int(values[0], 'shmid');
    const cmd = (values[1] as { v: number }).v;
    const arg = values[2] as { v: number } | undefined;
    if (cmd === IPC_STAT) {
      const { call, ds } = shmctlStat(shmid);
      this.#call(call, { shmid, cmd: 'IPC_STAT' }, { shmid, cmd: 'IPC_STAT' });
      if (ds) this.#statView(ds);
      return { k: 'num', v: Number(call.ret) };
    }
    if (cmd === IPC_SET) {
      if (!arg) throw new PlayError({ en: 'IPC_SET takes the new mode: shmctl(id, IPC_SET, 0640)', zh: 'IPC_SET 需要新的权限：shmctl(id, IPC_SET, 0640)' });
      if (arg.v < 0 || arg.v > 0o777) throw new PlayError({ en: `the mode is permission bits 0 to 0777, not ${arg.v}`, zh: `权限应在 0 到 0777 之间，而不是 ${arg.v}` });
      this.#mayChange(shmid, 'IPC_SET');
      const rec = shmctlSet(shmid, { mode: arg.v });
      this.#call(rec, { shmid, cmd: 'IPC_SET', mode: arg.v }, { shmid, cmd: 'IPC_SET' });
      return { k: 'num', v: Number(rec.ret) };
    }
    if (cmd === IPC_RMID) return this.#remove(shmid);
    throw new PlayError({ en: `cmd must be IPC_STAT, IPC_SET or IPC_RMID, not ${cmd}`, zh: `cmd 应为 IPC_STAT、IPC_SET 或 IPC_RMID，而不是 ${cmd}` });
  }

  #remove(shmid: number): Value {
    this.#mayChange(shmid, 'IPC_RMID');
    const rec = shmctlRmid(shmid);
    this.#call(rec, { shmid, cmd: 'IPC_RMID', nattch: this.#row(shmid)?.nattch ?? 0 }, { shmid, cmd: 'IPC_RMID' });
    return { k: 'num', v: Number(rec.ret) };
  }

  #statView(ds: ShmidDs): void {
    const rows: [string, string][] = [
      ['shm_perm.__key', `0x${(ds.key >>> 0).toString(16).padStart(8, '0')}`],
      ['shm_perm.mode', `${formatMode(ds.mode)}${ds.mode & 0o1000 ? ' | SHM_DEST' : ''}`],
      ['shm_perm.uid/cuid', `${ds.uid}/${ds.cuid}`],
      ['shm_segsz', String(ds.size)],
      ['shm_nattch', String(ds.nattch)],
      ['shm_cpid', String(ds.cpid)],
      ['shm_lpid', String(ds.lpid)],
      ['shm_atime', String(ds.atime)],
      ['shm_dtime', String(ds.dtime)],
      ['shm_ctime', String(ds.ctime)],
    ];
    for (const [field, value] of rows) this.#line('view', `  ds.${field.padEnd(18)} ${value}`);
  }

  /** Runs a memory access; a guard refusal becomes an error line with the guard's words. */
  #guarded(access: () => Value): Value {
    try {
      return access();
    } catch (err) {
      if (!(err instanceof SegmentError)) throw err;
      // the reason in the learner's language, from the refusal's facts (the lessons' trace words
      // it the same way); the guard by its glossary name, 访问检查 in Chinese
      throw new PlayError({ en: `refused by the guard: ${err.message}`, zh: `被 ipclab 的访问检查拒绝：${refusalText(err).zh}` }, err.code);
    }
  }

  #strcpy(p: { seg: Segment; off: number }, text: string): Value {
    const n = p.seg.writeText(p.off, text);
    const where = pointerText(p);
    this.#access(sanitize(`strcpy(${where}, ${JSON.stringify(text)}) = ${where}`));
    this.#line('meaning', {
      en: `${n} bytes (the text and its NUL) written at offset ${p.off} of segment ${p.seg.shmid}: every process that maps it sees them at once, no call needed`,
      zh: `在段 ${p.seg.shmid} 的偏移 ${p.off} 处写入 ${n} 字节（文字和结尾的 NUL）：映射它的每个进程立即看到，无需任何调用`,
    });
    this.#out.facts.push({ k: 'write', shmid: p.seg.shmid, off: p.off, text, pid: process.pid });
    return { k: 'ptr', seg: p.seg, off: p.off };
  }

  #puts(p: { seg: Segment; off: number }): Value {
    const text = p.seg.readText(p.off);
    this.#access(`puts(${pointerText(p)}) = ${Buffer.byteLength(text) + 1}`);
    this.#line('view', sanitize(text));
    this.#out.facts.push({ k: 'read', shmid: p.seg.shmid, off: p.off, text, pid: process.pid });
    return { k: 'num', v: Buffer.byteLength(text) + 1 };
  }

  #dump(p: { seg: Segment; off: number }, n: number): Value {
    if (n < 0 || n > DUMP_MAX) throw new PlayError({ en: `dump shows 0 to ${DUMP_MAX} bytes, not ${n}`, zh: `dump 显示 0 到 ${DUMP_MAX} 字节，而不是 ${n}` });
    const bytes = p.seg.read(p.off, n);
    this.#access(`dump(${pointerText(p)}, ${n})`);
    // UTF-8 text as the Kernel pane shows it (text/dump.ts): each character once, every row's
    // text exactly a cell per byte, so every full row's closing | is in line
    const texts = dumpTexts(bytes, 16, this.opts.ascii);
    for (let i = 0; i < bytes.length; i += 16) {
      const row = bytes.subarray(i, i + 16);
      const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
      const text = texts[i / 16];
      this.#line('view', `${(p.off + i).toString(16).padStart(6, '0')}  ${hex.padEnd(47)}  |${text}|`);
    }
    return { k: 'num', v: n };
  }

  async #crash(call: Expr & { k: 'call' }): Promise<void> {
    const writes = call.name === 'strcpy';
    if (call.name !== 'strcpy' && call.name !== 'puts' && call.name !== 'dump') {
      throw new PlayError({ en: 'crash takes a memory access: strcpy, puts or dump', zh: 'crash 后面要跟一次内存访问：strcpy、puts 或 dump' });
    }
    const { values } = await this.#args(call.name, call.args);
    const p = values[0] as { seg: Segment; off: number };
    const op = !p.seg.attached ? 'use-after-detach' : writes && p.seg.readOnly ? 'write-rdonly' : null;
    if (!op) {
      throw new PlayError({
        en: 'the guard allows this access, so there is no crash to show: crash repeats a write through a SHM_RDONLY attach, or an access after shmdt',
        zh: 'ipclab 的访问检查允许这次访问，没有崩溃可看：crash 重现的是通过 SHM_RDONLY 映射的写入，或 shmdt 之后的访问',
      });
    }
    const death = await crashInChild({ shmid: p.seg.shmid, op });
    const attach = `shmat(${p.seg.shmid}, NULL, ${op === 'write-rdonly' ? 'SHM_RDONLY' : '0'}) = ${death.address ?? '?'}`;
    const access = op === 'write-rdonly' ? { en: 'then writes one byte there', zh: '然后在那里写一个字节' } : { en: 'shmdt, then reads the old address', zh: 'shmdt，然后读旧地址' };
    // the child's own line, under its pid (in the text: a script prints no pid for this process's
    // lines); a wrapped continuation hangs after the pid
    this.#line('result', `${death.pid} ${attach}; ${this.#t(access)}`, `${death.pid} `.length);
    // the child's end under the pid of the process that saw it (this one, through waitpid),
    // not the dead child's, with the child named: as a lesson's trace has it (src/lessons/format.ts)
    const s = SHARED[this.opts.lang];
    this.#out.lines.push({ kind: 'meaning', text: seenEndParts(s.throwAway(op, death.pid), death, this.opts.lang).join(''), pid: process.pid });
    this.#out.facts.push({ k: 'crash', signal: death.signal });
  }

  #command(name: string, args: string[]): void {
    switch (name) {
      case 'help':
        return this.#help(args);
      case 'ipcs':
        return this.#ipcs();
      case 'ipcrm': {
        const id = args[1] === undefined ? undefined : /^\d+$/.test(args[1]) ? Number(args[1]) : (this.vars.get(args[1]) as { v?: unknown } | undefined)?.v;
        if (args[0] !== '-m' || args.length !== 2 || typeof id !== 'number') throw new PlayError({ en: 'write ipcrm -m SHMID (a number or a variable)', zh: '写作 ipcrm -m SHMID（数或变量）' });
        this.#remove(id);
        return;
      }
      default:
        throw new PlayError({ en: `${name} works in the playground itself, not in @b`, zh: `${name} 只能在练习场本身使用，不能用于 @b` });
    }
  }

  #help(args: string[]): void {
    const [word] = args;
    if (!word) {
      this.#line('info', { en: 'calls (shared memory only: queues and semaphore sets are in the msg and sem lessons):', zh: '调用（只有共享内存的：消息队列和信号量集在 msg、sem 两课里）：' });
      for (const spec of Object.values(FUNCTIONS)) this.#line('info', `  ${spec.signature}`);
      this.#line('info', { en: `constants: ${Object.keys(CONSTANTS).join(' ')}`, zh: `常量：${Object.keys(CONSTANTS).join(' ')}` });
      this.#line('info', { en: 'words:', zh: '命令：' });
      for (const c of Object.values(COMMAND_HELP)) this.#line('info', `  ${c.usage.padEnd(22)} ${this.#t(c.help)}`, 25);
      this.#line('info', { en: 'values: 4096 0x1000 0600 \'K\' "text\\n" IPC_CREAT|0600 p + 16; help NAME says more', zh: '值：4096 0x1000 0600 \'K\' "text\\n" IPC_CREAT|0600 p + 16；help 名字 查看详情' });
      this.#line('info', COUNTING_RULE);
      return;
    }
    if (isFunction(word)) {
      const fn = FUNCTIONS[word];
      this.#line('info', fn.signature);
      this.#line('info', `  ${this.#t(fn.help)}`, 2);
      for (const [errno, why] of Object.entries(fn.errors)) this.#line('info', `  ${errno.padEnd(7)} ${this.#t(why)}`, 10);
      return;
    }
    const constant = constantOf(word);
    if (constant) return this.#line('info', `${word} = 0${constant.value.toString(8)}: ${this.#t(constant.help)}`);
    const command = wordHelpOf(word);
    if (command) return this.#line('info', `${command.usage}: ${this.#t(command.help)}`);
    elsewhere(word);
    const guess = closest(word, knownWords());
    throw new PlayError({ en: `no help on ${word}${guess ? ` (did you mean ${guess}?)` : ''}`, zh: `没有 ${word} 的说明${guess ? `（你是不是想查 ${guess}？）` : ''}` });
  }

  #ipcs(): void {
    const ours = this.opts.ours();
    const rows = readSegments().map((s) => [s.key, String(s.shmid), s.owner, s.perms, String(s.size), String(s.nattch), s.status.join(','), String(s.cpid), String(s.lpid), ours.has(s.shmid) ? '*' : '']);
    this.#line('view', `------ ${this.#t({ en: 'Shared Memory Segments (* = made here)', zh: '共享内存段（* = 在这里创建的）' })} --------`);
    for (const line of table(['key', 'shmid', 'owner', 'perms', 'bytes', 'nattch', 'status', 'cpid', 'lpid', ''], rows)) this.#line('view', line);
  }

  /** Detaches everything attached here (reset and close). */
  detachAll(): CallRecord[] {
    return this.attached.splice(0).filter((s) => s.attached).map((s) => shmdt(s));
  }
}
