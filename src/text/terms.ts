// ipclab's terms, one word per language wherever they are shown (lesson text, the trace,
// the screen, the commands), and the Chinese variants it does not use: `ipclab check`
// fails on a lesson text that uses one (src/lessons/validate.ts).
interface Term {
  en: string;
  zh: string;
  /** Chinese words for the same thing that ipclab does not use */
  rejected: RegExp;
}

export const TERMS = {
  // 键 would read as a key of the keyboard ("按键会合": meet by pressing a key); the C
  // parameter, ipcs's column and the flows all say key
  key: { en: 'key', zh: 'key', rejected: /键/ },
  semaphoreSet: { en: 'semaphore set', zh: '信号量集', rejected: /信号灯/ },
  // shmat maps the segment into the process: the same word for the call and the mapping
  attach: { en: 'attach', zh: '映射', rejected: /挂接/ },
  // the two ends of a message queue, in the lesson, its process list and its flow alike
  sender: { en: 'sender', zh: '发送者', rejected: /发送进程|发送方/ },
  reader: { en: 'reader', zh: '读者', rejected: /接收进程|接收者|接收方/ },
  // the pane of calls and events: 调用 alone means one call
  trace: { en: 'Trace', zh: '跟踪', rejected: /调用(窗格|面板)/ },
} as const satisfies Record<string, Term>;

/** The terms whose rejected variant a Chinese text uses, as "信号灯 (use 信号量集)";
 *  code in backticks is left out. */
export function rejectedTerms(zh: string): string[] {
  const prose = zh.replace(/`[^`]*`/g, '');
  return Object.values(TERMS).flatMap((t: Term) => {
    const found = t.rejected.exec(prose);
    return found ? [`${found[0]} (use ${t.zh})`] : [];
  });
}
