// Reading a PDF's logical structure: the text of a page in structure order and the text drawn as
// artifacts (pdfjs-dist), and the structure tree itself with its attributes and annotations (qpdf --json).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** The page's text as a screen reader would read it: structure tree order, artifacts left out. */
export async function textInStructureOrder(file: string, pageNumber: number): Promise<{ role: string; text: string }[]> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(pageNumber);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = new Map<string, string>();
    let current: string | null = null;
    for (const item of content.items as { type?: string; id?: string | null; str?: string }[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') current = item.id ?? null;
      else if (item.type === 'endMarkedContent') current = null;
      else if (current && item.str !== undefined) byId.set(current, (byId.get(current) ?? '') + item.str);
    }
    const out: { role: string; text: string }[] = [];
    const walk = (node: StructNode, role: string): void => {
      if (node.type === 'content' && node.id) {
        const t = byId.get(node.id);
        if (t) out.push({ role, text: t });
      }
      for (const c of node.children ?? []) walk(c, c.role ?? role);
    };
    const tree = (await page.getStructTree()) as StructNode | null;
    if (tree) walk(tree, 'Root');
    return out;
  } finally {
    await doc.destroy();
  }
}

/** One element of the structure tree as qpdf reads it from the file. */
export interface StructElement {
  /** Structure type without the slash: P, H1, Table, TH … */
  readonly type: string;
  readonly alt?: string;
  /** /A /Scope of a header cell: Column or Row. */
  readonly scope?: string;
  readonly children: readonly StructElement[];
  /** Marked-content references (MCIDs) directly in this element. */
  readonly mcids: number;
  /** Subtypes of the annotations this element references (OBJR), e.g. Link. */
  readonly annotations: readonly string[];
}

type QpdfValue = string | number | boolean | null | QpdfValue[] | { [k: string]: QpdfValue };

/** The structure tree of the PDF (the element under /StructTreeRoot), read with qpdf --json. */
export function structureTree(file: string): StructElement {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as {
    qpdf: [unknown, Record<string, { value?: QpdfValue; stream?: { dict: QpdfValue } }>];
  };
  const objects = json.qpdf[1];
  const get = (ref: QpdfValue | undefined): QpdfValue | undefined => {
    if (typeof ref === 'string' && / R$/.test(ref)) {
      const o = objects[`obj:${ref}`];
      return o?.value ?? o?.stream?.dict;
    }
    return ref;
  };
  const dict = (v: QpdfValue | undefined): Record<string, QpdfValue> => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
  const text = (v: QpdfValue | undefined): string | undefined => (typeof v === 'string' ? v.replace(/^u:/, '') : undefined);
  const element = (d: Record<string, QpdfValue>): StructElement => {
    const kids = Array.isArray(d['/K']) ? d['/K'] : d['/K'] === undefined ? [] : [d['/K']];
    const children: StructElement[] = [];
    const annotations: string[] = [];
    let mcids = 0;
    for (const k of kids) {
      if (typeof k === 'number') {
        mcids++;
        continue;
      }
      const kd = dict(get(k));
      if (kd['/Type'] === '/OBJR') annotations.push(String(dict(get(kd['/Obj']))['/Subtype'] ?? '').replace(/^\//, ''));
      else if (kd['/Type'] === '/MCR') mcids++;
      else if (kd['/S'] !== undefined) children.push(element(kd));
    }
    const scope = dict(get(d['/A']))['/Scope'];
    return {
      type: String(d['/S']).replace(/^\//, ''),
      ...(text(d['/Alt']) !== undefined ? { alt: text(d['/Alt'])! } : {}),
      ...(typeof scope === 'string' ? { scope: scope.replace(/^\//, '') } : {}),
      children,
      mcids,
      annotations,
    };
  };
  const trailer = dict(objects.trailer?.value);
  const catalog = dict(get(trailer['/Root']));
  const root = dict(get(catalog['/StructTreeRoot']));
  return { type: 'StructTreeRoot', children: (Array.isArray(root['/K']) ? root['/K'] : [root['/K']!]).map((k) => element(dict(get(k)))), mcids: 0, annotations: [] };
}

/** Every element of the tree, depth first, each with its parent's type. */
export function elements(tree: StructElement): { el: StructElement; parent: string }[] {
  const out: { el: StructElement; parent: string }[] = [];
  const walk = (el: StructElement): void => {
    for (const c of el.children) {
      out.push({ el: c, parent: el.type });
      walk(c);
    }
  };
  walk(tree);
  return out;
}

/** The page's text drawn inside Artifact marked content, one string per artifact. */
export async function artifactTexts(file: string, pageNumber: number): Promise<string[]> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(pageNumber);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const stack: string[] = [];
    const out: string[] = [];
    for (const item of content.items as { type?: string; tag?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
        stack.push(item.tag ?? '');
        if (item.tag === 'Artifact') out.push('');
      } else if (item.type === 'endMarkedContent') stack.pop();
      else if (item.str !== undefined && stack.includes('Artifact')) out[out.length - 1] += item.str;
    }
    return out.map((s) => s.trim()).filter(Boolean);
  } finally {
    await doc.destroy();
  }
}

/** The alternative texts of a PDF's figures, from its structure tree (pdfjs), in page order. */
export async function figureAlts(file: string): Promise<string[]> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0 }).promise;
  const alts: string[] = [];
  const walk = (n: { role?: string; alt?: string; children?: unknown[] }): void => {
    if (n.role === 'Figure' && n.alt) alts.push(n.alt);
    for (const c of n.children ?? []) walk(c as typeof n);
  };
  for (let i = 1; i <= doc.numPages; i++) {
    const tree = await (await doc.getPage(i)).getStructTree();
    if (tree) walk(tree as never);
  }
  await doc.destroy();
  return alts;
}
