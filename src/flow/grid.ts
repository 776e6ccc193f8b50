// The picture as a grid of terminal cells. Lines are kept as direction masks (so
// junctions and crossings come out right) and every cell remembers which diagram
// element owns it, so highlighting restyles cells without laying anything out again.
import { cellsOf, type Cell } from '../text/cells.js';
import { RESULT_WORD } from './result-words.js';
import type { Highlight, StyledLine, Tone } from './types.js';

export const UP = 1;
export const DOWN = 2;
export const LEFT = 4;
export const RIGHT = 8;

export const Stroke = { Light: 0, Heavy: 1, Double: 2, Dotted: 3, DottedHeavy: 4 } as const;
export type Stroke = (typeof Stroke)[keyof typeof Stroke];

/** The tone a cell has when nothing highlights it. */
export const Base = { Plain: 0, Frame: 1, Title: 2, Label: 3 } as const;
export type Base = (typeof Base)[keyof typeof Base];

const BASE_TONE: Tone[] = ['plain', 'frame', 'title', 'label'];

// indexed by mask: U=1 D=2 L=4 R=8
const LIGHT = ' │││─┘┐┤─└┌├─┴┬┼';
const HEAVY = ' ┃┃┃━┛┓┫━┗┏┣━┻┳╋';
const DOUBLE = ' ║║║═╝╗╣═╚╔╠═╩╦╬';
const ROUND: Record<number, string> = { 5: '╯', 6: '╮', 9: '╰', 10: '╭' };
const ASCII_ROUND: Record<number, string> = { 5: "'", 6: '.', 9: "'", 10: '.' };

// a doorway's border cells, beside a line crossing a frame's top or bottom (Grid.doorways):
// the border goes on dashed up to the line, so it reads as one wall the line passes through.
// Left blank (`─ │ ─`), the wall's piece by the line read as a box's corner with it (issue 16:
// msg-queue's IPC_RMID line "looks like a box"). Not ┄, the legend's frame lit earlier; a
// dotted frame and ASCII keep the blank (the dashes would not show there, nor exist)
const DOORWAY = '╌';
const DOORWAY_HEAVY = '╍';
// the same beside a line crossing a frame's side wall, above and below it: drawn whole, the
// wall hid the crossing (issue 16: serv-clnt 1's "server ──────┘" read as ending at the kernel's
// wall, not going through it); a dotted frame's wall is dashed already, and ASCII keeps its wall
const DOORWAY_SIDE = '╎';
const DOORWAY_SIDE_HEAVY = '╏';

const VERTICAL = (m: number) => (m & (LEFT | RIGHT)) === 0;
const HORIZONTAL = (m: number) => (m & (UP | DOWN)) === 0;

/** How highlighting strengthens a stroke: active one step heavier, done drawn double. */
function marked(stroke: Stroke, mark: 0 | 1 | 2): Stroke {
  if (mark === 1) return stroke === Stroke.Light ? Stroke.Heavy : stroke === Stroke.Dotted ? Stroke.DottedHeavy : Stroke.Double;
  if (mark === 2) return stroke === Stroke.Dotted ? Stroke.Dotted : Stroke.Double;
  return stroke;
}

function unicodeGlyph(mask: number, stroke: Stroke, round: boolean): string {
  if (stroke === Stroke.Dotted || stroke === Stroke.DottedHeavy) {
    const heavy = stroke === Stroke.DottedHeavy;
    if (VERTICAL(mask)) return heavy ? '┇' : '┆';
    if (HORIZONTAL(mask)) return heavy ? '┅' : '┄';
    return (heavy ? HEAVY : LIGHT)[mask];
  }
  if (stroke === Stroke.Light && round && ROUND[mask]) return ROUND[mask];
  return (stroke === Stroke.Heavy ? HEAVY : stroke === Stroke.Double ? DOUBLE : LIGHT)[mask];
}

function asciiGlyph(mask: number, stroke: Stroke, round: boolean, mark: 0 | 1 | 2): string {
  // plain ASCII has no heavier or double lines: active elements are drawn with '*', done ones with '#'
  if (mark === 1) return '*';
  if (mark === 2) return '#';
  if (round && ASCII_ROUND[mask]) return ASCII_ROUND[mask];
  if (VERTICAL(mask)) return stroke === Stroke.Dotted ? ':' : stroke === Stroke.Heavy ? 'H' : '|';
  if (HORIZONTAL(mask)) return stroke === Stroke.Dotted ? '.' : stroke === Stroke.Heavy ? '=' : '-';
  return '+';
}

/** A label's clusters and its result words (their first cell and length), by text: a
 *  fitting draws the same labels ten times or more (render.ts), each a grapheme split. */
const texts = new Map<string, { cells: Cell[]; results: [number, number][] }>();

function measured(text: string): { cells: Cell[]; results: [number, number][] } {
  let m = texts.get(text);
  if (!m) {
    // result words are ASCII: a character is a cell
    const results = [...text.matchAll(RESULT_WORD)].map((r): [number, number] => [cellsOf(text.slice(0, r.index)).reduce((w, g) => w + g.width, 0), r[0].length]);
    m = { cells: cellsOf(text), results };
    if (texts.size >= 2000) texts.clear();
    texts.set(text, m);
  }
  return m;
}

/** Every character a grid cell has held, by number (Grid.ch): 0 a space, 1 the empty
 *  continuation cell of a wide character. Characters are few (box drawing, a label's). */
const GLYPHS: string[] = [' ', ''];
const GLYPH = new Map<string, number>([[' ', 0], ['', 1]]);

function glyphOf(ch: string): number {
  let n = GLYPH.get(ch);
  if (n === undefined) {
    n = GLYPHS.length;
    GLYPHS.push(ch);
    GLYPH.set(ch, n);
  }
  return n;
}

/** The owners of a grid and of its copies and crops, numbered from 1 (0: no owner). */
class Owners {
  readonly names: (string | null)[] = [null];
  private readonly ids = new Map<string, number>();
  /** the number of `id`, given one if it has none */
  of(id: string): number {
    let n = this.ids.get(id);
    if (n === undefined) {
      n = this.names.length;
      this.names.push(id);
      this.ids.set(id, n);
    }
    return n;
  }
  /** the number of `id`, -1 (no cell's) if it has none */
  find(id: string): number {
    return this.ids.get(id) ?? -1;
  }
}

export class Grid {
  /** each cell's character, by number (GLYPHS): typed arrays, not arrays of strings, since a
   *  fitting copies and crops grids of some 10 000 cells tens of times (garbage to collect) */
  private readonly ch: Uint32Array;
  readonly mask: Uint8Array;
  readonly stroke: Uint8Array;
  readonly round: Uint8Array;
  readonly base: Uint8Array;
  /** the element owning each cell, and a second one (an edge leaving a box, a crossing), by
   *  number (owners; 0: none) */
  private readonly own: Int32Array;
  private readonly own2: Int32Array;
  private readonly owners: Owners;
  /** cells of a result word in a label (RESULT_WORD): 1, its middle cell 2 (Highlight.masked) */
  readonly result: Uint8Array;
  /** cells written as text (a label, a title), not lines or frames */
  readonly textCell: Uint8Array;
  /** edges drawn blank, their label's middle "?", while masked: their line is the answer
   *  (which way a signal goes); see hide() */
  private readonly blankLines = new Set<string>();
  /** a shared cell's directions by owner (a box's border an edge leaves, a crossing, a
   *  frame an edge passes): a masked edge's are left out there, not drawn as a stub */
  private readonly bits = new Map<number, Map<string, number>>();
  /** a frame's border cell an edge crosses: the edge's stroke, drawn there as its own line
   *  going on through a doorway (`─╌│╌─ kernel`), not a ┼ read as a box's joint (through(),
   *  doorways()) */
  private readonly crossed = new Map<number, Stroke>();

  constructor(
    readonly w: number,
    readonly h: number,
    readonly ascii: boolean,
    /** a grid of the same size to copy (copy()) */
    from?: Grid,
    /** the owners' numbers, shared with the grid this one is cut from (crop()) */
    owners?: Owners,
  ) {
    const n = w * h;
    this.owners = from ? from.owners : (owners ?? new Owners());
    this.ch = from ? from.ch.slice() : new Uint32Array(n);
    this.mask = from ? from.mask.slice() : new Uint8Array(n);
    this.stroke = from ? from.stroke.slice() : new Uint8Array(n);
    this.round = from ? from.round.slice() : new Uint8Array(n);
    this.base = from ? from.base.slice() : new Uint8Array(n);
    this.own = from ? from.own.slice() : new Int32Array(n);
    this.own2 = from ? from.own2.slice() : new Int32Array(n);
    this.result = from ? from.result.slice() : new Uint8Array(n);
    this.textCell = from ? from.textCell.slice() : new Uint8Array(n);
    if (from) {
      for (const id of from.blankLines) this.blankLines.add(id);
      for (const [k, per] of from.bits) this.bits.set(k, new Map(per));
      for (const [k, stroke] of from.crossed) this.crossed.set(k, stroke);
    }
  }

  /** A part whose whole label is a result (a `%% hide ID` marker, hidden.ts): drawn like a
   *  result word while masked, its label blank but a "?" (nearest(): a box's in the middle
   *  of its first line, an edge's by its line); with `way` (an edge whose direction is the answer) its line and arrowhead blank too,
   *  the "?" where the line would be. */
  hide(owner: string, edge: boolean, way = false): void {
    let first = -1;
    const o = this.owners.find(owner);
    for (let k = 0; k < this.own.length; k++) {
      if (this.own[k] !== o || !this.textCell[k]) continue;
      if (first < 0) first = Math.floor(k / this.w);
      this.result[k] = 1;
    }
    if (first < 0) return;
    const path = edge ? this.pathOf(owner) : [];
    const label = this.ownedBy(owner, (k) => this.textCell[k] === 1);
    const row = label.filter((k) => Math.floor(k / this.w) === first);
    // a label on the line itself ("──SIGUSR1──►") keeps its middle
    const onPath = path.includes(row[0] - 1) || path.includes(row[row.length - 1] + 1);
    // a blank edge's "?" where its line would be (the middle of the cells only it draws): on
    // the label, a long label's middle stands apart from any line, in empty space; a drawn
    // line's "?" on the label cell nearest it; a box's in the middle of its first line
    const at = !way ? this.nearest(label, path) : path.length > 0 && !onPath ? path[Math.floor((path.length - 1) / 2)] : row[Math.floor((row.length - 1) / 2)];
    this.result[at] = 2;
    if (edge && way) this.blankLines.add(owner);
  }

  /** An edge label's result words (an errno: "?" while masked) with their "?" at the end
   *  nearest the edge's line, not in the middle of the word, apart from everything ("│   ?"). */
  leanResults(owner: string): void {
    const label = this.ownedBy(owner, (k) => this.textCell[k] === 1 && this.result[k] !== 0);
    if (label.length === 0) return;
    const path = this.pathOf(owner);
    let run: number[] = [];
    const flush = () => {
      for (const k of run) this.result[k] = 1;
      if (run.length) this.result[this.nearest(run, path)] = 2;
      run = [];
    };
    for (const k of label) {
      if (run.length && k !== run[run.length - 1] + 1) flush();
      run.push(k);
    }
    flush();
  }

  /** The cells `owner` has that `also` holds for, in order: a loop, not the keys of every
   *  cell spread into an array and filtered (a rendering asks this of each result label). */
  private ownedBy(owner: string, also: (k: number) => boolean): number[] {
    const out: number[] = [];
    const { own } = this;
    const o = this.owners.find(owner);
    for (let k = 0; k < own.length; k++) if (own[k] === o && also(k)) out.push(k);
    return out;
  }

  /** The cells only edge `owner`'s line draws. */
  private pathOf(owner: string): number[] {
    return this.ownedBy(owner, (k) => this.own2[k] === 0 && this.mask[k] !== 0 && !this.textCell[k]);
  }

  /** The cell of `cells` (a label's, in order) nearest a cell of `path`: the first such
   *  where they are on several rows (a label beside its line), the middle of a row whose two
   *  ends are as near (a label on its line: ──?──►), or of the first row without a line. */
  private nearest(cells: readonly number[], path: readonly number[]): number {
    const rowOf = (k: number) => Math.floor(k / this.w);
    const middle = (row: number) => {
      const on = cells.filter((k) => rowOf(k) === row);
      return on[Math.floor((on.length - 1) / 2)];
    };
    if (path.length === 0) return middle(rowOf(cells[0]));
    const away = (k: number) => Math.min(...path.map((p) => Math.abs((p % this.w) - (k % this.w)) + Math.abs(rowOf(p) - rowOf(k))));
    const far = cells.map(away);
    const best = cells.filter((_, i) => far[i] === Math.min(...far));
    return best.length > 1 && best.every((k) => rowOf(k) === rowOf(best[0])) ? middle(rowOf(best[0])) : best[0];
  }

  private claim(k: number, owner: number): void {
    if (this.own[k] === 0 || this.own[k] === owner) this.own[k] = owner;
    else if (this.own2[k] === 0) this.own2[k] = owner;
  }

  /** The character in cell `k`. */
  charAt(k: number): string {
    return GLYPHS[this.ch[k]];
  }

  /** Puts `ch` in cell `k`, as it is (no owner, tone or lines changed). */
  setChar(k: number, ch: string): void {
    this.ch[k] = glyphOf(ch);
  }

  /** Whether `id` owns cell `k` (first of its owners). */
  ownedFirst(k: number, id: string): boolean {
    return this.own[k] === this.owners.find(id);
  }

  /** Whether cell `k` has a second owner. */
  shared(k: number): boolean {
    return this.own2[k] !== 0;
  }

  /** Adds line directions to a cell; a second owner (an edge leaving a box, a crossing) is kept too. */
  line(x: number, y: number, mask: number, stroke: Stroke, owner: string, base: Base = Base.Plain, round = false): void {
    const k = y * this.w + x;
    const had = this.own[k];
    const o = this.owners.of(owner);
    if ((had !== 0 && had !== o) || this.bits.has(k)) {
      let per = this.bits.get(k);
      if (!per) {
        per = new Map(had === 0 ? [] : [[this.owners.names[had]!, this.mask[k]]]);
        this.bits.set(k, per);
      }
      per.set(owner, (per.get(owner) ?? 0) | mask);
      if (this.base[k] === Base.Frame && base === Base.Plain && !this.crossed.has(k)) this.crossed.set(k, stroke);
    }
    if (this.mask[k] === 0) {
      this.stroke[k] = stroke;
      this.base[k] = base;
      this.round[k] = round ? 1 : 0;
    }
    this.mask[k] |= mask;
    this.ch[k] = 0;
    this.result[k] = 0;
    this.textCell[k] = 0;
    this.claim(k, o);
  }

  /** A fixed character (arrowhead, diamond corner): replaces whatever was there. */
  glyph(x: number, y: number, ch: string, owner: string, base: Base = Base.Plain): void {
    const k = y * this.w + x;
    this.mask[k] = 0;
    if (this.bits.size) this.bits.delete(k);
    if (this.crossed.size) this.crossed.delete(k);
    this.ch[k] = glyphOf(ch);
    this.base[k] = base;
    this.own[k] = this.owners.of(owner);
    this.own2[k] = 0;
    this.result[k] = 0;
    this.textCell[k] = 0;
  }

  /** Empties a cell text was written in (a label moved elsewhere). */
  erase(x: number, y: number): void {
    const k = y * this.w + x;
    this.ch[k] = 0;
    this.base[k] = Base.Plain;
    this.own[k] = 0;
    this.own2[k] = 0;
    this.result[k] = 0;
    this.textCell[k] = 0;
  }

  /** Writes text from (x, y); a wide character takes its cell and empty continuation cells. Returns the width. */
  text(x: number, y: number, text: string, owner: string, base: Base): number {
    const { cells, results } = measured(text);
    let cx = x;
    for (const g of cells) {
      this.glyph(cx, y, g.text, owner, base);
      for (let i = 1; i < g.width; i++) this.glyph(cx + i, y, '', owner, base);
      for (let i = 0; i < g.width; i++) this.textCell[y * this.w + cx + i] = 1;
      cx += g.width;
    }
    for (const [start, n] of results) {
      for (let i = 0; i < n; i++) this.result[y * this.w + x + start + i] = i === Math.floor((n - 1) / 2) ? 2 : 1;
    }
    return cx - x;
  }

  /** A copy of the whole grid: a drawing's frames and boxes, drawn on again for each
   *  further drawing of its edges (render.ts), whole arrays at once. */
  copy(): Grid {
    return new Grid(this.w, this.h, this.ascii, this);
  }

  /** A copy of the rectangle (x, y, w, h) of this grid. */
  crop(x: number, y: number, w: number, h: number): Grid {
    const out = new Grid(w, h, this.ascii, undefined, this.owners);
    // a crop may reach past the grid (a margin added): those cells stay empty
    const fx = Math.max(x, 0);
    const tx = Math.min(x + w, this.w);
    for (let cy = Math.max(0, -y); cy < h && y + cy < this.h && fx < tx; cy++) {
      const from = (y + cy) * this.w + fx;
      const end = from + tx - fx;
      const to = cy * w + fx - x;
      out.mask.set(this.mask.subarray(from, end), to);
      out.stroke.set(this.stroke.subarray(from, end), to);
      out.round.set(this.round.subarray(from, end), to);
      out.base.set(this.base.subarray(from, end), to);
      out.result.set(this.result.subarray(from, end), to);
      out.textCell.set(this.textCell.subarray(from, end), to);
      out.ch.set(this.ch.subarray(from, end), to);
      out.own.set(this.own.subarray(from, end), to);
      out.own2.set(this.own2.subarray(from, end), to);
    }
    for (const id of this.blankLines) out.blankLines.add(id);
    for (const [k, per] of this.bits) {
      const cx = (k % this.w) - x;
      const cy = Math.floor(k / this.w) - y;
      if (cx >= 0 && cx < w && cy >= 0 && cy < h) out.bits.set(cy * w + cx, new Map(per));
    }
    for (const [k, stroke] of this.crossed) {
      const cx = (k % this.w) - x;
      const cy = Math.floor(k / this.w) - y;
      if (cx >= 0 && cx < w && cy >= 0 && cy < h) out.crossed.set(cy * w + cx, stroke);
    }
    return out;
  }

  /** The grid without column `c` (one nothing is drawn in: see render.ts squeezed()). */
  withoutColumn(c: number): Grid {
    const out = new Grid(this.w - 1, this.h, this.ascii, undefined, this.owners);
    for (let y = 0; y < this.h; y++) {
      for (let x = 0; x < this.w; x++) {
        if (x === c) continue;
        const from = y * this.w + x;
        const to = y * out.w + (x > c ? x - 1 : x);
        out.ch[to] = this.ch[from];
        out.mask[to] = this.mask[from];
        out.stroke[to] = this.stroke[from];
        out.round[to] = this.round[from];
        out.base[to] = this.base[from];
        out.own[to] = this.own[from];
        out.own2[to] = this.own2[from];
        out.result[to] = this.result[from];
        out.textCell[to] = this.textCell[from];
      }
    }
    for (const id of this.blankLines) out.blankLines.add(id);
    for (const [k, per] of this.bits) {
      const x = k % this.w;
      const y = Math.floor(k / this.w);
      if (x !== c) out.bits.set(y * out.w + (x > c ? x - 1 : x), new Map(per));
    }
    for (const [k, stroke] of this.crossed) {
      const x = k % this.w;
      const y = Math.floor(k / this.w);
      if (x !== c) out.crossed.set(y * out.w + (x > c ? x - 1 : x), stroke);
    }
    return out;
  }

  isEmpty(x: number, y: number): boolean {
    const k = y * this.w + x;
    // the owner first: most cells asked about (a label's spot, the drawing's extent) have none
    return this.own[k] === 0 && this.mask[k] === 0 && this.ch[k] === 0;
  }

  /** The directions of cell `k` without those of an edge drawn blank while masked. */
  private unmasked(k: number, masked: ReadonlySet<string>): number {
    const per = this.bits.get(k);
    if (!per) return this.mask[k];
    let dirs = 0;
    for (const [owner, bits] of per) if (!(this.blankLines.has(owner) && masked.has(owner))) dirs |= bits;
    return dirs;
  }

  /** The edge that crosses frame border cell `k` straight through, drawn there as its own line
   *  (its directions, its stroke): null where the cell is no such crossing, or that edge is
   *  drawn blank while masked (the border is whole there). */
  private through(k: number, masked: ReadonlySet<string>): { owner: string; dirs: number; stroke: Stroke } | null {
    const stroke = this.crossed.get(k);
    const o1 = this.owners.names[this.own[k]];
    const o2 = this.owners.names[this.own2[k]];
    if (stroke === undefined || o1 === null || o2 === null || this.base[k] !== Base.Frame) return null;
    const per = this.bits.get(k);
    if (!per || per.size !== 2) return null;
    const border = per.get(o1) ?? 0;
    const dirs = per.get(o2) ?? 0;
    const straight = (dirs === (UP | DOWN) && (border & (UP | DOWN)) === 0) || (dirs === (LEFT | RIGHT) && (border & (LEFT | RIGHT)) === 0);
    if (!straight || (this.blankLines.has(o2) && masked.has(o2))) return null;
    return { owner: o2, dirs, stroke };
  }

  /** The border cells drawn as a doorway (DOORWAY, DOORWAY_SIDE) beside each edge crossing a
   *  frame's border (through()): `┌─ kernel ─╌│╌──┐`, not an edge drawn through a wall (newcomers
   *  read `──│──` so), and a side wall's `╎` above and below a line through it: only a plain stretch of border, never a corner, a title's cell or a cell another
   *  edge shares. */
  private doorways(masked: ReadonlySet<string>): Set<number> {
    const out = new Set<number>();
    for (const k of this.crossed.keys()) {
      const crossing = this.through(k, masked);
      // through a top or bottom border its neighbours left and right; through a side wall
      // those above and below, dashed, never blank (a frame read as open for three rows:
      // msg-queue's kernel had one row of its left wall left)
      if (!crossing) continue;
      const x = k % this.w;
      const upDown = crossing.dirs === (UP | DOWN);
      const beside = upDown ? [x > 0 ? k - 1 : -1, x < this.w - 1 ? k + 1 : -1] : [k - this.w, k + this.w];
      const along = upDown ? LEFT | RIGHT : UP | DOWN;
      for (const n of beside) {
        if (n < 0 || n >= this.mask.length) continue;
        if (this.base[n] === Base.Frame && this.mask[n] === along && this.ch[n] === 0 && !this.textCell[n] && this.own2[n] === 0 && !this.bits.has(n)) out.add(n);
      }
    }
    return out;
  }

  /** The text of each cell of row `y`'s labels that hold a masked result word beside words of
   *  their own: the word's blanks taken to the label's end away from its "?", so the words stay
   *  beside the "?" and the "?" beside its line (shmdt: "a child reads:       ? │" read as a
   *  label far from its arrow). A label that is all result (hide()) keeps its "?" where it is. */
  private closedUp(y: number, masked: ReadonlySet<string>): Map<number, string> | null {
    let out: Map<number, string> | null = null;
    const row = y * this.w;
    for (let x = 0; x < this.w; ) {
      const o = this.own[row + x];
      const start = x;
      while (x < this.w && this.own[row + x] === o && this.textCell[row + x] === 1) x++;
      if (x === start) {
        x++;
        continue;
      }
      const name = this.owners.names[o];
      if (name === null || !masked.has(name)) continue;
      const kept: string[] = [];
      let dropped = 0;
      let words = false;
      for (let k = row + start; k < row + x; k++) {
        if (this.result[k] === 1) dropped++;
        else {
          kept.push(this.result[k] === 2 ? '?' : GLYPHS[this.ch[k]]);
          if (this.result[k] === 0 && this.ch[k] !== 0) words = true;
        }
      }
      if (!words || dropped === 0) continue;
      const blanks: string[] = Array(dropped).fill(' ');
      const cellsOut = kept[kept.length - 1] === '?' ? [...blanks, ...kept] : [...kept, ...blanks];
      out ??= new Map();
      for (let i = 0; i < cellsOut.length; i++) out.set(row + start + i, cellsOut[i]);
    }
    return out;
  }

  /** Each row as runs of one tone; highlighted owners turn active or done and their lines heavier. */
  lines(highlight?: Highlight): StyledLine[] {
    const active = new Set(highlight?.active ?? []);
    const done = new Set(highlight?.done ?? []);
    const masked = new Set(highlight?.masked ?? []);
    const out: StyledLine[] = [];
    const { names } = this.owners;
    const doorways = this.crossed.size > 0 ? this.doorways(masked) : null;
    for (let y = 0; y < this.h; y++) {
      const row: StyledLine = [];
      const closed = masked.size > 0 ? this.closedUp(y, masked) : null;
      for (let x = 0; x < this.w; x++) {
        const k = y * this.w + x;
        const o1 = names[this.own[k]];
        const o2 = names[this.own2[k]];
        const crossing = this.crossed.size > 0 && this.mask[k] ? this.through(k, masked) : null;
        if (crossing) {
          // an edge through a frame's border: its own line, lit as it is, the border broken there
          const own: 0 | 1 | 2 = active.has(crossing.owner) ? 1 : done.has(crossing.owner) ? 2 : 0;
          const stroke = marked(crossing.stroke, own);
          const text = this.ascii ? asciiGlyph(crossing.dirs, stroke, false, own) : unicodeGlyph(crossing.dirs, stroke, false);
          const tone: Tone = own === 1 ? 'active' : own === 2 ? 'done' : 'plain';
          const last = row[row.length - 1];
          if (last && last.tone === tone) last.text += text;
          else row.push({ text, tone });
          continue;
        }
        const mark: 0 | 1 | 2 = (o1 !== null && active.has(o1)) || (o2 !== null && active.has(o2)) ? 1 : (o1 !== null && done.has(o1)) || (o2 !== null && done.has(o2)) ? 2 : 0;
        const tone: Tone = mark === 1 ? 'active' : mark === 2 ? 'done' : BASE_TONE[this.base[k]];
        let text = GLYPHS[this.ch[k]];
        if (closed?.has(k)) text = closed.get(k)!;
        else if (this.result[k] && o1 !== null && masked.has(o1)) text = this.result[k] === 2 ? '?' : ' ';
        else if (o1 !== null && o2 === null && this.blankLines.has(o1) && masked.has(o1)) text = this.ch[k] === 1 ? '' : ' ';
        else if (this.mask[k]) {
          // a frame lit by an earlier step is no step done: dotted, a style of its own (the
          // legend's ══ is "done"), unless an edge through its border is done too
          const frameDone = mark === 2 && this.base[k] === Base.Frame && !(o2 !== null && done.has(o2));
          const stroke = frameDone ? Stroke.Dotted : marked(this.stroke[k] as Stroke, mark);
          const dirs = masked.size > 0 ? this.unmasked(k, masked) : this.mask[k];
          const side = doorways?.has(k) === true && this.mask[k] === (UP | DOWN);
          if (doorways?.has(k) && !side) text = frameDone || this.ascii ? ' ' : mark === 1 ? DOORWAY_HEAVY : DOORWAY;
          else if (side && !frameDone && !this.ascii) text = mark === 1 ? DOORWAY_SIDE_HEAVY : DOORWAY_SIDE;
          else text = dirs === 0 ? ' ' : this.ascii ? asciiGlyph(dirs, stroke, this.round[k] === 1, frameDone ? 0 : mark) : unicodeGlyph(dirs, stroke, this.round[k] === 1);
        }
        const last = row[row.length - 1];
        if (last && last.tone === tone) last.text += text;
        else row.push({ text, tone });
      }
      out.push(row);
    }
    return out;
  }
}
