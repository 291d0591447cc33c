// Templates: the document frame (cover, front pages, header, footer) from handlebars templates
// under templates/. A template renders YAML describing pdfmake nodes; values go in only through
// the {{q …}} helper, which writes a quoted string — plan text is never compiled or parsed as YAML.
import Handlebars from 'handlebars';
import { parse } from 'yaml';
import { listAssets, readAsset } from '../core/assets.js';
import { readyTemplate } from '../core/builtAhead.js';

/** strict: a missing value is a bug, not a blank. Partials are compiled with the same options. */
export const TEMPLATE_OPTIONS: CompileOptions = { strict: true, noEscape: true, preventIndent: true };

/** The partials several front pages share (templates/partials/<name>.hbs), by name, as their text. */
export const partialSources = (): [string, string][] =>
  listAssets('partials')
    .filter((n) => n.endsWith('.hbs'))
    .map((f) => [f.slice(0, -'.hbs'.length), readAsset(`partials/${f}`)]);

/** The template engine with the one helper templates may use (exported for tests). */
export const hb = Handlebars.create();
hb.registerHelper('q', (v: unknown) => JSON.stringify(v === undefined || v === null ? '' : String(v)));
// Used as {{> name}}.
for (const [name, source] of partialSources()) hb.registerPartial(name, readyTemplate(hb, source, TEMPLATE_OPTIONS));

interface Compiled {
  readonly source: string;
  readonly render: Handlebars.TemplateDelegate;
}

const compiled = new Map<string, Compiled>();
/** Parsed output by rendered text: the running header is the same YAML on every page. */
const parsed = new Map<string, unknown>();
const PARSED_LIMIT = 2000;

/** Compile template text. Only the tool's own template files are ever compiled, never plan text. */
export function compileTemplate(source: string): Compiled {
  return { source, render: readyTemplate(hb, source, TEMPLATE_OPTIONS) };
}

function template(name: string): Compiled {
  let t = compiled.get(name);
  if (!t) compiled.set(name, (t = compileTemplate(readAsset(`${name}.hbs`))));
  return t;
}

function parseOnce(text: string): unknown {
  let out = parsed.get(text);
  if (out === undefined) {
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(text, (out = parse(text) as unknown));
  }
  return out;
}

/** pdfmake writes into the nodes it lays out: every caller gets its own copy. */
const nodes = (out: unknown): object[] => (Array.isArray(out) ? (structuredClone(out) as object[]) : []);

/** Render template `name` (templates/<name>.hbs) with `context` to pdfmake nodes. */
export function renderTemplate(name: string, context: object): object[] {
  return nodes(parseOnce(template(name).render(context)));
}

/** Stands for a per-page value while the template renders; plan text cannot hold NUL (text rules). */
const placeholder = (key: string): string => `\u0000${key}\u0000`;

/** Replace every placeholder in the strings of `node` by its value. */
function fillIn(node: unknown, values: ReadonlyMap<string, string>): unknown {
  if (typeof node === 'string') {
    let s = node;
    for (const [p, v] of values) s = s.split(p).join(v);
    return s;
  }
  if (Array.isArray(node)) return node.map((n) => fillIn(n, values));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [fillIn(k, values), fillIn(v, values)]));
  return node;
}

/** Whether the template uses `keys` only as printed values ({{q page}}), never in a decision or a helper. */
function printedOnly(source: string, keys: readonly string[]): boolean {
  const mentions = (p: { parts?: string[]; original?: string }): boolean =>
    keys.some((k) => p.parts?.includes(k) || new RegExp(`(^|[./])${k}$`).test(p.original ?? ''));
  const ok = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.every(ok);
    if (!node || typeof node !== 'object') return true;
    const n = node as { type?: string; path?: { original?: string }; params?: { type: string; original?: string }[]; parts?: string[]; original?: string };
    if (n.type === 'MustacheStatement' && n.path?.original === 'q' && n.params?.length === 1 && n.params[0]!.type === 'PathExpression') return true;
    if (n.type === 'PathExpression' && mentions(n)) return false;
    return Object.entries(n).every(([k, v]) => k === 'loc' || ok(v));
  };
  return ok(Handlebars.parse(source));
}

/**
 * A template drawn on every page (running header, footer) whose `perPage` values (page, pages)
 * change from page to page. When the template only prints those values ({{q page}}), it is
 * rendered and parsed once and each page fills them in; a template that decides on them
 * ({{#if}}, a helper) is rendered for each page.
 */
export function pageTemplate<K extends string>(name: string, context: object, perPage: readonly K[]): (values: Record<K, string | number>) => object[] {
  return perPageNodes(template(name), context, perPage);
}

/** pageTemplate for a compiled template (exported for tests). */
export function perPageNodes<K extends string>(t: Compiled, context: object, perPage: readonly K[]): (values: Record<K, string | number>) => object[] {
  if (!printedOnly(t.source, perPage)) return (values) => nodes(parseOnce(t.render({ ...context, ...values })));
  const tree = parseOnce(t.render({ ...context, ...Object.fromEntries(perPage.map((k) => [k, placeholder(k)])) }));
  return (values) => nodes(fillIn(tree, new Map(perPage.map((k) => [placeholder(k), String(values[k])]))));
}
