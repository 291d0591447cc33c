// Which code points the document font can print, for the text rule (textCheck.ts). fontkit reads
// the font's character map; `npm run build` writes the result for the installed font
// (scripts/build-validators.mjs → dist/validate/generated/glyphs.cjs, with the font's hash), so a
// run needs neither fontkit nor the parse on its start path. A font whose hash differs is read here.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ToolAssets } from '../core/assets.js';

const require = createRequire(import.meta.url);

export interface GlyphSet {
  has(cp: number): boolean;
}

/** The code points a font has a glyph for, as sorted [first, last] ranges (fontkit). */
export function coverageRanges(fontBytes: Buffer): number[] {
  const fontkit = require('fontkit') as { create(b: Buffer): { characterSet: number[]; hasGlyphForCodePoint(cp: number): boolean } };
  const font = fontkit.create(fontBytes);
  const cps = [...new Set(font.characterSet)].filter((cp) => font.hasGlyphForCodePoint(cp)).sort((a, b) => a - b);
  const ranges: number[] = [];
  for (const cp of cps) {
    if (ranges.length > 0 && ranges[ranges.length - 1] === cp - 1) ranges[ranges.length - 1] = cp;
    else ranges.push(cp, cp);
  }
  return ranges;
}

/** Identifies the font the coverage was read from. */
export function fontHash(fontBytes: Buffer): string {
  return createHash('sha256').update(fontBytes).digest('hex');
}

/** Where the build writes the coverage of the regular face. */
export function generatedGlyphsFile(dir = fileURLToPath(new URL('.', import.meta.url))): string {
  return `${dir}/generated/glyphs.cjs`;
}

function fromRanges(ranges: readonly number[]): GlyphSet {
  return {
    has(cp) {
      // Binary search over the range starts (even indices).
      let lo = 0;
      let hi = ranges.length / 2 - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (cp < ranges[2 * mid]!) hi = mid - 1;
        else if (cp > ranges[2 * mid + 1]!) lo = mid + 1;
        else return true;
      }
      return cp === 0x0a;
    },
  };
}

const sets = new WeakMap<ToolAssets, GlyphSet>();

/** The code points the regular document face can print (bold and italic share Roboto's coverage). */
export function documentGlyphs(assets: ToolAssets): GlyphSet {
  let set = sets.get(assets);
  if (!set) {
    const bytes = assets.fontBytes('normal');
    const built = assets.loadGenerated(generatedGlyphsFile()) as { fontHash: string; ranges: number[] } | undefined;
    set = fromRanges(built?.fontHash === fontHash(bytes) ? built.ranges : coverageRanges(bytes));
    sets.set(assets, set);
  }
  return set;
}
