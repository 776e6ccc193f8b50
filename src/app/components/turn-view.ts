// The your-turn form as lines for the lesson pane (pure): not edited, a summary under the
// step's heading; edited, its keys, each field with its value (a cursor on the focused one,
// its limits under it) and the error that stopped Enter. store/turn.ts holds what it shows.
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
      // value, then what it does: one level of brackets at most (a label may hold its own)
      return kind.choices.map((c) => `${c.value}${s.colon}${c.label[lang]}`).join(' | ');
  }
}

/** A field's value in the summary, in the learner's words: a choice by its label, text
 *  quoted (it may hold words of either language), the rest as typed. */
function shownValue(field: Turn['fields'][number], typed: string, lang: Lang, s: Strings): string {
  if (field.kind.kind === 'choice') return field.kind.choices.find((c) => c.value === typed.trim().toLowerCase())?.label[lang] ?? typed;
  if (field.kind.kind === 'text') return s.quoted(typed);
  return typed;
}

/** Not edited, the form is a line or two under the step's heading (in view at 80x24):
 *  the key that opens it, the values Space runs with, what they change. */
function summaryLines(input: TurnViewInput, width: number): Line[] {
  const { turn, typed, lang, ascii, s } = input;
  const values = turn.fields.map((f) => s.turnValue(f.label[lang], shownValue(f, typed[f.name] ?? f.default, lang, s))).join(s.listGap);
  return wrap(layoutText(ascii).text(`${s.turnSummary(input.keys.edit)}${s.colon}${s.turnValues(values)}${turn.say[lang]}`), width).map((l) => line(l, 'key'));
}

export function turnFormLines(input: TurnViewInput, width: number): Line[] {
  const { turn, typed, focus, error, lang, ascii, s } = input;
  if (focus === null && !error) return summaryLines(input, width);
  const t = layoutText(ascii);
  const para = (text: string, tone: Line[number]['tone']) => wrap(t.text(text), width).map((l) => line(l, tone));
  // the keys first: at 80x24 the pane has room for them, the fields and an error, not for the say line too
  const out: Line[] = [...para(`${s.yourTurn}${s.colon}${s.turnEditing(input.keys.next)}`, 'dim')];
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
    // the focused field's limits only: the form must fit the pane at 80x24
    if (here) out.push(...wrap(t.text(limits(field.kind, lang, s)), Math.max(8, width - 4)).map((l) => line(`    ${l}`, 'dim')));
  }
  if (error) out.push(...para(error[lang], 'error'));
  return out;
}
