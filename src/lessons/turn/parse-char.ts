// A character field: one printable ASCII character, as ftok's id is in C ('S').
import type { Text } from '../types.js';
import type { Parsed } from './fields.js';

export function parseChar(label: Text, typed: string): Parsed {
  const chars = [...typed];
  if (chars.length === 1 && /^[!-~]$/.test(chars[0])) return { ok: true, value: chars[0].charCodeAt(0) };
  const what = chars.length === 0 ? { en: 'empty', zh: '不能为空' } : chars.length > 1 ? { en: `'${typed}' is ${chars.length} characters`, zh: `“${typed}”有 ${chars.length} 个字符` } : /^[\x00-\x7f]$/.test(chars[0]) ? { en: `'${typed}' is not a letter, digit or sign`, zh: `“${typed}”不是字母、数字或符号` } : { en: `'${typed}' is not ASCII (C's char holds one byte)`, zh: `“${typed}”不是 ASCII 字符（C 的 char 只有一个字节）` };
  return { ok: false, error: { en: `${label.en}: ${what.en}; type one letter, digit or sign, like S`, zh: `${label.zh}：${what.zh}；请输入一个字母、数字或符号，如 S` } };
}
