// A peer's start and end lines in the trace read as sentences and say what they report
// (issue 16 pass 6: "started the ipclab's server"; msg 7's "reader (pid …) exited with code 2
// (waitpid)" left the 2 unexplained).
import { describe, expect, it } from 'vitest';
import { endLine, startedLine } from '../../src/lessons/peer-process.js';

describe("a peer's lines in the trace", () => {
  it('name the role with an article only where it has none of its own', () => {
    expect(startedLine({ role: 'serv' }, { en: "ipclab's server", zh: 'ipclab 服务端' }, 7).en).toMatch(/^started ipclab's server: pid 7/);
    expect(startedLine({ role: 'child' }, { en: 'child', zh: '子进程' }, 7).en).toMatch(/^started the child: pid 7/);
    expect(startedLine({ role: 'racer' }, { en: 'worker 1', zh: '工作进程 1' }, 7).en).toMatch(/^started worker 1: pid 7/);
  });
  it("say what a reader's exit status means", () => {
    const spec = { role: 'blocker', call: { kind: 'msgrcv', msqid: 1, type: 0 }, parent: 1 } as const;
    const removed = endLine(spec, { en: 'reader', zh: '读者' }, 9, { code: 2, signal: null });
    // the code said as the reader's own, with its others (issue 16: "its msgrcv failed with EIDRM"
    // said why, not that 2 is a code the program chose)
    expect(removed.en).toBe('reader (pid 9) exited with code 2 (waitpid): 2 is its code for "msgrcv failed with EIDRM" (0: the call worked, 1: another error)');
    expect(removed.zh).toMatch(/2 是它约定的退出码.*EIDRM.*0：调用成功/);
    expect(endLine(spec, { en: 'reader', zh: '读者' }, 9, { code: 1, signal: null }).en).toMatch(/: 1 is its code for "msgrcv failed" \(0: the call worked, 2: EIDRM\)$/);
    expect(endLine(spec, { en: 'reader', zh: '读者' }, 9, { code: 0, signal: null }).en).toBe('reader (pid 9) exited with code 0 (waitpid)');
  });
});
