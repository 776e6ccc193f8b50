// One line of toned runs as Ink <Text>; the runs are already fitted to the width.
import React from 'react';
import { Text } from 'ink';
import type { Line } from '../styled.js';
import { toneProps } from '../theme.js';

export function StyledLineView({ line, color }: { line: Line; color: boolean }) {
  return (
    <Text wrap="truncate">
      {line.map((r, i) => (
        <Text key={i} {...toneProps(r.tone, color)}>
          {r.text}
        </Text>
      ))}
    </Text>
  );
}
