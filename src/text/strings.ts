// Words that more than one layer shows, in both languages, each in one place: the
// screen (src/app/strings.ts builds on these), `ipclab run`'s text, the lesson
// validator and the lessons' other processes. It needs only src/lang.ts, so every
// layer can import it.
import type { Lang } from '../lang.js';

/** A throw-away child by what it was started to do (src/native/crash.ts's CrashOp). */
const CHILD_JOBS_EN: Record<string, string> = { 'write-rdonly': 'that writes to a read-only mapping', 'use-after-detach': 'that reads after its shmdt' };
/** what the child does, as a verb phrase: "让它…" when it starts, "…的子进程" when it ends */
const CHILD_JOBS_ZH: Record<string, string> = { 'write-rdonly': '向只读映射写入', 'use-after-detach': '在 shmdt 之后还去读' };

const EN = {
  /** after a label: "Notice: " */
  colon: ': ',
  /** between who ended and how: "server exited with code 0" (none in Chinese) */
  wordGap: ' ',
  /** a remark after what it is about: " (never)", "（从未）": Chinese takes full-width parentheses and no space */
  remark: (text: string) => ` (${text})`,
  notice: 'Notice',
  /** the label of a lesson's aside: what ipclab does differently from C */
  aside: 'How ipclab does this',
  /** a checkpoint's question, asked before its step runs, and what the run gave after it (a call of libc, like ftok, is no kernel's answer) */
  question: 'Predict',
  answer: 'The kernel said',
  /** the answer of a checkpoint the run itself answers (Checkpoint.answeredBy) */
  answerOfRun: 'This run gave',
  /** after a sentence, before the next: "2) a new shmid. Why…" */
  stop: '. ',
  /** before a wrong pick's whyNot (Choice.whyNot): "You chose 3) EEXIST. Why not: …" */
  notHere: 'Why not',
  /** between the items of a list */
  listGap: ', ',
  /** an erratum: what the notes say, what is true, where a lesson shows it */
  notesSay: 'The notes say',
  /** an erratum of kind 'belief': the notes are silent, the error is a common one */
  commonBelief: 'Not in the notes; a common belief',
  inFact: 'In fact',
  /** the lesson by its number and name, as lesson texts name it (text-style.ts): "lesson 3 (ftok), step 4" */
  seenLive: (number: number, lesson: string, step: number, title: string) => `Seen live in lesson ${number} (${lesson}), step ${step}: ${title}`,
  /** `ipclab errata` before the step that shows what is true ran: it would answer that step's question */
  truthAhead: (number: number, lesson: string, step: number, id: string) => `shown after you run lesson ${number} (${lesson}), step ${step}, which proves it live (ipclab --lesson ${id})`,
  /** `ipclab errata`'s last line when some entries held what is true back */
  truthHeld: (held: number) => `${held === 1 ? '1 erratum says' : `${held} errata say`} what is true only after you run the step that proves it; ipclab errata --all says it now`,
  refused: 'ipclab refused: ',
  /** a throw-away child (src/native/crash.ts) by what it was started to do */
  throwAway: (what: string, pid: number) => [`the child (pid ${pid})`, CHILD_JOBS_EN[what]].filter(Boolean).join(' '),
  /** a process named with its pid, on a line under another's (its end, seen by its parent) */
  withPid: (who: string, pid: number) => `${who} (pid ${pid})`,
  /** after a child's end, under the pid of the process that waited for it: how it learned */
  seenByWaitpid: ' (waitpid)',
  /** the same child as it starts: who, and what it is started to do (forked's `job`) */
  child: 'the child',
  childJob: (what: string) => CHILD_JOBS_EN[what] ?? '',
  /** the throw-away child's own line just before its forbidden access (crash.ts's CrashOp) */
  childAccess: (what: string, address: string) => (what === 'write-rdonly' ? `writes 1 byte at ${address} (a read-only mapping)` : `reads the old address ${address} (no longer mapped)`),
  /** a process ipclab starts for a lesson where the C program would fork: ipclab itself
   *  never calls fork() (a forked Node process can crash), so the line says what it did.
   *  `job`, what it is started to do, follows `who` ("the child that writes…"); Chinese puts
   *  it after the pid ("另起子进程（pid 4242），让它向只读映射写入"), not before the noun */
  forked: (pid: number, who: string, job = '') => `started ${who}${job ? ` ${job}` : ''}: pid ${pid} (a C program would fork() here)`,
  /** a process ipclab starts for a lesson where C has no parent: an unrelated program
   *  (serv-clnt's server and client), which a learner would start in a terminal of its own */
  startedApart: (pid: number, who: string) => `started ${who}: pid ${pid} (a second program started on its own, as from another terminal)`,
  /** a compiled C program ipclab starts (fork, then exec, as a shell does) */
  forkedExec: (pid: number, who: string, command: string) => `started ${who}: pid ${pid}, running ${command}`,
  killedBy: (signal: string) => `was killed by ${signal}`,
  exitedWith: (code: number | null) => `exited with code ${code}`,
  exitCode: (code: number) => `exit ${code}`,
  /** what strcpy put in a segment, after the call: the text's UTF-8 bytes, the NUL, the segment */
  copied: (copy: string, bytes: number, shmid: number) => `${copy}: ${bytes} bytes of UTF-8 and a NUL (segment ${shmid})`,
  /** the rendezvous, as the server and the client (ipclab's and C's) say it */
  retrying: (ms: number) => `retrying every ${ms} ms`,
  readyWaiting: 'ready: waiting for a client',
  clientJoined: 'a client joined',
  readData: (seq: number, len: number, flags: number) => `rv->seq == ${seq}: read ${len} bytes from rv->data (flags ${flags})`,
  wroteData: (len: number) => `write ${len} bytes to rv->data`,
  /** a size in a segment's one-line form (src/lessons/format.ts's segmentLine) */
  bytes: (n: number) => `${n} bytes`,
  /** under ipclab's client's __atomic_compare_exchange_n (as clnt.c makes it): what it did, one row
   *  at 80x24 (serv-clnt 2's Trace fits the zoomed pane: trace-result-presses) */
  claimed: 'compare-and-swap: client_pid was still 0, so it now holds this pid',
  taken: 'compare-and-swap: client_pid was not 0, so another client has it; expected now holds its pid',
} as const;

export type SharedStrings = { [K in keyof typeof EN]: (typeof EN)[K] extends (...a: infer A) => string ? (...a: A) => string : string };


/** a name after a Chinese word: a space before one that starts in Latin letters ("另起 C 程序") */
const spaced = (who: string) => (/^[\x21-\x7e]/.test(who) ? ` ${who}` : who);

const ZH: SharedStrings = {
  colon: '：',
  wordGap: '',
  remark: (text: string) => `（${text}）`,
  notice: '注意',
  aside: 'ipclab 是怎么做的',
  question: '先猜一猜',
  answer: '内核的答案',
  answerOfRun: '这次运行的结果',
  stop: '。',
  notHere: '不对',
  listGap: '、',
  notesSay: '笔记说',
  commonBelief: '笔记没讲；常见的说法',
  inFact: '实际上',
  seenLive: (number: number, lesson: string, step: number, title: string) => `现场演示：第 ${number} 课（${lesson}）第 ${step} 步：${title}`,
  truthAhead: (number: number, lesson: string, step: number, id: string) => `等你运行了第 ${number} 课（${lesson}）第 ${step} 步再说，那一步会现场演示（ipclab --lesson ${id}）`,
  truthHeld: (held: number) => `有 ${held} 条勘误要等你运行了它的那一步才说出实际情况；ipclab errata --all 现在就列出`,
  refused: 'ipclab 拒绝了：',
  throwAway: (what: string, pid: number) => (CHILD_JOBS_ZH[what] ?? '') + (CHILD_JOBS_ZH[what] ? '的' : '') + `子进程（pid ${pid}）`,
  withPid: (who: string, pid: number) => `${who}（pid ${pid}）`,
  seenByWaitpid: '（waitpid）',
  child: '子进程',
  childJob: (what: string) => (CHILD_JOBS_ZH[what] ? `让它${spaced(CHILD_JOBS_ZH[what])}` : ''),
  childAccess: (what: string, address: string) => (what === 'write-rdonly' ? `在 ${address} 写 1 个字节（这是只读映射）` : `读旧地址 ${address}（那里已不再映射）`),
  forked: (pid: number, who: string, job = '') => `另起${spaced(who)}（pid ${pid}）${job ? `，${job}` : ''}（C 程序在这里会 fork()）`,
  startedApart: (pid: number, who: string) => `另起${spaced(who)}（pid ${pid}），独立启动的另一个程序，如同在另一个终端里运行`,
  forkedExec: (pid: number, who: string, command: string) => `另起${spaced(who)}（pid ${pid}），运行 ${command}`,
  killedBy: (signal: string) => `被 ${signal} 杀死`,
  exitedWith: (code: number | null) => `退出，退出码 ${code}`,
  exitCode: (code: number) => `退出码 ${code}`,
  copied: (copy: string, bytes: number, shmid: number) => `${copy}：${bytes} 字节 UTF-8，外加结尾的 NUL（段 ${shmid}）`,
  retrying: (ms: number) => `每 ${ms} ms 重试`,
  readyWaiting: '就绪：等待客户端',
  clientJoined: '客户端已加入',
  readData: (seq: number, len: number, flags: number) => `rv->seq == ${seq}：从 rv->data 读出 ${len} 字节（flags ${flags}）`,
  wroteData: (len: number) => `向 rv->data 写入 ${len} 字节`,
  bytes: (n: number) => `${n} 字节`,
  claimed: '比较并交换：client_pid 仍是 0，于是写入了本进程的 pid',
  taken: '比较并交换：client_pid 不是 0，已有别的客户端占用；expected 现为它的 pid',
};

export const SHARED: Record<Lang, SharedStrings> = { en: EN, zh: ZH };

/** One of the phrases above in both languages: `both((s) => s.retrying(100))`. */
export function both(phrase: (s: SharedStrings) => string): Record<Lang, string> {
  return { en: phrase(EN), zh: phrase(ZH) };
}
