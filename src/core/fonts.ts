// The document fonts: Roboto as shipped inside the pdfmake package (installed by npm, embedded in
// every PDF). One place knows where the files are; layout, charts and the glyph check use it.
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);

/** Font family name used in documents and charts. */
export const FONT_FAMILY = 'Roboto';

/** Absolute paths of the four Roboto faces. */
export function fontFiles(): { normal: string; bold: string; italics: string; bolditalics: string } {
  const dir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  return {
    normal: path.join(dir, 'Roboto-Regular.ttf'),
    bold: path.join(dir, 'Roboto-Medium.ttf'),
    italics: path.join(dir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(dir, 'Roboto-MediumItalic.ttf'),
  };
}
