// The your-turn form as lines for the lesson pane (pure): a heading with what the values
// change, each field with its value (a cursor on the focused one) and its limits, the
// error that stopped Enter, and the keys. store/turn.ts holds what it shows.
import type { Lang } from '../../lang.js';
import type { FieldKind, Turn } from '../../lessons/turn/fields.js';
import type { Text } from '../../lessons/types.js';
import { type Line, line, run } from '../styled.js';
import type { Strings } from '../strings.js';
import { cells, layoutText, wrap } from '../text-fit.js';

export interface TurnViewInput {
  turn: Turn;
  typed: Record<string, string>;
  /** the field with focus, null when the form is not edited */
  focus: number | null;
  error: Text | null;
  lang: Lang;
  ascii: boolean;
  s: Strings;
  /** the key that opens the form (y) and the one that moves to the next field */
  keys: { edit: string; next: string };
}

/** A field's limits, in a few words. */
function limits(kind: FieldKind, lang: Lang, s: Strings): string {
  switch (kind.kind) {
    case 'number':
      return `${kind.min}–${kind.max} ${kind.unit[lang]}`;
    case 'flags':
      return [...kind.bits.map((b) => b.name), kind.maxMode > 0 ? s.turnOctal(`0${kind.maxMode.toString(8)}`) : '0'].join(' | ');
    case 'char':
      return s.turnOneChar;
    case 'text':
      return s.turnBytes(kind.maxBytes);
    case 'choice':
      return kind.choices.map((c) => `${c.value} (${c.label[lang]})`).join(' | ');
  }
}

export function turnFormLines(input: TurnViewInput, width: number): Line[] {
  const { turn, typed, focus, error, lang, ascii, s } = input;
  const t = layoutText(ascii);
  const para = (text: string, tone: Line[number]['tone']) => wrap(t.text(text), width).map((l) => line(l, tone));
  const out: Line[] = [...para(`${s.yourTurn}${s.colon}${turn.say[lang]}`, 'title')];
  for (const [i, field] of turn.fields.entries()) {
    const here = i === focus;
    const mark = here ? (ascii ? '> ' : '▸ ') : '  ';
    // a value wider than its room shows its end, where the cursor is
    const room = Math.max(4, width - cells(`${mark}${field.label[lang]}${s.colon}`) - 2);
    let value = typed[field.name] ?? field.default;
    if (cells(value) > room) {
      while (cells(value) > room - 1) value = [...value].slice(1).join('');
      value = `…${value}`;
    }
    out.push([run(`${mark}${field.label[lang]}${s.colon}`, here ? 'active' : 'plain'), run(value, here ? 'selected' : 'key'), ...(here ? [run(ascii ? '_' : '▏', 'active')] : [])]);
    // while editing, the focused field's limits only: the form must fit the pane at 80x24
    if (focus === null || here) out.push(...wrap(t.text(limits(field.kind, lang, s)), Math.max(8, width - 4)).map((l) => line(`    ${l}`, 'dim')));
  }
  if (error) out.push(...para(error[lang], 'error'));
  out.push(...para(focus === null ? s.turnIdle(input.keys.edit) : s.turnEditing(input.keys.next), 'dim'));
  return out;
}
