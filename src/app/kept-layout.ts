// Layout choices that follow from the program's own texts and the terminal's size alone,
// kept across runs as layout.json in the state folder (paths.ts): the lesson pane's choice of
// step list (LessonPane narrowList) wraps every step's text of the lesson to make, ~10 ms of
// the first frame (bench/startup.md, "Seventh round"); the key bar's separator and how many
// spare keys give way (KeyBar) measure the widest bars of both languages ("Twelfth round"); the
// glossary's words a lesson's texts use (src/lessons/glossary.ts keepFound). Kept per bundle, by the key
// src/code-cache.ts reads it by (Node version, size, time): a rebuilt or another ipclab
// finds its choices anew. Run from src/ (tests, tsx) there is no bundle and nothing is kept.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirs, stateDir } from '../paths.js';

let bundle: string | null = null;
let choices: Map<string, Kept> | null = null;
let saving = false;
/** a session sees a few sizes per lesson; past this many the file starts again */
const MOST = 500;

/** a yes or no, a count, or a list of words */
type Kept = boolean | number | string[];

const layoutFile = () => join(stateDir(), 'layout.json');

/** The bundle's key (code-cache.ts runBundle), set by main; null: nothing kept. */
export function setBundleKey(key: string | null): void {
  bundle = key;
  choices = null;
}

function kept(): Map<string, Kept> {
  if (choices) return choices;
  choices = new Map();
  try {
    const file = JSON.parse(readFileSync(layoutFile(), 'utf8')) as { bundle?: unknown; choices?: unknown };
    if (file.bundle === bundle && file.choices && typeof file.choices === 'object') {
      for (const [key, value] of Object.entries(file.choices)) if (typeof value === 'boolean' || Number.isInteger(value) || isWords(value)) choices.set(key, value as Kept);
    }
  } catch {
    // none yet, unreadable or damaged: each choice is made anew
  }
  return choices;
}

/** The choice named `key`, as a run of this bundle made it before, else made by `choose`
 *  now and saved after the frame being drawn. */
export function keptChoice(key: string, choose: () => boolean): boolean {
  return keptValue(key, choose, (v) => typeof v === 'boolean');
}

/** keptChoice for a count. */
export function keptCount(key: string, choose: () => number): number {
  return keptValue(key, choose, (v) => typeof v === 'number');
}

/** keptChoice for a list of words (the glossary keys a lesson's texts use: src/lessons/glossary.ts). */
export function keptWords(key: string, choose: () => string[]): string[] {
  return keptValue(key, choose, isWords);
}

function isWords(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function keptValue<T extends Kept>(key: string, choose: () => T, ofKind: (value: Kept) => boolean): T {
  if (bundle === null) return choose();
  const known = kept();
  const before = known.get(key);
  if (before !== undefined && ofKind(before)) return before as T;
  const chosen = choose();
  if (known.size >= MOST) known.clear();
  known.set(key, chosen);
  if (!saving) {
    saving = true;
    setImmediate(save).unref();
  }
  return chosen;
}

function save(): void {
  saving = false;
  const target = layoutFile();
  const tmp = `${target}.${process.pid}`;
  try {
    makeDirs(stateDir(), 0o700);
    writeFileSync(tmp, JSON.stringify({ bundle, choices: Object.fromEntries(kept()) }), { mode: 0o600 });
    renameSync(tmp, target);
  } catch {
    // a state folder that cannot be written only means the choice is made again next time
    try {
      rmSync(tmp, { force: true });
    } catch {
      return;
    }
  }
}
