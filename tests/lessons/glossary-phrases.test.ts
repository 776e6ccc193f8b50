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

  it('in any case the pattern matches, letters it folds to ASCII included (the look for the first word first finds them too)', () => {
    // the flag u folds ſ to s and the Kelvin sign to k
    expect(met('ſystem V IPC')).toMatchObject({ ipc: ['ſystem V IPC'] });
    expect(met('\u212Aill -9')).toMatchObject({ SIGKILL: ['\u212Aill -9'] });
    expect(met('ADDRESS SPACE')['address-space']).toEqual(['ADDRESS SPACE']);
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
  it('on the row it starts on with ↪ for its bytes on the next, or on the next with → for its first byte where only that is on its row, as dumpTexts draws it', () => {
    expect(dumpTexts(Buffer.from('ab你de'), 4)).toEqual(['ab你', '↪de']);
    expect(dumpTexts(Buffer.from('abc你de'), 4)).toEqual(['abc→', '你de']);
    const entry = GLOSSARY.find((e) => e.id === 'dump-text')!;
    expect(entry.text.en).toMatch(/drawn on the row it starts on, and ↪ at the start of the next row marks each of its bytes there/);
    expect(entry.text.en).toMatch(/where only its first byte is on its row \(too few columns for a wide character\), → there marks that byte and the character is drawn at the start of the next row/);
    expect(entry.text.zh).toMatch(/字符画在它开始的那一行，下一行开头用 ↪ 标出它落到这一行的每个字节/);
    expect(entry.text.zh).toMatch(/那里用 → 标出这个字节，字符画在下一行开头/);
  });
});
