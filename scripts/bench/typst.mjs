// What the benchmark's Typst runs share: the font bytes and the PDF options.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);

/** The four Roboto faces plantrykk embeds (as core/fonts.ts finds them, without loading dist/). */
export function typstFonts() {
  const dir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  return ['Roboto-Regular.ttf', 'Roboto-Medium.ttf', 'Roboto-Italic.ttf', 'Roboto-MediumItalic.ttf'].map((f) => fs.readFileSync(path.join(dir, f)));
}

/** Typst writes PDF/A-2a (tagged), as plantrykk does. */
export const TYPST_PDF = { pdfStandard: 'a-2a' };
