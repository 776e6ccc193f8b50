// `ipclab errata` follows the learner's progress as the tutorial's errata screen does: what is
// true is said once the step that shows it ran (it would answer that step's question ahead of
// it), --all says it of every erratum, and --json keeps every field, adding `ran` (fix19e#1).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRATA } from '../../src/lessons/errata.js';
import { testTempDir } from '../helpers/temp-dir.js';
import { cli, ROOT } from './helpers.js';

/** `ipclab errata ARGS` with a state folder of its own, holding this progress */
function errata(args: string[], ran: Record<string, number>) {
  const state = testTempDir('errata-state');
  mkdirSync(join(state, 'ipclab'), { mode: 0o700 });
  writeFileSync(join(state, 'ipclab', 'progress.json'), JSON.stringify({ lesson: null, step: 0, completed: [], ran, answers: {} }));
  const out = spawnSync(process.execPath, [join(ROOT, 'bin', 'ipclab.mjs'), 'errata', ...args], { cwd: ROOT, env: { ...process.env, XDG_STATE_HOME: state }, encoding: 'utf8' });
  rmSync(state, { recursive: true, force: true });
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  return out.stdout;
}

const E5_TRUTH = '    In fact: A segment still attached is only marked: status dest, key';

describe('ipclab errata and the progress', () => {
  it('holds back what is true until the step that shows it ran, naming that step; --all says it', () => {
    const fresh = errata(['--lang', 'en'], {});
    expect(fresh).not.toContain(E5_TRUTH);
    expect(fresh).toContain('    In fact: shown after you run lesson 6 (shmctl), step 6, which proves it\n             live (ipclab --lesson shmctl)');
    expect(fresh).toContain(`${ERRATA.length} errata say what is true only after you run the step that proves it;`);
    // shmctl's step 6 ran: E5 says what is true, the others still wait
    const after = errata(['--lang', 'en'], { shmctl: 6 });
    expect(after).toContain(E5_TRUTH);
    expect(after).toContain('    Seen live in lesson 6 (shmctl), step 6: IPC_RMID while attached');
    expect(after).toContain(`${ERRATA.length - 1} errata say`);
    // five steps are not the sixth
    expect(errata(['--lang', 'en'], { shmctl: 5 })).not.toContain(E5_TRUTH);
    const all = errata(['--all', '--lang', 'en'], {});
    expect(all).toContain(E5_TRUTH);
    expect(all).not.toContain('shown after you run');
    expect(all).not.toContain('--all says it now');
    const zh = errata(['--lang', 'zh'], {});
    expect(zh).toContain('    实际上：等你运行了第 6 课（shmctl）第 6 步再说，那一步会现场演示');
    // its last line wraps at 78 columns
    expect(zh.replaceAll('\n', '')).toContain(`有 ${ERRATA.length} 条勘误要等你运行了它的那一步才说出实际情况；ipclab errata --all 现在就列出`);
  });

  it('--json keeps every field of every erratum, what is true too, and says with `ran` whether its step ran', () => {
    type Entry = { id: string; truth: { en: string; zh: string }; stepNumber: number; ran: boolean };
    const json = JSON.parse(errata(['--json'], { shmctl: 6 })) as Entry[];
    expect(json.map((e) => e.id)).toEqual(ERRATA.map((e) => e.id));
    expect(json.map((e) => e.truth)).toEqual(ERRATA.map((e) => e.truth));
    expect(json.filter((e) => e.ran).map((e) => e.id)).toEqual(ERRATA.filter((e) => e.lesson === 'shmctl' && json.find((j) => j.id === e.id)!.stepNumber <= 6).map((e) => e.id));
    expect(json.find((e) => e.id === 'E5')?.ran).toBe(true);
    expect((JSON.parse(errata(['--json', '--all'], {})) as Entry[]).some((e) => e.ran)).toBe(false);
  });
});

describe('ipclab errata --all', () => {
  it('errata: each with what the notes say, what is true, and the step that shows it', async () => {
    const en = await cli(['errata', '--all', '--lang', 'en']);
    expect(en).toMatchObject({ code: 0, stderr: '' });
    for (const e of ERRATA) expect(en.stdout.split('\n')).toContain(e.id);
    expect(en.stdout).toContain('    The notes say: shmctl with IPC_RMID deletes the object.');
    // with --all, what is true of every erratum, whatever the progress (errata-cli.test.ts: without it)
    expect(en.stdout).toContain('    In fact: A segment still attached is only marked: status dest, key');
    expect(en.stdout).not.toContain('shows what is true: Enter goes there');
    expect(en.stdout).toContain('    Seen live in lesson 6 (shmctl), step 6: IPC_RMID while attached');
    // what the notes never say is a common belief, under its own label, not "The notes say: Nothing"
    expect(en.stdout).toContain('    Not in the notes; a common belief: When a process dies, the kernel');
    expect(en.stdout).not.toMatch(/The notes say: Nothing/);
    const zh = await cli(['errata', '--all', '--lang', 'zh']);
    expect(zh.stdout).toContain('    现场演示：第 6 课（shmctl）第 6 步：映射还在时 IPC_RMID');
    expect(zh.stdout).toContain('    笔记没讲；常见的说法：进程死掉后，内核会释放它持有的信号量。');
    // a lesson is named by number and name, as the errata's own texts name lesson 8, never by its id
    expect(zh.stdout).toContain('现场演示：第 8 课（服务端与客户端）第 3 步');
    expect(zh.stdout).not.toMatch(/现场演示：[a-z-]+ 第/);
    expect(en.stdout).not.toMatch(/Seen live in [a-z-]+, step/);
    const json = JSON.parse((await cli(['errata', '--json'])).stdout) as { id: string; lesson: string; step: string; stepNumber: number }[];
    expect(json.map((e) => [e.id, e.lesson, e.step])).toEqual(ERRATA.map((e) => [e.id, e.lesson, e.step]));
    expect(json.find((e) => e.id === 'E5')?.stepNumber).toBe(6);
  });
});
