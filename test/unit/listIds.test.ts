// validate/listIds: an id written twice in one list of one file is refused at the second, naming the
// line of the first — målskjema levels, columns and statuses (plan.yaml, kommune profile, a målskjema
// file's config) and chart series.
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { parseYamlFile, type FileKind } from '../../src/load/yamlFile.js';
import { checkListIds } from '../../src/validate/listIds.js';

/** The rule's diagnostics alone (not the parser's) for `text` as a file of `kind`. */
const diagnostics = (kind: FileKind, text: string) => {
  const file = parseYamlFile(kind, 'f.yaml', '/f.yaml', Buffer.from(text), new DiagnosticSink());
  const sink = new DiagnosticSink();
  checkListIds([file], sink);
  return sink.items;
};
const run = (kind: FileKind, text: string) => diagnostics(kind, text).map((d) => `${d.span.line}:${d.span.col} ${d.code}: ${d.message}`);

describe('checkListIds', () => {
  it('refuses a målskjema status, column or level declared twice, at the second, naming the first line', () => {
    const config = [
      '  levels: [{ id: mal }, { id: tiltak }, { id: mal }]',
      '  columns:',
      '    - { id: ansvar, kind: text }',
      '    - { id: ansvar, kind: mark }',
      '  status:',
      '    - { id: utsatt, label: Foreslått utsatt }',
      '    - { id: nytt, label: Nytt }',
      '    - { id: utsatt, label: Utsatt }',
      '    - { id: utsatt, label: Utsatt igjen }',
    ].join('\n');
    // The same configuration under each file's key, starting on line 1 + `above`.
    const expected = (above: number) => [
      `${1 + above}:47 validate/duplicate-malskjema-id: the målskjema level 'mal' is already declared at line ${1 + above}`,
      `${4 + above}:13 validate/duplicate-malskjema-id: the målskjema column 'ansvar' is already declared at line ${3 + above}`,
      `${8 + above}:13 validate/duplicate-malskjema-id: the målskjema status 'utsatt' is already declared at line ${6 + above}`,
      `${9 + above}:13 validate/duplicate-malskjema-id: the målskjema status 'utsatt' is already declared at line ${6 + above}`,
    ];
    expect(run('plan', `malskjema:\n${config}\n`)).toEqual(expected(1));
    expect(run('kommune', `id: x\nmalskjema:\n${config}\n`)).toEqual(expected(2));
    expect(run('malskjema', `config:\n${config}\n`)).toEqual(expected(1));
  });

  it('tells the status hint what the id is for', () => {
    expect(diagnostics('plan', 'malskjema:\n  status: [{ id: a, label: A }, { id: a, label: B }]\n')[0]?.hints).toEqual(['declare each status once: remove this one, or give it an id of its own (a målskjema row names its status by its id)']);
  });

  it('refuses two series of a chart with one id', () => {
    expect(run('chart', 'series:\n  - { id: a, name: A, values: [1] }\n  - { id: a, name: B, values: [2] }\n'))
      .toEqual(["3:11 validate/duplicate-series-id: the series id 'a' is already used at line 2"]);
  });

  it('compares only ids written as text, only in the lists it knows, and only within one list', () => {
    // A status and a column may share an id; a missing or numeric id is the schema's to report.
    expect(run('plan', 'malskjema:\n  columns: [{ id: x, kind: text }]\n  status: [{ id: x, label: X }, { label: Y }, { id: 1 }, { id: 1 }]\n')).toEqual([]);
    // Another file kind, or the key elsewhere: not a målskjema configuration.
    expect(run('chapter', 'malskjema:\n  status: [{ id: a }, { id: a }]\n')).toEqual([]);
    expect(run('plan', 'config:\n  status: [{ id: a }, { id: a }]\n')).toEqual([]);
    // A file that could not be parsed is left alone.
    expect(run('plan', 'malskjema: [\n')).toEqual([]);
  });
});
