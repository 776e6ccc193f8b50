// The next lesson's diagrams drawn ahead, while the learner reads the end of this one: a lesson
// opened drew all of its diagrams in its first frame (layoutFor measures them; the Flow pane
// draws the first), ~0.5-2 s of layout for shmat or overview, with "running…" on the status
// line (issue 16 item 17: ~3 s after Enter at a lesson's end, 120x34 zh). renderDiagram keeps
// each drawing (src/flow/diagrams.ts), so the frame that opens the lesson finds them drawn.
import type { Lang } from '../lang.js';
import type { Lesson } from '../lessons/types.js';
import type { DiagramRenderer } from './store/deps.js';

/** Draws `lesson`'s diagrams at `width`, as the Flow pane and the layout will, one per turn of
 *  the event loop after `delayMs`: a key pressed meanwhile waits for one drawing at most, not all
 *  of them. Returns what stops it (a lesson, size or language changed first). */
export function warmDiagrams(flow: DiagramRenderer, lesson: Lesson, width: number, ascii: boolean, lang: Lang, delayMs = 300): () => void {
  const names = [...lesson.diagrams];
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    const name = names.shift();
    if (name === undefined) return;
    try {
      flow.renderDiagram(name, { width, ascii, lang, family: lesson.diagrams });
    } catch {
      // a diagram that cannot be drawn says so when its pane draws it
    }
    timer = setTimeout(next, 0);
  };
  timer = setTimeout(next, delayMs);
  return () => clearTimeout(timer);
}
