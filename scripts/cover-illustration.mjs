// Draws the abstract cover illustration of an example plan: soft hills and a sun in tints of one
// colour, written as a JPEG. No photo of a real place exists for the examples, so the picture is
// generated here (deterministic: same arguments, same bytes) and credited as an illustration.
// Usage: node scripts/cover-illustration.mjs <out.jpg> <#rrggbb>
import { writeFileSync } from 'node:fs';
import jpeg from 'jpeg-js';

const [out, hex = '#1f5a7a'] = process.argv.slice(2);
if (!out || !/^#[0-9a-f]{6}$/i.test(hex)) {
  console.error('usage: node scripts/cover-illustration.mjs <out.jpg> <#rrggbb>');
  process.exit(2);
}
const W = 1200, H = 604;
const base = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
/** The colour mixed with white: t = 0 white, 1 the colour itself. */
const tint = (t) => base.map((c) => Math.round(255 + (c - 255) * t));
const data = Buffer.alloc(W * H * 4);
// Ridges from back (light) to front (dark): each a sum of slow sines, so the shapes are soft.
const ridges = [
  { level: 0.50, amp: 0.07, f: [1.3, 2.9], ph: [0.4, 1.7], t: 0.22 },
  { level: 0.62, amp: 0.06, f: [1.9, 3.7], ph: [2.1, 0.3], t: 0.42 },
  { level: 0.74, amp: 0.05, f: [2.6, 5.1], ph: [1.1, 2.6], t: 0.66 },
  { level: 0.86, amp: 0.04, f: [3.3, 6.2], ph: [0.7, 1.9], t: 0.88 },
];
const sun = { x: 0.72, y: 0.30, r: 0.11 };
for (let y = 0; y < H; y++) {
  for (let x = 0; x < W; x++) {
    const u = x / W, v = y / H;
    // Sky: from a pale tint at the top to almost white at the horizon.
    let c = tint(0.16 - 0.12 * v);
    const d = Math.hypot((u - sun.x) * (W / H), v - sun.y);
    if (d < sun.r) c = tint(0.05);
    for (const r of ridges) {
      const top = r.level + r.amp * (Math.sin(u * r.f[0] * Math.PI + r.ph[0]) + 0.5 * Math.sin(u * r.f[1] * Math.PI + r.ph[1]));
      if (v >= top) c = tint(r.t);
    }
    const i = (y * W + x) * 4;
    data[i] = c[0]; data[i + 1] = c[1]; data[i + 2] = c[2]; data[i + 3] = 255;
  }
}
writeFileSync(out, jpeg.encode({ data, width: W, height: H }, 88).data);
