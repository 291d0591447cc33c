// The user documentation stays true: every error code is in the README, every label in both forms.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../src/core/catalogue.js';
import { ExitCode } from '../src/core/exitCodes.js';
import { REPO } from './helpers/planCopy.js';

const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');

describe('README', () => {
  it('lists every error code of the catalogue', () => {
    for (const code of Object.keys(catalogue)) expect(readme, code).toContain(`\`${code}\``);
  });

  it('documents every exit code', () => {
    for (const code of Object.values(ExitCode)) expect(readme).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });

  it('has exactly the two set-up commands, and CI runs the test command', () => {
    const commands = readme.match(/^bash scripts\/setup\.sh && npm .+$/gm) ?? [];
    expect(commands.map((c) => c.replace(/\s+#.*$/, ''))).toEqual(['bash scripts/setup.sh && npm run examples', 'bash scripts/setup.sh && npm test']);
    expect(fs.readFileSync(path.join(REPO, '.ci', 'run'), 'utf8')).toContain('bash scripts/setup.sh && npm test');
  });
});

describe('label files', () => {
  const load = (l: string) => parse(fs.readFileSync(path.join(REPO, 'templates', 'labels', `${l}.yaml`), 'utf8')) as Record<string, unknown>;
  const nn = load('nn');
  const nb = load('nb');

  it('have the same keys in nynorsk and bokmål', () => {
    expect(Object.keys(nn).sort()).toEqual(Object.keys(nb).sort());
  });

  it('have no empty label', () => {
    for (const [k, v] of [...Object.entries(nn), ...Object.entries(nb)]) expect(v, k).toBeTruthy();
  });

  it('differ where the language forms differ', () => {
    expect(nn.contents).toBe('Innhald');
    expect(nb.contents).toBe('Innhold');
    expect(nn.variant_hoyring).toBe('Høyringsutkast');
    expect(nb.variant_hoyring).toBe('Høringsutkast');
    expect(nn.adopted_in).toBe('Vedteken i');
    expect(nb.adopted_in).toBe('Vedtatt i');
  });

  it('cover every label key the layout code asks for', () => {
    const src = fs.readdirSync(path.join(REPO, 'src', 'layout')).map((f) => fs.readFileSync(path.join(REPO, 'src', 'layout', f), 'utf8')).join('\n')
      + ['', 'partials'].flatMap((d) => fs.readdirSync(path.join(REPO, 'templates', d)).filter((f) => f.endsWith('.hbs')).map((f) => fs.readFileSync(path.join(REPO, 'templates', d, f), 'utf8'))).join('\n');
    const keys = new Set([...src.matchAll(/label\(\w+, '([a-z_]+)'\)/g), ...src.matchAll(/\{\{q labels\.([a-z_]+)\}\}/g)].map((m) => m[1]!));
    expect(keys.size).toBeGreaterThan(30);
    // Keys the layout builds from a value: every value they can take.
    for (const v of ['utkast', 'hoyring', 'vedtak']) keys.add(`variant_${v}`);
    for (const v of ['utkast', 'hoyring']) keys.add(`mark_${v}`).add(`watermark_${v}`);
    for (const v of ['hovudmal', 'mal', 'delmal', 'tiltak']) keys.add(`malskjema_level_${v}`);
    keys.add('malskjema_column_ansvar');
    for (const v of ['temaplan', 'handlingsplan', 'strategi', 'plan']) keys.add(`plantype_${v}`);
    for (const k of keys) {
      expect(nn, k).toHaveProperty([k]);
      expect(nb, k).toHaveProperty([k]);
    }
  });
});
