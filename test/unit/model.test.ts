// model/ and validate/ helpers: inline text, numbering, sums.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FootnoteCounter, parseInline, plainText } from '../../src/model/inline.js';
import { columnSums, rowSum } from '../../src/validate/tableSums.js';
import { check } from '../helpers/checkRun.js';
import { FIXTURES } from '../helpers/planCopy.js';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { checkPlan } from '../../src/pipeline.js';

describe('parseInline', () => {
  it('turns the Markdown subset into runs and numbers footnotes in order', () => {
    const notes = new FootnoteCounter();
    const a = parseInline('Ein *a* og **b** [c](https://x.no)^[Første.]', notes);
    const b = parseInline('Så^[Andre *notat*.]', notes);
    expect(a).toEqual([
      { kind: 'text', text: 'Ein ', bold: false, italics: false },
      { kind: 'text', text: 'a', bold: false, italics: true },
      { kind: 'text', text: ' og ', bold: false, italics: false },
      { kind: 'text', text: 'b', bold: true, italics: false },
      { kind: 'text', text: ' ', bold: false, italics: false },
      { kind: 'text', text: 'c', bold: false, italics: false, link: 'https://x.no' },
      { kind: 'footnote', number: 1 },
    ]);
    expect(b.at(-1)).toEqual({ kind: 'footnote', number: 2 });
    expect(plainText(notes.notes[1]!.content)).toBe('Andre notat.');
  });

  it('keeps HTML and template syntax as plain text', () => {
    expect(plainText(parseInline('<b>x</b> {{y}} {{#each z}}', new FootnoteCounter()))).toBe('<b>x</b> {{y}} {{#each z}}');
  });
});

describe('table sums', () => {
  it('sums rows and columns, and refuses text in a summed cell', () => {
    expect(rowSum([1, 'a', 2, 3], [0, 2, 3])).toBe(6);
    expect(rowSum([1, 'a'], [0, 1])).toBeUndefined();
    expect(columnSums([[1, 2], [3, null]], [0, 1])).toEqual(new Map([[0, 4], [1, 2]]));
  });
});

describe('buildModel', () => {
  it('numbers sections, tables and figures and computes totals', () => {
    const sink = new DiagnosticSink();
    const checked = checkPlan(nodeHost, path.join(FIXTURES, 'minimal'), undefined, sink);
    expect(sink.items.filter((d) => d.severity === 'error')).toEqual([]);
    const doc = checked!.doc;
    expect(doc.chapters.map((c) => c.number)).toEqual(['1', '2']);
    expect(doc.chapters[0]!.sections[0]!.sections[0]!.number).toBe('1.1.1');
    const blocks = doc.chapters.flatMap(function all(s): typeof s.blocks[number][] { return [...s.blocks, ...s.sections.flatMap(all)]; });
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.totalsRow?.map((c) => (c.kind === 'number' ? c.value : null))).toEqual([null, null, 15, 1200, 1215]);
    expect(blocks.filter((b) => b.kind === 'chart' || b.kind === 'trapp' || b.kind === 'image').map((b) => (b as { number: number }).number)).toEqual([1, 2, 3]);
    expect(doc.sourceHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same source hash wherever the plan folder is', () => {
    const a = check(path.join(FIXTURES, 'minimal'));
    expect(a.ok).toBe(true);
  });
});
