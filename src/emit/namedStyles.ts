// pdfmake's reading of a named style (StyleContextStack's getStylePropertyFromStyle), for the
// speed-ups that resolve styles themselves (pdfmakeSpeedups.ts measure, measuredText.ts).

/** A named style of a document's style dictionary. */
export type Style = Record<string, unknown> & { extends?: string | string[] };

/** pdfmake's test for a set value: neither undefined nor null. */
export const isValue = (v: unknown): boolean => v !== undefined && v !== null;

/** A named style's value for `property`, following `extends` as pdfmake does (each style visited once). */
export function fromNamedStyle(dictionary: Record<string, Style | undefined>, name: string, property: string, visited: Set<string> = new Set()): unknown {
  if (visited.has(name)) return undefined;
  visited.add(name);
  const style = dictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (style.extends) {
    const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
    for (let i = parents.length - 1; i >= 0; i--) {
      const v = fromNamedStyle(dictionary, parents[i]!, property, visited);
      if (isValue(v)) return v;
    }
  }
  return undefined;
}
