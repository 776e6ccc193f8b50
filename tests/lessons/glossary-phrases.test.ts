import { describe, expect, it } from 'vitest';
import { GLOSSARY, entriesUsed } from '../../src/lessons/glossary.js';
import { dumpTexts } from '../../src/text/dump.js';

/** The ids of the entries a text meets, each with the words it met them by. */
const met = (text: string) => Object.fromEntries([...entriesUsed(text, GLOSSARY)].map(([e, words]) => [e.id, words]));

describe('a glossary entry of several words is met by its words as a phrase', () => {
  it('across a line break, a double space or another case', () => {
    expect(met('each process has its own address\nspace')['address-space']).toEqual(['address space']);
    expect(met('the child dies of kill  -9 at once')).toMatchObject({ SIGKILL: ['kill -9'] });
    expect(met('Address Space of the child')['address-space']).toEqual(['Address Space']);
    expect(met('semaphores do p and\nv')['P-V']).toEqual(['p and v']);
  });

  it('in Chinese with or without the spaces around its ASCII', () => {
    // the entry is met by the phrase first (P and V alone are its terms too)
    expect(met('信号量的 P 和 V 操作')['P-V']![0]).toBe('P 和 V');
    expect(met('信号量的P和V操作')['P-V']![0]).toBe('P和V');
  });

  it('only as whole words, and not as a part of a longer term of another entry', () => {
    expect(met('a skill -90 percent')).not.toHaveProperty('SIGKILL');
    expect(met('kill -95')).not.toHaveProperty('SIGKILL');
    expect(met('the addressspace')).not.toHaveProperty('address-space');
    // the V of "System V" is no use of P and V; "address" alone is not the phrase
    expect(met('System V')).not.toHaveProperty('P-V');
    expect(met('an address; space')).not.toHaveProperty('address-space');
  });
});

describe('the dump entry says where a character cut by a row\'s end is drawn', () => {
  it('whole at the end of the row it starts on, · for its other bytes on the next, as dumpTexts draws it', () => {
    expect(dumpTexts(Buffer.from('abc你de'), 4)).toEqual(['abc你', '··de']);
    const entry = GLOSSARY.find((e) => e.id === 'dump-text')!;
    expect(entry.text.en).toMatch(/first byte is a row's last is drawn whole at that row's end, one cell past its bytes, and its other bytes show · at the start of the next row/);
    expect(entry.text.zh).toMatch(/第一个字节正好是一行的最后一个字节，就整个画在这一行的末尾，多占一格，它其余的字节在下一行开头显示为 ·/);
  });
});
