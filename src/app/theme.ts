// Tones to terminal attributes. With colour: colours; without (NO_COLOR): bold and
// inverse only, so the highlighted step and the active part of the flow still stand out.
import type { TextProps } from 'ink';
import type { UiTone } from './styled.js';

const COLOUR: Record<UiTone, TextProps> = {
  plain: {},
  frame: { color: 'gray' },
  title: { bold: true },
  label: { color: 'cyan' },
  active: { color: 'yellow', bold: true, inverse: true },
  done: { color: 'green' },
  dim: { dimColor: true },
  error: { color: 'red', bold: true },
  key: { color: 'cyan', bold: true },
  selected: { inverse: true },
  ok: { color: 'green', bold: true },
};

const MONO: Record<UiTone, TextProps> = {
  plain: {},
  frame: {},
  title: { bold: true },
  label: {},
  active: { bold: true, inverse: true },
  done: { bold: true },
  dim: {},
  error: { bold: true },
  key: { bold: true },
  selected: { inverse: true },
  ok: { bold: true },
};

export function toneProps(tone: UiTone, color: boolean): TextProps {
  return (color ? COLOUR : MONO)[tone];
}
