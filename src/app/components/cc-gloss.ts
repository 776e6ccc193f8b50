// The Chinese Trace's gloss of the C compiler's English (ftok's typo step compiles
// IPC_CREATE): cc's output stays as printed, and under each of its error, warning and note
// lines one dim line says in Chinese what it means, as ipcs's headings are glossed
// (ipcs-gloss.ts). The meaning comes from the message's known forms, gcc's and clang's;
// a message of another form is glossed by its kind and place only.

/** A diagnostic line: "file:2:13: error: message". */
const DIAGNOSTIC = /^.*?:(\d+):(\d+): (fatal error|error|warning|note): (.+)$/;
const KINDS: Record<string, string> = { 'fatal error': '严重错误', error: '错误', warning: '警告', note: '注' };
/** A quoted name as the compiler prints it: ‘x’ in a UTF-8 locale, 'x' in C. */
const Q = "[‘'`]([^’'`]+)[’'`]";
/** Where an expected token was missed, clang's words ("after expression"). */
const WHERE: Record<string, string> = { expression: '表达式', declaration: '声明' };

/** The message's known forms, each with its meaning in Chinese; several may match one message. */
const FORMS: [RegExp, (m: RegExpExecArray) => string][] = [
  // gcc "‘X’ undeclared here (not in a function)", "‘X’ undeclared (first use in this function)"; clang "use of undeclared identifier 'X'"
  [new RegExp(`^(?:${Q} undeclared\\b|use of undeclared identifier ${Q})`), (m) => `'${m[1] ?? m[2]}' 未声明（不存在这个名字）`],
  [new RegExp(`did you mean ${Q}\\?`), (m) => `你是指 '${m[1]}' 吗？`],
  // gcc "implicit declaration of function ‘f’"; clang "call to undeclared function 'f'"
  [new RegExp(`(?:implicit declaration of function|call to undeclared function) ${Q}`), (m) => `函数 '${m[1]}' 没有声明就调用了（少了声明它的头文件？）`],
  // gcc "expected ‘;’ before ‘return’", "expected ‘,’ or ‘;’ before ‘return’"; clang "expected ';' after expression"
  [
    new RegExp(`^expected ${Q}(?: or ${Q})?(?: before ${Q}| (after|at end of) (expression|declaration))?`),
    (m) => {
      const where = m[3] ? `（在 '${m[3]}' 之前）` : m[5] ? `（在${WHERE[m[5]]}${m[4] === 'after' ? '之后' : '末尾'}）` : '';
      return `这里缺少 '${m[1]}'${m[2] ? ` 或 '${m[2]}'` : ''}${where}`;
    },
  ],
  [/^each undeclared identifier is reported only once/, () => '每个未声明的名字在每个函数里只报一次'],
  [new RegExp(`^${Q} declared here`), (m) => `'${m[1]}' 在这里声明`],
];

/** For a C compiler's output lines (cc, gcc, clang): after which line a gloss goes, and its text
 *  ("↳ 错误：'IPC_CREATE' 未声明（不存在这个名字）；你是指 'IPC_CREAT' 吗？"). None for another command. */
export function ccGlosses(command: string, body: readonly string[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!/^(?:\S*\/)?(?:cc|gcc|clang)\b/.test(command)) return out;
  body.forEach((text, i) => {
    const d = DIAGNOSTIC.exec(text);
    if (!d) return;
    const [, line, column, kind, message] = d;
    const meanings = FORMS.flatMap(([re, say]) => {
      const m = re.exec(message!);
      return m ? [say(m)] : [];
    });
    const said = meanings.length ? meanings.join('；') : `第 ${line} 行第 ${column} 列（原文见上）`;
    out.set(i, `↳ ${KINDS[kind!]}：${said}`);
  });
  return out;
}
