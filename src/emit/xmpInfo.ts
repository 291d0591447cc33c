// pdfkit writes the document info into the XMP packet without escaping it, so a title with «&»
// would break the XMP (and PDF/A). Escape the values for the XMP only; the Info dictionary keeps them.
import type { Method } from './engine/method.js';
import { whileSet } from './patching.js';

/** Escape a value for XML text or an attribute. */
export const xmlEscape = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** pdfkit PDFDocument._addInfo: the info values escaped while it writes them into the XMP. */
export function escapeXmpInfo(addInfo: Method): Method {
  return function (this: { info: Record<string, unknown> }) {
    const escaped = Object.fromEntries(Object.entries(this.info).map(([k, v]) => [k, typeof v === 'string' ? xmlEscape(v) : v]));
    whileSet(this, 'info', escaped, () => addInfo.call(this));
  };
}
