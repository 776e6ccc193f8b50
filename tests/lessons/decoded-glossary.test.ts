// Every field of a structure the Kernel pane decodes beside a segment's dump has the glossary's
// word on it (issue 16: race's `started` was explained only in a Kernel note and an aside, and
// the glossary's search found nothing). `ipclab check` holds the structures it knows
// (validate.ts KERNEL_STRUCTS) to the glossary; here every lesson runs for real and each
// structure the pane was given must be one of those, so a new one cannot go unchecked.
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { decodedFieldProblems, KERNEL_STRUCTS, validateLessons } from '../../src/lessons/validate.js';
import { walkLesson } from '../helpers/kernel-walk.js';

describe('the glossary names every field the Kernel pane decodes', () => {
  it('ipclab check finds a field with no entry: race\'s counter and started without theirs', () => {
    const without = GLOSSARY.filter((e) => e.id !== 'race-ints');
    const race = KERNEL_STRUCTS().find((d) => d.fields.some((f) => f.name === 'started'))!;
    expect(decodedFieldProblems(race, without).join('\n')).toMatch(/field counter[\s\S]*field started/);
    expect(validateLessons(LESSONS, undefined, without).filter((p) => p.includes('Kernel pane decodes'))).toHaveLength(2);
    // a struct's own entry that names the field in its text is found (struct ipclab_rv: seq, ack…)
    const rv = KERNEL_STRUCTS().find((d) => d.title === 'struct ipclab_rv')!;
    expect(rv.fields.map((f) => f.name)).toContain('seq');
    expect(decodedFieldProblems(rv, GLOSSARY)).toEqual([]);
    expect(decodedFieldProblems(rv, GLOSSARY.filter((e) => !e.name.en.startsWith('struct ipclab_rv')))).not.toEqual([]);
  });

  it('every structure known to the check has each field\'s word in the glossary, its heading holding it', () => {
    for (const d of KERNEL_STRUCTS()) expect(decodedFieldProblems(d)).toEqual([]);
    const entry = GLOSSARY.find((e) => e.id === 'race-ints')!;
    for (const lang of ['en', 'zh'] as const) for (const word of ['counter', 'started']) expect(entry.name[lang]).toContain(word);
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: each structure the pane is given is one the check knows, field by field`, async () => {
      const known = KERNEL_STRUCTS();
      const wrong: string[] = [];
      let seen = 0;
      await walkLesson(lesson, ({ now, step }) => {
        const d = now.decoded;
        if (!d) return;
        seen++;
        const same = known.find((k) => k.title === d.title);
        const names = d.fields.map((f) => f.name);
        if (!same || names.some((n) => !same.fields.some((f) => f.name === n))) wrong.push(`step ${step + 1}: '${d.title}' { ${names.join(', ')} } is not in validate.ts KERNEL_STRUCTS`);
        wrong.push(...decodedFieldProblems(d));
      });
      expect(wrong).toEqual([]);
      // the lessons whose pane decodes a structure were seen to (the rule is exercised)
      if (lesson.id === 'race' || lesson.id === 'serv-clnt') expect(seen, lesson.id).toBeGreaterThan(0);
    }, 180_000);
  }
});
