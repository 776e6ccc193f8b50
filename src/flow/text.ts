// Label text as Mermaid shows it: <br> breaks lines, simple HTML formatting tags and
// Markdown emphasis are dropped (a terminal cannot show them), and entity codes
// (#quot; #35; and their HTML forms &quot; &#35;) become the characters they name.

const NAMED: Record<string, string> = {
  quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: ' ', num: '#', semi: ';', colon: ':',
  lpar: '(', rpar: ')', lsqb: '[', rsqb: ']', lbrack: '[', rbrack: ']', lcub: '{', rcub: '}', lbrace: '{', rbrace: '}',
  vert: '|', verbar: '|', pipe: '|', excl: '!', quest: '?', dollar: '$', percnt: '%', ast: '*', plus: '+', equals: '=',
  hyphen: '-', dash: '-', ndash: '–', mdash: '—', hellip: '…', copy: '©', reg: '®', trade: '™', deg: '°',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', check: '✓', times: '×', middot: '·', bull: '•',
};

const LINE_BREAK = /<br\s*\/?>/gi;
const FORMAT_TAG = /<\/?(?:b|i|u|s|em|strong|small|big|sub|sup|code|del|ins|mark|span|font|p)(?:\s[^<>]*)?>/gi;
const ENTITY = /[#&](#?)([A-Za-z][A-Za-z0-9]*|\d{1,7});/g;

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (all: string, hash: string, name: string) => {
    if (/^\d+$/.test(name)) {
      // '#35;' (Mermaid's form) and '&#35;' (HTML's) are numbers; '##35;' is not a thing
      if (all[0] === '#' && hash) return all;
      const cp = Number(name);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) && cp >= 0x20 ? String.fromCodePoint(cp) : all;
    }
    if (hash) return all;
    return NAMED[name] ?? all;
  });
}

/** `**bold**`, `__bold__`, `*em*`, `_em_` as plain words (Mermaid's Markdown strings);
 *  underscores inside a word (snake_case) are no emphasis, as in CommonMark. */
function plainMarkdown(text: string): string {
  return text
    .replace(/\*\*(?=\S)([^\n]*?\S)\*\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])__(?=\S)([^\n]*?\S)__(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/\*(?=\S)([^\n*]*?\S)\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^\n_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2');
}

/** A node or edge label as it reads on screen: lines trimmed, breaks kept as '\n'. */
export function labelText(raw: string, markdown = false): string {
  let text = raw.replace(LINE_BREAK, '\n').replace(FORMAT_TAG, '');
  if (markdown) text = plainMarkdown(text);
  text = decodeEntities(text).replace(/\t/g, ' ');
  return text
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
