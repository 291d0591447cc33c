// The catalogue of every user-facing diagnostic: a permanent code, a message and a hint.
// Codes are never renamed or reused; the README's error list is generated from this file.
/** How bad a diagnostic is: an error stops the pipeline after its stage, a warning does not. */
export type Severity = 'error' | 'warning';

interface Entry<A> {
  readonly severity: Severity;
  readonly message: (args: A) => string;
  readonly hint?: string | ((args: A) => string);
}

function entry<A = Record<string, never>>(e: Entry<A>): Entry<A> {
  return e;
}

const didYouMean = (s?: string): string => (s ? ` — did you mean '${s}'?` : '');

/** What an example-value diagnostic is about: a marked value, an illustrative data file, or placeholder text (`placeholder` its word). */
const exampleSubject = (a: { what: string; placeholder?: string }): string =>
  a.what === 'placeholder'
    ? `the text still holds the placeholder «${a.placeholder ?? ''}» that \`plantrykk new\` wrote`
    : a.what === 'illustrative'
      ? 'this data file is marked `illustrative: true`'
      : `'${a.what}' is marked as an example value (eksempel)`;

/** What a målskjema configuration's id is used for, said in the hint of a repeated one. */
const MALSKJEMA_ID_USE: Readonly<Record<string, string>> = {
  level: ' (the levels are hovudmal, mal, delmal and tiltak, outermost first)',
  column: ' (the målskjema file writes the column\'s values under its id)',
  status: ' (a målskjema row names its status by its id)',
};

export const catalogue = {
  // --- load: files and YAML syntax
  'load/yaml-syntax': entry<{ detail: string }>({
    severity: 'error',
    message: (a) => `YAML syntax error: ${a.detail}`,
    hint: 'check indentation (spaces only, no tabs) and that quotes and brackets are closed',
  }),
  'load/duplicate-key': entry<{ key: string }>({
    severity: 'error',
    message: (a) => `the key '${a.key}' appears twice in the same map`,
    hint: 'remove or rename one of them; YAML keeps only one value per key',
  }),
  'load/empty-file': entry({
    severity: 'error',
    message: () => 'the file is empty',
    hint: 'write the file\'s content, or remove the reference to it',
  }),
  'load/multiple-documents': entry({
    severity: 'error',
    message: () => 'the file holds more than one YAML document (a line with ---)',
    hint: 'put each document in its own file',
  }),
  'load/not-utf8': entry({
    severity: 'error',
    message: () => 'the file is not valid UTF-8 text',
    hint: 'save the file as UTF-8 (without BOM) in your editor',
  }),
  'load/directive': entry<{ directive: string }>({
    severity: 'error',
    message: (a) => `YAML directive '${a.directive}' is not allowed`,
    hint: 'remove the directive; plantrykk always reads YAML 1.2',
  }),
  'load/alias': entry({
    severity: 'error',
    message: () => 'YAML anchors and aliases (& and *) are not allowed in plan files',
    hint: 'write the value out in full; if the text starts with * or &, put it in quotes',
  }),
  'load/tag': entry<{ tag: string }>({
    severity: 'error',
    message: (a) => `YAML tag '${a.tag}' is not allowed`,
    hint: 'remove the tag; if the text starts with !, put it in quotes',
  }),
  'load/file-missing': entry<{ path: string }>({
    severity: 'error',
    message: (a) => `file '${a.path}' does not exist`,
    hint: 'check the spelling; paths are relative to the plan folder',
  }),
  'load/path-outside': entry<{ path: string }>({
    severity: 'error',
    message: (a) => `'${a.path}' points outside the plan folder`,
    hint: 'use a relative path to a file inside the plan folder (no absolute paths, no .., no links out, no URLs)',
  }),
  'load/not-a-file': entry<{ path: string; what: string }>({
    severity: 'error',
    message: (a) => `'${a.path}' is ${a.what}, not a file`,
    hint: 'name a regular file inside the plan folder; plantrykk never reads from folders, pipes or devices',
  }),
  'load/unreadable': entry<{ path: string; reason: string }>({
    severity: 'error',
    message: (a) => `'${a.path}' cannot be read: ${a.reason}`,
    hint: 'check the file\'s permissions, and that a symbolic link leads to a file',
  }),
  'load/kommunar-link': entry<{ folder: string }>({
    severity: 'error',
    message: (a) => `the kommune profile folder '${a.folder}' is a symbolic link; profiles are read only from a real folder beside the plan folders`,
    hint: 'put the kommunar/ folder itself (not a link to it) beside the plan folders',
  }),
  'load/not-nfc': entry({
    severity: 'warning',
    message: () => 'the text has letters written as a base letter and a combining mark (as macOS pastes å, ø, é); they are read as single letters (Unicode NFC)',
    hint: 'the PDF is right as it is; to silence this, save the file with composed characters (NFC)',
  }),
  'load/duplicate-reference': entry<{ path: string; first: number }>({
    severity: 'error',
    message: (a) => `chapter '${a.path}' is already listed (entry ${a.first})`,
    hint: 'list each chapter file once',
  }),
  'load/kommune-profile-shadowed': entry<{ local: string; shared: string }>({
    severity: 'warning',
    message: (a) => `the plan folder has its own kommune profile ${a.local}; ${a.shared} is not used`,
    hint: 'the plan folder\'s kommune.yaml wins; remove one of the two so that there is no doubt which one the plan uses',
  }),
  'load/kommune-id-mismatch': entry<{ id: string; named: string }>({
    severity: 'error',
    message: (a) => `the plan folder's kommune.yaml has id '${a.id}', but plan.yaml names the kommune '${a.named}'`,
    hint: 'write the same id in both: `kommune:` in plan.yaml and `id:` in kommune.yaml',
  }),
  'load/unknown-kommune': entry<{ id: string; folder: string }>({
    severity: 'error',
    message: (a) => `there is no kommune profile '${a.id}' (looked for ${a.folder}/${a.id}.yaml)`,
    hint: 'add the profile file, or check the spelling of `kommune:` in plan.yaml',
  }),
  'load/logo': entry<{ reason: string }>({
    severity: 'error',
    message: (a) => `the logo cannot be used: ${a.reason}`,
    hint: 'use an SVG with paths and shapes only (no text, no embedded or linked images, no scripts)',
  }),
  'load/complex-key': entry({
    severity: 'error',
    message: () => 'a list or map is used as a key',
    hint: 'keys are plain names (e.g. `title:`); if a key starts with { or [, put it in quotes',
  }),
  'load/reserved-key': entry<{ key: string }>({
    severity: 'error',
    message: (a) => `the key '${a.key}' is reserved`,
    hint: 'rename the key',
  }),

  // --- limits: sizes that keep a broken plan from hanging the tool (exit code 5)
  'limit/file-size': entry<{ size: number; limit: number }>({
    severity: 'error',
    message: (a) => `the file is ${a.size} bytes; the limit is ${a.limit}`,
    hint: 'split the content over several files',
  }),
  'limit/size': entry<{ what: string; limit: number }>({
    severity: 'error',
    message: (a) => `${a.what}: the limit is ${a.limit}`,
    hint: 'split the text, table or list into smaller parts; the limits keep a broken file from hanging the tool',
  }),
  'limit/word-length': entry<{ length: number; limit: number }>({
    severity: 'error',
    message: (a) => `a word of ${a.length} characters without a space; the limit is ${a.limit}`,
    hint: 'break the word (long URLs belong in a link: [tekst](https://…)); such words cannot be laid out on a page',
  }),
  'limit/time': entry<{ seconds: number }>({
    severity: 'error',
    message: (a) => `the build did not finish within ${a.seconds} seconds and was stopped`,
    hint: 'look for very long paragraphs or tables; set PLANTRYKK_TIME_LIMIT (seconds) to allow more time',
  }),

  'limit/image-pixels': entry<{ width: number; height: number; limit: number }>({
    severity: 'error',
    message: (a) => `the image is ${a.width} × ${a.height} pixels; the limit is ${a.limit} pixels on each side`,
    hint: 'scale the image down; 3000 pixels across is plenty for a full A4 page width',
  }),

  // --- images: checked and decoded before layout, so a bad one is a diagnostic, never a crash
  'image/unsupported': entry<{ found: string }>({
    severity: 'error',
    message: (a) => `the file is not a PNG or JPEG image (${a.found})`,
    hint: 'save the picture as PNG (drawings, charts) or JPEG (photos)',
  }),
  'image/corrupt': entry<{ reason: string }>({
    severity: 'error',
    message: (a) => `the image cannot be decoded: ${a.reason}`,
    hint: 'open the file in an image program and save it again as PNG or JPEG',
  }),
  'image/cmyk': entry({
    severity: 'error',
    message: () => 'the JPEG image uses CMYK colours (made for a print shop), not RGB',
    hint: 'convert the image to sRGB (e.g. «Export for web» in the image program); archive PDFs need RGB colours',
  }),

  // --- schema: the shape of each file (JSON Schema via ajv)
  'schema/required': entry<{ property: string }>({
    severity: 'error',
    message: (a) => `missing required key '${a.property}'`,
    hint: (a) => `add '${a.property}:' here (see docs/plan-format.md)`,
  }),
  'schema/unknown-key': entry<{ key: string; suggestion?: string }>({
    severity: 'error',
    message: (a) => `unknown key '${a.key}'${didYouMean(a.suggestion)}`,
    hint: 'remove the key or correct its spelling; your editor completes keys from the $schema line',
  }),
  'schema/type': entry<{ expected: string }>({
    severity: 'error',
    message: (a) => `expected ${a.expected} here`,
    hint: 'strings that look like numbers or dates (kommunenummer, saksnummer, version) must be quoted',
  }),
  'schema/enum': entry<{ allowed: string }>({
    severity: 'error',
    message: (a) => `value must be one of: ${a.allowed}`,
  }),
  'schema/invalid': entry<{ detail: string }>({
    severity: 'error',
    message: (a) => `invalid value: ${a.detail}`,
  }),
  'schema/block-kind': entry<{ keys: string }>({
    severity: 'error',
    message: (a) => `a block must have exactly one kind key; found ${a.keys}`,
    hint: 'block kinds: p, heading, list, numbered, lettered, checklist, quote, note, table, chart, trapp, image, malskjema, planliste, statusforklaring, kjelder',
  }),

  // --- validate: meaning across files
  'validate/plan-id': entry<{ id: string; folder: string }>({
    severity: 'error',
    message: (a) => `plan id '${a.id}' does not match its folder name '${a.folder}'`,
    hint: 'the id names the output folder; make them equal',
  }),
  'validate/duplicate-id': entry<{ id: string; first: string }>({
    severity: 'error',
    message: (a) => `id '${a.id}' is already used at ${a.first}`,
    hint: 'ids must be unique across the whole plan',
  }),
  'validate/duplicate-malskjema-id': entry<{ entry: string; id: string; firstLine: number }>({
    severity: 'error',
    message: (a) => `the målskjema ${a.entry} '${a.id}' is already declared at line ${a.firstLine}`,
    hint: (a) => `declare each ${a.entry} once: remove this one, or give it an id of its own${MALSKJEMA_ID_USE[a.entry] ?? ''}`,
  }),
  'validate/duplicate-series-id': entry<{ id: string; firstLine: number }>({
    severity: 'error',
    message: (a) => `the series id '${a.id}' is already used at line ${a.firstLine}`,
    hint: 'give each series of the chart an id of its own',
  }),
  'validate/unknown-plan': entry<{ id: string; suggestion?: string }>({
    severity: 'error',
    message: (a) => `unknown tema-/handlingsplan '${a.id}'${didYouMean(a.suggestion)}`,
    hint: 'define the plan once in registers/planar.yaml and refer to it by its id',
  }),
  'validate/unused-plan': entry<{ id: string }>({
    severity: 'warning',
    message: (a) => `tema-/handlingsplan '${a.id}' is defined but no tiltak refers to it`,
    hint: 'refer to it from a tiltak with `plan:` or remove it from the register',
  }),
  'validate/period': entry<{ what: string; from: number; to: number }>({
    severity: 'error',
    message: (a) => `${a.what} runs from ${a.from} to ${a.to}: the end is before the start`,
  }),
  'validate/handlingsdel-period': entry<{ from: number; to: number; pfrom: number; pto: number }>({
    severity: 'error',
    message: (a) => `handlingsdel ${a.from}–${a.to} lies outside the plan period ${a.pfrom}–${a.pto}`,
  }),
  'validate/year-outside': entry<{ year: string; from: number; to: number }>({
    severity: 'error',
    message: (a) => `year ${a.year} is outside the handlingsdel ${a.from}–${a.to}`,
    hint: 'use a year inside the handlingsdel, or change `handlingsdel` in plan.yaml',
  }),
  'validate/total-mismatch': entry<{ what: string; written: string; computed: string }>({
    severity: 'error',
    message: (a) => `${a.what}: the data says ${a.written}, but the values add up to ${a.computed}`,
    hint: 'correct the number or the values it sums',
  }),
  'validate/negative-amount': entry<{ value: number }>({
    severity: 'error',
    message: (a) => `amount ${a.value} is negative; målskjema amounts are kroner spent`,
    hint: 'write the amount as a positive number of kroner',
  }),
  'validate/unknown-status': entry<{ id: string; suggestion?: string; known: string }>({
    severity: 'error',
    message: (a) => `unknown målskjema status '${a.id}'${didYouMean(a.suggestion)}`,
    hint: (a) => (a.known ? `the statuses this plan declares: ${a.known}` : 'this plan declares no statuses: add them under `malskjema.status` in plan.yaml (or the kommune profile), or leave `status` out'),
  }),
  'validate/status-missing': entry<{ level: string; known: string }>({
    severity: 'error',
    message: (a) => `this ${a.level} has no status, but the målskjema declares a status vocabulary`,
    hint: (a) => `add \`status:\` with one of: ${a.known}`,
  }),
  'validate/unknown-column': entry<{ key: string; suggestion?: string; known: string }>({
    severity: 'error',
    message: (a) => `'${a.key}' is not a column of this målskjema${didYouMean(a.suggestion)}`,
    hint: (a) => (a.known ? `the columns here: ${a.known}; declare new ones under \`malskjema.columns\`` : 'declare the column under `malskjema.columns` in plan.yaml (or the kommune profile)'),
  }),
  'validate/unknown-entry-key': entry<{ key: string; level: string; suggestion?: string; known: string }>({
    severity: 'error',
    message: (a) => `'${a.key}' is not a key of this ${a.level}${didYouMean(a.suggestion)}`,
    hint: (a) => `the keys of a ${a.level} here: ${a.known}`,
  }),
  'validate/level-undeclared': entry<{ key: string; levels: string; expected?: string }>({
    severity: 'error',
    message: (a) => `'${a.key}' holds entries of a level this målskjema does not declare here (its levels: ${a.levels})${a.expected ? `; the next level's entries go under '${a.expected}'` : ''}`,
    hint: 'move the entries to the level the configuration declares, or add the level under `malskjema.levels`',
  }),
  'validate/column-shape': entry<{ header: string; perYear: boolean }>({
    severity: 'error',
    message: (a) => (a.perYear ? `column «${a.header}» has a value per year, but this is one text` : `column «${a.header}» is a text column, but this is a value per year`),
    hint: (a) => (a.perYear ? 'write the years, e.g. `{ 2025: x }` or `{ 2025: 200000 }`' : 'write the text itself, e.g. `Helse og omsorg`'),
  }),
  'validate/amount-in-mark-column': entry<{ header: string; value: string }>({
    severity: 'error',
    message: (a) => `column «${a.header}» marks years with x, but ${a.value} is an amount`,
    hint: 'write x, or declare an amount column (`kind: amount`) for kroner',
  }),
  'validate/mark-in-amount-column': entry<{ header: string; value: string; diagnosis?: string }>({
    severity: 'error',
    message: (a) => `column «${a.header}» holds amounts in kroner, but '${a.value}' is no amount`,
    hint: (a) => a.diagnosis ?? 'write the amount in kroner as Norwegian writes it — 200000, "200 000", "kr 200 000" or "1 200 000 kr" — or mark the year in a mark column (`kind: mark`)',
  }),
  'validate/statusforklaring-empty': entry<{ reason: string }>({
    severity: 'warning',
    message: (a) => `this block explains the målskjema statuses, but ${a.reason === 'no-malskjema' ? 'the plan has no målskjema' : 'the målskjema declares no statuses'}: it prints only a line saying that no row has one`,
    hint: (a) => (a.reason === 'no-malskjema'
      ? 'remove the block; it belongs beside a målskjema whose rows have a status'
      : 'declare a status vocabulary under `malskjema.status` (plan.yaml or the kommune profile) and give each row a `status:`, or remove the block'),
  }),
  'validate/kjelder-empty': entry<{ state: string }>({
    severity: 'error',
    message: (a) => `this block lists the plan's sources from its register, but ${a.state === 'empty' ? 'the register lists no source' : 'plan.yaml names no register of sources (`registers.kjelder`)'}: it would print an empty list`,
    hint: (a) => (a.state === 'empty'
      ? 'write the sources in the register file named by `registers.kjelder` (`kjelder: [{ id, text, url }]`, see docs/plan-format.md, «Registers»), or remove the block'
      : 'add `registers: { kjelder: registers/kjelder.yaml }` to plan.yaml and write the sources there (`kjelder: [{ id, text, url }]`, see docs/plan-format.md, «Registers»), or remove the block'),
  }),
  'validate/widths-length': entry<{ found: number; expected: number }>({
    severity: 'error',
    message: (a) => `\`widths\` has ${a.found} entries, the header has ${a.expected} columns`,
    hint: 'give one width per column (a number of points, "auto" or "*"), or leave `widths` out',
  }),
  'validate/example-value': entry<{ what: string; placeholder?: string; variants: string; several: boolean }>({
    severity: 'error',
    message: (a) => `${exampleSubject(a)}: the ${a.variants} ${a.several ? 'versions' : 'version'} cannot be built as ${a.several ? 'official documents' : 'an official document'} with it`,
    hint: (a) => (a.what === 'placeholder'
      ? 'write the plan\'s own text in its place, or build with --eksempel to stamp every page «EKSEMPEL»'
      : 'replace it with the kommune\'s real value and remove its mark, or build with --eksempel to stamp every page «EKSEMPEL»'),
  }),
  'validate/example-value-marked': entry<{ what: string; placeholder?: string; refused: string }>({
    severity: 'warning',
    message: (a) => `${exampleSubject(a)}: ${a.what === 'placeholder' ? 'it is not the plan\'s own text' : 'it is not the kommune\'s own'}`,
    hint: (a) => {
      const what = a.what === 'placeholder' ? 'write the plan\'s own text in its place' : 'replace it with the real value';
      return a.refused
        ? `a ${a.refused} build with it is refused unless built with --eksempel; ${what} before publishing`
        : `only the utkast prints it, and an utkast (an internal draft) is built with example values as it is; ${what} when you have it`;
    },
  }),
  'validate/unknown-fact': entry<{ name: string; known: string; near?: string }>({
    severity: 'error',
    message: (a) => `there is no plan fact '${a.name}' to refer to${didYouMean(a.near)}`,
    hint: (a) => `write [fakta: name] with one of: ${a.known} (docs/plan-format.md, «Plan facts in text»); to print the brackets as written, put a backslash before them: \\[fakta: …]`,
  }),
  'validate/fact-missing': entry<{ name: string; what: string }>({
    severity: 'error',
    message: (a) => `[fakta: ${a.name}] refers to a value the plan does not have: ${a.what}`,
    hint: 'add the value to plan.yaml (it is then printed wherever the text refers to it), or remove the reference',
  }),
  'validate/fact-variant': entry<{ name: string; variant: string }>({
    severity: 'error',
    message: (a) => `[fakta: ${a.name}] cannot be printed in the ${a.variant} version: a plan on høyring is not adopted yet`,
    hint: 'text that every version prints cannot name the vedtak; the vedtak page and cover print it, or build only the variants that have it (--variant)',
  }),
  'validate/fact-not-here': entry<{ name: string; where: string }>({
    severity: 'error',
    message: (a) => `[fakta: ${a.name}] in ${a.where}: a fact is printed only in text, table and fakta cells, lists, notes, footnotes and captions`,
    hint: 'write the value here as it is, or move the reference into the text; to print the brackets, put a backslash before them: \\[fakta: …]',
  }),
  'validate/fact-malskjema': entry<{ name: string; found: number }>({
    severity: 'error',
    message: (a) => `[fakta: ${a.name}] reads the målskjema of its section, but ${a.found === 0 ? 'the section holds none' : `the section holds ${a.found}`}`,
    hint: 'write the reference in the section (or the section above the subsection) that holds exactly one `malskjema:` block',
  }),
  'validate/example-path': entry<{ path: string }>({
    severity: 'error',
    message: (a) => `'eksempel' marks '${a.path}', but plan.yaml has no value there`,
    hint: 'write the dotted path of a value in plan.yaml, e.g. variants.vedtak.sak or variants.hoyring.frist',
  }),
  'validate/handlingsdel-missing': entry({
    severity: 'error',
    message: () => 'a målskjema needs `handlingsdel` in plan.yaml: its years are the målskjema\'s columns',
    hint: 'add e.g. `handlingsdel: { from: 2023, to: 2026 }` to plan.yaml',
  }),
  'validate/date': entry<{ date: string; month: string; days: number; last: string; next: string }>({
    severity: 'error',
    message: (a) => `${a.date} is not a date in the calendar: ${a.month} has ${a.days} days`,
    hint: (a) => `write a day that exists, e.g. ${a.last} (the month's last day) or ${a.next}`,
  }),
  'validate/month-outside': entry<{ what: string; month: string; from: string; to: string }>({
    severity: 'error',
    message: (a) => `${a.what} ${a.month} lies outside the plan's time line ${a.from} to ${a.to}`,
    hint: 'move it inside `from`–`to` of the framdrift data, or widen them',
  }),
  'validate/month-order': entry<{ what: string; from: string; to: string }>({
    severity: 'error',
    message: (a) => `${a.what} ends (${a.to}) before it starts (${a.from})`,
    hint: 'swap `from` and `to`, or correct one of them',
  }),
  'validate/milestone-when': entry<{ name: string }>({
    severity: 'error',
    message: (a) => `milestone '${a.name}' needs either \`date\` (one month or day) or both \`from\` and \`to\` (a period)`,
    hint: 'write `date: 2024-06` for one month, or `from: 2024-08` and `to: 2025-05` for a period — not both',
  }),
  'validate/budget-columns': entry<{ found: number; expected: number }>({
    severity: 'error',
    message: (a) => `the row has ${a.found} amounts, the budget has ${a.expected} columns`,
  }),
  'validate/unknown-berekraftsmal': entry<{ nummer: number }>({
    severity: 'error',
    message: (a) => `there is no FN-berekraftsmål number ${a.nummer}`,
    hint: 'the berekraftsmål are numbered 1 to 17',
  }),
  'validate/variant-not-allowed': entry<{ variant: string; kind: string; allowed: string }>({
    severity: 'error',
    message: (a) => `a plan of the kind '${a.kind}' has no ${a.variant} variant (its variants: ${a.allowed})`,
    hint: 'remove it from `variants` in plan.yaml; which variants a kind has is declared in its kind file (templates/kinds/<kind>.yaml or kinds/<kind>.yaml)',
  }),
  'validate/unknown-kind': entry<{ kind: string; suggestion?: string; known: string }>({
    severity: 'error',
    message: (a) => `there is no plan kind '${a.kind}'${didYouMean(a.suggestion)}`,
    hint: (a) => `the kinds are: ${a.known}; a kommune's own kind is defined in kinds/${a.kind}.yaml in the plan folder or beside its kommune profile (see docs/plan-format.md)`,
  }),
  'validate/kind-id': entry<{ id: string; file: string }>({
    severity: 'error',
    message: (a) => `the kind file says id '${a.id}', but its name is ${a.file}`,
    hint: 'the id must equal the file name (kinds/<id>.yaml) and `kind:` in plan.yaml',
  }),
  'validate/short-hoyring': entry<{ days: number }>({
    severity: 'warning',
    message: (a) => `the høyringsfrist is only ${a.days} days after the høyring date; plan- og bygningslova asks for at least six weeks`,
    hint: 'move `frist` to at least 42 days after `date`',
  }),
  'validate/not-a-number': entry<{ column: string; hint: string; rowSum?: boolean }>({
    severity: 'error',
    message: (a) => `the column '${a.column}' ${a.rowSum ? 'holds the row sums' : 'is summed'}, but this cell is not a number`,
    hint: (a) => a.hint,
  }),
  'validate/row-length': entry<{ found: number; expected: number }>({
    severity: 'error',
    message: (a) => `the row has ${a.found} cells, the header has ${a.expected}`,
    hint: (a) => (a.found > a.expected
      ? 'in a [ … ] row a comma ends a cell: put a value with a decimal comma in quotes ("6,5 %"), or give one cell per header column'
      : 'give one cell per header column; write ~ for an empty cell'),
  }),
  'validate/series-length': entry<{ series: string; found: number; expected: number }>({
    severity: 'error',
    message: (a) => `series '${a.series}' has ${a.found} values for ${a.expected} labels`,
    hint: 'give one value per label; write null where there is no value',
  }),
  'validate/chart-series-count': entry<{ type: string; found: number; expected: string }>({
    severity: 'error',
    message: (a) => `a ${a.type} chart needs ${a.expected} series; this one has ${a.found}`,
    hint: (a) =>
      a.type === 'pyramid'
        ? 'write two series, e.g. menn and kvinner, each with one value per age group in `labels`'
        : a.type === 'pie' || a.type === 'doughnut'
          ? 'write one series; the labels are the slices (for several series side by side, use type bar)'
          : a.type === 'stacked-bar' || a.type === 'stacked-horizontal-bar'
            ? `stack two series or more; with one series, write type ${a.type === 'stacked-bar' ? 'bar' : 'horizontal-bar'}`
            : 'pie and doughnut take one series, a pyramid two, stacked bars two or more',
  }),
  'validate/chart-slices': entry<{ type: string; found: number; max: number }>({
    severity: 'error',
    message: (a) => `a ${a.type} chart of ${a.found} slices would repeat its colours; it draws at most ${a.max}`,
    hint: 'gather the smallest slices into one (e.g. «Anna»), or use type horizontal-bar for many categories',
  }),
  'validate/chart-negative': entry<{ type: string; series: string; value: string }>({
    severity: 'error',
    message: (a) => `series '${a.series}' has the negative value ${a.value}, which a ${a.type} chart cannot draw`,
    hint: (a) =>
      a.type === 'pyramid'
        ? 'write the counts as positive numbers: the pyramid draws its first series to the left on its own'
        : a.type === 'pie' || a.type === 'doughnut'
          ? 'slices are shares of a whole: write the values as positive numbers, or use type bar for values below zero'
          : 'write the values as positive numbers (pie and doughnut slices are shares of a whole; a pyramid draws its first series to the left on its own)',
  }),
  'validate/unknown-kategori': entry<{ id: string }>({
    severity: 'error',
    message: (a) => `unknown kategori '${a.id}'`,
    hint: 'use an id from `kategoriar`',
  }),
  'validate/trinn-order': entry<{ expected: number; found: number }>({
    severity: 'error',
    message: (a) => `trinn must be numbered 1, 2, 3 … in order; expected ${a.expected}, found ${a.found}`,
  }),
  'validate/variant-missing': entry<{ variant: string; key: string }>({
    severity: 'error',
    message: (a) => `the ${a.variant} variant needs '${a.key}' in plan.yaml`,
    hint: (a) => `add variants.${a.variant}.${a.key} to plan.yaml, or do not build the ${a.variant} variant`,
  }),
  'validate/frist-before-date': entry<{ frist: string; date: string }>({
    severity: 'error',
    message: (a) => `høyringsfrist ${a.frist} is not after the høyring date ${a.date}`,
  }),
  'validate/control-char': entry<{ codepoint: string }>({
    severity: 'error',
    message: (a) => `the text contains the invisible control character ${a.codepoint}`,
    hint: 'delete it (it often comes from copying out of Word or a PDF)',
  }),
  'validate/link': entry<{ href: string; reason: string }>({
    severity: 'error',
    message: (a) => `the link target '${a.href}' cannot be used: ${a.reason}`,
    hint: 'a link goes to a web address (https://…, http://…) or an e-mail address (mailto:…); a PDF cannot link to files of the plan',
  }),
  'validate/glyph-missing': entry<{ char: string; codepoint: string }>({
    severity: 'error',
    message: (a) => `the character '${a.char}' (${a.codepoint}) cannot be printed with the document font`,
    hint: 'replace it with a character the font has (letters, digits, punctuation of Latin, Greek or Cyrillic)',
  }),

  // --- usage and output
  'usage/variant-not-defined': entry<{ variant: string }>({
    severity: 'error',
    message: (a) => `the plan has no '${a.variant}' variant`,
    hint: (a) => `add variants.${a.variant} to plan.yaml, or choose a variant it has`,
  }),
  'emit/version-exists': entry<{ path: string; builtBy?: string; tool?: string }>({
    severity: 'error',
    message: (a) => (a.builtBy !== undefined
      ? `an adopted version already exists at ${a.path}, built from the same source as this build: the plan is unchanged, the difference comes from the tool's output (plantrykk ${a.builtBy} built the folder, this is plantrykk ${a.tool ?? ''})`
      : `an adopted version already exists at ${a.path} with different content`),
    hint: (a) => (a.builtBy !== undefined
      ? 'an adopted (vedtak) document is never replaced: keep the adopted one as it is (it is the plan as adopted; build the other variants with --variant, or into another --out), or raise `version` in plan.yaml to publish the new output as a new version'
      : 'an adopted (vedtak) document is never replaced: raise `version` in plan.yaml to build a new version'),
  }),
  'emit/draft-exists': entry<{ path: string; variant: string }>({
    severity: 'error',
    message: (a) => `a ${a.variant} PDF of this version already exists at ${a.path} with different content`,
    hint: 'raise `version` in plan.yaml for a new version, or build with --force to replace the høyring or utkast of this version',
  }),
  'emit/source-changed': entry<{ path: string; adopted: boolean }>({
    severity: 'error',
    message: (a) => `the version folder ${a.path} keeps the source of an earlier build, and this plan's files differ from it`,
    hint: (a) =>
      a.adopted
        ? 'every document of a version is built from the same source, and this version is adopted: raise `version` in plan.yaml to build a new version'
        : 'every document of a version is built from the same source: raise `version` in plan.yaml, or build with --force to replace the høyring or utkast and the kept source',
  }),
  'emit/endringar-not-built': entry<{ path: string; version: string }>({
    severity: 'error',
    message: (a) => `version ${a.version} has not been built: there is no version folder at ${a.path} to hold its endringsoversikt`,
    hint: 'build the new version first (`plantrykk build <plan-dir>`), then run `plantrykk endringar` again',
  }),
  'emit/endringar-no-source': entry<{ path: string; reason: string }>({
    severity: 'error',
    message: (a) => `${a.path} has no usable kept source: ${a.reason}`,
    hint: 'compare plan folders, or version folders built by a plantrykk that keeps the source (`plantrykk versions` lists it)',
  }),
  'emit/endringar-other-plan': entry<{ old: string; new: string }>({
    severity: 'error',
    message: (a) => `the two versions are of different plans (${a.old} and ${a.new})`,
    hint: 'give two versions of the same plan: plan folders or output/<plan-id>/<version> folders',
  }),
  'emit/hoyring-version-missing': entry<{ version: string; path: string }>({
    severity: 'error',
    message: (a) => `the høyring version ${a.version} named for the vedtak's endringar appendix is not built at ${a.path}`,
    hint: 'build the høyring version into the same output folder first (--out), or correct variants.vedtak.endringar.hoyring-version; it must be an earlier version than this one',
  }),
  'emit/endringar-exists': entry<{ path: string }>({
    severity: 'error',
    message: (a) => `an endringsoversikt with different content already exists at ${a.path}`,
    hint: 'run with --force to replace it (for example when comparing against another version)',
  }),
  'emit/pdfa-unmet': entry<{ variant: string; reason: string }>({
    severity: 'error',
    message: (a) => `the ${a.variant} PDF cannot meet PDF/A-2a: ${a.reason}; nothing was written`,
    hint: 'give every image an `alt` text; if the plan does, this is a bug in plantrykk — please report it',
  }),
  'emit/write-failed': entry<{ path: string; reason: string }>({
    severity: 'error',
    message: (a) => `could not write ${a.path}: ${a.reason}`,
    hint: 'check that the output folder exists, is writable and has free space; earlier files were left as they were',
  }),
  'emit/locked': entry<{ path: string; holder: string; seconds: number }>({
    severity: 'error',
    message: (a) => `another build is writing this version (${a.holder}); waited ${a.seconds} s for its lock ${a.path}`,
    hint: (a) => `wait for that build to finish and build again (PLANTRYKK_LOCK_WAIT sets the wait in seconds); if no such build runs, remove ${a.path}`,
  }),
  'emit/recovered': entry<{ what: string }>({
    severity: 'warning',
    message: (a) => a.what,
    hint: 'nothing to do: an earlier build of this version was stopped (killed, or the machine went down) and its folder is whole again',
  }),
  'emit/folder-damaged': entry<{ file: string; problem: string }>({
    severity: 'error',
    message: (a) => `${a.file} ${a.problem}; nothing was written`,
    hint: 'plantrykk does not build over a version folder it cannot verify: restore the file from a backup, or move the version folder aside and build again; `plantrykk versions` lists every problem',
  }),
} as const;

export type Code = keyof typeof catalogue;
