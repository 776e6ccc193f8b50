// E7 in earnest: when the lesson's ftok key already names a segment another program
// made, IPC_CREAT opens that segment — the lesson must say so and never remove it.
import { afterEach, describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/engine.js';
import { lessonById } from '../../src/lessons/index.js';
import { readSegments } from '../../src/native/index.js';
import { haveCc, startHolder, type Holder } from '../native/helpers.js';

let holder: Holder | null = null;
afterEach(async () => {
  await holder?.stop();
  holder = null;
});

describe('ftok lesson on a key that is already taken', () => {
  it('opens the foreign segment, says so, and leaves it in the kernel', async (ctx) => {
    if (!haveCc()) ctx.skip();
    const run = startLesson(lessonById('ftok')!);
    const make = await run.runNext();
    expect(make.ok).toBe(true);
    const key = run.trace.find((e) => e.type === 'call' && e.call === 'ftok') as { ret: number };
    // another program takes the key before the lesson creates under it
    holder = await startHolder(key.ret, 4096);
    while (run.lesson.steps[run.done].id !== 'creat') await run.runNext();
    const creat = await run.runNext();
    expect(creat.ok).toBe(false);
    expect(creat.problems.join(' ')).toMatch(new RegExp(`already named segment ${holder.shmid} of pid ${holder.child.pid}; left alone`));
    await run.close();
    expect(readSegments().some((s) => s.shmid === holder!.shmid)).toBe(true);
  });
});
