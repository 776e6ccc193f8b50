// What the store needs from outside: the lessons and their engine, the kernel, the
// progress file, the C sources and the flow library. src/app/deps.ts wires the real ones.
import type { Lang } from '../../lang.js';
import type { Lesson, LessonRun } from '../../lessons/types.js';
import type { QueueRecord, SegmentRecord, SemaphoreRecord, ShmidDs } from '../../native/types.js';
import type { Highlight, LegendMarks, StyledLine } from '../../flow/types.js';
import type { PlaySession } from '../../play/types.js';
import type { Progress } from '../progress.js';

/** What the state panel needs from the kernel. Reading it never changes what ipcs shows. */
export interface KernelView {
  /** the raw text of /proc/sysvipc/{shm,msg,sem}: compared to skip all work while nothing changed */
  procText(): string;
  segments(): SegmentRecord[];
  /** ipclab's queues, as ipcs -q lists them */
  queues(): QueueRecord[];
  /** ipclab's semaphore sets with each semaphore (semctl), as ipcs -s -i shows them */
  semaphores(): SemaphoreRecord[];
  /** IPC_STAT, or null when it failed (segment gone) */
  stat(shmid: number): ShmidDs | null;
  /** the one cleanup routine shared with the signal handlers */
  cleanupNow(): void;
  /** ends the lesson's helper processes (SIGCONT, SIGTERM, then SIGKILL), so a step waiting on one fails at once */
  endHelpers(): void;
}

/** The part of src/flow the screen uses (loaded after the first frame). */
export interface DiagramRenderer {
  renderDiagram(name: string, options: { width?: number; ascii?: boolean; lang?: Lang; family?: readonly string[] }): { width: number; height: number; title?: string; lines(highlight?: Highlight): StyledLine[]; geometry?: { frames: ReadonlyMap<string, { x: number; y: number; w: number; h: number }>; boxes?: ReadonlyMap<string, { x: number; y: number; w: number; h: number }>; edges?: ReadonlyMap<string, { cells?: readonly (readonly [number, number])[]; label: { x: number; y: number; w: number; h: number } | null }> } };
  /** the label of an edge of a shipped diagram as written (undefined: no such edge): one act
   *  drawn in two of a lesson's diagrams has the same id and label */
  edgeLabel?(name: string, id: string): string | null | undefined;
  /** the key to the line styles of a lit diagram and to the `marks` its lesson's drawings show ("?", dotted frames, a line through a frame) */
  legend(lang: Lang, ascii: boolean, marks?: LegendMarks, room?: number): StyledLine;
}

/** Bytes of the segment in focus as the Kernel pane dumps them: from byte `at` of its `size`. */
export interface Dump {
  shmid: number;
  at: number;
  size: number;
  bytes: Uint8Array;
}

export interface AppDeps {
  lessons: Lesson[];
  startLesson(lesson: Lesson, lang?: () => Lang): LessonRun;
  kernel: KernelView;
  /** `length` bytes of a segment from `offset`, through an attachment already held (native peekAttached); null when none is */
  peek(shmid: number, length: number, offset: number): Dump | null;
  readCode(file: string): string | null;
  progress: { load(): Progress; save(p: Progress): void; clear(): void };
  loadFlow(): Promise<DiagramRenderer>;
  /** the playground: a session in the learner's language and look (--ascii: its dump's marks; src/play, loaded when first opened),
   *  its history file, and the progress file's list of solved challenges */
  play: { start(lang: Lang, ascii: boolean): Promise<PlaySession>; loadHistory(): string[]; saveHistory(lines: readonly string[]): void; solved(id: string): void };
}
