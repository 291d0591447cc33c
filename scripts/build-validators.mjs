// Part of `npm run build`: writes each file kind's validator as ajv standalone code
// (dist/validate/generated/<kind>.cjs), so a run does not compile the schemas, and the document font's
// character coverage (glyphs.cjs), so a run does not load fontkit to check text. Each file carries the
// hash of what it was made from (schema and options, font bytes); src/validate/schemaSet.ts and
// glyphCoverage.ts use it only when the hash still matches.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { AJV_OPTIONS, generatedValidatorFile, schemaHash, schemas } from '../dist/validate/schemaSet.js';
import { coverageRanges, fontHash, generatedGlyphsFile } from '../dist/validate/glyphCoverage.js';
import { nodeAssets } from '../dist/core/assets.js';
import { generatedRecordValidatorFile, recordAjvOptions, recordSchemaHash, RECORD_SCHEMAS } from '../dist/emit/publish/verifyFolder.js';

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
// The records' validators (manifest.json, arkivmetadata.json), checked at the end of every build.
const publishDir = path.resolve('dist/emit/publish');
fs.mkdirSync(path.join(publishDir, 'generated'), { recursive: true });
for (const kind of Object.keys(RECORD_SCHEMAS)) {
  const ajv = new Ajv({ ...recordAjvOptions(), code: { source: true } });
  const code = standaloneCode(ajv, ajv.compile(RECORD_SCHEMAS[kind]));
  fs.writeFileSync(generatedRecordValidatorFile(kind, publishDir), `${code}\nmodule.exports.schemaHash = ${JSON.stringify(recordSchemaHash(kind))};\n`);
}
// The code points the document font prints (validate/glyphCoverage.ts), so a run does not load fontkit to check text.
const font = nodeAssets.fontBytes('normal');
fs.writeFileSync(generatedGlyphsFile(dir), `module.exports = ${JSON.stringify({ fontHash: fontHash(font), ranges: coverageRanges(font) })};\n`);
console.log(`validators: ${Object.keys(schemas).length} schemas and ${Object.keys(RECORD_SCHEMAS).length} records written to dist/validate/generated and dist/emit/publish/generated`);
