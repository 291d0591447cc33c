// PDF/A-2a §6.8.2.2 (ISO 32000-1 §14.8.2.2): everything a page draws — text, images (XObject and
// inline), paths that are stroked or filled, shadings — sits in marked content of a structure element
// (an MCID a structure element refers to) or in an artifact. Input: pdfjs's operator list of a page,
// in which the content of every Form XObject the page invokes is inlined between
// paintFormXObjectBegin/End, so the marked-content nesting runs on through forms. Annotation
// appearances are left out: an annotation is tagged as a whole.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { AddFinding } from './objectRules.js';

/** The kinds of drawing, as counted in findings. */
type Drawing = 'text' | 'image' | 'path' | 'shading';

const { OPS } = pdfjs;
const TEXT = new Set([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
const IMAGES = new Set([
  OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObject,
  OPS.paintImageMaskXObjectGroup, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectRepeat, OPS.paintSolidColorImageMask,
]);
/** Path-painting operators (S s f F f* B B* b b*); pdfjs folds them into constructPath as its first argument. */
const PAINTS = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke, OPS.rawFillPath]);

function drawing(fn: number, args: readonly unknown[]): Drawing | undefined {
  if (TEXT.has(fn)) return 'text';
  if (IMAGES.has(fn)) return 'image';
  if (fn === OPS.shadingFill) return 'shading';
  if (PAINTS.has(fn)) return 'path';
  if (fn === OPS.constructPath && typeof args[0] === 'number' && PAINTS.has(args[0])) return 'path';
  return undefined;
}

/** pdfjs gives a BDC tag as a string, a BMC tag as a Name object. */
function tagName(arg: unknown): string {
  return arg && typeof arg === 'object' && 'name' in arg ? String((arg as { name: unknown }).name) : String(arg);
}

const NOUNS: Record<Drawing, [string, string]> = {
  text: ['text operator', 'text operators'],
  image: ['image', 'images'],
  path: ['painted path', 'painted paths'],
  shading: ['shading', 'shadings'],
};

/** Check one page's operator list; `mcids` are the MCIDs the page's structure elements refer to. */
export function checkMarkedContent(
  ops: { readonly fnArray: readonly number[]; readonly argsArray: readonly (readonly unknown[] | null)[] },
  page: number,
  mcids: ReadonlySet<number>,
  hasTree: boolean,
  add: AddFinding,
): void {
  const stack: { tag: string; mcid?: number }[] = [];
  const untagged = new Map<Drawing, number>();
  const unreferenced = new Map<Drawing, number>();
  const count = (m: Map<Drawing, number>, d: Drawing): void => {
    m.set(d, (m.get(d) ?? 0) + 1);
  };
  // An annotation's appearance is tagged through the annotation (OBJR), not as marked content.
  let inAnnotation = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] ?? [];
    if (fn === OPS.beginAnnotation) inAnnotation++;
    else if (fn === OPS.endAnnotation) inAnnotation--;
    else if (inAnnotation > 0) continue;
    else if (fn === OPS.beginMarkedContent) stack.push({ tag: tagName(args[0]) });
    else if (fn === OPS.beginMarkedContentProps) {
      const props = args[1] as { mcid?: number } | number | null;
      const mcid = typeof props === 'number' ? props : props?.mcid;
      stack.push({ tag: tagName(args[0]), ...(mcid !== undefined ? { mcid } : {}) });
    } else if (fn === OPS.endMarkedContent) stack.pop();
    else {
      const d = drawing(fn, args);
      if (!d) continue;
      const artifact = stack.some((m) => m.tag === 'Artifact');
      const tagged = [...stack].reverse().find((m) => m.mcid !== undefined);
      if (!artifact && !tagged) count(untagged, d);
      else if (!artifact && tagged && hasTree && !mcids.has(tagged.mcid!)) count(unreferenced, d);
    }
  }
  const phrase = (d: Drawing, n: number, tail: string): string => `${n} ${NOUNS[d][n === 1 ? 0 : 1]} ${n === 1 ? 'is' : 'are'} ${tail}`;
  for (const [d, n] of untagged) add('marked-content', phrase(d, n, 'neither tagged content nor an artifact'), page);
  for (const [d, n] of unreferenced) add('marked-content', phrase(d, n, 'marked with an MCID no structure element refers to'), page);
}

/**
 * PDF/A-2 §6.2.9: an inline image may not ask for interpolation (`/I true`). Image XObjects are checked
 * in their dictionaries; an inline image's dictionary lives in the content stream, and pdfjs carries it
 * through as the image's `interpolate`.
 */
export function checkInlineImages(ops: { readonly fnArray: readonly number[]; readonly argsArray: readonly (readonly unknown[] | null)[] }, page: number, add: AddFinding): void {
  let n = 0;
  ops.fnArray.forEach((fn, i) => {
    if (fn !== OPS.paintInlineImageXObject && fn !== OPS.paintInlineImageXObjectGroup) return;
    const img = ops.argsArray[i]?.[0] as { interpolate?: unknown } | undefined;
    if (img?.interpolate === true) n++;
  });
  if (n > 0) add('interpolate', `${n} inline image${n === 1 ? ' asks' : 's ask'} for interpolation (/I true)`, page);
}
