// validate/schemaCheck: ajv's errors as one diagnostic per mistake. Of an anyOf (a value that may be
// written in two forms), only the form the value has speaks; the other form's error is no news.
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { parseYamlFile, type FileKind } from '../../src/load/yamlFile.js';
import { checkSchemas } from '../../src/validate/schemaCheck.js';

const PLAN = [
  'id: p', 'version: "1.0"', 'kind: temaplan', 'language: nn', 'title: T',
  'period: { from: 2024, to: 2030 }', 'chapters: [kapittel/a.yaml]', 'variants: { utkast: { date: 2024-01-01 } }',
].join('\n');

const run = (kind: FileKind, text: string) => {
  const file = parseYamlFile(kind, 'f.yaml', '/f.yaml', Buffer.from(text), new DiagnosticSink());
  const sink = new DiagnosticSink();
  checkSchemas([file], sink);
  return sink.items.map((d) => `${d.span.line}:${d.span.col} ${d.code}: ${d.message}`);
};

describe('anyOf: the branch of the value’s type', () => {
  it('a kommune map with an unquoted nummer: the nummer only, not «expected a string» at the map', () => {
    expect(run('plan', `${PLAN}\nkommune:\n  name: Testvik kommune\n  nummer: 4631\n`)).toEqual(['11:11 schema/type: expected a string here']);
    expect(run('plan', `${PLAN}\nkommune:\n  name: Testvik kommune\n`)).toEqual(["9:1 schema/required: missing required key 'nummer'"]);
  });

  it('a profile id that is no id: the string branch speaks', () => {
    expect(run('plan', `${PLAN}\nkommune: Testvik\n`)).toHaveLength(1);
    expect(run('plan', `${PLAN}\nkommune: Testvik\n`)[0]).toMatch(/^9:10 schema\/invalid: /);
  });

  it('a value of neither form: both forms are named', () => {
    expect(run('plan', `${PLAN}\nkommune: [a]\n`)).toEqual(['9:10 schema/type: expected a string or a map (key: value) here']);
  });

  it('a label given per language form with a number in it: the form, not «expected a string»', () => {
    expect(run('malskjema', 'config:\n  status: [{ id: a, label: { nn: 5 } }]\nmal: [{ tekst: T }]\n')).toEqual(['2:34 schema/type: expected a string here']);
  });
});
