// core/diagnostics: how a diagnostic is printed — its place, a code frame whose caret stands under the
// column also far along a long line, and its hints.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink, formatDiagnostic, frameOf } from '../../src/core/diagnostics.js';
import { nodeHost } from '../../src/core/host.js';
import { checkPlan } from '../../src/pipeline.js';
import { copyPlan, edit, FIXTURES } from '../helpers/planCopy.js';

describe('code frames', () => {
  it('show a window of a long line around the column, cut ends marked …, the caret under the place', () => {
    const dir = copyPlan(path.join(FIXTURES, 'minimal'));
    const before = 'Planen byggjer på mange kjelder og mykje arbeid i einingane, med innspel frå innbyggjarar, lag og organisasjonar, og vart drøfta i fleire møte med råd og utval gjennom heile våren og sommaren; ';
    edit(dir, 'kapittel/01-alt.yaml', '- p: "Innleiing med', `- p: "${before}fristen er [fakta: hoyring.fristen], og etter det kjem vedtaket i kommunestyret og kunngjeringa av planen i heile kommunen. Innleiing med`);
    const sink = new DiagnosticSink();
    checkPlan(nodeHost, dir, undefined, sink);
    const d = sink.items.find((x) => x.code === 'validate/unknown-fact')!;
    const col = '  - p: "'.length + before.length + 'fristen er '.length + 1;
    expect(col).toBeGreaterThan(200);
    expect(d.span).toMatchObject({ line: 5, col });
    const [head, code, caret] = formatDiagnostic(d, (f) => sink.sourceOf(f)).split('\n');
    expect(head).toMatch(/kapittel\/01-alt\.yaml:5:\d+: error: there is no plan fact 'hoyring\.fristen'/);
    expect(code).toMatch(/^ {3}5 \| …/);
    expect(code).toMatch(/…$/);
    expect(code!.length).toBeLessThan(120);
    // The caret stands under the «[» of the reference.
    expect(code![caret!.indexOf('^')]).toBe('[');
    expect(code!.slice(caret!.indexOf('^'))).toMatch(/^\[fakta: hoyring\.fristen\]/);
  });

  it('show a short line whole, and keep tabs before the column so the caret lines up', () => {
    expect(frameOf('title: x', 8)).toEqual({ text: 'title: x', pad: '       ' });
    expect(frameOf('\tkey: [1, 2]', 7)).toEqual({ text: '\tkey: [1, 2]', pad: '\t     ' });
    const long = `${'a'.repeat(150)}X${'b'.repeat(10)}`;
    const end = frameOf(long, 151);
    expect(end.text.startsWith('…')).toBe(true);
    expect(end.text.endsWith('b')).toBe(true);
    expect(end.text[end.pad.length]).toBe('X');
    const start = frameOf(long, 3);
    expect(start.text.endsWith('…')).toBe(true);
    expect(start.text[start.pad.length]).toBe('a');
    expect(start.pad).toBe('  ');
  });
});
