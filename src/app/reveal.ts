// Presenter mode reveals a step's text one unit at a time: its lines, and within a
// long line its sentences (Chinese or Latin punctuation).
export function revealUnits(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[。！？；]|[.!?;](?=\s))\s*/u))
    .map((s) => s.trim())
    .filter(Boolean);
}
