// Every UI string of the tutorial screen, in both languages, in one place: its own,
// and those it shares with other layers (src/text/strings.ts). Lesson text lives with
// the lessons; this is only the frame around it.
import type { Lang } from '../lang.js';
import { SHARED } from '../text/strings.js';
import { TERMS } from '../text/terms.js';

const EN = {
  ...SHARED.en,
  lessonTitle: 'Lesson',
  /** between two sentences */
  sentenceGap: ' ',
  flow: 'Flow',
  kernel: 'Kernel',
  kernelWide: 'Kernel (ipcs -m, ipclab\'s segments)',
  trace: TERMS.trace.en,
  code: 'C',
  codeWide: 'C code',
  processes: 'Processes',
  step: 'step',
  /** the title bar once every step ran */
  allSteps: 'done',
  menuTitle: 'Lessons',
  helpTitle: 'Keys',
  errataTitle: 'Errata: where the notes are wrong',
  errataHint: (up: string, down: string) => `${up}/${down} choose  Enter opens that step  Esc close`,
  erratumReady: (id: string, step: number) => `${id}: Space runs step ${step}, which shows it live`,
  glossaryTitle: 'Glossary',
  glossaryHint: (up: string, down: string) => `${up}/${down} move  Esc close`,
  newTerms: (terms: string, key: string) => `New terms: ${terms} (${key}: glossary)`,
  helpClose: 'any key closes this help',
  /** before the keys that move in the menu, the errata and the glossary */
  inLists: 'in lists',
  menuHint: (up: string, down: string) => `${up}/${down} choose  Enter open  Esc close`,
  startOver: 'Start over (forget progress, back to lesson 1)',
  noSegments: 'no segment of ipclab in the kernel right now',
  stat: 'IPC_STAT',
  dumpHead: (shmid: number, total: number, zeroFrom: number | null) =>
    `first ${total} bytes of ${shmid}${zeroFrom === null ? '' : `; bytes ${zeroFrom}–${total - 1} are all 00`}`,
  decodedBy: (title: string, pid: number) => `${title}, as pid ${pid} read it:`,
  dumpNone: 'no attachment held by the lesson: nothing to show without attaching (an attach would change nattch)',
  noFocus: 'no segment in focus',
  statGone: 'IPC_STAT failed',
  traceEmpty: 'no calls yet: Space runs the first step',
  next: 'Next',
  problems: 'Did not behave as expected',
  notRunYet: (step: number) => `(not run yet: steps run in order; Space runs step ${step})`,
  endOfLesson: 'End of the lesson.',
  endHint: 'c shows the C code of what you did; Space opens the next lesson.',
  allDone: 'That was the last lesson. m opens the menu.',
  loadingFlow: 'drawing the flow…',
  noDiagram: 'no diagram for this step',
  codeMissing: (file: string) => `examples/c/${file} is not in this copy of ipclab`,
  resumed: (lesson: string, steps: number) => `resumed ${lesson}: re-ran steps 1–${steps} to rebuild what they made`,
  resuming: (steps: number) => `resuming: re-running ${steps} step(s) to rebuild the kernel state…`,
  resumeFailed: (step: number, why: string) => `resume stopped at step ${step}: ${why}; r resets the lesson`,
  restarted: 'progress forgotten: starting over at lesson 1',
  running: 'running…',
  resetting: 'resetting: removing what the lesson made…',
  resetDone: 'lesson reset: what it made is removed',
  quitting: 'cleaning up…',
  quittingHelpers: 'cleaning up: ending the helper processes (SIGCONT, SIGTERM, then SIGKILL)…',
  stepFailed: (why: string) => `a call failed unexpectedly: ${why}`,
  more: (n: number) => `${n} more`,
  /** beside a flow's "more" sign when lit lines are there */
  litThere: 'incl. lit',
  /** on the lesson pane's border when the text of the step to run is below */
  nextStepBelow: (step: number) => `PgDn: what step ${step} does`,
  pid: 'pid',
  role: 'role',
  attached: 'attached',
  alive: 'alive',
  /** after the pid of a process that is gone */
  ended: '(ended)',
  yes: 'yes',
  no: 'no',
  notInstalled: 'not installed',
  tooSmall: (need: string, have: string) => `ipclab needs a terminal of at least ${need}; this one is ${have}. Make it larger, or q quits.`,
} as const;

export type Strings = { [K in keyof typeof EN]: (typeof EN)[K] extends (...a: infer A) => string ? (...a: A) => string : string };

const ZH: Strings = {
  ...SHARED.zh,
  lessonTitle: '课程',
  sentenceGap: '',
  flow: '流程',
  kernel: '内核',
  kernelWide: '内核（ipcs -m，ipclab 的段）',
  trace: TERMS.trace.zh,
  code: 'C',
  codeWide: 'C 代码',
  processes: '进程',
  step: '步骤',
  allSteps: '完成',
  menuTitle: '课程列表',
  helpTitle: '按键',
  errataTitle: '勘误：笔记写错的地方',
  errataHint: (up: string, down: string) => `${up}/${down} 选择  Enter 打开对应步骤  Esc 关闭`,
  erratumReady: (id: string, step: number) => `${id}：按空格运行第 ${step} 步，现场演示`,
  glossaryTitle: '术语表',
  glossaryHint: (up: string, down: string) => `${up}/${down} 移动  Esc 关闭`,
  newTerms: (terms: string, key: string) => `新术语：${terms}（按 ${key} 查看术语表）`,
  helpClose: '按任意键关闭帮助',
  inLists: '列表中',
  menuHint: (up: string, down: string) => `${up}/${down} 选择  Enter 打开  Esc 关闭`,
  startOver: '从头开始（清除进度，回到第 1 课）',
  noSegments: '内核中目前没有 ipclab 的共享内存段',
  stat: 'IPC_STAT',
  dumpHead: (shmid: number, total: number, zeroFrom: number | null) =>
    `${shmid} 开头的 ${total} 字节${zeroFrom === null ? '' : `（第 ${zeroFrom}–${total - 1} 字节全是 00）`}`,
  decodedBy: (title: string, pid: number) => `${title}（pid ${pid} 读到的值）：`,
  dumpNone: '课程没有持有映射：不映射就无法显示（映射会改变 nattch）',
  noFocus: '没有选中的段',
  statGone: 'IPC_STAT 失败',
  traceEmpty: '还没有调用：按空格运行第一步',
  next: '下一步',
  problems: '结果与预期不符',
  notRunYet: (step: number) => `（尚未运行：步骤按顺序运行，按空格运行第 ${step} 步）`,
  endOfLesson: '本课结束。',
  endHint: '按 c 查看刚才所做操作的 C 代码；按空格进入下一课。',
  allDone: '这是最后一课。按 m 打开课程列表。',
  loadingFlow: '正在绘制流程图…',
  noDiagram: '这一步没有流程图',
  codeMissing: (file: string) => `这份 ipclab 中没有 examples/c/${file}`,
  resumed: (lesson: string, steps: number) => `已恢复 ${lesson}：重新运行了第 1–${steps} 步以重建它们创建的对象`,
  resuming: (steps: number) => `正在恢复：重新运行 ${steps} 步以重建内核状态…`,
  resumeFailed: (step: number, why: string) => `恢复在第 ${step} 步停止：${why}；按 r 重置本课`,
  restarted: '进度已清除：从第 1 课重新开始',
  running: '运行中…',
  resetting: '正在重置：删除本课创建的对象…',
  resetDone: '本课已重置：创建的对象已删除',
  quitting: '正在清理…',
  quittingHelpers: '正在清理：结束辅助进程（SIGCONT、SIGTERM，然后 SIGKILL）…',
  stepFailed: (why: string) => `调用意外失败：${why}`,
  more: (n: number) => `还有 ${n} 行`,
  litThere: '含高亮',
  nextStepBelow: (step: number) => `PgDn：第 ${step} 步做什么`,
  pid: 'pid',
  role: '角色',
  attached: `已${TERMS.attach.zh}`,
  alive: '存活',
  ended: '（已结束）',
  yes: '是',
  no: '否',
  notInstalled: '未安装',
  tooSmall: (need: string, have: string) => `ipclab 需要至少 ${need} 的终端；当前为 ${have}。请放大窗口，或按 q 退出。`,
};

const TABLE: Record<Lang, Strings> = { en: EN, zh: ZH };

export function strings(lang: Lang): Strings {
  return TABLE[lang];
}

/** The other language, and how the title bar names each. */
export const LANG_NAMES: Record<Lang, string> = { en: 'EN', zh: '中文' };
export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}
