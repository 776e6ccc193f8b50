// Flowcharts as ordinary Mermaid users write them (the forms in Mermaid's docs and its
// parser's tests): each is read into the model Mermaid would build, and drawn well
// formed at natural width, 80 and 40 columns, in Unicode and ASCII.
import { describe, expect, it } from 'vitest';
import { parseFlowchart, renderFlow, type FlowModel } from '../../src/flow/index.js';
import { checkRendering, parseError } from './check.js';

const ids = (m: FlowModel) => m.nodes.map((n) => n.id);
const labels = (m: FlowModel) => Object.fromEntries(m.nodes.map((n) => [n.id, n.label]));
const edges = (m: FlowModel) => m.edges.map((e) => `${e.id}${e.label === null ? '' : `|${e.label}|`} ${e.style}${e.arrow ? '>' : ''}`);
const frames = (m: FlowModel) => m.subgraphs.map((s) => `${s.id}[${s.title}]${s.parent ? `<${s.parent}` : ''}${s.direction ? ` ${s.direction}` : ''}: ${s.members.join(' ')}`);

function wellFormed(model: FlowModel): void {
  for (const ascii of [false, true]) {
    for (const width of [undefined, 80, 40]) {
      const r = renderFlow(model, { ascii, width });
      expect(checkRendering(model, r, ascii), `ascii=${ascii} width=${width}\n${r.text()}`).toEqual([]);
      if (width !== undefined && r.width > width) expect(r.notes.join(' ')).toMatch(/needs \d+ columns/);
    }
  }
}

/** [what, source, what the model must say]: every one also renders well formed */
const CASES: [string, string, (m: FlowModel) => void][] = [
  // headers
  ['flowchart TD; with a semicolon', 'flowchart TD;\nA-->B', (m) => expect([m.direction, edges(m)]).toEqual(['TD', ['A->B solid>']])],
  ['graph LR with trailing spaces', 'graph LR   \n  A --> B   \n', (m) => expect(m.direction).toBe('LR')],
  ['graph with no direction is top-down', 'graph\nA-->B', (m) => expect(m.direction).toBe('TD')],
  ["Mermaid's arrow directions", 'graph >\nA-->B', (m) => expect(m.direction).toBe('LR')],
  ['flowchart-elk', 'flowchart-elk TB\nA-->B', (m) => expect(m.direction).toBe('TB')],
  ['everything on one line with semicolons', 'graph TD;A-->B;B-->C;', (m) => expect(edges(m)).toEqual(['A->B solid>', 'B->C solid>'])],
  ['CRLF line ends', 'flowchart LR\r\n  A --> B\r\n  B --> C\r\n', (m) => expect(edges(m)).toEqual(['A->B solid>', 'B->C solid>'])],
  ['a lone CR as a line end', 'flowchart LR\rA --> B\rB --> C', (m) => expect(m.edges).toHaveLength(2)],
  ['a BOM, blank lines and comments before the header', '\ufeff\n\n%% my chart\n  \ngraph TD\nA-->B', (m) => expect(m.edges).toHaveLength(1)],
  ['an init directive on its own line', '%%{init: {"theme": "forest", "flowchart": {"curve": "basis"}}}%%\nflowchart LR\nA-->B', (m) => expect(m.direction).toBe('LR')],
  ['a directive over several lines', "%%{\n  init: {\n    'theme': 'dark'\n  }\n}%%\ngraph TD\nA-->B", (m) => expect(m.edges).toHaveLength(1)],
  ['front matter with a title and config', '---\ntitle: My pipeline\nconfig:\n  theme: dark\n---\nflowchart LR\nA-->B', (m) => expect([m.direction, m.edges.length]).toEqual(['LR', 1])],
  // ids
  ['CJK ids', 'flowchart LR\n开始 --> 结束', (m) => expect(ids(m)).toEqual(['开始', '结束'])],
  ['ids of digits and underscores', 'flowchart TD\n1 --> 2\nnode_1 --> _x', (m) => expect(ids(m)).toEqual(['1', '2', 'node_1', '_x'])],
  ["ids with '-' and '.' (one id, as in Mermaid)", 'flowchart LR\ndeploy-staging --> v1.2\nA-B-->C', (m) => expect(edges(m)).toEqual(['deploy-staging->v1.2 solid>', 'A-B->C solid>'])],
  ["'a&b' is one id, 'a & b' two nodes", 'flowchart TD\na&b --> c\nd & e --> f', (m) => expect(edges(m)).toEqual(['a&b->c solid>', 'd->f solid>', 'e->f solid>'])],
  ["ids with ':' and other marks inside", 'flowchart LR\nstep:1 --> step:2 --> c++ --> ok?\nA:::hot --> B', (m) => expect(ids(m)).toEqual(['step:1', 'step:2', 'c++', 'ok?', 'A', 'B'])],
  ["ids that start with 'end' and 'End'", 'flowchart TD\nendpoint --> End\nEnd --> ending', (m) => expect(ids(m)).toEqual(['endpoint', 'End', 'ending'])],
  ['no-break and ideographic spaces between tokens (pasted from a page, typed with an IME)', 'flowchart LR\n开始\u3000-->\u3000结束\nA\u00a0-->|x|\u00a0B\u00a0&\u00a0C', (m) => expect(edges(m)).toEqual(['开始->结束 solid>', 'A->B|x| solid>', 'A->C|x| solid>'])],
  // labels
  ['a quoted label with brackets and parentheses', 'flowchart TD\nA["text (with) [brackets] {and} |pipes|"]', (m) => expect(labels(m).A).toBe('text (with) [brackets] {and} |pipes|')],
  ['a label with spaces', 'flowchart TD\nA[text with spaces] --> B(round one)', (m) => expect(labels(m)).toEqual({ A: 'text with spaces', B: 'round one' })],
  ['entity codes', 'flowchart TD\nA["A #quot;quoted#quot; word"] --> B[#35;1 &amp; #9829;]', (m) => expect(labels(m)).toEqual({ A: 'A "quoted" word', B: '#1 & ♥' })],
  ['line breaks <br>, <br/> and <br />', 'flowchart TD\nA[one<br>two<br/>three<br />four] --> B', (m) => expect(labels(m).A).toBe('one\ntwo\nthree\nfour')],
  ['formatting tags are dropped', 'flowchart TD\nA[<b>bold</b> and <i>it</i>]', (m) => expect(labels(m).A).toBe('bold and it')],
  ['a Markdown string over two lines', 'flowchart TD\nA["`**Bold** start\nsecond _line_`"] --> B', (m) => expect(labels(m).A).toBe('Bold start\nsecond line')],
  ['Markdown keeps snake_case words whole', 'flowchart TD\nA["`call my_func_name with *x* and __y__`"]', (m) => expect(labels(m).A).toBe('call my_func_name with x and y')],
  ["'end' as a label and as edge text", 'flowchart TD\nA[end] -- end --> B(end)\nB -->|end| C{end}', (m) => expect([labels(m), edges(m)]).toEqual([{ A: 'end', B: 'end', C: 'end' }, ['A->B|end| solid>', 'B->C|end| solid>']])],
  ['the last label given to a node wins', 'flowchart TD\nA[first] --> B\nA[second]', (m) => expect(labels(m).A).toBe('second')],
  // edges
  [
    'every edge, with and without spaces',
    'flowchart LR\nA-->B\nA --> B\nA---B\nA-.->B\nA-.-B\nA==>B\nA===B\nA--->B\nA====>B\nA-..->B',
    (m) => expect(edges(m).map((e) => e.split(' ')[1])).toEqual(['solid>', 'solid>', 'solid', 'dotted>', 'dotted', 'thick>', 'thick', 'solid>', 'thick>', 'dotted>']),
  ],
  [
    'labels inside the edge',
    'flowchart LR\nA-- text -->B\nA-. dotted .->B\nA== thick ==>B\nA-- open ---B\nA-- "quoted" -->B\nA-. two dots ..->B\nA -- a-b c --> B',
    (m) => expect(edges(m)).toEqual(['A->B|text| solid>', 'A->B#2|dotted| dotted>', 'A->B#3|thick| thick>', 'A->B#4|open| solid', 'A->B#5|quoted| solid>', 'A->B#6|two dots| dotted>', 'A->B#7|a-b c| solid>']),
  ],
  [
    'labels between pipes',
    'flowchart LR\nA -->|text| B\nA-->|no space|B\nA --- |open| B\nA -.->|dotted| B\nA ==>|thick| B\nA -->|"a|b"| B',
    (m) => expect(edges(m)).toEqual(['A->B|text| solid>', 'A->B#2|no space| solid>', 'A->B#3|open| solid', 'A->B#4|dotted| dotted>', 'A->B#5|thick| thick>', 'A->B#6|a|b| solid>']),
  ],
  ['a chain with labels', 'flowchart LR\nA -- one --> B -->|two| C -.-> D', (m) => expect(edges(m)).toEqual(['A->B|one| solid>', 'B->C|two| solid>', 'C->D dotted>'])],
  ['& fans out and in', 'flowchart TD\nA --> B & C & D\nB & C & D --> E', (m) => expect(m.edges.map((e) => e.id)).toEqual(['A->B', 'A->C', 'A->D', 'B->E', 'C->E', 'D->E'])],
  ['& on both sides of a labelled edge', 'flowchart TD\na & b -- go --> c & d', (m) => expect(edges(m)).toEqual(['a->c|go| solid>', 'a->d|go| solid>', 'b->c|go| solid>', 'b->d|go| solid>'])],
  ['shapes in a chain', 'flowchart TD\nA[rect] --> B(round) --> C{diamond} --> D((circle)) --> E>flag]', (m) => expect(m.nodes.map((n) => n.shape)).toEqual(['rect', 'round', 'diamond', 'circle', 'flag'])],
  ['a loop and a repeated pair', 'flowchart TD\nA --> A\nA --> B\nA --> B', (m) => expect(m.edges.map((e) => e.id)).toEqual(['A->A', 'A->B', 'A->B#2'])],
  // subgraphs
  ['subgraph id [Title]', 'flowchart TB\nsubgraph one [The first]\n  a1-->a2\nend', (m) => expect(frames(m)).toEqual(['one[The first]: a1 a2'])],
  ['subgraph id[Title] with no space, and a quoted title', 'flowchart TB\nsubgraph one["Title (1)"]\n  a\nend', (m) => expect(frames(m)).toEqual(['one[Title (1)]: a'])],
  ['subgraph "Quoted title" gets a generated id', 'flowchart TB\nsubgraph "Quoted title"\n  a\nend', (m) => expect(frames(m)).toEqual(['subGraph0[Quoted title]: a'])],
  ['subgraph Title with spaces, unquoted', 'flowchart TB\nsubgraph Build and test\n  a --> b\nend', (m) => expect(frames(m)).toEqual(['subGraph0[Build and test]: a b'])],
  ['a bare subgraph', 'flowchart TB\nsubgraph\n  a\nend\nb --> a', (m) => expect(frames(m)).toEqual(['subGraph0[]: a'])],
  ['direction LR inside a subgraph', 'flowchart TB\nsubgraph s\n  direction LR\n  a --> b --> c\nend', (m) => expect(frames(m)).toEqual(['s[s] LR: a b c'])],
  [
    'nested subgraphs, generated ids in closing order',
    'flowchart TB\nsubgraph outer\n  subgraph Inner one\n    a\n  end\n  subgraph Inner two\n    b\n  end\nend\na --> b',
    (m) => expect(frames(m)).toEqual(['outer[outer]: subGraph0 subGraph1', 'subGraph0[Inner one]<outer: a', 'subGraph1[Inner two]<outer: b']),
  ],
  [
    "edges between subgraphs (Mermaid's docs example)",
    'flowchart TB\n    c1-->a2\n    subgraph one\n    a1-->a2\n    end\n    subgraph two\n    b1-->b2\n    end\n    subgraph three\n    c1-->c2\n    end\n    one --> two\n    three --> two\n    two --> c2',
    (m) => expect([frames(m), m.edges.map((e) => e.id)]).toEqual([['one[one]: a1 a2', 'two[two]: b1 b2', 'three[three]: c1 c2'], ['c1->a2', 'a1->a2', 'b1->b2', 'c1->c2', 'one->two', 'three->two', 'two->c2']]),
  ],
  ["'end;' and 'end' with a comment", 'flowchart TB\nsubgraph a\n  x\nend;\nsubgraph b\n  y\nend %% b done', (m) => expect(frames(m)).toEqual(['a[a]: x', 'b[b]: y'])],
  ['a subgraph title with entities', 'flowchart TB\nsubgraph s [#quot;core#quot; &amp; more]\n  x\nend', (m) => expect(frames(m)).toEqual(['s["core" & more]: x'])],
  // comments and what only colours
  ['%% comments at line ends', 'flowchart TD\nA --> B %% the first edge\nB --> C%%tight\n%% alone', (m) => expect(edges(m)).toEqual(['A->B solid>', 'B->C solid>'])],
  [
    'style, classDef, class, :::, click and linkStyle are passed over',
    'flowchart LR\n  A:::hot --> B[Box]:::cold & C\n  classDef hot fill:#f96,stroke:#333,stroke-width:4px;\n  classDef default fill:#eee\n  class B,C cold\n  style A fill:#f9f,stroke:#333\n  click A "https://example.com" "Open it" _blank\n  click B call callback("x")\n  linkStyle 0,1 stroke:#ff3,stroke-width:4px\n  linkStyle default interpolate basis',
    (m) => expect([ids(m), edges(m)]).toEqual([['A', 'B', 'C'], ['A->B solid>', 'A->C solid>']]),
  ],
  ["'style' of a node not seen yet makes it, as in Mermaid", 'flowchart LR\nA --> B\nstyle Z fill:#f00', (m) => expect(ids(m)).toEqual(['A', 'B', 'Z'])],
  ["'style' of a subgraph does not make a node", 'flowchart LR\nsubgraph s\n  a\nend\nstyle s fill:#eee', (m) => expect([ids(m), frames(m)]).toEqual([['a'], ['s[s]: a']])],
  ['accTitle and accDescr', 'flowchart LR\naccTitle: The title\naccDescr: One line\naccDescr {\n  several\n  lines\n}\nA --> B', (m) => expect(edges(m)).toEqual(['A->B solid>'])],
];

describe('Mermaid flowcharts as users write them', () => {
  for (const [what, source, check] of CASES) {
    it(what, () => {
      const model = parseFlowchart(source);
      check(model);
      wellFormed(model);
    });
  }
});

describe('what Mermaid has and we do not: one line naming it, at its place', () => {
  const cases: [string, number, number, RegExp][] = [
    ['flowchart\ndb[(Database)]', 2, 3, /the cylinder \(database\) shape '\[\(\.\.' of node 'db' is not supported: use \[\.\.\]/],
    ['flowchart\nA --> s[[sub]]', 2, 8, /the subroutine shape '\[\[\.\.' of node 's'/],
    ['flowchart\nh{{hex}} --> A', 2, 2, /the hexagon shape/],
    ['flowchart\np[/para/]', 2, 2, /the parallelogram\/trapezoid shape '\[\/\.\.'/],
    ['flowchart\np[\\alt\\]', 2, 2, /the parallelogram\/trapezoid shape/],
    ['flowchart\nd(((double)))', 2, 2, /the double circle shape '\(\(\(\.\.'/],
    ['flowchart\ne(-ellipse-)', 2, 2, /the ellipse shape/],
    ['flowchart\nA@{ shape: cyl }', 2, 2, /node data '@\{ \.\.\. \}' \(Mermaid 11 shapes\) on 'A' is not supported/],
    ['flowchart\nA --x B', 2, 5, /'--x' is an edge with a cross end/],
    ['flowchart\nA --o B', 2, 5, /'--o' is an edge with a circle end/],
    ['flowchart\nA --ok--> B', 2, 5, /circle end, which is not supported \(a label starting with 'o' needs a space before it/],
    ['flowchart\nA -.-x B', 2, 6, /'-\.-x' is an edge with a cross end/],
    ['flowchart\nA o--o B', 2, 3, /circle or cross end/],
    ['flowchart\nA <--> B', 2, 3, /two-headed/],
    ['flowchart\nA ~~~ B', 2, 3, /invisible/],
    ['flowchart\nA --> end', 2, 7, /'end' is a keyword/],
    ['flowchart\nA[one\u001b[31m]', 2, 6, /control character U\+001B/],
    ['flowchart\nA -->|x\u0007| B', 2, 8, /control character U\+0007/],
    ['flowchart\nA["open', 2, 3, /quoted text is not closed/],
    ['flowchart\nA["`open', 2, 3, /markdown text is not closed/],
    ['---\ntitle: x\nflowchart\nA', 1, 1, /front matter .* no closing '---'/],
    ['flowchart\nsubgraph s [t\nend', 2, 12, /the subgraph title is not closed/],
    ['flowchart\nA --> B\nlinkStyle 3 color:red', 3, 11, /linkStyle 3: there is no edge number 3 \(edges so far: 1/],
    ['flowchart\nlinkStyle x color:red', 2, 11, /linkStyle needs 'default' or edge numbers/],
    ['flowchart\nstyle\n', 2, 6, /'style' needs a node id/],
    ['flowchart\naccTitle the title', 2, 10, /expected ':' after 'accTitle'/],
    [`flowchart\n${'n'.repeat(401)} --> b`, 2, 1, /node id is longer than 400 characters/],
    [`flowchart\nsubgraph ${'t '.repeat(201)}\nend`, 2, 10, /subgraph title is longer than 400/],
    ['sequenceDiagram\nA->>B: hi', 1, 1, /only flowcharts are supported/],
    [`flowchart\n${'a-->b\n'.repeat(10_000)}`, 1, 1, /longer than 50000 characters \(Mermaid's limit too\)/],
  ];
  for (const [source, line, col, reason] of cases) {
    it(`${JSON.stringify(source.length > 60 ? source.slice(0, 57) + '...' : source)} -> ${line}:${col}`, () => {
      const e = parseError(source);
      expect(e.reason).toMatch(reason);
      expect([e.line, e.col]).toEqual([line, col]);
      expect(e.message).not.toContain('\n');
    });
  }
});
