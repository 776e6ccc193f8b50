// The lesson pane's one rule for inline code: lesson texts mark code with backticks
// (`ipcs -m`, as README's table shows them); the pane shows the code without them,
// since a terminal line has no code font and raw backticks read as noise.

/** `text` with the backticks around inline code taken away. */
export function lessonText(text: string): string {
  return text.replace(/`([^`\n]+)`/g, '$1');
}
