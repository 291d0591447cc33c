// model/ + check/: the model is built once from the parts of each file that passed the schema, every
// node keeps its span, and the checks report every problem of a file in one run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { nodeHost } from '../../src/core/host.js';
import { parseYamlFile } from '../../src/load/yamlFile.js';
import { checkPlan } from '../../src/pipeline.js';
import { faultsOf, Reader, SchemaBreach } from '../../src/model/reader.js';
import { allBlocks, blockById } from '../../src/model/find.js';
import type { PlanDocument } from '../../src/model/types.js';
import { check } from '../helpers/checkRun.js';
import { prepare } from '../helpers/corpus.js';
import { FIXTURES } from '../helpers/planCopy.js';
import { allEntries } from '../../src/model/malskjemaShape.js';

/** Each case: its whole diagnostic set, and the edit that fixes its schema error. */
const CASES = [
  {
    name: 'schema-and-semantic-one-file',
    file: 'kapittel/01-alt.yaml',
    fix: ['kjelde: Meld. St. 1', 'source: Meld. St. 1'],
    all: ['kapittel/01-alt.yaml:15:41 schema/unknown-key', 'kapittel/01-alt.yaml:29:40 validate/total-mismatch'],
  },
  {
    name: 'schema-and-semantic-one-malskjema',
    file: 'malskjema/hovudmal-1.yaml',
    fix: ['status: [ikkje]', 'status: ikkje'],
    all: ['malskjema/hovudmal-1.yaml:25:17 schema/type', 'malskjema/hovudmal-1.yaml:35:29 validate/negative-amount'],
  },
  {
    name: 'schema-and-semantic-plan-yaml',
    file: 'plan.yaml',
    fix: ['subject: [ikkje, tekst]', 'subject: Ein tekst'],
    all: ['plan.yaml:11:10 schema/type', 'plan.yaml:13:9 validate/period'],
  },
  {
    name: 'schema-and-semantic-framdrift',
    file: 'data/framdrift.yaml',
    fix: ['to: 2024-3 ', 'to: 2024-03 '],
    all: ['data/framdrift.yaml:11:55 validate/month-order', 'data/framdrift.yaml:8:44 schema/invalid'],
  },
  {
    name: 'schema-and-semantic-register',
    file: 'registers/planar.yaml',
    fix: ['type: vegplan', 'type: temaplan'],
    all: ['registers/planar.yaml:4:55 schema/enum', 'registers/planar.yaml:5:11 validate/duplicate-id'],
  },
];

describe('every problem of a file at once', () => {
  for (const c of CASES) {
    it(`${c.name}: the semantic error is reported beside the schema error, and nothing new appears after the fix`, () => {
      const { dir } = prepare(c.name);
      const first = check(dir);
      expect([...first.lines].sort()).toEqual(c.all);
      const file = path.join(dir, c.file);
      const text = fs.readFileSync(file, 'utf8');
      expect(text).toContain(c.fix[0]);
      fs.writeFileSync(file, text.replace(c.fix[0]!, c.fix[1]!));
      const second = check(dir);
      expect(second.lines).toEqual(first.lines.filter((l) => !l.includes(' schema/')));
    });
  }
});

function docOf(fixture: string): PlanDocument {
  const sink = new DiagnosticSink();
  const checked = checkPlan(nodeHost, path.join(FIXTURES, fixture), undefined, sink);
  expect(sink.items.filter((d) => d.severity === 'error')).toEqual([]);
  return checked!.doc;
}

describe('source spans in the model', () => {
  it('every block of every kind has a span in its chapter, and every id its own place', () => {
    const kinds = new Set<string>();
    for (const fixture of ['minimal', 'utvida']) {
      const doc = docOf(fixture);
      for (const b of allBlocks(doc)) {
        kinds.add(b.kind);
        expect(b.span.file).toMatch(/kapittel\/0\d-[a-z]+\.yaml$/);
        expect(b.span.line).toBeGreaterThan(1);
        if ('idSpan' in b) {
          expect(b.idSpan.file).toBe(b.span.file);
          expect(b.idSpan.line).toBeGreaterThanOrEqual(b.span.line);
          expect(blockById(doc, b.id)).toBe(b);
        }
      }
    }
    // The model's 18 kinds (the four list keys are one kind, budsjettgraf is a chart).
    expect([...kinds].sort()).toEqual([
      'budsjett', 'chart', 'fakta', 'framdrift', 'heading', 'image', 'kjelder', 'list', 'malskjema', 'milepelar',
      'note', 'paragraph', 'planliste', 'quote', 'satsing', 'table', 'trapp',
    ]);
  });

  it('data read from other files points into those files', () => {
    const doc = docOf('minimal');
    const blocks = allBlocks(doc);
    const trapp = blocks.find((b) => b.kind === 'trapp');
    expect(trapp?.kind === 'trapp' && trapp.trapp.trinn.every((t) => t.nummerSpan.file.endsWith('data/trapp.yaml'))).toBe(true);
    const mal = blocks.find((b) => b.kind === 'malskjema');
    if (mal?.kind !== 'malskjema') throw new Error('no målskjema block');
    const tiltak = allEntries(mal.malskjema.entries).filter((e) => e.level === 'tiltak');
    expect(tiltak.length).toBeGreaterThan(0);
    for (const t of tiltak) {
      expect(t.span.file).toMatch(/malskjema\/hovudmal-1\.yaml$/);
      for (const y of t.cells.filter((c) => c.year !== undefined)) expect(y.keySpan.line).toBe(y.valueSpan.line);
    }
    const table = blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.written.map((r) => r.span.line)).toEqual([28, 29]);
    expect(table.written[1]!.cellSpans.map((s) => s.col)).toEqual([20, 23, 34, 37, 40]);
  });
});

describe('Reader', () => {
  const fileOf = (text: string) => parseYamlFile('trapp', 't.yaml', '/t.yaml', Buffer.from(text), new DiagnosticSink());

  it('reads what the schema guarantees and refuses anything else as an internal error', () => {
    const r = Reader.root(fileOf('a: x\nb: [1, 2]\n'), { pointers: [] });
    expect(r.at('a').str()).toBe('x');
    expect(r.at('b').items().map((i) => i.num())).toEqual([1, 2]);
    expect(r.at('missing').optStr()).toBeUndefined();
    expect(() => r.at('a').num()).toThrow(SchemaBreach);
    expect(() => r.at('a').items()).toThrow(/not a list although its schema passed/);
    expect(r.at('b').at(1).span()).toMatchObject({ line: 2, col: 8 });
  });

  it('knows which parts had a schema fault', () => {
    const file = fileOf('kategoriar: [{ id: a, nummer: 1, name: A }]\ntrinn:\n  - { nummer: 1, kategori: a, name: Eitt }\n  - { nummer: 2, kategori: a }\n');
    const faults = faultsOf(file, false);
    expect(faults.pointers).toEqual(['/trinn/1']);
    const r = Reader.root(file, faults);
    expect(r.sound()).toBe(false);
    expect(r.soundExcept('trinn')).toBe(true);
    expect(r.at('trinn').items().map((t) => t.sound())).toEqual([true, false]);
    expect(r.at('kategoriar').sound()).toBe(true);
    expect(faultsOf(file, true).pointers).toEqual([]);
  });
});
