// PDF bytes from a pdfmake document definition. pdfmake is configured once: fonts come from
// memory (its virtual file system), and every local-file and URL access is refused, so nothing
// in a plan can make the renderer read a file or touch the network.
import * as fs from 'node:fs';
import * as path from 'node:path';
import pdfmake from 'pdfmake';
import { createRequire } from 'node:module';
import { FONT_FAMILY, fontFiles } from '../core/fonts.js';
import { installTagging } from './tagging.js';
import { installSpeedups } from './pdfmakeSpeedups.js';
import { installKeepTogether } from './keepTogether.js';
import { installLateCharts } from './lateCharts.js';
import { once, whileSet } from './patching.js';

const require = createRequire(import.meta.url);

const xmlEscape = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * pdfkit writes the document info into the XMP packet without escaping it, so a title with «&»
 * would break the XMP (and PDF/A). Escape the values for the XMP only; the Info dictionary keeps them.
 */
function escapeXmpInfo(): void {
  const pdfkit = require('pdfkit') as { prototype?: Record<string, unknown>; default?: { prototype: Record<string, unknown> } };
  const proto = (pdfkit.default ?? pdfkit).prototype as Record<string, unknown> & { _addInfo: (this: { info: Record<string, unknown> }) => void };
  const addInfo = proto._addInfo;
  proto._addInfo = function (this: { info: Record<string, unknown> }) {
    const escaped = Object.fromEntries(Object.entries(this.info).map(([k, v]) => [k, typeof v === 'string' ? xmlEscape(v) : v]));
    whileSet(this, 'info', escaped, () => addInfo.call(this));
  };
}

/** Load the fonts into pdfmake, refuse every file and URL access, and install the extensions (once). */
const configure = once(() => {
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
  installTagging();
  installSpeedups();
  installKeepTogether();
  installLateCharts();
  escapeXmpInfo();
});

/** Load the fonts and install the extensions ahead of the first document. */
export function prepareRenderer(): void {
  configure();
}

/** A rendered PDF and its page count. */
export interface RenderedPdf {
  readonly bytes: Buffer;
  readonly pages: number;
  /** Milliseconds spent laying out and rendering this PDF. */
  readonly ms?: number;
  /** Why this PDF cannot claim PDF/A-2a; a build with any is refused. */
  readonly pdfaProblems?: readonly string[];
}

interface PdfKitLike extends NodeJS.ReadableStream {
  _root: { data: { Pages: { data: { Kids: unknown[] } } } };
  tagProblems?: string[];
  appendXML(xml: string): void;
  end(): void;
}

/** Extra XMP: the plan's own facts, in plantrykk's namespace. Values are escaped here. */
export function planXmp(fields: Readonly<Record<string, string | undefined>>): string {
  const body = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<plantrykk:${k}>${xmlEscape(v!)}</plantrykk:${k}>`)
    .join('');
  return `<rdf:Description rdf:about="" xmlns:plantrykk="https://plantrykk.no/ns/plan/1.0/">${body}</rdf:Description>`;
}

/** Render `definition` to PDF bytes. */
export async function renderPdf(definition: Record<string, unknown>, xmp?: string): Promise<RenderedPdf> {
  configure();
  const doc = (await pdfmake.createPdf(definition).getStream()) as unknown as PdfKitLike;
  if (xmp) doc.appendXML(xmp);
  const pages = doc._root.data.Pages.data.Kids.length;
  const pdfaProblems = doc.tagProblems ?? [];
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
  return { bytes, pages, pdfaProblems };
}

/** Render a laid-out variant, with the plan's facts in the XMP metadata. */
export function renderLaidOut(laid: { definition: Record<string, unknown>; xmpFields: Readonly<Record<string, string | undefined>> }): Promise<RenderedPdf> {
  return renderPdf(laid.definition, planXmp(laid.xmpFields));
}
