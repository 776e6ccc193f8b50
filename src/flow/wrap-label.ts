// Flowchart labels wrapped to a box: as evenly as the words allow, measured in cells, and
// where Chinese may break: between words only (src/text/zh-words.ts wordStarts, as the
// text wrapper does: 写|确认号, never 写确|认号), never before a closing mark (，。：) or
// after an opening one (（「), and a run of signs and digits stays with the word before it
// ((void *) -1).
import { cells, cellsOf, type Cell } from '../text/cells.js';
import { wordStarts } from '../text/zh-words.js';

/** What wraps as one: a word, a wide character with the marks that stick to it, a space. */
interface Unit {
  text: string;
  width: number;
  cells: Cell[];
  space: boolean;
  /** Chinese characters (no marks) at its start and its end: a break between two of them is inside a run */
  hanStart: boolean;
  hanEnd: boolean;
}

/** Full-width marks a line never starts with, and those it never ends with. */
const CLOSING = new Set([...'，。：；、！？）」』】》〉〕…—·％']);
const OPENING = new Set([...'（「『【《〈〔']);
const HAN = /\p{Script=Han}/u;
/** A narrow word with no letter or Han in it ('-1', '*)', '…)'): it stays on the line before it. */
const SIGNS = /^\P{L}+$/u;

function unitsOf(text: string): Unit[] {
  const out: Unit[] = [];
  let word: Cell[] = [];
  const push = (cs: Cell[], space = false) => {
    const t = cs.map((c) => c.text).join('');
    out.push({ text: t, width: cs.reduce((n, c) => n + c.width, 0), cells: cs, space, hanStart: HAN.test(cs[0].text), hanEnd: HAN.test(cs[cs.length - 1].text) });
  };
  const flushWord = () => {
    if (word.length) push(word);
    word = [];
  };
  // a wide character that starts no Chinese word stays with the one before it
  const starts = wordStarts(text);
  let at = 0;
  let wide = false;
  for (const g of cellsOf(text)) {
    const here = at;
    at += g.text.length;
    if (g.width === 1 && g.text !== ' ') word.push(g);
    else if (g.width > 1 && wide && starts && !starts.has(here) && !CLOSING.has(g.text)) {
      const last = out.pop()!;
      push([...last.cells, g]);
    } else {
      flushWord();
      push([g], g.text === ' ');
    }
    wide = g.width > 1 && !word.length;
  }
  flushWord();
  return glue(out);
}

/** Joins what may not be parted: a closing mark or a sign run to what precedes it, an opening mark to what follows. */
function glue(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  const join = (a: Unit, b: Unit): Unit => ({
    text: a.text + b.text,
    width: a.width + b.width,
    cells: [...a.cells, ...b.cells],
    space: false,
    hanStart: a.hanStart,
    hanEnd: b.hanEnd,
  });
  for (let i = 0; i < units.length; i++) {
    let u = units[i];
    const last = out[out.length - 1];
    if (last && !last.space && CLOSING.has(u.text)) {
      out[out.length - 1] = join(last, u);
      continue;
    }
    // a sign run after a word and a space: kept with the word, the space inside
    const beforeSpace = out[out.length - 2];
    if (!u.space && u.cells[0].width === 1 && SIGNS.test(u.text) && last?.space && beforeSpace && !beforeSpace.space) {
      // after a Chinese character, with the one before it: the word it numbers (地址 3)
      const pair = out[out.length - 3];
      const word = beforeSpace.cells.length === 1 && beforeSpace.hanEnd && pair && pair.cells.length === 1 && pair.hanEnd ? 3 : 2;
      const head = word === 3 ? join(pair, beforeSpace) : beforeSpace;
      out.splice(out.length - word, word, join(join(head, last), u));
      continue;
    }
    while (OPENING.has(u.text) && i + 1 < units.length && !units[i + 1].space) u = join(u, units[++i]);
    out.push(u);
  }
  return out;
}

/** What a break before unit `i` costs: nothing at a space or after a closing mark (，),
 *  a little between two words (the units are whole words: wordStarts). */
function breakCosts(units: Unit[]): number[] {
  return units.map((u, i) => {
    if (i === 0 || u.space || units[i - 1].space) return 0;
    const before = units[i - 1].cells;
    return CLOSING.has(before[before.length - 1].text) ? 0 : 1;
  });
}

/** Cuts a unit of several characters wider than twice `max` into pieces of at most `max` cells. */
function cutLong(units: Unit[], max: number): Unit[] {
  return units.flatMap((u) => {
    if (u.width <= max || (u.width <= 2 * max && u.cells.length > 1)) return [u];
    const pieces: Unit[] = [];
    let cs: Cell[] = [];
    let w = 0;
    const flush = () => {
      if (cs.length) pieces.push({ text: cs.map((c) => c.text).join(''), width: w, cells: cs, space: false, hanStart: false, hanEnd: false });
      cs = [];
      w = 0;
    };
    for (const c of u.cells) {
      if (w + c.width > max && cs.length) flush();
      cs.push(c);
      w += c.width;
    }
    flush();
    return pieces;
  });
}

interface Broken {
  lines: string[];
  cost: number;
  /** the widest line's cells */
  width: number;
}

/** The fewest lines of at most `max` cells (a unit alone may be wider), the cheapest breaks among them. */
function breakAt(units: Unit[], costs: number[], max: number): Broken {
  const n = units.length;
  // best[i]: units i.. broken into lines; a line starts at a non-space unit
  const best: ({ lines: number; cost: number; next: number } | null)[] = new Array(n + 1).fill(null);
  best[n] = { lines: 0, cost: 0, next: n };
  for (let i = n - 1; i >= 0; i--) {
    if (units[i].space) continue;
    for (let j = i; j < n; j++) {
      // a line ends on a word, and is no wider than `max` unless it is one unit
      if (units[j].space) continue;
      if (lineCells(units, i, j + 1) > max && j > i) break;
      let k = j + 1;
      while (k < n && units[k].space) k++;
      const rest = best[k]!;
      const c = { lines: rest.lines + 1, cost: rest.cost + (j + 1 < n ? costs[j + 1] : 0), next: k };
      const b = best[i];
      if (!b || c.lines < b.lines || (c.lines === b.lines && c.cost < b.cost)) best[i] = c;
    }
  }
  const lines: string[] = [];
  let i = 0;
  while (i < n && units[i].space) i++;
  if (i >= n) return { lines: [''], cost: 0, width: 0 };
  const first = best[i]!;
  for (let at = i; at < n; ) {
    const b = best[at]!;
    lines.push(
      units
        .slice(at, b.next)
        .map((u) => u.text)
        .join('')
        .trim(),
    );
    at = b.next;
  }
  return { lines, cost: first.cost, width: Math.max(...lines.map(cells)) };
}

function lineCells(units: Unit[], from: number, to: number): number {
  let w = 0;
  for (let k = from; k < to; k++) w += units[k].width;
  return w;
}

const kept = new Map<string, string[]>();

/** Splits a label into lines about `max` cells wide, as evenly as it can: breaks at spaces
 *  or between wide characters where Chinese may break; a word up to twice `max` stays
 *  whole, a longer one is cut. A line one cell wider than `max` is taken when it saves a
 *  break inside a word. */
export function wrapLabel(label: string, max: number, fill = false): string[] {
  const key = `${max}\0${fill}\0${label}`;
  const known = kept.get(key);
  if (known) return known;
  const out: string[] = [];
  for (const para of label.split('\n')) {
    const width = cells(para);
    if (!Number.isFinite(max) || width <= max) {
      out.push(para);
      continue;
    }
    const units = cutLong(unitsOf(para), max);
    const costs = breakCosts(units);
    // the fewest lines, then the fewest breaks between Chinese words, then the narrowest
    // box; one cell more than `max` only when it saves a line or a break
    const score = (b: Broken) => b.lines.length * 10 + b.cost * 2 + (b.width > max ? 5 : 0);
    let best = breakAt(units, costs, max);
    let bestScore = score(best);
    for (let target = Math.ceil(width / best.lines.length); target <= max + 1; target++) {
      if (target === max) continue;
      const tried = breakAt(units, costs, target);
      const s = score(tried);
      if (s < bestScore || (s === bestScore && tried.width < best.width)) {
        best = tried;
        bestScore = s;
      }
    }
    // `fill` (an edge label): a word wider than `max` (server_pid，) makes the label that
    // wide, and the other lines fill it too, never one word per line beside it (写 /
    // server_pid， / 再写 / magic). A box's label keeps its rows: fewer of them lays the
    // picture out anew (race-counter at 40 columns then no longer fitted)
    if (fill && best.width > max + 1) {
      const wider = breakAt(units, costs, best.width);
      if (wider.lines.length < best.lines.length) best = wider;
    }
    out.push(...best.lines);
  }
  if (kept.size >= 4096) kept.clear();
  kept.set(key, out);
  return out;
}
