// Fact references: the syntax (model/factSyntax.ts, read inside the Markdown subset), the facts and
// the variants that have them (model/facts.ts), and how layout prints them (layout/facts.ts).
import { describe, expect, it } from 'vitest';
import { FootnoteCounter, parseInline } from '../../src/model/inline.js';
import { readFactAt, splitFacts } from '../../src/model/factSyntax.js';
import { FACTS, factExistsIn, factNamed, printsMarked } from '../../src/model/facts.js';
import { formatFact, formatNumbers } from '../../src/layout/facts.js';
import { labelsFor } from '../../src/layout/labels.js';
import type { Inline } from '../../src/model/types.js';

const parse = (s: string, notes = new FootnoteCounter()): Inline[] =>
  parseInline(s, notes, (i) => ({ file: 'k.yaml', line: 1, col: 100 + i }));

describe('fact reference syntax', () => {
  it('reads [fakta: name] as a reference, with or without the space, in bold and in a footnote', () => {
    const notes = new FootnoteCounter();
    const runs = parse('Frist **[fakta: hoyring.frist]**, sak [fakta:hoyring.sak.nummer].^[Sendt [fakta: hoyring.date].]', notes);
    expect(runs.filter((r) => r.kind === 'fact')).toEqual([
      { kind: 'fact', name: 'hoyring.frist', span: { file: 'k.yaml', line: 1, col: 100 }, bold: true, italics: false },
      { kind: 'fact', name: 'hoyring.sak.nummer', span: { file: 'k.yaml', line: 1, col: 101 }, bold: false, italics: false },
    ]);
    // The footnote's reference is the third in the string: its place is the third one's.
    expect(notes.notes[0]!.content.find((r) => r.kind === 'fact')).toMatchObject({ name: 'hoyring.date', span: { col: 102 } });
  });

  it('leaves escaped, unclosed, multi-line and handlebars-like text as written', () => {
    const text = (s: string): string => parse(s).map((r) => (r.kind === 'text' ? r.text : `<${r.kind}>`)).join('');
    expect(text('\\[fakta: title] er døme')).toBe('[fakta: title] er døme');
    expect(text('[fakta: title')).toBe('[fakta: title');
    expect(text('{{fakta:title}} og [fakta]')).toBe('{{fakta:title}} og [fakta]');
    expect(text('[faktaboks: title]')).toBe('[faktaboks: title]');
    expect(readFactAt('[fakta: a\nb]', 0)).toBeUndefined();
  });

  it('is a reference, not a link label, before a link target', () => {
    const runs = parse('[fakta: title](https://example.no)');
    expect(runs[0]).toMatchObject({ kind: 'fact', name: 'title' });
    expect(runs.some((r) => r.kind === 'text' && r.link !== undefined)).toBe(false);
  });

  it('splits a caption into text and references; a backslash keeps the brackets', () => {
    expect(splitFacts('Framdrift [fakta: period] \\[fakta: x]')).toEqual(['Framdrift ', { name: 'period' }, ' ', '[fakta: x]']);
    expect(splitFacts('Ingen fakta')).toEqual(['Ingen fakta']);
  });
});

describe('the facts', () => {
  it('has one definition per name, and vedtak facts only outside the høyring', () => {
    expect(new Set(FACTS.map((f) => f.name)).size).toBe(FACTS.length);
    expect(factExistsIn(factNamed('vedtak.date')!.stage, 'hoyring')).toBe(false);
    expect(factExistsIn(factNamed('vedtak.date')!.stage, 'vedtak')).toBe(true);
    expect(factExistsIn(factNamed('vedtak.date')!.stage, 'utkast')).toBe(true);
    expect(factExistsIn(factNamed('hoyring.frist')!.stage, 'vedtak')).toBe(true);
    expect(factNamed('nonsense')).toBeUndefined();
  });

  it('knows which eksempel marks a fact prints', () => {
    const sak = factNamed('hoyring.sak')!.paths;
    expect(printsMarked(sak, 'variants.hoyring')).toBe(true);
    expect(printsMarked(sak, 'variants.hoyring.sak.organ')).toBe(true);
    expect(printsMarked(factNamed('hoyring.sak.nummer')!.paths, 'variants.hoyring.sak.organ')).toBe(false);
    expect(printsMarked(factNamed('hoyring.period')!.paths, 'variants.hoyring.frist')).toBe(true);
  });
});

describe('printing a fact', () => {
  const nn = labelsFor('nn');
  const nb = labelsFor('nb');

  it('writes dates, periods and a sak as the house does, in both language forms', () => {
    expect(formatFact({ kind: 'date', iso: '2022-12-01' }, nn)).toBe('1.\u00a0desember 2022');
    expect(formatFact({ kind: 'date', iso: '2024-05-03' }, nb)).toBe('3.\u00a0mai 2024');
    expect(formatFact({ kind: 'dates', from: '2024-03-22', to: '2024-05-03' }, nb)).toBe('22.\u00a0mars – 3.\u00a0mai 2024');
    expect(formatFact({ kind: 'dates', from: '2023-12-01', to: '2024-01-15' }, nn)).toBe('1.\u00a0desember 2023 – 15.\u00a0januar 2024');
    expect(formatFact({ kind: 'years', from: 2023, to: 2026 }, nn)).toBe('2023–2026');
    expect(formatFact({ kind: 'sak', sak: { organ: 'Utval for helse og omsorg', nummer: '038/22', date: '2022-10-04' } }, nn))
      .toBe('Utval for helse og omsorg, sak 038/22, 4.\u00a0oktober 2022');
    // A saksnummer prints exactly as written.
    expect(formatFact({ kind: 'text', text: 'K-009/24' }, nb)).toBe('K-009/24');
  });

  it('writes goal numbers as ranges and lists', () => {
    expect(formatNumbers(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7'], nn)).toBe('1.1–1.7');
    expect(formatNumbers(['1.1', '1.2', '1.7'], nn)).toBe('1.1, 1.2 og 1.7');
    expect(formatNumbers(['2.1', '2.5'], nb)).toBe('2.1 og 2.5');
    expect(formatNumbers(['3.1', '3.2', '3.3', '3.5', '4.1'], nn)).toBe('3.1–3.3, 3.5 og 4.1');
    expect(formatNumbers(['5.1'], nn)).toBe('5.1');
    expect(formatNumbers(['1.9', '1.10', '1.11'], nn)).toBe('1.9–1.11');
    expect(formatNumbers([], nn)).toBe('');
  });
});
