// One line of toned runs, already fitted to its width, as a single Ink <Text>.
// Memoized on the finished string: an unchanged line is not touched again, so Ink
// neither re-measures nor re-lays it out when something else on the screen changes.
import React, { memo } from 'react';
import { Text } from 'ink';
import type { Line } from '../styled.js';
import { lineToAnsi } from '../theme.js';

const AnsiLine = memo(function AnsiLine({ text }: { text: string }) {
  return <Text wrap="truncate">{text}</Text>;
});

export function StyledLineView({ line, color }: { line: Line; color: boolean }) {
  return <AnsiLine text={lineToAnsi(line, color)} />;
}
