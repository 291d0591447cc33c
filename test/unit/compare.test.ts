// compare/: the word diff (Norwegian words, compounds, punctuation) and the block matching (moved
// blocks, changed table cells) on real models of the minimal fixture, built by checkPlan.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { checkPlan } from '../../src/pipeline.js';
import { compareDocuments } from '../../src/compare/compare.js';
import { diffWords, wordTokens } from '../../src/compare/words.js';
import { copyPlan, edit, FIXTURES } from '../helpers/planCopy.js';
import type { PlanDocument } from '../../src/model/types.js';

function model(dir: string): PlanDocument {
  const sink = new DiagnosticSink();
  const checked = checkPlan(nodeHost, dir, [], sink);
  expect(sink.items).toEqual([]);
  return checked!.doc;
}

const MINIMAL = path.join(FIXTURES, 'minimal');

describe('word diff', () => {
  it('keeps Norwegian words and hyphenated compounds whole; punctuation is a token of its own', () => {
    expect(wordTokens('helse- og omsorgstenester, Nordhordland-regionen! Ærleg å sjå').filter((t) => t.trim())).toEqual([
      'helse-', 'og', 'omsorgstenester', ',', 'Nordhordland-regionen', '!', 'Ærleg', 'å', 'sjå',
    ]);
    expect(diffWords('Vi skal byggje på Ågotnes-kaia.', 'Vi skal byggje på Øygarden-kaia.')).toEqual([
      { op: 'same', text: 'Vi skal byggje på ' },
      { op: 'del', text: 'Ågotnes-kaia' },
      { op: 'ins', text: 'Øygarden-kaia' },
      { op: 'same', text: '.' },
    ]);
    expect(diffWords('Det er godt.', 'Det er godt!')).toEqual([
      { op: 'same', text: 'Det er godt' },
      { op: 'del', text: '.' },
      { op: 'ins', text: '!' },
    ]);
    // Neighbouring changed words separated by a space read as one change.
    expect(diffWords('ein raud bil', 'to blå bilar').filter((p) => p.op !== 'same')).toEqual([
      { op: 'del', text: 'ein raud bil' },
      { op: 'ins', text: 'to blå bilar' },
    ]);
  });
});

describe('block matching', () => {
  it('finds nothing between a plan and a copy of it in another folder', () => {
    const e = compareDocuments(model(MINIMAL), model(copyPlan(MINIMAL)));
    expect(e.total).toEqual({ added: 0, removed: 0, changed: 0, moved: 0 });
  });

  it('shows a paragraph moved to another section as moved, not as removed and added', () => {
    const plan = copyPlan(MINIMAL);
    const para = '      - p: "Malsyntaks skal ikkje tolkast: {{x}} og {{#each a}}b{{/each}} & <b>"\n';
    edit(plan, 'kapittel/01-alt.yaml', para, '');
    edit(plan, 'kapittel/01-alt.yaml', '      - chart: { id: folketal', `${para.replace('      ', '      ')}      - chart: { id: folketal`);
    const e = compareDocuments(model(MINIMAL), model(plan));
    expect(e.total).toEqual({ added: 0, removed: 0, changed: 0, moved: 1 });
    const [moved] = e.chapters[0]!.changes;
    expect(moved).toMatchObject({ kind: 'moved', from: '1.1', block: { type: 'paragraph', section: '1.2' } });
  });

  it('reports a table by its changed cells', () => {
    const plan = copyPlan(MINIMAL);
    edit(plan, 'kapittel/01-alt.yaml', '[2, Sjukeheim, 5, 0, 5]', '[2, Sjukeheim, 5, 3, 8]');
    const e = compareDocuments(model(MINIMAL), model(plan));
    expect(e.total).toEqual({ added: 0, removed: 0, changed: 1, moved: 0 });
    const [table] = e.chapters[0]!.changes;
    expect(table).toEqual({
      kind: 'changed',
      block: { type: 'table', id: 'bustader', section: '1.1.1', text: 'Bustader per stad' },
      cells: [
        { row: '2', column: 'Sør', old: '0', new: '3' },
        { row: '2', column: 'Totalt', old: '5', new: '8' },
      ],
    });
  });
});
