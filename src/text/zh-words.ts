// Where a line of Chinese may break: between words, not between any two characters.
// ICU's word segmenter (Intl.Segmenter 'zh', with the dictionary of Node's full ICU) finds
// the words; it is made only when a text to wrap holds a Chinese character, since ICU's
// break data cost ~15-20 ms to load (bench/startup.md, "Chinese words").

/** A Chinese (Han) character: the text needs the word segmenter. */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** ipclab's own words that ICU's dictionary cuts in two (内|核, 调|用, 信号|量, 窗|格 …):
 *  no line breaks inside them. tests/text/zh-words.test.ts checks that every glossary
 *  name and term stays whole. */
const KEPT = [
  '内核', '调用', '系统调用', '窗格', '字节', '转储', '信号量', '信号量集', '属主', '魔数', '会合', '会合文件', '会合结构体',
  '结构体', '消息队列', '共享内存', '共享内存段', '原子加', '比较并交换', '旧指针', '旧地址', '访问检查',
  '只读', '跟踪', '映射', '发送者', '读者', '术语', '术语表', '勘误', '进程', '子进程', '父进程', '睡眠', '步骤列表', '持有者', '确认号',
  '设备号', '有名管道', '无名管道', '解除映射', '地址空间', '处理函数', '计数器', '丢失的更新', '状态文件夹',
  // ICU cuts 十六|进制 and 八|进制 (a newcomer read "十六" at a line's end)
  '十六进制', '八进制', '十进制', '二进制',
];

/** The most characters of single-character words kept together (字|节|转|储). */
const RUN = 4;

let kept: RegExp | undefined;
let words: Intl.Segmenter | undefined;

/** The offsets in `text` (UTF-16) where a word starts, by which a line of Chinese may
 *  break; undefined for a text without Chinese, which breaks as before (at spaces, and
 *  around wide characters). Offsets inside a KEPT word are left out. */
export function wordStarts(text: string): Set<number> | undefined {
  if (!HAN.test(text)) return undefined;
  words ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const starts = new Set<number>();
  // ICU gives a character it finds in no word of its dictionary as a word of its own
  // (内|核, 读|取, 一|列): a run of such characters stays together, up to RUN of them
  let run = 0;
  for (const { segment, index } of words.segment(text)) {
    const single = segment.length === 1 && HAN.test(segment);
    if (single && run > 0 && run < RUN) run++;
    else {
      starts.add(index);
      run = single ? 1 : 0;
    }
  }
  kept ??= new RegExp([...KEPT].sort((a, b) => b.length - a.length).join('|'), 'g');
  for (const m of text.matchAll(kept)) for (let k = 1; k < m[0].length; k++) starts.delete(m.index + k);
  return starts;
}
