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
  // and shmdt ends that mapping: 解除映射, the lessons' word, not 分离 (a C comment once said 分离)
  detach: { en: 'detach', zh: '解除映射', rejected: /分离/ },
  // the two ends of a message queue, in the lesson, its process list and its flow alike
  sender: { en: 'sender', zh: '发送者', rejected: /发送进程|发送方/ },
  reader: { en: 'reader', zh: '读者', rejected: /接收进程|接收者|接收方/ },
  // the pane of calls and events: 调用 alone means one call
  trace: { en: 'Trace', zh: '跟踪', rejected: /调用(窗格|面板)/ },
  // ipclab's own process, the one drawing the screen, whose row the lists of processes label
  // "lesson" (本课): one name in every lesson (issue 16: 本课进程, 本进程, 本界面自己的进程 and
  // ipclab 自己的进程 read as four processes); "lesson process" as the diagrams say, not "this
  // lesson's process", since the tab bar's "this lesson's processes:" means all of them
  lessonProcess: { en: 'lesson process', zh: '本课进程', rejected: /本进程|(?:ipclab|本课|界面) ?自己的进程/ },
  // struct ipclab_rv's ack, as rv.h, the trace and the texts name it: not 确认号 (issue 16: serv-clnt's
  // Flow said "写 client_pid、确认号" where the text and trace say ack); 确认 the verb stays
  ack: { en: 'ack', zh: 'ack', rejected: /确认号/ },
  // a part of the screen, as the help names it: 窗格, never 面板, nor 页 after a pane's name
  // ("内核页", "见“内核”页", "内核标签页", and "${name}页里的", a pane named by a string
  // built around it, whose literal has 页 after no Chinese word): the tab bar names panes,
  // each 窗格 in text
  pane: { en: 'pane', zh: '窗格', rejected: /面板|(?:内核|跟踪|流程图?|C)”?(?:标签)?页(?![面表])|(?<![\u4e00-\u9fff])页[里上中]/ },
  // a signal sent and not yet taken: 待处理 as CSAPP's Chinese edition says it (待处理信号), not 挂起,
  // which also reads as a suspended process (issue 16: parent-child and the glossary said both)
  pendingSignal: { en: 'pending', zh: '待处理', rejected: /挂起/ },
  // a segment (queue, set) gone from the kernel: 删除 as IPC_RMID's, not 释放 for its state (issue
  // 16: the Kernel pane's 已删除 beside 已释放 in shmctl and the Flow read as two things); the kernel
  // freeing its memory at the last detach may still be said 释放
  removed: { en: 'removed', zh: '已删除', rejected: /已(?:经)?(?:被)?释放|被释放/ },
} as const satisfies Record<string, Term>;

// "segment": 共享内存段 where a text first names one, 段 alone after it ("这个段"); not
// 段 as a measure word of memory (这段内存, 一段共享内存), and not 共享内存 alone, which is
// the mechanism ("shared memory" in the English text beside it)
export const SEGMENT = { en: 'segment', zh: '共享内存段', short: '段' } as const;
/** 段 that stands for a segment: not inside 字段 (field), 阶段, 手段, 片段, 段落, 段错误 … */
const SEGMENT_WORD = /(?<![字阶手片码据块])段(?![错落])/;
const MEASURE_WORD = /段(?:共享)?内存(?!段)/;

/** How a Chinese text's words for a segment depart from SEGMENT, as "这段内存 (use 共享内存段)";
 *  the English beside it tells 共享内存 the mechanism from a segment. Code in backticks is left out. */
export function segmentProblems(text: { en: string; zh: string }): string[] {
  const prose = text.zh.replace(/`[^`]*`/g, '');
  const problems: string[] = [];
  const measure = MEASURE_WORD.exec(prose);
  if (measure) problems.push(`${prose.slice(Math.max(0, measure.index - 1), measure.index + measure[0].length)} (use ${SEGMENT.zh}, then ${SEGMENT.short})`);
  // 段 alone comes after the first 共享内存段 (marked §): a measure word is reported above
  const marked = prose.replace(new RegExp(MEASURE_WORD.source, 'g'), '').replaceAll(SEGMENT.zh, '§');
  const alone = marked.search(SEGMENT_WORD);
  if (alone >= 0 && !marked.slice(0, alone).includes('§')) problems.push(`${SEGMENT.short} before ${SEGMENT.zh} (name it ${SEGMENT.zh} first)`);
  const mechanism = (prose.match(/共享内存(?!段)/g) ?? []).length;
  const sharedMemory = (text.en.match(/shared[- ]memory/gi) ?? []).length;
  if (mechanism > sharedMemory && /segment/i.test(text.en)) problems.push(`共享内存 for a segment (use ${SEGMENT.zh})`);
  return problems;
}

/** The terms whose rejected variant a Chinese text uses, as "信号灯 (use 信号量集)";
 *  code in backticks is left out. `terms`: those to look for, all unless told. */
export function rejectedTerms(zh: string, terms: readonly Term[] = Object.values(TERMS)): string[] {
  const prose = zh.replace(/`[^`]*`/g, '');
  return terms.flatMap((t: Term) => {
    const found = t.rejected.exec(prose);
    return found ? [`${found[0]} (use ${t.zh})`] : [];
  });
}
