// End to end: values marked as examples (plan.yaml `eksempel`, a chart's `illustrative: true`).
// A høyring or vedtak with one is refused unless built with --eksempel, which stamps every page, the
// cover, the XMP and the archive record; an utkast builds with them marked; `check` warns.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, flatText, pdfInfo, pdfPages, pdfText, sharedBuild } from '../helpers/pdf.js';
import { copyPlan, edit, FIXTURES, REPO } from '../helpers/planCopy.js';

const STAMP = 'EKSEMPEL – ikkje eit offisielt dokument';

/** The minimal fixture with its høyring case number marked as an example value (plan.yaml line 27). */
function markedPlan(): string {
  const plan = copyPlan(path.join(FIXTURES, 'minimal'));
  fs.appendFileSync(path.join(plan, 'plan.yaml'), 'eksempel:\n  - variants.hoyring.sak.nummer\n');
  return plan;
}

const outDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-eksempel-'));

describe('example values', () => {
  it('refuses a høyring build with a marked value, at the value, and writes nothing', () => {
    const plan = markedPlan();
    const out = outDir();
    const r = cli(['build', plan, '--variant', 'hoyring', '--out', out, '--format', 'json']);
    expect(r.code).toBe(1);
    const diags = (JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; span: { file: string; line: number; col: number }; message: string; hints: string[] }[] }).diagnostics;
    expect(diags.map((d) => [path.basename(d.span.file), d.span.line, d.span.col, d.severity, d.code])).toEqual([
      ['plan.yaml', 27, 42, 'error', 'validate/example-value'],
    ]);
    expect(diags[0]!.message).toBe("'variants.hoyring.sak.nummer' is marked as an example value (eksempel): the høyring version cannot be built as an official document with it");
    expect(diags[0]!.hints.join(' ')).toMatch(/real value .* --eksempel/);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('refuses a vedtak with an illustrative chart, and names the data file', () => {
    const plan = copyPlan(path.join(FIXTURES, 'minimal'));
    edit(plan, 'data/folketal.yaml', 'illustrative: false', 'illustrative: true');
    const out = outDir();
    const r = cli(['build', plan, '--variant', 'vedtak', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('data/folketal.yaml:4:15: error: this data file is marked `illustrative: true`: the vedtak version cannot be built as an official document with it [validate/example-value]');
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('with --eksempel builds it, stamped on every page, the cover, the XMP and the archive record', () => {
    const plan = markedPlan();
    const out = outDir();
    const r = cli(['build', plan, '--variant', 'hoyring', '--eksempel', '--out', out]);
    expect(r.code).toBe(0);
    // The author asked for it: the stamp marks the values, no warning repeats them.
    expect(r.stderr).toBe('');
    const dir = path.join(out, 'minimal', '1.0');
    const pdf = path.join(dir, 'minimal-1.0-hoyring.pdf');
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(STAMP));
    // The cover (page 1) carries it above the kommune's name.
    expect(pdfText(pdf, { page: 1 }).trim().startsWith(STAMP)).toBe(true);
    const xmp = execMeta(pdf);
    expect(xmp).toContain(`<plantrykk:eksempel>${STAMP}</plantrykk:eksempel>`);
    expect(xmp).toMatch(new RegExp(`<dc:title>[\\s\\S]*– ${STAMP}</rdf:li>`));
    expect(pdfInfo(pdf).fields.Title).toMatch(new RegExp(`– ${STAMP}$`));
    const record = JSON.parse(fs.readFileSync(path.join(dir, 'arkivmetadata.json'), 'utf8')) as { dokument: { status: string }[] };
    expect(record.dokument.map((d) => d.status)).toEqual([`Høyringsutkast – ${STAMP}`]);
  });

  it('without marked values a høyring carries no stamp', () => {
    const out = outDir();
    expect(cli(['build', copyPlan(path.join(FIXTURES, 'minimal')), '--variant', 'hoyring', '--eksempel', '--out', out]).code).toBe(0);
    const pdf = path.join(out, 'minimal', '1.0', 'minimal-1.0-hoyring.pdf');
    expect(pdfText(pdf)).not.toContain('EKSEMPEL');
    expect(execMeta(pdf)).not.toContain('plantrykk:eksempel');
  });

  it('builds an utkast with example values, the chart marked illustrative, without the stamp', () => {
    const plan = markedPlan();
    edit(plan, 'data/folketal.yaml', 'illustrative: false', 'illustrative: true');
    fs.appendFileSync(path.join(plan, 'plan.yaml'), '  - variants.utkast.date\n');
    const out = outDir();
    const r = cli(['build', plan, '--variant', 'utkast', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('plan.yaml:23:11: warning: \'variants.utkast.date\' is marked as an example value (eksempel)');
    expect(r.stderr).toContain('data/folketal.yaml:4:15: warning:');
    const pdf = path.join(out, 'minimal', '1.0', 'minimal-1.0-utkast.pdf');
    expect(pdfText(pdf)).toContain('(illustrative tal)');
    expect(pdfText(pdf)).not.toContain(STAMP);
  });

  it('check warns about each marked value and passes', () => {
    const plan = markedPlan();
    const r = cli(['check', plan, '--format', 'json']);
    expect(r.code).toBe(0);
    const diags = (JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; span: { line: number; col: number } }[] }).diagnostics;
    expect(diags.map((d) => [d.span.line, d.span.col, d.severity, d.code])).toEqual([[27, 42, 'warning', 'validate/example-value-marked']]);
  });
});

describe('the example plans print the facts their source documents give', () => {
  let out = '';
  beforeAll(async () => {
    const r = await sharedBuild(path.join(REPO, 'plan-data'));
    expect(r.code).toBe(0);
    out = r.out;
  }, 600_000);
  const pdf = (plan: string, v: string): string => path.join(out, plan, '1.0', `${plan}-1.0-${v}.pdf`);

  it('Alver KDP: sent on høyring by Utval for helse og omsorg, sak 038/22 of 04.10.22, frist 01.12.22; Hagen\'s point told whole, in the plan\'s own words (no quotation cut short)', () => {
    const text = flatText(pdf('alver-hso', 'hoyring'));
    // The cover gives the høyring date once (the sak has the same date); the notice names the sak with it.
    expect(text).toContain('Sendt på høyring av Utval for helse og omsorg, sak 038/22');
    expect(text).toContain('Sendt på høyring av Utval for helse og omsorg, sak 038/22, 4. oktober 2022');
    expect(text).toContain('Høyringsfrist: 1. desember 2022');
    expect(text).not.toContain('101/22');
    expect(text).toContain('men trua på at omsorga berre kan gjevast slik ho blir gjeven no.');
    expect(text).not.toContain('«Omsorgskrisa');
  });

  it('Hole: kommunenummer 3310, and one høring period (22.03.–03.05.2024) on the cover, the notice and the chart', () => {
    const file = pdf('hole-planprogram-velferd', 'hoyring');
    const text = flatText(file);
    expect(text).toContain('3310');
    expect(text).not.toContain('3038');
    expect(flatText(file).replace(/\s+/g, ' ')).toContain('Høringsutkast Datert 22. mars 2024 Høringsfrist: 3. mai 2024');
    expect(text).toContain('22. mars 2024 – 3. mai 2024');
    // The project description refers to the høring period ([fakta: hoyring.period]) instead of retyping it.
    expect(text).toContain('22. mars – 3. mai 2024: høring og offentlig ettersyn av planprogrammet');
    expect(text).toContain('22. mars – 3. mai 2024');
    for (const other of ['15. april 2024', '31. mai 2024']) expect(text).not.toContain(other);
  });

  it('Åsnes: the body no longer puts the høring in May, where the cover has March–April', () => {
    expect(flatText(pdf('asnes-strategisk-plan-hov', 'hoyring'))).toContain('Planforslaget har vært på intern og ekstern høring (7. mars – 19. april 2022), og ble behandlet politisk i mai 2022.');
  });

  it('stamps every page of each høyring and vedtak that keeps example values, and no utkast', () => {
    const stamped = (plan: string, v: string, stamp: string): boolean[] => pdfPages(pdf(plan, v)).map((p) => p.includes(stamp));
    const nb = 'EKSEMPEL – ikke et offisielt dokument';
    for (const [plan, stamp] of [['alver-hso', STAMP], ['alver-planprogram-hso', STAMP], ['hole-planprogram-velferd', nb], ['asnes-strategisk-plan-hov', nb]] as const) {
      for (const v of ['hoyring', 'vedtak']) expect(stamped(plan, v, stamp).every(Boolean), `${plan} ${v}`).toBe(true);
      expect(stamped(plan, 'utkast', stamp).some(Boolean), `${plan} utkast`).toBe(false);
    }
    expect(stamped('alver-statusrapport-2022', 'vedtak', STAMP).every(Boolean)).toBe(true);
  });
});

function execMeta(pdf: string): string {
  // pdfinfo -meta prints the document's XMP packet.
  return execFileSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' });
}
