// The document fonts: Roboto as shipped inside the pdfmake package (installed by npm, embedded in
// every PDF). One place knows where the files are; their bytes are read through the Host's assets
// (`nodeAssets.fontBytes`), and chart.js, which registers fonts by file name, gets the paths.
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);

/** Font family name used in documents and charts. */
export const FONT_FAMILY = 'Roboto';

/** The four faces of the document font. */
export type FontFace = 'normal' | 'bold' | 'italics' | 'bolditalics';

/** Absolute paths of the four Roboto faces. */
export function fontFiles(): Record<FontFace, string> {
  const dir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  return {
    normal: path.join(dir, 'Roboto-Regular.ttf'),
    bold: path.join(dir, 'Roboto-Medium.ttf'),
    italics: path.join(dir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(dir, 'Roboto-MediumItalic.ttf'),
  };
}
