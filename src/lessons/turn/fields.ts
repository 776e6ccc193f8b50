// "Your turn": the inputs a step lets the learner set (docs/ARCHITECTURE.md, "Your turn").
// A field has a kind, limits and a default; each kind's parser is a module of its own
// beside this one, and parseField picks it. A parse either gives the value or one line,
// in both languages, saying what is wrong and what to type.
import type { Text } from '../types.js';
import { parseChar } from './parse-char.js';
import { formatProjId } from '../../native/format.js';
import { parseChoice } from './parse-choice.js';
import { parseFlags } from './parse-flags.js';
import { parseNumber } from './parse-number.js';
import { parseText } from './parse-text.js';

/** The most characters a field other than text takes as typed (no number, flag list or
 *  id needs more); a text field's limit is its own maxBytes, the one its form states. */
export const INPUT_LIMIT = 64;

/** A whole number from min to max, written in decimal or 0x hex; `unit` names what it
 *  counts in a word or two ("bytes"), where it counts something: a C type or "type" is no
 *  unit (validate.ts). The reason for a limit is the field's `help`. */
export interface NumberKind { kind: 'number'; min: number; max: number; unit?: Text }
/** Named bits and an octal mode joined by |, as C writes them: IPC_CREAT|IPC_EXCL|0600.
 *  `call`: the call the flags are for, so a real flag of another call is named as such;
 *  `notOffered`: real flags of that call the form does not take here, each with why. */
export interface FlagsKind {
  kind: 'flags';
  bits: readonly { name: string; value: number }[];
  maxMode: number;
  call?: string;
  notOffered?: readonly { name: string; why: Text }[];
}
/** ftok's id: one printable ASCII character, or any C int of which the low 8 bits are kept
 *  (src/lessons/turn/parse-char.ts). */
export interface CharKind { kind: 'char' }
/** Text of at most maxBytes bytes of UTF-8. */
export interface TextKind { kind: 'text'; maxBytes: number }
/** One of a few named values. */
export interface ChoiceKind { kind: 'choice'; choices: readonly { value: string; label: Text }[] }
export type FieldKind = NumberKind | FlagsKind | CharKind | TextKind | ChoiceKind;

export interface TurnField {
  /** the name the step reads the value by */
  name: string;
  /** the field's label in the form */
  label: Text;
  kind: FieldKind;
  /** the lesson's own value, as it would be typed */
  default: string;
  /** why the limits are what they are, shown once under the field's limits while it has
   *  focus (never in an error: an error says what is wrong and what to type, in one line) */
  help?: Text;
}

/** A rule between fields, checked with them before the step runs: a limit a field's hint
 *  states that its own kind cannot hold (offset + text bytes + 1 at most 4096). */
export interface TurnRule {
  /** the field that gets focus when the rule fails */
  field: string;
  holds(values: TurnValues): boolean;
  /** one line: what is wrong and what to type */
  error(values: TurnValues): Text;
}

/** What a step lets the learner set, and how the form introduces it. */
export interface Turn {
  /** one line above the fields: what the values change */
  say: Text;
  fields: TurnField[];
  /** rules between fields, in the order they are checked */
  rules?: readonly TurnRule[];
  /** the learner's result stays in the kernel for the steps after: the lesson's own values
   *  are said in the trace, not run, since running them would undo it (shmctl's IPC_SET mode).
   *  Without it the step runs the lesson's own values after the learner's. With it the step's
   *  checkpoint is graded on the learner's run, so its question fits any values (validate.ts). */
  yoursStay?: true;
  /** the lesson's own values, where the form cannot start at them (shmdt writes its text at
   *  +0, below the offsets the form allows, so that it never covers the learner's) */
  own?: TurnValues;
  /** the lesson's own values in words, where its run is more calls than the form's one (msg's
   *  step 2 sends four messages, the form starts at the first): what the notice's label, the
   *  line before the lesson's own run and the summary name instead of the form's defaults */
  ownSaid?: Text;
  /** what y gives, said after "y:" in the form's summary, where the fields' labels do not say
   *  it ("first your own message (mtype, mtext), then the lesson's four"); without it, "first
   *  yours (labels), then the lesson's" (or "yours instead" for yoursStay) */
  yours?: Text;
}

/** numbers for number, flags and char (its code); strings for text and choice */
export type TurnValue = number | string;
export type TurnValues = Readonly<Record<string, TurnValue>>;

export type Parsed = { ok: true; value: TurnValue } | { ok: false; error: Text };

/** A field's value from what was typed. */
export function parseField(field: TurnField, typed: string): Parsed {
  if (field.kind.kind !== 'text' && [...typed].length > INPUT_LIMIT) {
    return { ok: false, error: { en: `${field.label.en}: at most ${INPUT_LIMIT} characters`, zh: `${field.label.zh}：最多 ${INPUT_LIMIT} 个字符` } };
  }
  const k = field.kind;
  switch (k.kind) {
    case 'number':
      return parseNumber(field.label, k, typed);
    case 'flags':
      return parseFlags(field.label, k, typed);
    case 'char':
      return parseChar(field.label, typed);
    case 'text':
      return parseText(field.label, k, typed);
    case 'choice':
      return parseChoice(field.label, k, typed);
  }
}

/** The values the step uses, from the typed form; the first wrong field's error, or a broken rule's, instead. */
export function parseTurn(turn: Turn, typed: Readonly<Record<string, string>>): { ok: true; values: TurnValues } | { ok: false; field: number; error: Text } {
  const values: Record<string, TurnValue> = {};
  for (const [i, field] of turn.fields.entries()) {
    const parsed = parseField(field, typed[field.name] ?? field.default);
    if (!parsed.ok) return { ok: false, field: i, error: parsed.error };
    values[field.name] = parsed.value;
  }
  const broken = turn.rules?.find((r) => !r.holds(values));
  if (broken) return { ok: false, field: Math.max(0, turn.fields.findIndex((f) => f.name === broken.field)), error: broken.error(values) };
  return { ok: true, values };
}

/** The form as the lesson fills it. */
export function defaultTyped(turn: Turn): Record<string, string> {
  return Object.fromEntries(turn.fields.map((f) => [f.name, f.default]));
}

/** The lesson's own values as the form would hold them typed: its defaults, or Turn.own
 *  written out (shmdt's offset 0, which the form itself does not take). One source for what
 *  the summary says Space runs and what the notice says the lesson ran. */
export function ownTyped(turn: Turn): Record<string, string> {
  if (!turn.own) return defaultTyped(turn);
  const own = turn.own;
  return Object.fromEntries(turn.fields.map((f) => [f.name, f.kind.kind === 'char' ? String.fromCharCode(Number(own[f.name])) : String(own[f.name])]));
}

/** The lesson's own values; throws on a default its own parser refuses (the validator reports it first). */
export function defaultValues(turn: Turn): TurnValues {
  if (turn.own) return turn.own;
  const parsed = parseTurn(turn, defaultTyped(turn));
  if (!parsed.ok) throw new Error(`the default of '${turn.fields[parsed.field].name}' is invalid: ${parsed.error.en}`);
  return parsed.values;
}

/** Values as a phrase for a heading, each field by its label ("size 100, shmflg IPC_CREAT|0600"):
 *  flags by their names and octal mode, a char as itself, text quoted, a choice by its label. */
export function describeValues(turn: Turn, values: TurnValues): Text {
  const one = (f: TurnField, lang: keyof Text): string => {
    const v = values[f.name];
    const k = f.kind;
    switch (k.kind) {
      case 'number':
        return String(v);
      case 'flags': {
        const n = Number(v);
        const names = k.bits.filter((b) => (n & b.value) === b.value).map((b) => b.name);
        const mode = n & ~k.bits.reduce((all, b) => all | b.value, 0);
        return [...names, ...(k.maxMode > 0 || mode || !names.length ? [`0${mode.toString(8)}`.replace(/^00$/, '0')] : [])].join('|');
      }
      case 'char':
        // as C writes it: 'A', or the number where no character prints
        return formatProjId(Number(v));
      case 'text':
        return lang === 'zh' ? `“${String(v)}”` : `"${String(v)}"`;
      case 'choice':
        return k.choices.find((c) => c.value === v)?.label[lang] ?? String(v);
    }
  };
  return {
    en: turn.fields.map((f) => `${f.label.en} ${one(f, 'en')}`).join(', '),
    // Chinese puts no space between two Chinese words ("文件不动", not "文件 不动")
    zh: turn.fields.map((f) => `${f.label.zh}${/[\u4e00-\u9fff]$/.test(f.label.zh) && /^[\u4e00-\u9fff]/.test(one(f, 'zh')) ? '' : ' '}${one(f, 'zh')}`).join('，'),
  };
}

/** Whether `values` differ from the lesson's own. */
export function isCustom(turn: Turn, values: TurnValues): boolean {
  const own = defaultValues(turn);
  return turn.fields.some((f) => values[f.name] !== own[f.name]);
}

/** A value the step reads, of the type its field kind gives (a wrong name is a bug of the lesson). */
export function numberValue(values: TurnValues, name: string): number {
  const v = values[name];
  if (typeof v !== 'number') throw new Error(`your-turn value '${name}' is not a number`);
  return v;
}

export function textValue(values: TurnValues, name: string): string {
  const v = values[name];
  if (typeof v !== 'string') throw new Error(`your-turn value '${name}' is not text`);
  return v;
}
