// A character field: ftok's id, an int of which only the low 8 bits count. Typed as C
// writes it: one printable ASCII character ('S'), or any int, as C reads it: decimal of two
// or more digits, negative, 0x hex or 0-led octal (65, 321, -1, 0x41, 0101), kept as C would
// pass it: ftok keeps its low 8 bits (321 is 0x41, -1 is 0xff); the lesson's line on the
// result names the key's top byte it gave and leaves why to step 3, whose question it is
// (ftok.ts lowByte). A lone digit is the character, as in C's '7': 55.
// Refused: what is no int, and a low byte of 0 (man 3 ftok asks for a nonzero id).
import type { Text } from '../types.js';
import type { Parsed } from './fields.js';

/** The low 8 bits: all ftok keeps of the id. */
export const CHAR_MAX = 255;

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

export function parseChar(label: Text, typed: string): Parsed {
  const chars = [...typed];
  if (chars.length === 1 && /^[!-~]$/.test(chars[0])) return { ok: true, value: chars[0].charCodeAt(0) };
  const s = typed.trim();
  const number = /^(-?)(?:0x([0-9a-f]+)|0([0-7]+)|([1-9][0-9]*|0))$/i.exec(s);
  // a lone digit is the character (above); "-7", "07" and "12" are numbers
  if (number && (number[1] || s.length > 1)) {
    const magnitude = number[2] !== undefined ? parseInt(number[2], 16) : number[3] !== undefined ? parseInt(number[3], 8) : Number(number[4]);
    const n = number[1] ? -magnitude : magnitude;
    if (!Number.isSafeInteger(n) || n < INT_MIN || n > INT_MAX) {
      return fail(label, { en: `${s} does not fit in an int, the type of ftok's id; type one that fits, such as 65 or -1`, zh: `${s} 超出了 int 的范围，而 ftok 的 id 是 int；换一个 int 放得下的数，如 65 或 -1` });
    }
    const low = ((n % 256) + 256) % 256;
    if (low === 0) {
      return fail(label, {
        en: `${s} keeps a low byte of 0; man 3 ftok asks for a nonzero id, and glibc would make the key's top byte 0; type one whose low 8 bits are not 0, such as S or 65`,
        zh: `${s} 的低 8 位是 0；man 3 ftok 要求 id 不为 0，而 glibc 会让 key 的最高字节成为 0；换一个低 8 位不为 0 的值，如 S 或 65`,
      });
    }
    return { ok: true, value: n };
  }
  const what =
    chars.length === 0
      ? { en: 'empty', zh: '不能为空' }
      : chars.length > 1
        ? { en: `'${typed}' is neither one character nor an int`, zh: `“${typed}”既不是一个字符，也不是整数` }
        : /^[\x00-\x7f]$/.test(chars[0])
          ? { en: `'${typed}' is not a letter, digit or sign`, zh: `“${typed}”不是字母、数字或符号` }
          : { en: `'${typed}' is not ASCII (C's char holds one byte)`, zh: `“${typed}”不是 ASCII 字符（C 的 char 只有一个字节）` };
  return fail(label, {
    en: `${what.en}; type one letter, digit or sign (S), or an int (65, 0x41, -1)`,
    zh: `${what.zh}；请输入一个字母、数字或符号（如 S），或一个整数（如 65、0x41、-1）`,
  });
}

function fail(label: Text, why: Text): Parsed {
  return { ok: false, error: { en: `${label.en}: ${why.en}`, zh: `${label.zh}：${why.zh}` } };
}
