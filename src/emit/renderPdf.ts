// PDF bytes from a pdfmake document definition. pdfmake is configured once: fonts come from
// memory (its virtual file system), and every local-file and URL access is refused, so nothing
// in a plan can make the renderer read a file or touch the network.
import * as fs from 'node:fs';
import * as path from 'node:path';
import pdfmake from 'pdfmake';
import { FONT_FAMILY, fontFiles } from '../core/fonts.js';

let configured = false;

function configure(): void {
  if (configured) return;
  const files = fontFiles();
  const names: Record<string, string> = {};
  for (const [face, file] of Object.entries(files)) {
    const name = path.basename(file);
    pdfmake.virtualfs.writeFileSync(name, fs.readFileSync(file));
    names[face] = name;
  }
  pdfmake.setFonts({ [FONT_FAMILY]: names });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  configured = true;
}

/** A rendered PDF and its page count. */
export interface RenderedPdf {
  readonly bytes: Buffer;
  readonly pages: number;
  /** Milliseconds spent laying out and rendering this PDF. */
  readonly ms?: number;
}

interface PdfKitLike extends NodeJS.ReadableStream {
  _root: { data: { Pages: { data: { Kids: unknown[] } } } };
  end(): void;
}

/** Render `definition` to PDF bytes. */
export async function renderPdf(definition: Record<string, unknown>): Promise<RenderedPdf> {
  configure();
  const doc = (await pdfmake.createPdf(definition).getStream()) as unknown as PdfKitLike;
  const pages = doc._root.data.Pages.data.Kids.length;
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
  return { bytes, pages };
}
