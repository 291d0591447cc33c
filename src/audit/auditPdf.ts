// `plantrykk audit`: checks a PDF against the PDF/A-2a and accessibility rules that can be checked
// here (veraPDF is not available): structure tree, marked content, heading order, alt text, table
// headers, language, XMP identification and its agreement with the Info dictionary, output intent,
// embedded fonts with Unicode maps, no encryption. Reads with pdfjs-dist (content, structure tree,
// metadata) and qpdf's JSON (objects) — no hand-made PDF parser.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readObjects, type PdfValue } from './qpdfObjects.js';
import { nodeHost } from '../core/host.js';

/** One rule that failed, and where. */
export interface Finding {
  readonly rule: string;
  readonly page?: number;
  readonly message: string;
}

export const AUDIT_RULES = [
  'structure-tree', 'marked-content', 'heading-order', 'figure-alt', 'table-headers',
  'language', 'xmp-pdfa', 'xmp-info-agree', 'output-intent', 'fonts', 'encryption',
] as const;

interface StructNode {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

type Dict = Record<string, PdfValue>;
const asDict = (v: PdfValue | undefined): Dict | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : undefined);
const text = (v: PdfValue | undefined): string | undefined => (typeof v === 'string' ? v.replace(/^u:/, '') : undefined);

/** Audit one PDF file; an empty list means every rule passed. */
export async function auditPdf(file: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const add = (rule: string, message: string, page?: number): void => {
    findings.push({ rule, message, ...(page !== undefined ? { page } : {}) });
  };
  const objects = readObjects(file);
  const root = asDict(objects.get(objects.trailer['/Root']));
  if (objects.trailer['/Encrypt'] !== undefined) add('encryption', 'the file is encrypted');
  if (!root) {
    add('structure-tree', 'the file has no document catalog');
    return findings;
  }
  if (!root['/StructTreeRoot']) add('structure-tree', 'there is no structure tree (StructTreeRoot)');
  const markInfo = asDict(objects.get(root['/MarkInfo']));
  if (markInfo?.['/Marked'] !== true) add('structure-tree', 'MarkInfo /Marked is not true');
  if (!text(root['/Lang'])) add('language', 'the document has no /Lang');
  const intents = objects.get(root['/OutputIntents']);
  if (!Array.isArray(intents) || intents.length === 0) add('output-intent', 'there is no output intent');
  else if (!intents.some((i) => asDict(objects.get(i))?.['/DestOutputProfile'])) add('output-intent', 'the output intent has no ICC profile');
  checkFonts(objects, add);

  const data = new Uint8Array(nodeHost.readBytes(file));
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (e) {
    add('encryption', `the file cannot be opened for reading: ${(e as Error).message}`);
    return findings;
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
      const referenced = new Set<string>();
      const walk = (node: StructNode, inArtifact: boolean): void => {
        if (node.type === 'content' && node.id) referenced.add(node.id);
        const role = node.role ?? '';
        const key = `${role}:${JSON.stringify(node.children?.find((c) => c.id)?.id ?? '')}`;
        if (/^H[1-6]$/.test(role) && !seen.has(key)) {
          seen.add(key);
          headings.push({ level: Number(role.slice(1)), page: n });
        }
        if (role === 'Figure' && !node.alt) add('figure-alt', 'a Figure has no alternative text', n);
        if (role === 'Table' && !hasRole(node, 'TH')) add('table-headers', 'a Table has no header cell (TH)', n);
        for (const c of node.children ?? []) walk(c, inArtifact);
      };
      if (tree) walk(tree, false);
      await checkMarkedContent(page, n, referenced, !!tree, add);
    }
    headings.forEach((h, i) => {
      const prev = i === 0 ? 0 : headings[i - 1]!.level;
      if (i === 0 && h.level !== 1) add('heading-order', `the first heading is H${h.level}, not H1`, h.page);
      else if (h.level > prev + 1) add('heading-order', `H${h.level} follows H${prev}: a heading level is skipped`, h.page);
    });
  } finally {
    await doc.destroy();
  }
  return findings;
}

function hasRole(node: StructNode, role: string): boolean {
  return node.role === role || (node.children ?? []).some((c) => hasRole(c, role));
}

/** Every text-showing operator must sit in marked content of a structure element or an artifact. */
async function checkMarkedContent(
  page: { getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }> },
  n: number,
  referenced: Set<string>,
  hasTree: boolean,
  add: (rule: string, message: string, page?: number) => void,
): Promise<void> {
  const ops = await page.getOperatorList();
  const stack: { tag: string; mcid?: number }[] = [];
  let untagged = 0;
  let unreferenced = 0;
  const pageIds = [...referenced].map((id) => Number(/_mc(\d+)$/.exec(id)?.[1] ?? NaN));
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] ?? [];
    if (fn === pdfjs.OPS.beginMarkedContent) stack.push({ tag: String(args[0]) });
    else if (fn === pdfjs.OPS.beginMarkedContentProps) {
      const props = args[1] as { mcid?: number } | number | null;
      const mcid = typeof props === 'number' ? props : props?.mcid;
      stack.push({ tag: String(args[0]), ...(mcid !== undefined ? { mcid } : {}) });
    } else if (fn === pdfjs.OPS.endMarkedContent) stack.pop();
    else if (fn === pdfjs.OPS.showText || fn === pdfjs.OPS.showSpacedText || fn === pdfjs.OPS.nextLineShowText || fn === pdfjs.OPS.nextLineSetSpacingShowText) {
      const artifact = stack.some((m) => m.tag === 'Artifact');
      const tagged = [...stack].reverse().find((m) => m.mcid !== undefined);
      if (!artifact && !tagged) untagged++;
      else if (!artifact && tagged && hasTree && !pageIds.includes(tagged.mcid!)) unreferenced++;
    }
  }
  if (untagged) add('marked-content', `${untagged} text operator${untagged === 1 ? ' is' : 's are'} neither tagged content nor an artifact`, n);
  if (unreferenced) add('marked-content', `${unreferenced} text operator${unreferenced === 1 ? ' is' : 's are'} marked with an MCID no structure element refers to`, n);
}

function checkFonts(objects: ReturnType<typeof readObjects>, add: (rule: string, message: string, page?: number) => void): void {
  for (const [ref, v] of objects.all) {
    const d = asDict(v);
    if (d?.['/Type'] !== '/Font' || d['/Subtype'] === '/Type3') continue;
    const name = String(d['/BaseFont'] ?? ref);
    const descendant = Array.isArray(d['/DescendantFonts']) ? asDict(objects.get(d['/DescendantFonts'][0])) : undefined;
    if (d['/Subtype'] === '/CIDFontType2' || d['/Subtype'] === '/CIDFontType0') continue; // checked through their Type0 parent
    const descriptor = asDict(objects.get((descendant ?? d)['/FontDescriptor']));
    if (!descriptor || !(descriptor['/FontFile'] || descriptor['/FontFile2'] || descriptor['/FontFile3'])) add('fonts', `font ${name} is not embedded`);
    if (!d['/ToUnicode']) add('fonts', `font ${name} has no ToUnicode map`);
  }
}
