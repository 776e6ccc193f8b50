// Diagram labels in the learner's language: `ipclab check` fails on English in a Chinese
// label (a node drawn by its English id), Chinese in an English one, a rejected term and
// Latin glued to Chinese; every shipped diagram passes.
import { describe, expect, it } from 'vitest';
import { diagramNames } from '../../src/flow/index.js';
import { diagramWordProblems, labelWordProblems } from '../../src/lessons/diagram-words.js';
import { validateLessons } from '../../src/lessons/validate.js';
import { LESSONS } from '../../src/lessons/index.js';

const en = (pairs: string[]) => pairs.map((p) => `%% en ${p}`).join('\n');

describe('diagram label language', () => {
  it('every shipped diagram has its labels in their own language', () => {
    expect(diagramNames().flatMap((n) => diagramWordProblems(n).map((p) => `${n}: ${p}`))).toEqual([]);
    expect(validateLessons(LESSONS).filter((p) => p.startsWith('assets/diagrams/'))).toEqual([]);
  });

  it('a node shown by its English id is English on a Chinese screen', () => {
    const src = `flowchart\nparent --write--> shm[共享内存]\n${en(['parent = parent', 'shm = shared memory', 'parent->shm = write'])}`;
    expect(labelWordProblems(src)).toEqual([
      `the Chinese label of 'parent' ("parent") says 'parent' in English (give it a Chinese label: parent[...])`,
      `the Chinese label of 'parent->shm' ("write") says 'write' in English (give it a Chinese label: parent->shm[...])`,
    ]);
  });

  it('keeps code, C names, glossary terms, one-letter variables and quoted names', () => {
    const src = `flowchart\na[读 x，写 x+1] --SIGUSR1--> b["shmget(key, size, shmflg)"]\nb --nattch 0--> c[共享内存“up”]\n${en(['a = read x, write x+1', 'b = shmget', 'c = "up"', 'a->b = SIGUSR1', 'b->c = nattch 0'])}`;
    expect(labelWordProblems(src)).toEqual([]);
  });

  it('fails on a code-like word the glossary does not explain, in either language', () => {
    const src = `flowchart\na[MSG_COPY 大页] --> b[shmat]\n${en(['a = huge pages', 'b = shmat, then sem_op_x'])}`;
    expect(labelWordProblems(src)).toEqual([
      `the Chinese label of 'a' uses MSG_COPY, which the glossary (src/lessons/glossary.ts) does not explain`,
      `the English label of 'b' uses sem_op_x, which the glossary (src/lessons/glossary.ts) does not explain`,
    ]);
  });

  it('names struct ipclab_rv\'s ack as the text and trace do, not 确认号 (issue 16: serv-clnt\'s Flow said one, its text the other)', () => {
    const src = `flowchart\nc[客户端] --写 client_pid、确认号--> s[共享内存]\nc --写 ack，等于 seq--> s\n${en(['c = client', 's = shared memory', 'c->s = write client_pid, ack'])}`;
    expect(labelWordProblems(src)).toEqual([`the Chinese label of 'c->s' says 确认号 (use ack)`]);
  });

  it('fails on Chinese in an English label, a rejected term and Latin glued to Chinese', () => {
    const src = `flowchart\nsem[信号灯] --> obj[IPC对象]\n${en(['sem = 信号量 set', 'obj = IPC object'])}`;
    expect(labelWordProblems(src)).toEqual([
      `the Chinese label of 'sem' says 信号灯 (use 信号量集)`,
      `the Chinese label of 'obj' ("IPC对象") has no space between Latin and Chinese at "C对"`,
      `line 3: the English label of 'sem' ("信号量 set") has Chinese in it`,
    ]);
  });
});
