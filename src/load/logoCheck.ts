// The shape of a kommune logo SVG, checked before any renderer sees it: well-formed XML with <svg>
// at its root, only shapes, groups, gradients and clip paths (no <use>, pattern or marker, which
// multiply drawings and scales), not nested deeper than the renderer's recursion can take, and no
// number so large or so small that the PDF writer cannot write it (pdfkit refuses numbers from 1e21
// on: a viewBox of 1e-30 scales a drawing by 1e31). Read with sax, which keeps no tree and never recurses.
//
// The budget: a PDF matrix is at most the drawn width (under 1000 pt) × the enlargement of every
// transform and viewBox on the way × the largest gradient transform × a bounding box or offset
// (≤ 2 × MAX_LOGO_NUMBER), summed over at most MAX_LOGO_DEPTH offsets: 1e3 · 1e9 · 2e6 · 64 ≈ 1.3e20 < 1e21.
import sax from 'sax';

/** Deepest nesting of elements a logo may have (svg-to-pdfkit and xmldoc recurse per level). */
export const MAX_LOGO_DEPTH = 64;
/** Largest magnitude of any number in a logo. */
export const MAX_LOGO_NUMBER = 1e6;
/** Smallest width or height of a viewBox or of the drawing: nothing is blown up from a speck. */
export const MIN_LOGO_SIZE = 1e-3;
/** Largest enlargement by all transforms and viewBoxes on the way to one element, times the largest gradient transform. */
export const MAX_LOGO_SCALE = 1e9;

/** The elements a logo may hold: shapes, groups, gradients, clip paths and descriptions. */
const DRAWN = new Set(['svg', 'g', 'defs', 'style', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask']);
/** Elements whose content is never drawn (descriptions, editor data): only their depth counts. */
const UNDRAWN = new Set(['title', 'desc', 'metadata']);

/** What is wrong with a logo, and where in the SVG (1-based). */
export interface LogoProblem {
  readonly reason: string;
  readonly line: number;
  readonly col: number;
}

const NUMBER = /[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/g;
/** Attributes that hold names, not numbers (ids, classes, namespaces, links, fonts). */
const NAME_ATTRIBUTES = new Set(['id', 'class', 'version', 'baseProfile', 'href', 'xlink:href', 'font-family', 'lang', 'xml:lang', 'xml:space']);

/** Colours (#1e9 is a colour, not 1e9) and references, which hold no numbers. */
const withoutNames = (v: string): string => v.replace(/#[0-9a-fA-F]{3,8}\b/g, ' ').replace(/url\([^)]*\)/g, ' ');

/** CSS declarations without font-family, which holds names. */
const withoutFonts = (css: string): string => css.split(';').filter((d) => !/^\s*font-family\s*:/i.test(d)).join(';');

/** The first number in `text` the PDF writer cannot take, if any. */
function badNumber(text: string): string | undefined {
  if (/\b(?:Infinity|NaN)\b/.test(text)) return /\bInfinity\b/.test(text) ? 'Infinity' : 'NaN';
  for (const m of withoutNames(text).matchAll(NUMBER)) {
    const n = Number(m[0]);
    if (!Number.isFinite(n) || Math.abs(n) > MAX_LOGO_NUMBER) return m[0];
  }
  return undefined;
}

/** The numbers of a transform list multiplied out, as the linear part of one matrix [a b c d]. */
function transformScale(list: string): number {
  let m: [number, number, number, number] = [1, 0, 0, 1];
  for (const f of list.matchAll(/([A-Za-z]+)\s*\(([^)]*)\)/g)) {
    const n = [...f[2]!.matchAll(NUMBER)].map((x) => Number(x[0]));
    const rad = ((n[0] ?? 0) * Math.PI) / 180;
    const t: [number, number, number, number] | undefined =
      f[1] === 'matrix' ? [n[0] ?? 1, n[1] ?? 0, n[2] ?? 0, n[3] ?? 1]
        : f[1] === 'scale' ? [n[0] ?? 1, 0, 0, n[1] ?? n[0] ?? 1]
          : f[1] === 'rotate' ? [Math.cos(rad), Math.sin(rad), -Math.sin(rad), Math.cos(rad)]
            : f[1] === 'skewX' ? [1, 0, Math.tan(rad), 1]
              : f[1] === 'skewY' ? [1, Math.tan(rad), 0, 1]
                : undefined;
    if (t) m = [m[0] * t[0] + m[2] * t[1], m[1] * t[0] + m[3] * t[1], m[0] * t[2] + m[2] * t[3], m[1] * t[2] + m[3] * t[3]];
  }
  // How much the matrix can stretch a vector at most (its row-sum norm).
  return Math.max(Math.abs(m[0]) + Math.abs(m[2]), Math.abs(m[1]) + Math.abs(m[3]));
}

/** A viewBox's width and height, when it has four numbers. */
function viewBoxSize(v: string): [number, number] | undefined {
  const n = [...v.matchAll(NUMBER)].map((x) => Number(x[0]));
  return n.length === 4 ? [n[2]!, n[3]!] : undefined;
}

/** Check the SVG text of a logo; the first problem found, or undefined when it can be drawn. */
export function checkLogoShape(svg: string): LogoProblem | undefined {
  const lineStarts = [0];
  for (let i = svg.indexOf('\n'); i >= 0; i = svg.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const at = (offset: number): { line: number; col: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - lineStarts[lo]! + 1 };
  };

  const parser = sax.parser(true, { position: true });
  let problem: LogoProblem | undefined;
  const fail = (reason: string, place: { line: number; col: number }): void => {
    problem ??= { reason, ...place };
  };
  // Enlargement so far, per open element; the root starts at 1.
  const scales: number[] = [];
  const names: string[] = [];
  // Open elements that are not drawn (descriptions, other namespaces), counted from the outermost.
  let undrawn = 0;
  let largestPath = { scale: 1, place: { line: 1, col: 1 } };
  let largestPaint = { scale: 1, place: { line: 1, col: 1 } };
  parser.onerror = (e) => {
    fail(`it is not well-formed XML (${e.message.split('\n')[0]})`, { line: parser.line + 1, col: parser.column + 1 });
  };
  parser.ondoctype = () => fail('it contains a DOCTYPE declaration', { line: parser.line + 1, col: parser.column + 1 });
  parser.onopentag = (tag) => {
    if (problem) return;
    const place = at(Math.max(0, parser.startTagPosition - 1));
    if (names.length === 0 && tag.name !== 'svg') return fail(`its root element is <${tag.name}>, not <svg>`, place);
    if (names.length >= MAX_LOGO_DEPTH) return fail(`its elements are nested more than ${MAX_LOGO_DEPTH} levels deep`, place);
    let scale = scales[scales.length - 1] ?? 1;
    if (undrawn > 0 || UNDRAWN.has(tag.name) || tag.name.includes(':')) {
      undrawn++;
      names.push(tag.name);
      scales.push(scale);
      return;
    }
    if (!DRAWN.has(tag.name)) return fail(`it contains <${tag.name}>; a logo may hold only shapes, groups, gradients and clip paths — convert the rest to plain paths`, place);
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (NAME_ATTRIBUTES.has(name) || name.startsWith('xmlns') || (name.includes(':') && !name.startsWith('xlink:'))) continue;
      const bad = badNumber(name === 'style' ? withoutFonts(value) : value);
      if (bad !== undefined) return fail(`the number ${bad} in ${name}="…" of <${tag.name}> is too large or not a number (the limit is ${MAX_LOGO_NUMBER})`, place);
      if (name === 'transform') scale *= Math.max(1, transformScale(value));
      if (name === 'gradientTransform') {
        const paint = Math.max(1, transformScale(value));
        if (paint > largestPaint.scale) largestPaint = { scale: paint, place };
      }
    }
    const vb = tag.attributes.viewBox === undefined ? undefined : viewBoxSize(tag.attributes.viewBox);
    if (vb) {
      if (Math.min(vb[0], vb[1]) < MIN_LOGO_SIZE) return fail(`the viewBox of <${tag.name}> is ${vb[0]} × ${vb[1]}; each side must be at least ${MIN_LOGO_SIZE}`, place);
      scale *= Math.max(1, 1 / Math.min(vb[0], vb[1]));
      // A nested <svg> maps its viewBox onto its own width and height (the root's size is the layout's).
      if (names.length > 0) for (const side of [tag.attributes.width, tag.attributes.height]) scale *= Math.max(1, Number.parseFloat(side ?? '') || 1);
    }
    if (names.length === 0) {
      for (const side of ['width', 'height'] as const) {
        const v = tag.attributes[side];
        const n = v === undefined ? undefined : Number.parseFloat(v);
        if (n !== undefined && !(n >= MIN_LOGO_SIZE)) return fail(`the drawing's ${side} is ${v}; it must be at least ${MIN_LOGO_SIZE}`, place);
      }
    }
    if (scale > largestPath.scale) largestPath = { scale, place };
    if (scale * largestPaint.scale > MAX_LOGO_SCALE) return fail(`the transforms and viewBoxes around <${tag.name}> enlarge it more than ${MAX_LOGO_SCALE} times`, place);
    if (largestPath.scale * largestPaint.scale > MAX_LOGO_SCALE) return fail(`this gradient's transform, with the transforms elsewhere in the logo, enlarges a drawing more than ${MAX_LOGO_SCALE} times`, largestPaint.place);
    names.push(tag.name);
    scales.push(scale);
  };
  parser.onclosetag = () => {
    names.pop();
    scales.pop();
    if (undrawn > 0) undrawn--;
  };
  parser.ontext = (text) => {
    // Style sheets hold numbers inside their { } blocks; selectors are names.
    if (problem || undrawn > 0 || names[names.length - 1] !== 'style') return;
    for (const block of text.matchAll(/\{([^}]*)\}/g)) {
      const bad = badNumber(withoutFonts(block[1]!));
      if (bad !== undefined) fail(`the number ${bad} in the style sheet is too large or not a number (the limit is ${MAX_LOGO_NUMBER})`, { line: parser.line + 1, col: parser.column + 1 });
    }
  };
  try {
    parser.write(svg).close();
  } catch {
    // sax throws after onerror when it cannot go on; the problem is recorded.
  }
  if (!problem && names.length > 0) fail('it ends before all its elements are closed', at(svg.length));
  return problem;
}
