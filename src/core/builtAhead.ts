// The tool's own template and label files as `npm run build` makes them ready
// (scripts/build-templates.mjs): handlebars templates precompiled, label files parsed, in
// dist/core/generated/templates.cjs. Each is kept under the hash of what it was made from (the file's
// text with how it is compiled), so a file changed since the build is compiled or parsed here
// instead, and so is everything in a run from the sources (the test runner). A fresh process then
// runs neither handlebars' compiler nor the YAML parser for the tool's own files: in the render
// worker that is on the critical path of every build.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
import { nodeAssets } from './assets.js';

/** What the build made: precompiled template specifications and parsed label files, by hash. */
export interface BuiltAhead {
  readonly templates: Readonly<Record<string, TemplateSpecification>>;
  readonly labels: Readonly<Record<string, unknown>>;
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** The key of one made-ready file: what it is, how it is compiled, and its text. */
export function builtAheadKey(kind: 'template' | 'labels', options: object, text: string): string {
  return createHash('sha256').update(JSON.stringify([kind, options, text])).digest('hex');
}

/** Where the build writes what it made ready. */
export function generatedTemplatesFile(dir = fileURLToPath(new URL('.', import.meta.url))): string {
  return `${dir}/generated/templates.cjs`;
}

let built: BuiltAhead | null | undefined;

function builtAhead(): BuiltAhead | null {
  if (built === undefined) built = (nodeAssets.loadGenerated(generatedTemplatesFile()) as BuiltAhead | undefined) ?? null;
  return built;
}

/** Template `source` for the handlebars environment `hb`: precompiled by the build when it matches, compiled here otherwise. */
export function readyTemplate(hb: typeof Handlebars, source: string, options: CompileOptions): Handlebars.TemplateDelegate {
  const spec = builtAhead()?.templates[builtAheadKey('template', options, source)];
  return spec ? hb.template(spec) : hb.compile(source, options);
}

/** The parsed label file `text`, as the build parsed it when it matches, or undefined. */
export function readyLabels(text: string): unknown {
  return builtAhead()?.labels[builtAheadKey('labels', {}, text)];
}
