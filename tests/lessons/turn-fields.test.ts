// The your-turn fields: each kind's parser takes what C would take and refuses the rest
// with one line in both languages naming what to type; every single-process lesson has
// a turn, and `ipclab check`'s validator catches a turn without limits or texts.
import { describe, expect, it } from 'vitest';
import { LESSONS, lessonById } from '../../src/lessons/index.js';
import { defaultTyped, describeValues, parseField, parseTurn, type FieldKind, type Turn, type TurnField } from '../../src/lessons/turn/fields.js';
import { errnoWhy, ERRNO_WHY } from '../../src/lessons/turn/errno-why.js';
import { validateLessons } from '../../src/lessons/validate.js';
import type { Lesson } from '../../src/lessons/types.js';

const field = (kind: FieldKind, def = ''): TurnField => ({ name: 'f', label: { en: 'f', zh: '字段' }, kind, default: def });
const parse = (kind: FieldKind, typed: string) => parseField(field(kind), typed);
const value = (kind: FieldKind, typed: string) => {
  const p = parse(kind, typed);
  return p.ok ? p.value : `error: ${p.error.en}`;
};
const error = (kind: FieldKind, typed: string) => {
  const p = parse(kind, typed);
  if (p.ok) throw new Error(`'${typed}' was accepted`);
  return p.error;
};

const NUMBER: FieldKind = { kind: 'number', min: 0, max: 4095, unit: { en: 'bytes', zh: '字节' } };
const FLAGS: FieldKind = { kind: 'flags', bits: [{ name: 'IPC_CREAT', value: 0o1000 }, { name: 'IPC_EXCL', value: 0o2000 }], maxMode: 0o777 };

describe('field parsers', () => {
  it('number: decimal and hex within the limits; anything else says the range', () => {
    expect([value(NUMBER, '0'), value(NUMBER, ' 4095 '), value(NUMBER, '0x10')]).toEqual([0, 4095, 16]);
    for (const bad of ['', '4096', '-1', '1.5', '12abc', '1e3']) expect(error(NUMBER, bad).en).toContain('type a whole number from 0 to 4095 (bytes), decimal or 0x hex');
    expect(error(NUMBER, 'x').zh).toContain('0 到 4095');
  });

  it('every field of every lesson: an error is one line, says what is wrong and what to type, and no reason in nested parentheses', () => {
    const nested = /\([^)]*\(|（[^）]*（/;
    for (const lesson of LESSONS) {
      for (const step of lesson.steps) {
        for (const f of step.turn?.fields ?? []) {
          for (const typed of ['', 'xyz', '99999999999999999999', 'IPC_CREATE', '你好吗', 'a'.repeat(65)]) {
            const p = parseField(f, typed);
            if (p.ok) continue;
            for (const text of [p.error.en, p.error.zh]) {
              expect(text, `${lesson.id}/${step.id} ${f.name} '${typed}'`).not.toMatch(nested);
              expect(text.length - typed.length, text).toBeLessThanOrEqual(110);
              if (f.help) expect(text, 'the help is said under the field, not in its errors').not.toContain(f.help.en.slice(0, 12));
            }
          }
        }
      }
    }
  });

  it('flags: names and an octal mode joined by |; a typo gets a did-you-mean, 8 and 9 are not octal', () => {
    expect([value(FLAGS, 'IPC_CREAT|IPC_EXCL|0600'), value(FLAGS, 'IPC_CREAT | 0640'), value(FLAGS, '0')]).toEqual([0o3600, 0o1640, 0]);
    // C's names are case-sensitive: a lowercase name is refused, with the name C knows
    expect(error(FLAGS, 'ipc_creat|0640').en).toBe("f: no flag is named 'ipc_creat' (C's names are case-sensitive); did you mean IPC_CREAT?");
    // C reads 600 as decimal: the form says so rather than read it as octal
    expect(error(FLAGS, 'IPC_CREAT|600').en).toBe('f: in C, 600 (no leading 0) is decimal, 01130 in octal; write the mode as 0600');
    expect(error(FLAGS, '600').zh).toBe('字段：C 里不以 0 开头的 600 是十进制数，即八进制 01130；权限要写成 0600');
    // any number without its leading 0 is C's decimal, said so, whatever its digits (newcomers: 7777 was called 'above 0777')
    expect(error(FLAGS, '7777').en).toBe('f: in C, 7777 (no leading 0) is decimal (017141 in octal), above 0777; write the mode in octal, like 0600');
    expect(error(FLAGS, 'IPC_CREAT|384').en).toBe('f: in C, 384 (no leading 0) is decimal, 0600 in octal; write the mode as 0600');
    expect(error(FLAGS, '800').en).toContain('in C, 800 (no leading 0) is decimal (01440 in octal), above 0777');
    // one digit reads the same in decimal and octal
    expect(value(FLAGS, 'IPC_CREAT|6')).toBe(0o1006);
    expect(error(FLAGS, '-1').en).toContain('f: -1 is negative, and flags and modes never are');
    expect(error(FLAGS, 'IPC_CREATE|0600').en).toContain('did you mean IPC_CREAT?');
    expect(error(FLAGS, '0680').en).toContain('not octal');
    expect(error(FLAGS, '01000').en).toContain('above 0777');
    expect(error(FLAGS, 'IPC_CREAT||0600').zh).toContain('两个 | 之间缺少内容');
    expect(error(FLAGS, 'FOO').en).toBe("f: no flag is named 'FOO'; type flag names and an octal mode joined by | (like IPC_CREAT|IPC_EXCL|0600)");
    // a near name is the one thing to type: the line ends there
    expect(error(FLAGS, 'IPC_CREATE|0600').zh).toBe('字段：没有叫“IPC_CREATE”的标志；你是想写 IPC_CREAT 吗？');
  });

  it('flags with a mode only (shmctl IPC_SET): the hint names a mode, nothing to join by |', () => {
    const MODE: FieldKind = { kind: 'flags', bits: [], maxMode: 0o777 };
    expect(value(MODE, '0604')).toBe(0o604);
    const e = error(MODE, '01000');
    expect(error(MODE, '0999').en).toBe('f: 0999 is not octal; a mode has digits 0 to 7 only, like 0600');
    expect(e.en).toContain('type an octal mode up to 0777 (like 0640)');
    expect(e.zh).toContain('请输入不超过 0777 的八进制权限（如 0640）');
    for (const t of [e.en, e.zh]) expect(t).not.toContain('|');
    // it takes no names: a mode as ls writes it is turned into the octal to type
    expect(error(MODE, 'rw-r-----').en).toBe("f: 'rw-r-----' is how ls writes a mode; in C it is octal: 0640");
    expect(error(MODE, 'IPC_CREAT').en).toBe("f: 'IPC_CREAT' is not an octal mode; type an octal mode up to 0777 (like 0640)");
  });

  it('char: one printable ASCII character, or any C int (decimal, negative, 0x hex, octal), kept as typed; a low byte of 0 refused, saying why', () => {
    expect(value({ kind: 'char' }, 'S')).toBe(0x53);
    for (const bad of ['', 'ST', '你', ' ', 'é']) expect(error({ kind: 'char' }, bad).en).toContain('type one letter, digit or sign');
    expect(error({ kind: 'char' }, 'é').en).toContain("'é' is not ASCII");
    expect(value({ kind: 'char' }, '65')).toBe(65);
    expect(value({ kind: 'char' }, '0x41')).toBe(0x41);
    expect(value({ kind: 'char' }, '0X1')).toBe(1);
    expect(value({ kind: 'char' }, '255')).toBe(255);
    // a lone digit is the character, as '7' in C
    expect(value({ kind: 'char' }, '7')).toBe(0x37);
    // kept as the C int it is (ftok keeps the low 8 bits, and the lesson says so)
    expect(['321', '-1', '0x141', '0101', '-191', '1000'].map((t) => value({ kind: 'char' }, t))).toEqual([321, -1, 0x141, 0x41, -191, 1000]);
    for (const zero of ['256', '0x100', '0x0', '-256', '00']) expect(error({ kind: 'char' }, zero).en).toMatch(/keeps a low byte of 0; man 3 ftok asks for a nonzero id, and glibc would make the key's top byte 0; type one whose low 8 bits are not 0, such as S or 65$/);
    expect(error({ kind: 'char' }, '4294967296').en).toContain('does not fit in an int');
    for (const bad of ['0x', '1.5', '09', '--1']) expect(error({ kind: 'char' }, bad).en).toContain('or an int (65, 0x41, -1)');
  });

  it('text: bytes of UTF-8 counted, control characters refused', () => {
    const kind: FieldKind = { kind: 'text', maxBytes: 6 };
    expect(value(kind, '你好')).toBe('你好');
    expect(error(kind, '你好a').en).toContain('7 bytes; type at most 6 (a Chinese character is 3 bytes)');
    expect(error(kind, 'a\tb').en).toContain('control characters');
  });

  it('choice: by name or its start', () => {
    const kind: FieldKind = { kind: 'choice', choices: [{ value: 'keep', label: { en: 'k', zh: 'k' } }, { value: 'delete', label: { en: 'd', zh: 'd' } }] };
    expect([value(kind, 'keep'), value(kind, 'DEL')]).toEqual(['keep', 'delete']);
    expect(error(kind, 'x').en).toContain('pick one with ← →');
  });

  it("a text field's limit is its bytes, the one its form states; another kind refuses more than 64 characters before parsing", () => {
    expect(value({ kind: 'text', maxBytes: 256 }, 'a'.repeat(256))).toBe('a'.repeat(256));
    expect(error({ kind: 'text', maxBytes: 256 }, '汉'.repeat(90)).en).toContain('270 bytes; type at most 256');
    expect(value({ kind: 'text', maxBytes: 256 }, '')).toBe('');
    expect(error(NUMBER, '1'.repeat(65)).en).toContain('at most 64 characters');
  });

  it('every error of every field of every lesson is "field: problem": one colon after the label, none after the value', () => {
    for (const lesson of LESSONS)
      for (const step of lesson.steps)
        for (const f of step.turn?.fields ?? [])
          for (const typed of ['', 'xyz', '-1', '-5', '99999999999999999999', 'IPC_CREATE', 'SEM_UNDO', '你好吗', '256', 'a'.repeat(300)]) {
            const p = parseField(f, typed);
            if (p.ok) continue;
            expect(p.error.en.startsWith(`${f.label.en}: `), p.error.en).toBe(true);
            expect(p.error.zh.startsWith(`${f.label.zh}：`), p.error.zh).toBe(true);
            // the rest holds no further "x: " or "x：" (a C value such as 0x41 has no colon)
            expect(p.error.en.slice(f.label.en.length + 2), p.error.en).not.toMatch(/: /);
            expect(p.error.zh.slice(f.label.zh.length + 1), p.error.zh).not.toMatch(/：/);
            expect(p.error.zh).not.toMatch(/单位：(类型|int|short|long)/);
          }
  });
});

describe('errno explanations', () => {
  it('every call a your-turn step makes has its errnos in both languages; another errno still gets a line', () => {
    for (const [call, table] of Object.entries(ERRNO_WHY)) {
      expect(Object.keys(table).length, call).toBeGreaterThan(0);
      for (const text of Object.values(table)) expect(text.en.length > 10 && text.zh.length > 4).toBe(true);
    }
    expect(errnoWhy('shmdt', 'ENOSYS').en).toContain('man 2 shmdt');
  });

  it('a why holds no colon: it follows "failed with ENOENT:", and two colons in a row read as a list', () => {
    const calls = ['shmget(IPC_PRIVATE, 0, 0600)', 'shmat(-1, NULL, 0)', 'shmat(3, NULL, SHM_REMAP)', 'x'];
    for (const [call, table] of Object.entries(ERRNO_WHY))
      for (const errno of Object.keys(table))
        for (const c of calls) {
          const why = errnoWhy(call as keyof typeof ERRNO_WHY, errno, c);
          expect(why.en, `${call} ${errno}`).not.toMatch(/: /);
          expect(why.zh, `${call} ${errno}`).not.toContain('：');
        }
  });

  // Each lesson form, with values that make the learner's call fail, the call in C as the
  // trace shows it and the errno: the why names the one cause the values show. A form whose
  // call cannot fail with the learner's values has no rows (and says why).
  type FormFailure = { typed: Record<string, string>; call: keyof typeof ERRNO_WHY; c: string; errno: string; names: RegExp };
  const FORM_FAILURES: Record<string, FormFailure[]> = {
    'shmget/size-zero': [
      { typed: { size: '0' }, call: 'shmget', c: 'shmget(IPC_PRIVATE, 0, 0600)', errno: 'EINVAL', names: /size 0 is below SHMMIN/ },
      { typed: { size: '4096' }, call: 'shmget', c: 'shmget(IPC_PRIVATE, 4096, 0600)', errno: 'EINVAL', names: /above SHMMAX/ },
    ],
    'ftok/same-key': [{ typed: { file: 'delete' }, call: 'ftok', c: 'ftok("/tmp/x", \'T\')', errno: 'ENOENT', names: /does not exist/ }],
    'shmat/bad-id': [
      { typed: { shmid: 'failed' }, call: 'shmat', c: 'shmat(-1, NULL, 0)', errno: 'EINVAL', names: /-1 is what a failed shmget returns/ },
      { typed: { shmid: 'segment', flags: 'SHM_REMAP' }, call: 'shmat', c: 'shmat(5, NULL, SHM_REMAP)', errno: 'EINVAL', names: /shmaddr is NULL/ },
      { typed: { shmid: 'segment', flags: 'SHM_EXEC' }, call: 'shmat', c: 'shmat(5, NULL, SHM_EXEC)', errno: 'EACCES', names: /SHM_EXEC/ },
    ],
    // the text is written into the mapping, bounds checked by the form: no call fails
    'shmdt/attach': [],
    // IPC_SET by the owner takes any mode up to 0777
    'shmctl/set': [],
    // mtype from 1 (fix28a#10) and a text that fits: the form leaves msgsnd nothing to refuse
    'msg/send': [],
    'msg/by-type': [
      { typed: { msgtyp: '0' }, call: 'msgrcv', c: 'msgrcv(3, &msg, 256, 0, IPC_NOWAIT)', errno: 'ENOMSG', names: /no message at all/ },
      { typed: { msgtyp: '7' }, call: 'msgrcv', c: 'msgrcv(3, &msg, 256, 7, IPC_NOWAIT)', errno: 'ENOMSG', names: /no queued message has type 7,/ },
      { typed: { msgtyp: '-2', msgsz: '0' }, call: 'msgrcv', c: 'msgrcv(3, &msg, 0, -2, IPC_NOWAIT)', errno: 'E2BIG', names: /more text than msgsz/ },
    ],
    'sem/create': [
      { typed: { val: '-1' }, call: 'semctl', c: 'semctl(3, 0, SETVAL, -1)', errno: 'ERANGE', names: /val -1 is negative/ },
      { typed: { val: '40000' }, call: 'semctl', c: 'semctl(3, 0, SETVAL, 40000)', errno: 'ERANGE', names: /val 40000 is above SEMVMX/ },
    ],
    'sem/nowait': [{ typed: { op: '-2', flg: 'IPC_NOWAIT' }, call: 'semop', c: 'semop(3, &(struct sembuf){0, -2, IPC_NOWAIT}, 1)', errno: 'EAGAIN', names: /the 2 that sem_op -2 takes away/ }],
  };

  it('given the values of a lesson form, the why of a failure names the one cause they show', () => {
    const forms = LESSONS.flatMap((l) => l.steps.filter((s) => s.turn).map((s) => [`${l.id}/${s.id}`, s.turn!] as const));
    // every form is in the table: a new form says what its values can make fail
    expect(forms.map(([id]) => id).sort()).toEqual(Object.keys(FORM_FAILURES).sort());
    for (const [id, turn] of forms)
      for (const f of FORM_FAILURES[id]) {
        const parsed = parseTurn(turn, { ...defaultTyped(turn), ...f.typed });
        if (!parsed.ok) throw new Error(`${id}: ${parsed.error.en}`);
        const why = errnoWhy(f.call, f.errno, f.c, parsed.values);
        expect(why.en, `${id} ${JSON.stringify(f.typed)}`).toMatch(f.names);
        // one cause: no list of alternatives
        expect(why.en, `${id} ${JSON.stringify(f.typed)}`).not.toMatch(/\bor\b/);
        expect(why.zh, `${id} ${JSON.stringify(f.typed)}`).not.toContain('或');
      }
  });

  it('a line that depends on the arguments: EINVAL of shmget(IPC_PRIVATE, ...) names no existing segment', () => {
    expect(errnoWhy('shmget', 'EINVAL', 'shmget(IPC_PRIVATE, 0, 0600)').en).not.toContain('exists');
    expect(errnoWhy('shmget', 'EINVAL', 'shmget(IPC_PRIVATE, 0, 0600)').zh).not.toContain('已存在');
    expect(errnoWhy('shmget', 'EINVAL', 'shmget(0x53001234, 8192, 0600)').en).toContain('exists and is smaller');
  });
});

describe('turns in the lessons', () => {
  it('every single-process lesson has a step with a turn', () => {
    for (const id of ['shmget', 'ftok', 'shmat', 'shmdt', 'shmctl']) expect(lessonById(id)!.steps.some((s) => s.turn), id).toBe(true);
  });

  it('the validator catches a field without limits, a label missing a language and a default its parser refuses', () => {
    const lessons: Lesson[] = LESSONS.map((l) => ({ ...l, steps: l.steps.map((s) => ({ ...s })) }));
    const shmget = lessons.find((l) => l.id === 'shmget')!;
    const i = shmget.steps.findIndex((s) => s.turn);
    shmget.steps[i] = {
      ...shmget.steps[i],
      turn: {
        say: { en: 'say', zh: '' },
        fields: [
          { name: 'size', label: { en: 'size', zh: '大小' }, kind: { kind: 'number', min: 10, max: 1, unit: { en: 'bytes', zh: '字节' } }, default: '5', help: { en: '0: none; N > 0: N bytes; a -> b', zh: '0：没有；N\u00a0>\u00a00：N 字节' } },
          { name: 'flags', label: { en: 'flags', zh: '' }, kind: FLAGS, default: 'IPC_CREATE' },
        ],
      },
    };
    const problems = validateLessons(lessons);
    expect(problems).toContain("lesson 'shmget' step 'size-zero' turn say: the zh text is missing or empty");
    expect(problems).toContain("lesson 'shmget' step 'size-zero' turn field 'size': limits 10..1 are not whole numbers in order");
    expect(problems).toContain("lesson 'shmget' step 'size-zero' turn field 'flags' label: the zh text is missing or empty");
    expect(problems.some((p) => p.startsWith("lesson 'shmget' step 'size-zero' turn field 'flags': its default 'IPC_CREATE' is refused"))).toBe(true);
    // "N > 0" with plain spaces may break between lines; with NO_BREAK spaces (zh) it may not; an arrow is no comparison
    const apart = problems.filter((p) => p.includes('a comparison'));
    expect(apart).toEqual([`lesson 'shmget' step 'size-zero' turn field 'size' help (en): a comparison (">") has plain spaces, where a line may break: join it with NO_BREAK spaces (src/text/cells.ts)`]);
  });

  it("the validator catches a question on a step whose learner's values stay that quotes the lesson's own value (shmctl's 0640)", () => {
    const lessons: Lesson[] = LESSONS.map((l) => ({ ...l, checkpoints: { ...l.checkpoints } }));
    const shmctl = lessons.find((l) => l.id === 'shmctl')!;
    expect(validateLessons(lessons).filter((p) => p.includes('yoursStay'))).toEqual([]);
    shmctl.checkpoints!.set = { ...shmctl.checkpoints!.set!, question: { en: 'After IPC_SET with mode 0640, what will ipcs show as perms?', zh: '用权限 0640 做 IPC_SET 之后，ipcs 的 perms 列显示什么？' } };
    expect(validateLessons(lessons)).toContain("lesson 'shmctl' step 'set': its learner's values stay (yoursStay), so its checkpoint is graded on their run and must fit any values: it quotes the lesson's own mode '0640'");
    shmctl.checkpoints!.set = { ...shmctl.checkpoints!.set!, choices: [{ en: 'perms 640', zh: 'perms 640' }, ...shmctl.checkpoints!.set!.choices.slice(1)] };
    expect(validateLessons(lessons)).toContain("lesson 'shmctl' step 'set': its learner's values stay (yoursStay), so its checkpoint is graded on their run and must fit any values: it quotes the lesson's own mode '640'");
  });

  it("values as a phrase: a label and its value joined by 为 ('大小为 100', 'id 为 'T''), a Chinese choice straight after a Chinese label ('文件不动')", () => {
    const turn = {
      say: { en: '', zh: '' },
      fields: [
        { name: 'id', label: { en: 'id', zh: 'id' }, kind: { kind: 'char' }, default: 'T' },
        { name: 'file', label: { en: 'file', zh: '文件' }, kind: { kind: 'choice', choices: [{ value: 'keep', label: { en: 'left as it is', zh: '不动' } }] }, default: 'keep' },
        { name: 'size', label: { en: 'size', zh: '大小' }, kind: NUMBER, default: '100' },
      ],
    } as unknown as Turn;
    const text = describeValues(turn, { id: 84, file: 'keep', size: 100 });
    expect(text.zh).toBe("id 为 'T'，文件不动，大小为 100");
    expect(text.en).toBe("id 'T', file left as it is, size 100");
    // a Latin label before a Chinese choice: 为 between them, not a bare space (shmat's "shmid shmget 失败返回的 -1")
    const shmid = { say: turn.say, fields: [{ name: 'shmid', label: { en: 'shmid', zh: 'shmid' }, kind: { kind: 'choice', choices: [{ value: 'failed', label: { en: "a failed shmget's -1", zh: 'shmget 失败返回的 -1' } }] }, default: 'failed' }] } as unknown as Turn;
    expect(describeValues(shmid, { shmid: 'failed' }).zh).toBe('shmid 为 shmget 失败返回的 -1');
  });
});
