// The playground's content as lines: the transcript (each statement as typed, its calls
// as the trace draws them, what they mean), the input line with its cursor, and the open
// challenge (goal in words and what to reach, hints, counted statements against par,
// and the rule of what counts). Pure, like the other *-view.ts files.
import type { Lang } from '../../lang.js';
import { COUNTING_RULE } from '../../play/count.js';
import type { ChallengeState, OutputKind } from '../../play/types.js';
import { hang } from '../../text/hang.js';
import { sanitize } from '../../text/sanitize.js';
import { type LineState, visibleWindow } from '../play/line-editor.js';
import type { PlayEntry } from '../play/transcript.js';
import type { Strings } from '../strings.js';
import { type Line, type UiTone, line, run } from '../styled.js';
import { cells, layoutText, proseWidth, truncate, wrap } from '../text-fit.js';
import { NO_OWNERS, type Owners } from './marks.js';
import { entryLines } from './trace-view.js';

const TONES: Record<OutputKind, UiTone> = { result: 'ok', meaning: 'dim', error: 'error', info: 'plain', view: 'plain' };

/** A statement is echoed up to this many cells (a pasted megabyte line would fill thousands of rows). */
const ECHO_MAX = 400;

function promptOf(ascii: boolean): string {
  return ascii ? '> ' : '› ';
}

/** Each entry's lines, kept while the entry lives and the way it is drawn stays the same:
 *  after each statement of a long paste only the new entries are laid out. */
const laidOut = new WeakMap<PlayEntry, { how: string; lines: Line[] }>();

export function transcriptLines(entries: readonly PlayEntry[], lang: Lang, width: number, s: Strings, ascii: boolean, owners: Owners): Line[] {
  const pidWidth = Math.max(0, ...entries.map((e) => String(e.kind === 'call' ? e.call.pid : e.kind === 'out' ? (e.line.pid ?? '') : '').length));
  const how = `${lang} ${width} ${ascii} ${pidWidth}`;
  return entries.flatMap((e) => {
    const kept = laidOut.get(e);
    if (kept?.how === how) return kept.lines;
    // the transcript's text keeps a cell free before the border (proseWidth), as every pane's wrapped text
    const lines = entryOf(e, lang, proseWidth(width), s, ascii, owners, pidWidth);
    laidOut.set(e, { how, lines });
    return lines;
  });
}

function entryOf(e: PlayEntry, lang: Lang, width: number, s: Strings, ascii: boolean, owners: Owners, pidWidth: number): Line[] {
  const t = layoutText(ascii);
  const room = Math.max(10, width);
  if (e.kind === 'call') return entryLines(e.call, lang, width, s, pidWidth, ascii, { shm: owners, msg: NO_OWNERS, sem: NO_OWNERS });
  if (e.kind === 'input') {
    const prompt = `${e.n}${promptOf(ascii)}`;
    const text = truncate(t.text(sanitize(e.text, ascii)), ECHO_MAX, t.mark);
    return wrap(text, Math.max(10, room - cells(prompt))).map((piece, i) => [run(i === 0 ? prompt : ' '.repeat(cells(prompt)), 'key'), run(piece, 'title')]);
  }
  const tone = TONES[e.line.kind];
  const text = t.text(sanitize(e.line.text, ascii));
  // a memory access lines up with the calls: its pid first, as the trace draws one
  if (e.line.pid !== undefined) {
    const pid = `${String(e.line.pid).padStart(pidWidth)} `;
    return hang(pid, text, room).map((piece, i) => [run(piece.slice(0, pid.length), 'dim'), run(piece.slice(pid.length), tone)]);
  }
  // tables (ipcs, a dump) keep their columns: cut, not wrapped
  if (e.line.kind === 'view') return [line(truncate(text, room, t.mark), tone)];
  const indent = e.line.indent ?? 0;
  const pieces = indent > 0 && indent < room - 10 ? hang(text.slice(0, indent), text.slice(indent), room) : wrap(text, room);
  return pieces.map((piece) => line(piece, tone));
}

/** The transcript pane's title in `room` cells (its border's, beside a scroll sign): the
 *  whole title, else a shorter wording, else the playground's name; never a phrase cut
 *  mid-word ("按 E…"). */
export function transcriptTitle(s: Strings, room: number): string {
  const choices = [s.playTranscript, s.playTranscriptShort, s.playTranscriptBare];
  return choices.find((c) => cells(c) <= room) ?? s.playTranscriptBare;
}

/** The input line: the prompt, the part of the line around the cursor, the cursor as an inverse cell. */
export function inputLine(state: LineState, width: number, ascii: boolean): Line {
  const prompt = promptOf(ascii);
  const shown = visibleWindow(state, Math.max(1, width - cells(prompt)), cells);
  const before = shown.text.slice(0, shown.cursor);
  const at = Array.from(shown.text.slice(shown.cursor))[0] ?? ' ';
  const after = shown.text.slice(shown.cursor + at.length);
  return [run(prompt, 'key'), run(before), run(at, 'selected'), run(after)];
}

/** The open challenge: goal, its picture, where the learner is (solved, or what is missing), the hints asked for. */
export function challengeLines(ch: ChallengeState, lang: Lang, width: number, s: Strings): Line[] {
  const room = Math.max(10, proseWidth(width));
  const wrapped = (text: string, tone: UiTone = 'plain') => wrap(sanitize(text), room).map((l) => line(l, tone));
  const out: Line[] = [...wrapped(`${s.challengeGoal}${s.colon}${ch.goal[lang]}`, 'title'), line(s.challengePicture, 'label')];
  for (const p of ch.picture) out.push(line(truncate(sanitize(p), room), 'dim'));
  if (ch.solved) out.push(...wrapped(s.challengeSolved(ch.used, ch.par), 'ok'));
  else if (ch.missing.length > 0) {
    out.push(line(s.challengeMissing, 'label'));
    for (const m of ch.missing) out.push(...wrapped(`- ${m}`, 'error'));
  }
  ch.hints.slice(0, ch.hintsShown).forEach((h, i) => out.push(...wrapped(`${s.challengeHint(i + 1)} ${h[lang]}`)));
  if (!ch.solved) out.push(...wrapped(s.challengeHints(ch.hintsShown, ch.hints.length), 'dim'));
  out.push(...wrapped(COUNTING_RULE[lang], 'dim'));
  return out;
}
