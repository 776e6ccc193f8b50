// An open challenge: after every statement, its goals are checked against the live
// kernel (the segments the playground made, /proc/PID/maps of both processes) and the
// facts of the statements so far (calls and errnos, guard refusals, crashes).
import { readFileSync } from 'node:fs';
import type { Lang } from '../lang.js';
import { SHM_DEST } from '../native/constants.js';
import type { ShmRow } from '../native/index.js';
import type { Challenge, Goal } from './challenges.js';
import type { Fact } from './interpret.js';
import type { ChallengeState, OutputLine, Text } from './types.js';

/** The System V segments a process maps, by shmid (the inode column of /proc/PID/maps). */
export function mappedSegments(pid: number): { shmid: number; readOnly: boolean }[] {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/maps`, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.includes('/SYSV'))
    .map((line) => {
      const fields = line.split(/\s+/);
      return { shmid: Number(fields[4]), readOnly: !fields[1].includes('w') };
    });
}

const okCall = (f: Fact, call: string, cmd?: string) => f.k === 'call' && f.rec.call === call && f.rec.errno === null && (cmd === undefined || f.cmd === cmd);

/** What the kernel and the facts show, as the goals read them. */
interface World {
  facts: readonly Fact[];
  rows: readonly ShmRow[];
  maps: { shmid: number; readOnly: boolean }[];
}

function met(goal: Goal, w: World): boolean {
  switch (goal.k) {
    case 'segment': {
      const ftokKeys = new Set(w.facts.flatMap((f) => (okCall(f, 'ftok') && f.k === 'call' ? [Number(f.rec.ret) >>> 0] : [])));
      return w.rows.some((r) => {
        const dest = (r.mode & SHM_DEST) !== 0;
        if (goal.key === 'private' && (r.key !== 0 || dest)) return false;
        if (goal.key === 'ftok' && !ftokKeys.has(r.key)) return false;
        if (goal.size !== undefined && r.size !== goal.size) return false;
        if (goal.mode !== undefined && (r.mode & 0o777) !== goal.mode) return false;
        if (goal.nattch !== undefined && r.nattch !== goal.nattch) return false;
        if (goal.dest !== undefined && dest !== goal.dest) return false;
        if (goal.readOnly && !w.maps.some((m) => m.shmid === r.shmid && m.readOnly)) return false;
        return true;
      });
    }
    case 'errnos': {
      let next = 0;
      for (const f of w.facts) if (f.k === 'call' && f.rec.call === goal.call && f.rec.errno === goal.errnos[next]) next += 1;
      return next >= goal.errnos.length;
    }
    case 'refused':
      return w.facts.some((f) => f.k === 'refused' && f.code === goal.code);
    case 'crash':
      return w.facts.some((f) => f.k === 'crash' && f.signal === goal.signal);
    case 'shared':
      return w.facts.some((r) => r.k === 'read' && w.facts.some((wr) => wr.k === 'write' && wr.shmid === r.shmid && wr.pid !== r.pid && wr.text !== '' && r.text.includes(wr.text)));
    case 'freed':
      return w.facts.some((f, i) => {
        if (!(f.k === 'call' && okCall(f, 'shmctl', 'IPC_RMID'))) return false;
        const gone = !w.rows.some((r) => r.shmid === f.shmid);
        return gone && w.facts.slice(i + 1).some((d) => d.k === 'call' && okCall(d, 'shmdt') && d.shmid === f.shmid);
      });
    case 'set-then-stat':
      return w.facts.some((f, i) => {
        if (!(f.k === 'call' && okCall(f, 'shmctl', 'IPC_SET'))) return false;
        const row = w.rows.find((r) => r.shmid === f.shmid);
        return row !== undefined && (row.mode & 0o777) === goal.mode && w.facts.slice(i + 1).some((s) => s.k === 'call' && okCall(s, 'shmctl', 'IPC_STAT') && s.shmid === f.shmid);
      });
  }
}

const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;

/** The goal in words, as the "still missing" line says it. */
export function describeGoal(goal: Goal): Text {
  switch (goal.k) {
    case 'segment': {
      const en: string[] = [];
      const zh: string[] = [];
      if (goal.key === 'private') en.push('key IPC_PRIVATE'), zh.push('key 为 IPC_PRIVATE');
      if (goal.key === 'ftok') en.push('a key from ftok'), zh.push('key 来自 ftok');
      if (goal.size !== undefined) en.push(`${goal.size} bytes`), zh.push(`${goal.size} 字节`);
      if (goal.mode !== undefined) en.push(`mode ${octal(goal.mode)}`), zh.push(`权限 ${octal(goal.mode)}`);
      if (goal.nattch !== undefined) en.push(`nattch ${goal.nattch}`), zh.push(`nattch 为 ${goal.nattch}`);
      if (goal.readOnly) en.push('attached read-only by a process'), zh.push('有进程以只读方式映射');
      if (goal.dest) en.push('marked for removal (dest)'), zh.push('已标记删除（dest）');
      return { en: `a segment made here with ${en.join(', ')}`, zh: `一个在这里创建的段：${zh.join('，')}` };
    }
    case 'errnos':
      return { en: `${goal.call} failing with ${goal.errnos.join(', then ')}`, zh: `${goal.call} 依次以 ${goal.errnos.join('、')} 失败` };
    case 'refused':
      return { en: `the guard refusing an access (${goal.code})`, zh: `ipclab 的访问检查拒绝一次访问（${goal.code}）` };
    case 'crash':
      return { en: `a throw-away child killed by ${goal.signal}`, zh: `一个被 ${goal.signal} 杀死的临时子进程` };
    case 'shared':
      return { en: 'a text written by one process and read by the other', zh: '一段由一个进程写入、另一个进程读出的文字' };
    case 'freed':
      return { en: 'a segment marked for removal, freed by its last shmdt', zh: '一个标记删除后因最后一次 shmdt 而真正删除的段' };
    case 'set-then-stat':
      return { en: `IPC_SET to mode ${octal(goal.mode)}, then IPC_STAT showing it`, zh: `IPC_SET 把权限改为 ${octal(goal.mode)}，再用 IPC_STAT 看到它` };
  }
}

/** The goal drawn as the Kernel pane would show it (segments), else in words. */
export function picture(challenge: Challenge, lang: Lang): string[] {
  return challenge.goals.map((g) => {
    if (g.k !== 'segment') return `• ${describeGoal(g)[lang]}`;
    const key = g.key === 'private' || g.dest ? '0x00000000' : g.key === 'ftok' ? 'ftok(…)' : '*';
    return `key ${key}  bytes ${g.size ?? '*'}  perms ${g.mode === undefined ? '*' : g.mode.toString(8)}  nattch ${g.nattch ?? '*'}${g.readOnly ? (lang === 'zh' ? '  其中一个只读映射' : '  one attach read-only') : ''}${g.dest ? '  dest' : ''}`;
  });
}

export class ChallengeRun {
  #facts: Fact[] = [];
  #used = 0;
  #hints = 0;
  #solved = false;
  #missing: Goal[];

  constructor(
    readonly challenge: Challenge,
    readonly lang: Lang,
  ) {
    this.#missing = [...challenge.goals];
  }

  get state(): ChallengeState {
    const c = this.challenge;
    return {
      id: c.id,
      title: c.title,
      goal: c.goal,
      picture: picture(c, this.lang),
      hints: c.hints,
      hintsShown: this.#hints,
      par: c.par,
      used: this.#used,
      solved: this.#solved,
      missing: this.#solved ? [] : this.#missing.map((g) => describeGoal(g)[this.lang]),
      solution: c.solution,
    };
  }

  /** Counts one statement (when `counted`) and checks the goals; a line when this one solved it:
   *  the one announcement of a solve (a script's summary reports only what is still missing). */
  after(facts: readonly Fact[], counted: boolean, rows: readonly ShmRow[], pids: { a: number; b: number | null }): OutputLine[] {
    this.#facts.push(...facts);
    if (counted) this.#used += 1;
    if (this.#solved) return [];
    const maps = [...mappedSegments(pids.a), ...(pids.b ? mappedSegments(pids.b) : [])];
    const world = { facts: this.#facts, rows, maps };
    this.#missing = this.challenge.goals.filter((g) => !met(g, world));
    if (this.#missing.length) return [];
    this.#solved = true;
    const over = this.#used - this.challenge.par;
    const en = `challenge ${this.challenge.id} solved in ${this.#used} counted statement(s), par ${this.challenge.par}${over > 0 ? ` (${over} over par)` : ''}`;
    const zh = `挑战 ${this.challenge.id} 完成：用了 ${this.#used} 步，目标步数 ${this.challenge.par}${over > 0 ? `（多了 ${over} 步）` : ''}`;
    return [{ kind: 'info', text: this.lang === 'zh' ? zh : en }];
  }

  hint(): OutputLine[] {
    const hints = this.challenge.hints;
    this.#hints = Math.min(this.#hints + 1, hints.length);
    const label = this.lang === 'zh' ? (n: number) => `提示 ${n}/${hints.length}：` : (n: number) => `hint ${n}/${hints.length}: `;
    return hints.slice(0, this.#hints).map((h, i) => ({ kind: 'info', text: `${label(i + 1)}${h[this.lang]}` }));
  }

  solutionLines(): OutputLine[] {
    return this.challenge.solution.map((text) => ({ kind: 'info', text }));
  }

  /** `reset`: the kernel is empty again, so are the facts; the count goes on. */
  restart(): void {
    this.#facts = [];
    if (!this.#solved) this.#missing = [...this.challenge.goals];
  }
}
