// Part of `npm run build`: the tool's own handlebars templates precompiled and its label files parsed
// (dist/core/generated/templates.cjs), each under the hash of its text and options, so a run neither
// compiles the templates nor parses the labels; src/core/builtAhead.ts uses an entry only while its
// file is unchanged.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { parse } from 'yaml';
import { builtAheadKey, generatedTemplatesFile } from '../dist/core/builtAhead.js';
import { TEMPLATE_OPTIONS, partialSources } from '../dist/layout/templates.js';
import { WEB_TEMPLATE_OPTIONS } from '../dist/web/templates.js';
import { listAssets, readAsset } from '../dist/core/assets.js';

const hbs = (dir) => listAssets(dir).filter((n) => n.endsWith('.hbs')).map((n) => readAsset(dir === '.' ? n : `${dir}/${n}`));
const sources = [
  ...[...hbs('.'), ...partialSources().map(([, source]) => source)].map((source) => [TEMPLATE_OPTIONS, source]),
  ...hbs('web').map((source) => [WEB_TEMPLATE_OPTIONS, source]),
];
const templates = sources.map(([options, source]) => `  ${JSON.stringify(builtAheadKey('template', options, source))}: ${Handlebars.precompile(source, { ...options })}`);
const labelFiles = listAssets('labels').filter((n) => n.endsWith('.yaml'));
const labels = labelFiles.map((n) => {
  const text = readAsset(`labels/${n}`);
  return `  ${JSON.stringify(builtAheadKey('labels', {}, text))}: ${JSON.stringify(parse(text))}`;
});
const file = generatedTemplatesFile(path.resolve('dist/core'));
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `module.exports = {\n templates: {\n${templates.join(',\n')}\n },\n labels: {\n${labels.join(',\n')}\n }\n};\n`);
console.log(`templates: ${templates.length} templates and ${labelFiles.length} label files made ready in ${path.relative('.', file)}`);
