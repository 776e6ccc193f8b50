import { describe, expect, it } from 'vitest';
import { diagramNames, diagramSource, FlowSyntaxError, parseFlowchart, type FlowModel } from '../../src/flow/index.js';
import { prng } from './random.js';
import { parseError } from './check.js';

const edges = (m: FlowModel) => m.edges.map((e) => [e.id, e.label, e.style, e.arrow]);
const members = (m: FlowModel) => Object.fromEntries(m.subgraphs.map((s) => [s.id, s.members]));

describe('parseFlowchart: the language', () => {
  it('reads both headers, with and without a direction', () => {
    expect(parseFlowchart('flowchart\na').direction).toBe('TD');
    expect(parseFlowchart('graph\na').direction).toBe('TD');
    for (const d of ['TD', 'TB', 'BT', 'LR', 'RL'] as const) {
      expect(parseFlowchart(`flowchart ${d}\na`).direction).toBe(d);
      expect(parseFlowchart(`graph ${d};a`).direction).toBe(d);
    }
  });

  it('reads node ids in Chinese, shapes and labels', () => {
    const m = parseFlowchart('flowchart\n共享内存\nr[rect]\no(round)\nd{decide}\nc((circle))\nf>flag]\nq["quoted (with) [brackets]"]\nb[two<br>lines]');
    expect(m.nodes).toEqual([
      { id: '共享内存', label: '共享内存', shape: 'rect' },
      { id: 'r', label: 'rect', shape: 'rect' },
      { id: 'o', label: 'round', shape: 'round' },
      { id: 'd', label: 'decide', shape: 'diamond' },
      { id: 'c', label: 'circle', shape: 'circle' },
      { id: 'f', label: 'flag', shape: 'flag' },
      { id: 'q', label: 'quoted (with) [brackets]', shape: 'rect' },
      { id: 'b', label: 'two\nlines', shape: 'rect' },
    ]);
  });

  it('reads every kind of edge and both ways of labelling', () => {
    const m = parseFlowchart('flowchart LR\na --> b\na --- b\na -.-> b\na ==> b\na --text--> b\na -->|pipe| b\na -. dotted .-> b\na == thick ==> b\na ---->b\na-.-b\na===b\na -- open ---b');
    expect(edges(m)).toEqual([
      ['a->b', null, 'solid', true],
      ['a->b#2', null, 'solid', false],
      ['a->b#3', null, 'dotted', true],
      ['a->b#4', null, 'thick', true],
      ['a->b#5', 'text', 'solid', true],
      ['a->b#6', 'pipe', 'solid', true],
      ['a->b#7', 'dotted', 'dotted', true],
      ['a->b#8', 'thick', 'thick', true],
      ['a->b#9', null, 'solid', true],
      ['a->b#10', null, 'dotted', false],
      ['a->b#11', null, 'thick', false],
      ['a->b#12', 'open', 'solid', false],
    ]);
  });

  it('reads chains and & on both sides', () => {
    const m = parseFlowchart('flowchart\na --> b -- x --> c\nd & e --> f & g');
    expect(m.edges.map((e) => e.id)).toEqual(['a->b', 'b->c', 'd->f', 'd->g', 'e->f', 'e->g']);
    expect(m.edges[1].label).toBe('x');
  });

  it('reads subgraphs: titles, nesting, direction, edges to and from them', () => {
    const m = parseFlowchart(
      ['flowchart', 'subgraph outer [The outside]', '  direction LR', '  a', '  subgraph inner', '    b --> c', '  end', 'end', 'subgraph "quoted title"', 'q', 'end', 'a --> inner', 'inner --> z'].join('\n'),
    );
    expect(m.subgraphs).toEqual([
      { id: 'outer', title: 'The outside', members: ['a', 'inner'], parent: null, direction: 'LR' },
      { id: 'inner', title: 'inner', members: ['b', 'c'], parent: 'outer', direction: null },
      // a title with spaces is no id: Mermaid numbers it subGraphN in closing order
      { id: 'subGraph2', title: 'quoted title', members: ['q'], parent: null, direction: null },
    ]);
    expect(m.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'q', 'z']);
    expect(m.edges.map((e) => e.id)).toEqual(['b->c', 'a->inner', 'inner->z']);
  });

  it("follows Mermaid's membership rule: the first subgraph to close that mentions a node takes it", () => {
    // declared outside first, then mentioned inside: Mermaid moves it in (shmctl-functions relies on this)
    const m = parseFlowchart('flowchart\nx --> y\nsubgraph s\n  y\nend\nsubgraph t\n  y & z\nend');
    expect(members(m)).toEqual({ s: ['y'], t: ['z'] });
    // the inner subgraph closes first, so it wins over its parent
    const n = parseFlowchart('flowchart\nsubgraph o\n  a\n  subgraph i\n    a\n  end\nend');
    expect(members(n)).toEqual({ o: ['i'], i: ['a'] });
  });

  it('takes comments, tabs, indentation, semicolons, CRLF and a BOM', () => {
    const m = parseFlowchart('\ufeff%% leading comment\r\ngraph TD;\r\n\ta-->b; b-->c %% trailing\r\n   %% alone\r\n\tc --> a;;\r\n');
    expect(m.edges.map((e) => e.id)).toEqual(['a->b', 'b->c', 'c->a']);
  });

  it('keeps the last label given to a node and counts repeated pairs', () => {
    const m = parseFlowchart('flowchart\na[one] --> b\na[two] --> b\nb --> a');
    expect(m.nodes[0].label).toBe('two');
    expect(m.edges.map((e) => e.id)).toEqual(['a->b', 'a->b#2', 'b->a']);
  });
});

describe('parseFlowchart: errors with line, column and reason', () => {
  const cases: [string, number, number, RegExp][] = [
    ['', 1, 1, /expected 'flowchart' or 'graph'/],
    ['sequenceDiagram\na->b', 1, 1, /only flowcharts/],
    ['flowchart XY', 1, 11, /unknown direction 'XY'/],
    ['flowchart\na --> ', 2, 7, /expected a node id/],
    ['flowchart\na[open', 2, 2, /not closed: expected '\]'/],
    ['flowchart\na((x)', 2, 5, /expected '\)\)'/],
    ['flowchart\na([stadium])', 2, 2, /the stadium shape '\(\[\.\.' of node 'a' is not supported/],
    ['flowchart\na[[sub]]', 2, 2, /not supported/],
    ['flowchart\na{{hex}}', 2, 2, /not supported/],
    ['flowchart\na[]', 2, 2, /empty label/],
    ['flowchart\na -- text b', 2, 3, /edge label is not closed/],
    ['flowchart\na -->|x b', 2, 6, /edge label is not closed: expected '\|'/],
    ['flowchart\na --a-->|b| c', 2, 9, /already has a label/],
    ['flowchart\na <--> b', 2, 3, /two-headed/],
    ['flowchart\na ~~~ b', 2, 3, /invisible/],
    ['flowchart\na - b', 2, 3, /expected an edge/],
    ['flowchart\na = b', 2, 3, /expected an edge/],
    ['flowchart\nend', 2, 1, /'end' without a 'subgraph'/],
    ['flowchart\nsubgraph s\na', 2, 1, /subgraph 's' has no 'end'/],
    ['flowchart\nsubgraph s\nend\nsubgraph s\nend', 4, 10, /defined twice/],
    ['flowchart\nsubgraph s [x\nend', 2, 12, /not closed/],
    ['flowchart\nsubgraph s\ndirection UP\nend', 3, 11, /unknown direction 'UP'/],
    ['flowchart\nk[box]\nsubgraph k\nend', 2, 1, /is a subgraph and cannot also be a node/],
    ['flowchart\nclassDef\n', 2, 9, /'classDef' needs a class name/],
    ['flowchart\na-->b\nlinkStyle 1 stroke:red', 3, 11, /no edge number 1 \(edges so far: 1/],
    ['flowchart\na --> end', 2, 7, /keyword/],
    ['flowchart\na b', 2, 3, /unexpected 'b' after the statement/],
    ['flowchart\na\u0000', 2, 2, /U\+0000/],
    ['flowchart\n中文 --> 节点[标签', 2, 10, /label of '节点' is not closed/],
  ];
  for (const [source, line, col, reason] of cases) {
    it(`${JSON.stringify(source)} -> ${line}:${col}`, () => {
      const e = parseError(source);
      expect(e.reason).toMatch(reason);
      expect([e.line, e.col]).toEqual([line, col]);
      expect(e.message).toBe(`${line}:${col}: ${e.reason}`);
      expect(e.message).not.toContain('\n');
    });
  }

  it('refuses long lines quickly: a 1 MB text at once, and one just under the limit after one pass', () => {
    const t = performance.now();
    expect(parseError(`flowchart\na -- ${'x'.repeat(1 << 20)}`).reason).toMatch(/longer than 50000 characters/);
    const n = 49_000;
    expect(parseError(`flowchart\na -- ${'x'.repeat(n)}`).reason).toMatch(/edge label is not closed/);
    expect(parseError(`flowchart\n${'a'.repeat(n)}[`).reason).toMatch(/node id is longer than 400/);
    expect(parseError(`flowchart\na[${'-'.repeat(n)}`).reason).toMatch(/not closed/);
    expect(parseError(`flowchart\na -.${'.'.repeat(n)}`).reason).toMatch(/not closed/);
    // unclosed directives: each is searched for its end once, not once per '%%{'
    expect(parseFlowchart(`${'%%{'.repeat(n / 6)}\nflowchart\n${'%%{'.repeat(n / 6)}\nA`).nodes).toHaveLength(1);
    expect(parseError(`flowchart\n${'a-->'.repeat(n / 4)}`).reason).toMatch(/too many edges/);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('refuses too many nodes with a reason instead of drawing forever', () => {
    const src = `flowchart\n${Array.from({ length: 600 }, (_, i) => `n${i}`).join('\n')}`;
    expect(parseError(src).reason).toMatch(/too many nodes/);
  });

  it('answers random binary junk with a FlowSyntaxError, fast', () => {
    const rnd = prng(7);
    const t = performance.now();
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(rnd() * 2000) }, () => Math.floor(rnd() * 256)));
      // junk alone, and junk after a valid header (so the statement parser sees it)
      for (const src of [bytes.toString('utf8'), `flowchart\n${bytes.toString('latin1')}`]) {
        try {
          parseFlowchart(src);
        } catch (err) {
          expect(err).toBeInstanceOf(FlowSyntaxError);
          const e = err as FlowSyntaxError;
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.col).toBeGreaterThanOrEqual(1);
          expect(e.reason).not.toContain('\n');
        }
      }
    }
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

describe("the notes' diagrams", () => {
  const parse = (name: string) => parseFlowchart(diagramSource(name));

  it('are all there', () => {
    expect(diagramNames()).toEqual(expect.arrayContaining(['overview-lifecycle', 'overview-objects', 'parent-child-reply', 'parent-child-write', 'serv-clnt-1', 'serv-clnt-2', 'serv-clnt-3', 'shmctl-functions']));
  });

  it('overview-objects', () => {
    const m = parse('overview-objects');
    expect(m.direction).toBe('TD');
    expect(m.nodes.map((n) => n.id)).toEqual(['IPC通信', 'IPC对象', '共享内存', '消息队列', '信号灯']);
    expect(edges(m)).toEqual([
      ['IPC通信->IPC对象', null, 'solid', true],
      ['IPC对象->kernel', '分为', 'solid', true],
    ]);
    expect(members(m)).toEqual({ kernel: ['共享内存', '消息队列', '信号灯'] });
  });

  it('overview-lifecycle', () => {
    const m = parse('overview-lifecycle');
    expect(m.nodes.map((n) => [n.id, n.label])).toEqual([
      ['pa', '程序 A'],
      ['pb', '程序 B'],
      ['创建', 'shmget 创建'],
      ['IPC对象', 'IPC 对象'],
      ['闲置', '已解除映射：nattch 0'],
      ['删除', '删除'],
    ]);
    expect(edges(m)).toEqual([
      ['创建->IPC对象', null, 'solid', true],
      ['IPC对象->闲置', null, 'solid', true],
      ['IPC对象->删除', null, 'solid', true],
      ['pa->创建', null, 'solid', true],
      ['pa->IPC对象', 'shmat，再写', 'solid', true],
      ['pb->IPC对象', 'shmat', 'solid', true],
      ['IPC对象->pb', '读', 'solid', true],
      ['pa->闲置', 'shmdt', 'solid', true],
      ['pb->闲置', 'shmdt', 'solid', true],
    ]);
    expect(members(m)).toEqual({ kernel: ['创建', 'IPC对象', '闲置', '删除'] });
  });

  it('shmctl-functions: 共享内存 is named outside first, yet lives in kernel (as in Mermaid)', () => {
    const m = parse('shmctl-functions');
    expect(edges(m)).toEqual([
      ['program->shmctl', null, 'solid', true],
      ['shmctl->共享内存', null, 'solid', true],
      ['shmctl->功能', null, 'solid', true],
    ]);
    expect(members(m)).toEqual({ 功能: ['获取属性', '设置属性', '删除对象'], kernel: ['共享内存'] });
    expect(m.nodes.some((n) => n.id === '功能')).toBe(false);
  });

  it('parent-child-write and parent-child-reply', () => {
    const w = parse('parent-child-write');
    expect(w.nodes.map((n) => [n.id, n.label])).toEqual([
      ['parent', '父进程'],
      ['child', '子进程'],
      ['down', '共享内存“down”'],
      ['up', '共享内存“up”'],
    ]);
    expect(edges(w)).toEqual([
      ['parent->down', '经映射写入', 'solid', true],
      ['parent->child', 'SIGUSR1', 'solid', true],
      ['child->kernel', 'shmat 两段', 'solid', true],
      ['parent->kernel', 'shmat 两段', 'solid', true],
    ]);
    expect(members(w)).toEqual({ procs: ['parent', 'child'], kernel: ['down', 'up'] });
    const r = parse('parent-child-reply');
    expect(edges(r)).toEqual([
      ['child->kernel', 'shmat 两段', 'solid', true],
      ['parent->kernel', 'shmat 两段', 'solid', true],
      ['down->child', '经映射读出', 'solid', true],
      ['child->parent', 'SIGUSR2', 'solid', true],
    ]);
    expect(members(r)).toEqual({ procs: ['parent', 'child'], kernel: ['down', 'up'] });
    // the parent stays left of the child whichever way the signal goes
    expect([w, r].map((d) => d.subgraphs.find((s) => s.id === 'procs')?.direction)).toEqual(['LR', 'RL']);
  });

  it('serv-clnt-1..3', () => {
    const one = parse('serv-clnt-1');
    expect(one.direction).toBe('LR');
    expect(edges(one)).toEqual([['server->shm', '写 server_pid，再写 magic', 'solid', true]]);
    const two = parse('serv-clnt-2');
    expect(edges(two)).toEqual([
      ['shm->client', '读 server_pid', 'solid', true],
      ['client->shm', '写 client_pid', 'solid', true],
      // ipclab's change to the notes: the signal goes from process to process
      ['client->server', 'SIGUSR2', 'solid', true],
    ]);
    const three = parse('serv-clnt-3');
    expect(edges(three)).toEqual([
      ['server->shm', '写 data，最后写 seq', 'solid', true],
      ['shm->client', '读 data', 'solid', true],
      ['server->client', 'SIGUSR2', 'solid', true],
      ['client->shm', '写 ack，等于 seq', 'solid', true],
      ['client->server', 'SIGUSR2', 'solid', true],
      // ipclab's: the end of step 4, each side's detach and the server's IPC_RMID (issue 16)
      ['server->freed', 'shmdt，IPC_RMID', 'solid', true],
      ['client->freed', 'shmdt，exit', 'solid', true],
    ]);
    for (const m of [one, two]) expect(members(m)).toEqual({ kernel: ['shm'] });
    expect(members(three)).toEqual({ kernel: ['freed', 'shm'] });
  });
});
