// The web edition's page templates (templates/web/*.hbs): handlebars with HTML escaping on, strict.
// Only the tool's own template files are compiled; plan text is only ever a value passed to them.
import Handlebars from 'handlebars';
import { readAsset } from '../core/assets.js';
import { readyTemplate } from '../core/builtAhead.js';

const hb = Handlebars.create();
/** HTML escaping on (handlebars' default), strict: a missing value is a bug. */
export const WEB_TEMPLATE_OPTIONS: CompileOptions = { strict: true, preventIndent: true };
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Render templates/web/<name>.hbs with `context` to HTML. */
export function renderWebTemplate(name: string, context: object): string {
  let t = compiled.get(name);
  if (!t) compiled.set(name, (t = readyTemplate(hb, readAsset(`web/${name}.hbs`), WEB_TEMPLATE_OPTIONS)));
  return t(context);
}
