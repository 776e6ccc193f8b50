// Where a line of Chinese may break: between words, not between any two characters.
// ICU's word segmenter (Intl.Segmenter 'zh', with the dictionary of Node's full ICU) finds
// the words; it is made only when a text to wrap holds a Chinese character, since ICU's
// break data cost ~15-20 ms to load (bench/startup.md, "Chinese words").

/** A Chinese (Han) character: the text needs the word segmenter. */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** ipclab's own words that ICU's dictionary cuts in two (内|核, 调|用, 信号|量, 窗|格 …):
 *  no line breaks inside them. tests/text/zh-words.test.ts checks that every glossary
 *  name and term stays whole, and that every word of ipclab's vocabulary (the term list,
 *  the glossary's names and terms) that ICU cuts and a lesson's text uses is listed here:
 *  kept by this list, not by the rules below that happen to hold some of them together. */
export const KEPT: readonly string[] = [
  '内核', '调用', '系统调用', '窗格', '字节', '转储', '信号量', '信号量集', '属主', '魔数', '会合', '会合文件', '会合结构体',
  '结构体', '消息队列', '共享内存', '共享内存段', '原子加', '比较并交换', '旧指针', '旧地址', '访问检查',
  '只读', '跟踪', '映射', '发送者', '读者', '术语', '术语表', '勘误', '进程', '子进程', '父进程', '睡眠', '步骤列表', '持有者', '确认号',
  '设备号', '有名管道', '无名管道', '解除映射', '地址空间', '处理函数', '计数器', '丢失的更新', '状态文件夹',
  // ICU cuts 十六|进制 and 八|进制 (a newcomer read "十六" at a line's end)
  '十六进制', '八进制', '十进制', '二进制',
  // ICU cuts 亲缘|关系 and 编译|器 (a newcomer read 无|亲缘关系, 编译|器报的错)
  '亲缘关系', '无亲缘关系', '编译器', '下一课', '同一个',
  // the glossary's words ICU cuts (轮|询, 流程|图, 字符|串, 撤销|量, 正|文字|节), found by
  // tests/text/zh-words.test.ts where a lesson uses them (issue 16)
  '轮询', '流程图', '字符串', '撤销量', '正文', '字节转储', '字节数', '待处理', '已删除',
  // the blocked signal's entry (阻塞|信号 to ICU; parent-child 2's aside names it)
  '阻塞信号',
  // ICU cuts 对|调 (a newcomer read 偏移对|调了 across a line)
  '对调',
  // the glossary's newer names (race's rounds, the cache line, the throw-away child, the atomic instruction)
  '临时子进程', '三轮', '整轮', '缓存行', '原子指令', '文件描述符',
  // race's workers: ICU cuts 工作|进程, which left "工作" on one line and "进程 2" on the next (issue 16)
  '工作进程',
  // the term list's name of ipclab's own process (本课|进程 to ICU)
  '本课进程',
  // the screen's own words the glossary explains: the Flow's legend, the record's labels, byte order (issue 16)
  '刚运行', '已做', '未做', '有步骤用到', '改动', '课文提到', '课程提到', '全部字段', '小端', '回看',
];

/** The most characters of single-character words kept together (字|节|转|储). */
const RUN = 4;

let kept: RegExp | undefined;
let words: Intl.Segmenter | undefined;

/** One-character words that end the word before them (编译|器, 读|者, 发送|方): no break
 *  before them after a word of two or more characters. */
const SUFFIX = new Set([...'器者性化们号值量表段区符名码位型体件层方端式法域']);


/** One-character determiners that ICU leaves alone before 一 and a measure word (同|一张,
 *  每|一段, 另|一个): no break between them and the 一 after them (a newcomer read "内核的同"
 *  at a line's end and "一张表" below it). */
const DETERMINER = new Set([...'同每这那哪另任']);

/** Particles that belong to the word before them (映射|着, 算出|的): no break before them. */
const TRAIL = new Set([...'的了着过吗呢吧得它']);

/** The offsets in `text` (UTF-16) where a word starts, by which a line of Chinese may
 *  break; undefined for a text without Chinese, which breaks as before (at spaces, and
 *  around wide characters). Offsets inside a KEPT word are left out; with `phrases` (the
 *  prose wrap, cells.ts), also those before a suffix (SUFFIX) or particle (TRAIL), and
 *  between a determiner and the 一 after it (DETERMINER: 同|一张). (A rule
 *  keeping every one-character word with the word after it, 下|一课, pushed seven lesson
 *  texts over their line limits: such words are in KEPT instead.) The C files' comments, laid out
 *  by hand and checked by `ipclab check`, and the diagrams' labels break at ICU's words. */
export function wordStarts(text: string, phrases = false): Set<number> | undefined {
  if (!HAN.test(text)) return undefined;
  words ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const starts = new Set<number>();
  // ICU gives a character it finds in no word of its dictionary as a word of its own
  // (内|核, 读|取, 一|列): a run of such characters stays together, up to RUN of them
  let run = 0;
  // the Chinese segment before
  let prev: string | undefined;
  for (const { segment, index } of words.segment(text)) {
    const han = HAN.test(segment[0] ?? '');
    const single = segment.length === 1 && han;
    const stick = phrases && han && prev !== undefined &&
      ((single && prev.length > 1 && SUFFIX.has(segment)) || (single && TRAIL.has(segment)) || (DETERMINER.has(prev) && segment.startsWith('一')));
    if (single && run > 0 && run < RUN) {
      run++;
    } else if (stick) {
      // a particle or suffix ends the word it sticks to: a single character after it starts the
      // next (其中的 | 字节, not 其中的字节 one unit, which broke a verdict line early: issue 16)
      run = 0;
    } else {
      starts.add(index);
      run = single ? 1 : 0;
    }
    prev = han ? segment : undefined;
  }
  kept ??= new RegExp([...KEPT].sort((a, b) => b.length - a.length).join('|'), 'g');
  for (const m of text.matchAll(kept)) for (let k = 1; k < m[0].length; k++) starts.delete(m.index + k);
  return starts;
}
