// Last step of `npm run build`: the command and its render worker bundled by esbuild from the
// TypeScript output, with the plain-JavaScript packages they import, into dist/bundle/ (cli.js,
// renderWorker.js and chunks); dist/cli.js, the command, is a one-line start of dist/bundle/cli.js (tsc
// writes the unbundled command as dist/command.js, never this file). A run then
// loads a few dozen files instead of some 300 small modules (Node's module loader was a fifth of the
// main thread's way to the render job). What a command loads only when it needs it (import() in
// command.ts and pipeline.ts) stays in a chunk of its own, loaded as late as before.
//
// Each module keeps its own location: `import.meta.url` in a module is replaced by the URL of the
// module's TypeScript output (dist/<path>.js), so the paths it resolves — templates, generated
// validators, packages through createRequire — are those of an unbundled run; a URL of a module that
// is itself an entry here (the render worker) points at that entry's bundle. What stays outside,
// loaded from node_modules as before: EXTERNAL below.
//
// The input is tsc's output: run after `tsc` (npm run build does).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const dist = path.resolve('dist');
const out = path.join(dist, 'bundle');
const MARK = '// plantrykk: bundled by scripts/bundle.mjs';
/** Entry name (its bundle is dist/bundle/<name>.js) → tsc's output of it. */
const ENTRIES = { cli: path.join(dist, 'command.js'), renderWorker: path.join(dist, 'run', 'renderWorker.js') };
/** The command users and tests run. */
const COMMAND = path.join(dist, 'cli.js');
/**
 * Never bundled: native code (canvas) and chart.js with its canvas; the PDF engine, whose modules the
 * engine's registry extends by name (src/emit/engine/registry.ts requires them, so a bundled copy
 * would be a second, unextended pdfmake) and whose files pdfkit reads beside its code (bundled into
 * the worker with both taken care of, it saved nothing measurable: its 3.5 MB cost the parse what the
 * module loader saved); pdfjs-dist, whose browser polyfills must not load with a build (command.ts audit).
 */
const EXTERNAL = ['canvas', 'chartjs-node-canvas', 'chart.js', 'pdfmake', 'pdfkit', 'fontkit', 'pdfjs-dist'];

for (const file of Object.values(ENTRIES)) {
  if (!fs.existsSync(file)) {
    console.error(`bundle: ${path.relative('.', file)} is missing: run the whole build (npm run build)`);
    process.exit(1);
  }
}
const bundledAs = new Map(Object.entries(ENTRIES).map(([name, file]) => [file, `./${name}.js`]));
const fromOut = (file) => path.relative(out, file).split(path.sep).join('/');

/** Every module of dist/ with its own URL (see the top of this file). */
const ownLocation = {
  name: 'own-location',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist + path.sep)) return undefined;
      let text = await fs.promises.readFile(args.path, 'utf8');
      const own = `new URL(${JSON.stringify(fromOut(args.path))}, import.meta.url).href`;
      text = text.replace(/new URL\((['"])(\.\.?\/[^'"]+\.js)\1, import\.meta\.url\)|import\.meta\.url/g, (whole, _q, rel) => {
        const entry = rel === undefined ? undefined : bundledAs.get(path.resolve(path.dirname(args.path), rel));
        if (entry) return `new URL(${JSON.stringify(entry)}, import.meta.url)`;
        return rel === undefined ? own : whole.replace('import.meta.url', own);
      });
      return { contents: text, loader: 'js' };
    });
  },
};

// Chunks of an earlier build would be left lying next to the new ones.
fs.rmSync(out, { recursive: true, force: true });
const result = await esbuild.build({
  entryPoints: ENTRIES,
  outdir: out,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  // What a command loads on demand stays in a chunk of its own.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // The packages bundled are CommonJS: their require() of Node's modules needs a require in an ES module.
  banner: { js: `${MARK}\nimport { createRequire as __plantrykkRequire } from 'node:module';\nconst require = __plantrykkRequire(import.meta.url);` },
  legalComments: 'none',
  plugins: [ownLocation],
  logLevel: 'warning',
  metafile: true,
});
fs.writeFileSync(COMMAND, `#!/usr/bin/env node\n${MARK}: the command is dist/bundle/cli.js (its source: src/command.ts)\nimport './bundle/cli.js';\n`, { mode: 0o755 });
const outputs = Object.values(result.metafile.outputs);
const kb = outputs.reduce((sum, o) => sum + o.bytes, 0) / 1024;
console.log(`bundle: ${Object.keys(ENTRIES).map((n) => `dist/bundle/${n}.js`).join(', ')} and ${outputs.length - Object.keys(ENTRIES).length} chunks (${kb.toFixed(0)} KiB)`);
