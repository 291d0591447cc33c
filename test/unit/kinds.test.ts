// The plan kinds are data: every built-in kind file passes the kind schema and names only front pages
// that exist; the variant table and a kind's own front pages combine as declared; `new` names profiles.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validatorFor } from '../../src/validate/schemaSet.js';
import { builtinKinds, kindDefinition } from '../../src/model/kinds.js';
import { VARIANT_RULES, frontPagesOf, kindAllows } from '../../src/model/variants.js';
import { VARIANTS } from '../../src/model/types.js';
import { kommuneId } from '../../src/scaffold/newPlan.js';
import { REPO } from '../helpers/planCopy.js';

const KIND_DIR = path.join(REPO, 'templates', 'kinds');

describe('built-in kinds (templates/kinds/)', () => {
  const files = fs.readdirSync(KIND_DIR).filter((f) => f.endsWith('.yaml'));

  it('are at least the seven kinds of the issue', () => {
    expect([...builtinKinds().keys()].sort()).toEqual(expect.arrayContaining(['handlingsplan', 'kommunedelplan', 'kommuneplan-samfunnsdel', 'planprogram', 'statusrapport', 'strategisk-plan', 'temaplan']));
    expect(builtinKinds().size).toBe(files.length);
  });

  for (const f of files) {
    it(`${f} passes kind.schema.json, its id is its name, and its front pages exist`, () => {
      const value = parse(fs.readFileSync(path.join(KIND_DIR, f), 'utf8')) as unknown;
      const validate = validatorFor('kind');
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
      const def = kindDefinition(value);
      expect(def.id).toBe(path.basename(f, '.yaml'));
      for (const v of def.variants) {
        for (const page of frontPagesOf(def, v)) expect(fs.existsSync(path.join(REPO, 'templates', `${page}.hbs`)), page).toBe(true);
      }
    });
  }

  it('the kind schema refuses a front page that has no template', () => {
    const validate = validatorFor('kind');
    expect(validate({ id: 'x', name: { nn: 'X', nb: 'X' }, variants: ['utkast'], front: { utkast: ['omslag'] } })).toBe(false);
    expect(validate({ id: 'x', name: { nn: 'X', nb: 'X' }, variants: [] })).toBe(false);
  });
});

describe('the variant table and a kind', () => {
  const kinds = builtinKinds();

  it('a kind narrows the variants: a statusrapport has no høyring', () => {
    expect(kindAllows(kinds.get('statusrapport')!, 'hoyring')).toBe(false);
    expect(kindAllows(kinds.get('statusrapport')!, 'vedtak')).toBe(true);
    for (const v of VARIANTS) expect(kindAllows(kinds.get('kommunedelplan')!, v)).toBe(true);
  });

  it("a kind's own front pages replace the variant's: the planprogram's oppstart notice", () => {
    expect(frontPagesOf(kinds.get('planprogram')!, 'hoyring')).toEqual(['oppstart-notice']);
    expect(frontPagesOf(kinds.get('handlingsplan')!, 'hoyring')).toEqual(VARIANT_RULES.hoyring.frontPages);
    expect(frontPagesOf(kinds.get('planprogram')!, 'vedtak')).toEqual(['vedtak-page']);
  });

  it('declares per variant what it needs and whether it may be replaced', () => {
    expect(VARIANT_RULES.hoyring.required).toEqual(['date', 'frist', 'sak', 'innspel']);
    expect(VARIANT_RULES.vedtak.required).toEqual(['date', 'sak']);
    expect(VARIANTS.filter((v) => !VARIANT_RULES[v].replaceable)).toEqual(['vedtak']);
    expect(VARIANTS.filter((v) => VARIANT_RULES[v].hasSak)).toEqual(['hoyring', 'vedtak']);
  });

  it('kinds are shown by their names in each language form', () => {
    expect(kinds.get('kommuneplan-samfunnsdel')!.name).toEqual({ nn: 'Kommuneplanen sin samfunnsdel', nb: 'Kommuneplanens samfunnsdel' });
    expect(kinds.get('handlingsplan')!.dokumenttype).toBe('handlingsplan');
  });
});

describe('plantrykk new: the kommune profile id from its name', () => {
  it.each([
    ['Ås kommune', 'as'],
    ['Nordre Follo kommune', 'nordre-follo'],
    ['Bø', 'bo'],
    ['Færder', 'faerder'],
    ['Guovdageaidnu suohkan', 'guovdageaidnu'],
    ['!!!', 'kommune'],
  ])('%s → %s', (name, id) => expect(kommuneId(name)).toBe(id));
});
