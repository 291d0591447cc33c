// The målskjema by configuration: levels 1–4, text/mark/amount columns, yearly sums and the total,
// the status vocabulary with its vedtak rule, labels in nn and nb, and where the configuration is
// declared (målskjema file over plan.yaml over the kommune profile over the neutral defaults).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { nodeHost } from '../../src/core/host.js';
import { layoutDocument } from '../../src/layout/document.js';
import { amountOf } from '../../src/model/amount.js';
import { formatNumber as n } from '../../src/layout/numbers.js';
import type { Malskjema, PlanDocument, VariantName } from '../../src/model/types.js';
import { checkPlan } from '../../src/pipeline.js';
import { labelsFor } from '../../src/layout/labels.js';
import { levelInSentence } from '../../src/layout/malskjema.js';
import { servesLine } from '../../src/layout/lists.js';
import { SIDE_COLUMN } from '../../src/layout/styles.js';
import { FootnoteMarks } from '../../src/web/html.js';
import { malskjemaHtml } from '../../src/web/malskjema.js';
import { check } from '../helpers/checkRun.js';
import { copyPlan, edit, FIXTURES } from '../helpers/planCopy.js';

const BASE = path.join(FIXTURES, 'handlingsplan-nb');
const MS = 'malskjema/folkehelse.yaml';

/** A copy of the bokmål handlingsplan with its målskjema file (and optionally its config) replaced. */
function planWith(malskjema: string | undefined, config?: string, language: 'nn' | 'nb' = 'nb'): string {
  const dir = copyPlan(BASE);
  if (malskjema !== undefined) fs.writeFileSync(path.join(dir, MS), malskjema);
  const planFile = path.join(dir, 'plan.yaml');
  let plan = fs.readFileSync(planFile, 'utf8');
  // A test's own configuration declares its statuses (none unless it says), apart from the profile's.
  const own = config !== undefined && config !== '' && !config.includes('  status:') ? `${config}  status: []\n` : config;
  if (own !== undefined) plan = plan.replace(/^malskjema:\n(?: {2}.*\n)+/m, own);
  fs.writeFileSync(planFile, plan.replace('language: nb', `language: ${language}`));
  return dir;
}

function docOf(dir: string): PlanDocument {
  const sink = new DiagnosticSink();
  const checked = checkPlan(nodeHost, dir, undefined, sink);
  expect(sink.items.filter((d) => d.severity === 'error').map((d) => `${d.span.line}:${d.span.col} ${d.code} ${d.message}`)).toEqual([]);
  return checked!.doc;
}

const malskjemaOf = (doc: PlanDocument): Malskjema => {
  const b = doc.chapters[0]!.blocks.find((x) => x.kind === 'malskjema');
  if (b?.kind !== 'malskjema') throw new Error('no målskjema');
  return b.malskjema;
};

/** Every string of the laid-out document's body, in order. */
function textsOf(doc: PlanDocument, variant: VariantName): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (typeof n === 'string') out.push(n);
    else if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') for (const [k, v] of Object.entries(n)) if (k === 'text' || k === 'table' || k === 'body' || k === 'stack' || k === 'content') walk(v);
  };
  walk(layoutDocument(doc, variant, new Map()).definition.content);
  return out.filter((t) => t !== '');
}

/** The header rows of the målskjema tables (style malskjemaHeader), each as its cell texts. */
function headersOf(doc: PlanDocument, variant: VariantName = 'utkast'): string[][] {
  const rows: string[][] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) {
      if (n.length > 0 && n.every((c) => c && typeof c === 'object' && (c as { style?: string }).style === 'malskjemaHeader')) rows.push(n.map((c) => (c as { text: string }).text));
      else n.forEach(walk);
    } else if (n && typeof n === 'object') Object.values(n).forEach(walk);
  };
  walk(layoutDocument(doc, variant, new Map()).definition.content);
  return rows;
}

const LEVELS = {
  1: '  levels:\n    - { id: tiltak, label: Tiltak }\n',
  2: '  levels:\n    - { id: mal, label: Mål }\n    - { id: tiltak, label: Tiltak }\n',
  3: '  levels:\n    - { id: hovudmal, label: Hovedmål }\n    - { id: mal, label: Mål }\n    - { id: tiltak, label: Tiltak }\n',
  4: '  levels:\n    - { id: hovudmal, label: Hovedmål }\n    - { id: mal, label: Innsatsområde }\n    - { id: delmal, label: Delmål }\n    - { id: tiltak, label: Tiltak, group: Resultat }\n',
} as const;
const COLUMNS = '  columns:\n    - { id: ansvar, kind: text, header: Ansvar }\n    - { id: kostnad, kind: amount, header: Kostnad }\n';
/** Columns and statuses that fit the fixture's own målskjema file. */
const FITS_FILE = '  columns:\n    - { id: ansvar, kind: text }\n    - { id: tidsramme, kind: text }\n    - { id: kostnad, kind: amount }\n  status:\n    - { id: pagar, label: Pågår }\n    - { id: utgar, label: Utgår }\n';

describe('levels', () => {
  it('one level: rows that hold the columns', () => {
    const dir = planWith('tiltak:\n  - tekst: Turkart\n    ansvar: Kultur\n    kostnad: { 2025: 1000 }\n', `malskjema:\n${LEVELS[1]}${COLUMNS}`);
    const doc = docOf(dir);
    expect(headersOf(doc)).toEqual([['Tiltak', 'Ansvar', 'Kostnad 2025', 'Kostnad 2026', 'Kostnad 2027']]);
    expect(textsOf(doc, 'utkast')).toEqual(expect.arrayContaining(['Kultur', n(1000)]));
  });

  it('two levels: rows of the first, lines of the second', () => {
    const dir = planWith('mal:\n  - tekst: Aktive barn\n    tiltak:\n      - tekst: Turkart\n        ansvar: Kultur\n', `malskjema:\n${LEVELS[2]}${COLUMNS}`);
    expect(headersOf(docOf(dir))[0]!.slice(0, 3)).toEqual(['Mål', 'Tiltak', 'Ansvar']);
  });

  it('three levels: the hovudmål is printed before the table', () => {
    const doc = docOf(planWith(undefined, `malskjema:\n${LEVELS[3]}${FITS_FILE}`));
    expect(textsOf(doc, 'utkast')).toContain('Hovedmål: ');
  });

  it('four levels: a title row per entry of the second, groups of tiltak under oppna', () => {
    const file = [
      'hovudmal: { nummer: 2, tekst: God helse }',
      'mal:',
      '  - nummer: "2.1"',
      '    tekst: Aktive barn',
      '    delmal:',
      '      - tekst: Flere går til skolen',
      '        oppna:',
      '          - tekst: Trygge skoleveier',
      '            tiltak:',
      '              - { tekst: Gangfelt ved skolen, ansvar: Teknisk, kostnad: { 2026: 50000 } }',
      '',
    ].join('\n');
    const doc = docOf(planWith(file, `malskjema:\n${LEVELS[4]}${COLUMNS}`));
    const texts = textsOf(doc, 'utkast');
    expect(texts).toEqual(expect.arrayContaining(['Hovedmål 2: ', 'Innsatsområde 2.1: ', 'Trygge skoleveier', 'Gangfelt ved skolen']));
    expect(headersOf(doc)[0]).toEqual(['Delmål', 'Resultat', 'Tiltak', 'Ansvar', 'Kostnad 2025', 'Kostnad 2026', 'Kostnad 2027']);
  });

  it('entries of a level deeper than declared are an error naming the level', () => {
    const r = check(planWith('tiltak:\n  - tekst: Turkart\n    tiltak:\n      - tekst: Mer\n', `malskjema:\n${LEVELS[1]}${COLUMNS}`));
    expect(r.lines).toEqual([`${MS}:3:5 validate/level-undeclared`]);
    expect(r.diagnostics[0]!.message).toContain('Tiltak');
  });
});

describe('columns', () => {
  it('text, mark and amount columns print their cells; a mark prints X', () => {
    const config = `malskjema:\n${LEVELS[2]}  columns:\n    - { id: tidsramme, kind: text, header: Tidsramme }\n    - { id: plan, kind: mark, header: Tidsplan }\n`;
    expect(check(planWith('mal:\n  - tekst: A\n    tiltak:\n      - { tekst: B, tidsramme: Høst 2025 }\n', config)).ok).toBe(false); // `plan` is a field, not a column id
    const good = config.replace('id: plan, kind: mark', 'id: tidsplan, kind: mark');
    const doc = docOf(planWith('mal:\n  - tekst: A\n    tiltak:\n      - { tekst: B, tidsramme: Høst 2025, tidsplan: { 2026: x } }\n', good));
    expect(headersOf(doc)[0]).toEqual(['Mål', 'Tiltak', 'Tidsramme', 'Tidsplan 2025', 'Tidsplan 2026', 'Tidsplan 2027']);
    expect(textsOf(doc, 'utkast')).toEqual(expect.arrayContaining(['Høst 2025', 'X']));
  });

  it('amount columns end in a sum row per year and a total row, computed from the rows shown', () => {
    const texts = textsOf(docOf(planWith(undefined)), 'utkast');
    const sum = texts.indexOf('Sum');
    expect(texts.slice(sum, sum + 4)).toEqual(['Sum', n(280000), n(500000), n(350000)]);
    expect(texts.slice(texts.indexOf('Totalt'), texts.indexOf('Totalt') + 2)).toEqual(['Totalt', n(1130000)]);
    // In vedtak the row with status «utgar» is left out, and the sums follow.
    const vedtak = textsOf(docOf(planWith(undefined)), 'vedtak');
    expect(vedtak.slice(vedtak.indexOf('Sum'), vedtak.indexOf('Sum') + 4)).toEqual(['Sum', n(200000), n(500000), n(350000)]);
  });

  it('a written sum that disagrees is total-mismatch at its place, naming the column by its header', () => {
    const dir = planWith(undefined);
    edit(dir, MS, '2026: 500000, 2027: 350000 }', '2026: 500000, 2027: 300000 }');
    const r = check(dir);
    expect(r.lines).toEqual([`${MS}:26:48 validate/total-mismatch`]);
    expect(r.diagnostics[0]!.message).toBe('sum of «Kostnad» 2027: the data says 300000, but the values add up to 350000');
  });

  it('an x in an amount column, an amount in a mark column, a year outside the handlingsdel', () => {
    const config = `malskjema:\n${LEVELS[1]}  columns:\n    - { id: kostnad, kind: amount, header: Kostnad }\n    - { id: tidsplan, kind: mark, header: Tidsplan }\n`;
    const r = check(planWith('tiltak:\n  - tekst: A\n    kostnad: { 2025: x }\n    tidsplan: { 2026: 100, 2031: x }\n', config));
    expect(r.lines).toEqual([`${MS}:3:22 validate/mark-in-amount-column`, `${MS}:4:23 validate/amount-in-mark-column`, `${MS}:4:28 validate/year-outside`]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "column «Kostnad» holds amounts in kroner, but 'x' is no amount",
      'column «Tidsplan» marks years with x, but 100 is an amount',
      'year 2031 is outside the handlingsdel 2025–2027',
    ]);
  });

  it('an unknown column key gets a did-you-mean and the columns by their headers', () => {
    const r = check(planWith('tiltak:\n  - tekst: A\n    ansvr: Kultur\n', `malskjema:\n${LEVELS[1]}${COLUMNS}`));
    expect(r.lines).toEqual([`${MS}:3:5 validate/unknown-column`]);
    expect(r.diagnostics[0]!.message).toBe("'ansvr' is not a column of this målskjema — did you mean 'ansvar'?");
    expect(r.diagnostics[0]!.hints?.join(' ')).toContain('Ansvar, Kostnad');
  });

  it('reads every amount through amountOf: YAML numbers and amounts as Norwegian writes them', () => {
    expect(amountOf(200000)).toBe(200000);
    expect(amountOf('1 200 000')).toBe(1200000);
    expect(amountOf('kr 200 000')).toBe(200000);
    expect(amountOf('1\u00a0200\u00a0000 kr')).toBe(1200000);
    expect(amountOf('x')).toBeUndefined();
    expect(amountOf('12 %')).toBeUndefined();
    expect(amountOf('1.200.000')).toBeUndefined();
    expect(amountOf(Number.NaN)).toBeUndefined();
  });

  it('amounts written as text are summed like numbers; a text that is no amount is an error at its place', () => {
    const config = `malskjema:\n${LEVELS[1]}  columns:\n    - { id: kostnad, kind: amount, header: Kostnad }\n`;
    const ok = docOf(planWith('tiltak:\n  - tekst: A\n    kostnad: { 2025: "kr 200 000" }\n  - tekst: B\n    kostnad: { 2025: "1 000 000 kr" }\n', config));
    const texts = textsOf(ok, 'utkast');
    expect(texts.slice(texts.indexOf('Sum'), texts.indexOf('Sum') + 2)).toEqual(['Sum', n(1200000)]);
    const r = check(planWith('tiltak:\n  - tekst: A\n    kostnad: { 2025: "1.200.000" }\n', config));
    expect(r.lines).toEqual([`${MS}:3:22 validate/mark-in-amount-column`]);
  });
});

describe('status vocabulary', () => {
  const statusConfig = (extra = ''): string => `malskjema:\n${LEVELS[1]}${COLUMNS}  status:\n    - { id: ja, label: { nn: Med, nb: Med i planen } }\n    - { id: nei, label: Utelatt, omit_in_vedtak: true${extra} }\n`;
  const file = 'tiltak:\n  - { tekst: Første, status: ja }\n  - { tekst: Andre, status: nei }\n';

  it('prints the status label as text in the body colour when no colour is declared', () => {
    const doc = docOf(planWith(file, statusConfig()));
    expect(headersOf(doc)[0]!.slice(0, 2)).toEqual(['Tiltak', 'Status']);
    const def = JSON.stringify(layoutDocument(doc, 'utkast', new Map()).definition.content);
    expect(def).toContain('"text":"Med i planen","fontSize":7.5,"bold":true');
    expect(def).not.toContain('#b3261e');
  });

  it('leaves out of vedtak exactly the rows whose status says so', () => {
    const doc = docOf(planWith(file, statusConfig()));
    expect(textsOf(doc, 'utkast')).toEqual(expect.arrayContaining(['Første', 'Andre', 'Utelatt']));
    const vedtak = textsOf(doc, 'vedtak');
    expect(vedtak).toContain('Første');
    expect(vedtak).not.toContain('Andre');
  });

  it('a declared colour fills the status cell with readable text', () => {
    const def = JSON.stringify(layoutDocument(docOf(planWith(file, statusConfig(', colour: "#f2c94c"'))), 'utkast', new Map()).definition.content);
    expect(def).toContain('"text":"● Utelatt","fillColor":"#f2c94c","color":"#1a1a1a"');
  });

  it('an unknown status gets a did-you-mean; a missing one is named', () => {
    const r = check(planWith('tiltak:\n  - { tekst: A, status: jaa }\n  - { tekst: B }\n', statusConfig()));
    expect(r.lines).toEqual([`${MS}:2:25 validate/unknown-status`, `${MS}:3:5 validate/status-missing`]);
    expect(r.diagnostics[0]!.message).toBe("unknown målskjema status 'jaa' — did you mean 'ja'?");
  });

  it('without a vocabulary there is no status column and a written status is an error', () => {
    const doc = docOf(planWith('tiltak:\n  - tekst: A\n', `malskjema:\n${LEVELS[1]}${COLUMNS}  status: []\n`));
    expect(headersOf(doc)[0]![1]).toBe('Ansvar');
    expect(check(planWith('tiltak:\n  - { tekst: A, status: ja }\n', `malskjema:\n${LEVELS[1]}${COLUMNS}  status: []\n`)).lines).toEqual([`${MS}:2:25 validate/unknown-status`]);
  });
});

describe('labels and where the configuration is declared', () => {
  it('a level label written per language form follows the plan (nn and nb)', () => {
    const config = `malskjema:\n  levels:\n    - { id: hovudmal, label: { nn: Hovudmål, nb: Hovedmål } }\n    - { id: mal }\n    - { id: tiltak }\n${FITS_FILE}`;
    expect(textsOf(docOf(planWith(undefined, config, 'nb')), 'utkast')).toContain('Hovedmål: ');
    expect(textsOf(docOf(planWith(undefined, config, 'nn')), 'utkast')).toContain('Hovudmål: ');
  });

  it('levels without a label take the label file\'s word: nb and nn', () => {
    const config = `malskjema:\n  levels:\n    - { id: hovudmal }\n    - { id: mal }\n    - { id: tiltak }\n${FITS_FILE}`;
    expect(textsOf(docOf(planWith(undefined, config, 'nb')), 'utkast')).toEqual(expect.arrayContaining(['Hovedmål: ', 'Mål', 'Tiltak', 'Ansvar']));
    expect(textsOf(docOf(planWith(undefined, config, 'nn')), 'utkast')).toContain('Hovudmål: ');
  });

  it('no configuration at all: the neutral defaults (hovudmål → mål → delmål → tiltak, Ansvar, a mark per year, no status)', () => {
    const file = 'hovudmal: { tekst: God helse }\nmal:\n  - tekst: A\n    delmal:\n      - tekst: B\n        tiltak:\n          - { tekst: C, ansvar: Kultur, ar: { 2025: x } }\n';
    const dir = planWith(file, '');
    fs.writeFileSync(path.join(path.dirname(dir), 'kommunar', 'testvik.yaml'),
      fs.readFileSync(path.join(path.dirname(dir), 'kommunar', 'testvik.yaml'), 'utf8').replace(/^malskjema:\n(?: {2}.*\n)+/m, ''));
    const doc = docOf(dir);
    expect(malskjemaOf(doc).config.status).toEqual([]);
    expect(headersOf(doc)[0]).toEqual(['Delmål', 'Tiltak', 'Ansvar', '2025', '2026', '2027']);
    expect(textsOf(doc, 'utkast')).toEqual(expect.arrayContaining(['Hovedmål: ', 'Mål: ']));
    expect(textsOf(doc, 'utkast').join(' ')).not.toMatch(/KDP|Omtal|Samarbeid/);
  });

  it('the status vocabulary comes from the kommune profile when the plan declares none; the plan\'s wins', () => {
    expect(malskjemaOf(docOf(planWith(undefined))).config.status.map((s) => s.id)).toEqual(['pagar', 'utgar']);
    const own = planWith(undefined);
    edit(own, 'plan.yaml', '    - { id: kostnad, kind: amount, header: Kostnad }\n', '    - { id: kostnad, kind: amount, header: Kostnad }\n  status:\n    - { id: pagar, label: Startet }\n    - { id: utgar, label: Stoppet }\n');
    const m = malskjemaOf(docOf(own));
    expect(m.config.status.map((s) => [s.label, s.leftOutOfVedtak])).toEqual([['Startet', false], ['Stoppet', false]]);
  });

  it('the målskjema file\'s own config: wins over plan.yaml', () => {
    const dir = planWith(undefined);
    fs.appendFileSync(path.join(dir, MS), 'config:\n  levels:\n    - { id: hovudmal, label: Visjon }\n    - { id: mal }\n    - { id: tiltak }\n');
    const doc = docOf(dir);
    expect(textsOf(doc, 'utkast')).toContain('Visjon: ');
    expect(malskjemaOf(doc).config.columns.map((c) => c.id)).toEqual(['ansvar', 'tidsramme', 'kostnad']);
  });
});

/** The web edition's HTML of the plan's målskjema. */
const webOf = (doc: PlanDocument, variant: VariantName = 'utkast'): string =>
  malskjemaHtml(malskjemaOf(doc), { doc, labels: labelsFor(doc.meta.language), variant, notes: new FootnoteMarks(), images: new Map(), ids: { next: 0 } });

describe('numbers, names and colours', () => {
  const NBSP = '\u00a0';
  const numbered = [
    'hovudmal: { nummer: 1, tekst: God helse }',
    'mal:',
    '  - nummer: "1.2"',
    '    tekst: Aktive barn',
    '    tiltak:',
    '      - { nummer: "1.2.1", tekst: Felles tildelingskontor, ansvar: Velferd }',
    '      - { tekst: Turkart, ansvar: Kultur }',
    '  - tekst: Trygge eldre',
    '    tiltak:',
    '      - { nummer: "2.1", tekst: Besøksvenn, ansvar: Helse }',
    '',
  ].join('\n');

  it('prints each row\'s and line\'s number before its text in its cell (PDF), nothing for an entry without one', () => {
    const texts = textsOf(docOf(planWith(numbered, `malskjema:\n${LEVELS[3]}${COLUMNS}`)), 'utkast');
    const before = (t: string): string | undefined => texts[texts.indexOf(t) - 1];
    expect(before('Aktive barn')).toBe(`1.2${NBSP}`);
    expect(before('Felles tildelingskontor')).toBe(`1.2.1${NBSP}`);
    expect(before('Besøksvenn')).toBe(`2.1${NBSP}`);
    // No number: the cell holds the text alone.
    expect(texts.filter((t) => /^\d[\d.]*\u00a0$/.test(t))).toEqual([`1.2${NBSP}`, `1.2.1${NBSP}`, `2.1${NBSP}`]);
    expect(texts).toContain('Hovedmål 1: ');
  });

  it('prints the numbers of every level of four, title and hovudmål after their level\'s word', () => {
    const file = [
      'hovudmal: { nummer: 2, tekst: God helse }',
      'mal:',
      '  - nummer: "2.1"',
      '    tekst: Aktive barn',
      '    delmal:',
      '      - nummer: "2.1.1"',
      '        tekst: Flere går til skolen',
      '        oppna:',
      '          - tekst: Trygge skoleveier',
      '            tiltak:',
      '              - { nummer: "2.1.1.1", tekst: Gangfelt ved skolen, ansvar: Teknisk }',
      '',
    ].join('\n');
    const doc = docOf(planWith(file, `malskjema:\n${LEVELS[4]}${COLUMNS}`));
    const texts = textsOf(doc, 'utkast');
    expect(texts).toEqual(expect.arrayContaining(['Hovedmål 2: ', 'Innsatsområde 2.1: ']));
    expect(texts[texts.indexOf('Flere går til skolen') - 1]).toBe(`2.1.1${NBSP}`);
    expect(texts[texts.indexOf('Gangfelt ved skolen') - 1]).toBe(`2.1.1.1${NBSP}`);
    const html = webOf(doc);
    expect(html).toContain(`>2.1.1${NBSP}Flere går til skolen</th>`);
    expect(html).toContain(`>2.1.1.1${NBSP}Gangfelt ved skolen</th>`);
    // With title rows, each table is named by its title; the hovudmål stands above them.
    expect(html).toMatch(/<caption[^>]*><strong>Innsatsområde 2\.1:<\/strong> Aktive barn<\/caption>/);
    expect(html).toContain('<p class="hovudmal"><strong>Hovedmål 2:</strong> God helse</p>');
  });

  it('web: the numbers before the texts, and a three-level table named by its hovudmål (printed once)', () => {
    const html = webOf(docOf(planWith(numbered, `malskjema:\n${LEVELS[3]}${COLUMNS}`)));
    expect(html).toContain(`data-label="Mål">1.2${NBSP}Aktive barn</th>`);
    expect(html).toContain(`data-label="Tiltak">1.2.1${NBSP}Felles tildelingskontor</th>`);
    expect(html).toContain('data-label="Tiltak">Turkart</th>');
    expect(html).toContain('data-label="Mål">Trygge eldre</th>');
    expect(html).toMatch(/<caption[^>]*><strong>Hovedmål 1:<\/strong> God helse<\/caption>/);
    expect(html.match(/God helse/g)).toHaveLength(1);
    // The fixture's own målskjema: a hovudmål without a number.
    expect(webOf(docOf(planWith(undefined)))).toMatch(/<caption[^>]*><strong>Hovedmål:<\/strong> Innbyggerne har god helse og livskvalitet gjennom hele livet<\/caption>/);
  });

  it('fills the header row with the kommune\'s colour, as every other table\'s header', () => {
    const doc = docOf(planWith(undefined));
    const colour = doc.meta.kommune.colour!;
    expect(colour).toBe('#7a1f5c');
    const def = layoutDocument(doc, 'utkast', new Map()).definition;
    const fills: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        const o = x as { style?: string; fillColor?: string };
        if (o.style === 'malskjemaHeader' || o.style === 'tableHeader') fills.push(`${o.style} ${o.fillColor}`);
        Object.values(x).forEach(walk);
      }
    };
    walk(def.content);
    expect(fills.length).toBeGreaterThan(3);
    expect([...new Set(fills.map((f) => f.split(' ')[1]))]).toEqual([colour]);
    expect((def.styles as Record<string, { color?: string }>).malskjemaHeader!.color).toBe('#ffffff');
  });

  it('names a level in lower case inside a sentence, an abbreviation as written', () => {
    const l = labelsFor('nn');
    expect(levelInSentence(l, { id: 'delmal' })).toBe('delmål');
    expect(levelInSentence(l, { id: 'mal', label: 'Mål' })).toBe('mål');
    expect(levelInSentence(l, { id: 'mal', label: 'KDP-mål' })).toBe('KDP-mål');
    expect(servesLine(l, { mal: ['2.1', '2.3'], level: { id: 'delmal' } })).toBe('Bidreg til delmål 2.1, 2.3');
    expect(servesLine(labelsFor('nb'), { mal: ['1'], level: { id: 'mal', label: 'Mål' } })).toBe('Bidrar til mål 1');
    expect(servesLine(l, { mal: [], level: { id: 'mal' } })).toBeUndefined();
  });

  it('sets the status explanation in the text column, as the paragraphs around it', () => {
    const dir = planWith(undefined);
    edit(dir, 'kapittel/01-tiltak.yaml', '  - malskjema:', '  - statusforklaring: {}\n  - malskjema:');
    const content = layoutDocument(docOf(dir), 'utkast', new Map()).definition.content as unknown as Record<string, unknown>[];
    const legend = content.find((n) => Array.isArray(n.ul));
    const paragraph = content.find((n) => n.style === 'p' && JSON.stringify(n.text).includes('Tabellen viser'));
    expect(JSON.stringify(legend?.ul)).toContain('Pågår');
    expect((legend!.margin as number[])[0]).toBe(SIDE_COLUMN);
    expect((legend!.margin as number[])[2]).toBe((paragraph!.margin as number[])[2]);
  });
});
