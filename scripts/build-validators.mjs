// Part of `npm run build`: writes each file kind's validator as ajv standalone code
// (dist/validate/generated/<kind>.cjs), so a run does not compile the schemas. Each file carries the
// hash of the schema and options it was made from; src/validate/schemaSet.ts uses it only when the
// hash still matches.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { AJV_OPTIONS, generatedValidatorFile, schemaHash, schemas } from '../dist/validate/schemaSet.js';

const require = createRequire(import.meta.url);
const { Ajv } = require('ajv');
const standaloneCode = require('ajv/dist/standalone').default;

const dir = path.resolve('dist/validate');
fs.mkdirSync(path.join(dir, 'generated'), { recursive: true });
for (const kind of Object.keys(schemas)) {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const code = standaloneCode(ajv, ajv.compile(schemas[kind]));
  const file = generatedValidatorFile(kind, dir);
  fs.writeFileSync(file, `${code}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(kind))};\n`);
}
console.log(`validators: ${Object.keys(schemas).length} written to ${path.relative(process.cwd(), path.join(dir, 'generated'))}`);
