// A text field: any text of at most maxBytes bytes of UTF-8 (a Chinese character is 3),
// without control characters. Empty text is text: C takes "" (a zero-length msgsnd is legal).
import type { Text } from '../types.js';
import type { Parsed, TextKind } from './fields.js';

export function parseText(label: Text, k: TextKind, typed: string): Parsed {
  const bytes = Buffer.byteLength(typed, 'utf8');
  const limit = { en: `type at most ${k.maxBytes} bytes of text (a Chinese character takes 3)`, zh: `请输入不超过 ${k.maxBytes} 字节的文字（一个汉字占 3 字节）` };
  const bad = (en: string, zh: string): Parsed => ({ ok: false, error: { en: `${label.en}: ${en}; ${limit.en}`, zh: `${label.zh}：${zh}；${limit.zh}` } });
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(typed)) return bad('control characters are not text', '控制字符不算文字');
  if (bytes > k.maxBytes) return bad(`${bytes} bytes is too long`, `${bytes} 字节太长`);
  return { ok: true, value: typed };
}
