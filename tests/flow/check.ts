// Structural checks of a rendering, read back from its text measured with
// string-width: boxes straight, labels present, edges connected, frames holding
// exactly their members, nothing overlapping. Returns the problems found.
import { cellsOf } from '../../src/text/cells.js';
import { FlowSyntaxError, FlowTooLargeError, parseFlowchart, renderFlow, type CellRect, type FlowModel, type Rendered } from '../../src/flow/index.js';

/** The text as a grid of cells: a wide character, then '' for its second cell. */
export function toCells(text: string): string[][] {
  return text.split('\n').map((line) => {
    const row: string[] = [];
    for (const g of cellsOf(line)) {
      row.push(g.text);
      if (g.width === 2) row.push('');
    }
    return row;
  });
}

/** What a terminal shows of a text: zero-width clusters (a lone combining mark) are not drawn. */
const visible = (text: string) => cellsOf(text).map((g) => g.text).join('');
/** An edge label is drawn on one line, or wrapped onto rows in a narrow picture: its line breaks read as spaces. */
const edgeText = (label: string) => visible(label.replace(/\n/g, ' '));
const inside = (r: CellRect, x: number, y: number) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
const overlaps = (a: CellRect, b: CellRect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const contains = (outer: CellRect, inner: CellRect) => inner.x > outer.x && inner.y > outer.y && inner.x + inner.w < outer.x + outer.w && inner.y + inner.h < outer.y + outer.h;
/** a cell just outside (or just inside) a rectangle's side, not at a corner */
function touches(r: CellRect, x: number, y: number): boolean {
  const alongX = x > r.x && x < r.x + r.w - 1;
  const alongY = y > r.y && y < r.y + r.h - 1;
  return (alongX && (y === r.y - 1 || y === r.y + r.h || y === r.y + 1 || y === r.y + r.h - 2)) || (alongY && (x === r.x - 1 || x === r.x + r.w || x === r.x + 1 || x === r.x + r.w - 2));
}

const CORNERS = {
  unicode: { rect: '┌┐└┘', round: '╭╮╰╯', circle: '╭╮╰╯', diamond: '╱╲╲╱', flag: '╲┐╱┘' },
  ascii: { rect: '++++', round: "..''", circle: "..''", diamond: '/\\\\/', flag: '\\+/+' },
} as const;

/** `limit`: the width the picture was asked to fit; every line must keep within it. */
export function checkRendering(model: FlowModel, r: Rendered, ascii: boolean, limit?: number): string[] {
  const problems: string[] = [];
  const text = r.text();
  const cells = toCells(text);
  const at = (x: number, y: number) => cells[y]?.[x] ?? ' ';
  const g = r.geometry;
  if (cells.length !== r.height) problems.push(`height ${cells.length} != ${r.height}`);
  cells.forEach((row, y) => {
    if (row.length > r.width) problems.push(`line ${y} is ${row.length} cells, wider than ${r.width}`);
    if (limit !== undefined && row.length > limit) problems.push(`line ${y} is ${row.length} cells, over the limit of ${limit}`);
  });
  // a cut picture shows what lies within the limit: the elements wholly there are checked
  const cut = r.notes.some((n) => n.startsWith('cut to '));
  const shown = (rect: CellRect) => !cut || rect.x + rect.w <= r.width;
  if (ascii && /[\u2500-\u257f▲►▼◄]/.test(text)) problems.push('box drawing in ASCII mode');
  const subgraphs = new Map(model.subgraphs.map((s) => [s.id, s]));

  // boxes: straight borders at the right cell columns, label inside
  const H = ascii ? '-' : '─┬┴┼';
  const V = ascii ? '|' : '│├┤┼';
  for (const n of model.nodes) {
    const b = g.boxes.get(n.id);
    if (!b) {
      problems.push(`no box for ${n.id}`);
      continue;
    }
    if (!shown(b)) continue;
    const c = CORNERS[ascii ? 'ascii' : 'unicode'][n.shape];
    const corners = [at(b.x, b.y), at(b.x + b.w - 1, b.y), at(b.x, b.y + b.h - 1), at(b.x + b.w - 1, b.y + b.h - 1)].join('');
    if (corners !== c) problems.push(`box ${n.id}: corners '${corners}', expected '${c}'`);
    for (let x = b.x + 1; x < b.x + b.w - 1; x++) {
      if (!H.includes(at(x, b.y)) || !H.includes(at(x, b.y + b.h - 1))) problems.push(`box ${n.id}: border broken at column ${x}`);
    }
    const sides = n.shape === 'diamond' ? ['<', '>'] : n.shape === 'circle' ? ['(', ')'] : n.shape === 'flag' ? ['>', V] : [V, V];
    for (let y = b.y + 1; y < b.y + b.h - 1; y++) {
      if (!sides[0].includes(at(b.x, y)) || !sides[1].includes(at(b.x + b.w - 1, y))) problems.push(`box ${n.id}: side broken on row ${y}`);
    }
    let inner = '';
    for (let y = b.y + 1; y < b.y + b.h - 1; y++) for (let x = b.x + 1; x < b.x + b.w - 1; x++) inner += at(x, y);
    if (inner.replace(/\s/g, '') !== visible(n.label).replace(/\s/g, '')) problems.push(`box ${n.id}: label '${inner.trim()}' != '${n.label}'`);
    if (ascii) problems.push(...recoverCorners(`box ${n.id}`, b, at, c, sides[0], sides[1], false));
  }

  // frames: title in the top border, exactly their members inside
  const descendants = (id: string): Set<string> => {
    const out = new Set<string>();
    for (const m of subgraphs.get(id)!.members) {
      out.add(m);
      if (subgraphs.has(m)) for (const d of descendants(m)) out.add(d);
    }
    return out;
  };
  for (const s of model.subgraphs) {
    const f = g.frames.get(s.id);
    if (!f) {
      problems.push(`no frame for ${s.id}`);
      continue;
    }
    if (!shown(f)) continue;
    let top = '';
    for (let x = f.x; x < f.x + f.w; x++) top += at(x, f.y);
    if (s.title && !top.includes(` ${visible(s.title)} `)) problems.push(`frame ${s.id}: title missing from '${top}'`);
    const mine = descendants(s.id);
    for (const [id, rect] of [...g.boxes, ...g.frames]) {
      if (id === s.id) continue;
      if (mine.has(id) && !contains(f, rect)) problems.push(`frame ${s.id} does not enclose its member ${id}`);
      if (!mine.has(id) && overlaps(f, rect) && !contains(rect, f)) problems.push(`frame ${s.id} overlaps ${id}, which is not a member`);
    }
    if (ascii) problems.push(...recoverCorners(`frame ${s.id}`, f, at, '++++', '|-.=', '|-.=', true));
  }
  const boxes = [...g.boxes.entries()];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i][1], boxes[j][1])) problems.push(`boxes ${boxes[i][0]} and ${boxes[j][0]} overlap`);
  }
  const rects = [...[...g.boxes].map(([id, rect]) => ({ id, rect, frame: false })), ...[...g.frames].map(([id, rect]) => ({ id, rect, frame: true }))];
  /** border cells where edges meet or cross each element: no two side by side, none beside a corner */
  const meets = new Map<string, Set<string>>();
  const meet = (id: string, x: number, y: number) => {
    if (!meets.has(id)) meets.set(id, new Set());
    meets.get(id)!.add(`${x},${y}`);
  };

  // edges: a connected orthogonal path from one end to the other, arrowhead into the target
  const used = new Map<string, { edge: string; axis: string }>();
  const labels: [string, CellRect][] = [];
  for (const e of model.edges) {
    const eg = g.edges.get(e.id);
    if (!eg || eg.cells.length === 0) {
      problems.push(`edge ${e.id} not drawn`);
      continue;
    }
    if (cut && eg.cells.some(([x]) => x >= r.width)) continue;
    const a = g.boxes.get(e.from) ?? g.frames.get(e.from)!;
    const b = g.boxes.get(e.to) ?? g.frames.get(e.to)!;
    const first = eg.cells[0];
    const last = eg.cells[eg.cells.length - 1];
    if (!touches(a, first[0], first[1])) problems.push(`edge ${e.id} does not start at ${e.from}`);
    if (!touches(b, last[0], last[1])) problems.push(`edge ${e.id} does not end at ${e.to}`);
    // the border an end meets lies on, straight on from the edge's first (last) step
    const n = eg.cells.length;
    for (const [[x, y], [px, py], id, rect] of [[first, eg.cells[Math.min(1, n - 1)], e.from, a], [last, eg.cells[Math.max(n - 2, 0)], e.to, b]] as const) {
      const [bx, by] = n > 1 ? [2 * x - px, 2 * y - py] : borderBeside(rect, x, y);
      meet(id, bx, by);
    }
    for (let i = 1; i < eg.cells.length; i++) {
      const [x0, y0] = eg.cells[i - 1];
      const [x1, y1] = eg.cells[i];
      if (Math.abs(x0 - x1) + Math.abs(y0 - y1) !== 1) problems.push(`edge ${e.id} jumps at step ${i}`);
      // two cells in a row beside one side of a box or frame: the edge runs along its border
      for (const { id, rect, frame } of rects) {
        const side = besideSide(rect, x0, y0, frame);
        if (side && side === besideSide(rect, x1, y1, frame) && (side === 'top' || side === 'bottom' ? y0 === y1 : x0 === x1)) {
          problems.push(`edge ${e.id} runs along the ${side} border of ${id} at ${x1},${y1}`);
        }
      }
    }
    if (e.arrow) {
      const head = at(last[0], last[1]);
      if (!(ascii ? '^>v<' : '▲►▼◄').includes(head) || head === '') problems.push(`edge ${e.id}: no arrowhead at its end (found '${head}')`);
    }
    eg.cells.forEach(([x, y], i) => {
      for (const [id, rect] of boxes) if (inside(rect, x, y)) problems.push(`edge ${e.id} runs through box ${id}`);
      const prev = eg.cells[i - 1] ?? eg.cells[i];
      const next = eg.cells[i + 1] ?? eg.cells[i];
      const axis = prev[1] === y && next[1] === y ? 'h' : prev[0] === x && next[0] === x ? 'v' : 'corner';
      for (const [id, f] of g.frames) {
        const onTop = (y === f.y || y === f.y + f.h - 1) && x >= f.x && x < f.x + f.w;
        const onSide = (x === f.x || x === f.x + f.w - 1) && y >= f.y && y < f.y + f.h;
        if (!onTop && !onSide) continue;
        if ((onTop && onSide) || axis !== (onTop ? 'v' : 'h')) problems.push(`edge ${e.id} does not cross the border of ${id} straight at ${x},${y}`);
        meet(id, x, y);
      }
      const key = `${x},${y}`;
      const other = used.get(key);
      if (other && (other.axis === 'corner' || axis === 'corner' || other.axis === axis)) problems.push(`edges ${other.edge} and ${e.id} overlap at ${key}`);
      used.set(key, { edge: e.id, axis });
    });
    if (e.label) {
      if (!eg.label) {
        problems.push(`edge ${e.id}: label '${e.label}' not placed`);
        continue;
      }
      const l = eg.label;
      if (!shown(l)) continue;
      const rows: string[] = [];
      for (let y = l.y; y < l.y + l.h; y++) {
        let row = '';
        for (let x = l.x; x < l.x + l.w; x++) row += at(x, y);
        rows.push(row);
      }
      // a wrapped label: its rows, left-aligned, read as the label (breaks at spaces or between Chinese characters)
      const s = l.h === 1 ? rows[0] : rows.map((row) => row.trimEnd()).join(' ');
      const same = l.h === 1 ? s === edgeText(e.label) : s.replace(/\s/g, '') === edgeText(e.label).replace(/\s/g, '');
      if (!same) problems.push(`edge ${e.id}: label reads '${s}', expected '${e.label}'`);
      // on the edge, beside it, or (last resort of the renderer) at most three rows away
      const near = eg.cells.some(([x, y]) => y >= l.y - 3 && y <= l.y + l.h + 2 && x >= l.x - 3 && x <= l.x + l.w + 2);
      if (!near) problems.push(`edge ${e.id}: label is not on its edge`);
      labels.push([e.id, l]);
    }
  }
  for (const [id, cellsMet] of meets) {
    const rect = g.boxes.get(id) ?? g.frames.get(id)!;
    for (const key of cellsMet) {
      const [x, y] = key.split(',').map(Number);
      const horizontalSide = y === rect.y || y === rect.y + rect.h - 1;
      const along = horizontalSide ? [[x - 1, y], [x + 1, y]] : [[x, y - 1], [x, y + 1]];
      for (const [nx, ny] of along) if (nx > x || ny > y) if (cellsMet.has(`${nx},${ny}`)) problems.push(`${id}: edges meet its border side by side at ${x},${y} and ${nx},${ny}`);
      // beside a corner only on a side too short for anything else
      const run = horizontalSide ? rect.w - 2 : rect.h - 2;
      const fromCorner = horizontalSide ? Math.min(x - rect.x, rect.x + rect.w - 1 - x) : Math.min(y - rect.y, rect.y + rect.h - 1 - y);
      if (fromCorner < 2 && run > 2) problems.push(`${id}: an edge meets its border beside a corner at ${x},${y}`);
    }
  }
  // labels overlap nothing: no box, frame border, other label, other edge
  for (const [id, l] of labels) {
    for (const [bid, rect] of boxes) if (overlaps(l, rect)) problems.push(`label of ${id} overlaps box ${bid}`);
    for (const [fid, f] of g.frames) {
      for (let y = l.y; y < l.y + l.h; y++) {
        for (let x = l.x; x < l.x + l.w; x++) {
          const onBorder = (x === f.x || x === f.x + f.w - 1) && y >= f.y && y < f.y + f.h ? true : (y === f.y || y === f.y + f.h - 1) && x >= f.x && x < f.x + f.w;
          if (onBorder) problems.push(`label of ${id} lies on the frame of ${fid}`);
        }
      }
    }
    for (const [oid, o] of labels) if (oid !== id && overlaps(l, o)) problems.push(`labels of ${id} and ${oid} overlap`);
    for (const e of model.edges) {
      if (e.id === id) continue;
      for (const [x, y] of g.edges.get(e.id)?.cells ?? []) if (inside(l, x, y)) problems.push(`label of ${id} covers edge ${e.id}`);
    }
    // on its own edge only inline in a horizontal stretch, the line going on either side
    // (──label──►): over a vertical line, a corner or an end it cuts the line
    const own = g.edges.get(id)!.cells;
    own.forEach(([x, y], i) => {
      if (!inside(l, x, y)) return;
      const level = i > 0 && i < own.length - 1 && own[i - 1][1] === y && own[i + 1][1] === y;
      if (!level) problems.push(`label of ${id} overwrites its line at ${x},${y}`);
    });
    for (let y = l.y; y < l.y + l.h; y++) {
      for (const x of [l.x - 1, l.x + l.w]) {
        const i = own.findIndex(([cx, cy]) => cx === x && cy === y);
        if (i >= 0 && (i === 0 || i === own.length - 1)) problems.push(`label of ${id} touches its line's end at ${x},${y}`);
        for (const [bid, rect] of [...g.boxes, ...g.frames]) {
          const onBorder = inside(rect, x, y) && !inside({ x: rect.x + 1, y: rect.y + 1, w: rect.w - 2, h: rect.h - 2 }, x, y);
          if (onBorder) problems.push(`label of ${id} touches the border of ${bid} at ${x},${y}`);
        }
      }
    }
  }
  // each edge label as often as the edges that carry it (more only where other text holds it too)
  if (!cut) {
    const flat = cells.map((row) => row.join('')).join('\n');
    const texts = [...model.nodes.map((n) => n.label), ...model.subgraphs.map((s) => s.title)];
    // (a label wrapped onto rows is read where it stands, above)
    const wrapped = new Set(model.edges.flatMap((e) => (e.label && (g.edges.get(e.id)?.label?.h ?? 1) > 1 ? [edgeText(e.label)] : [])));
    for (const label of new Set(model.edges.flatMap((e) => (e.label ? [edgeText(e.label)] : [])))) {
      if (!label.trim() || wrapped.has(label)) continue;
      // (an edge whose label was not placed is reported above, where the notes may excuse it)
      const want = model.edges.filter((e) => e.label && edgeText(e.label) === label && g.edges.get(e.id)?.label).length;
      const elsewhere = [...texts, ...model.edges.flatMap((e) => (e.label && edgeText(e.label) !== label ? [edgeText(e.label)] : []))].reduce((k, t) => k + occurrences(t, label), 0);
      const found = occurrences(flat, label);
      if (found < want || found > want + elsewhere) problems.push(`edge label '${label}' appears ${found} times, expected ${want}${elsewhere ? ` to ${want + elsewhere}` : ''}`);
    }
  }
  return problems;
}

function occurrences(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length)) n++;
  return n;
}

/** The border cell of `r` next to the cell (x, y) just outside (or inside) one of its sides. */
function borderBeside(r: CellRect, x: number, y: number): [number, number] {
  if (x === r.x - 1) return [r.x, y];
  if (x === r.x + r.w) return [r.x + r.w - 1, y];
  if (y === r.y - 1) return [x, r.y];
  return [x, r.y + r.h - 1];
}

/** Which side of `r` the cell (x, y) lies right beside: outside it, or for a frame inside it too. */
function besideSide(r: CellRect, x: number, y: number, frame: boolean): 'top' | 'bottom' | 'left' | 'right' | null {
  const alongX = x >= r.x && x < r.x + r.w;
  const alongY = y >= r.y && y < r.y + r.h;
  if (alongX && (y === r.y - 1 || (frame && y === r.y + 1))) return 'top';
  if (alongX && (y === r.y + r.h || (frame && y === r.y + r.h - 2))) return 'bottom';
  if (alongY && (x === r.x - 1 || (frame && x === r.x + 1))) return 'left';
  if (alongY && (x === r.x + r.w || (frame && x === r.x + r.w - 2))) return 'right';
  return null;
}

/**
 * An ASCII picture read as a reader would: from a box's top-left corner, down its left side to
 * the first corner, right along its bottom to the next, up its right side, and (untitled) along
 * its top: each walk must cross only plain border and end at the box's own corner.
 */
function recoverCorners(what: string, b: CellRect, at: (x: number, y: number) => string, corners: string, left: string, right: string, titled: boolean): string[] {
  const [tl, tr, bl, br] = [...corners];
  // a frame's border is crossed by an edge drawn as its own line going on through a doorway
  // (a '-' in its side, a '|' in its bottom, the border blank beside it: grid.ts doorways()):
  // a reader walking the border steps over it, and over a blank only beside such a crossing
  const walk = (x: number, y: number, dx: number, dy: number, line: string, corner: string, crossing = ''): [number, number] | null => {
    const crosses = (k: number) => crossing !== '' && crossing.includes(at(x + dx * k, y + dy * k) || '?');
    for (let k = 1; k < 1000; k++) {
      const c = at(x + dx * k, y + dy * k);
      if (c === corner) return [x + dx * k, y + dy * k];
      if (c === ' ' && (crosses(k - 1) || crosses(k + 1))) continue;
      if (!line.includes(c) || c === '') return null;
    }
    return null;
  };
  const problems: string[] = [];
  const expect = (got: [number, number] | null, x: number, y: number, where: string) => {
    if (!got || got[0] !== x || got[1] !== y) problems.push(`${what}: walking ${where} finds ${got ? `a corner at ${got[0]},${got[1]}` : 'no corner'}, not the one at ${x},${y}`);
  };
  if (at(b.x, b.y) !== tl) return [`${what}: no top-left corner at ${b.x},${b.y}`];
  const x1 = b.x + b.w - 1;
  const y1 = b.y + b.h - 1;
  const side = titled ? '-.=' : '';
  expect(walk(b.x, b.y, 0, 1, left, bl, side), b.x, y1, 'down its left side');
  expect(walk(b.x, y1, 1, 0, titled ? '-|:H' : '-', br, titled ? '|:H' : ''), x1, y1, 'along its bottom');
  expect(walk(x1, y1, 0, -1, right, tr, side), x1, b.y, 'up its right side');
  if (!titled) expect(walk(b.x, b.y, 1, 0, '-', tr), x1, b.y, 'along its top');
  return problems;
}

/**
 * Reads and draws any text the way `ipclab diagram` would: it must either end in one
 * FlowSyntaxError (a one-line reason at a real line and column) or draw well formed at
 * each of `widths`, in Unicode and ASCII. Edges and labels the renderer gave up on are
 * fine only when its notes name them. Returns the problems found.
 */
export function checkSource(source: string, widths: (number | undefined)[]): string[] {
  let model: FlowModel;
  try {
    model = parseFlowchart(source);
  } catch (err) {
    if (!(err instanceof FlowSyntaxError)) return [`threw ${err instanceof Error ? err.stack : String(err)}`];
    const lines = source.replace(/\r\n?/g, '\n').split('\n').length;
    const bad: string[] = [];
    if (err.line < 1 || err.line > lines || err.col < 1) bad.push(`error at ${err.line}:${err.col} is outside the text`);
    if (/[\n\r]/.test(err.reason) || !err.reason) bad.push(`error reason is not one line: ${JSON.stringify(err.reason)}`);
    return bad;
  }
  const problems: string[] = [];
  widths.forEach((width, i) => {
    const ascii = i % 2 === 1;
    let r: Rendered;
    try {
      r = renderFlow(model, { width, ascii });
    } catch (err) {
      if (err instanceof FlowTooLargeError && !/[\n\r]/.test(err.message)) return;
      problems.push(`render threw at width ${width}: ${err instanceof Error ? err.stack : String(err)}`);
      return;
    }
    const notes = r.notes.join('\n');
    const given = (id: string) => notes.includes(id) || /and \d+ more/.test(notes);
    for (const p of checkRendering(model, r, ascii, width)) {
      const undrawn = /^edge (.+) not drawn$/.exec(p) ?? /^edge (.+): label '.*' not placed$/s.exec(p);
      if (undrawn && given(undrawn[1])) continue;
      problems.push(`width ${width} ascii=${ascii}: ${p}`);
    }
  });
  return problems;
}

/** The FlowSyntaxError that parsing `source` must give (fails the test if it parses). */
export function parseError(source: string): FlowSyntaxError {
  try {
    parseFlowchart(source);
  } catch (err) {
    if (!(err instanceof FlowSyntaxError)) throw err;
    return err;
  }
  throw new Error(`parsed without error: ${JSON.stringify(source)}`);
}

/** Whether row `shown` is row `drawn` as the Flow pane shows it at a cut edge: the same, but
 *  for cells blanked (flow-view.ts plainCuts: a label without its line, half a box's label). */
export function blankedFrom(shown: string, drawn: string): boolean {
  if (shown === drawn) return true;
  const [a, b] = [toCells(shown)[0], toCells(drawn)[0]];
  for (let x = 0; x < Math.max(a.length, b.length); x++) if ((a[x] ?? ' ') !== (b[x] ?? ' ') && (a[x] ?? ' ').trim() !== '') return false;
  return true;
}
