// The record validators the build writes ahead of time (manifest.json, arkivmetadata.json) must be
// the schemas' own: same verdicts, same errors, on the records of a real build and on broken ones.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { generatedRecordValidatorFile, recordAjvOptions, recordSchemaHash, RECORD_SCHEMAS, type RecordKind } from '../../src/emit/publish/verifyFolder.js';
import { FIXTURES, REPO } from '../helpers/planCopy.js';
import { builtPdf } from '../helpers/sharedBuild.js';

const require = createRequire(import.meta.url);
type Validate = ((v: unknown) => boolean) & { errors?: unknown };

describe('built record validators', () => {
  // The version folder of a real build (shared with the other tests that build the charts fixture).
  let folder = '';
  beforeAll(async () => {
    folder = path.dirname(await builtPdf(path.join(FIXTURES, 'charts'), 'vedtak'));
  }, 300_000);
  const records: Record<RecordKind, string> = { manifest: 'manifest.json', sidecar: 'arkivmetadata.json' };
  for (const kind of Object.keys(records) as RecordKind[]) {
    it(`${kind}: match the schema and give the compiled validator's verdicts and errors`, () => {
      const built = require(generatedRecordValidatorFile(kind, path.join(REPO, 'dist', 'emit', 'publish'))) as { default: Validate; schemaHash: string };
      expect(built.schemaHash).toBe(recordSchemaHash(kind));
      const compiled = new Ajv(recordAjvOptions()).compile(RECORD_SCHEMAS[kind]) as Validate;
      const value = JSON.parse(fs.readFileSync(path.join(folder, records[kind]), 'utf8')) as Record<string, unknown>;
      const samples: unknown[] = [value, { ...value, documents: 'none' }, Object.fromEntries(Object.entries(value).slice(1)), {}, [], null, 'x'];
      expect(built.default(value)).toBe(true);
      for (const v of samples) {
        expect(built.default(v), JSON.stringify(v).slice(0, 80)).toBe(compiled(v));
        expect(built.default.errors).toEqual(compiled.errors);
      }
    });
  }
});
