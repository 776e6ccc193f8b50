// A framed pane of fixed size: title in the top border, a sign in the border
// whenever lines are hidden above or below, every line exactly as wide as the pane.
import React from 'react';
import { Box } from 'ink';
import type { Line } from '../styled.js';
import { StyledLineView } from './StyledLineView.js';
import { bodyLine, bottomBorder, frameChars, topBorder } from './frame.js';
import { windowOf } from '../text-fit.js';

export interface PanelProps {
  title: string;
  width: number;
  height: number;
  /** all content lines; the panel shows the window starting at `offset` */
  lines: readonly Line[];
  offset?: number;
  focused?: boolean;
  ascii: boolean;
  color: boolean;
  moreWord: string;
  /** the keys that scroll this pane, shown beside the "more" signs */
  keys?: { up: string; down: string };
}

export function Panel({ title, width, height, lines, offset = 0, focused = false, ascii, color, moreWord, keys }: PanelProps) {
  const c = frameChars(ascii);
  const inner = Math.max(0, height - 2);
  const win = windowOf(lines, inner, offset);
  const body = [...win.shown];
  while (body.length < inner) body.push([]);
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      <StyledLineView line={topBorder(title, focused, win.above, width, c, moreWord, keys?.up)} color={color} />
      {body.map((l, i) => (
        <StyledLineView key={i} line={bodyLine(l, width, c)} color={color} />
      ))}
      <StyledLineView line={bottomBorder(win.below, width, c, moreWord, keys?.down)} color={color} />
    </Box>
  );
}

/** The largest useful offset for `count` lines in a panel of `height` rows. */
export function maxOffset(count: number, height: number): number {
  return Math.max(0, count - Math.max(0, height - 2));
}
