// Reading a PDF's logical structure with pdfjs-dist: the text of a page in structure order.
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
