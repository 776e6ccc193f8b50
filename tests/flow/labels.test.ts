// A diagram's two languages: Chinese in the Mermaid text, English in `%% en ID = label`
// comments; the check finds every label without its twin.
import { describe, expect, it } from 'vitest';
import { diagramModel } from '../../src/flow/diagrams.js';
import { englishLabels, hiddenLines, hiddenParts, hideProblems, labelProblems, localize, parseFlowchart, renderFlow } from '../../src/flow/index.js';

const SOURCE = ['flowchart LR', 'a[甲] --写--> b[乙]', 'subgraph k[内核]', '\tb', 'end', 'a --> k', '%% en a = first', '%% en b = second<br>line', '%% en k = kernel', '%% en a->b = write'].join('\n');

describe('labels in two languages', () => {
  const model = parseFlowchart(SOURCE);

  it('reads the English comments, which Mermaid itself ignores', () => {
    expect(englishLabels(SOURCE)).toEqual([
      { id: 'a', label: 'first', line: 7 },
      { id: 'b', label: 'second\nline', line: 8 },
      { id: 'k', label: 'kernel', line: 9 },
      { id: 'a->b', label: 'write', line: 10 },
    ]);
    expect(model.nodes.map((n) => n.label)).toEqual(['甲', '乙']);
  });

  it('gives each part its label in the language asked for; the structure is the same', () => {
    const en = localize(model, SOURCE, 'en');
    expect(en.nodes.map((n) => n.label)).toEqual(['first', 'second\nline']);
    expect(en.subgraphs.map((s) => s.title)).toEqual(['kernel']);
    expect(en.edges.map((e) => [e.id, e.label])).toEqual([['a->b', 'write'], ['a->k', null]]);
    expect(localize(model, SOURCE, 'zh')).toBe(model);
    const strip = (m: typeof model) => JSON.stringify({ ...m, nodes: m.nodes.map((n) => n.id), edges: m.edges.map((e) => [e.id, e.from, e.to, e.style, e.arrow, e.label === null]), subgraphs: m.subgraphs.map((s) => [s.id, s.members]) });
    expect(strip(en)).toBe(strip(model));
  });

  it('finds nothing wrong when every labelled part has both', () => {
    expect(labelProblems(model, SOURCE)).toEqual([]);
  });

  it('finds a label without English, English for no part, twice, or empty', () => {
    const lines = SOURCE.split('\n');
    const without = lines.filter((l) => !l.startsWith('%% en a->b')).join('\n');
    expect(labelProblems(model, without)).toEqual(["'a->b' has no English label (add a line '%% en a->b = ...')"]);
    expect(labelProblems(model, `${SOURCE}\n%% en a->k = to the kernel`)).toEqual(["line 11: 'a->k' is no labelled node, subgraph or edge"]);
    expect(labelProblems(model, `${SOURCE}\n%% en a = again`)).toEqual(["line 11: 'a' has an English label already (line 7)"]);
    const empty = lines.map((l) => (l.startsWith('%% en k') ? '%% en k =' : l)).join('\n');
    expect(labelProblems(model, empty)).toEqual(["line 9: the English label of 'k' is empty"]);
  });
});

describe('%% hide: a label that is an answer', () => {
  const source = 'flowchart LR\na[parent] --SIGUSR1--> b[child]\na --> b\n%% hide a->b line\n%% hide a->b#2\n%% hide nope\n%% hide a line\n';
  const m = parseFlowchart(source);

  it('hides the labelled parts it names; the check names a marker for no node or labelled edge', () => {
    expect(hiddenParts(m, source)).toEqual(['a->b', 'a']);
    expect(hiddenLines(m, source)).toEqual(['a->b']);
    expect(hideProblems(m, source)).toEqual(["line 5: '%% hide a->b#2' names no node or labelled edge", "line 6: '%% hide nope' names no node or labelled edge", "line 7: '%% hide a line': a box has no line to hide"]);
  });

  it('while masked, a hidden edge with "line" is blank but a "?", its arrowhead too; unmasked it is drawn as ever', () => {
    const r = renderFlow({ ...m, hidden: hiddenParts(m, source), hiddenLines: hiddenLines(m, source) });
    expect(r.text()).toContain('SIGUSR1');
    const masked = r.text({ masked: ['a->b'] });
    expect(masked).not.toContain('SIGUSR1');
    expect(masked).toContain('?');
    // the unlabelled edge a->b#2 still points at the child: one arrowhead left
    expect(masked.match(/[►◄▲▼]/g)).toHaveLength(1);
    expect(r.text().match(/[►◄▲▼]/g)).toHaveLength(2);
  });
});


describe('a command named as everywhere else', () => {
  // issue 16, pass 10: shmctl's second diagram said 获取属性 / 设置属性 / 删除对象 (get, set,
  // remove) where the lesson, the trace and the C say IPC_STAT / IPC_SET / IPC_RMID
  it("shmctl-functions' commands carry their names in both languages", () => {
    for (const lang of ['en', 'zh'] as const) {
      const m = diagramModel('shmctl-functions', lang);
      const labels = m.subgraphs.find((s) => s.id === '功能')!.members.map((id) => m.nodes.find((n) => n.id === id)!.label);
      expect(labels.map((l) => l.split(/[:：]/)[0])).toEqual(['IPC_STAT', 'IPC_SET', 'IPC_RMID']);
    }
  });
});
