// PDF/A-2a and accessibility: every fixture PDF passes `plantrykk audit`; deliberately broken PDFs
// (broken in layout, or by editing a passing PDF's objects with qpdf) fail it on the right rule and
// nothing else; files that are no PDF at all are findings too; and a page read in structure order reads as the plan does.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_RULES, auditPdf, type Finding } from '../../src/audit/auditPdf.js';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { checkPlan, renderCharts } from '../../src/pipeline.js';
import { layoutDocument } from '../../src/layout/document.js';
import { renderLaidOut } from '../../src/emit/renderPdf.js';
import type { PdfaProblem } from '../../src/emit/engine/documentContext.js';
import { builtPdf, cli, pdfPages } from '../helpers/pdf.js';
import { copyPlan, FIXTURES, REPO } from '../helpers/planCopy.js';
import { textInStructureOrder } from '../helpers/structure.js';
import { GREY_PIXEL, lzw, PdfPatch, str } from '../helpers/pdfPatch.js';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-audit-'));
const files: string[] = [];

beforeAll(async () => {
  // The run's shared builds of the fixture plans (every variant): read here, never written.
  for (const plan of ['minimal', 'utvida']) {
    for (const variant of ['utkast', 'hoyring', 'vedtak']) files.push(await builtPdf(path.join(FIXTURES, plan), variant));
  }
});

/** Lay out a fixture variant, let `breakIt` change the definition, render it to a file. */
async function brokenPdf(name: string, breakIt: (def: Record<string, unknown>) => void): Promise<{ file: string; problems: readonly PdfaProblem[] }> {
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
    expect(r.stdout).toContain(`audit: 6 files, ${AUDIT_RULES.length} rules, 0 findings`);
    expect(r.code).toBe(0);
  });

  it('has every rule in the README\'s table of audit rules, and nothing else there', () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| rule | what it checks |'));
    const listed = [...table.slice(0, table.indexOf('\n\n')).matchAll(/^ *\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual([...AUDIT_RULES]);
  });

  it('finds an untagged PDF without PDF/A identification (exit 7)', async () => {
    const { file } = await brokenPdf('untagged', (def) => {
      delete def.tagged;
      delete def.subset;
    });
    const rules = new Set((await auditPdf(file)).map((f) => f.rule));
    // The charts' soft masks are transparency, allowed only with the output intent that is missing.
    expect(rules).toEqual(new Set(['structure-tree', 'marked-content', 'xmp-pdfa', 'output-intent', 'transparency']));
    const r = cli(['audit', file]);
    expect(r.code).toBe(7);
    expect(r.stdout).toMatch(/page 1: \[marked-content\] \d+ text operators are neither tagged content nor an artifact/);
  });

  it('finds a figure without alternative text — and the build would refuse it', async () => {
    const { file, problems } = await brokenPdf('no-alt', (def) => {
      const svg = nodes(def).find((n) => n.svg && n.pdfTag?.type === 'Figure')!;
      svg.pdfTag = { type: 'Figure', blockId: svg.pdfTag.blockId };
    });
    // The problem names the block it came from (the chart), so the build reports at its place.
    expect(problems).toEqual([{ reason: 'a Figure has no alternative text', blockId: 'folketal' }]);
    expect((await auditPdf(file)).map((f) => f.rule)).toContain('figure-alt');
  });

  it('finds a picture outside any Figure, and names the block it belongs to', async () => {
    const { problems } = await brokenPdf('image-no-figure', (def) => {
      const image = nodes(def).find((n) => n.image && n.pdfTag?.type === 'Figure')!;
      delete image.pdfTag;
    });
    expect(problems).toEqual([{ reason: 'a picture or chart is not inside a Figure', blockId: 'organisasjon' }]);
  });

  it('refuses to build a plan whose image has only spaces for alt text, at that block\'s file:line:col, and writes nothing', () => {
    const plan = copyPlan(path.join(FIXTURES, 'minimal'));
    const chapter = path.join(plan, 'kapittel', '01-alt.yaml');
    const text = fs.readFileSync(chapter, 'utf8');
    const alt = 'alt: Kommunalsjefen øvst, med tre tenesteområde under seg.';
    expect(text).toContain(alt);
    fs.writeFileSync(chapter, text.replace(alt, 'alt: "   "'));
    // The image block starts at its `- image:` item, a few lines above its id.
    const lines = text.split('\n');
    const idLine = lines.findIndex((l) => l.trim() === 'id: organisasjon');
    const blockLine = lines.slice(0, idLine).findLastIndex((l) => l.trim() === '- image:');
    expect(blockLine).toBeGreaterThan(0);
    const at = `${chapter}:${blockLine + 1}:${lines[blockLine]!.indexOf('image:') + 1}`;
    const dest = fs.mkdtempSync(path.join(out, 'no-alt-'));
    const r = cli(['build', plan, '--variant', 'vedtak', '--out', dest]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${at}: error: the vedtak PDF cannot meet PDF/A-2a: a Figure has no alternative text; nothing was written [emit/pdfa-unmet]`);
    expect(r.stderr.match(/\[[a-z]+\/[a-z0-9-]+\]/g)).toEqual(['[emit/pdfa-unmet]']);
    expect(fs.readdirSync(dest)).toEqual([]);
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
    const locked = path.join(out, 'password.pdf');
    execFileSync('qpdf', ['--encrypt', 'hemmeleg', 'eier', '256', '--', files[0]!, locked]);
    expect(await auditPdf(locked)).toEqual([{ rule: 'encryption', message: 'the file is encrypted with a password' }]);
  });
});

/** The fixture's vedtak, edited by `edit` and written as `<name>.pdf`. */
function patched(name: string, edit: (p: PdfPatch) => void): string {
  const vedtak = files.find((f) => f.endsWith('minimal-1.0-vedtak.pdf'))!;
  const p = new PdfPatch(vedtak);
  edit(p);
  return p.write(path.join(out, `${name}.pdf`));
}

const rulesOf = (findings: readonly Finding[]): string[] => [...new Set(findings.map((f) => f.rule))].sort();
const image = (p: PdfPatch, extra: Record<string, unknown> = {}, data: Buffer = GREY_PIXEL[1]): string => p.addStream({ ...GREY_PIXEL[0], ...(extra as Record<string, never>) }, data);
const form = (p: PdfPatch, content: string): string => p.addStream({ '/Type': '/XObject', '/Subtype': '/Form', '/BBox': [0, 0, 100, 100], '/Resources': {} }, content);
const SHADING = { '/ShadingType': 2, '/ColorSpace': '/DeviceRGB', '/Coords': [0, 0, 100, 0], '/Function': { '/FunctionType': 2, '/Domain': [0, 1], '/C0': [0, 0, 0], '/C1': [1, 1, 1], '/N': 1 } };
/** Each of PDF's path-painting operators once, on a path of its own. */
const EVERY_PAINT = ['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*'].map((op) => `10 10 m 20 20 l 20 10 l ${op}`).join('\n');

describe('drawn content beyond text must be tagged or an artifact (pages and the forms they invoke)', () => {
  const cases: [string, (p: PdfPatch) => void, string | undefined][] = [
    ['image-untagged', (p) => p.draw(1, 'q 10 0 0 10 50 50 cm /AuditIm Do Q', { '/XObject': { '/AuditIm': image(p) } }), '1 image is neither tagged content nor an artifact'],
    ['inline-image-untagged', (p) => p.draw(1, Buffer.concat([Buffer.from('q 10 0 0 10 50 50 cm BI /W 1 /H 1 /CS /G /BPC 8 ID '), Buffer.from([0x80]), Buffer.from(' EI Q')])), '1 image is neither tagged content nor an artifact'],
    ['paths-untagged', (p) => p.draw(1, EVERY_PAINT), '9 painted paths are neither tagged content nor an artifact'],
    ['shading-untagged', (p) => p.draw(1, '/AuditSh sh', { '/Shading': { '/AuditSh': p.add(SHADING) } }), '1 shading is neither tagged content nor an artifact'],
    ['form-untagged', (p) => p.draw(1, '/AuditFm Do', { '/XObject': { '/AuditFm': form(p, '10 10 m 20 20 l S') } }), '1 painted path is neither tagged content nor an artifact'],
    ['image-unreferenced-mcid', (p) => p.draw(1, '/Figure <</MCID 999>> BDC q 10 0 0 10 50 50 cm /AuditIm Do Q EMC', { '/XObject': { '/AuditIm': image(p) } }), '1 image is marked with an MCID no structure element refers to'],
    // The marked-content nesting runs on into a form XObject, and a form may mark its own content.
    ['form-in-artifact', (p) => p.draw(1, '/Artifact BMC /AuditFm Do EMC', { '/XObject': { '/AuditFm': form(p, `10 10 m 20 20 l S BI /W 1 /H 1 /CS /G /BPC 8 ID x EI`) } }), undefined],
    ['form-marks-its-own', (p) => p.draw(1, '/AuditFm Do', { '/XObject': { '/AuditFm': form(p, '/Artifact BMC 10 10 m 20 20 l S EMC') } }), undefined],
    // An annotation's appearance is not page content: the annotation is tagged as a whole.
    ['annotation-appearance', (p) => {
      const ap = p.addStream({ '/Type': '/XObject', '/Subtype': '/Form', '/BBox': [0, 0, 10, 10], '/Resources': {} }, '0 0 m 10 10 l S');
      const annot = p.add({ '/Type': '/Annot', '/Subtype': '/Square', '/Rect': [50, 50, 60, 60], '/F': 4, '/AP': { '/N': ap } });
      p.update(p.pages[0]!, { '/Annots': [...((p.dict(p.pages[0]!)['/Annots'] as string[] | undefined) ?? []), annot] });
    }, undefined],
    ['drawing-in-artifact', (p) => p.draw(1, `/Artifact BMC ${EVERY_PAINT} /AuditSh sh q 10 0 0 10 50 50 cm /AuditIm Do Q EMC`, { '/XObject': { '/AuditIm': image(p) }, '/Shading': { '/AuditSh': p.add(SHADING) } }), undefined],
  ];
  it.each(cases)('%s', async (name, edit, message) => {
    const findings = await auditPdf(patched(name, edit));
    if (message === undefined) expect(findings).toEqual([]);
    else expect(findings).toEqual([{ rule: 'marked-content', page: 1, message }]);
  });
});

describe('what PDF/A-2 forbids in the objects', () => {
  const goTo = (p: PdfPatch): Record<string, unknown> => ({ '/S': '/GoTo', '/D': [p.pages[0]!, '/Fit'] });
  const FORBIDDEN = ['Launch', 'ImportData', 'ResetForm', 'Sound', 'Movie', 'Hide', 'SetOCGState', 'Rendition', 'Trans', 'GoTo3DView'];
  const link = (p: PdfPatch, action: Record<string, unknown>): void => {
    const annot = p.add({ '/Type': '/Annot', '/Subtype': '/Link', '/Rect': [0, 0, 10, 10], '/Border': [0, 0, 0], '/A': action as never });
    p.update(p.pages[0]!, { '/Annots': [...((p.dict(p.pages[0]!)['/Annots'] as string[] | undefined) ?? []), annot] });
  };
  const cases: [string, (p: PdfPatch) => void, string[], string?][] = [
    ['javascript-openaction', (p) => p.update(p.catalog, { '/OpenAction': { '/S': '/JavaScript', '/JS': str('app.alert(1)') } }), ['javascript'], 'a JavaScript action on opening the document (OpenAction)'],
    ['javascript-name-tree', (p) => p.update(p.catalog, { '/Names': { '/JavaScript': { '/Names': [str('a'), { '/S': '/JavaScript', '/JS': str('app.alert(1)') }] } } }), ['javascript']],
    ['javascript-after-goto', (p) => p.update(p.catalog, { '/OpenAction': { ...goTo(p), '/Next': { '/S': '/JavaScript', '/JS': str('1') } } as never }), ['javascript']],
    ['launch-link', (p) => link(p, { '/S': '/Launch', '/F': str('calc.exe') }), ['actions'], undefined],
    ['named-print', (p) => link(p, { '/S': '/Named', '/N': '/Print' }), ['actions'], 'the Named action Print on a Link annotation'],
    ['page-aa', (p) => p.update(p.pages[0]!, { '/AA': { '/O': { '/S': '/URI', '/URI': str('https://example.org/') } } }), ['additional-actions']],
    ['catalog-aa-javascript', (p) => p.update(p.catalog, { '/AA': { '/WC': { '/S': '/JavaScript', '/JS': str('1') } } }), ['additional-actions', 'javascript']],
    ['embedded-file', (p) => {
      const ef = p.addStream({ '/Type': '/EmbeddedFile' }, 'hello');
      p.update(p.catalog, { '/Names': { '/EmbeddedFiles': { '/Names': [str('a.txt'), { '/Type': '/Filespec', '/F': str('a.txt'), '/EF': { '/F': ef } }] } } });
    }, ['embedded-files'], 'the document has embedded files (/Names /EmbeddedFiles)'],
    ['file-attachment', (p) => {
      const ef = p.addStream({ '/Type': '/EmbeddedFile' }, 'hello');
      link(p, { '/S': '/URI', '/URI': str('https://example.org/') });
      const annot = p.add({ '/Type': '/Annot', '/Subtype': '/FileAttachment', '/Rect': [0, 0, 10, 10], '/FS': { '/Type': '/Filespec', '/F': str('a.txt'), '/EF': { '/F': ef } } });
      p.update(p.pages[0]!, { '/Annots': [...(p.dict(p.pages[0]!)['/Annots'] as string[]), annot] });
    }, ['embedded-files']],
    ['lzw', (p) => p.draw(1, '/Artifact BMC q 10 0 0 10 50 50 cm /AuditIm Do Q EMC', { '/XObject': { '/AuditIm': image(p, { '/Filter': '/LZWDecode' }, lzw([0x80])) } }), ['filters']],
    ['interpolate', (p) => p.draw(1, '/Artifact BMC q 10 0 0 10 50 50 cm /AuditIm Do Q EMC', { '/XObject': { '/AuditIm': image(p, { '/Interpolate': true }) } }), ['interpolate']],
    ['inline-interpolate', (p) => p.draw(1, '/Artifact BMC q 10 0 0 10 50 50 cm BI /W 1 /H 1 /CS /G /BPC 8 /I true ID x EI Q EMC'), ['interpolate'], '1 inline image asks for interpolation (/I true)'],
    ['postscript', (p) => p.draw(1, '', { '/XObject': { '/AuditPs': p.addStream({ '/Type': '/XObject', '/Subtype': '/PS' }, '0 0 moveto') } }), ['postscript']],
    ['transparency-without-intent', (p) => {
      p.update(p.catalog, { '/OutputIntents': undefined });
      p.update(p.pages[0]!, { '/Group': { '/S': '/Transparency', '/CS': '/DeviceRGB' } });
    }, ['output-intent', 'transparency'], 'a page has a transparency group'],
    ['soft-alpha-without-intent', (p) => {
      p.update(p.catalog, { '/OutputIntents': undefined });
      p.draw(1, '/Artifact BMC /AuditGs gs 10 10 m 20 20 l S EMC', { '/ExtGState': { '/AuditGs': p.add({ '/Type': '/ExtGState', '/ca': 0.5 }) } });
    }, ['output-intent', 'transparency'], 'a graphics state sets ca 0.5'],
  ];
  it.each(cases)('%s', async (name, edit, rules, message) => {
    const findings = await auditPdf(patched(name, edit));
    expect(rulesOf(findings)).toEqual(rules);
    if (message) expect(findings.map((f) => f.message).join('\n')).toContain(message);
  });

  it('finds each action type PDF/A-2 forbids, also in a chain of /Next actions', async () => {
    const file = patched('forbidden-actions', (p) => p.update(p.catalog, { '/OpenAction': { ...goTo(p), '/Next': FORBIDDEN.map((t) => ({ '/S': `/${t}` })) } as never }));
    const findings = await auditPdf(file);
    expect(rulesOf(findings)).toEqual(['actions']);
    expect(findings.map((f) => /^a (\w+) action/.exec(f.message)?.[1])).toEqual(FORBIDDEN);
  });

  it('lets the permitted actions pass: GoTo, URI, the four Named page actions, a transparency group with an output intent', async () => {
    const file = patched('allowed-actions', (p) => {
      p.update(p.catalog, { '/OpenAction': { ...goTo(p), '/Next': ['NextPage', 'PrevPage', 'FirstPage', 'LastPage'].map((n) => ({ '/S': '/Named', '/N': `/${n}` })) } as never });
      link(p, { '/S': '/URI', '/URI': str('https://example.org/') });
      p.update(p.pages[0]!, { '/Group': { '/S': '/Transparency', '/CS': '/DeviceRGB' } });
    });
    expect(await auditPdf(file)).toEqual([]);
  });

  it('reports every broken file with its rule on the command line, with exit 7', () => {
    const broken = { 'image-untagged': 'marked-content', 'javascript-openaction': 'javascript', 'launch-link': 'actions', 'embedded-file': 'embedded-files', lzw: 'filters' };
    const r = cli(['audit', ...Object.keys(broken).map((n) => path.join(out, `${n}.pdf`))]);
    for (const [n, rule] of Object.entries(broken)) expect(r.stdout).toContain(`${path.join(out, `${n}.pdf`)}: ${rule === 'marked-content' ? 'page 1: ' : ''}[${rule}]`);
    expect(r.stdout).toMatch(/audit: 5 files, \d+ rules, 5 findings/);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(7);
  });
});

describe('a file that is no (whole) PDF', () => {
  it('is a finding of its own, and the other files are still audited (exit 7, never 70)', () => {
    const dir = fs.mkdtempSync(path.join(out, 'bad-'));
    const bytes = fs.readFileSync(files[0]!);
    const make = (name: string, data: string | Buffer): string => {
      fs.writeFileSync(path.join(dir, name), data);
      return path.join(dir, name);
    };
    const bad = {
      text: make('text.pdf', 'This is a letter, not a PDF.\n'),
      empty: make('empty.pdf', ''),
      truncated: make('truncated.pdf', bytes.subarray(0, Math.floor(bytes.length / 2))),
      headerOnly: make('header.pdf', '%PDF-1.7\n%garbage\n'),
      missing: path.join(dir, 'missing.pdf'),
      folder: path.join(dir, 'folder.pdf'),
    };
    fs.mkdirSync(bad.folder);
    const r = cli(['audit', bad.text, files[0]!, bad.empty, bad.truncated, bad.headerOnly, bad.missing, bad.folder]);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([
      `${bad.text}: [file] not a PDF file: it does not begin with %PDF-`,
      `${bad.empty}: [file] the file is empty, not a PDF file`,
      expect.stringMatching(new RegExp(`^${bad.truncated}: \\[damaged-pdf\\] damaged PDF: .+`)),
      expect.stringMatching(new RegExp(`^${bad.headerOnly}: \\[damaged-pdf\\] damaged PDF: .+`)),
      `${bad.missing}: [file] there is no such file (or it is not a regular file)`,
      `${bad.folder}: [file] this is a folder, not a PDF file`,
      `audit: 7 files, ${AUDIT_RULES.length} rules, 6 findings`,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(7);
    const json = cli(['audit', bad.truncated, files[0]!, '--format', 'json']);
    expect(json.code).toBe(7);
    const report = JSON.parse(json.stdout) as { files: { file: string; findings: Finding[] }[] };
    expect(report.files.map((f) => rulesOf(f.findings))).toEqual([['damaged-pdf'], []]);
  });

  it('a PDF with a broken compressed stream is damaged, though its objects read well', async () => {
    const bytes = Buffer.from(fs.readFileSync(files[0]!));
    const m = /\/Length (\d+)\n\/Filter \/FlateDecode\n>>\nstream\n/.exec(bytes.toString('latin1'));
    expect(Number(m![1])).toBeGreaterThan(300);
    bytes.fill(0x55, m!.index + m![0].length + 100, m!.index + m![0].length + 164);
    const file = path.join(out, 'broken-stream.pdf');
    fs.writeFileSync(file, bytes);
    const findings = await auditPdf(file);
    expect(findings[0]).toEqual({ rule: 'damaged-pdf', message: expect.stringMatching(/^damaged PDF: .*error decoding stream data/) });
    // When the broken stream is a page's content (the cover's, since it draws the colour band), what
    // can still be decoded of it is checked too: its cut-off marked content may leave a path outside.
    expect(findings.slice(1).map((f) => f.rule).filter((r) => r !== 'marked-content')).toEqual([]);
  });

  it('a PDF cut anywhere is a finding, never an internal error', () => {
    const bytes = fs.readFileSync(files[0]!);
    const cuts = [0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99].map((f) => {
      const file = path.join(out, `cut-${f}.pdf`);
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * f)));
      return file;
    });
    const r = cli(['audit', ...cuts]);
    for (const file of cuts) expect(r.stdout).toMatch(new RegExp(`^${file}: \\[damaged-pdf\\] damaged PDF`, 'm'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(7);
  });

  it('a PDF whose cross-reference offset is wrong is read by repair, and reported as damaged', async () => {
    const bytes = fs.readFileSync(files[0]!);
    const file = path.join(out, 'cut-end.pdf');
    // The offset after startxref points into the middle of nowhere: qpdf rebuilds the cross references.
    const tail = bytes.subarray(bytes.length - 40).toString('latin1').replace(/startxref\s+(\d+)/, (_m, n: string) => `startxref\n${String(Number(n) - 7).padStart(n.length, '0')}`);
    fs.writeFileSync(file, Buffer.concat([bytes.subarray(0, bytes.length - 40), Buffer.from(tail, 'latin1')]));
    const findings = await auditPdf(file);
    expect(findings[0]).toEqual({ rule: 'damaged-pdf', message: expect.stringMatching(/^damaged PDF, read only by repairing it: /) });
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
