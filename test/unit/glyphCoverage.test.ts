// The document font's coverage the build writes ahead of time must be fontkit's own answer.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeAssets } from '../../src/core/assets.js';
import { documentGlyphs, fontHash, generatedGlyphsFile } from '../../src/validate/glyphCoverage.js';
import { REPO } from '../helpers/planCopy.js';

const require = createRequire(import.meta.url);

describe('the built glyph coverage (dist/validate/generated/glyphs.cjs)', () => {
  const built = require(generatedGlyphsFile(path.join(REPO, 'dist', 'validate'))) as { fontHash: string; ranges: number[] };
  const font = (require('fontkit') as { create(b: Buffer): { hasGlyphForCodePoint(cp: number): boolean } }).create(nodeAssets.fontBytes('normal'));

  it('is of the font installed', () => {
    expect(built.fontHash).toBe(fontHash(nodeAssets.fontBytes('normal')));
  });

  it('answers as fontkit does for every code point of the first three planes', () => {
    // The built ranges, read through the same lookup the text rule uses.
    const set = documentGlyphs({ ...nodeAssets, loadGenerated: () => built });
    const differ: number[] = [];
    for (let cp = 0; cp < 0x30000; cp++) if (set.has(cp) !== (cp === 0x0a || font.hasGlyphForCodePoint(cp))) differ.push(cp);
    expect(differ).toEqual([]);
    expect(set.has('å'.codePointAt(0)!)).toBe(true);
    expect(set.has(0x1f600)).toBe(false);
  });
});
