// Presenter mode reveals a step's text one unit at a time: its lines, and within a
// long line its sentences (Chinese or Latin punctuation).
const SENTENCE_END = /(?<=[。！？；]|[.!?;](?=\s))\s*/u;

function lineUnits(line: string): string[] {
  return line
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function revealUnits(text: string): string[] {
  return text.split('\n').flatMap(lineUnits);
}

/** The text with only its first `count` units, laid out as written: sentences of one
 *  line stay one paragraph (joined by a space after Latin punctuation, by nothing
 *  after Chinese), so revealing never changes how the text wraps. */
export function revealText(text: string, count: number): string {
  const out: string[] = [];
  let left = count;
  for (const line of text.split('\n')) {
    if (left <= 0) break;
    const units = lineUnits(line).slice(0, left);
    left -= units.length;
    out.push(units.reduce((acc, u) => (acc === '' ? u : `${acc}${/[。！？；]$/u.test(acc) ? '' : ' '}${u}`), ''));
  }
  return out.join('\n');
}
