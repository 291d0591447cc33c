// The JSON Schemas of the file kinds and their compiled validators. ajv compiles a schema into
// JavaScript; doing that on every run costs more than checking a whole plan, so `npm run build`
// writes the compiled validators once (scripts/build-validators.mjs, ajv's standalone code) next
// to this module. A generated validator is used only when it was made from exactly the schema
// below (its hash is checked); otherwise — in the TypeScript test runner, or after a schema edit
// without a build — the schema is compiled here, with the same options.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction, Options } from 'ajv';
import type { FileKind } from '../load/yamlFile.js';
import { nodeAssets } from '../core/assets.js';
import planSchema from './schemas/plan.schema.json' with { type: 'json' };
import chapterSchema from './schemas/chapter.schema.json' with { type: 'json' };
import malskjemaSchema from './schemas/malskjema.schema.json' with { type: 'json' };
import chartSchema from './schemas/chart.schema.json' with { type: 'json' };
import trappSchema from './schemas/trapp.schema.json' with { type: 'json' };
import planarSchema from './schemas/planar.schema.json' with { type: 'json' };
import kjelderSchema from './schemas/kjelder.schema.json' with { type: 'json' };
import kommuneSchema from './schemas/kommune.schema.json' with { type: 'json' };
import framdriftSchema from './schemas/framdrift.schema.json' with { type: 'json' };
import budsjettSchema from './schemas/budsjett.schema.json' with { type: 'json' };
import kindSchema from './schemas/kind.schema.json' with { type: 'json' };

const require = createRequire(import.meta.url);

/**
 * plan.yaml and the kommune profile take the målskjema configuration defined once in
 * malskjema.schema.json (its `config` with the definitions it refers to, renamed `malskjema…`).
 */
function withMalskjemaConfig(schema: { definitions?: object }): object {
  const defs = malskjemaSchema.definitions;
  const renamed = JSON.parse(JSON.stringify({ config: defs.config, words: defs.words, columnId: defs.columnId })
    .replace(/#\/definitions\/(words|columnId)/g, (_, n: string) => `#/definitions/malskjema${n[0]!.toUpperCase()}${n.slice(1)}`)) as Record<string, object>;
  return {
    ...schema,
    definitions: { ...schema.definitions, malskjemaConfig: renamed.config, malskjemaWords: renamed.words, malskjemaColumnId: renamed.columnId },
  };
}

/** The JSON Schema for each file kind (also what editors use through the $schema line). */
export const schemas: Readonly<Record<FileKind, object>> = {
  plan: withMalskjemaConfig(planSchema),
  chapter: chapterSchema,
  malskjema: malskjemaSchema,
  chart: chartSchema,
  trapp: trappSchema,
  planar: planarSchema,
  kjelder: kjelderSchema,
  kommune: withMalskjemaConfig(kommuneSchema),
  framdrift: framdriftSchema,
  budsjett: budsjettSchema,
  kind: kindSchema,
};

/** $data, coerceTypes and useDefaults stay off: the data is checked as written, never changed. */
export const AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true };

/** Identifies a schema together with the compile options. */
export function schemaHash(kind: FileKind): string {
  return createHash('sha256').update(JSON.stringify([AJV_OPTIONS, schemas[kind]])).digest('hex');
}

/** Where the build writes the compiled validator of `kind`. */
export function generatedValidatorFile(kind: FileKind, dir = fileURLToPath(new URL('.', import.meta.url))): string {
  return `${dir}/generated/${kind}.cjs`;
}

const validators = new Map<FileKind, ValidateFunction>();
let ajv: { compile(schema: object): ValidateFunction } | undefined;

function generated(kind: FileKind): ValidateFunction | undefined {
  const mod = nodeAssets.loadGenerated(generatedValidatorFile(kind)) as { default: ValidateFunction; schemaHash: string } | undefined;
  return mod?.schemaHash === schemaHash(kind) ? mod.default : undefined;
}

function compiled(kind: FileKind): ValidateFunction {
  if (!ajv) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    ajv = new Ajv(AJV_OPTIONS);
  }
  return ajv.compile(schemas[kind]);
}

/** The validator for one file kind: built ahead of time when it matches, compiled here otherwise. */
export function validatorFor(kind: FileKind): ValidateFunction {
  let v = validators.get(kind);
  if (!v) validators.set(kind, (v = generated(kind) ?? compiled(kind)));
  return v;
}
