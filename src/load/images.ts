// Images a plan uses: read from inside the plan folder only, identified by their bytes (not their
// names), size-checked from the header, and fully decoded here — so a corrupt, fake, CMYK or huge
// image is a diagnostic at the place that names it, and layout only ever sees good RGB images.
// Decoding is pure JavaScript (pngjs, jpeg-js): a native decoder can crash the whole process on a
// cut-off file (node-canvas's libpng did, on a PNG truncated after 41 bytes).
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { Span } from '../core/span.js';

/** A checked image, ready for the PDF: PNG images are flattened to RGB on white (no alpha). */
export interface ImageAsset {
  readonly mime: 'image/png' | 'image/jpeg';
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
  /** The file it was read from, when read from a file. */
  readonly absPath?: string;
}

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 8000;

type Header = { kind: 'png' | 'jpeg'; width: number; height: number; components?: number } | { kind: 'other'; found: string };

/** Read the format and pixel size from the first bytes, without decoding. */
function readHeader(b: Buffer): Header {
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString('latin1', 12, 16) === 'IHDR') {
    return { kind: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return { kind: 'jpeg', width: 0, height: 0 };
      const marker = b[i + 1]!;
      const len = b.readUInt16BE(i + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size and component count.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { kind: 'jpeg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7), components: b[i + 9]! };
      }
      i += 2 + len;
    }
    return { kind: 'jpeg', width: 0, height: 0 };
  }
  const start = b.subarray(0, 16).toString('latin1');
  const found = start.startsWith('GIF8') ? 'a GIF image' : /^\s*</.test(start) ? 'an SVG or other markup file' : start.startsWith('%PDF') ? 'a PDF file' : 'unknown content';
  return { kind: 'other', found };
}

/** Check and decode one image file's bytes; problems are reported at `span`. */
export function loadImage(bytes: Buffer, span: Span, sink: DiagnosticSink): ImageAsset | undefined {
  if (bytes.length > MAX_IMAGE_BYTES) {
    sink.report('limit/file-size', span, { size: bytes.length, limit: MAX_IMAGE_BYTES });
    return undefined;
  }
  const h = readHeader(bytes);
  if (h.kind === 'other') {
    sink.report('image/unsupported', span, { found: h.found });
    return undefined;
  }
  if (h.width > MAX_IMAGE_SIDE || h.height > MAX_IMAGE_SIDE) {
    sink.report('limit/image-pixels', span, { width: h.width, height: h.height, limit: MAX_IMAGE_SIDE });
    return undefined;
  }
  if (h.kind === 'jpeg' && h.components === 4) {
    sink.report('image/cmyk', span, {});
    return undefined;
  }
  if (h.kind === 'jpeg') {
    try {
      const img = jpeg.decode(bytes, { useTArray: true, maxResolutionInMP: (MAX_IMAGE_SIDE * MAX_IMAGE_SIDE) / 1e6, maxMemoryUsageInMB: 1024 });
      if (img.width === 0 || img.height === 0) throw new Error('the picture has no pixels');
      return { mime: 'image/jpeg', bytes, width: img.width, height: img.height };
    } catch (e) {
      sink.report('image/corrupt', span, { reason: (e as Error).message });
      return undefined;
    }
  }
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch (e) {
    const msg = (e as Error).message;
    const reason = /finished stream|unexpected end|too short/i.test(msg) ? 'the file ends before the picture does (cut off while copying?)' : msg;
    sink.report('image/corrupt', span, { reason });
    return undefined;
  }
  // Flatten to RGB on white: alpha makes pdfkit slow and its output bytes unstable.
  const rgba = png.data;
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3]! / 255;
    rgba[i] = Math.round(rgba[i]! * a + 255 * (1 - a));
    rgba[i + 1] = Math.round(rgba[i + 1]! * a + 255 * (1 - a));
    rgba[i + 2] = Math.round(rgba[i + 2]! * a + 255 * (1 - a));
    rgba[i + 3] = 255;
  }
  const out = PNG.sync.write(png, { colorType: 2, inputColorType: 6, inputHasAlpha: true });
  return { mime: 'image/png', bytes: out, width: png.width, height: png.height };
}
