// Amounts, case references and milestone periods as kommunar write them, through check and into the PDF:
// sums of Norwegian-written amounts print in the house format, saksnummer print exactly as written,
// milestone periods print as periods in the milepælsplan and draw as bars in the Gantt chart.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../helpers/checkRun.js';
import { cli, countColour, flatText, pagePixels, pdfPages } from '../helpers/pdf.js';
import { copyPlan, edit, FIXTURES } from '../helpers/planCopy.js';

const TABLE = `  - table:
      id: kostnad
      caption: Kostnad per tiltak
      header: [Tiltak, "2024", "2025", Sum]
      rows:
        - [Tiltak A, "1 200 000 kr", "kr 200 000", null]
        - [Tiltak B, "\u22121 200", "12,5", null]
        - [Tiltak C, "1\u202f000", "1\u2009000", "2\u00a0000"]
      totals: { columns: [1, 2], row: Sum, column: true }
`;

/** The utvida fixture with amounts, saksnummer and a milestone period written the Norwegian way. */
function norwegianPlan(hoyringSak: string, vedtakSak: string): string {
  const dir = copyPlan(path.join(FIXTURES, 'utvida'));
  edit(dir, 'kapittel/01-alt.yaml', 'blocks:\n  - fakta:', `blocks:\n${TABLE}  - fakta:`);
  edit(dir, 'kapittel/01-alt.yaml', '        - { label: Prosjekteier, value: Kommunaldirektør }', '        - { label: Prosjekteier, value: Kommunaldirektør }\n        - { label: Ramme, value: "2500000 kr" }');
  edit(dir, 'data/budsjett.yaml', 'values: [1000, 1100]', 'values: ["1 000", "1\u00a0100"]');
  edit(dir, 'data/budsjett.yaml', 'values: [1500, 1550]', 'values: ["1 500", "1 550"]');
  edit(dir, 'plan.yaml', 'nummer: "012/24"', `nummer: "${hoyringSak}"`);
  edit(dir, 'plan.yaml', 'nummer: "044/24"', `nummer: "${vedtakSak}"`);
  edit(dir, 'data/framdrift.yaml', '{ name: Planprogram vedtatt, date: 2024-06 }', '{ name: Planarbeid i perioden, from: 2024-04, to: 2024-09 }');
  return dir;
}

describe('case references', () => {
  const forms = ['090/22', 'K-009/24', 'PS 12/23', '2022/1234-5', '22/1234', 'FS-sak 12/2023', 'KST-sak 2024/17'];
  for (const form of forms) {
    it(`accepts ${form}`, () => {
      const r = check(norwegianPlan(form, '044/24'));
      expect(r.lines).toEqual([]);
      expect(r.ok).toBe(true);
    });
  }
  for (const form of ['sak 12', '12/', 'K-/24', '12/24 og 13/24', 'https://x/1/2', '12//24']) {
    it(`refuses ${JSON.stringify(form)} with a message that shows the forms`, () => {
      const r = check(norwegianPlan(form, '044/24'));
      expect(r.lines).toEqual(['plan.yaml:17:42 schema/invalid']);
      expect(r.diagnostics[0]!.message).toContain('"K-009/24", "PS 12/23"');
    });
  }
});

describe('amounts refused', () => {
  it('name the column by its header and say what to write', () => {
    const dir = norwegianPlan('012/24', '044/24');
    edit(dir, 'kapittel/01-alt.yaml', '"kr 200 000"', '"200.000"');
    edit(dir, 'kapittel/01-alt.yaml', '"2\u00a0000"', '"2,000,000"');
    edit(dir, 'data/budsjett.yaml', '"1 500"', '"1 500 NOK"');
    const r = check(dir);
    expect(r.diagnostics.map((d) => [`${path.basename(d.span.file)}:${d.span.line}:${d.span.col}`, d.code, d.message, ...d.hints])).toEqual([
      ['budsjett.yaml:8:31', 'validate/not-a-number', "the column '2024' is summed, but this cell is not a number",
        'write digits with a space between groups of three and a decimal comma, e.g. 1 200 000, 12,5, 1 200 000 kr or 12,5 %'],
      ['01-alt.yaml:10:38', 'validate/not-a-number', "the column '2025' is summed, but this cell is not a number",
        'write 200 000: thousands are separated by a space in Norwegian, not by a full stop; or remove the column from `totals.columns`'],
      ['01-alt.yaml:12:40', 'validate/not-a-number', "the column 'Sum' holds the row sums, but this cell is not a number",
        'write 2 000 000: thousands are separated by a space in Norwegian, and the decimal mark is a comma; or leave the cell empty and the sum is filled in'],
    ]);
  });
});

describe('a plan written the Norwegian way, built', () => {
  const dir = norwegianPlan('PS 12/24', 'K-009/24');
  const out = fs.mkdtempSync(path.join(path.dirname(dir), 'out-'));
  const built = cli(['build', dir, '--variant', 'all', '--out', out]);
  const pdf = (variant: string): string => path.join(out, path.basename(dir), '2.0', `${path.basename(dir)}-2.0-${variant}.pdf`);

  it('builds', () => {
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
  });

  it('prints summed amounts, their sums and numeric fakta values in the house format', () => {
    const text = pdfPages(pdf('vedtak'), true).join('\n');
    // pdftotext gives the no-break spaces of the house format as plain spaces.
    const nb = (s: string): string => s.replace(/ /g, '[ \u00a0]');
    // Cells and row sums: units agree → kept; written forms (kr before, U+202F, U+2009) → the house format.
    expect(text).toMatch(new RegExp(`Tiltak A\\s+${nb('1 200 000 kr')}\\s+${nb('200 000 kr')}\\s+${nb('1 400 000 kr')}`));
    expect(text).toMatch(new RegExp(`Tiltak B\\s+${nb('\u22121 200')}\\s+12,5\\s+${nb('\u22121 187,5')}`));
    expect(text).toMatch(new RegExp(`Tiltak C\\s+${nb('1 000')}\\s+${nb('1 000')}\\s+${nb('2 000')}`));
    // Column sums: mixed units → the bare number; the grand total.
    expect(text).toMatch(new RegExp(`Sum\\s+${nb('1 199 800')}\\s+${nb('201 012,5')}\\s+${nb('1 400 812,5')}`));
    expect(text).toMatch(new RegExp(`Ramme\\s+${nb('2 500 000 kr')}`));
    // The budget's amounts written as text, summed and printed.
    expect(text).toMatch(new RegExp(`Sum\\s+${nb('1 500')}\\s+${nb('1 550')}`));
  });

  it('prints case references exactly as written, on the PDF and in arkivmetadata', () => {
    expect(flatText(pdf('hoyring'))).toContain('PS 12/24');
    expect(flatText(pdf('vedtak'))).toContain('K-009/24');
    const meta = fs.readFileSync(path.join(out, path.basename(dir), '2.0', 'arkivmetadata.json'), 'utf8');
    expect(meta).toContain('"saksnummer": "PS 12/24"');
    expect(meta).toContain('"saksnummer": "K-009/24"');
    // The XMP packet is stored uncompressed (PDF/A): the saksnummer stands there as written.
    expect(fs.readFileSync(pdf('vedtak'), 'latin1')).toContain('<plantrykk:saksnummer>K-009/24</plantrykk:saksnummer>');
    expect(fs.readFileSync(pdf('hoyring'), 'latin1')).toContain('<plantrykk:saksnummer>PS 12/24</plantrykk:saksnummer>');
  });

  it('prints a milestone period in the milepælsplan and draws it as a bar with end cells in the Gantt', () => {
    const pages = pdfPages(pdf('vedtak'), true);
    expect(pages.join('\n')).toMatch(/Planarbeid i perioden\s+april – september 2024/);
    expect(pages.join('\n')).toMatch(/Plan på høring\s+15\. november 2024/);
    const gantt = pages.findIndex((p) => /Figur \d+: Framdriftsplan/.test(p)) + 1;
    expect(gantt).toBeGreaterThan(0);
    const img = pagePixels(pdf('vedtak'), gantt, 60);
    // The pale bar over the middle months, and the two dark end cells (more than the ■ of a point).
    expect(countColour(img, '#f0c3bd', 10)).toBeGreaterThan(100);
    expect(countColour(img, '#b3261e', 16)).toBeGreaterThan(100);
  });
});
