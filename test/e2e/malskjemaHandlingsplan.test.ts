// End to end: a bokmål handlingsplan-style målskjema (Mål | Tiltak | Ansvar | Tidsramme | Kostnad with
// yearly sums), declared by configuration, built to PDF and read back with pdftotext.
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPdf, flatText, pdfText } from '../helpers/pdf.js';
import { FIXTURES } from '../helpers/planCopy.js';

const PLAN = path.join(FIXTURES, 'handlingsplan-nb');
let utkast = '';
let vedtak = '';
/** Digits grouped by any kind of space (the house format uses a narrow no-break space). */
const amount = (s: string): string => s.replace(/ /g, '[\\s\\u00a0\\u202f]');

beforeAll(async () => {
  utkast = await builtPdf(PLAN, 'utkast');
  vedtak = await builtPdf(PLAN, 'vedtak');
}, 300_000);

describe('a handlingsplan målskjema by configuration', () => {
  it('prints the hovedmål and the declared headers in bokmål', () => {
    const text = flatText(utkast);
    expect(text).toContain('Hovedmål: Innbyggerne har god helse og livskvalitet gjennom hele livet');
    for (const h of ['Mål', 'Status', 'Tiltak', 'Ansvar', 'Tidsramme', 'Kostnad']) expect(text, h).toContain(h);
    expect(pdfText(utkast, { layout: true })).toMatch(/Mål\s+Status\s+Tiltak\s+Ansvar\s+Tidsramme\s+Kostnad\s+Kostnad\s+Kostnad/);
  });

  it('prints each mål\'s number before its text in its cell, and no number where a tiltak has none', () => {
    const text = flatText(utkast);
    expect(text).toContain('1 Flere barn og unge er fysisk aktive');
    expect(text).toContain('2 Færre eldre er ensomme');
    expect(pdfText(utkast, { layout: true })).toMatch(/Pågår\s+Aktivitetsdag i alle barneskoler/);
  });

  it('prints the amounts, the yearly sums and the total', () => {
    const layout = pdfText(utkast, { layout: true });
    expect(layout).toMatch(new RegExp(`Aktivitetsdag i alle barneskoler\\s+Oppvekst\\s+2025–2026\\s+${amount('200 000')}\\s+${amount('150 000')}`));
    expect(layout).toMatch(new RegExp(`Sum\\s+${amount('280 000')}\\s+${amount('500 000')}\\s+${amount('350 000')}`));
    expect(layout).toMatch(new RegExp(`Totalt\\s+${amount('1 130 000')}`));
  });

  it('leaves the «Utgår» row out of vedtak, with the sums of what is shown', () => {
    const text = flatText(vedtak);
    expect(flatText(utkast)).toContain('Besøksvenn-ordning');
    expect(text).not.toContain('Besøksvenn-ordning');
    expect(text).not.toContain('Utgår');
    expect(pdfText(vedtak, { layout: true })).toMatch(new RegExp(`Sum\\s+${amount('200 000')}\\s+${amount('500 000')}\\s+${amount('350 000')}`));
  });

  it('names no other kommune\'s terms', () => {
    for (const f of [utkast, vedtak]) {
      const text = flatText(f);
      expect(text).not.toMatch(/KDP|Omtal|Samarbeid – må|Dette vil vi oppnå/);
    }
  });
});
