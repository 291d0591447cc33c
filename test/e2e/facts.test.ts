// End to end: text that refers to the plan's facts ([fakta: …]) prints them from plan.yaml, in nynorsk
// and bokmål; the målskjema facts and the status list follow the rows a variant shows; a reference to
// a marked example value is refused like the value; the document page prints each value once and the
// PDF title joins title and subtitle with a dash.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtPdf, cli, flatText, pdfInfo, pdfPages, sharedBuild } from '../helpers/pdf.js';
import { copyPlan, edit, FIXTURES, REPO } from '../helpers/planCopy.js';

/** Month names written out here, not taken from the label files the code uses. */
const MONTHS = {
  nn: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
} as const;
const longDate = (d: string, lang: 'nn' | 'nb'): string => `${Number(d.slice(8, 10))}. ${MONTHS[lang][Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const outDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-fakta-'));

describe('plan facts in text', () => {
  it('prints a referenced fact from plan.yaml (nynorsk), in a paragraph and a caption', () => {
    const plan = copyPlan(path.join(FIXTURES, 'minimal'));
    // A frist no other text of the fixture holds: only the reference can print it.
    edit(plan, 'plan.yaml', 'frist: 2024-05-20', 'frist: 2024-05-23');
    edit(plan, 'kapittel/01-alt.yaml', '  - note: Dette er', '  - p: "Fristen er [fakta: hoyring.frist]; saka: [fakta: hoyring.sak]."\n  - note: Dette er');
    edit(plan, 'kapittel/01-alt.yaml', 'caption: Bustader per stad', 'caption: "Bustader per stad [fakta: period]"');
    const out = outDir();
    const r = cli(['build', plan, '--variant', 'hoyring', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const text = flatText(path.join(out, 'minimal', '1.0', 'minimal-1.0-hoyring.pdf'));
    expect(text).toContain('Fristen er 23. mai 2024; saka: Kommunestyret, sak 031/24, 28. mars 2024.');
    expect(text).toContain('Bustader per stad 2024–2030');
    expect(text).not.toContain('[fakta');
  });

  it('prints the høyring period from plan.yaml in a bokmål plan (Hole)', async () => {
    const meta = parse(fs.readFileSync(path.join(REPO, 'plan-data/hole-planprogram-velferd/plan.yaml'), 'utf8')) as { variants: { hoyring: { date: unknown; frist: unknown } } };
    const from = longDate(iso(meta.variants.hoyring.date), 'nb');
    const to = longDate(iso(meta.variants.hoyring.frist), 'nb');
    // Both ends in one year: the year is written once («22. mars – 3. mai 2024»).
    const period = `${from.replace(/ \d{4}$/, '')} – ${to}`;
    const text = flatText(await builtPdf('plan-data/hole-planprogram-velferd', 'hoyring'));
    expect(text).toContain(`${period}: høring og offentlig ettersyn av planprogrammet`);
    expect(text).toContain(`offentlig ettersyn, denne gangen ${period}.`);
  });

  it('covers in the vedtak only the KDP-mål and statuses it shows (Alver)', async () => {
    const hoyring = flatText(await builtPdf('plan-data/alver-hso', 'hoyring'));
    const vedtak = flatText(await builtPdf('plan-data/alver-hso', 'vedtak'));
    expect(hoyring).toMatch(/Målskjemaet under dekkjer KDP-?\s?mål 1\.1–1\.7\./);
    // 1.3–1.6 hold only delmål «Ikkje i denne planen», which the vedtak leaves out.
    expect(vedtak).toMatch(/Målskjemaet under dekkjer KDP-?\s?mål 1\.1, 1\.2 og 1\.7\./);
    expect(vedtak).toMatch(/KDP-?\s?mål 2\.1 og 2\.5\./);
    expect(hoyring).toContain('Ikkje i denne planen: delmålet vert førebels ikkje omtalt her');
    expect(vedtak).not.toContain('Ikkje i denne planen');
    expect(vedtak).toContain('Samarbeid – må avklarast: delmålet er eit mogleg samarbeidsområde');
  });

  it('refuses a vedtak whose text names a marked høyring value, at the reference', () => {
    const plan = copyPlan(path.join(FIXTURES, 'minimal'));
    fs.appendFileSync(path.join(plan, 'plan.yaml'), 'eksempel:\n  - variants.hoyring.sak.nummer\n');
    edit(plan, 'kapittel/01-alt.yaml', '  - note: Dette er', '  - p: "Sendt på høyring i sak [fakta: hoyring.sak.nummer]."\n  - note: Dette er');
    const r = cli(['build', plan, '--variant', 'vedtak', '--out', outDir(), '--format', 'json']);
    expect(r.code).toBe(1);
    const diags = (JSON.parse(r.stdout) as { diagnostics: { code: string; span: { file: string; line: number; col: number } }[] }).diagnostics;
    // The value's own mark concerns the høyring only; the reference prints it in the vedtak.
    expect(diags.map((d) => [path.basename(d.span.file), d.span.line, d.code])).toEqual([
      ['01-alt.yaml', 6, 'validate/example-value'],
      ['plan.yaml', 27, 'validate/example-value'],
    ]);
  });

  it('prints each value of the vedtak page once, and the title with its subtitle after a dash', async () => {
    const pdf = await builtPdf('plan-data/alver-hso', 'vedtak');
    const page = pdfPages(pdf).find((p) => p.includes('Vedtaksdato'))!;
    expect(page.match(/16\. februar 2023/g)).toHaveLength(1);
    expect(page).not.toContain('Dato for saka');
    expect(pdfInfo(pdf).fields.Title).toMatch(/^Kommunedelplan helse, sosial og omsorg – 2022–2034/);
    const out = (await sharedBuild('plan-data/alver-hso')).out;
    const archive = JSON.parse(fs.readFileSync(path.join(out, 'alver-hso', '1.0', 'arkivmetadata.json'), 'utf8')) as { dokument: { tittel: string }[] };
    expect(archive.dokument[0]!.tittel).toBe('Kommunedelplan helse, sosial og omsorg – 2022–2034');
  });
});
