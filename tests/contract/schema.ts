// docs/PROTOCOL.md's JSON formats as a checker: every field it documents with its
// type, required or optional, and no field it does not document (so the document stays
// whole). checkRunLine, checkIpcs and checkLessons return the problems, [] when none.

type Check = (v: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const int: Check = (v) => Number.isInteger(v);
const bool: Check = (v) => typeof v === 'boolean';
const nullable =
  (c: Check): Check =>
  (v) =>
    v === null || c(v);
const list =
  (c: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(c);
const match =
  (re: RegExp): Check =>
  (v) =>
    typeof v === 'string' && re.test(v);
const is =
  (value: unknown): Check =>
  (v) =>
    v === value;

interface Shape {
  required: Record<string, Check>;
  optional?: Record<string, Check>;
}

/** The problems of `value` against `shape`, each naming the field at `where`. */
function problems(value: unknown, shape: Shape, where: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${where}: not an object`];
  const o = value as Record<string, unknown>;
  const out: string[] = [];
  for (const [k, check] of Object.entries(shape.required)) {
    if (!(k in o)) out.push(`${where}.${k}: missing`);
    else if (!check(o[k])) out.push(`${where}.${k}: ${JSON.stringify(o[k])} is not as documented`);
  }
  for (const [k, v] of Object.entries(o)) {
    if (k in shape.required) continue;
    const check = shape.optional?.[k];
    if (!check) out.push(`${where}.${k}: not documented`);
    else if (!check(v)) out.push(`${where}.${k}: ${JSON.stringify(v)} is not as documented`);
  }
  return out;
}

const shaped =
  (shape: Shape): Check =>
  (v) =>
    problems(v, shape, '').length === 0;

const bilingual = shaped({ required: { en: str, zh: str } });
const key = match(/^0x[0-9a-f]{8}$/);
const perms = match(/^[0-7]{3}$/);

const segment = shaped({
  required: { key, shmid: int, owner: str, perms, size: int, nattch: int, cpid: int, lpid: int, status: list(str), atime: int, dtime: int, ctime: int, ours: bool },
});
const ids = { uid: int, gid: int, cuid: int, cgid: int };
const queue = shaped({ required: { key, msqid: int, owner: str, perms, usedBytes: int, messages: int, lspid: int, lrpid: int, ...ids, stime: int, rtime: int, ctime: int, ours: bool } });
const semaphoreValue = shaped({ required: { semnum: int, semval: int, sempid: int, semncnt: int, semzcnt: int } });
const semaphore = shaped({
  required: { key, semid: int, owner: str, perms, nsems: int, ...ids, otime: int, ctime: int, ours: bool, sems: nullable(list(semaphoreValue)), semsError: nullable(match(/^E[A-Z0-9]+$/)) },
});

/** Lines of a step carry its id; those of the final clean-up do not. */
const inStep = { step: str };

const RUN_LINES: Record<string, Shape> = {
  lesson: { required: { type: str, id: str, schema: is(1), title: bilingual, steps: int } },
  call: {
    required: { type: str, pid: int, call: str, c: str, ret: (v) => int(v) || str(v), errno: nullable(match(/^E[A-Z0-9]+$/)), message: nullable(str), at: num },
    optional: { retText: str, ...inStep },
  },
  output: { required: { type: str, pid: int, command: str, text: str, exitCode: nullable(int), at: num }, optional: inStep },
  event: { required: { type: str, pid: int, text: bilingual, at: num }, optional: inStep },
  refused: { required: { type: str, pid: int, text: str, at: num }, optional: { reason: bilingual, ...inStep } },
  death: { required: { type: str, pid: int, what: str, death: shaped({ required: { signal: nullable(str), code: nullable(int) } }), at: num }, optional: inStep },
  checkpoint: {
    required: { type: str, lesson: str, step: str, question: bilingual, choices: list((v) => num(v) || bilingual(v)), answer: int, explanation: bilingual },
  },
  measure: { required: { type: str, what: is('lost updates'), lock: (v) => ['none', 'semaphore', 'atomic'].includes(v as string), value: int, of: int, ms: int } },
  step: { required: { type: str, id: str, title: bilingual, ok: bool, problems: list(str) } },
  state: { required: { type: str, segments: list(segment) } },
  end: { required: { type: str, ok: bool, leaked: list(segment) }, optional: { leakedQueues: list(queue), leakedSemaphores: list(semaphore) } },
};

export function checkRunLine(line: unknown, where: string): string[] {
  const type = (line as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !(type in RUN_LINES)) return [`${where}: type ${JSON.stringify(type)} is not documented`];
  return problems(line, RUN_LINES[type], `${where} (${type})`);
}

/** All of one `run ID --json`: each line, the lesson line first and the end line last. */
export function checkRun(stdout: string, id: string): string[] {
  if (!stdout.endsWith('\n')) return [`${id}: the output does not end with a newline`];
  const lines = stdout.slice(0, -1).split('\n');
  const out: string[] = [];
  const parsed = lines.map((text, i) => {
    try {
      return JSON.parse(text) as { type?: string };
    } catch {
      out.push(`${id} line ${i + 1}: not JSON`);
      return null;
    }
  });
  parsed.forEach((o, i) => o && out.push(...checkRunLine(o, `${id} line ${i + 1}`)));
  if (parsed[0]?.type !== 'lesson') out.push(`${id}: the first line is not the lesson line`);
  if (parsed.at(-1)?.type !== 'end' || parsed.filter((o) => o?.type === 'end').length !== 1) out.push(`${id}: the end line is not last, once`);
  return out;
}

export function checkIpcs(value: unknown): string[] {
  return problems(value, { required: { schema: is(1), segments: list(segment), queues: list(queue), semaphores: list(semaphore) } }, 'ipcs');
}

const lesson: Shape = {
  required: {
    id: str,
    schema: is(1),
    title: bilingual,
    steps: list(shaped({ required: { id: str, title: bilingual } })),
    diagrams: list(str),
    code: list(shaped({ required: { path: str, kind: (v) => v === 'program' || v === 'check' || v === 'header' } })),
  },
};

export function checkLessons(value: unknown): string[] {
  if (!Array.isArray(value)) return ['lessons: not an array'];
  return value.flatMap((l, i) => problems(l, lesson, `lessons[${i}]`));
}

const PLAY_LINES: Record<string, Shape> = {
  play: { required: { type: str, schema: is(1), source: str, challenge: nullable(str) } },
  call: { required: { ...RUN_LINES.call.required, line: int }, optional: { retText: str } },
  text: { required: { type: str, line: int, kind: (v) => ['result', 'meaning', 'view', 'info'].includes(v as string), text: str } },
  error: { required: { type: str, line: int, message: str }, optional: { col: int, refused: is(true) } },
  challenge: { required: { type: str, id: str, solved: bool, used: int, par: int, missing: list(str) } },
  end: RUN_LINES.end,
};

/** All of one `play FILE --json`: each line, the play line first and the end line last. */
export function checkPlay(stdout: string): string[] {
  if (!stdout.endsWith('\n')) return ['play: the output does not end with a newline'];
  const parsed = stdout
    .slice(0, -1)
    .split('\n')
    .map((text) => JSON.parse(text) as { type?: string });
  const out = parsed.flatMap((o, i) => (typeof o.type === 'string' && o.type in PLAY_LINES ? problems(o, PLAY_LINES[o.type], `play line ${i + 1} (${o.type})`) : [`play line ${i + 1}: type ${JSON.stringify(o.type)} is not documented`]));
  if (parsed[0]?.type !== 'play') out.push('play: the first line is not the play line');
  if (parsed.at(-1)?.type !== 'end' || parsed.filter((o) => o.type === 'end').length !== 1) out.push('play: the end line is not last, once');
  return out;
}

export function checkChallenges(value: unknown): string[] {
  const challenge = shaped({ required: { id: str, title: bilingual, goal: bilingual, par: int, solved: bool } });
  return problems(value, { required: { schema: is(1), challenges: list(challenge) } }, 'challenges');
}
