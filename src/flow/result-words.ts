// A result in a diagram's label: an errno (EINVAL), the signal a bad access ends in
// (SIGSEGV) or a count of mappings (the 0 of "nattch 0"). A lesson may ask the learner to predict one, so the flow pane can show it as
// "?" until the step that gets it has run (Highlight.masked).

/** An errno or a fault signal, as a whole word, or the number after "nattch ". */
export const RESULT_WORD = /(?<![A-Za-z0-9_])(?:E[A-Z]{2,}|SIGSEGV|SIGBUS)(?![A-Za-z0-9_])|(?<=nattch )\d+/g;

/** The results `label` names, in order. */
export function resultWords(label: string): string[] {
  return label.match(RESULT_WORD) ?? [];
}
