// The Chinese Trace's gloss of ipcs's English: the real command's output stays as printed,
// and under each listing's heading one dim line says in Chinese what its English words
// mean (testers in zh met "------ Message Queues PIDs --------", "Not set", "Sun Dec  6"
// unexplained), as the C pane glosses a printf's English (CodePane's PRINTS_ZH).

/** util-linux ipcs's headings: a listing's ("------ … --------") and -i's one object's. */
const HEADINGS: Record<string, string> = {
  'Shared Memory Segments': '共享内存段',
  'Shared Memory Creator/Last-op PIDs': '共享内存段的创建者、最后操作者的 pid',
  'Shared Memory Attach/Detach/Change Times': '共享内存段最后映射、解除映射、修改的时间',
  'Shared Memory Segment Creators/Owners': '共享内存段的创建者、所有者',
  'Shared Memory Status': '共享内存的使用情况',
  'Shared Memory Limits': '共享内存的上限',
  'Message Queues': '消息队列',
  'Message Queues PIDs': '消息队列的 pid',
  'Message Queues Send/Recv/Change Times': '消息队列最后发送、接收、修改的时间',
  'Message Queues Creators/Owners': '消息队列的创建者、所有者',
  'Messages Status': '消息队列的使用情况',
  'Messages Limits': '消息队列的上限',
  'Semaphore Arrays': '信号量集',
  'Semaphore Operation/Change Times': '信号量集最后操作、修改的时间',
  'Semaphore Arrays Creators/Owners': '信号量集的创建者、所有者',
  'Semaphore Status': '信号量集的使用情况',
  'Semaphore Limits': '信号量集的上限',
  'Shared memory Segment': '共享内存段',
  'Message Queue': '消息队列',
  'Semaphore Array': '信号量集',
};

/** -i's time fields, glossed together ("att_time/det_time/change_time = 最后映射/解除映射/修改时间"). */
const TIMES: [RegExp, string, string][] = [
  [/\batt_time=/, 'att_time', '映射'],
  [/\bdet_time=/, 'det_time', '解除映射'],
  [/\bsend_time=/, 'send_time', '发送'],
  [/\brcv_time=/, 'rcv_time', '接收'],
  [/\bchange_time=/, 'change_time', '修改'],
  [/\botime =/, 'otime', 'semop'],
  [/\bctime =/, 'ctime', '修改'],
];
const DAYS: Record<string, string> = { Mon: '周一', Tue: '周二', Wed: '周三', Thu: '周四', Fri: '周五', Sat: '周六', Sun: '周日' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A date as ipcs prints it: "Sun Dec  6 22:54:03 2026", -m -t's "Dec  6 22:54:03". */
const DATE = /\b(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun) +)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d/g;

/** A listing's heading: its English title, for "------ Title --------" and -i's "Title shmid=N". */
function heading(text: string): string | undefined {
  const title = /^-{3,} (.+?) -{3,}$/.exec(text)?.[1] ?? /^(.+?) (?:shmid|msqid|semid)=\d+$/.exec(text)?.[1];
  return title !== undefined && Object.hasOwn(HEADINGS, title) ? title : undefined;
}

/** For an `ipcs` command's output lines: after which line (a listing's heading; -i's last time
 *  field) a gloss goes, and its text: the heading's words, then the rows' ("↳ 消息队列的 pid",
 *  "↳ 共享内存段；att_time/… = 最后映射/…时间；Not set = 未设置；Sun Dec = 周日 12 月"), one
 *  per listing, for the English it holds. None for another command or output in Chinese (an
 *  ipcs whose locale translates it). */
export function ipcsGlosses(command: string, body: readonly string[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!/^ipcs\b/.test(command)) return out;
  const starts = body.flatMap((text, i) => (heading(text) ? [i] : []));
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? body.length;
    const rows = body.slice(start + 1, end).join('\n');
    const times = TIMES.filter(([re]) => re.test(rows));
    const days = new Set<string>();
    const months = new Set<string>();
    for (const [, day, month] of rows.matchAll(DATE)) {
      if (day) days.add(day);
      months.add(month!);
    }
    const dates = [...days, ...months];
    const datesZh = [...[...days].map((d) => DAYS[d]), ...[...months].map((m) => `${MONTHS.indexOf(m) + 1} 月`)];
    // a space between Chinese and a Latin word ("最后 semop/修改时间")
    const timesZh = `最后${times.map(([, , zh]) => zh).join('/')}时间`.replace(/(?<=[\u4e00-\u9fff])(?=[a-z])|(?<=[a-z])(?=[\u4e00-\u9fff])/g, ' ');
    const parts = [
      HEADINGS[heading(body[start]!)!]!,
      ...(times.length ? [`${times.map(([, name]) => name).join('/')} = ${timesZh}`] : []),
      ...(/\bNot set\b/.test(rows) ? ['Not set = 未设置'] : []),
      ...(dates.length ? [`${dates.join(' ')} = ${datesZh.join(' ')}`] : []),
    ];
    // -i's under its last time field, which it glosses: under its heading it pushed shmctl 2's
    // "lpid= cpid= nattch=", which the notice reads, out of an 80x24 Trace
    const timeRows = body.slice(start, end).flatMap((l, i) => (TIMES.some(([re]) => re.test(l)) ? [i] : []));
    out.set(start + (timeRows.at(-1) ?? 0), `↳ ${parts.join('；')}`);
  });
  return out;
}
