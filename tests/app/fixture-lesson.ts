// A small lesson for the UI tests: it makes real calls through the native layer
// (create a segment, attach and write, IPC_RMID while attached, detach), so the state panel shows a real
// segment with a real nattch. Not a mock: only shorter than the real lessons.
import { defineLesson } from '../../src/lessons/define.js';
import { need } from '../../src/lessons/kit.js';
import type { Lesson, Step, StepContext, Text } from '../../src/lessons/types.js';
import type { CallRecord, Segment } from '../../src/native/index.js';

const DIAGRAM = 'parent-child-write';

/** What the fixture's steps carry. */
interface FixtureState {
  shmid?: number;
  seg?: Segment;
}

/** A step on the fixture's one diagram. */
function step(id: string, title: Text, say: Text, notice: Text, highlight: string[], run: (ctx: StepContext, state: FixtureState) => string[]): Step<FixtureState> {
  return { id, title, say, notice, diagram: DIAGRAM, highlight, run };
}

/** The step's problems: none when the call succeeded. */
function failed(what: string, call: CallRecord): string[] {
  return call.errno ? [`${what} failed: ${call.errno}`] : [];
}

export function fixtureLesson(id = 'fixture', title = 'fixture — four real steps'): Lesson<FixtureState> {
  return defineLesson<FixtureState>({
    id,
    title: { en: title, zh: `测试课——四个真实步骤（${id}）` },
    intro: { en: 'A short lesson for the tests.', zh: '给测试用的短课程。' },
    outro: { en: 'The end of the fixture.', zh: '测试课结束。' },
    summary: 'four real steps for the tests',
    diagrams: [DIAGRAM],
    code: [{ path: 'shmat.c', kind: 'check' }],
    state: () => ({}),
    steps: [
      step(
        'create',
        { en: 'shmget(IPC_PRIVATE)', zh: 'shmget(IPC_PRIVATE)' },
        { en: 'Make a segment. It has no attachments yet.', zh: '创建一段共享内存。还没有挂接。' },
        { en: 'A new row, nattch 0.', zh: '多了一行，nattch 为 0。' },
        ['shm'],
        (ctx, state) => {
          const call = ctx.sys.shmget(ctx.sys.IPC_PRIVATE, 4096, 0o600);
          if (!call.errno) {
            state.shmid = call.ret as number;
            ctx.focus(call.ret as number);
          }
          return failed('shmget', call);
        },
      ),
      step(
        'attach',
        { en: 'shmat and write', zh: 'shmat 并写入' },
        { en: 'Attach it. Then write a greeting.', zh: '挂接它。然后写入问候。' },
        { en: 'nattch 1, the bytes in the dump.', zh: 'nattch 为 1，转储里能看到字节。' },
        ['parent', 'parent->down', 'down'],
        (ctx, state) => {
          const { call, segment } = ctx.sys.shmat(need(state, 'shmid'), 0);
          if (!segment) return failed('shmat', call);
          segment.writeText(0, 'hello, 你好');
          state.seg = segment;
          return [];
        },
      ),
      step(
        'rmid',
        { en: 'IPC_RMID while attached', zh: '挂接时 IPC_RMID' },
        { en: 'Remove it while it is still attached.', zh: '在仍挂接时删除它。' },
        { en: 'Status dest, key 0: it stays until the last detach.', zh: '状态 dest，键为 0：最后一次解除挂接后才释放。' },
        ['shm'],
        (ctx, state) => failed('IPC_RMID', ctx.sys.shmctlRmid(need(state, 'shmid'))),
      ),
      step(
        'detach',
        { en: 'shmdt', zh: 'shmdt' },
        { en: 'Detach it again.', zh: '解除挂接。' },
        { en: 'The last detach frees it.', zh: '最后一次解除挂接释放了它。' },
        ['parent', 'parent->kernel', 'kernel'],
        (ctx, state) => failed('shmdt', ctx.sys.shmdt(need(state, 'seg'))),
      ),
    ],
  });
}
