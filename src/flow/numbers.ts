// Largest and smallest of a list without spreading it into arguments: a big diagram's
// lists (dummy nodes of long edges) can be longer than the engine's argument limit.

export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let m = floor;
  for (const v of values) if (v > m) m = v;
  return m;
}

export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let m = ceiling;
  for (const v of values) if (v < m) m = v;
  return m;
}
