// The validators the build writes ahead of time must be the schemas' own: same verdicts, same errors.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { AJV_OPTIONS, generatedValidatorFile, schemaHash, schemas } from '../../src/validate/schemaSet.js';
import type { FileKind } from '../../src/load/yamlFile.js';
import { REPO } from '../helpers/planCopy.js';

const require = createRequire(import.meta.url);
const built = (kind: FileKind) => require(generatedValidatorFile(kind, path.join(REPO, 'dist', 'validate'))) as { default: (v: unknown) => boolean; schemaHash: string } & { default: { errors?: unknown } };

/** Every YAML file of the example plans, the fixtures and the bad-input corpus, by kind where the name tells. */
function samples(): { kind: FileKind; value: unknown }[] {
  const out: { kind: FileKind; value: unknown }[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.yaml')) {
        let value: unknown;
        try {
          value = parse(fs.readFileSync(p, 'utf8'), { logLevel: 'silent' });
        } catch {
          continue;
        }
        // Check each sample against every schema: a mismatch anywhere would show.
        for (const kind of Object.keys(schemas) as FileKind[]) out.push({ kind, value });
      }
    }
  };
  for (const d of ['plan-data', 'test/fixtures']) walk(path.join(REPO, d));
  return out;
}

describe('validators built ahead of time', () => {
  it('exist for every kind, made from the current schema', () => {
    for (const kind of Object.keys(schemas) as FileKind[]) expect(built(kind).schemaHash, kind).toBe(schemaHash(kind));
  });

  it('give the same verdict and the same errors as compiling the schema', () => {
    const ajv = new Ajv(AJV_OPTIONS);
    const compiled = new Map((Object.keys(schemas) as FileKind[]).map((k) => [k, ajv.compile(schemas[k])]));
    const all = samples();
    expect(all.length).toBeGreaterThan(1000);
    let invalid = 0;
    // One assertion over all samples (thousands of expect calls took most of the file's time);
    // a difference lists the kind, the sample and both answers.
    const differences: unknown[] = [];
    for (const { kind, value } of all) {
      const a = compiled.get(kind)!;
      const b = built(kind).default;
      const ok = a(value);
      const verdict = b(value);
      const errorsA = JSON.parse(JSON.stringify(a.errors ?? null)) as unknown;
      const errorsB = JSON.parse(JSON.stringify(b.errors ?? null)) as unknown;
      if (verdict !== ok || !isDeepStrictEqual(errorsB, errorsA)) differences.push({ kind, value, compiled: { ok, errors: errorsA }, built: { ok: verdict, errors: errorsB } });
      if (!ok) invalid++;
    }
    expect(differences).toEqual([]);
    expect(invalid).toBeGreaterThan(100);
  });
});
