// Schema stage: each loaded file against the JSON Schema of its kind (ajv, all errors).
// ajv's instancePath is mapped back to the YAML node, so every error points into the source.
import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import type { DiagnosticSink } from '../core/diagnostics.js';
import { locate, type SourceFile, type PathSegment } from '../load/yamlFile.js';
import { validatorFor } from './schemaSet.js';

export { schemas } from './schemaSet.js';

/** At most this many schema errors per file: a broken huge file must not flood the report. */
const MAX_ERRORS_PER_FILE = 50;

function pathOf(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describeType(e: ErrorObject): string {
  if (e.keyword === 'const') return `'${String(e.params.allowedValue)}'`;
  if (e.keyword === 'enum') return (e.params.allowedValues as unknown[]).map((v) => `'${String(v)}'`).join(', ');
  const t = String(e.params.type ?? '');
  return t === 'integer' ? 'a whole number' : t === 'object' ? 'a map (key: value)' : t === 'array' ? 'a list' : `a ${t}`;
}

/** Check every file against its schema; returns the files that passed. */
export function checkSchemas(files: readonly SourceFile[], sink: DiagnosticSink): Set<SourceFile> {
  const ok = new Set<SourceFile>();
  for (const file of files) {
    if (file.value === undefined) continue;
    const validate = validatorFor(file.kind);
    if (validate(file.value)) {
      ok.add(file);
      continue;
    }
    reportErrors(file, validate.errors ?? [], sink);
  }
  return ok;
}

function reportErrors(file: SourceFile, errors: readonly ErrorObject[], sink: DiagnosticSink): void {
  const errorsBefore = sink.errorCount;
  // anyOf reports each failed branch and then itself: fold branches into the anyOf error.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const typeLike = (k: string): boolean => k === 'type' || k === 'const' || k === 'enum';
  // When the value has the type of one branch (a map where a map may stand), that branch's own errors
  // say more, and the other branches' («expected a string») are not about this value. A branch's
  // errors inside the value (at a deeper path) exist only when the value had its type, whatever
  // their keyword: `nummer: 4631` under a `kommune:` map is a type error of the map branch alone.
  // (`if` and `allOf` only say that a branch failed: they are not errors of their own.)
  const wrapper = (k: string): boolean => k === 'anyOf' || k === 'if' || k === 'allOf';
  const specific = (p: string): boolean =>
    errors.some((x) => x.instancePath.startsWith(`${p}/`) || (x.instancePath === p && !wrapper(x.keyword) && !typeLike(x.keyword)));
  let count = 0;
  const seen = new Set<string>();
  for (const e of errors) {
    if (count >= MAX_ERRORS_PER_FILE) break;
    if (anyOfPaths.has(e.instancePath) && typeLike(e.keyword)) continue;
    if (e.keyword === 'anyOf' && specific(e.instancePath)) continue;
    if (e.keyword === 'allOf' || e.keyword === 'if') continue;
    const path = pathOf(e.instancePath);
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    count++;
    switch (e.keyword) {
      case 'required':
        sink.report('schema/required', locate(file, path, true), { property: String(e.params.missingProperty) });
        break;
      case 'additionalProperties': {
        const name = String(e.params.additionalProperty);
        const allowed = Object.keys((e.parentSchema as { properties?: object }).properties ?? {});
        const suggestion = allowed.length ? closest(name, allowed) : undefined;
        const near = suggestion && suggestion.length > 0 && similar(name, suggestion);
        sink.report('schema/unknown-key', locate(file, [...path, name], true), {
          key: name,
          ...(near ? { suggestion } : {}),
        }, name === 'sections' && file.kind === 'chapter' ? ['sections nest at most three levels (1, 1.1, 1.1.1); use a `heading:` block for a fourth'] : []);
        break;
      }
      case 'type':
        sink.report('schema/type', locate(file, path), { expected: describeType(e) });
        break;
      case 'enum':
        sink.report('schema/enum', locate(file, path), { allowed: describeType(e) });
        break;
      case 'anyOf': {
        const limit = errors.find((x) => x.instancePath === e.instancePath && (x.keyword === 'maximum' || x.keyword === 'minimum'));
        if (limit) {
          sink.report('schema/invalid', locate(file, path), { detail: `${String(limit.data)} is ${limit.keyword === 'maximum' ? 'more' : 'less'} than the limit ${String(limit.params.limit)}` });
          break;
        }
        const branches = errors.filter((x) => x.instancePath === e.instancePath && (x.keyword === 'type' || x.keyword === 'const' || x.keyword === 'enum'));
        const expected = [...new Set(branches.map(describeType))].join(' or ') || 'another kind of value';
        sink.report('schema/type', locate(file, path), { expected });
        break;
      }
      case 'minProperties':
      case 'maxProperties': {
        const isBlock = path.length >= 2 && path[path.length - 2] === 'blocks';
        if (isBlock) {
          const keys = Object.keys((e.data as object) ?? {});
          sink.report('schema/block-kind', locate(file, path), { keys: keys.length ? keys.map((k) => `'${k}'`).join(', ') : 'none' });
        } else {
          sink.report('schema/invalid', locate(file, path), { detail: e.message ?? e.keyword });
        }
        break;
      }
      case 'pattern': {
        if (e.schemaPath.includes('propertyNames')) break; // reported by the propertyNames error
        const desc = (e.parentSchema as { description?: string }).description;
        sink.report('schema/invalid', locate(file, path), { detail: desc ? `expected ${desc}` : `'${String(e.data)}' does not have the expected form` });
        break;
      }
      case 'propertyNames':
        sink.report('schema/invalid', locate(file, [...path, String(e.params.propertyName)], true), { detail: `'${String(e.params.propertyName)}' is not a year (four digits)` });
        break;
      case 'maxLength':
        sink.report('limit/size', locate(file, path), { what: `the text has ${String(e.data).length} characters`, limit: Number(e.params.limit) });
        break;
      case 'maxItems':
        sink.report('limit/size', locate(file, path), { what: `the list has ${(e.data as unknown[]).length} entries`, limit: Number(e.params.limit) });
        break;
      default:
        if (e.keyword === 'pattern' || (e.schemaPath.includes('propertyNames') && e.keyword !== 'propertyNames')) break;
        sink.report('schema/invalid', locate(file, path), { detail: e.message ?? e.keyword });
    }
  }
  // The file failed its schema: it must never pass silently for want of a reportable error.
  const first = errors.find((e) => !wrapper(e.keyword)) ?? errors[0];
  if (sink.errorCount === errorsBefore && first) {
    sink.report('schema/invalid', locate(file, pathOf(first.instancePath)), { detail: first.message ?? first.keyword });
  }
}

function similar(a: string, b: string): boolean {
  return distance(a.toLowerCase(), b.toLowerCase()) <= Math.max(2, Math.floor(b.length / 3));
}
