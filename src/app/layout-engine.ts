// Ink's layout engine as the CommonJS bundle gives it (scripts/build.mjs maps Ink's
// `yoga-layout` here): yoga-layout's own entry awaits its WebAssembly at the top level,
// which CommonJS cannot. Ink only touches yoga as it lays out, so the object it imports
// is filled before that, by loadLayoutEngine (src/app/launch.ts). Run from src/ (tsx,
// vitest), Ink has its own yoga-layout and this object is filled but unused.
import { loadYoga } from 'yoga-layout/load';

type Yoga = Awaited<ReturnType<typeof loadYoga>>;

const yoga = {} as Yoga;
export default yoga;

let loading: Promise<void> | undefined;

export function loadLayoutEngine(): Promise<void> {
  loading ??= loadYoga().then((loaded) => {
    Object.assign(yoga, loaded);
  });
  return loading;
}
