// The playground's challenges, as data: a goal in words, what the live kernel must show
// (goals, checked after every statement by grade.ts), hints, a par and a solution script
// (run by the tests). `ipclab check` validates them (validateChallenges).
import { constants } from 'node:os';
import { isSyntaxError, parse } from './parse.js';
import type { Text } from './types.js';
import { isFunction } from './vocabulary.js';

export type Goal =
  /** one segment the playground made that shows all of these at once */
  | { k: 'segment'; key?: 'private' | 'ftok'; size?: number; mode?: number; nattch?: number; readOnly?: boolean; dest?: boolean }
  /** calls of `call` failed with these errnos, in this order */
  | { k: 'errnos'; call: string; errnos: string[] }
  /** the guard refused an access for this reason */
  | { k: 'refused'; code: 'READ_ONLY' | 'OUT_OF_RANGE' | 'DETACHED' }
  /** a throw-away child died of this signal (`crash …`) */
  | { k: 'crash'; signal: 'SIGSEGV' }
  /** text written by one process was read by the other */
  | { k: 'shared' }
  /** a segment marked for removal was freed by its last shmdt */
  | { k: 'freed' }
  /** IPC_SET gave a segment this mode, and an IPC_STAT after it showed it */
  | { k: 'set-then-stat'; mode: number };

export interface Challenge {
  id: string;
  title: Text;
  goal: Text;
  goals: Goal[];
  hints: Text[];
  par: number;
  solution: string[];
}

export const CHALLENGES: readonly Challenge[] = [
  {
    id: 'first-segment',
    title: { en: 'A segment of your own', zh: '你自己的段' },
    goal: { en: 'A private segment of 4096 bytes, mode 0600, attached once.', zh: '一个 4096 字节、权限 0600 的私有段，被映射一次。' },
    goals: [{ k: 'segment', key: 'private', size: 4096, mode: 0o600, nattch: 1 }],
    hints: [
      { en: 'shmget(IPC_PRIVATE, size, mode) creates; keep its id in a variable.', zh: 'shmget(IPC_PRIVATE, 大小, 权限) 创建段；把 id 存进变量。' },
      { en: 'shmat(id, NULL, 0) attaches it.', zh: 'shmat(id, NULL, 0) 映射它。' },
    ],
    par: 2,
    solution: ['id = shmget(IPC_PRIVATE, 4096, 0600)', 'p = shmat(id, NULL, 0)'],
  },
  {
    id: 'ftok-two-readers',
    title: { en: 'One key, two processes', zh: '一个 key，两个进程' },
    goal: {
      en: "One segment from ftok(path, 'K'), 8192 bytes, mode 0640, attached by two processes, one of them read-only.",
      zh: "一个由 ftok(path, 'K') 得到 key 的段，8192 字节，权限 0640，被两个进程映射，其中一个只读。",
    },
    goals: [{ k: 'segment', key: 'ftok', size: 8192, mode: 0o640, nattch: 2, readOnly: true }],
    hints: [
      { en: "k = ftok(\"/tmp\", 'K') gives a key; shmget(k, 8192, IPC_CREAT|0640) makes the segment.", zh: "k = ftok(\"/tmp\", 'K') 得到 key；shmget(k, 8192, IPC_CREAT|0640) 创建段。" },
      { en: 'The second process is @b: @b q = shmat(id, NULL, SHM_RDONLY).', zh: '第二个进程用 @b：@b q = shmat(id, NULL, SHM_RDONLY)。' },
    ],
    par: 4,
    solution: ["k = ftok(\"/tmp\", 'K')", 'id = shmget(k, 8192, IPC_CREAT|0640)', 'p = shmat(id, NULL, 0)', '@b q = shmat(id, NULL, SHM_RDONLY)'],
  },
  {
    id: 'marked-but-alive',
    title: { en: 'Removed, yet alive', zh: '已删除，却还活着' },
    goal: { en: 'A segment marked for removal (dest) that is still alive.', zh: '一个已标记删除（dest）却仍然存在的段。' },
    goals: [{ k: 'segment', dest: true, nattch: 1 }],
    hints: [
      { en: 'IPC_RMID on an attached segment only marks it.', zh: '对仍有映射的段做 IPC_RMID 只会标记它。' },
      { en: 'Attach first, then shmctl(id, IPC_RMID).', zh: '先映射，再 shmctl(id, IPC_RMID)。' },
    ],
    par: 3,
    solution: ['id = shmget(IPC_PRIVATE, 4096, 0600)', 'p = shmat(id, NULL, 0)', 'shmctl(id, IPC_RMID)'],
  },
  {
    id: 'eexist-then-einval',
    title: { en: 'Two ways to fail', zh: '两种失败' },
    goal: { en: 'Make shmget fail with EEXIST, then with EINVAL.', zh: '让 shmget 先以 EEXIST 失败，再以 EINVAL 失败。' },
    goals: [{ k: 'errnos', call: 'shmget', errnos: ['EEXIST', 'EINVAL'] }],
    hints: [
      { en: 'IPC_CREAT|IPC_EXCL on a key that is taken gives EEXIST.', zh: '对已被占用的 key 用 IPC_CREAT|IPC_EXCL 得到 EEXIST。' },
      { en: 'Asking an existing key for more bytes than it has gives EINVAL.', zh: '向已有的 key 要比它大的尺寸会得到 EINVAL。' },
    ],
    par: 4,
    solution: ["k = ftok(\"/tmp\", 'E')", 'id = shmget(k, 4096, IPC_CREAT|0600)', 'shmget(k, 4096, IPC_CREAT|IPC_EXCL|0600)', 'shmget(k, 8192, 0600)'],
  },
  {
    id: 'enoent-then-create',
    title: { en: 'Open before it exists', zh: '存在之前就打开' },
    goal: { en: 'Open a key that has no segment (ENOENT), then create a segment under that key.', zh: '打开一个还没有段的 key（ENOENT），再在这个 key 下创建段。' },
    goals: [
      { k: 'errnos', call: 'shmget', errnos: ['ENOENT'] },
      { k: 'segment', key: 'ftok' },
    ],
    hints: [
      { en: 'Without IPC_CREAT, shmget only opens.', zh: '不带 IPC_CREAT 时，shmget 只打开。' },
      { en: 'The same call with IPC_CREAT|0600 creates.', zh: '同样的调用加上 IPC_CREAT|0600 就会创建。' },
    ],
    par: 3,
    solution: ["k = ftok(\"/tmp\", 'N')", 'shmget(k, 4096, 0600)', 'id = shmget(k, 4096, IPC_CREAT|0600)'],
  },
  {
    id: 'read-only-guard',
    title: { en: 'Read-only means read-only', zh: '只读就是只读' },
    goal: { en: 'Attach a segment read-only and try to write into it: the guard must refuse.', zh: '以只读方式映射一个段并尝试写入：ipclab 的访问检查必须拒绝。' },
    goals: [
      { k: 'segment', readOnly: true },
      { k: 'refused', code: 'READ_ONLY' },
    ],
    hints: [{ en: 'shmat(id, NULL, SHM_RDONLY), then strcpy through it.', zh: 'shmat(id, NULL, SHM_RDONLY)，然后通过它 strcpy。' }],
    par: 3,
    solution: ['id = shmget(IPC_PRIVATE, 4096, 0600)', 'p = shmat(id, NULL, SHM_RDONLY)', 'strcpy(p, "x")'],
  },
  {
    id: 'see-sigsegv',
    title: { en: 'What the guard spares you', zh: '访问检查替你挡住了什么' },
    goal: { en: 'See a process die of SIGSEGV writing through a read-only attach.', zh: '看一个进程通过只读映射写入而死于 SIGSEGV。' },
    goals: [{ k: 'crash', signal: 'SIGSEGV' }],
    hints: [{ en: 'crash strcpy(p, "x") makes the write for real in a throw-away child.', zh: 'crash strcpy(p, "x") 在临时子进程里真的写入。' }],
    par: 3,
    solution: ['id = shmget(IPC_PRIVATE, 4096, 0600)', 'p = shmat(id, NULL, SHM_RDONLY)', 'crash strcpy(p, "x")'],
  },
  {
    id: 'pass-a-message',
    title: { en: 'A message between processes', zh: '进程间的一条消息' },
    goal: { en: 'Write a text in one process and read it in the other.', zh: '在一个进程里写一段文字，在另一个进程里读出来。' },
    goals: [{ k: 'shared' }],
    hints: [
      { en: 'Both processes attach the same id; a pointer is valid only where it was attached.', zh: '两个进程映射同一个 id；指针只在映射它的进程里有效。' },
      { en: 'strcpy(p, "hi") here, then @b puts(q) there.', zh: '在这里 strcpy(p, "hi")，再在那边 @b puts(q)。' },
    ],
    par: 5,
    solution: ['id = shmget(IPC_PRIVATE, 4096, 0600)', 'p = shmat(id, NULL, 0)', 'strcpy(p, "hello from a")', '@b q = shmat(id, NULL, SHM_RDONLY)', '@b puts(q)'],
  },
  {
    id: 'freed-at-last-detach',
    title: { en: 'The last one out', zh: '最后一个离开的' },
    goal: { en: 'Mark an attached segment for removal, then make the kernel free it.', zh: '把一个有映射的段标记删除，然后让内核释放它。' },
    goals: [{ k: 'freed' }],
    hints: [{ en: 'A segment marked dest is freed when nattch drops to 0.', zh: '标记 dest 的段在 nattch 降到 0 时被删除。' }],
    par: 4,
    solution: ['id = shmget(IPC_PRIVATE, 4096, 0600)', 'p = shmat(id, NULL, 0)', 'shmctl(id, IPC_RMID)', 'shmdt(p)'],
  },
  {
    id: 'lock-it-down',
    title: { en: 'Read-only for everyone', zh: '人人只读' },
    goal: { en: 'Change a segment to mode 0400 with IPC_SET, and see it with IPC_STAT.', zh: '用 IPC_SET 把段的权限改为 0400，再用 IPC_STAT 看到它。' },
    goals: [{ k: 'set-then-stat', mode: 0o400 }],
    hints: [{ en: 'shmctl(id, IPC_SET, 0400), then shmctl(id, IPC_STAT).', zh: 'shmctl(id, IPC_SET, 0400)，然后 shmctl(id, IPC_STAT)。' }],
    par: 3,
    solution: ['id = shmget(IPC_PRIVATE, 4096, 0600)', 'shmctl(id, IPC_SET, 0400)', 'shmctl(id, IPC_STAT)'],
  },
];

export function challengeById(id: string): Challenge | undefined {
  return CHALLENGES.find((c) => c.id === id);
}

/** What `ipclab check` holds the challenges to; one line per problem. */
export function validateChallenges(challenges: readonly Challenge[] = CHALLENGES): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const bilingual = (id: string, what: string, t: Text) => {
    if (!t.en?.trim() || !t.zh?.trim()) problems.push(`challenge ${id}: ${what} needs both en and zh`);
  };
  for (const c of challenges) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.id)) problems.push(`challenge ${c.id}: the id must be lowercase words joined by -`);
    if (seen.has(c.id)) problems.push(`challenge ${c.id}: the id is used twice`);
    seen.add(c.id);
    bilingual(c.id, 'the title', c.title);
    bilingual(c.id, 'the goal', c.goal);
    if (!c.hints.length) problems.push(`challenge ${c.id}: at least one hint`);
    c.hints.forEach((h, i) => bilingual(c.id, `hint ${i + 1}`, h));
    if (!c.goals.length) problems.push(`challenge ${c.id}: no goals to check`);
    if (!Number.isInteger(c.par) || c.par < 1) problems.push(`challenge ${c.id}: par must be a whole number >= 1`);
    if (c.solution.length > c.par) problems.push(`challenge ${c.id}: the solution takes ${c.solution.length} statements, more than par ${c.par}`);
    c.solution.forEach((line, i) => {
      const parsed = parse(line);
      if (isSyntaxError(parsed)) problems.push(`challenge ${c.id}: solution line ${i + 1}: ${parsed.message.en}`);
    });
    for (const g of c.goals) {
      if (g.k === 'segment' && g.mode !== undefined && (g.mode < 0 || g.mode > 0o777)) problems.push(`challenge ${c.id}: mode ${g.mode.toString(8)} is not permission bits`);
      if (g.k === 'segment' && g.size !== undefined && g.size < 1) problems.push(`challenge ${c.id}: size must be at least 1`);
      if (g.k === 'set-then-stat' && (g.mode < 0 || g.mode > 0o777)) problems.push(`challenge ${c.id}: mode ${g.mode.toString(8)} is not permission bits`);
      if (g.k === 'errnos') {
        if (!isFunction(g.call)) problems.push(`challenge ${c.id}: no call ${g.call}`);
        for (const e of g.errnos) if (!Object.hasOwn(constants.errno, e)) problems.push(`challenge ${c.id}: ${e} is no errno name`);
      }
    }
  }
  return problems;
}
