// Parser for the Mermaid flowchart language as the notes (and ordinary Mermaid users)
// write it. A hand-written scanner: every character is looked at a bounded number of
// times, so any input, however long or binary, ends quickly with a model or one error.
// Where Mermaid's own grammar (flow.jison) decides something, this follows it: what
// an id may contain, where an edge label ends, how a subgraph title is read.
import { labelText } from './text.js';
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
/** Mermaid's arrow spellings of a direction after the header keyword */
const ARROW_DIRECTIONS: Record<string, Direction> = { '>': 'LR', '<': 'RL', '^': 'BT', v: 'TB' };
const HEADERS = new Set(['flowchart', 'graph', 'flowchart-elk']);
/** Statements that only colour, link or describe: Mermaid draws the same graph without them. */
const COSMETIC = new Set(['style', 'classDef', 'class', 'linkStyle', 'click']);
/** Bounds that keep a picture drawable (and a hostile file cheap to refuse). */
// depth: every frame level costs six or more columns, so a deeper nest cannot be read in a terminal
const LIMITS = { nodes: 500, edges: 500, label: 400, text: 50_000, depth: 16 };
const SUPPORTED_SHAPES = 'use [..], (..), {..}, ((..)) or >..]';
/** Shapes Mermaid has and this renderer does not, by how they open. Longest first. */
const OTHER_SHAPES: [string, string][] = [
  ['(((', 'double circle'],
  ['([', 'stadium'],
  ['(-', 'ellipse'],
  ['[[', 'subroutine'],
  ['[(', 'cylinder (database)'],
  ['[/', 'parallelogram/trapezoid'],
  ['[\\', 'parallelogram/trapezoid'],
  ['[|', 'property'],
  ['{{', 'hexagon'],
];

interface OpenSubgraph {
  /** as written; null for a title with spaces or none, which gets Mermaid's generated id when it closes */
  id: string | null;
  title: string;
  direction: Direction | null;
  at: number;
  /** node ids mentioned directly inside, in order, and nested subgraphs in place */
  mentions: (string | OpenSubgraph)[];
  parent: OpenSubgraph | null;
}

interface Link {
  style: EdgeStyle;
  arrow: boolean;
  label: string | null;
}

const ID_ASCII = /[A-Za-z0-9_]/;
/** Mermaid's NODE_STRING also takes these inside an id (a-b, v1.2, a&b); '-' only when no edge starts there */
const ID_PUNCT = new Set(['.', '!', '?', "'", '$', '+', '*', '/', '\\', '#']);
const ID_OTHER = /[\p{L}\p{N}\p{M}]/u;
// C0 and C1 controls, and DEL: they would move the cursor or recolour a terminal
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the text';
  if (ch === '\n' || ch === '\r') return 'the end of the line';
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) || cp === 0xfffd || (cp >= 0xd800 && cp <= 0xdfff)) return `character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCodePoint(cp)}'`;
}

/** What Mermaid's lexer takes as a space (JavaScript's \s but the line end): a no-break
 *  space pasted from a web page or an ideographic space typed with a Chinese IME included */
const SPACES = /^[ \t\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]$/;
const isSpace = (c: string | undefined) => c === ' ' || (c !== undefined && c !== '\n' && SPACES.test(c));
const isBreak = (c: string | undefined) => c === undefined || c === '\n' || c === ';';

class Parser {
  private i = 0;
  private direction: Direction = 'TD';
  private readonly nodes = new Map<string, FlowNode & { at: number; explicit: boolean }>();
  private readonly edges: FlowEdge[] = [];
  private readonly pairCount = new Map<string, number>();
  private readonly stack: OpenSubgraph[] = [];
  private readonly closed: OpenSubgraph[] = [];
  private readonly subgraphIds = new Set<string>();
  /** set once a '%%{' directive found no '}%%' after it: later ones need not search again */
  private noDirectiveEnd = false;

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
    const col = [...this.src.slice(lineStart, Math.min(at, this.src.length))].length + 1;
    throw new FlowSyntaxError(line, col, reason);
  }

  private ch(k = this.i): string | undefined {
    return k < this.src.length ? this.src[k] : undefined;
  }

  private skipSpaces(): void {
    while (isSpace(this.src[this.i])) this.i++;
  }

  private atComment(): boolean {
    return this.src[this.i] === '%' && this.src[this.i + 1] === '%';
  }

  /** A '%%' comment to the end of the line, or a '%%{ ... }%%' directive (which may span lines). */
  private skipComment(): void {
    if (this.src[this.i + 2] === '{' && !this.noDirectiveEnd) {
      const end = this.src.indexOf('}%%', this.i + 3);
      if (end >= 0) {
        this.i = end + 3;
        return;
      }
      this.noDirectiveEnd = true;
    }
    while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++;
  }

  /** Skips whitespace, statement separators and comments. */
  private skipBlank(): void {
    for (;;) {
      const c = this.src[this.i];
      if (c === '\n' || c === ';' || isSpace(c)) this.i++;
      else if (this.atComment()) this.skipComment();
      else return;
    }
  }

  /** After a statement: only a separator, a comment or the end may follow. */
  private endStatement(what: string): void {
    this.skipSpaces();
    const c = this.ch();
    if (isBreak(c) || this.atComment()) return;
    this.fail(this.i, `unexpected ${describe(c)} after ${what}`);
  }

  /** An id as Mermaid reads one: letters, digits, '_', a few marks inside, and '-' where no edge begins. */
  private word(): string {
    const start = this.i;
    const src = this.src;
    while (this.i < src.length) {
      const code = src.charCodeAt(this.i);
      if (code < 128) {
        const c = src[this.i];
        if (ID_ASCII.test(c)) this.i++;
        else if (c === '-') {
          const d = src[this.i + 1];
          if (d === '-' || d === '>' || d === '.' || d === undefined || isSpace(d) || d === '\n' || d === ';') break;
          this.i++;
        } else if (ID_PUNCT.has(c) && this.i > start) this.i++;
        // 'a&b' and 'step:1' are one id to Mermaid; 'a & b' is two nodes, 'a:::cls' a class
        else if ((c === '&' || c === ':') && this.i > start && this.idStartsAt(this.i + 1)) this.i++;
        else break;
      } else {
        const cp = src.codePointAt(this.i)!;
        const c = String.fromCodePoint(cp);
        if (!ID_OTHER.test(c)) break;
        this.i += c.length;
      }
    }
    return src.slice(start, this.i);
  }

  private idStartsAt(k: number): boolean {
    const code = this.src.charCodeAt(k);
    if (Number.isNaN(code)) return false;
    return code < 128 ? ID_ASCII.test(this.src[k]) : ID_OTHER.test(String.fromCodePoint(this.src.codePointAt(k)!));
  }

  parse(): FlowModel {
    // Mermaid's maxTextSize: it draws nothing longer either
    if (this.src.length > LIMITS.text) throw new FlowSyntaxError(1, 1, `the diagram is longer than ${LIMITS.text} characters (Mermaid's limit too)`);
    if (this.src.charCodeAt(0) === 0xfeff) this.i = 1;
    this.frontMatter();
    this.skipBlank();
    this.header();
    for (;;) {
      this.skipBlank();
      if (this.i >= this.src.length) break;
      this.statement();
    }
    const open = this.stack[this.stack.length - 1];
    if (open) this.fail(open.at, `subgraph '${open.id ?? open.title}' has no 'end'`);
    return this.build();
  }

  /** A YAML block between '---' lines before the header (title, config): nothing here draws it. */
  private frontMatter(): void {
    let k = this.i;
    while (this.src[k] === '\n' || isSpace(this.src[k])) k++;
    if (!this.src.startsWith('---', k)) return;
    let e = k + 3;
    while (isSpace(this.src[e])) e++;
    if (this.src[e] !== '\n') return;
    const close = this.src.slice(e).search(/\n---[ \t]*(\n|$)/);
    if (close < 0) this.fail(k, "the front matter that starts here has no closing '---' line");
    this.i = e + close + 4;
  }

  private header(): void {
    const at = this.i;
    const kw = this.word();
    if (!HEADERS.has(kw)) {
      this.fail(at, kw ? `expected 'flowchart' or 'graph', found '${kw}' (only flowcharts are supported)` : `expected 'flowchart' or 'graph', found ${describe(this.ch())}`);
    }
    this.skipSpaces();
    const dirAt = this.i;
    const arrow = ARROW_DIRECTIONS[this.ch() ?? ''];
    let dir = '';
    if (arrow && this.ch() !== 'v') {
      dir = this.ch()!;
      this.i++;
      this.direction = arrow;
    } else {
      dir = this.word();
      if (dir === 'v') this.direction = 'TB';
      else if (dir) {
        if (!DIRECTIONS.has(dir)) this.fail(dirAt, `unknown direction '${dir}' (use TD, TB, BT, LR or RL)`);
        this.direction = dir as Direction;
      }
    }
    this.endStatement(`'${kw}${dir ? ' ' + dir : ''}'`);
  }

  private statement(): void {
    const at = this.i;
    const kw = this.word();
    const next = this.ch();
    const bare = isBreak(next) || isSpace(next) || this.atComment();
    if (kw === 'subgraph' && bare) return this.subgraph(at);
    if (kw === 'end' && bare) return this.end(at);
    if (kw === 'direction' && bare) return this.directionStatement();
    if (COSMETIC.has(kw) && bare) return this.cosmetic(kw, at);
    if ((kw === 'accTitle' || kw === 'accDescr') && (next === ':' || isSpace(next) || next === '{')) return this.accessibility(kw, at);
    this.i = at;
    this.chain();
  }

  /** style/classDef/class/linkStyle/click: checked as far as they name things, then passed over. */
  private cosmetic(kw: string, at: number): void {
    this.skipSpaces();
    const argAt = this.i;
    if (kw === 'linkStyle') {
      const list = this.restOfStatement().split(/[ \t]/)[0];
      if (list !== 'default') {
        if (!/^\d+(,\d+)*$/.test(list)) this.fail(argAt, "linkStyle needs 'default' or edge numbers like 0,2 before its style");
        for (const n of list.split(',')) {
          if (Number(n) >= this.edges.length) this.fail(argAt, `linkStyle ${n}: there is no edge number ${n} (edges so far: ${this.edges.length}, counted from 0)`);
        }
      }
      return;
    }
    const name = this.word();
    if (!name) this.fail(argAt, `'${kw}' needs ${kw === 'classDef' ? 'a class name' : 'a node id'}, found ${describe(this.ch())}`);
    // Mermaid's 'style X ...' makes the node X when there is none yet (outside any subgraph)
    if (kw === 'style' && !this.nodes.has(name)) {
      if (this.nodes.size + this.subgraphIds.size >= LIMITS.nodes) this.fail(at, `too many nodes and subgraphs (at most ${LIMITS.nodes})`);
      this.nodes.set(name, { id: name, label: name, shape: 'rect', at: argAt, explicit: false });
    }
    this.restOfStatement();
  }

  /** accTitle: text, accDescr: text, accDescr { lines }: descriptions for screen readers of the SVG. */
  private accessibility(kw: string, at: number): void {
    this.skipSpaces();
    if (kw === 'accDescr' && this.ch() === '{') {
      const close = this.src.indexOf('}', this.i);
      if (close < 0) this.fail(at, "accDescr { has no closing '}'");
      this.i = close + 1;
      this.endStatement("'accDescr { }'");
      return;
    }
    if (this.ch() !== ':') this.fail(this.i, `expected ':' after '${kw}'`);
    while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++;
  }

  /** The text up to the end of the statement (a line end, or ';' outside quotes). */
  private restOfStatement(): string {
    const start = this.i;
    let quoted = false;
    for (; this.i < this.src.length; this.i++) {
      const c = this.src[this.i];
      if (c === '\n' || (c === ';' && !quoted)) break;
      if (c === '"') quoted = !quoted;
    }
    return this.src.slice(start, this.i).trim();
  }

  /** subgraph id | subgraph id [title] | subgraph id[title] | subgraph "title" | subgraph Some title | subgraph */
  private subgraph(at: number): void {
    this.skipSpaces();
    const idAt = this.i;
    let raw: string;
    if (this.ch() === '"') raw = this.quoted();
    else {
      const start = this.i;
      while (this.i < this.src.length && !isBreak(this.src[this.i]) && this.src[this.i] !== '[' && !this.atComment()) this.i++;
      raw = labelText(this.src.slice(start, this.i));
      if (CONTROL.test(raw)) this.fail(idAt, 'the subgraph title has a control character');
    }
    raw = raw.replace(/\n/g, ' ').trim();
    let id: string | null;
    let title: string;
    this.skipSpaces();
    if (this.ch() === '[') {
      if (!raw) this.fail(idAt, "subgraph needs an id before '['");
      id = raw;
      const openAt = this.i;
      this.i++;
      title = this.labelBody(']', openAt, 'the subgraph title').replace(/\n/g, ' ');
      if (this.ch() !== ']') this.fail(this.i, `expected ']' after the subgraph title, found ${describe(this.ch())}`);
      this.i++;
    } else {
      title = raw;
      // Mermaid's rule: a title with spaces (or none) is not an id; the subgraph gets 'subGraphN'
      id = raw && !/\s/.test(raw) ? raw : null;
    }
    if (title.length > LIMITS.label) this.fail(idAt, `the subgraph title is longer than ${LIMITS.label} characters`);
    if (id !== null && this.subgraphIds.has(id)) this.fail(idAt, `subgraph '${id}' is defined twice`);
    if (this.nodes.size + this.subgraphIds.size >= LIMITS.nodes) this.fail(at, `too many nodes and subgraphs (at most ${LIMITS.nodes})`);
    if (this.stack.length >= LIMITS.depth) this.fail(at, `subgraphs nested more than ${LIMITS.depth} deep (flatten some of them)`);
    this.endStatement(`'subgraph${raw ? ' ' + raw : ''}'`);
    const parent = this.stack[this.stack.length - 1] ?? null;
    const sg: OpenSubgraph = { id, title, direction: null, at, mentions: [], parent };
    parent?.mentions.push(sg);
    if (id !== null) this.subgraphIds.add(id);
    this.stack.push(sg);
  }

  private end(at: number): void {
    const sg = this.stack.pop();
    if (!sg) this.fail(at, "'end' without a 'subgraph' to close");
    if (sg.id === null) {
      // Mermaid numbers generated ids in the order subgraphs close
      let n = this.closed.length;
      while (this.subgraphIds.has(`subGraph${n}`) || this.nodes.has(`subGraph${n}`)) n++;
      sg.id = `subGraph${n}`;
      this.subgraphIds.add(sg.id);
    }
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
      if ((c === 'x' || c === 'o') && /^[-=]{2}|^-\./.test(this.src.slice(this.i + 1, this.i + 3))) {
        this.fail(this.i, `edges with a circle or cross end ('${c}--', '--${c}') are not supported`);
      }
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
    if (id.length > LIMITS.label) this.fail(at, `node id is longer than ${LIMITS.label} characters`);
    this.nodeData(id);
    const save = this.i;
    this.skipSpaces();
    const shaped = this.shape(id);
    if (!shaped) this.i = save;
    else this.nodeData(id);
    // A:::name gives the node a CSS class: colour only
    if (this.src.startsWith(':::', this.i)) {
      this.i += 3;
      const clsAt = this.i;
      if (!this.word()) this.fail(clsAt, `expected a class name after ':::', found ${describe(this.ch())}`);
    }
    let node = this.nodes.get(id);
    if (!node) {
      if (this.nodes.size + this.subgraphIds.size >= LIMITS.nodes) this.fail(at, `too many nodes and subgraphs (at most ${LIMITS.nodes})`);
      node = { id, label: id, shape: 'rect', at, explicit: false };
      this.nodes.set(id, node);
    }
    if (shaped) Object.assign(node, shaped, { explicit: true, at: node.explicit ? node.at : at });
    this.stack[this.stack.length - 1]?.mentions.push(id);
    return id;
  }

  private nodeData(id: string): void {
    if (this.src[this.i] === '@' && this.src[this.i + 1] === '{') {
      this.fail(this.i, `node data '@{ ... }' (Mermaid 11 shapes) on '${id}' is not supported: ${SUPPORTED_SHAPES}`);
    }
  }

  /** An optional shape after a node id: [..] (..) {..} ((..)) >..] */
  private shape(id: string): { label: string; shape: Shape } | null {
    const at = this.i;
    const c = this.ch();
    if (c !== '(' && c !== '[' && c !== '{' && c !== '>') return null;
    for (const [open, name] of OTHER_SHAPES) {
      if (this.src.startsWith(open, at)) this.fail(at, `the ${name} shape '${open}..' of node '${id}' is not supported: ${SUPPORTED_SHAPES}`);
    }
    let shape: Shape;
    let close: string;
    if (this.src.startsWith('((', at)) [shape, close] = ['circle', '))'];
    else if (c === '(') [shape, close] = ['round', ')'];
    else if (c === '[') [shape, close] = ['rect', ']'];
    else if (c === '{') [shape, close] = ['diamond', '}'];
    else [shape, close] = ['flag', ']'];
    this.i += shape === 'circle' ? 2 : 1;
    const label = this.labelBody(close[0], at, `the label of '${id}'`);
    if (!this.src.startsWith(close, this.i)) this.fail(this.i, `expected '${close}' to close the label of '${id}', found ${describe(this.ch())}`);
    this.i += close.length;
    if (!label) this.fail(at, `node '${id}' has an empty label`);
    return { label, shape };
  }

  /**
   * A label up to (not including) `stop`: quoted ("..."), Markdown ("`...`"), or plain
   * text on this line. Checked for length and control characters.
   */
  private labelBody(stop: string, openAt: number, what: string): string {
    const start = this.i;
    let label: string;
    if (this.ch() === '"') {
      label = this.quoted();
      this.skipSpaces();
    } else {
      while (this.i < this.src.length && this.src[this.i] !== stop && this.src[this.i] !== '\n') this.i++;
      if (this.src[this.i] !== stop) this.fail(openAt, `${what} is not closed: expected '${stop}'`);
      label = this.plain(this.src.slice(start, this.i), start, what);
    }
    if (label.length > LIMITS.label) this.fail(openAt, `${what} is longer than ${LIMITS.label} characters`);
    return label;
  }

  /** Unquoted label text; Mermaid strips the quotes of one that is quoted after all ("a" with spaces round it). */
  private plain(raw: string, at: number, what: string): string {
    const bad = CONTROL.exec(raw);
    if (bad) this.fail(at + bad.index, `${what} has the control ${describe(bad[0])}`);
    let text = labelText(raw);
    if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1).trim();
    return text;
  }

  /** "text" on one line, or "`markdown`" which may span lines (each line break kept). */
  private quoted(): string {
    const openAt = this.i;
    const markdown = this.src[this.i + 1] === '`';
    let text: string;
    if (markdown) {
      const close = this.src.indexOf('`"', this.i + 2);
      if (close < 0) this.fail(openAt, 'markdown text is not closed: expected \'`"\'');
      text = this.src.slice(this.i + 2, close);
      this.i = close + 2;
    } else {
      this.i++;
      const start = this.i;
      while (this.i < this.src.length && this.src[this.i] !== '"' && this.src[this.i] !== '\n') this.i++;
      if (this.src[this.i] !== '"') this.fail(openAt, "quoted text is not closed: expected '\"'");
      text = this.src.slice(start, this.i);
      this.i++;
    }
    const bad = CONTROL.exec(text);
    if (bad) this.fail(openAt, `the quoted text has the control ${describe(bad[0])}`);
    return labelText(text, markdown);
  }

  /** An edge: -->, ---, -.->, -.-, ==>, ===, any length, with a label written inside or as |text|. */
  private link(): Link {
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
        arrow = this.head('-.-');
      } else {
        label = this.inlineLabel(at, '.', "'.->' or '.-'");
        run('.');
        this.i++; // the '-' inlineLabel stopped before
        arrow = this.head('.-');
      }
    } else if (n === 1) {
      this.fail(at, `expected an edge like '-->' or '==>', found '${c}'`);
    } else {
      style = c === '-' ? 'solid' : 'thick';
      const close = c === '-' ? "'-->' or '---'" : "'==>' or '==='";
      const next = this.src[this.i];
      if (n === 2 && next !== '>' && next !== 'x' && next !== 'o') {
        label = this.inlineLabel(at, c, close);
        const m = run(c);
        if (m < 3 && !'>xo'.includes(this.src[this.i] ?? ' ')) this.fail(this.i, `expected ${close} to end the edge label`);
      }
      arrow = this.head(c.repeat(2));
    }
    const save = this.i;
    this.skipSpaces();
    if (this.src[this.i] === '|') {
      const openAt = this.i;
      if (label !== null) this.fail(openAt, 'this edge already has a label');
      this.i++;
      this.skipSpaces();
      label = this.labelBody('|', openAt, 'the edge label').replace(/\n/g, ' ');
      if (this.src[this.i] !== '|') this.fail(this.i, `expected '|' to close the edge label, found ${describe(this.ch())}`);
      this.i++;
      if (!label) this.fail(openAt, 'empty edge label');
    } else this.i = save;
    return { style: style!, arrow, label };
  }

  /** The end of an edge: '>' is an arrowhead; Mermaid's 'x' and 'o' ends are refused by name. */
  private head(line: string): boolean {
    const c = this.src[this.i];
    if (c === '>') {
      this.i++;
      return true;
    }
    if (c === 'x' || c === 'o') {
      this.fail(this.i, `'${line}${c}' is an edge with a ${c === 'x' ? 'cross' : 'circle'} end, which is not supported (a label starting with '${c}' needs a space before it: '-- ${c}... -->')`);
    }
    return false;
  }

  /** The text of `-- text -->` up to the closing marker (its first character is `mark`). */
  private inlineLabel(openAt: number, mark: string, close: string): string {
    const start = this.i;
    for (;;) {
      const c = this.src[this.i];
      if (c === undefined || c === '\n') this.fail(openAt, `edge label is not closed: expected ${close}`);
      if (c === mark) {
        if (mark === '.') {
          // '.-' and '..-' both close a dotted label: skip a run of dots at once
          let k = this.i;
          while (this.src[k] === '.') k++;
          if (this.src[k] === '-') break;
          this.i = k;
          continue;
        }
        if (this.src[this.i + 1] === mark) break;
      }
      this.i++;
    }
    const raw = this.src.slice(start, this.i);
    const quoted = /^\s*"`/.test(raw) && /`"\s*$/.test(raw);
    let label = (quoted ? labelText(raw.trim().slice(2, -2), true) : this.plain(raw, start, 'the edge label')).replace(/\n/g, ' ');
    if (!label) this.fail(openAt, 'empty edge label');
    if (label.length > LIMITS.label) this.fail(openAt, `the edge label is longer than ${LIMITS.label} characters`);
    return label;
  }

  private addEdge(from: string, to: string, link: Link): void {
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
        if (typeof m !== 'string') members.push(m.id!);
        else if (!this.subgraphIds.has(m) && !claimed.has(m)) {
          claimed.add(m);
          members.push(m);
        }
      }
      return { id: sg.id!, title: sg.title, members, parent: sg.parent?.id ?? null, direction: sg.direction };
    });
    // outermost first, in the order written, reads better than closing order
    const order = new Map<string, number>();
    this.closed.forEach((sg) => order.set(sg.id!, sg.at));
    subgraphs.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const nodes: FlowNode[] = [];
    for (const n of this.nodes.values()) if (!this.subgraphIds.has(n.id)) nodes.push({ id: n.id, label: n.label, shape: n.shape });
    return { direction: this.direction, nodes, edges: this.edges, subgraphs };
  }
}

/** Parses flowchart source into the plain model; throws FlowSyntaxError only. */
export function parseFlowchart(source: string): FlowModel {
  try {
    // Mermaid reads CRLF and lone CR as line ends; keeping one character per line end keeps columns right
    return new Parser(String(source).replace(/\r\n?/g, '\n')).parse();
  } catch (err) {
    if (err instanceof FlowSyntaxError) throw err;
    // a bug here must still reach the user as one line, never a stack
    throw new FlowSyntaxError(1, 1, `cannot read this diagram (${err instanceof Error ? err.message : String(err)})`);
  }
}
