// A framed pane of fixed size: title in the top border, a sign in the border
// whenever lines are hidden above or below, every line exactly as wide as the pane,
// drawn as the store says (language of the signs, --ascii, colour).
// The sides are Ink's own border and the body is one text block: English content
// stays plain ASCII, which keeps Ink's per-frame measuring on its fast path.
import React, { memo } from 'react';
import { Box, Text } from 'ink';
import { useAppState, useLook } from '../context.js';
import type { Line } from '../styled.js';
import { isRule, screenLine, trimEnd } from '../styled.js';
import { lineToAnsi } from '../theme.js';
import { StyledLineView } from './StyledLineView.js';
import { bottomBorder, frameChars, topBorder } from './frame.js';
import { proseWidth, windowOf } from '../text-fit.js';

export interface PanelProps {
  title: string;
  width: number;
  height: number;
  /** all content lines; the panel shows the window starting at `offset` */
  lines: readonly Line[];
  offset?: number;
  focused?: boolean;
  /** said beside the "more" signs: the keys that scroll this pane, or what is out of view */
  keys?: { up: string; down: string };
  /** lines hidden above and below when the caller windowed `lines` itself */
  hidden?: { above: number; below: number };
  /** said on the bottom border: the pane's state (zoomed, and the key back) */
  footer?: string;
}

const Body = memo(function Body({ text, width, height, ascii, color }: { text: string; width: number; height: number; ascii: boolean; color: boolean }) {
  return (
    <Box
      width={width}
      height={height}
      borderStyle={ascii ? 'classic' : 'single'}
      borderTop={false}
      borderBottom={false}
      borderColor={color ? 'gray' : undefined}
      flexShrink={0}
    >
      <Text wrap="truncate">{text}</Text>
    </Box>
  );
});

/** The cells a Panel of `width` gives each line of text: one column is kept blank before the
 *  right border (proseWidth), in every pane by this one rule; a line drawn in the frame's
 *  tone alone (the Trace's rule before a step) is part of the frame and runs to the border. */
export function textRoom(width: number): number {
  return proseWidth(width - 2);
}

/** The mark the pane in focus says after its title ('' for any other): where several panes share
 *  the screen (the lesson screen side by side; with tabs the tab bar's [Kernel] marks the one
 *  shown), Tab moves the focus, z zooms it, and reverse video alone went unseen (issue 16 pass 6).
 *  A pane that chooses its title by its room (FlowPane, CodePane) leaves the mark its room. */
export function useFocusMark(focused: boolean): string {
  const { s } = useLook();
  const shared = useAppState((st) => !st.tabs && !st.zoomed && st.overlay === 'none' && st.screen === 'lesson');
  return focused && shared ? s.focusMark : '';
}

export function Panel({ title, width, height, lines, offset = 0, focused = false, keys, hidden, footer }: PanelProps) {
  const { ascii, color, s } = useLook();
  const mark = useFocusMark(focused);
  const c = frameChars(ascii);
  const inner = Math.max(0, height - 2);
  const win = hidden ? { shown: lines.slice(0, inner), ...hidden } : windowOf(lines, inner, offset);
  // no padding: the frame's right side is Ink's border, and every blank cell Ink is
  // not given is one it does not have to measure and copy on each redraw
  const room = textRoom(width);
  const body: string[] = win.shown.map((l) => lineToAnsi(trimEnd(screenLine(l, isRule(l) ? width - 2 : room, ascii)), color));
  while (body.length < inner) body.push('');
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      <StyledLineView line={topBorder(title, focused, win.above, width, c, s.more, keys?.up, mark)} color={color} ascii={ascii} />
      <Body text={body.join('\n')} width={width} height={inner} ascii={ascii} color={color} />
      <StyledLineView line={bottomBorder(win.below, width, c, s.more, keys?.down, footer)} color={color} ascii={ascii} />
    </Box>
  );
}
