// The your-turn form as lines for the lesson pane (pure): not edited, a summary under the
// step's heading; edited, its keys, each field with its value (a cursor on the focused one,
// its limits under it) and the error that stopped Enter. store/turn.ts holds what it shows.
import type { Lang } from '../../lang.js';
import { defaultTyped, ownTyped, type FieldKind, type Turn } from '../../lessons/turn/fields.js';
import type { Text } from '../../lessons/types.js';
import { visibleWindow } from '../play/line-editor.js';
import { type Line, line, paragraph, run } from '../styled.js';
import type { Strings } from '../strings.js';
import { cells, layoutText, wrap } from '../text-fit.js';

export interface TurnViewInput {
  turn: Turn;
  typed: Record<string, string>;
  /** the field with focus, null when the form is not edited */
  focus: number | null;
  /** where the cursor is in the focused field (UTF-16 units before it) */
  cursor: number;
  error: Text | null;
  lang: Lang;
  ascii: boolean;
  s: Strings;
  /** the key that opens the form (y) and the one that moves to the next field */
  /** `waits`: Enter keeps the values and closes the form, the step's question unanswered (formWaitsForAnswer) */
  keys: { edit: string; next: string; waits?: boolean };
}

/** A field's limits, in a few words. */
function limits(kind: FieldKind, lang: Lang, s: Strings): string {
  switch (kind.kind) {
    case 'number':
      return s.turnNumber(kind.min, kind.max, kind.unit?.[lang] ?? '');
    case 'flags':
      return s.turnFlags(kind.bits.map((b) => b.name), kind.maxMode > 0 ? `0${kind.maxMode.toString(8)}` : null);
    case 'char':
      return s.turnOneChar;
    case 'text':
      return s.turnBytes(kind.maxBytes);
    case 'choice':
      return s.turnChoices(kind.choices.map((c) => c.label[lang]));
  }
}

/** A field's value in the summary, in the learner's words: a choice by its label, text
 *  quoted (it may hold words of either language), the rest as typed. */
function shownValue(field: Turn['fields'][number], typed: string, lang: Lang, s: Strings): string {
  if (field.kind.kind === 'choice') return field.kind.choices.find((c) => c.value === typed.trim().toLowerCase())?.label[lang] ?? typed;
  if (field.kind.kind === 'text') return s.quoted(typed);
  return typed;
}

/** The values of a form as the summary names them ("size = 0, flags = 0600"): those typed, else the lesson's own. */
export function turnValuesText(turn: Turn, typed: Readonly<Record<string, string>>, lang: Lang, s: Strings): string {
  return turn.fields.map((f) => s.turnValue(f.label[lang], shownValue(f, typed[f.name] ?? f.default, lang, s))).join(s.listGap);
}

/** Not edited, the form is a line or two under the step's heading (in view at 80x24), in one
 *  phrasing for every step: "Space: the lesson's own (…). y: first yours (…), then the
 *  lesson's." and what the values change (the turn's say line). */
function summaryLines(input: TurnViewInput, width: number): Line[] {
  const { turn, lang, ascii, s } = input;
  // what Space runs: the learner's values when kept, else the lesson's own (Turn.own where the
  // form starts elsewhere: shmdt's text at +0, the form's from +18; Turn.ownSaid where its run is more calls)
  const defaults = defaultTyped(turn);
  const kept = turn.fields.some((f) => (input.typed[f.name] ?? f.default) !== defaults[f.name]);
  const stay = !!turn.yoursStay;
  const space = kept
    ? s.turnSpaceYours(turnValuesText(turn, input.typed, lang, s), stay)
    : s.turnSpaceOwn(turn.ownSaid ? turn.ownSaid[lang] : turnValuesText(turn, ownTyped(turn), lang, s));
  const y = s.turnY(input.keys.edit, kept ? s.turnYChange(turn.fields.length) : (turn.yours?.[lang] ?? s.turnYours(turn.fields.map((f) => f.label[lang]), stay)));
  return paragraph(wrap(layoutText(ascii).text(`${space}${y}${turn.say[lang]}`), width).map((l) => line(l, 'key')));
}

export function turnFormLines(input: TurnViewInput, width: number): Line[] {
  const { turn, typed, focus, error, lang, ascii, s } = input;
  if (focus === null && !error) return summaryLines(input, width);
  const t = layoutText(ascii);
  const para = (text: string, tone: Line[number]['tone']) => paragraph(wrap(t.text(text), width).map((l) => line(l, tone)));
  // the keys first, then the error that stopped Enter: at 80x24 the pane has room for them
  // and the fields, not for the say line too, and the error stays in sight whatever has focus
  // what the focused field takes is said with the keys: typing edits at the cursor, on every
  // field, at every moment (store/turn.ts turnCursor); a choice is picked with ← →
  const focused = focus === null ? undefined : turn.fields[focus];
  const typing = !focused ? '' : ` · ${focused.kind.kind === 'choice' ? s.turnPick : s.turnTyping}`;
  const out: Line[] = [...para(`${s.yourTurn}${s.colon}${s.turnEditing(input.keys.next, input.keys.waits === true, turn.fields.length)}${typing}`, 'dim')];
  if (error) out.push(...para(error[lang], 'error'));
  // the limits, then why they are so (the field's help): said here once, never in an error
  const limitLines = turn.fields.map((f) => wrap(t.text(f.help ? s.turnHelp(limits(f.kind, lang, s), f.help[lang]) : limits(f.kind, lang, s)), Math.max(8, width - 4)));
  // every field's limits take the room of the longest: moving the focus keeps the layout
  const limitRows = Math.max(...limitLines.map((l) => l.length));
  for (const [i, field] of turn.fields.entries()) {
    const here = i === focus;
    const mark = here ? (ascii ? '> ' : '▸ ') : '  ';
    const label = run(`${mark}${field.label[lang]}${s.colon}`, here ? 'active' : 'plain');
    if (field.kind.kind === 'choice') {
      // a choice is picked with ← / →, never typed: its label, between arrows when focused
      const value = shownValue(field, typed[field.name] ?? field.default, lang, s);
      out.push(here ? [label, run(ascii ? '< ' : '← ', 'active'), run(value, 'selected'), run(ascii ? ' >' : ' →', 'active')] : [label, run(value, 'key')]);
    } else {
      const room = Math.max(4, width - cells(`${mark}${field.label[lang]}${s.colon}`) - 2);
      const value = typed[field.name] ?? field.default;
      // not focused, a value wider than its room shows its end
      if (!here) out.push([label, run(cells(value) > room ? `${t.mark}${visibleWindow({ text: value, cursor: value.length, history: [], at: null, draft: '' }, room - cells(t.mark), cells).text}` : value, 'key')]);
      else {
        // focused: the text with the cursor where it is (never drawn as selected: typing does not
        // replace it); a value wider than its room (a paste of 64 digits) shows the part around the
        // cursor, a mark on each side where it goes on, so no part of it is out of sight unsaid
        const at = Math.min(input.cursor, value.length);
        const cut = cells(value) + 1 > room;
        const shown = visibleWindow({ text: value, cursor: at, history: [], at: null, draft: '' }, cut ? room - 2 * cells(t.mark) : room, cells);
        const start = at - shown.cursor;
        const caret = run(ascii ? '_' : '▏', 'active');
        out.push(
          [
            label,
            run(start > 0 ? t.mark : '', 'dim'),
            run(shown.text.slice(0, shown.cursor), 'active'),
            caret,
            run(shown.text.slice(shown.cursor), 'active'),
            run(start + shown.text.length < value.length ? t.mark : '', 'dim'),
          ].filter((r) => r.text !== '' || r === caret),
        );
      }
    }
    // the focused field's limits only, right under it (the next field follows at once, fix16h#6);
    // the rows the longest limits would take more go after the last field, so moving the focus keeps the form's height
    if (here) out.push(...limitLines[i].map((l) => line(`    ${l}`, 'dim')));
  }
  if (focus !== null) out.push(...Array.from({ length: limitRows - limitLines[focus].length }, () => line('', 'dim')));
  return out;
}
