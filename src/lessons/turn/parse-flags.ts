// A flags field: named bits and an octal mode joined by |, as in C (IPC_CREAT|0600).
// A misspelt name gets a "did you mean" (IPC_CREATE is a classic). The names a field
// takes are listed under it while it has focus: an error gives one example to type.
import { closest } from '../../text/closest.js';
import type { Text } from '../types.js';
import type { FlagsKind, Parsed } from './fields.js';

/** The System V IPC flags C knows, and the calls that take each: a name here that a form
 *  does not take is a real flag, said as such, never "no flag is named". */
const REAL_FLAGS: Readonly<Record<string, readonly string[]>> = {
  IPC_CREAT: ['shmget', 'msgget', 'semget'],
  IPC_EXCL: ['shmget', 'msgget', 'semget'],
  IPC_NOWAIT: ['msgsnd', 'msgrcv', 'semop'],
  SEM_UNDO: ['semop'],
  SHM_HUGETLB: ['shmget'],
  SHM_NORESERVE: ['shmget'],
  SHM_RDONLY: ['shmat'],
  SHM_RND: ['shmat'],
  SHM_EXEC: ['shmat'],
  SHM_REMAP: ['shmat'],
  MSG_NOERROR: ['msgrcv'],
  MSG_EXCEPT: ['msgrcv'],
  MSG_COPY: ['msgrcv'],
};

/** Why a real flag `name` is not taken by this form, or null when it is no real flag. */
function realFlag(k: FlagsKind, name: string): Text | null {
  const reason = k.notOffered?.find((n) => n.name === name);
  if (reason) return { en: `${name} is a real flag of ${k.call ?? 'this call'}, not offered here because ${reason.why.en}`, zh: `${name} 确实是${k.call ? ` ${k.call} ` : '这个调用'}的标志，但这里不提供，因为${reason.why.zh}` };
  const calls = REAL_FLAGS[name];
  if (!calls) return null;
  if (!k.call || calls.includes(k.call)) return { en: `${name} is a real flag, but this form does not offer it`, zh: `${name} 确实是标志，但这个表单不提供它` };
  const of = calls.join('/');
  return { en: `${name} is a flag of ${of}, not of ${k.call}`, zh: `${name} 是 ${of} 的标志，不是 ${k.call} 的` };
}

export function parseFlags(label: Text, k: FlagsKind, typed: string): Parsed {
  const names = k.bits.map((b) => b.name);
  const mode = k.maxMode > 0;
  const example = [...names.slice(0, 2), ...(mode ? ['0600'] : [])].join('|');
  const max = `0${k.maxMode.toString(8)}`;
  // a mode alone has nothing to join: "joined by |" only when there are names beside it
  const what = !mode
    ? { en: `type 0, or flag names joined by | (like ${example})`, zh: `请输入 0，或用 | 连接的标志名（如 ${example}）` }
    : names.length
      ? { en: `type flag names and an octal mode joined by | (like ${example})`, zh: `请输入用 | 连接的标志名和八进制权限（如 ${example}）` }
      : { en: `type an octal mode up to ${max} (like 0640)`, zh: `请输入不超过 ${max} 的八进制权限（如 0640）` };
  const fail = (en: string, zh: string): Parsed => ({ ok: false, error: { en: `${label.en}: ${en}`, zh: `${label.zh}：${zh}` } });
  const bad = (en: string, zh: string): Parsed => fail(`${en}; ${what.en}`, `${zh}；${what.zh}`);
  const parts = typed.split('|').map((p) => p.trim());
  if (parts.every((p) => p === '')) return bad('empty', '不能为空');
  let value = 0;
  for (const part of parts) {
    if (part === '') return bad("an empty part between '|'", '两个 | 之间缺少内容');
    const bit = k.bits.find((b) => b.name === part);
    if (bit) {
      value |= bit.value;
      continue;
    }
    // C's names are case-sensitive: shm_exec is no name C knows, so it is not quietly read as SHM_EXEC
    const cased = k.bits.find((b) => b.name === part.toUpperCase());
    if (cased) return fail(`no flag is named '${part}' (C's names are case-sensitive); did you mean ${cased.name}?`, `没有叫“${part}”的标志（C 的名字区分大小写）；你是想写 ${cased.name} 吗？`);
    // a field of a mode alone takes no names at all: what it takes is said below
    const real = names.length ? realFlag(k, part) : null;
    if (real) return fail(real.en, real.zh);
    if (/^-[0-9]+$/.test(part)) return bad(`${part} is negative, and flags and modes never are`, `${part} 是负数，而标志和权限不会是负数`);
    if (/^[0-9]+$/.test(part)) {
      // C reads 600 as decimal (01130 in octal: IPC_CREAT and mode 0130), a classic slip: a
      // mode typed without its 0 is not quietly read as octal; the line says what C would do
      // (7777 too: decimal 7777 is 017141, not a mode above 0777; 1 to 7 read the same either way)
      if (mode && /^[1-9][0-9]+$/.test(part)) {
        const octal = `0${Number(part).toString(8)}`;
        const shown = Number(part) <= 0xffffffff ? { en: ` (${octal} in octal)`, zh: `（八进制 ${octal}）` } : { en: '', zh: '' };
        const meant = /^[0-7]+$/.test(part) && parseInt(part, 8) <= k.maxMode ? `0${part}` : Number(part) <= k.maxMode ? octal : null;
        return meant
          ? fail(`in C, ${part} (no leading 0) is decimal, ${octal} in octal; write the mode as ${meant}`, `C 里不以 0 开头的 ${part} 是十进制数，即八进制 ${octal}；权限要写成 ${meant}`)
          : fail(
              `in C, ${part} (no leading 0) is decimal${shown.en}, above ${max}; write the mode in octal, like 0600`,
              `C 里不以 0 开头的 ${part} 是十进制数${shown.zh}，超过了 ${max}；权限要用八进制写，如 0600`,
            );
      }
      if (!/^[0-7]+$/.test(part)) return !mode ? bad(`${part} is no flag here`, `${part} 不是这里的标志`) : fail(`${part} is not octal; a mode has digits 0 to 7 only, like 0600`, `${part} 不是八进制数；权限只能用 0 到 7 这几个数字，如 0600`);
      const bits = parseInt(part, 8);
      if (bits > k.maxMode) return mode ? bad(`mode ${part} is above ${max}`, `权限 ${part} 超过了 ${max}`) : bad(`${part} is no flag here`, `${part} 不是这里的标志`);
      value |= bits;
      continue;
    }
    // a field of a mode alone takes no names: what it takes is an octal mode (rw-r----- as ls writes it is 0640)
    if (!names.length) {
      const rwx = /^[r-][w-][x-][r-][w-][x-][r-][w-][x-]$/.test(part) ? `0${[0, 3, 6].map((i) => (part[i] === 'r' ? 4 : 0) + (part[i + 1] === 'w' ? 2 : 0) + (part[i + 2] === 'x' ? 1 : 0)).join('')}` : null;
      return rwx
        ? fail(`'${part}' is how ls writes a mode; in C it is octal: ${rwx}`, `“${part}”是 ls 显示权限的写法；C 里要写成八进制：${rwx}`)
        : bad(`'${part}' is not an octal mode`, `“${part}”不是八进制权限`);
    }
    // a near name is what to type: the line says only that
    const near = names.length ? closest(part, names) : null;
    if (near) return fail(`no flag is named '${part}'; did you mean ${near}?`, `没有叫“${part}”的标志；你是想写 ${near} 吗？`);
    return bad(`no flag is named '${part}'`, `没有叫“${part}”的标志`);
  }
  return { ok: true, value };
}
