// The PDF/A-2a rules that the object graph alone decides (ISO 19005-2 §6.1–6.8): catalog entries,
// output intent, fonts, actions and JavaScript, embedded files, transparency, image and stream
// properties. Input: qpdf's objects. Output: findings; nothing here reads content streams.
import type { PdfObjects, PdfValue } from './qpdfObjects.js';

type Dict = Record<string, PdfValue>;
/** Record a finding: rule id, message, page when known. */
export type AddFinding = (rule: string, message: string, page?: number) => void;

export const asDict = (v: PdfValue | undefined): Dict | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : undefined);
const text = (v: PdfValue | undefined): string | undefined => (typeof v === 'string' ? v.replace(/^u:/, '') : undefined);
const names = (v: PdfValue | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

/** PDF/A-2 §6.6.1: the action types a conforming file may hold; Named only with these four names. */
const ALLOWED_ACTIONS = new Set(['/GoTo', '/GoToR', '/GoToE', '/Thread', '/URI', '/Named', '/SubmitForm']);
const ALLOWED_NAMED = new Set(['/NextPage', '/PrevPage', '/FirstPage', '/LastPage']);

/** Every dictionary of the file (also those written inline in another), with the object it sits in. */
function everyDict(objects: PdfObjects): { ref: string; dict: Dict }[] {
  const out: { ref: string; dict: Dict }[] = [];
  const walk = (ref: string, v: PdfValue, depth: number): void => {
    if (depth > 64 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(ref, x, depth + 1);
      return;
    }
    out.push({ ref, dict: v });
    for (const x of Object.values(v)) walk(ref, x, depth + 1);
  };
  for (const [ref, v] of objects.all) if (ref !== 'trailer') walk(ref, v, 0);
  return out;
}

/** What a dictionary that carries actions is, for messages. */
function ownerKind(d: Dict, isRoot: boolean): string {
  if (isRoot) return 'the document catalog';
  if (d['/Type'] === '/Page') return 'a page';
  if (d['/Subtype'] === '/Widget' || d['/FT'] !== undefined) return 'a form field';
  if (typeof d['/Subtype'] === 'string' && (d['/Type'] === '/Annot' || d['/Rect'] !== undefined)) return `a ${d['/Subtype'].slice(1)} annotation`;
  if (d['/Title'] !== undefined && d['/Parent'] !== undefined) return 'a bookmark';
  return 'an object';
}

/** Catalog: structure tree, MarkInfo, language, output intent. Returns whether a usable output intent exists. */
export function checkCatalog(root: Dict, objects: PdfObjects, add: AddFinding): boolean {
  if (!root['/StructTreeRoot']) add('structure-tree', 'there is no structure tree (StructTreeRoot)');
  const markInfo = asDict(objects.get(root['/MarkInfo']));
  if (markInfo?.['/Marked'] !== true) add('structure-tree', 'MarkInfo /Marked is not true');
  if (!text(root['/Lang'])) add('language', 'the document has no /Lang');
  const intents = objects.get(root['/OutputIntents']);
  if (!Array.isArray(intents) || intents.length === 0) {
    add('output-intent', 'there is no output intent');
    return false;
  }
  if (!intents.some((i) => asDict(objects.get(i))?.['/DestOutputProfile'])) {
    add('output-intent', 'the output intent has no ICC profile');
    return false;
  }
  return true;
}

/** PDF/A-2 §6.2.11: every font embedded, with a Unicode map (Type 3 fonts are their own glyphs). */
export function checkFonts(objects: PdfObjects, add: AddFinding): void {
  for (const [ref, v] of objects.all) {
    const d = asDict(v);
    if (d?.['/Type'] !== '/Font' || d['/Subtype'] === '/Type3') continue;
    const name = String(d['/BaseFont'] ?? ref);
    const descendant = Array.isArray(d['/DescendantFonts']) ? asDict(objects.get(d['/DescendantFonts'][0])) : undefined;
    if (d['/Subtype'] === '/CIDFontType2' || d['/Subtype'] === '/CIDFontType0') continue; // checked through their Type0 parent
    const descriptor = asDict(objects.get((descendant ?? d)['/FontDescriptor']));
    if (!descriptor || !(descriptor['/FontFile'] || descriptor['/FontFile2'] || descriptor['/FontFile3'])) add('fonts', `font ${name} is not embedded`);
    if (!d['/ToUnicode']) add('fonts', `font ${name} has no ToUnicode map`);
  }
}

/**
 * PDF/A-2 §6.6: no JavaScript (actions or the /JavaScript name tree), only the permitted action types,
 * and no additional-actions (/AA) on the catalog, pages, annotations or form fields.
 */
export function checkActions(root: Dict, rootRef: string, objects: PdfObjects, add: AddFinding): void {
  const seen = new Set<object>();
  const action = (v: PdfValue | undefined, where: string): void => {
    const resolved = objects.get(v);
    if (Array.isArray(resolved)) {
      // /Next may hold an array of actions; an /OpenAction array is a destination.
      if (where.startsWith('next:')) for (const x of resolved) action(x, where);
      return;
    }
    const a = asDict(resolved);
    if (!a || seen.has(a) || typeof a['/S'] !== 'string') return;
    seen.add(a);
    const type = a['/S'];
    const on = where.replace(/^next:/, '');
    if (type === '/JavaScript' || a['/JS'] !== undefined) add('javascript', `a JavaScript action on ${on}`);
    else if (!ALLOWED_ACTIONS.has(type)) add('actions', `a ${type.slice(1)} action on ${on} (PDF/A-2 allows only GoTo, GoToR, GoToE, Thread, URI, SubmitForm and four Named actions)`);
    else if (type === '/Named' && !ALLOWED_NAMED.has(String(a['/N']))) add('actions', `the Named action ${String(a['/N'] ?? '(none)').replace(/^\//, '')} on ${on} (only NextPage, PrevPage, FirstPage and LastPage are allowed)`);
    if (a['/Next'] !== undefined) action(a['/Next'], `next:${on}`);
  };
  const names = asDict(objects.get(root['/Names']));
  if (names?.['/JavaScript'] !== undefined) add('javascript', 'the document has a JavaScript name tree (/Names /JavaScript)');
  action(root['/OpenAction'], 'opening the document (OpenAction)');
  for (const { ref, dict } of everyDict(objects)) {
    // A structure element's /A holds attributes, not an action.
    if (dict['/Type'] === '/StructElem' || dict['/K'] !== undefined) continue;
    const kind = ownerKind(dict, ref === rootRef && dict === root);
    if (dict['/AA'] !== undefined) {
      add('additional-actions', `${kind} (object ${ref}) has additional actions (/AA), which PDF/A-2 forbids`);
      const aa = asDict(objects.get(dict['/AA']));
      for (const [trigger, a] of Object.entries(aa ?? {})) action(a, `${kind} (object ${ref}, trigger ${trigger.slice(1)})`);
    }
    if (dict['/A'] !== undefined) action(dict['/A'], `${kind} (object ${ref})`);
  }
  for (const [ref, v] of objects.all) {
    const d = asDict(v);
    if (d?.['/Type'] === '/Action') action(d, `object ${ref}`);
  }
}

/** PDF/A-2 §6.8: embedded files only when they are PDF/A themselves — which this audit cannot tell, so none. */
export function checkEmbeddedFiles(root: Dict, objects: PdfObjects, add: AddFinding): void {
  const names = asDict(objects.get(root['/Names']));
  if (names?.['/EmbeddedFiles'] !== undefined) add('embedded-files', 'the document has embedded files (/Names /EmbeddedFiles)');
  if (names?.['/EmbeddedFiles'] !== undefined) return;
  // Without the name tree: one finding per file specification or attachment, else per embedded stream.
  const specs = new Set<string>();
  const streams = new Set<string>();
  for (const { ref, dict } of everyDict(objects)) {
    if (dict['/EF'] !== undefined || dict['/Subtype'] === '/FileAttachment') specs.add(ref);
    else if (dict['/Type'] === '/EmbeddedFile') streams.add(ref);
  }
  for (const ref of specs.size > 0 ? specs : streams) add('embedded-files', `object ${ref} embeds a file (${specs.size > 0 ? 'a file specification with /EF, or a FileAttachment annotation' : 'an EmbeddedFile stream'})`);
}

/**
 * PDF/A-2 §6.2.10/§6.4: transparency — transparency groups, soft masks, constant alpha below 1, blend
 * modes other than Normal — only with a destination output intent.
 */
export function checkTransparency(objects: PdfObjects, hasOutputIntent: boolean, add: AddFinding): void {
  if (hasOutputIntent) return;
  const found = new Map<string, string>();
  const note = (ref: string, what: string): void => {
    if (!found.has(ref)) found.set(ref, what);
  };
  for (const { ref, dict } of everyDict(objects)) {
    const group = asDict(objects.get(dict['/Group']));
    if (group?.['/S'] === '/Transparency') note(ref, `${dict['/Type'] === '/Page' ? 'a page' : 'a form XObject'} has a transparency group`);
    if (dict['/Subtype'] === '/Image' && (dict['/SMask'] !== undefined || (typeof dict['/SMaskInData'] === 'number' && dict['/SMaskInData'] > 0))) note(ref, 'an image has a soft mask');
    const gsMap = asDict(objects.get(dict['/ExtGState']));
    for (const gsValue of Object.values(gsMap ?? {})) {
      const gs = asDict(objects.get(gsValue));
      const gsRef = typeof gsValue === 'string' && / R$/.test(gsValue) ? gsValue : ref;
      if (!gs) continue;
      if (gs['/SMask'] !== undefined && gs['/SMask'] !== '/None') note(gsRef, 'a graphics state sets a soft mask');
      for (const key of ['/CA', '/ca']) {
        const alpha = gs[key];
        if (typeof alpha === 'number' && alpha < 1) note(gsRef, `a graphics state sets ${key.slice(1)} ${alpha}`);
      }
      const bm = names(gs['/BM']);
      if (bm.length > 0 && !bm.some((b) => b === '/Normal' || b === '/Compatible')) note(gsRef, `a graphics state sets the blend mode ${bm[0]!.slice(1)}`);
    }
  }
  for (const [ref, what] of found) add('transparency', `${what} (object ${ref}), and there is no output intent`);
}

/**
 * PDF/A-2 §6.1.7, §6.2.8, §6.2.9: no LZW-compressed streams, no image interpolation, no PostScript
 * XObjects.
 */
export function checkStreamsAndImages(objects: PdfObjects, add: AddFinding): void {
  for (const [ref, v] of objects.all) {
    const d = asDict(v);
    if (!d) continue;
    if (objects.streams.has(ref) && [...names(d['/Filter']), ...names(d['/FFilter'])].some((f) => f === '/LZWDecode' || f === '/LZW')) add('filters', `stream ${ref} is compressed with LZWDecode`);
    if (d['/Subtype'] === '/Image' && d['/Interpolate'] === true) add('interpolate', `image ${ref} asks for interpolation (/Interpolate true)`);
    if (d['/Subtype'] === '/PS' || d['/Subtype2'] === '/PS' || (d['/Subtype'] === '/Form' && d['/PS'] !== undefined)) add('postscript', `XObject ${ref} holds PostScript`);
  }
}
