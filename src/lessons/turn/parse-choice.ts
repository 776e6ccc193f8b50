// A choice field: one of a few named values, by name (or its start). The form never
// takes typed text for it: ← / → cycle the values (store/turn.ts).
import type { Text } from '../types.js';
import type { ChoiceKind, Parsed } from './fields.js';

export function parseChoice(label: Text, k: ChoiceKind, typed: string): Parsed {
  const s = typed.trim().toLowerCase();
  const values = k.choices.map((c) => c.value);
  const hits = s === '' ? [] : values.filter((v) => v === s || v.startsWith(s));
  const exact = values.find((v) => v === s);
  if (exact) return { ok: true, value: exact };
  if (hits.length === 1) return { ok: true, value: hits[0] };
  return { ok: false, error: { en: `${label.en}: '${typed}' is none of the choices; pick one with ← →`, zh: `${label.zh}：“${typed}”不是可选项；请用 ← → 选一个` } };
}
