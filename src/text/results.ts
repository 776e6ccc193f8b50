// How a call's result and a process's end read, wherever they are shown: `ipclab run`'s
// text (src/lessons/format.ts), the Trace pane (src/app/components/trace-view.ts) and
// serv/clnt's stderr (src/proto/print.ts). Results in strace's form, `= 7`, `= -1 ENOENT (…)`,
// a failed call's errno followed by what it means for that call (src/text/errno.ts).
import type { Lang } from '../lang.js';
import type { CallRecord, ChildDeath } from '../native/types.js';
import { SHARED } from './strings.js';
import { callErrno, ERRNO_MEANINGS, errnoMeaning, errnoWords } from './errno.js';

type Result = Pick<CallRecord, 'ret' | 'retText' | 'errno' | 'message'> & Partial<Pick<CallRecord, 'call' | 'c'>>;

const HAN = /[\u4e00-\u9fff]/;

/** What a failed call's errno means, in `lang`: for a call and errno of ERRNO_FOR_CALL, what it
 *  means for that call ("no segment has this key"; the one cause its arguments leave, if they
 *  leave one), with the C library's words quoted after it
 *  where they mislead (`perror: "No such file or directory"`, in zh the Chinese perror prints);
 *  else the C library's words, in Chinese in zh, with ipclab's own after them (errnoMeaning). A
 *  message that is not the C library's plain words (ipclab's own answer for the kernel) keeps
 *  them: what ipclab did is said there. */
export function errnoText(call: Result, lang: Lang): string | null {
  const { errno, message } = call;
  if (!errno || !message) return null;
  const libc = ERRNO_MEANINGS[errno];
  const row = call.call ? callErrno(call.call, errno) : undefined;
  if (!row || !libc || message !== libc.en) return errnoMeaning(errno, message, lang);
  const words = errnoWords(row, call.c);
  if (!row.perror) return words[lang];
  return lang === 'en' ? `${words.en}; perror: "${libc.en}"` : `${words.zh}；perror：“${libc.zh}”`;
}

/** A result in parts, each to be shown in its own tone: `= -1`, `ENOENT`, `(no segment has this
 *  key; perror: "…")`, in zh `（这个 key 下没有共享内存段；…）`: Chinese text takes full-width
 *  brackets with no space before them (`gap`), other text ASCII ones after a space (the errno's
 *  name stays C's, its meaning is in the learner's language: src/text/errno.ts). errno is null
 *  after a success; message is null then and whenever there is none to show. */
export function resultParts(call: Result, lang: Lang): { value: string; errno: string | null; message: string | null; gap: string } {
  const errno = call.errno || null;
  const text = errnoText(call, lang);
  const wide = text !== null && lang === 'zh' && HAN.test(text);
  return { value: `= ${call.retText ?? String(call.ret)}`, errno, message: text === null ? null : wide ? `（${text}）` : `(${text})`, gap: wide ? '' : ' ' };
}

/** `shmget(IPC_PRIVATE, 4096, 0600) = 7`, `shmdt(0x7f..) = -1 EINVAL (no segment is attached at this address)` */
export function callText(call: Result & Pick<CallRecord, 'c'>, lang: Lang): string {
  // a call shown as it is made, returning only if it fails (an exec): no result to give
  if (call.ret === '') return call.c;
  const { value, errno, message, gap } = resultParts(call, lang);
  return `${[call.c, value, errno].filter((part) => part !== null).join(' ')}${message === null ? '' : `${gap}${message}`}`;
}

/** Who ended and how, as two parts (the second to be shown in its own tone):
 *  "server " and "exited with code 0"; "临时子进程（x）" and "被 SIGSEGV 杀死". */
export function endParts(who: string, end: ChildDeath, lang: Lang): [string, string] {
  const s = SHARED[lang];
  // Chinese runs on without a space, but not after a number or a Latin word ("工作进程 2 退出")
  const gap = /[A-Za-z0-9]$/.test(who) ? ' ' : s.wordGap;
  return [`${who}${gap}`, end.signal ? s.killedBy(end.signal) : s.exitedWith(end.code)];
}

/** A child's end as a trace shows it, on a line under the pid of the process that waited for
 *  it (the lesson's: it learned the end from waitpid), so the line is not read as the dead
 *  child speaking; `who` names the child with its pid: "the child (pid 77) that writes … "
 *  and "was killed by SIGSEGV (waitpid)". */
export function seenEndParts(who: string, end: ChildDeath, lang: Lang): [string, string] {
  const [name, how] = endParts(who, end, lang);
  return [name, `${how}${SHARED[lang].seenByWaitpid}`];
}

/** The same as one text: "server (pid 4243) exited with code 0 (waitpid)". */
export function seenEndText(role: string, pid: number, end: ChildDeath, lang: Lang): string {
  return seenEndParts(SHARED[lang].withPid(role, pid), end, lang).join('');
}

export function endText(who: string, end: ChildDeath, lang: Lang): string {
  return endParts(who, end, lang).join('');
}

/** A command's output as the trace shows it: its lines without the empty ones (ipcs starts
 *  with one, ipcrm and cc print a bare newline), so no blank row stands in the trace. */
export function outputLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}
