// Parser for the Mermaid flowchart language as the notes (and ordinary Mermaid users)
// write it. A hand-written scanner: every character is looked at a bounded number of
// times, so any input, however long or binary, ends quickly with a model or one error.
import type { Direction, EdgeStyle, FlowEdge, FlowModel, FlowNode, FlowSubgraph, Shape } from './types.js';

export class FlowSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly col: number,
    readonly reason: string,
  ) {
    super(`${line}:${col}: ${reason}`);
    this.name = 'FlowSyntaxError';
  }
}

const DIRECTIONS = new Set(['TD', 'TB', 'BT', 'LR', 'RL']);
const UNSUPPORTED_STATEMENTS = new Set(['style', 'classDef', 'class', 'linkStyle', 'click', 'accTitle', 'accDescr', 'callback']);
/** Bounds that keep a picture drawable (and a hostile file cheap to refuse). */
const LIMITS = { nodes: 500, edges: 2000, label: 400 };

interface OpenSubgraph {
  id: string;
  title: string;
  direction: Direction | null;
  at: number;
  /** node ids mentioned directly inside, in order, and nested subgraphs in place */
  mentions: { id: string; child: boolean }[];
  parent: string | null;
}

const ID_ASCII = /[A-Za-z0-9_]/;
const ID_OTHER = /[\p{L}\p{N}\p{M}]/u;

function isIdChar(ch: string): boolean {
  return ch.charCodeAt(0) < 128 ? ID_ASCII.test(ch) : ID_OTHER.test(ch);
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the text';
  if (ch === '\n' || ch === '\r') return 'the end of the line';
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) || cp === 0xfffd) return `character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCodePoint(cp)}'`;
}

function labelText(raw: string): string {
  return raw.replace(/<br\s*\/?>/gi, '\n').split('\n').map((l) => l.trim()).join('\n').trim();
}

class Parser {
  private i = 0;
  private direction: Direction = 'TD';
  private readonly nodes = new Map<string, FlowNode & { at: number; explicit: boolean }>();
  private readonly edges: FlowEdge[] = [];
  private readonly pairCount = new Map<string, number>();
  private readonly stack: OpenSubgraph[] = [];
  private readonly closed: OpenSubgraph[] = [];
  private readonly subgraphIds = new Set<string>();

  constructor(private readonly src: string) {}

  fail(at: number, reason: string): never {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < at && k < this.src.length; k++) {
      if (this.src.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    // columns count characters (code points), 1-based
    const col = [...this.src.slice(lineStart, at)].length + 1;
    throw new FlowSyntaxError(line, col, reason);
  }

  private ch(k = this.i): string | undefined {
    return k < this.src.length ? this.src[k] : undefined;
  }

  private skipSpaces(): void {
    while (this.i < this.src.length && (this.src[this.i] === ' ' || this.src[this.i] === '\t')) this.i++;
  }

  private atComment(): boolean {
    return this.src[this.i] === '%' && this.src[this.i + 1] === '%';
  }

  private skipComment(): void {
    while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++;
  }

  /** Skips whitespace, statement separators and comments. */
  private skipBlank(): void {
    for (;;) {
      const c = this.src[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '\f' || c === '\v') this.i++;
      else if (this.atComment()) this.skipComment();
      else return;
    }
  }

  /** After a statement: only a separator, a comment or the end may follow. */
  private endStatement(what: string): void {
    this.skipSpaces();
    const c = this.ch();
    if (c === undefined || c === '\n' || c === '\r' || c === ';' || this.atComment()) return;
    this.fail(this.i, `unexpected ${describe(c)} after ${what}`);
  }

  private word(): string {
    const start = this.i;
    while (this.i < this.src.length) {
      const cp = this.src.codePointAt(this.i)!;
      const ch = String.fromCodePoint(cp);
      if (!isIdChar(ch)) break;
      this.i += ch.length;
    }
    return this.src.slice(start, this.i);
  }

  parse(): FlowModel {
    if (this.src.charCodeAt(0) === 0xfeff) this.i = 1;
    this.skipBlank();
    this.header();
    for (;;) {
      this.skipBlank();
      if (this.i >= this.src.length) break;
      this.statement();
    }
    const open = this.stack[this.stack.length - 1];
    if (open) this.fail(open.at, `subgraph '${open.id}' has no 'end'`);
    return this.build();
  }

  private header(): void {
    const at = this.i;
    const kw = this.word();
    if (kw !== 'flowchart' && kw !== 'graph') {
      this.fail(at, kw ? `expected 'flowchart' or 'graph', found '${kw}' (only flowcharts are supported)` : `expected 'flowchart' or 'graph', found ${describe(this.ch())}`);
    }
    this.skipSpaces();
    const dirAt = this.i;
    const dir = this.word();
    if (dir) {
      if (!DIRECTIONS.has(dir)) this.fail(dirAt, `unknown direction '${dir}' (use TD, TB, BT, LR or RL)`);
      this.direction = dir as Direction;
    }
    this.endStatement(`'${kw}${dir ? ' ' + dir : ''}'`);
  }

  private statement(): void {
    const at = this.i;
    const kw = this.word();
    const next = this.ch();
    const bare = next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r' || next === ';' || this.atComment();
    if (kw === 'subgraph' && bare) return this.subgraph(at);
    if (kw === 'end' && bare) return this.end(at);
    if (kw === 'direction' && bare) return this.directionStatement();
    if (UNSUPPORTED_STATEMENTS.has(kw) && bare) this.fail(at, `'${kw}' statements are not supported`);
    this.i = at;
    this.chain();
  }

  private subgraph(at: number): void {
    this.skipSpaces();
    const idAt = this.i;
    let id: string;
    let title: string;
    if (this.ch() === '"') {
      title = this.quoted();
      id = title;
      if (!title) this.fail(idAt, 'empty subgraph title');
    } else {
      id = this.word();
      if (!id) this.fail(idAt, `subgraph needs an id, found ${describe(this.ch())}`);
      title = id;
      this.skipSpaces();
      if (this.ch() === '[') {
        const openAt = this.i;
        this.i++;
        title = this.ch() === '"' ? this.quoted() : labelText(this.until(']', openAt, "subgraph title is not closed: expected ']'"));
        if (this.ch() !== ']') this.fail(this.i, `expected ']' after the subgraph title, found ${describe(this.ch())}`);
        this.i++;
        title = title.replace(/\n/g, ' ');
      }
    }
    if (this.subgraphIds.has(id)) this.fail(idAt, `subgraph '${id}' is defined twice`);
    if (this.nodes.size + this.subgraphIds.size >= LIMITS.nodes) this.fail(at, `too many nodes and subgraphs (at most ${LIMITS.nodes})`);
    this.endStatement(`'subgraph ${id}'`);
    const parent = this.stack[this.stack.length - 1] ?? null;
    parent?.mentions.push({ id, child: true });
    this.subgraphIds.add(id);
    this.stack.push({ id, title, direction: null, at, mentions: [], parent: parent?.id ?? null });
  }

  private end(at: number): void {
    const sg = this.stack.pop();
    if (!sg) this.fail(at, "'end' without a 'subgraph' to close");
    this.closed.push(sg);
    this.endStatement("'end'");
  }

  private directionStatement(): void {
    this.skipSpaces();
    const at = this.i;
    const dir = this.word();
    if (!DIRECTIONS.has(dir)) this.fail(at, dir ? `unknown direction '${dir}' (use TD, TB, BT, LR or RL)` : 'direction needs TD, TB, BT, LR or RL');
    const top = this.stack[this.stack.length - 1];
    if (top) top.direction = dir as Direction;
    else this.direction = dir as Direction;
    this.endStatement(`'direction ${dir}'`);
  }

  /** `a & b --> c --text--> d ...` */
  private chain(): void {
    let from = this.group();
    for (;;) {
      this.skipSpaces();
      const c = this.ch();
      if (c !== '-' && c !== '=' && c !== '<' && c !== '~' && c !== '.') break;
      const link = this.link();
      this.skipSpaces();
      const to = this.group();
      for (const a of from) for (const b of to) this.addEdge(a, b, link);
      from = to;
    }
    this.endStatement('the statement');
  }

  private group(): string[] {
    const ids = [this.node()];
    for (;;) {
      this.skipSpaces();
      if (this.ch() !== '&') return ids;
      this.i++;
      this.skipSpaces();
      ids.push(this.node());
    }
  }

  private node(): string {
    const at = this.i;
    const id = this.word();
    if (!id) this.fail(at, `expected a node id, found ${describe(this.ch())}`);
    if (id === 'end' || id === 'subgraph') this.fail(at, `'${id}' is a keyword and cannot be a node id`);
    const save = this.i;
    this.skipSpaces();
    const shaped = this.shape(id);
    if (!shaped) this.i = save;
    let node = this.nodes.get(id);
    if (!node) {
      if (this.nodes.size + this.subgraphIds.size >= LIMITS.nodes) this.fail(at, `too many nodes and subgraphs (at most ${LIMITS.nodes})`);
      node = { id, label: id, shape: 'rect', at, explicit: false };
      this.nodes.set(id, node);
    }
    if (shaped) Object.assign(node, shaped, { explicit: true, at: node.explicit ? node.at : at });
    this.stack[this.stack.length - 1]?.mentions.push({ id, child: false });
    return id;
  }

  /** An optional shape after a node id: [..] (..) {..} ((..)) >..] */
  private shape(id: string): { label: string; shape: Shape } | null {
    const at = this.i;
    const c = this.ch();
    const c2 = this.ch(this.i + 1);
    let shape: Shape;
    let close: string;
    if (c === '(' && c2 === '(') [shape, close] = ['circle', '))'];
    else if (c === '(') [shape, close] = ['round', ')'];
    else if (c === '[') [shape, close] = ['rect', ']'];
    else if (c === '{') [shape, close] = ['diamond', '}'];
    else if (c === '>') [shape, close] = ['flag', ']'];
    else return null;
    if ((c === '(' && c2 === '[') || (c === '[' && (c2 === '[' || c2 === '(' || c2 === '/' || c2 === '\\')) || (c === '{' && c2 === '{')) {
      this.fail(at, `the shape '${c}${c2}' of node '${id}' is not supported (use [..], (..), {..}, ((..)) or >..])`);
    }
    this.i += shape === 'circle' ? 2 : 1;
    let label: string;
    if (this.ch() === '"') label = this.quoted();
    else label = labelText(this.until(close[0], at, `label of '${id}' is not closed: expected '${close}'`));
    if (!this.src.startsWith(close, this.i)) this.fail(this.i, `expected '${close}' to close the label of '${id}', found ${describe(this.ch())}`);
    this.i += close.length;
    if (!label) this.fail(at, `node '${id}' has an empty label`);
    if (label.length > LIMITS.label) this.fail(at, `label of '${id}' is longer than ${LIMITS.label} characters`);
    return { label, shape };
  }

  /** Text up to (not including) `stop`, on this line. */
  private until(stop: string, openAt: number, reason: string): string {
    const start = this.i;
    while (this.i < this.src.length && this.src[this.i] !== stop && this.src[this.i] !== '\n') this.i++;
    if (this.src[this.i] !== stop) this.fail(openAt, reason);
    return this.src.slice(start, this.i);
  }

  private quoted(): string {
    const openAt = this.i;
    this.i++;
    const text = this.until('"', openAt, "quoted text is not closed: expected '\"'");
    this.i++;
    return labelText(text);
  }

  /** An edge: -->, ---, -.->, -.-, ==>, ===, with a label written inside or as |text|. */
  private link(): { style: EdgeStyle; arrow: boolean; label: string | null } {
    const at = this.i;
    const c = this.src[this.i];
    if (c === '<') this.fail(at, "two-headed edges ('<-->') are not supported");
    if (c === '~') this.fail(at, "invisible edges ('~~~') are not supported");
    if (c === '.') this.fail(at, `expected an edge like '-->', found '.'`);
    const run = (ch: string) => {
      const s = this.i;
      while (this.src[this.i] === ch) this.i++;
      return this.i - s;
    };
    let style: EdgeStyle;
    let arrow = false;
    let label: string | null = null;
    const n = run(c);
    if (c === '-' && n === 1 && this.src[this.i] === '.') {
      style = 'dotted';
      run('.');
      if (this.src[this.i] === '-') {
        this.i++;
        if (this.src[this.i] === '>') (arrow = true), this.i++;
      } else {
        label = this.inlineLabel(at, '.', "'.->' or '.-'");
        ({ arrow } = this.closeDotted());
      }
    } else if (n === 1) {
      this.fail(at, `expected an edge like '-->' or '==>', found '${c}'`);
    } else {
      style = c === '-' ? 'solid' : 'thick';
      if (this.src[this.i] === '>') (arrow = true), this.i++;
      else if (n === 2) {
        const close = c === '-' ? "'-->' or '---'" : "'==>' or '==='";
        label = this.inlineLabel(at, c, close);
        const m = run(c);
        if (this.src[this.i] === '>') (arrow = true), this.i++;
        else if (m < 3) this.fail(this.i, `expected ${close} to end the edge label`);
      }
    }
    const save = this.i;
    this.skipSpaces();
    if (this.src[this.i] === '|') {
      const openAt = this.i;
      if (label !== null) this.fail(openAt, 'this edge already has a label');
      this.i++;
      label = labelText(this.until('|', openAt, "edge label is not closed: expected '|'")).replace(/\n/g, ' ');
      this.i++;
      if (!label) this.fail(openAt, 'empty edge label');
    } else this.i = save;
    if (label !== null && label.length > LIMITS.label) this.fail(at, `edge label is longer than ${LIMITS.label} characters`);
    return { style: style!, arrow, label };
  }

  /** The text of `-- text -->` up to the closing marker (its first character is `mark`). */
  private inlineLabel(openAt: number, mark: string, close: string): string {
    const start = this.i;
    for (;;) {
      const k = this.i;
      const c = this.src[k];
      if (c === undefined || c === '\n') this.fail(openAt, `edge label is not closed: expected ${close}`);
      if (c === mark) {
        const d = this.src[k + 1];
        if (mark === '.' ? d === '-' : d === mark) break;
      }
      this.i++;
    }
    const label = labelText(this.src.slice(start, this.i)).replace(/\n/g, ' ');
    if (!label) this.fail(openAt, 'empty edge label');
    return label;
  }

  private closeDotted(): { arrow: boolean } {
    this.i += 2; // '.-'
    if (this.src[this.i] === '>') {
      this.i++;
      return { arrow: true };
    }
    return { arrow: false };
  }

  private addEdge(from: string, to: string, link: { style: EdgeStyle; arrow: boolean; label: string | null }): void {
    if (this.edges.length >= LIMITS.edges) this.fail(this.i, `too many edges (at most ${LIMITS.edges})`);
    const pair = `${from}->${to}`;
    const n = (this.pairCount.get(pair) ?? 0) + 1;
    this.pairCount.set(pair, n);
    this.edges.push({ id: n === 1 ? pair : `${pair}#${n}`, from, to, label: link.label, style: link.style, arrow: link.arrow });
  }

  /** Mermaid's rule for membership: a node belongs to the first subgraph to close
   *  (the innermost, then the earliest) that mentions it, wherever else it appears. */
  private build(): FlowModel {
    for (const node of this.nodes.values()) {
      if (this.subgraphIds.has(node.id) && node.explicit) this.fail(node.at, `'${node.id}' is a subgraph and cannot also be a node with a shape`);
    }
    const claimed = new Set<string>();
    const subgraphs: FlowSubgraph[] = this.closed.map((sg) => {
      const members: string[] = [];
      for (const m of sg.mentions) {
        if (m.child) members.push(m.id);
        else if (!this.subgraphIds.has(m.id) && !claimed.has(m.id)) {
          claimed.add(m.id);
          members.push(m.id);
        }
      }
      return { id: sg.id, title: sg.title, members, parent: sg.parent, direction: sg.direction };
    });
    // outermost first, in the order written, reads better than closing order
    const order = new Map<string, number>();
    this.closed.forEach((sg) => order.set(sg.id, sg.at));
    subgraphs.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const nodes: FlowNode[] = [];
    for (const n of this.nodes.values()) if (!this.subgraphIds.has(n.id)) nodes.push({ id: n.id, label: n.label, shape: n.shape });
    return { direction: this.direction, nodes, edges: this.edges, subgraphs };
  }
}

/** Parses flowchart source into the plain model; throws FlowSyntaxError only. */
export function parseFlowchart(source: string): FlowModel {
  try {
    return new Parser(String(source)).parse();
  } catch (err) {
    if (err instanceof FlowSyntaxError) throw err;
    // a bug here must still reach the user as one line, never a stack
    throw new FlowSyntaxError(1, 1, `cannot read this diagram (${err instanceof Error ? err.message : String(err)})`);
  }
}
