// Id rule: ids unique within a list of one file, which JSON Schema cannot say — the levels, columns
// and statuses of a målskjema configuration (plan.yaml's and a kommune profile's `malskjema:`, a
// målskjema file's `config:`) and the series of a chart. Reads the parsed value of every file, also
// one with schema errors elsewhere; ids that must be unique across files are checked on the model
// (check/checkModel.ts).
import type { DiagnosticSink } from '../core/diagnostics.js';
import { isObj } from '../core/values.js';
import { locate, type FileKind, type PathSegment, type SourceFile } from '../load/yamlFile.js';

/** What a list's entries are called in messages, and which diagnostic a repeated id is. */
type ListKind = { readonly code: 'validate/duplicate-malskjema-id'; readonly entry: 'level' | 'column' | 'status' } | { readonly code: 'validate/duplicate-series-id' };

const MALSKJEMA_LISTS = [['levels', 'level'], ['columns', 'column'], ['status', 'status']] as const;

const malskjemaLists = (at: string): [PathSegment[], ListKind][] =>
  MALSKJEMA_LISTS.map(([key, entry]) => [[at, key], { code: 'validate/duplicate-malskjema-id', entry }]);

/** The lists of ids each kind of file holds, by where they are written. */
const LISTS: Partial<Record<FileKind, readonly [PathSegment[], ListKind][]>> = {
  plan: malskjemaLists('malskjema'),
  kommune: malskjemaLists('malskjema'),
  malskjema: malskjemaLists('config'),
  chart: [[['series'], { code: 'validate/duplicate-series-id' }]],
};

function valueAt(v: unknown, path: readonly PathSegment[]): unknown {
  let node = v;
  for (const seg of path) node = isObj(node) ? node[String(seg)] : undefined;
  return node;
}

/** Report every id of a list that an earlier entry of the same list already has, at the repeated id. */
export function checkListIds(files: Iterable<SourceFile>, sink: DiagnosticSink): void {
  for (const file of files) {
    if (file.value === undefined) continue;
    for (const [path, kind] of LISTS[file.kind] ?? []) {
      const list = valueAt(file.value, path);
      if (!Array.isArray(list)) continue;
      const first = new Map<string, number>();
      list.forEach((item, i) => {
        const id = isObj(item) ? item.id : undefined;
        if (typeof id !== 'string') return; // the schema reports a missing or malformed id
        const span = locate(file, [...path, i, 'id']);
        const firstLine = first.get(id);
        if (firstLine === undefined) first.set(id, span.line);
        else if (kind.code === 'validate/duplicate-series-id') sink.report(kind.code, span, { id, firstLine });
        else sink.report(kind.code, span, { entry: kind.entry, id, firstLine });
      });
    }
  }
}
