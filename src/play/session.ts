// A playground session: process a (this one) and, from the first `@b`, the helper
// process b; the segments either made; the open challenge. The API the TUI and script
// mode use (docs/ARCHITECTURE.md, "The playground").
import type { Lang } from '../lang.js';
import { readSegments, readShmRows, shmctlRmid, type CallRecord, type SegmentRecord } from '../native/index.js';
import { callText } from '../text/results.js';
import { closest } from '../text/closest.js';
import { challengeById, CHALLENGES } from './challenges.js';
import { counts } from './count.js';
import { ChallengeRun, mappedSegments } from './grade.js';
import { HelperProcess } from './helper.js';
import { Interpreter, showValue, type Fact, type PortableValue } from './interpret.js';
import { isSyntaxError, parse } from './parse.js';
import type { ChallengeState, OutputLine, PlayOutput, PlayProcess, PlaySession, SessionOptions, Statement, Text, Variable } from './types.js';
import { knownWords } from './vocabulary.js';

class Session implements PlaySession {
  readonly #lang: Lang;
  readonly #allowForeign: boolean;
  readonly #ascii: boolean;
  /** shmid -> creator pid, for every segment a or b made (kept after removal: the
   *  kernel's rows say what still exists, and leftovers() checks them after close) */
  readonly #made = new Map<number, number>();
  #a: Interpreter;
  #helper: HelperProcess | null = null;
  #challenge: ChallengeRun | null = null;
  #closed = false;
  /** statements run one after another, however fast they come (a paste of many lines) */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(opts: SessionOptions) {
    this.#lang = opts.lang;
    this.#allowForeign = opts.allowForeign;
    this.#ascii = opts.ascii ?? false;
    this.#a = this.#interpreter();
    if (opts.challenge !== undefined) {
      const challenge = challengeById(opts.challenge);
      if (!challenge) throw new Error(unknownChallenge(opts.challenge).en);
      this.#challenge = new ChallengeRun(challenge, opts.lang);
    }
  }

  #interpreter(): Interpreter {
    return new Interpreter({
      lang: this.#lang,
      allowForeign: this.#allowForeign,
      ascii: this.#ascii,
      ours: () => new Set(this.#made.keys()),
      onCreated: (shmid) => this.#made.set(shmid, process.pid),
      elsewhere: () => new Set([...this.#a.vars].filter(([, v]) => v.k === 'remote').map(([name]) => name)),
    });
  }

  #t(text: Text): string {
    return text[this.#lang];
  }

  get challenge(): ChallengeState | null {
    return this.#challenge?.state ?? null;
  }

  run(line: string): Promise<PlayOutput> {
    const next = this.#queue.then(() =>
      this.#runNow(line).catch((err: unknown): PlayOutput => ({ calls: [], lines: [{ kind: 'error', text: this.#t({ en: `ipclab could not run this: ${String(err)}`, zh: `ipclab 无法执行这一句：${String(err)}` }) }] })),
    );
    this.#queue = next;
    return next;
  }

  async #runNow(line: string): Promise<PlayOutput> {
    if (this.#closed) return { calls: [], lines: [{ kind: 'error', text: this.#t({ en: 'this playground is closed', zh: '这个练习场已关闭' }) }] };
    const stmt = parse(line);
    if (isSyntaxError(stmt)) {
      return { calls: [], lines: [{ kind: 'error', text: this.#t({ en: `column ${stmt.col}: ${stmt.message.en}`, zh: `第 ${stmt.col} 列：${stmt.message.zh}` }) }] };
    }
    const out = await this.#statement(stmt);
    const counted = counts(out.facts ?? [], this.#challenge?.challenge.goals ?? []);
    if (this.#challenge) out.lines.push(...this.#challenge.after(out.facts ?? [], counted, this.#segmentsMade(), this.#pids()));
    return { calls: out.calls, lines: out.lines, counted, ...(out.quit ? { quit: true } : {}) };
  }

  async #statement(stmt: Statement): Promise<PlayOutput & { facts?: Fact[] }> {
    if (stmt.k === 'peer') return this.#inHelper(stmt.stmt);
    if (stmt.k === 'command') {
      switch (stmt.name) {
        case 'quit':
          return { calls: [], lines: [], quit: true };
        case 'reset':
          return this.#reset();
        case 'vars':
          return { calls: [], lines: this.variables().map((v) => ({ kind: 'view', text: `${v.process === 'b' ? '@b ' : ''}${v.name} = ${v.shown}` })) };
        case 'hint':
        case 'solution':
          if (!this.#challenge) return { calls: [], lines: [{ kind: 'error', text: this.#t({ en: `${stmt.name} needs an open challenge: ipclab play --challenge ID (ipclab challenges lists them)`, zh: `${stmt.name} 需要先打开一个挑战：ipclab play --challenge ID（ipclab challenges 列出所有挑战）` }) }] };
          return { calls: [], lines: stmt.name === 'hint' ? this.#challenge.hint() : this.#challenge.solutionLines() };
      }
    }
    return this.#a.exec(stmt);
  }

  async #inHelper(stmt: Exclude<Statement, { k: 'peer' } | { k: 'empty' }>): Promise<PlayOutput & { facts?: Fact[] }> {
    if (stmt.k === 'command' && ['quit', 'reset', 'vars', 'hint', 'solution'].includes(stmt.name)) {
      return { calls: [], lines: [{ kind: 'error', text: this.#t({ en: `${stmt.name} is for the playground itself: write it without @b`, zh: `${stmt.name} 是练习场本身的命令：不要加 @b` }) }] };
    }
    const lines: OutputLine[] = [];
    if (!this.#helper || this.#helper.ended) {
      this.#helper = new HelperProcess(this.#lang, this.#allowForeign, this.#ascii);
      lines.push({ kind: 'info', text: this.#t({ en: `helper process b started: pid ${this.#helper.pid}`, zh: `辅助进程 b 已启动：pid ${this.#helper.pid}` }) });
    }
    const vars: Record<string, PortableValue> = {};
    for (const [name, value] of this.#a.vars) if (value.k === 'num' || value.k === 'str') vars[name] = value;
    vars.errno = { k: 'num', v: this.#a.errno };
    const elsewhere = [...this.#a.vars].filter(([, v]) => v.k === 'ptr').map(([name]) => name);
    const reply = await this.#helper.request({ stmt, vars, elsewhere, ours: [...this.#made.keys()] });
    if ('failed' in reply) return { calls: [], lines: [...lines, { kind: 'error', text: reply.failed }] };
    for (const shmid of reply.made) this.#made.set(shmid, this.#helper.pid);
    if (reply.assigned) this.#a.vars.set(reply.assigned.name, reply.assigned.value);
    // a call in b marks the result lines so a reader of the script output knows who made it
    const marked = reply.lines.map((l) => (l.kind === 'result' ? { ...l, text: `@b ${l.text}` } : l));
    return { calls: reply.calls, lines: [...lines, ...marked], facts: reply.facts };
  }

  #segmentsMade() {
    return readShmRows().filter((r) => this.#made.get(r.shmid) === r.cpid);
  }

  #pids(): { a: number; b: number | null } {
    return { a: process.pid, b: this.#helper && !this.#helper.ended ? this.#helper.pid : null };
  }

  /** Ends b, detaches a, removes what either made; answers the calls it made. */
  async #removeAll(): Promise<CallRecord[]> {
    if (this.#helper) await this.#helper.stop();
    this.#helper = null;
    const calls = this.#a.detachAll();
    for (const row of this.#segmentsMade()) calls.push(shmctlRmid(row.shmid));
    return calls;
  }

  async #reset(): Promise<PlayOutput> {
    const calls = await this.#removeAll();
    this.#a = this.#interpreter();
    this.#challenge?.restart();
    const lines: OutputLine[] = calls.map((c) => ({ kind: 'result', text: callText(c, this.#lang) }));
    lines.push({ kind: 'info', text: this.#t({ en: 'reset: everything the playground made is removed, the variables are forgotten', zh: '已重置：练习场创建的一切都已删除，变量已清空' }) });
    return { calls, lines };
  }

  completions(prefix: string): string[] {
    const words = new Set([...knownWords(), ...this.#a.vars.keys()]);
    return [...words].filter((w) => w.startsWith(prefix)).sort();
  }

  variables(): Variable[] {
    return [...this.#a.vars].map(([name, value]) => ({ name, shown: showValue(value), process: value.k === 'remote' ? 'b' : 'a' }));
  }

  processes(): PlayProcess[] {
    const { a, b } = this.#pids();
    return [
      { pid: a, who: 'a' as const, attached: mappedSegments(a).length > 0, playMapped: this.#a.attached.some((seg) => seg.attached) },
      ...(b === null ? [] : [{ pid: b, who: 'b' as const, attached: mappedSegments(b).length > 0, playMapped: mappedSegments(b).length > 0 }]),
    ];
  }

  leftovers(): SegmentRecord[] {
    return readSegments().filter((s) => this.#made.get(s.shmid) === s.cpid);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // after the statements already asked for
    await this.#queue;
    await this.#removeAll();
  }
}

export function unknownChallenge(id: string): Text {
  const guess = closest(id, CHALLENGES.map((c) => c.id));
  return {
    en: `no challenge ${id}${guess ? ` (did you mean ${guess}?)` : ''}; ipclab challenges lists them`,
    zh: `没有挑战 ${id}${guess ? `（你是不是想写 ${guess}？）` : ''}；ipclab challenges 列出所有挑战`,
  };
}

/** A new playground. Throws only for an unknown challenge id (check it with challengeById first). */
export function createSession(opts: SessionOptions): PlaySession {
  return new Session(opts);
}
