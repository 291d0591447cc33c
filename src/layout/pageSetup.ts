// The page set-up every PDF of plantrykk shares: PDF/A-2a with a tagged structure, A4 portrait with
// the house margins, and the document language from the plan's language form.
import { label, type Labels } from './labels.js';
import type { DocumentDefinition } from './nodes.js';
import { PAGE_MARGIN } from './styles.js';

type PageSetup = Pick<DocumentDefinition, 'version' | 'subset' | 'tagged' | 'pageSize' | 'pageOrientation' | 'pageMargins' | 'language' | 'displayTitle'>;

/** The definition fields that make a PDF/A-2a A4 document in the plan's language. */
export function pdfaPageSetup(labels: Labels): PageSetup {
  return {
    version: '1.7',
    // PDF/A-2a: archive format with a tagged logical structure (emit/tagging.ts writes the tree).
    subset: 'PDF/A-2a',
    tagged: true,
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [PAGE_MARGIN.side, PAGE_MARGIN.top, PAGE_MARGIN.side, PAGE_MARGIN.bottom],
    language: label(labels, 'language_tag'),
    displayTitle: true,
  };
}
