// man/ipclab.1, rendered in roff from the same help documents as `--help` (help-doc.ts).
// scripts/man.ts writes it; tests/help fails when the committed page is stale.
import { commandDoc, headings, overviewDoc, type Entry, type Section } from './help-doc.js';
import { COMMANDS, namedCommands, TAGLINE } from './specs.js';

const H = headings('en');

/** Text as roff takes it: backslashes and hyphens escaped, `code` in bold, no line
 *  starting with a control character. */
function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/—/g, '\\(em')
    .replace(/`([^`]+)`/g, '\\fB$1\\fR')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

function entries(list: Entry[]): string[] {
  // a line of its own in --help (the default) is a line of its own here
  return list.flatMap((e) => ['.TP', `.B ${roff(e.term)}`, roff(e.text).replace(/\n/g, '\n.br\n')]);
}

function section(doc: { sections: Section[] }, title: string): Entry[] {
  return doc.sections.find((s) => s.title === title)?.entries ?? [];
}

/** A command's own part: what it does, its arguments, options and exit statuses. */
function commandPart(usage: string, text: string[], own: Section[]): string[] {
  return [
    `.SS ${roff(usage)}`,
    ...text.flatMap((t, i) => [...(i ? ['.PP'] : []), roff(t)]),
    ...own.flatMap((s) => [`.PP`, `${roff(s.title[0].toUpperCase() + s.title.slice(1))}:`, '.RS', ...entries(s.entries), '.RE']),
  ];
}

export function manPage(): string {
  const overview = overviewDoc('en');
  const tui = COMMANDS.tui;
  const own = new Set<string>([H.arguments, H.options, H.exit]);
  // a command's exit statuses that mean what they mean in general are left to EXIT STATUS
  const general = section(overview, H.exit);
  const special = (s: Section): Section => ({ ...s, entries: s.entries.filter((e) => !general.some((g) => g.term === e.term && g.text === e.text)) });
  return [
    '.\\" Written by scripts/man.ts from src/commands/specs.ts: edit those, not this file.',
    '.TH IPCLAB 1 "" "ipclab" "User Commands"',
    // paths and options do not break well
    '.nh',
    '.SH NAME',
    `ipclab \\- ${roff(TAGLINE.en)}`,
    '.SH SYNOPSIS',
    '.nf',
    ...(['tui', ...namedCommands()] as const).map((c) => roff(COMMANDS[c].usage)),
    '.fi',
    '.SH DESCRIPTION',
    roff(tui.about!.en),
    '.PP',
    roff('Every text, the errors too, is in English or Chinese (`--lang zh`); `ipclab help COMMAND --lang zh` gives the help below in Chinese.'),
    '.SH COMMANDS',
    ...commandPart(tui.usage, [tui.summary.en], [{ title: H.options, entries: section(overview, H.tutorial) }]),
    ...namedCommands().flatMap((c) => {
      const doc = commandDoc(c, 'en');
      return commandPart(COMMANDS[c].usage, doc.text, doc.sections.filter((s) => own.has(s.title)).map(special));
    }),
    '.SH OPTIONS',
    roff('Every command takes these:'),
    ...entries(section(overview, H.common)),
    '.SH ENVIRONMENT',
    ...entries(section(overview, H.environment)),
    '.SH FILES',
    ...entries(section(overview, H.files)),
    '.SH EXIT STATUS',
    roff('In general (each command above says what its statuses mean for it):'),
    ...entries(section(overview, H.exit)),
    '.SH SEE ALSO',
    'ipcs(1), ipcrm(1), lsipc(1), shmget(2), shmat(2), shmctl(2), ftok(3), sysvipc(7)',
    '.PP',
    roff('docs/PROTOCOL.md, installed with ipclab (in its package folder, beside bin/): the JSON lines, the rendezvous segment and the command line, as stable interfaces.'),
    '',
  ].join('\n');
}
