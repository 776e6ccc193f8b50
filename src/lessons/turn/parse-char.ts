// A character field: ftok's id, an int of which only the low 8 bits count. Typed as C
// writes it: one printable ASCII character ('S'), or a number 1..255, decimal of two or
// more digits or 0x hex (65, 0x41). A single digit is the character, as in C: '7' is 55.
import type { Text } from '../types.js';
import type { Parsed } from './fields.js';

/** The highest id: the low 8 bits are all ftok keeps. */
export const CHAR_MAX = 255;

export function parseChar(label: Text, typed: string): Parsed {
  const chars = [...typed];
  if (chars.length === 1 && /^[!-~]$/.test(chars[0])) return { ok: true, value: chars[0].charCodeAt(0) };
  const number = /^(?:0x([0-9a-f]+)|([1-9][0-9]+))$/i.exec(typed);
  if (number) {
    const n = number[1] !== undefined ? parseInt(number[1], 16) : Number(number[2]);
    if (n >= 1 && n <= CHAR_MAX) return { ok: true, value: n };
    return { ok: false, error: { en: `${label.en}: ${typed} is outside 1..${CHAR_MAX} (ftok keeps only the low 8 bits, and 0 is no id)`, zh: `${label.zh}：${typed} 不在 1..${CHAR_MAX} 之内（ftok 只留低 8 位，0 不能作 id）` } };
  }
  const what = chars.length === 0 ? { en: 'empty', zh: '不能为空' } : chars.length > 1 ? { en: `'${typed}' is ${chars.length} characters`, zh: `“${typed}”有 ${chars.length} 个字符` } : /^[\x00-\x7f]$/.test(chars[0]) ? { en: `'${typed}' is not a letter, digit or sign`, zh: `“${typed}”不是字母、数字或符号` } : { en: `'${typed}' is not ASCII (C's char holds one byte)`, zh: `“${typed}”不是 ASCII 字符（C 的 char 只有一个字节）` };
  return { ok: false, error: { en: `${label.en}: ${what.en}; type one letter, digit or sign (S), or a number 1..${CHAR_MAX} (65, 0x41)`, zh: `${label.zh}：${what.zh}；请输入一个字母、数字或符号（如 S），或 1..${CHAR_MAX} 的数（如 65 或 0x41）` } };
}
