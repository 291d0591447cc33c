// Templates: the document frame (cover, front pages, header, footer) from handlebars templates
// under templates/. A template renders YAML describing pdfmake nodes; values go in only through
// the {{q …}} helper, which writes a quoted string — plan text is never compiled or parsed as YAML.
import Handlebars from 'handlebars';
import { parse } from 'yaml';
import { readAsset } from '../core/assets.js';

const hb = Handlebars.create();
hb.registerHelper('q', (v: unknown) => JSON.stringify(v === undefined || v === null ? '' : String(v)));

const compiled = new Map<string, Handlebars.TemplateDelegate>();
/** Parsed output by rendered text: the running header is the same YAML on every page. */
const parsed = new Map<string, unknown>();
const PARSED_LIMIT = 2000;

/** Render template `name` (templates/<name>.hbs) with `context` to pdfmake nodes. */
export function renderTemplate(name: string, context: object): object[] {
  let t = compiled.get(name);
  if (!t) {
    // Only the tool's own template files are ever compiled; strict: a missing value is a bug, not a blank.
    t = hb.compile(readAsset(`${name}.hbs`), { strict: true, noEscape: true, preventIndent: true });
    compiled.set(name, t);
  }
  const text = t(context);
  let out = parsed.get(text);
  if (out === undefined) {
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(text, (out = parse(text) as unknown));
  }
  // pdfmake writes into the nodes it lays out: every caller gets its own copy.
  return Array.isArray(out) ? (structuredClone(out) as object[]) : [];
}
