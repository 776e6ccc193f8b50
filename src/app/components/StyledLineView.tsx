// One line of toned runs, already fitted to its width, as a single Ink <Text>.
// Memoized on the finished string: an unchanged line is not touched again, so Ink
// neither re-measures nor re-lays it out when something else on the screen changes.
import React, { memo } from 'react';
import { Text } from 'ink';
import { type Line, lineWidth, screenLine } from '../styled.js';
import { lineToAnsi } from '../theme.js';

const AnsiLine = memo(function AnsiLine({ text }: { text: string }) {
  return <Text wrap="truncate">{text}</Text>;
});

/** `ascii` (--ascii): typographic symbols as ASCII, the line kept to the width it was fitted to. */
export function StyledLineView({ line, color, ascii }: { line: Line; color: boolean; ascii: boolean }) {
  return <AnsiLine text={lineToAnsi(ascii ? screenLine(line, lineWidth(line), true) : line, color)} />;
}
