// What the diagnostics a user trial found wrong say now, word for word: placeholder text from
// `plantrykk new`, amounts written with full stops, misspelt målskjema keys, generated blocks with
// nothing to print, the variants a build is refused for, dates past their month's end.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink, type Diagnostic } from '../../src/core/diagnostics.js';
import { nodeHost } from '../../src/core/host.js';
import { PLACEHOLDER_WORD } from '../../src/model/placeholder.js';
import type { VariantName } from '../../src/model/types.js';
import { checkPlan } from '../../src/pipeline.js';
import { newPlan } from '../../src/scaffold/newPlan.js';
import { check, short } from '../helpers/checkRun.js';
import { prepare } from '../helpers/corpus.js';
import { copyPlan, edit, FIXTURES } from '../helpers/planCopy.js';

/** Each diagnostic of a check as `place code: message | hint | hint …`. */
function said(dir: string, variants?: VariantName[]): string[] {
  return check(dir, variants).diagnostics.map((d: Diagnostic) => `${short(d, dir)}: ${[d.message, ...d.hints].join(' | ')}`);
}

describe('placeholder text from plantrykk new', () => {
  const plan = (): string => {
    const dir = copyPlan(path.join(FIXTURES, 'minimal'));
    edit(dir, 'kapittel/01-alt.yaml', '- p: "Innleiing med', '- p: "PLASSHALDAR: Skriv kva planen handlar om."\n  - p: "Innleiing med');
    return dir;
  };

  it('is a warning in plantrykk check, at the word', () => {
    expect(said(plan())).toEqual([
      'kapittel/01-alt.yaml:5:9 validate/example-value-marked: the text still holds the placeholder «PLASSHALDAR» that `plantrykk new` wrote: it is not the plan\'s own text'
        + ' | a høyring or vedtak build with it is refused unless built with --eksempel; write the plan\'s own text in its place before publishing',
    ]);
  });

  it('refuses every official variant to be built, naming each', () => {
    expect(said(plan(), ['utkast', 'hoyring', 'vedtak'])).toEqual([
      'kapittel/01-alt.yaml:5:9 validate/example-value: the text still holds the placeholder «PLASSHALDAR» that `plantrykk new` wrote: the høyring and vedtak versions cannot be built as official documents with it'
        + ' | write the plan\'s own text in its place, or build with --eksempel to stamp every page «EKSEMPEL»',
    ]);
    // With --eksempel the document is built, and stamped because of it.
    const sink = new DiagnosticSink();
    const checked = checkPlan(nodeHost, plan(), ['vedtak'], sink, 'stamp');
    expect(sink.items).toEqual([]);
    expect(checked?.doc.meta.placeholders.map((p) => `${p.word} ${p.span.line}:${p.span.col} ${p.scope}`)).toEqual(['PLASSHALDAR 5:9 all']);
  });

  it('is one word, shared by the scaffold and the check, and new names the word of the chosen form', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-new-word-'));
    for (const language of ['nn', 'nb'] as const) {
      const r = newPlan(nodeHost, { dir: path.join(root, `plan-${language}`), kind: 'temaplan', language });
      expect(r.ok && r.placeholder).toBe(PLACEHOLDER_WORD[language]);
      const chapter = fs.readdirSync(path.join(root, `plan-${language}`, 'kapittel'))[0]!;
      const text = fs.readFileSync(path.join(root, `plan-${language}`, 'kapittel', chapter), 'utf8');
      expect(text).toContain(`p: "${PLACEHOLDER_WORD[language]}: `);
      expect(text).not.toContain(PLACEHOLDER_WORD[language === 'nn' ? 'nb' : 'nn']);
    }
  });
});

describe('målskjema amounts and keys', () => {
  it('an amount with full stops is told what to write, as a table cell is, and its year\'s sum is not checked', () => {
    const { dir } = prepare('malskjema-amount-full-stops');
    expect(said(dir)).toEqual([
      'malskjema/folkehelse.yaml:24:26 validate/mark-in-amount-column: column «Kostnad» holds amounts in kroner, but \'80.000\' is no amount | write 80 000: thousands are separated by a space in Norwegian, not by a full stop',
      'malskjema/folkehelse.yaml:26:34 validate/mark-in-amount-column: column «Kostnad» holds amounts in kroner, but \'500.000\' is no amount | write 500 000: thousands are separated by a space in Norwegian, not by a full stop',
    ]);
  });

  it('an x in an amount column keeps the hint that names a mark column', () => {
    const { dir } = prepare('malskjema-mark-in-amount');
    expect(said(dir)).toEqual([
      'malskjema/folkehelse.yaml:24:26 validate/mark-in-amount-column: column «Kostnad» holds amounts in kroner, but \'x\' is no amount'
        + ' | write the amount in kroner as Norwegian writes it — 200000, "200 000", "kr 200 000" or "1 200 000 kr" — or mark the year in a mark column (`kind: mark`)',
    ]);
  });

  it('a misspelt key is matched against every key allowed there, and the level is named by its label', () => {
    const { dir } = prepare('malskjema-entry-key-misspelt');
    expect(said(dir)).toEqual([
      'malskjema/folkehelse.yaml:7:5 validate/unknown-entry-key: \'stauts\' is not a key of this «Mål» — did you mean \'status\'? | the keys of a «Mål» here: id, nummer, tekst, status, plan, tiltak',
      'malskjema/folkehelse.yaml:20:5 validate/unknown-entry-key: \'ansvar\' is not a key of this «Mål» | the keys of a «Mål» here: id, nummer, tekst, status, plan, tiltak | \'ansvar\' is a column: columns are written on each «Tiltak»',
    ]);
  });

  it('a missing status names the level by its declared label', () => {
    const { dir } = prepare('missing-delmal-status');
    expect(said(dir)).toEqual([
      'malskjema/hovudmal-1.yaml:23:9 validate/status-missing: this «Delmål» has no status, but the målskjema declares a status vocabulary | add `status:` with one of: omtalast, samarbeid, ikkje',
    ]);
  });
});

describe('generated blocks with nothing to print', () => {
  it('statusforklaring without statuses is a warning, kjelder without a register an error, each at its block', () => {
    const { dir } = prepare('generated-blocks-empty');
    expect(said(dir)).toEqual([
      'kapittel/01-alt.yaml:45:9 validate/statusforklaring-empty: this block explains the målskjema statuses, but the plan has no målskjema: it prints only a line saying that no row has one'
        + ' | remove the block; it belongs beside a målskjema whose rows have a status',
      'kapittel/01-alt.yaml:46:9 validate/kjelder-empty: this block lists the plan\'s sources from its register, but plan.yaml names no register of sources (`registers.kjelder`): it would print an empty list'
        + ' | add `registers: { kjelder: registers/kjelder.yaml }` to plan.yaml and write the sources there (`kjelder: [{ id, text, url }]`, see docs/plan-format.md, «Registers»), or remove the block',
    ]);
  });

  it('a register with no source and a målskjema without a status vocabulary are named as such', () => {
    const dir = copyPlan(path.join(FIXTURES, 'minimal'));
    fs.writeFileSync(path.join(dir, 'registers', 'kjelder.yaml'), 'kjelder: []\n');
    edit(dir, 'kapittel/02-mal.yaml', '      - planliste: {}', '      - planliste: {}\n      - statusforklaring: {}');
    const ms = fs.readFileSync(path.join(dir, 'malskjema', 'hovudmal-1.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'malskjema', 'hovudmal-1.yaml'), ms.replace(/^ +status: \w+\n/gm, '').replace(/^  status:\n(?: {4}- .*\n)+/m, '  status: []\n'));
    const lines = said(dir).filter((l) => !l.includes('validate/unused-plan'));
    expect(lines).toEqual([
      'kapittel/02-mal.yaml:14:9 validate/statusforklaring-empty: this block explains the målskjema statuses, but the målskjema declares no statuses: it prints only a line saying that no row has one'
        + ' | declare a status vocabulary under `malskjema.status` (plan.yaml or the kommune profile) and give each row a `status:`, or remove the block',
      'kapittel/02-mal.yaml:18:9 validate/kjelder-empty: this block lists the plan\'s sources from its register, but the register lists no source: it would print an empty list'
        + ' | write the sources in the register file named by `registers.kjelder` (`kjelder: [{ id, text, url }]`, see docs/plan-format.md, «Registers»), or remove the block',
    ]);
  });
});

describe('example values and dates', () => {
  it('a build of høyring and vedtak with an illustrative data file is refused for both, and says so', () => {
    const { dir } = prepare('example-value-chart-vedtak');
    expect(said(dir, ['hoyring', 'vedtak'])).toEqual([
      'data/folketal.yaml:4:15 validate/example-value: this data file is marked `illustrative: true`: the høyring and vedtak versions cannot be built as official documents with it'
        + ' | replace it with the kommune\'s real value and remove its mark, or build with --eksempel to stamp every page «EKSEMPEL»',
    ]);
  });

  it('a mark on the utkast date does not claim that a høyring or vedtak is refused', () => {
    const dir = copyPlan(path.join(FIXTURES, 'minimal'));
    fs.appendFileSync(path.join(dir, 'plan.yaml'), '\neksempel:\n  - variants.utkast.date\n  - variants.vedtak.sak\n');
    expect(said(dir)).toEqual([
      'plan.yaml:23:11 validate/example-value-marked: \'variants.utkast.date\' is marked as an example value (eksempel): it is not the kommune\'s own'
        + ' | only the utkast prints it, and an utkast (an internal draft) is built with example values as it is; replace it with the real value when you have it',
      'plan.yaml:34:10 validate/example-value-marked: \'variants.vedtak.sak\' is marked as an example value (eksempel): it is not the kommune\'s own'
        + ' | a vedtak build with it is refused unless built with --eksempel; replace it with the real value before publishing',
    ]);
  });

  it('a day past its month\'s end is told how many days the month has', () => {
    const { dir } = prepare('date-not-in-calendar');
    expect(said(dir)).toEqual([
      'plan.yaml:26:12 validate/date: 2024-04-31 is not a date in the calendar: April has 30 days | write a day that exists, e.g. 2024-04-30 (the month\'s last day) or 2024-05-01',
    ]);
    edit(dir, 'plan.yaml', 'frist: 2024-04-31', 'frist: 2024-05-20');
    edit(dir, 'plan.yaml', 'date: 2024-09-12\n', 'date: 2023-02-29\n');
    expect(said(dir)).toEqual([
      'plan.yaml:33:11 validate/date: 2023-02-29 is not a date in the calendar: February 2023 has 28 days | write a day that exists, e.g. 2023-02-28 (the month\'s last day) or 2023-03-01',
    ]);
  });
});
