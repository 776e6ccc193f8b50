// An errno's meaning in the learner's language (src/text/errno.ts): in zh the trace shows
// `EINVAL（无效的参数）`, the C name kept, the C library's words in Chinese, or what the errno
// means for the call (`ENOENT（这个 key 下没有共享内存段；…）`: tests/text/results.test.ts). Real libc: the
// table's English is what this machine's strerror says, for every errno the native layer names.
import { describe, expect, it } from 'vitest';
import koffi from 'koffi';
import { errnoMessage, kill, shmget } from '../../src/native/index.js';
import { ERRNO_MEANINGS, errnoMeaning } from '../../src/text/errno.js';
import { callText } from '../../src/text/results.js';

// Latin words a Chinese meaning may keep: names of things with no Chinese name
const KEPT = /anode|XENIX|RFS|CSI|RF-kill|ioctl|I\/O|a\.out|\.lib|Srmount/g;

describe("an errno's meaning", () => {
  it('has a row for every errno the native layer names, its English what this libc says', () => {
    const names = Object.keys(koffi.os.errno);
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      expect(ERRNO_MEANINGS[name], name).toBeDefined();
      expect(ERRNO_MEANINGS[name].en, name).toBe(errnoMessage(koffi.os.errno[name]));
    }
  });

  it('in Chinese is Chinese, with no English words beyond names', () => {
    for (const [name, { zh }] of Object.entries(ERRNO_MEANINGS)) {
      expect(zh, name).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.replace(KEPT, ''), name).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it("shows what a real failed call's errno means for it, the C library's words quoted, in Chinese in zh", () => {
    // a key nobody made, without IPC_CREAT: ENOENT, which no file is involved in
    const missing = shmget(0x7f1dd2e0, 4096, 0o600);
    expect(missing.errno).toBe('ENOENT');
    expect(callText(missing, 'en')).toMatch(/= -1 ENOENT \(no segment has this key; perror: "No such file or directory"\)$/);
    expect(callText(missing, 'zh')).toMatch(/= -1 ENOENT（这个 key 下没有共享内存段；perror：“没有那个文件或目录”）$/);
    // a call the table has no row for: the C library's words, in Chinese in full-width brackets
    // (a signal number no kernel has; kill's ESRCH has a row, the client's last kill may meet it)
    const refused = kill(process.pid, 4096);
    expect(refused.errno).toBe('EINVAL');
    expect(callText(refused, 'en')).toMatch(/= -1 EINVAL \(Invalid argument\)$/);
    expect(callText(refused, 'zh')).toMatch(/= -1 EINVAL（无效的参数）$/);
  });

  it('says what ESRCH means for kill: the process has ended', () => {
    const gone = kill(0x7ffffff0, 0);
    expect(gone.errno).toBe('ESRCH');
    expect(callText(gone, 'en')).toMatch(/= -1 ESRCH \(the process has ended\)$/);
    expect(callText(gone, 'zh')).toMatch(/= -1 ESRCH（这个进程已结束）$/);
  });

  it("puts ipclab's own words where it answers for the kernel in Chinese too", () => {
    const refused = kill(0, 10);
    expect(refused.errno).toBe('EINVAL');
    const zh = callText(refused, 'zh');
    expect(zh).toContain('ipclab 从不向 pid 0 发信号');
    expect(zh.replace(/^kill\([^)]*\)/, '')).not.toMatch(/\b(?!ipclab\b|pid\b|EINVAL\b)[A-Za-z]{2,}/);
    // shmdt on an address a later shmat took: the message src/native/calls.ts builds
    const detached = `${errnoMessage(koffi.os.errno.EINVAL)} (segment 5 was already detached; 0x7f00 now maps segment 6, so ipclab did not call shmdt)`;
    expect(errnoMeaning('EINVAL', detached, 'zh')).toBe('无效的参数（共享内存段 5 早已解除映射；0x7f00 现在映射的是段 6，所以 ipclab 没有调用 shmdt）');
    expect(errnoMeaning('EINVAL', detached, 'en')).toBe(detached);
  });
});
