// Images a plan uses: read from inside the plan folder only, identified by their bytes (not their
// names), size-checked from the header, and fully decoded here — so a corrupt, fake, CMYK or huge
// image is a diagnostic at the place that names it, and layout only ever sees good RGB images.
import { Image, createCanvas } from 'canvas';
import { PNG } from 'pngjs';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { Span } from '../core/span.js';

/** A checked image, ready for the PDF: PNG images are flattened to RGB on white (no alpha). */
export interface ImageAsset {
  readonly mime: 'image/png' | 'image/jpeg';
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
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
  const img = new Image();
  let failure: string | undefined;
  img.onerror = (e: Error) => {
    failure = e.message;
  };
  img.src = bytes; // node-canvas decodes synchronously
  if (failure !== undefined || img.width === 0 || img.height === 0 || (h.width > 0 && (img.width !== h.width || img.height !== h.height))) {
    sink.report('image/corrupt', span, { reason: failure ?? 'the picture data does not match its header' });
    return undefined;
  }
  if (h.kind === 'jpeg') return { mime: 'image/jpeg', bytes, width: img.width, height: img.height };
  // Flatten PNG to RGB on white: alpha makes pdfkit slow and its output bytes unstable.
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.drawImage(img, 0, 0);
  const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
  const png = new PNG({ width: img.width, height: img.height, colorType: 2, inputColorType: 6, inputHasAlpha: true });
  png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  return { mime: 'image/png', bytes: PNG.sync.write(png, { colorType: 2, inputColorType: 6, inputHasAlpha: true }), width: img.width, height: img.height };
}
