// Adding a lesson is a module, its C file and one line in src/lessons/index.ts. In a
// throw-away copy of the package, a ninth lesson is added that way; then everything
// derived from the list picks it up with no other edit: `ipclab lessons --json` (the
// contract test's ids), `ipclab check`, `ipclab run --json`, `make check` in examples/c,
// the lists the tests derive, and the README's table. And `ipclab check` passes on the
// repository as it is.
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrograms, LESSONS } from '../../src/lessons/index.js';
import { cli, ROOT, segmentsCreatedBy } from './helpers.js';
import { CHALLENGES } from '../../src/play/challenges.js';
import { testTempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const HAS_MAKE_AND_CC = ['make', 'cc'].every((tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0);

const LESSON = `import { createPrivate, expectGone, expectOk, need } from './kit.js';
import { liveRow } from './checkpoint-kit.js';
import { defineLesson } from './define.js';

/** yes and no, each with why it is not the answer (Choice.whyNot); none for a check's answer */
const yesNo = (yes?: { en: string; zh: string }, no?: { en: string; zh: string }) => [
  { en: 'yes', zh: '是', ...(yes ? { whyNot: yes } : {}) },
  { en: 'no', zh: '否', ...(no ? { whyNot: no } : {}) },
];

export const extra = defineLesson<{ shmid?: number }>({
  id: 'extra',
  title: { en: 'extra — added by a test', zh: '附加课——由测试添加' },
  intro: { en: 'A System V lesson a test wrote.', zh: '测试写的一节 System V 课。' },
  outro: { en: 'That was all.', zh: '就这些。' },
  summary: 'create a segment and remove it',
  diagrams: ['overview-lifecycle'],
  code: [{ path: 'extra.c', kind: 'check' }],
  state: () => ({}),
  steps: [
    {
      id: 'create',
      title: { en: 'Create', zh: '创建' },
      say: { en: 'Make a segment.', zh: '建一个共享内存段。' },
      notice: { en: 'A new row.', zh: '多了一行。' },
      diagram: 'overview-lifecycle',
      highlight: ['创建'],
      run(ctx, state) {
        const shmid = createPrivate(ctx);
        if (Array.isArray(shmid)) return shmid;
        state.shmid = shmid;
        return [];
      },
    },
    {
      id: 'remove',
      title: { en: 'Remove', zh: '删除' },
      say: { en: 'Remove it.', zh: '删除它。' },
      notice: { en: 'The row is gone.', zh: '那一行不见了。' },
      diagram: 'overview-lifecycle',
      highlight: ['pa', 'pb', 'pa->闲置', 'pb->闲置', '闲置', '删除'],
      run(ctx, state) {
        const shmid = need(state, 'shmid');
        ctx.focus(null);
        return [...expectOk(ctx.sys.shmctlRmid(shmid)), ...expectGone(ctx, shmid)];
      },
    },
  ],
  checkpoints: {
    create: {
      question: { en: 'Will the new row have key 0?', zh: '新的一行 key 是 0 吗？' },
      choices: yesNo({ en: 'only a segment made with IPC_PRIVATE shows key 0.', zh: '只有用 IPC_PRIVATE 建的共享内存段才显示 key 0。' }, { en: 'IPC_PRIVATE is the key 0.', zh: 'IPC_PRIVATE 就是 key 0。' }),
      answer: (live) => (liveRow(live, need(live.state, 'shmid'))?.key === '0x00000000' ? 0 : 1),
      hint: { en: 'The key is IPC_PRIVATE.', zh: 'key 是 IPC_PRIVATE。' },
      explain: () => ({ en: 'IPC_PRIVATE is 0.', zh: 'IPC_PRIVATE 就是 0。' }),
    },
    remove: {
      question: { en: 'Will the row still be there?', zh: '那一行还在吗？' },
      choices: yesNo({ en: 'a segment nobody has mapped goes at once.', zh: '没人映射的共享内存段会马上消失。' }, { en: 'an attached segment stays until its last detach.', zh: '被映射着的共享内存段要到最后一次解除映射才消失。' }),
      answer: (live) => (liveRow(live, need(live.state, 'shmid')) ? 0 : 1),
      hint: { en: 'Nothing is attached.', zh: '没有映射。' },
      explain: () => ({ en: 'Removed at once: nothing was attached.', zh: '立即删除了：没有映射。' }),
    },
  },
  check: [
    { question: { en: 'Was a segment made?', zh: '建了共享内存段吗？' }, choices: yesNo(undefined, { en: 'the first step made one.', zh: '第一步建了一个共享内存段。' }), answer: 0, explain: { en: 'One, then removed.', zh: '建了一个共享内存段，然后删除了。' } },
    { question: { en: 'Is it still there?', zh: '它还在吗？' }, choices: yesNo({ en: 'the last step removed it.', zh: '最后一步删除了它。' }), answer: 1, explain: { en: 'It was removed.', zh: '已经删除了。' } },
    { question: { en: 'Was it private?', zh: '它是私有的吗？' }, choices: yesNo(undefined, { en: 'it was made with IPC_PRIVATE.', zh: '它是用 IPC_PRIVATE 建的。' }), answer: 0, explain: { en: 'Its key was 0.', zh: '它的 key 是 0。' } },
  ],
});
`;

const PROGRAM = `#include <stdio.h>
#include <sys/ipc.h>
#include <sys/shm.h>

int main(void)
{
    int id = shmget(IPC_PRIVATE, 4096, 0600);
    if (id == -1 || shmctl(id, IPC_RMID, NULL) == -1) {
        perror("extra");
        return 1;
    }
    printf("made and removed segment %d\\n", id);
    return 0;
}
`;

let copy = '';

beforeAll(() => {
  copy = testTempDir('ipclab-add-lesson-');
  for (const dir of ['bin', 'scripts', 'src', 'assets']) cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
  // the sources only: programs a `make` left in the repository stay out
  cpSync(join(ROOT, 'examples'), join(copy, 'examples'), { recursive: true, filter: (src) => !/\/examples\/c\/[^/]+$/.test(src) || /(\.[ch]|Makefile|\/zh)$/.test(src) });
  for (const file of ['package.json', 'README.md']) cpSync(join(ROOT, file), join(copy, file));
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  writeFileSync(join(copy, 'src', 'lessons', 'extra.ts'), LESSON);
  writeFileSync(join(copy, 'examples', 'c', 'extra.c'), PROGRAM);
  // what it prints, in Chinese for the zh Trace and C pane (src/lessons/c-output.ts: check fails without it)
  writeFileSync(join(copy, 'examples', 'c', 'zh', 'extra.c.out.txt'), 'en: "extra"\nzh: "extra"\n\nen: "made and removed segment %d\\n"\nzh: "创建并删除了共享内存段 %d\\n"\n');
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/** The one edit a new lesson needs: its line in the list. */
function addToList(): void {
  const path = join(copy, 'src', 'lessons', 'index.ts');
  const source = readFileSync(path, 'utf8');
  const edited = source.replace("import type { Lesson } from './types.js';", "import { extra } from './extra.js';\nimport type { Lesson } from './types.js';").replace(/\n\];\n/, '\n  extra,\n];\n');
  expect(edited).not.toBe(source);
  writeFileSync(path, edited);
}

describe('adding a lesson', () => {
  it('is picked up by lessons --json, check, run --json, make check, the tests and the README with no other edit', async () => {
    // before its line is in the list, the check names the C file no lesson declares
    const orphan = await cli(['check'], 60_000, copy);
    expect(orphan).toMatchObject({ code: 1, stdout: "examples/c/extra.c: no lesson declares it; add it to a lesson's code, or remove it\n" });

    addToList();
    const check = await cli(['check'], 60_000, copy);
    const steps = LESSONS.reduce((n, l) => n + l.steps.length, 0) + 2;
    const files = new Set(LESSONS.flatMap((l) => l.code.map((f) => f.path))).size + 1;
    const diagrams = new Set(LESSONS.flatMap((l) => l.diagrams)).size;
    expect(check).toMatchObject({ code: 0, stdout: `ok: ${LESSONS.length + 1} lessons, ${steps} steps, ${diagrams} diagrams, ${files} C files, ${CHALLENGES.length} challenges\n` });

    const list = JSON.parse((await cli(['lessons', '--json'], 25_000, copy)).stdout) as { id: string; code: unknown }[];
    expect(list.map((l) => l.id)).toEqual([...LESSONS.map((l) => l.id), 'extra']);
    expect(list.at(-1)?.code).toEqual([{ path: 'extra.c', kind: 'check' }]);

    const lesson = await cli(['run', 'extra', '--json'], 25_000, copy);
    const lines = lesson.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; id?: string; ok?: boolean });
    expect(lines.filter((l) => l.type === 'step').map((l) => [l.id, l.ok])).toEqual([
      ['create', true],
      ['remove', true],
    ]);
    expect(lines.at(-1)).toEqual({ type: 'end', ok: true, leaked: [] });
    expect(segmentsCreatedBy(lesson.pid)).toEqual([]);

    // the lists the tests derive (the C-example and run tests, the contract test's ids)
    const derived = await run(process.execPath, ['--import', 'tsx', '-e', "const m = await import('./src/lessons/index.ts'); console.log(JSON.stringify({ ids: m.LESSONS.map((l) => l.id), checks: m.checkPrograms() }))"], { cwd: copy });
    expect(JSON.parse(derived.stdout)).toEqual({ ids: [...LESSONS.map((l) => l.id), 'extra'], checks: [...checkPrograms(), 'extra'] });

    await run(process.execPath, ['--import', 'tsx', join(copy, 'scripts', 'readme-lessons.ts')], { cwd: copy });
    expect(readFileSync(join(copy, 'README.md'), 'utf8')).toContain(`| ${LESSONS.length} | ${LESSONS.at(-1)!.id} |`);
    expect(readFileSync(join(copy, 'README.md'), 'utf8')).toContain(`| ${LESSONS.length + 1} | extra | create a segment and remove it |\n<!-- end of lessons -->`);

    if (HAS_MAKE_AND_CC) {
      const make = await run('make', ['-s', '-C', join(copy, 'examples', 'c'), 'check']);
      expect(make.stdout.split('\n').filter((l) => l.startsWith('== '))).toEqual([...checkPrograms(), 'extra'].map((p) => `== ${p}`));
      expect(make.stdout).toMatch(/made and removed segment \d+/);
    }
  }, 180_000);
});

describe('ipclab check', () => {
  it('passes on the repository with one line of counts, exit 0', async () => {
    const steps = LESSONS.reduce((n, l) => n + l.steps.length, 0);
    const diagrams = new Set(LESSONS.flatMap((l) => l.diagrams)).size;
    const files = new Set(LESSONS.flatMap((l) => l.code.map((f) => f.path))).size;
    expect(await cli(['check'])).toMatchObject({ code: 0, stdout: `ok: ${LESSONS.length} lessons, ${steps} steps, ${diagrams} diagrams, ${files} C files, ${CHALLENGES.length} challenges\n`, stderr: '' });
  });
});
