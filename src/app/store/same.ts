// Content comparisons: the store keeps its own value of a field whose content did not
// change, since components select these fields and a new but equal array or object
// would draw the same screen again (a React commit and a full Ink frame each).
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a === b || (a.length === b.length && a.every((v, i) => v === b[i]));
}

export function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
