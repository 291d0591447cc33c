// Link rule: a link in plan text goes to a web address (https:, http:) or an e-mail address
// (mailto:) — never to a file (`../../etc/passwd`, `file:`), a script (`javascript:`) or anything
// else a PDF reader might open. Read from the raw strings, with the Markdown subset the model uses.
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parseInline']>[number];

// The model's inline syntax (src/model/inline.ts), but every target is kept as written: markdown-it
// would quietly turn a `javascript:` link into plain text, and the writer should hear about it.
const md = new MarkdownIt('zero', { html: false, linkify: false, typographer: false })
  .enable(['emphasis', 'link', 'escape', 'newline'])
  .use(footnote);
md.validateLink = () => true;
md.normalizeLink = (url) => url;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Why `href` cannot be a link in a plan, or undefined when it can. */
export function linkTargetProblem(href: string): string | undefined {
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme === undefined) return href.startsWith('#') ? 'it points into a document, not to a web address' : 'it is a path, not a web address';
  if (scheme === 'http' || scheme === 'https') {
    let url: URL | undefined;
    try {
      url = new URL(href);
    } catch {
      url = undefined;
    }
    return url && /^https?:\/\//i.test(href) && url.hostname !== '' ? undefined : 'it is not a complete web address (https://name.example/…)';
  }
  if (scheme === 'mailto') return /^mailto:[^@\s]+@[^@\s]+$/i.test(href) ? undefined : 'it is not an e-mail address (mailto:name@example.no)';
  return `links of the kind ${scheme}: are not allowed`;
}

function targets(tokens: readonly Token[], out: string[]): void {
  for (const t of tokens) {
    if (t.type === 'link_open') out.push(String(t.attrGet('href') ?? ''));
    if (t.children) targets(t.children, out);
  }
}

/** Every distinct link target written in `text` with a reason it cannot be used; empty when all are fine. */
export function badLinks(text: string): { href: string; reason: string }[] {
  if (!text.includes('](')) return [];
  const env: { footnotes?: { list?: { tokens?: Token[] }[] } } = {};
  const found: string[] = [];
  targets(md.parseInline(text, env), found);
  for (const note of env.footnotes?.list ?? []) targets(note.tokens ?? [], found);
  // A footnote's tokens can be reached twice (from the note list and from its reference): one report per target.
  return [...new Set(found)].flatMap((href) => {
    const reason = linkTargetProblem(href);
    return reason === undefined ? [] : [{ href, reason }];
  });
}
