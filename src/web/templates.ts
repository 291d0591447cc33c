// The web edition's page templates (templates/web/*.hbs): handlebars with HTML escaping on, strict.
// Only the tool's own template files are compiled; plan text is only ever a value passed to them.
import Handlebars from 'handlebars';
import { readAsset } from '../core/assets.js';

const hb = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Render templates/web/<name>.hbs with `context` to HTML. */
export function renderWebTemplate(name: string, context: object): string {
  let t = compiled.get(name);
  if (!t) compiled.set(name, (t = hb.compile(readAsset(`web/${name}.hbs`), { strict: true, preventIndent: true })));
  return t(context);
}
