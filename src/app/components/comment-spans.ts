// Where C comments are in a source file, line by line, so the C pane can wrap a
// comment as a comment (its continuation under the comment's text, in the comment's
// tone). A small scanner: strings and character constants are skipped so a "/*" in
// a format string opens nothing; block comments carry over from line to line.

export interface Span {
  text: string;
  comment: boolean;
}

/** Each line of `lines` cut into code and comment spans (together the whole line). */
export function commentSpans(lines: readonly string[]): Span[][] {
  let inBlock = false;
  return lines.map((l) => {
    const spans: Span[] = [];
    let start = 0;
    const cut = (end: number, comment: boolean) => {
      if (end > start) spans.push({ text: l.slice(start, end), comment });
      start = end;
    };
    let quote = '';
    for (let i = 0; i < l.length; i++) {
      const two = l.slice(i, i + 2);
      if (inBlock) {
        if (two === '*/') {
          cut(i + 2, true);
          inBlock = false;
          i++;
        }
      } else if (quote) {
        if (l[i] === '\\') i++;
        else if (l[i] === quote) quote = '';
      } else if (l[i] === '"' || l[i] === "'") quote = l[i];
      else if (two === '//') {
        cut(i, false);
        cut(l.length, true);
        break;
      } else if (two === '/*') {
        cut(i, false);
        inBlock = true;
        i++;
      }
    }
    cut(l.length, inBlock);
    return spans;
  });
}

/** The column (in characters) where a comment span's words start: after its opening
 *  mark (`/*`, `//`, a block comment's leading `*`) and the spaces that follow. */
export function commentTextStart(span: string): number {
  return /^\s*(\/\*+|\/\/+|\*(?!\/))?\s*/.exec(span)?.[0].length ?? 0;
}
