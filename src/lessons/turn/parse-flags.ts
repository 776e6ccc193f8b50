// A flags field: named bits and an octal mode joined by |, as in C (IPC_CREAT|0600).
// A misspelt name gets a "did you mean" (IPC_CREATE is a classic).
import { closest } from '../../text/closest.js';
import type { Text } from '../types.js';
import type { FlagsKind, Parsed } from './fields.js';

export function parseFlags(label: Text, k: FlagsKind, typed: string): Parsed {
  const names = k.bits.map((b) => b.name);
  const mode = k.maxMode > 0;
  const example = [...names.slice(0, 2), ...(mode ? ['0600'] : [])].join('|');
  const max = `0${k.maxMode.toString(8)}`;
  // a mode alone has nothing to join: "joined by |" only when there are names beside it
  const what = !mode
    ? { en: `type 0, or names among ${names.join(', ')} joined by | (like ${example})`, zh: `请输入 0，或 ${names.join('、')} 中的名字，用 | 连接（如 ${example}）` }
    : names.length
      ? {
          en: `type names among ${names.join(', ')} and an octal mode up to ${max}, joined by | (like ${example})`,
          zh: `请输入 ${names.join('、')} 中的名字和不超过 ${max} 的八进制权限，用 | 连接（如 ${example}）`,
        }
      : { en: `type an octal mode up to ${max} (like 0640)`, zh: `请输入不超过 ${max} 的八进制权限（如 0640）` };
  const bad = (en: string, zh: string): Parsed => ({ ok: false, error: { en: `${label.en}: ${en}; ${what.en}`, zh: `${label.zh}：${zh}；${what.zh}` } });
  const parts = typed.split('|').map((p) => p.trim());
  if (parts.every((p) => p === '')) return bad('empty', '不能为空');
  let value = 0;
  for (const part of parts) {
    if (part === '') return bad("an empty part between '|'", "'|' 之间缺少内容");
    const bit = k.bits.find((b) => b.name === part.toUpperCase());
    if (bit) {
      value |= bit.value;
      continue;
    }
    if (/^[0-9]+$/.test(part)) {
      if (!/^[0-7]+$/.test(part)) return bad(`${part} is not octal (digits 0 to 7 only)`, `${part} 不是八进制数（只能用 0 到 7）`);
      const mode = parseInt(part, 8);
      const bits = parseInt(part, 8);
      if (bits > k.maxMode) return bad(mode ? `mode ${part} is above ${max}` : `${part} is no flag here`, mode ? `权限 ${part} 超过了 ${max}` : `${part} 不是这里的标志`);
      value |= bits;
      continue;
    }
    const near = names.length ? closest(part, names) : null;
    return bad(`'${part}' is no flag here${near ? `; did you mean ${near}?` : ''}`, `这里没有 '${part}' 这个标志${near ? `；你是想写 ${near} 吗？` : ''}`);
  }
  return { ok: true, value };
}
