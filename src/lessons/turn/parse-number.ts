// A number field: decimal or 0x hex, a whole number within the field's limits.
import type { Text } from '../types.js';
import type { NumberKind, Parsed } from './fields.js';

export function parseNumber(label: Text, k: NumberKind, typed: string): Parsed {
  const s = typed.trim();
  // the unit where the number counts one (bytes); none for a type or a value
  const range = {
    en: `type a whole number from ${k.min} to ${k.max}${k.unit ? ` (${k.unit.en})` : ''}, decimal or 0x hex`,
    zh: `请输入 ${k.min} 到 ${k.max} 之间的整数${k.unit ? `（以${k.unit.zh}计）` : ''}，十进制或 0x 开头的十六进制`,
  };
  const bad = (en: string, zh: string): Parsed => ({ ok: false, error: { en: `${label.en}: ${en}; ${range.en}`, zh: `${label.zh}：${zh}；${range.zh}` } });
  if (s === '') return bad('empty', '不能为空');
  const m = /^(-?)(0x[0-9a-f]+|[0-9]+)$/i.exec(s);
  if (!m) return bad(`'${s}' is not a whole number`, `“${s}”不是整数`);
  const value = (m[1] ? -1 : 1) * Number(m[2]);
  if (!Number.isSafeInteger(value) || value < k.min || value > k.max) return bad(`${s} is out of range`, `${s} 超出范围`);
  return { ok: true, value };
}
