// PDF/A-2a and accessibility: every fixture PDF passes `plantrykk audit`; deliberately broken PDFs
// fail it on the right rule; and a page read in structure order reads as the plan does.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditPdf } from '../../src/audit/auditPdf.js';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { checkPlan, renderCharts } from '../../src/pipeline.js';
import { layoutDocument } from '../../src/layout/document.js';
import { renderLaidOut } from '../../src/emit/renderPdf.js';
import { cli, pdfPages } from '../helpers/pdf.js';
import { FIXTURES } from '../helpers/planCopy.js';
import { textInStructureOrder } from '../helpers/structure.js';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-audit-'));
const files: string[] = [];

beforeAll(() => {
  for (const plan of ['minimal', 'utvida']) {
    const r = cli(['build', path.join(FIXTURES, plan), '--out', out]);
    expect(r.code).toBe(0);
  }
  for (const d of fs.readdirSync(out)) {
    for (const v of fs.readdirSync(path.join(out, d))) {
      for (const f of fs.readdirSync(path.join(out, d, v))) if (f.endsWith('.pdf')) files.push(path.join(out, d, v, f));
    }
  }
});

/** Lay out a fixture variant, let `breakIt` change the definition, render it to a file. */
async function brokenPdf(name: string, breakIt: (def: Record<string, unknown>) => void): Promise<{ file: string; problems: readonly string[] }> {
  const checked = checkPlan(nodeHost, path.join(FIXTURES, 'minimal'), undefined, new DiagnosticSink())!;
  const laid = layoutDocument(checked.doc, 'vedtak', renderCharts(checked.doc));
  breakIt(laid.definition);
  const pdf = await renderLaidOut(laid);
  const file = path.join(out, `${name}.pdf`);
  fs.writeFileSync(file, pdf.bytes);
  return { file, problems: pdf.pdfaProblems ?? [] };
}

/** Every node of a pdfmake definition's content, depth first. */
function nodes(def: Record<string, unknown>): Record<string, any>[] {
  const all: Record<string, any>[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      all.push(n as Record<string, any>);
      for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v);
    }
  };
  walk(def.content);
  return all;
}

describe('plantrykk audit', () => {
  it('finds nothing in any variant of the fixture plans, and says so with exit 0', () => {
    expect(files.length).toBe(6);
    const r = cli(['audit', ...files]);
    expect(r.stdout).toContain(`audit: 6 files, 11 rules, 0 findings`);
    expect(r.code).toBe(0);
  });

  it('finds an untagged PDF without PDF/A identification (exit 7)', async () => {
    const { file } = await brokenPdf('untagged', (def) => {
      delete def.tagged;
      delete def.subset;
    });
    const rules = new Set((await auditPdf(file)).map((f) => f.rule));
    expect(rules).toEqual(new Set(['structure-tree', 'marked-content', 'xmp-pdfa', 'output-intent']));
    const r = cli(['audit', file]);
    expect(r.code).toBe(7);
    expect(r.stdout).toMatch(/page 1: \[marked-content\] \d+ text operators are neither tagged content nor an artifact/);
  });

  it('finds a figure without alternative text — and the build would refuse it', async () => {
    const { file, problems } = await brokenPdf('no-alt', (def) => {
      const svg = nodes(def).find((n) => n.svg && n.pdfTag?.type === 'Figure')!;
      svg.pdfTag = { type: 'Figure' };
    });
    expect(problems).toContain('a Figure has no alternative text');
    expect((await auditPdf(file)).map((f) => f.rule)).toContain('figure-alt');
  });

  it('finds a skipped heading level', async () => {
    const { file } = await brokenPdf('heading-skip', (def) => {
      const h2 = nodes(def).find((n) => n.pdfTag?.type === 'H2')!;
      h2.pdfTag = { type: 'H4' };
    });
    const findings = await auditPdf(file);
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'heading-order', message: 'H4 follows H1: a heading level is skipped' }));
  });

  it('finds a table without header cells', async () => {
    const { file } = await brokenPdf('no-th', (def) => {
      for (const n of nodes(def)) if (n.pdfTag?.type === 'TH') n.pdfTag = { ...n.pdfTag, type: 'TD', scope: undefined };
    });
    expect((await auditPdf(file)).map((f) => f.rule)).toContain('table-headers');
  });

  it('finds encryption', async () => {
    const encrypted = path.join(out, 'encrypted.pdf');
    execFileSync('qpdf', ['--encrypt', '', 'eier', '256', '--', files[0]!, encrypted]);
    expect((await auditPdf(encrypted)).map((f) => f.rule)).toContain('encryption');
  });
});

describe('the structure tree', () => {
  it('reads a page aloud in the order the plan reads, without running heads', async () => {
    const vedtak = files.find((f) => f.endsWith('minimal-1.0-vedtak.pdf'))!;
    const page = pdfPages(vedtak).findIndex((p) => p.includes('Innleiing med')) + 1;
    const spoken = await textInStructureOrder(vedtak, page);
    // Lines of one paragraph are separate marked contents: read them as one text.
    const reading = spoken.map((s) => s.text.trim()).filter(Boolean).join(' ');
    const expected = ['1 Alle blokktypar', 'Innleiing med utheving, feit skrift, ei lenkje og ei fotnote', '1.1 Lister og sitat', 'Første punkt', 'Andre punkt', 'Eitt', 'To', 'Alfa', 'Beta', 'Sjekka', 'Òg sjekka', '«Eit kort sitat.»', '1.1.1 Tabellar', 'Tabell 1: Bustader per stad', 'Trinn', 'Type', 'Omsorgsbustad', 'Sjukeheim', 'Totalt'];
    let at = -1;
    for (const e of expected) {
      const i = reading.indexOf(e, at + 1);
      expect(i, `«${e}» after ${at} in «${reading.slice(0, 400)}»`).toBeGreaterThan(at);
      at = i;
    }
    expect(reading).not.toContain('Side 4 av');
    expect(reading).not.toContain('Testplan for plantrykk'); // the running header is an artifact
    expect(spoken.find((s) => s.text.startsWith('1 Alle blokktypar'))?.role).toBe('H1');
    expect(spoken.find((s) => s.text.startsWith('Trinn') && s.role === 'TH')).toBeDefined();
  });

  it('reads the målskjema row by row: delmål, status as text, oppnå, tiltak, ansvar, years', async () => {
    const utkast = files.find((f) => f.endsWith('minimal-1.0-utkast.pdf'))!;
    const page = pdfPages(utkast).findIndex((p) => p.includes('KDP-mål 1.1:')) + 1;
    const reading = (await textInStructureOrder(utkast, page)).map((s) => s.text.trim()).filter(Boolean).join(' ').replace(/\u00a0/g, ' ');
    const expected = ['KDP-mål 1.1', 'Delmål', 'Status', 'Dette vil vi oppnå', 'Vi skal byggje fleire bustader', '● Omtalast i planen', 'Vi har nok bustader for eldre', 'Lage ein bustadplan', 'Helse og omsorg', 'X', '650 000', 'Vi skal ikkje gjere dette', '● Ikkje i denne planen'];
    let at = -1;
    for (const e of expected) {
      const i = reading.indexOf(e, at + 1);
      expect(i, `«${e}» in «${reading}»`).toBeGreaterThan(at);
      at = i;
    }
  });
});
