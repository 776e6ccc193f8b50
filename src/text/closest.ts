// The known word a mistyped one most likely meant, for "did you mean" in usage errors.

/** Edits (insert, delete, change, swap two neighbours) from a to b. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The candidate nearest to `word` (case aside), or null when none is near enough to
 *  be a typo: at most a third of the word's letters off (at least one), or the word is
 *  the start of exactly one candidate. */
export function closest(word: string, candidates: readonly string[]): string | null {
  const w = word.toLowerCase();
  const starts = candidates.filter((c) => w.length >= 2 && c.startsWith(w));
  if (starts.length === 1) return starts[0];
  let best: string | null = null;
  let bestDistance = Math.max(1, Math.floor(w.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}
