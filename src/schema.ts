// The version of each JSON format ipclab prints, as docs/PROTOCOL.md describes it. A
// change a reader written against the old description could trip on (a field removed,
// renamed or retyped) takes the next number; adding a field does not.
export const SCHEMA = {
  /** on the `lesson` line, the first of `run ID --json` */
  run: 1,
  /** a top-level field of `ipcs --json` */
  ipcs: 1,
  /** on each lesson of `lessons --json` (the output stays an array for older readers) */
  lessons: 1,
  /** a top-level field of `challenges --json` */
  challenges: 1,
  /** on the `play` line, the first of `play FILE --json` */
  play: 1,
  /** a top-level field of `progress --json` (2: checkpoints' `asked` became `answered`, right or
   *  wrong only, and `aside` counts those not graded) */
  progress: 2,
} as const;
