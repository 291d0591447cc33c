// Page-break rules for pdfmake's pageBreakBefore hook: headings stay with what follows, figures stay whole.

/** Id prefix of nodes that must not be split over two pages (figures). */
export const KEEP_WHOLE_PREFIX = 'keep-';

/**
 * Page-break rules, decided after a trial layout: a heading that would end a page moves
 * to the next one, and a figure that would be split starts on a new page. (pdfmake's `unbreakable`
 * leaves stale positions behind, so figures are kept whole here instead.)
 */
export function pageBreakBefore(node: NodeInfo, nodes: { getFollowingNodesOnPage(): NodeInfo[] }): boolean {
  if (node.id?.startsWith(KEEP_WHOLE_PREFIX)) return node.pageNumbers.length > 1;
  return node.headlineLevel !== undefined && !nodes.getFollowingNodesOnPage().some(isBodyContent);
}

/** What pdfmake tells the hook about a laid-out node. */
interface NodeInfo {
  readonly headlineLevel?: number;
  readonly id?: string;
  readonly style?: string | string[];
  readonly pageNumbers: number[];
  readonly [key: string]: unknown;
}

const CONTENT_KEYS = ['text', 'table', 'svg', 'image', 'canvas', 'ul', 'ol'];

/** Real page content — not a bare container, and not the running header or footer (style running*). */
function isBodyContent(n: NodeInfo): boolean {
  const styles = Array.isArray(n.style) ? n.style : n.style ? [n.style] : [];
  if (styles.some((s) => s.startsWith('running'))) return false;
  return CONTENT_KEYS.some((k) => n[k] !== undefined && n[k] !== '');
}
