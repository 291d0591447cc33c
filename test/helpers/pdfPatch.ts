// Make a PDF that breaks one audit rule from one that passes: read its objects with qpdf's JSON,
// change or add a few, and let qpdf write the result (`--update-from-json`), so offsets and cross
// references stay right. Streams are written as given (`--stream-data=preserve`): an LZW stream stays LZW.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

type Value = string | number | boolean | null | Value[] | { [k: string]: Value };
type Dict = { [k: string]: Value };
type Entry = { value?: Value; stream?: { dict: Dict; data?: string } };

const qpdfJson = (file: string, key: string): any => JSON.parse(execFileSync('qpdf', ['--json=2', `--json-key=${key}`, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));

/** A PDF string literal as qpdf's JSON writes it (`u:` = text). */
export const str = (s: string): string => `u:${s}`;

/** Edits to one PDF, written out by `write`. */
export class PdfPatch {
  private readonly objects: Record<string, Entry>;
  private readonly changed: Record<string, Entry> = {};
  private next: number;
  /** Page objects, in page order. */
  readonly pages: string[];

  constructor(private readonly source: string) {
    const json = qpdfJson(source, 'qpdf');
    this.objects = json.qpdf[1];
    this.next = json.qpdf[0].maxobjectid + 1;
    this.pages = (qpdfJson(source, 'pages').pages as { object: string }[]).map((p) => p.object);
  }

  /** The current value of an object (a stream's dictionary), or an inline value as it is. */
  get(ref: Value): Value {
    if (typeof ref !== 'string' || !/ R$/.test(ref)) return ref;
    const e = this.changed[`obj:${ref}`] ?? this.objects[`obj:${ref}`] ?? this.objects[ref];
    return e?.value ?? e?.stream?.dict ?? null;
  }

  dict(ref: Value): Dict {
    return { ...(this.get(ref) as Dict) };
  }

  get trailer(): Dict {
    return { ...((this.changed.trailer ?? this.objects.trailer)!.value as Dict) };
  }

  get catalog(): string {
    return this.trailer['/Root'] as string;
  }

  /** Replace an object's value (not for streams), or the trailer with ref 'trailer'. */
  set(ref: string, value: Value): void {
    this.changed[ref === 'trailer' ? 'trailer' : `obj:${ref}`] = { value };
  }

  /** Change some keys of a dictionary object; a key set to undefined is removed. */
  update(ref: string, keys: Record<string, Value | undefined>): void {
    const d = ref === 'trailer' ? this.trailer : this.dict(ref);
    for (const [k, v] of Object.entries(keys)) {
      if (v === undefined) delete d[k];
      else d[k] = v;
    }
    this.set(ref, d);
  }

  /** Add an object; returns its reference. */
  add(value: Value): string {
    const ref = `${this.next++} 0 R`;
    this.changed[`obj:${ref}`] = { value };
    return ref;
  }

  /** Add a stream with its raw (already encoded, if the dictionary names a filter) bytes. */
  addStream(dict: Dict, data: string | Buffer): string {
    const ref = `${this.next++} 0 R`;
    this.changed[`obj:${ref}`] = { stream: { dict, data: Buffer.from(data).toString('base64') } };
    return ref;
  }

  /** Draw `content` at the end of page `n` (1-based), after everything the page draws, with extra resources. */
  draw(n: number, content: string | Buffer, resources: Record<string, Record<string, Value>> = {}): void {
    const pageRef = this.pages[n - 1]!;
    const page = this.dict(pageRef);
    const contents = Array.isArray(page['/Contents']) ? page['/Contents'] : [page['/Contents']!];
    const added = this.addStream({}, content);
    const res = this.dict(page['/Resources']!);
    for (const [category, entries] of Object.entries(resources)) res[category] = { ...(this.get(res[category] ?? {}) as Dict), ...entries };
    if (typeof page['/Resources'] === 'string') this.set(page['/Resources'], res);
    else page['/Resources'] = res;
    page['/Contents'] = [...contents, added];
    this.set(pageRef, page);
  }

  /** Write the changed PDF to `file`. */
  write(file: string): string {
    const patch = `${file}.patch.json`;
    fs.writeFileSync(patch, JSON.stringify({ qpdf: [{ jsonversion: 2, pushedinheritedpageresources: false, calledgetallpages: false, maxobjectid: this.next - 1 }, this.changed] }));
    execFileSync('qpdf', ['--stream-data=preserve', `--update-from-json=${patch}`, this.source, file]);
    fs.rmSync(patch);
    return file;
  }
}

/** A 1 × 1 grey image XObject (its stream dictionary and bytes). */
export const GREY_PIXEL: [Dict, Buffer] = [{ '/Type': '/XObject', '/Subtype': '/Image', '/Width': 1, '/Height': 1, '/ColorSpace': '/DeviceGray', '/BitsPerComponent': 8 }, Buffer.from([0x80])];

/** `bytes` compressed with LZW as PDF's LZWDecode reads it (9-bit codes; enough for a few bytes). */
export function lzw(bytes: readonly number[]): Buffer {
  const codes = [256, ...bytes, 257];
  let bits = '';
  for (const c of codes) bits += c.toString(2).padStart(9, '0');
  bits = bits.padEnd(Math.ceil(bits.length / 8) * 8, '0');
  return Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
}
