// Templates: the document frame (cover, front pages, header, footer) from handlebars templates
// under templates/. A template renders YAML describing pdfmake nodes; values go in only through
// the {{q …}} helper, which writes a quoted string — plan text is never compiled or parsed as YAML.
import Handlebars from 'handlebars';
import { parse } from 'yaml';
import { readAsset } from '../core/assets.js';

const hb = Handlebars.create();
hb.registerHelper('q', (v: unknown) => JSON.stringify(v === undefined || v === null ? '' : String(v)));

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Render template `name` (templates/<name>.hbs) with `context` to pdfmake nodes. */
export function renderTemplate(name: string, context: object): object[] {
  let t = compiled.get(name);
  if (!t) {
    // Only the tool's own template files are ever compiled; strict: a missing value is a bug, not a blank.
    t = hb.compile(readAsset(`${name}.hbs`), { strict: true, noEscape: true, preventIndent: true });
    compiled.set(name, t);
  }
  const out = parse(t(context)) as unknown;
  return Array.isArray(out) ? (out as object[]) : [];
}
