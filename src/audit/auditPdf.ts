// `plantrykk audit`: checks PDF files against the PDF/A-2a and accessibility rules that can be checked
// here (veraPDF is not available). Input: a path. Output: findings, one per broken rule and place —
// never an exception for a bad file (not a PDF, damaged, missing, a folder). Reads with pdfjs-dist
// (content, structure tree, metadata) and qpdf's JSON (objects) — no hand-made PDF parser.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readObjects, streamProblems } from './qpdfObjects.js';
import { asDict, checkActions, checkCatalog, checkEmbeddedFiles, checkFonts, checkStreamsAndImages, checkTransparency, type AddFinding } from './objectRules.js';
import { checkInlineImages, checkMarkedContent } from './markedContent.js';
import { nodeHost } from '../core/host.js';

/** One rule that failed, and where. */
export interface Finding {
  readonly rule: string;
  readonly page?: number;
  readonly message: string;
}

/** Every rule, by id; the README lists them with what each checks. */
export const AUDIT_RULES = [
  'file', 'damaged-pdf', 'structure-tree', 'marked-content', 'heading-order', 'figure-alt', 'table-headers',
  'language', 'xmp-pdfa', 'xmp-info-agree', 'output-intent', 'fonts', 'encryption', 'javascript', 'actions',
  'additional-actions', 'embedded-files', 'transparency', 'interpolate', 'filters', 'postscript',
] as const;

/** A reason the file cannot be audited at all, or undefined when it looks like a PDF. */
function notAPdf(file: string): string | undefined {
  if (nodeHost.isDirectory(file)) return 'this is a folder, not a PDF file';
  if (!nodeHost.isFile(file)) return 'there is no such file (or it is not a regular file)';
  let head: string;
  try {
    head = nodeHost.readBytes(file).subarray(0, 5).toString('latin1');
  } catch (e) {
    return `the file cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  if (head.length === 0) return 'the file is empty, not a PDF file';
  if (head !== '%PDF-') return 'not a PDF file: it does not begin with %PDF-';
  return undefined;
}

interface StructNode {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** Audit one PDF file; an empty list means every rule passed. */
export async function auditPdf(file: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const add: AddFinding = (rule, message, page) => {
    findings.push({ rule, message, ...(page !== undefined ? { page } : {}) });
  };
  const notPdf = notAPdf(file);
  if (notPdf) {
    add('file', notPdf);
    return findings;
  }
  const read = readObjects(file);
  if ('error' in read) {
    if (/invalid password/.test(read.error)) add('encryption', 'the file is encrypted with a password');
    else add('damaged-pdf', `damaged PDF: ${read.error}`);
    return findings;
  }
  if (read.warnings.length > 0) add('damaged-pdf', `damaged PDF, read only by repairing it: ${read.warnings.join('; ')}`);
  else {
    const problems = streamProblems(file);
    if (problems.length > 0) add('damaged-pdf', `damaged PDF: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`);
  }
  const { objects } = read;
  const rootRef = objects.trailer['/Root'];
  const root = asDict(objects.get(rootRef));
  if (objects.trailer['/Encrypt'] !== undefined) add('encryption', 'the file is encrypted');
  if (!root) {
    add('structure-tree', 'the file has no document catalog');
    return findings;
  }
  const hasOutputIntent = checkCatalog(root, objects, add);
  checkFonts(objects, add);
  checkActions(root, String(rootRef), objects, add);
  checkEmbeddedFiles(root, objects, add);
  checkTransparency(objects, hasOutputIntent, add);
  checkStreamsAndImages(objects, add);
  await checkContent(file, add);
  return findings;
}

/** What pdfjs reads: XMP identification, structure tree, headings, figures, tables, marked content. */
async function checkContent(file: string, add: AddFinding): Promise<void> {
  const data = new Uint8Array(nodeHost.readBytes(file));
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') add('encryption', 'the file cannot be opened without a password');
    else add('damaged-pdf', `damaged PDF: the content cannot be read (${(e as Error).message})`);
    return;
  }
  try {
    const meta = await doc.getMetadata();
    const info = meta.info as Record<string, unknown>;
    const xmp = meta.metadata;
    if (!xmp || xmp.get('pdfaid:part') !== '2' || xmp.get('pdfaid:conformance') !== 'A') add('xmp-pdfa', 'the XMP metadata does not identify the file as PDF/A-2a (pdfaid part 2, conformance A)');
    if (xmp) {
      const pairs: [string, string][] = [['Title', 'dc:title'], ['Author', 'dc:creator'], ['Subject', 'dc:description'], ['Keywords', 'pdf:keywords'], ['Producer', 'pdf:producer']];
      for (const [infoKey, xmpKey] of pairs) {
        const a = info[infoKey];
        const raw = xmp.get(xmpKey) as unknown;
        const b = Array.isArray(raw) ? raw.join(', ') : raw;
        if (typeof a === 'string' && a !== '' && a !== b) add('xmp-info-agree', `Info ${infoKey} «${a}» differs from XMP ${xmpKey} «${String(b)}»`);
      }
    }
    const headings: { level: number; page: number }[] = [];
    const seen = new Set<string>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const tree = (await page.getStructTree()) as StructNode | null;
      const referenced = new Set<number>();
      const walk = (node: StructNode): void => {
        if (node.type === 'content' && node.id) referenced.add(Number(/_mc(\d+)$/.exec(node.id)?.[1] ?? NaN));
        const role = node.role ?? '';
        const key = `${role}:${JSON.stringify(node.children?.find((c) => c.id)?.id ?? '')}`;
        if (/^H[1-6]$/.test(role) && !seen.has(key)) {
          seen.add(key);
          headings.push({ level: Number(role.slice(1)), page: n });
        }
        if (role === 'Figure' && !node.alt) add('figure-alt', 'a Figure has no alternative text', n);
        if (role === 'Table' && !hasRole(node, 'TH')) add('table-headers', 'a Table has no header cell (TH)', n);
        for (const c of node.children ?? []) walk(c);
      };
      if (tree) walk(tree);
      const ops = await page.getOperatorList();
      checkMarkedContent(ops, n, referenced, !!tree, add);
      checkInlineImages(ops, n, add);
    }
    headings.forEach((h, i) => {
      const prev = i === 0 ? 0 : headings[i - 1]!.level;
      if (i === 0 && h.level !== 1) add('heading-order', `the first heading is H${h.level}, not H1`, h.page);
      else if (h.level > prev + 1) add('heading-order', `H${h.level} follows H${prev}: a heading level is skipped`, h.page);
    });
  } catch (e) {
    add('damaged-pdf', `damaged PDF: the content cannot be read (${(e as Error).message})`);
  } finally {
    await doc.destroy();
  }
}

function hasRole(node: StructNode, role: string): boolean {
  return node.role === role || (node.children ?? []).some((c) => hasRole(c, role));
}
