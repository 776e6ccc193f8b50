// A text field: any text of at most maxBytes bytes of UTF-8 (a Chinese character is 3),
// without control characters. Empty text is text: C takes "" (a zero-length msgsnd is legal).
import type { Text } from '../types.js';
import type { Parsed, TextKind } from './fields.js';

export function parseText(label: Text, k: TextKind, typed: string): Parsed {
  const bytes = Buffer.byteLength(typed, 'utf8');
  const bad = (en: string, zh: string): Parsed => ({ ok: false, error: { en: `${label.en}: ${en}`, zh: `${label.zh}：${zh}` } });
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(typed)) return bad('control characters are not text; type letters, digits, signs or spaces', '控制字符不算文字；请输入字母、数字、符号或空格');
  // one line at 80 columns: how many bytes were given, the limit
  if (bytes > k.maxBytes) return bad(`${bytes} bytes; type at most ${k.maxBytes} (a Chinese character is 3 bytes)`, `${bytes} 字节，太长；最多 ${k.maxBytes} 字节（一个汉字占 3 字节）`);
  return { ok: true, value: typed };
}
